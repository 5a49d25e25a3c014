package cmdline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// PositionalArgs checks a command's arguments (those that are not flags).
type PositionalArgs func(cmd *Command, args []string) error

// ExactArgs accepts exactly n arguments.
func ExactArgs(n int) PositionalArgs {
	return func(cmd *Command, args []string) error {
		if len(args) != n {
			return fmt.Errorf("accepts %d arg(s), received %d", n, len(args))
		}
		return nil
	}
}

// Command is a command of the program: the root, or one of its
// subcommands, as in cobra.
type Command struct {
	// Use is the one-line usage: the command's name, then its arguments.
	Use string
	// Short is the description in the parent's list of commands.
	Short string
	// Long is the description in the command's own help.
	Long string
	// Example is shown under "Examples:", indented as written.
	Example string
	// Args checks the arguments; nil accepts any (and, on a command with
	// subcommands, refuses an unknown subcommand).
	Args PositionalArgs
	// RunE runs the command; a command without it prints its help.
	RunE func(cmd *Command, args []string) error
	// PersistentPreRunE runs before RunE of this command and its
	// descendants (the nearest one defined).
	PersistentPreRunE func(cmd *Command, args []string) error
	// ValidArgs are the completions of the first argument.
	ValidArgs []string
	// ValidArgsFunction completes arguments.
	ValidArgsFunction CompletionFunc
	// Version, on the root, adds --version (and -v).
	Version string
	// Hidden leaves the command out of help and completion.
	Hidden bool
	// SilenceErrors and SilenceUsage are accepted for cobra's sake:
	// Execute never prints an error; its caller does.
	SilenceErrors, SilenceUsage bool

	parent    *Command
	commands  []*Command
	flags     *FlagSet // local flags, then merged with the inherited ones
	pflags    *FlagSet // persistent flags defined here
	merged    bool
	flagComps map[*Flag]CompletionFunc

	in          io.Reader
	out, errOut io.Writer
	args        []string
	argsSet     bool
	ctx         context.Context
	flagErrFunc func(*Command, error) error
	versionTmpl string
	helpCmd     *Command
}

// Name is the first word of Use.
func (c *Command) Name() string {
	name, _, _ := strings.Cut(c.Use, " ")
	return name
}

// AddCommand adds subcommands.
func (c *Command) AddCommand(cmds ...*Command) {
	for _, x := range cmds {
		if x == c {
			panic("cmdline: command cannot be a child of itself")
		}
		x.parent = c
		c.commands = append(c.commands, x)
	}
}

// RemoveCommand removes subcommands.
func (c *Command) RemoveCommand(cmds ...*Command) {
	c.commands = slices.DeleteFunc(c.commands, func(x *Command) bool { return slices.Contains(cmds, x) })
}

// Commands returns the subcommands, sorted by name.
func (c *Command) Commands() []*Command {
	s := slices.Clone(c.commands)
	slices.SortFunc(s, func(a, b *Command) int { return strings.Compare(a.Name(), b.Name()) })
	return s
}

// HasSubCommands reports whether c has subcommands.
func (c *Command) HasSubCommands() bool { return len(c.commands) > 0 }

// Parent returns the parent command, or nil for the root.
func (c *Command) Parent() *Command { return c.parent }

// HasParent reports whether c is not the root.
func (c *Command) HasParent() bool { return c.parent != nil }

// Root returns the root command.
func (c *Command) Root() *Command {
	for c.parent != nil {
		c = c.parent
	}
	return c
}

// CommandPath is the names from the root to c ("peacock favorites add").
func (c *Command) CommandPath() string {
	if c.parent == nil {
		return c.Name()
	}
	return c.parent.CommandPath() + " " + c.Name()
}

// Runnable reports whether c has a RunE.
func (c *Command) Runnable() bool { return c.RunE != nil }

// Context returns the context of Execute (context.Background if none).
func (c *Command) Context() context.Context {
	if c.ctx == nil {
		return context.Background()
	}
	return c.ctx
}

// SetArgs sets the arguments Execute parses instead of os.Args[1:].
func (c *Command) SetArgs(args []string) { c.args, c.argsSet = args, true }

// SetIn sets the command's input (default os.Stdin).
func (c *Command) SetIn(r io.Reader) { c.in = r }

// SetOut sets where help and completions go (default os.Stdout).
func (c *Command) SetOut(w io.Writer) { c.out = w }

// SetErr sets where completion diagnostics go (default os.Stderr).
func (c *Command) SetErr(w io.Writer) { c.errOut = w }

// InOrStdin returns the input set on c or an ancestor, else os.Stdin.
func (c *Command) InOrStdin() io.Reader {
	for x := c; x != nil; x = x.parent {
		if x.in != nil {
			return x.in
		}
	}
	return os.Stdin
}

// OutOrStdout returns the output set on c or an ancestor, else os.Stdout.
func (c *Command) OutOrStdout() io.Writer {
	for x := c; x != nil; x = x.parent {
		if x.out != nil {
			return x.out
		}
	}
	return os.Stdout
}

// ErrOrStderr returns the error output set on c or an ancestor, else
// os.Stderr.
func (c *Command) ErrOrStderr() io.Writer {
	for x := c; x != nil; x = x.parent {
		if x.errOut != nil {
			return x.errOut
		}
	}
	return os.Stderr
}

// SetFlagErrorFunc sets what a flag parsing error becomes (on c and the
// commands below it that set none).
func (c *Command) SetFlagErrorFunc(fn func(*Command, error) error) { c.flagErrFunc = fn }

func (c *Command) flagError(err error) error {
	for x := c; x != nil; x = x.parent {
		if x.flagErrFunc != nil {
			return x.flagErrFunc(c, err)
		}
	}
	return err
}

// SetVersionTemplate sets what --version prints; {{.Version}} stands for
// Version. The default is "NAME version VERSION\n".
func (c *Command) SetVersionTemplate(s string) { c.versionTmpl = s }

// Flags returns the command's flags: its local ones, and once the command
// runs, the persistent flags of it and its ancestors too.
func (c *Command) Flags() *FlagSet {
	if c.flags == nil {
		c.flags = &FlagSet{}
	}
	return c.flags
}

// PersistentFlags returns the flags defined here for c and every command
// below it.
func (c *Command) PersistentFlags() *FlagSet {
	if c.pflags == nil {
		c.pflags = &FlagSet{}
	}
	return c.pflags
}

// Flag looks a flag up among c's flags and the persistent flags of c and
// its ancestors.
func (c *Command) Flag(name string) *Flag {
	if fl := c.Flags().Lookup(name); fl != nil {
		return fl
	}
	for x := c; x != nil; x = x.parent {
		if fl := x.pflags.Lookup(name); fl != nil {
			return fl
		}
	}
	return nil
}

// mergePersistentFlags adds to c's flag set the persistent flags of c and
// its ancestors.
func (c *Command) mergePersistentFlags() {
	if c.merged {
		return
	}
	c.merged = true
	fs := c.Flags()
	for x := c; x != nil; x = x.parent {
		if x.pflags == nil {
			continue
		}
		for _, fl := range x.pflags.order {
			if fs.Lookup(fl.Name) == nil {
				fs.add(fl)
			}
		}
	}
}

// localFlags are the flags defined on c itself, persistent or not.
func (c *Command) localFlags() *FlagSet {
	fs := &FlagSet{}
	if c.flags != nil {
		for _, fl := range c.flags.order {
			if c.inheritedFlag(fl.Name) == nil || c.pflags.Lookup(fl.Name) != nil {
				fs.add(fl)
			}
		}
	}
	if c.pflags != nil {
		for _, fl := range c.pflags.order {
			if fs.Lookup(fl.Name) == nil {
				fs.add(fl)
			}
		}
	}
	return fs
}

// inheritedFlag is the persistent flag name of an ancestor of c, or nil.
func (c *Command) inheritedFlag(name string) *Flag {
	for x := c.parent; x != nil; x = x.parent {
		if fl := x.pflags.Lookup(name); fl != nil {
			return fl
		}
	}
	return nil
}

// inheritedFlags are the persistent flags of c's ancestors.
func (c *Command) inheritedFlags() *FlagSet {
	fs := &FlagSet{}
	for x := c.parent; x != nil; x = x.parent {
		if x.pflags == nil {
			continue
		}
		for _, fl := range x.pflags.order {
			if fs.Lookup(fl.Name) == nil && c.localOnly(fl.Name) == nil {
				fs.add(fl)
			}
		}
	}
	return fs
}

// localOnly is the non-persistent local flag name of c, or nil.
func (c *Command) localOnly(name string) *Flag {
	if c.flags == nil {
		return nil
	}
	fl := c.flags.Lookup(name)
	if fl == nil || c.inheritedFlag(name) == fl {
		return nil
	}
	return fl
}

// initDefaultFlags adds -h/--help to c, and --version (-v when free) to
// the root when it has a Version.
func (c *Command) initDefaultFlags() {
	c.mergePersistentFlags()
	fs := c.Flags()
	if fs.Lookup("help") == nil {
		var help bool
		short := "h"
		if fs.shorthands['h'] != nil {
			short = ""
		}
		fs.BoolVarP(&help, "help", short, false, "help for "+c.Name())
	}
	if c.Version != "" && c.parent == nil && fs.Lookup("version") == nil {
		var version bool
		short := "v"
		if fs.shorthands['v'] != nil {
			short = ""
		}
		fs.BoolVarP(&version, "version", short, false, "version for "+c.Name())
	}
}

// RegisterFlagCompletionFunc sets how the values of flag name complete
// (for c and the commands below it, which may be added later).
func (c *Command) RegisterFlagCompletionFunc(name string, fn CompletionFunc) error {
	fl := c.Flag(name)
	if fl == nil {
		return fmt.Errorf("RegisterFlagCompletionFunc: flag '%s' does not exist", name)
	}
	if c.flagComps == nil {
		c.flagComps = map[*Flag]CompletionFunc{}
	}
	if _, ok := c.flagComps[fl]; ok {
		return fmt.Errorf("RegisterFlagCompletionFunc: flag '%s' already registered", name)
	}
	c.flagComps[fl] = fn
	return nil
}

// Execute runs the command line: SetArgs, else os.Args[1:].
func (c *Command) Execute() error { return c.ExecuteContext(context.Background()) }

// ExecuteContext is Execute with a context that commands get from Context.
// Help (-h, --help, the help command, a command without RunE) goes to
// the output and is no error. Errors are returned, never printed.
func (c *Command) ExecuteContext(ctx context.Context) error {
	if c.parent != nil {
		return c.Root().ExecuteContext(ctx)
	}
	args := c.args
	if !c.argsSet {
		args = os.Args[1:]
	}
	if len(args) > 0 && (args[0] == completeCmdName || args[0] == completeNoDescCmdName) {
		c.ctx = ctx
		return c.complete(args[0] == completeNoDescCmdName, args[1:])
	}
	c.addHelpCommand()
	cmd, rest, err := c.Find(args)
	if err != nil {
		return err
	}
	cmd.ctx = ctx
	err = cmd.execute(rest)
	if errors.Is(err, errHelp) {
		return cmd.Help()
	}
	return err
}

func (c *Command) execute(args []string) error {
	c.initDefaultFlags()
	fs := c.Flags()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, errHelp) {
			return err
		}
		return c.flagError(err)
	}
	if fs.isTrue("help") {
		return errHelp
	}
	if c.parent == nil && c.Version != "" && fs.isTrue("version") {
		tmpl := c.versionTmpl
		if tmpl == "" {
			tmpl = "{{.Name}} version {{.Version}}\n"
		}
		s := strings.NewReplacer("{{.Version}}", c.Version, "{{.Name}}", c.Name()).Replace(tmpl)
		_, err := io.WriteString(c.OutOrStdout(), s)
		return err
	}
	if !c.Runnable() {
		return errHelp
	}
	posArgs := fs.Args()
	if c.Args != nil {
		if err := c.Args(c, posArgs); err != nil {
			return err
		}
	}
	for x := c; x != nil; x = x.parent {
		if x.PersistentPreRunE != nil {
			if err := x.PersistentPreRunE(c, posArgs); err != nil {
				return err
			}
			break
		}
	}
	return c.RunE(c, posArgs)
}

// Find returns the command that args name and the arguments left for it.
// An unknown name where a subcommand is expected (on the root) is an
// error, with suggestions.
func (c *Command) Find(args []string) (*Command, []string, error) {
	cmd, rest := c, args
	for {
		words := stripFlags(rest, cmd)
		if len(words) == 0 {
			break
		}
		next := cmd.findNext(words[0])
		if next == nil {
			break
		}
		rest = argsMinusFirst(rest, words[0], cmd)
		cmd = next
	}
	if cmd.Args == nil && cmd.parent == nil && cmd.HasSubCommands() {
		if words := stripFlags(rest, cmd); len(words) > 0 {
			return cmd, rest, fmt.Errorf("unknown command %q for %q%s", words[0], cmd.CommandPath(), cmd.suggestions(words[0]))
		}
	}
	return cmd, rest, nil
}

// FirstWord returns the first argument of args that is neither a flag of c
// (with its persistent flags) nor a flag's value, by the rules Find uses:
// the name of the subcommand Find would look up, or "" when there is none.
// A program that adds only the subcommand args name, to start faster,
// asks this, so that it builds the command Find will pick.
func (c *Command) FirstWord(args []string) string {
	if words := stripFlags(args, c); len(words) > 0 {
		return words[0]
	}
	return ""
}

func (c *Command) findNext(name string) *Command {
	for _, x := range c.commands {
		if x.Name() == name {
			return x
		}
	}
	return nil
}

// suggestions is the "Did you mean this?" part of an unknown command
// error: commands within two edits of typed, or that it begins, in the
// order they were added, as cobra lists them (neither hidden commands nor
// help).
func (c *Command) suggestions(typed string) string {
	var names []string
	for _, x := range c.commands {
		if x.Hidden || x.Name() == completeCmdName || x == c.helpCmd {
			continue
		}
		if levenshtein(strings.ToLower(typed), strings.ToLower(x.Name())) <= 2 || strings.HasPrefix(strings.ToLower(x.Name()), strings.ToLower(typed)) {
			names = append(names, x.Name())
		}
	}
	if len(names) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n\nDid you mean this?\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%v\n", n)
	}
	return b.String()
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// takesValue reports whether the flag named by the argument s (--name or
// -n, without =) takes the next argument as its value. An unknown flag is
// taken to, as cobra does.
func takesValue(s string, c *Command) bool {
	c.mergePersistentFlags()
	var fl *Flag
	if strings.HasPrefix(s, "--") {
		fl = c.Flags().Lookup(s[2:])
	} else if len(s) == 2 {
		fl = c.Flags().shorthands[s[1]]
		if fl == nil {
			return true
		}
	}
	return fl == nil || fl.NoOptDefVal == ""
}

// stripFlags returns the arguments that are not flags or flag values, up
// to --.
func stripFlags(args []string, c *Command) []string {
	var words []string
	for i := 0; i < len(args); i++ {
		s := args[i]
		switch {
		case s == "--":
			return words
		case strings.HasPrefix(s, "--") && !strings.Contains(s, "="), strings.HasPrefix(s, "-") && len(s) == 2:
			if takesValue(s, c) {
				i++
			}
		case s != "" && !strings.HasPrefix(s, "-"):
			words = append(words, s)
		}
	}
	return words
}

// argsMinusFirst removes the first argument x that is not a flag value.
func argsMinusFirst(args []string, x string, c *Command) []string {
	for i := 0; i < len(args); i++ {
		s := args[i]
		switch {
		case s == "--":
			return args
		case strings.HasPrefix(s, "-") && len(s) > 1 && !strings.Contains(s, "="):
			if (strings.HasPrefix(s, "--") || len(s) == 2) && takesValue(s, c) {
				i++
			}
		case s == x:
			return slices.Concat(args[:i], args[i+1:])
		}
	}
	return args
}

// addHelpCommand adds `help [command]` to a root with subcommands.
func (c *Command) addHelpCommand() {
	if c.helpCmd != nil || !c.HasSubCommands() || c.findNext("help") != nil {
		return
	}
	c.helpCmd = &Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long: `Help provides help for any command in the application.
Simply type ` + c.Name() + ` help [path to command] for full details.`,
		ValidArgsFunction: func(cmd *Command, args []string, toComplete string) ([]string, ShellCompDirective) {
			var comps []string
			target, _, err := cmd.Root().Find(args)
			if err != nil {
				return nil, ShellCompDirectiveNoFileComp
			}
			for _, x := range target.Commands() {
				if !x.Hidden && strings.HasPrefix(x.Name(), toComplete) {
					comps = append(comps, x.Name()+"\t"+x.Short)
				}
			}
			return comps, ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *Command, args []string) error {
			// As cobra: arguments left after the command (help set extra)
			// do not make the topic unknown.
			target, _, err := cmd.Root().Find(args)
			if err != nil {
				fmt.Fprintf(cmd.OutOrStdout(), "Unknown help topic %#q\n", args)
				return cmd.Root().usage(cmd.OutOrStdout())
			}
			return target.Help()
		},
	}
	c.AddCommand(c.helpCmd)
}
