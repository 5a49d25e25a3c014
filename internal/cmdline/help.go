package cmdline

import (
	"fmt"
	"io"
	"strings"
)

// Help prints c's help to its output: its Long (else Short) description,
// then its usage, in cobra's layout.
func (c *Command) Help() error {
	c.initDefaultFlags()
	w := c.OutOrStdout()
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	if desc = strings.TrimRight(desc, " \t\n"); desc != "" {
		fmt.Fprintf(w, "%s\n\n", desc)
	}
	return c.usage(w)
}

// useLine is the command path with the arguments of Use, and [flags].
func (c *Command) useLine() string {
	line := c.Use
	if c.parent != nil {
		line = c.parent.CommandPath() + " " + c.Use
	}
	if c.Flags().HasFlags() && !strings.Contains(line, "[flags]") {
		line += " [flags]"
	}
	return line
}

func (c *Command) visibleCommands() []*Command {
	var out []*Command
	for _, x := range c.Commands() {
		if !x.Hidden || x == c.helpCmd {
			out = append(out, x)
		}
	}
	return out
}

// usage writes the usage part of the help.
func (c *Command) usage(w io.Writer) error {
	c.initDefaultFlags()
	var b strings.Builder
	b.WriteString("Usage:")
	if c.Runnable() {
		b.WriteString("\n  " + c.useLine())
	}
	cmds := c.visibleCommands()
	if len(cmds) > 0 {
		b.WriteString("\n  " + c.CommandPath() + " [command]")
	}
	if c.Example != "" {
		b.WriteString("\n\nExamples:\n" + c.Example)
	}
	if len(cmds) > 0 {
		// As cobra, the names of hidden commands count too.
		pad := 11
		for _, x := range c.commands {
			pad = max(pad, len(x.Name()))
		}
		b.WriteString("\n\nAvailable Commands:")
		for _, x := range cmds {
			fmt.Fprintf(&b, "\n  %-*s %s", pad, x.Name(), x.Short)
		}
	}
	if local := c.localFlags(); local.HasFlags() {
		b.WriteString("\n\nFlags:\n" + strings.TrimRight(local.FlagUsages(), " \t\n"))
	}
	if inherited := c.inheritedFlags(); inherited.HasFlags() {
		b.WriteString("\n\nGlobal Flags:\n" + strings.TrimRight(inherited.FlagUsages(), " \t\n"))
	}
	if len(cmds) > 0 {
		fmt.Fprintf(&b, "\n\nUse \"%s [command] --help\" for more information about a command.", c.CommandPath())
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
