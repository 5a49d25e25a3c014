package cmdline

import (
	"fmt"
	"io"
	"slices"
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

	// Completing a flag's value: --flag=VAL, or VAL after --flag (the
	// flag then left out of the arguments parsed), as cobra's
	// checkIfFlagCompletion finds it.
	var valueOf *Flag
	var flagErr error
	if strings.HasPrefix(toComplete, "-") {
		if i := strings.IndexByte(toComplete, '='); i >= 0 {
			name := toComplete[i-1 : i]
			if strings.HasPrefix(toComplete[:i], "--") {
				name = toComplete[2:i]
			}
			toComplete = toComplete[i+1:]
			if valueOf = cmd.completionFlag(name); valueOf == nil {
				flagErr = fmt.Errorf("subcommand '%s' does not support flag '%s'", cmd.Name(), name)
			}
		}
	} else if len(rest) > 0 {
		prev := rest[len(rest)-1]
		isFlag := len(prev) >= 3 && prev[:2] == "--" || len(prev) >= 2 && prev[0] == '-' && prev[1] != '-'
		if isFlag && !strings.Contains(prev, "=") {
			name := prev[len(prev)-1:]
			if strings.HasPrefix(prev, "--") {
				name = prev[2:]
			}
			valueOf = cmd.completionFlag(name)
			switch {
			case valueOf == nil:
				flagErr = fmt.Errorf("subcommand '%s' does not support flag '%s'", cmd.Name(), name)
			case valueOf.NoOptDefVal != "":
				valueOf = nil
			default:
				rest = rest[:len(rest)-1]
			}
		}
	}
	// After --, nothing is a flag: neither the word being completed nor
	// the one before it. (cobra tells by parsing with one more --.)
	_ = cmd.Flags().Parse(slices.Concat(rest, []string{"--"}))
	withDashes := cmd.Flags().NArg()
	if err := cmd.Flags().Parse(rest); err != nil {
		return nil, ShellCompDirectiveDefault, fmt.Errorf("parsing flags from args %v: %w", rest, err)
	}
	flagCompletion := withDashes <= cmd.Flags().NArg()
	if flagErr != nil && flagCompletion {
		return nil, ShellCompDirectiveDefault, flagErr
	}
	if cmd.Flags().Changed("help") || cmd.Flags().Changed("version") {
		return nil, ShellCompDirectiveNoFileComp, nil
	}
	posArgs := cmd.Flags().Args()

	if valueOf != nil && flagCompletion {
		for x := cmd; x != nil; x = x.parent {
			if fn := x.flagComps[valueOf]; fn != nil {
				comps, d := fn(cmd, posArgs, toComplete)
				return comps, d, nil
			}
		}
		return nil, ShellCompDirectiveDefault, nil
	}

	// Flag names.
	if valueOf == nil && strings.HasPrefix(toComplete, "-") && !strings.Contains(toComplete, "=") && flagCompletion {
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

	// Subcommands, valid arguments, or the command's own function; only
	// the function when the word after -- follows a flag that takes a
	// value (as in cobra).
	if valueOf != nil {
		if cmd.ValidArgsFunction == nil {
			return nil, ShellCompDirectiveDefault, nil
		}
		comps, d := cmd.ValidArgsFunction(cmd, posArgs, toComplete)
		return comps, d, nil
	}
	var comps []string
	directive := ShellCompDirectiveDefault
	// No subcommands once a flag of this command alone is given.
	localSet := false
	for _, fl := range cmd.Flags().order {
		if fl.Changed && cmd.pflags.Lookup(fl.Name) == nil && cmd.inheritedFlag(fl.Name) == nil {
			localSet = true
		}
	}
	if len(posArgs) == 0 && !localSet {
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

// completionFlag is the flag that completion names name: a one-letter
// name is a shorthand (of c, else inherited), as in cobra's findFlag.
func (c *Command) completionFlag(name string) *Flag {
	if len(name) == 1 {
		fl := c.Flags().shorthands[name[0]]
		if fl == nil {
			fl = c.inheritedFlags().shorthands[name[0]]
		}
		if fl == nil {
			return nil
		}
		name = fl.Name
	}
	return c.Flag(name)
}
