package cmdline

import (
	"fmt"
	"io"
	"strings"
)

// ShellCompDirective tells the completion scripts what to do with the
// completions (the same bits as cobra's, which the scripts decode).
type ShellCompDirective int

const (
	// ShellCompDirectiveError: an error occurred; ignore the completions.
	ShellCompDirectiveError ShellCompDirective = 1 << iota
	// ShellCompDirectiveNoSpace: no space after the completion.
	ShellCompDirectiveNoSpace
	// ShellCompDirectiveNoFileComp: do not complete file names when
	// there are no completions.
	ShellCompDirectiveNoFileComp
	// ShellCompDirectiveFilterFileExt: the completions are file
	// extensions to filter by.
	ShellCompDirectiveFilterFileExt
	// ShellCompDirectiveFilterDirs: complete directory names only.
	ShellCompDirectiveFilterDirs
	// ShellCompDirectiveKeepOrder: keep the completions' order.
	ShellCompDirectiveKeepOrder

	// ShellCompDirectiveDefault: complete file names when there are no
	// completions.
	ShellCompDirectiveDefault ShellCompDirective = 0
)

// CompletionFunc returns the completions of toComplete, given the
// arguments before it: "value" or "value\tdescription".
type CompletionFunc = func(cmd *Command, args []string, toComplete string) ([]string, ShellCompDirective)

// FixedCompletions completes from choices, with directive.
func FixedCompletions(choices []string, directive ShellCompDirective) CompletionFunc {
	return func(*Command, []string, string) ([]string, ShellCompDirective) { return choices, directive }
}

// The hidden commands the completion scripts run: the words typed so far
// in, completions out.
const (
	completeCmdName       = "__complete"
	completeNoDescCmdName = "__completeNoDesc"
)

// complete answers the completion scripts: one completion a line, then
// :DIRECTIVE, as cobra's __complete does.
func (c *Command) complete(noDesc bool, args []string) error {
	if len(args) == 0 {
		args = []string{""}
	}
	comps, directive, err := c.complete1(args)
	if err != nil {
		fmt.Fprintf(c.ErrOrStderr(), "Error: %v\n", err)
	}
	out := c.OutOrStdout()
	var b strings.Builder
	for _, comp := range comps {
		if noDesc {
			comp, _, _ = strings.Cut(comp, "\t")
		}
		comp, _, _ = strings.Cut(comp, "\n")
		fmt.Fprintln(&b, strings.TrimSpace(comp))
	}
	fmt.Fprintf(&b, ":%d\n", directive)
	if _, err := io.WriteString(out, b.String()); err != nil {
		return err
	}
	fmt.Fprintf(c.ErrOrStderr(), "Completion ended with directive: %s\n", directive.String())
	return nil
}

func (c *Command) complete1(args []string) ([]string, ShellCompDirective, error) {
	toComplete := args[len(args)-1]
	c.addHelpCommand()
	cmd, rest, err := c.Find(args[:len(args)-1])
	if err != nil {
		return nil, ShellCompDirectiveDefault, fmt.Errorf("unable to find a command for arguments: %v", args[:len(args)-1])
	}
	cmd.ctx = c.ctx
	cmd.initDefaultFlags()

	// Completing a flag's value: --flag=VAL, or VAL after --flag.
	var valueOf *Flag
	if strings.HasPrefix(toComplete, "-") {
		if i := strings.IndexByte(toComplete, '='); i >= 0 {
			name := toComplete[:i]
			if strings.HasPrefix(name, "--") {
				valueOf = cmd.Flags().Lookup(name[2:])
			} else if len(name) >= 2 {
				valueOf = cmd.Flags().shorthands[name[len(name)-1]]
			}
			toComplete = toComplete[i+1:]
			if valueOf == nil {
				return nil, ShellCompDirectiveDefault, fmt.Errorf("subcommand '%s' does not support flag '%s'", cmd.Name(), name)
			}
		}
	} else if len(rest) > 0 {
		prev := rest[len(rest)-1]
		if strings.HasPrefix(prev, "-") && len(prev) > 1 && !strings.Contains(prev, "=") && prev != "--" {
			var fl *Flag
			if strings.HasPrefix(prev, "--") {
				fl = cmd.Flags().Lookup(prev[2:])
			} else {
				fl = cmd.Flags().shorthands[prev[len(prev)-1]]
			}
			if fl != nil && fl.NoOptDefVal == "" {
				valueOf = fl
				rest = rest[:len(rest)-1]
			}
		}
	}
	if err := cmd.Flags().Parse(rest); err != nil {
		return nil, ShellCompDirectiveDefault, fmt.Errorf("parsing flags from args %v: %w", rest, err)
	}
	if cmd.Flags().isTrue("help") || cmd.Flags().isTrue("version") {
		return nil, ShellCompDirectiveNoFileComp, nil
	}
	posArgs := cmd.Flags().Args()

	if valueOf != nil {
		for x := cmd; x != nil; x = x.parent {
			if fn := x.flagComps[valueOf]; fn != nil {
				comps, d := fn(cmd, posArgs, toComplete)
				return comps, d, nil
			}
		}
		return nil, ShellCompDirectiveDefault, nil
	}

	// Flag names.
	if strings.HasPrefix(toComplete, "-") {
		var comps []string
		add := func(fl *Flag) {
			if fl.Hidden || fl.Changed {
				return
			}
			if name := "--" + fl.Name; strings.HasPrefix(name, toComplete) {
				comps = append(comps, name+"\t"+fl.Usage)
			}
			if name := "-" + fl.Shorthand; fl.Shorthand != "" && strings.HasPrefix(name, toComplete) {
				comps = append(comps, name+"\t"+fl.Usage)
			}
		}
		cmd.inheritedFlags().VisitAll(add)
		cmd.localFlags().VisitAll(add)
		return comps, ShellCompDirectiveNoFileComp, nil
	}

	// Subcommands, valid arguments, or the command's own function.
	var comps []string
	directive := ShellCompDirectiveDefault
	if len(posArgs) == 0 {
		for _, x := range cmd.Commands() {
			if x.Hidden && x != c.helpCmd {
				continue
			}
			if strings.HasPrefix(x.Name(), toComplete) {
				comps = append(comps, x.Name()+"\t"+x.Short)
			}
			directive = ShellCompDirectiveNoFileComp
		}
	}
	if len(cmd.ValidArgs) > 0 {
		if len(posArgs) == 0 {
			for _, v := range cmd.ValidArgs {
				if strings.HasPrefix(v, toComplete) {
					comps = append(comps, v)
				}
			}
			directive = ShellCompDirectiveNoFileComp
		}
		return comps, directive, nil
	}
	if cmd.ValidArgsFunction != nil {
		more, d := cmd.ValidArgsFunction(cmd, posArgs, toComplete)
		return append(comps, more...), d, nil
	}
	return comps, directive, nil
}

// String names the directive's bits, for the diagnostics on stderr.
func (d ShellCompDirective) String() string {
	var parts []string
	for _, p := range []struct {
		bit  ShellCompDirective
		name string
	}{
		{ShellCompDirectiveError, "ShellCompDirectiveError"},
		{ShellCompDirectiveNoSpace, "ShellCompDirectiveNoSpace"},
		{ShellCompDirectiveNoFileComp, "ShellCompDirectiveNoFileComp"},
		{ShellCompDirectiveFilterFileExt, "ShellCompDirectiveFilterFileExt"},
		{ShellCompDirectiveFilterDirs, "ShellCompDirectiveFilterDirs"},
		{ShellCompDirectiveKeepOrder, "ShellCompDirectiveKeepOrder"},
	} {
		if d&p.bit != 0 {
			parts = append(parts, p.name)
		}
	}
	if len(parts) == 0 {
		return "ShellCompDirectiveDefault"
	}
	return strings.Join(parts, ", ")
}

// GenBashCompletionV2 writes the bash completion script.
func (c *Command) GenBashCompletionV2(w io.Writer, includeDesc bool) error {
	return bashScript(w, c.Root().Name(), includeDesc)
}

// GenZshCompletion writes the zsh completion script.
func (c *Command) GenZshCompletion(w io.Writer) error { return zshScript(w, c.Root().Name()) }

// GenFishCompletion writes the fish completion script.
func (c *Command) GenFishCompletion(w io.Writer, includeDesc bool) error {
	return fishScript(w, c.Root().Name(), includeDesc)
}

// GenPowerShellCompletionWithDesc writes the PowerShell completion script.
func (c *Command) GenPowerShellCompletionWithDesc(w io.Writer) error {
	return powershellScript(w, c.Root().Name(), true)
}
