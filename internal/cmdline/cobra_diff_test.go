package cmdline

// Differential tests: the same command tree is built with this package and
// with cobra v1.10.2 (pflag v1.0.9), and every command line of a large table
// must give the same run (command, arguments, the value and Changed state of
// every flag), the same error text and the same output (help, version,
// completions).

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagSpec is a flag of the tree: kind is "string", "bool", "uint" or
// "uint64".
type flagSpec struct {
	kind, name, short, def, usage string
}

// compSpec is a completion: fixed choices (FixedCompletions) or a function
// of the arguments and the word being completed.
type compSpec struct {
	fixed     []string
	fn        func(args []string, toComplete string) []string
	directive int
}

func (c compSpec) complete(args []string, toComplete string) ([]string, int) {
	if c.fn != nil {
		return c.fn(args, toComplete), c.directive
	}
	return c.fixed, c.directive
}

// cmdSpec is a command of the tree.
type cmdSpec struct {
	use, short, long, example string
	hidden                    bool
	run                       bool
	// args checks the positional arguments (nil: no Args).
	args        func(path string, args []string) error
	validArgs   []string
	validArgsFn *compSpec
	flags       []flagSpec // local
	pflags      []flagSpec // persistent
	comps       map[string]compSpec
	subs        []*cmdSpec
}

func exactN(n int) func(string, []string) error {
	return func(path string, args []string) error {
		if len(args) != n {
			return fmt.Errorf("%s: want %d argument(s), got %d", path, n, len(args))
		}
		return nil
	}
}

func rangeN(lo, hi int) func(string, []string) error {
	return func(path string, args []string) error {
		if len(args) < lo || len(args) > hi {
			return fmt.Errorf("%s: want %d to %d arguments, got %q", path, lo, hi, args)
		}
		return nil
	}
}

func noArgsSpec(path string, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s: unexpected argument %q", path, args[0])
	}
	return nil
}

const (
	dNoSpace    = 2
	dNoFileComp = 4
	dFileExt    = 8
	dFilterDirs = 16
)

func prefixed(choices ...string) func([]string, string) []string {
	return func(_ []string, toComplete string) []string {
		var out []string
		for _, c := range choices {
			if strings.HasPrefix(c, toComplete) {
				out = append(out, c)
			}
		}
		return out
	}
}

// diffSpec is the tree of the brief: prog, its persistent flags, and set,
// random, favorites (add, remove), completion and a hidden secret.
func diffSpec() *cmdSpec {
	return &cmdSpec{
		use:   "prog",
		short: "Paint every workspace",
		long: `prog paints the title bar of a workspace.

The target file is, in order: --workspace FILE; the nearest workspace file.
`,
		example: "  $ prog set navy\n  $ prog random --seed 7",
		pflags: []flagSpec{
			{"string", "workspace", "", "", "target `file`: a *.code-workspace, or a settings.json"},
			{"string", "chdir", "C", "", "run as if started in `dir`"},
			{"bool", "dry-run", "", "", "print a unified diff of what would change; write nothing"},
			{"bool", "quiet", "q", "", "print no status messages"},
			{"bool", "json", "", "", "print the result as JSON on stdout"},
		},
		comps: map[string]compSpec{
			"workspace": {fixed: []string{"code-workspace", "json"}, directive: dFileExt},
			"chdir":     {directive: dFilterDirs},
		},
		subs: []*cmdSpec{
			{
				use:     "set <color>",
				short:   "Set the accent color",
				long:    "Set the accent color to a hex value, a name or a favorite.",
				example: `  $ prog set "#42b883"`,
				run:     true,
				args:    exactN(1),
				flags: []flagSpec{
					{"string", "style", "", "", "color `scheme` of the derived colors"},
					{"bool", "remote", "", "", "save peacock.remoteColor"},
				},
				comps: map[string]compSpec{
					"style": {fixed: []string{"peacock", "accessible"}, directive: dNoFileComp},
				},
				validArgsFn: &compSpec{fn: func(args []string, _ string) []string {
					if len(args) > 0 {
						return nil
					}
					return []string{"navy\tdark blue", "Vue Green\tthe color of Vue"}
				}, directive: dNoFileComp},
			},
			{
				use:   "random",
				short: "Set a random color",
				run:   true,
				args:  noArgsSpec,
				flags: []flagSpec{
					{"uint64", "seed", "", "0", "seed of the generator (0: any)"},
					{"string", "theme", "", "dark", "`theme` to pick from"},
					{"uint", "count", "", "3", "how many colors to try"},
				},
				comps: map[string]compSpec{
					"theme": {fn: prefixed("dark\tDark colors", "light\tLight colors", "dim"), directive: dNoSpace | dNoFileComp},
				},
			},
			{
				use:   "favorites",
				short: "List, add and remove favorite colors",
				long:  "Favorites are named colors.\n\nThey live in your user settings.\n\n",
				flags: []flagSpec{
					{"bool", "all", "", "", "list the starters too"},
				},
				subs: []*cmdSpec{
					{
						use:     "add <name> [<color>]",
						short:   "Add a favorite",
						example: "  $ prog favorites add \"Deep Sea\" \"#05445e\"\n  $ prog favorites add --recommended",
						run:     true,
						args:    rangeN(0, 2),
						flags: []flagSpec{
							{"bool", "recommended", "", "", "put the starter favorites first"},
							{"bool", "remote", "", "", "with no color: save peacock.remoteColor"},
						},
					},
					{
						use:   "remove <name>",
						short: "Remove a favorite",
						run:   true,
						args:  exactN(1),
						validArgsFn: &compSpec{fn: func(args []string, _ string) []string {
							if len(args) > 0 {
								return nil
							}
							return []string{"Deep Sea\ta blue", "Vue Green"}
						}, directive: dNoFileComp},
					},
				},
			},
			{
				use:       "completion [bash|zsh|fish|powershell]",
				short:     "Print a shell completion script",
				run:       true,
				args:      exactN(1),
				validArgs: []string{"bash", "zsh", "fish", "powershell"},
			},
			{
				use:    "secret",
				short:  "Not for you",
				hidden: true,
				run:    true,
			},
		},
	}
}

// runRecord is what a RunE (or the PersistentPreRunE) writes.
func runRecord(w *bytes.Buffer, what, path string, args []string, flags []string) {
	fmt.Fprintf(w, "%s %s args=%q flags=%s\n", what, path, args, strings.Join(flags, " "))
}

// runErr is the error a RunE returns: "fail" among the arguments fails.
func runErr(path string, args []string) error {
	if slices.Contains(args, "fail") {
		return fmt.Errorf("%s failed", path)
	}
	return nil
}

// preRunErr refuses an empty --workspace or -C, as peacock does.
func preRunErr(lookup func(string) (string, bool)) error {
	for _, name := range []string{"workspace", "chdir"} {
		if v, changed := lookup(name); changed && v == "" {
			return fmt.Errorf("--%s: the value is empty", name)
		}
	}
	return nil
}

// ---- cobra ----

type cobraTree struct {
	root     *cobra.Command
	rec      bytes.Buffer
	out, err bytes.Buffer
}

func cobraFlagList(c *cobra.Command) []string {
	var s []string
	c.Flags().VisitAll(func(fl *pflag.Flag) {
		mark := ""
		if fl.Changed {
			mark = "*"
		}
		s = append(s, fmt.Sprintf("%s=%q%s", fl.Name, fl.Value.String(), mark))
	})
	return s
}

func addCobraFlags(fs *pflag.FlagSet, specs []flagSpec) {
	for _, f := range specs {
		switch f.kind {
		case "string":
			fs.StringP(f.name, f.short, f.def, f.usage)
		case "bool":
			fs.BoolP(f.name, f.short, f.def == "true", f.usage)
		case "uint":
			var d uint
			fmt.Sscan(f.def, &d)
			fs.Uint(f.name, d, f.usage)
		case "uint64":
			var p, d uint64
			fmt.Sscan(f.def, &d)
			fs.Uint64Var(&p, f.name, d, f.usage)
		default:
			panic(f.kind)
		}
	}
}

func (t *cobraTree) build(s *cmdSpec) *cobra.Command {
	c := &cobra.Command{Use: s.use, Short: s.short, Long: s.long, Example: s.example, Hidden: s.hidden, ValidArgs: s.validArgs}
	if s.args != nil {
		check := s.args
		c.Args = func(cmd *cobra.Command, args []string) error { return check(cmd.CommandPath(), args) }
	}
	if s.run {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			runRecord(&t.rec, "run", cmd.CommandPath(), args, cobraFlagList(cmd))
			return runErr(cmd.CommandPath(), args)
		}
	}
	if s.validArgsFn != nil {
		vf := *s.validArgsFn
		c.ValidArgsFunction = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			comps, d := vf.complete(args, toComplete)
			return comps, cobra.ShellCompDirective(d)
		}
	}
	addCobraFlags(c.Flags(), s.flags)
	addCobraFlags(c.PersistentFlags(), s.pflags)
	for name, cs := range s.comps {
		var fn cobra.CompletionFunc
		if cs.fn == nil {
			fn = cobra.FixedCompletions(cs.fixed, cobra.ShellCompDirective(cs.directive))
		} else {
			fn = func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				comps, d := cs.complete(args, toComplete)
				return comps, cobra.ShellCompDirective(d)
			}
		}
		if err := c.RegisterFlagCompletionFunc(name, fn); err != nil {
			panic(err)
		}
	}
	for _, sub := range s.subs {
		c.AddCommand(t.build(sub))
	}
	return c
}

func newCobraTree(args []string) *cobraTree {
	t := &cobraTree{}
	root := t.build(diffSpec())
	root.Version = "1.2.3"
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetVersionTemplate("prog {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("flag error in %s: %w", c.CommandPath(), err)
	})
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		runRecord(&t.rec, "pre", cmd.CommandPath(), args, nil)
		return preRunErr(func(name string) (string, bool) {
			fl := cmd.Flags().Lookup(name)
			return fl.Value.String(), fl.Changed
		})
	}
	root.SetOut(&t.out)
	root.SetErr(&t.err)
	root.SetArgs(append([]string{}, args...))
	t.root = root
	return t
}

// ---- cmdline ----

type oursTree struct {
	root     *Command
	rec      bytes.Buffer
	out, err bytes.Buffer
}

func oursFlagList(c *Command) []string {
	var s []string
	c.Flags().VisitAll(func(fl *Flag) {
		mark := ""
		if fl.Changed {
			mark = "*"
		}
		s = append(s, fmt.Sprintf("%s=%q%s", fl.Name, fl.Value.String(), mark))
	})
	return s
}

func addOurFlags(fs *FlagSet, specs []flagSpec) {
	for _, f := range specs {
		switch f.kind {
		case "string":
			var p string
			fs.StringVarP(&p, f.name, f.short, f.def, f.usage)
		case "bool":
			var p bool
			fs.BoolVarP(&p, f.name, f.short, f.def == "true", f.usage)
		case "uint":
			var d uint
			fmt.Sscan(f.def, &d)
			fs.Uint(f.name, d, f.usage)
		case "uint64":
			var p, d uint64
			fmt.Sscan(f.def, &d)
			fs.Uint64Var(&p, f.name, d, f.usage)
		default:
			panic(f.kind)
		}
	}
}

func (t *oursTree) build(s *cmdSpec) *Command {
	c := &Command{Use: s.use, Short: s.short, Long: s.long, Example: s.example, Hidden: s.hidden, ValidArgs: s.validArgs}
	if s.args != nil {
		check := s.args
		c.Args = func(cmd *Command, args []string) error { return check(cmd.CommandPath(), args) }
	}
	if s.run {
		c.RunE = func(cmd *Command, args []string) error {
			runRecord(&t.rec, "run", cmd.CommandPath(), args, oursFlagList(cmd))
			return runErr(cmd.CommandPath(), args)
		}
	}
	if s.validArgsFn != nil {
		vf := *s.validArgsFn
		c.ValidArgsFunction = func(_ *Command, args []string, toComplete string) ([]string, ShellCompDirective) {
			comps, d := vf.complete(args, toComplete)
			return comps, ShellCompDirective(d)
		}
	}
	addOurFlags(c.Flags(), s.flags)
	addOurFlags(c.PersistentFlags(), s.pflags)
	for name, cs := range s.comps {
		var fn CompletionFunc
		if cs.fn == nil {
			fn = FixedCompletions(cs.fixed, ShellCompDirective(cs.directive))
		} else {
			fn = func(_ *Command, args []string, toComplete string) ([]string, ShellCompDirective) {
				comps, d := cs.complete(args, toComplete)
				return comps, ShellCompDirective(d)
			}
		}
		if err := c.RegisterFlagCompletionFunc(name, fn); err != nil {
			panic(err)
		}
	}
	for _, sub := range s.subs {
		c.AddCommand(t.build(sub))
	}
	return c
}

func newOursTree(args []string) *oursTree {
	t := &oursTree{}
	root := t.build(diffSpec())
	root.Version = "1.2.3"
	root.SilenceErrors, root.SilenceUsage = true, true
	root.SetVersionTemplate("prog {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *Command, err error) error {
		return fmt.Errorf("flag error in %s: %w", c.CommandPath(), err)
	})
	root.PersistentPreRunE = func(cmd *Command, args []string) error {
		runRecord(&t.rec, "pre", cmd.CommandPath(), args, nil)
		return preRunErr(func(name string) (string, bool) {
			fl := cmd.Flags().Lookup(name)
			return fl.Value.String(), fl.Changed
		})
	}
	root.SetOut(&t.out)
	root.SetErr(&t.err)
	root.SetArgs(append([]string{}, args...))
	t.root = root
	return t
}

// ---- the comparison ----

type diffResult struct {
	rec, out, errOut, err string
}

func (r diffResult) String() string {
	return fmt.Sprintf("error: %s\nrecord:\n%sstdout:\n%sstderr:\n%s", r.err, r.rec, r.out, r.errOut)
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func runBoth(args []string) (cobraRes, oursRes diffResult) {
	ct := newCobraTree(args)
	cerr := ct.root.Execute()
	ot := newOursTree(args)
	oerr := ot.root.Execute()
	return diffResult{ct.rec.String(), ct.out.String(), ct.err.String(), errText(cerr)},
		diffResult{ot.rec.String(), ot.out.String(), ot.errOut(), errText(oerr)}
}

func (t *oursTree) errOut() string { return t.err.String() }

// executeVectors are the command lines run through both trees.
var executeVectors = [][]string{
	// The root alone, which has no RunE: help.
	{},
	{"-q"},
	{"--"},
	{"-"},
	{""},
	{"--", "set"},
	// set, with flags before, after and among its argument.
	{"set", "navy"},
	{"set", "navy", "--style", "x"},
	{"set", "--style", "x", "navy"},
	{"--style", "x", "set", "navy"},
	{"set", "--style=x", "navy"},
	{"set", "--style=", "navy"},
	{"set", "--style", "", "navy"},
	{"set", "navy", "--remote", "--dry-run", "--json", "-q"},
	{"set", "-C", "dir", "navy"},
	{"-C", "dir", "set", "navy"},
	{"-Cdir", "set", "navy"},
	{"-C=dir", "set", "navy"},
	{"--chdir=dir", "set", "navy"},
	{"--chdir", "dir", "set", "navy"},
	{"-qC", "dir", "set", "navy"}, // cobra's Find takes dir for the command
	{"set", "navy", "-qC", "dir"},
	{"set", "navy", "-qCdir"},
	{"set", "navy", "-Cq"},
	{"set", "-qq", "navy"},
	{"-C", "-q", "set", "navy"},
	{"set", "--", "--style", "navy"},
	{"set", "--", "-x"},
	{"set", "navy", "--", "-h"},
	{"set", "-"},
	{"set", ""},
	{"", "set", "navy"},
	{"set"},
	{"set", "a", "b"},
	{"set", "fail"},
	// Unknown flags and shorthands, missing and bad values.
	{"set", "navy", "--bogus"},
	{"set", "navy", "--bogus=1"},
	{"--bogus", "set", "navy"},
	{"set", "navy", "-z"},
	{"set", "navy", "-qz"},
	{"set", "navy", "--q"},
	{"set", "navy", "--style"},
	{"set", "navy", "-C"},
	{"set", "navy", "-qC"},
	{"set", "navy", "--workspace"},
	{"set", "navy", "---x"},
	{"set", "navy", "--=x"},
	{"set", "navy", "-=x"},
	{"set", "navy", "--dry-run=maybe"},
	{"set", "navy", "--dry-run=false"},
	{"set", "navy", "--dry-run=1"},
	{"set", "navy", "--dry-run=T"},
	{"set", "navy", "--dry-run", "false"},
	{"set", "navy", "-q=true"},
	{"set", "navy", "-q=maybe"},
	{"set", "navy", "--quiet=true", "--quiet=false"},
	{"--json", "--json", "set", "navy"},
	{"--dry-run", "maybe", "set"},
	{"set", "-x", "-h"},
	{"set", "-h", "-x"},
	// random: uint64 and uint values.
	{"random"},
	{"random", "--seed", "7"},
	{"random", "--seed=-1"},
	{"random", "--seed=0x10"},
	{"random", "--seed=0o17"},
	{"random", "--seed=1_000"},
	{"random", "--seed", "18446744073709551615"},
	{"random", "--seed", "18446744073709551616"},
	{"random", "--seed=", "x"},
	{"random", "--seed"},
	{"random", "--seed", "abc"},
	{"random", "--count=0b101"},
	{"random", "--count", "-3"},
	{"random", "--theme="},
	{"random", "--theme", "light", "--seed", "3", "--count", "9"},
	{"random", "extra"},
	{"random", "--style", "x"},
	// help.
	{"help"},
	{"help", "set"},
	{"help", "random"},
	{"help", "favorites"},
	{"help", "favorites", "add"},
	{"help", "favorites", "remove"},
	{"help", "completion"},
	{"help", "secret"},
	{"help", "help"},
	{"help", "bogus"}, // the accepted difference: see TestCobraDiffExecute
	{"help", "favorites", "bogus"},
	{"help", "set", "extra"},
	{"help", "-q", "set"},
	{"help", "--bogus"},
	{"help", "-h"},
	{"-h"},
	{"--help"},
	{"-h", "set"},
	{"set", "-h"},
	{"set", "navy", "--help"},
	{"set", "-qh"},
	{"set", "-hq"},
	{"favorites", "add", "-h"},
	{"favorites", "-h"},
	{"--help=false"},
	{"set", "navy", "--help=false"},
	{"set", "navy", "--help=maybe"},
	{"completion", "--help"},
	{"secret", "-h"},
	// version.
	{"--version"},
	{"-v"},
	{"-qv"},
	{"--version=false"},
	{"--version", "--help"},
	{"set", "--version"},
	{"set", "-v"},
	{"--version", "set", "navy"},
	// Unknown commands and near misses.
	{"bogus"},
	{"st"},
	{"sett"},
	{"Set"},
	{"randm"},
	{"fav"},
	{"favourites"},
	{"secre"},
	{"hlp"},
	{"comp"},
	{"-q", "bogus", "--json"},
	// favorites.
	{"favorites"},
	{"favorites", "bogus"},
	{"favorites", "--all"},
	{"favorites", "add"},
	{"favorites", "add", "Deep Sea", "#05445e"},
	{"favorites", "add", "--recommended"},
	{"favorites", "add", "x", "y", "z"},
	{"favorites", "remove", "x"},
	{"favorites", "remove"},
	{"favorites", "--quiet", "remove", "x"},
	{"-q", "favorites", "remove", "-q", "x"},
	{"favorites", "remove", "x", "--remote"},
	{"favorites", "--all", "add", "x"},
	{"favorites", "add", "remove"},
	// completion and secret.
	{"completion", "bash"},
	{"completion"},
	{"completion", "tcsh"},
	{"secret"},
	{"secret", "a", "-q", "b"},
	{"secret", "fail"},
	// The persistent pre-run.
	{"--workspace", "", "set", "navy"},
	{"--workspace=", "set", "navy"},
	{"--workspace", "w.code-workspace", "set", "navy"},
	{"-C", "", "random"},
}

func TestCobraDiffExecute(t *testing.T) {
	if n := len(executeVectors); n < 80 {
		t.Fatalf("only %d vectors", n)
	}
	for _, args := range executeVectors {
		c, o := runBoth(args)
		if slices.Equal(args, []string{"help", "bogus"}) {
			// The accepted difference: cobra adds -h and --version to the
			// command it executes only, so the root usage that `help bogus`
			// prints lacks them; cmdline's lists them. Normalise by
			// dropping those two lines (and checking that nothing else
			// differs).
			var kept []string
			for _, line := range strings.SplitAfter(o.out, "\n") {
				if !strings.HasPrefix(line, "  -h, --help ") && !strings.HasPrefix(line, "  -v, --version ") {
					kept = append(kept, line)
				}
			}
			o.out = strings.Join(kept, "")
		}
		if c != o {
			t.Errorf("%q:\n--- cobra:\n%s\n--- cmdline:\n%s", args, c, o)
		}
	}
}

// completeVectors are the words after `prog __complete`.
var completeVectors = [][]string{
	{""},
	{"s"},
	{"f"},
	{"h"},
	{"sec"},
	{"x"},
	{"-"},
	{"--"},
	{"--d"},
	{"-q", ""},
	{"--quiet", "-"},
	{"-q", "-"},
	{"set", ""},
	{"set", "n"},
	{"set", "navy", ""},
	{"set", "-"},
	{"set", "--"},
	{"set", "--s"},
	{"set", "--r"},
	{"set", "--json", "--"},
	{"set", "--style", ""},
	{"set", "--style", "p"},
	{"set", "--style="},
	{"set", "--style=a"},
	{"set", "navy", "--style", ""},
	{"set", "--remote", ""},
	{"set", "--remote", "--s"},
	{"set", "--dry-run", ""},
	{"set", "--", ""},
	{"set", "--", "--s"},
	{"set", "--", "--style", ""},
	{"set", "--workspace", ""},
	{"set", "--workspace=x"},
	{"--workspace", ""},
	{"--workspace="},
	{"-C", ""},
	{"-C="},
	{"set", "-C", ""},
	{"set", "-qC", ""},
	{"set", "-qC=x"},
	{"set", "--bogus", ""},
	{"set", "--bogus="},
	{"set", "-z", ""},
	{"set", "-h", ""},
	{"set", "--help", "--"},
	{"--version", ""},
	{"-v", ""},
	{"random", ""},
	{"random", "--"},
	{"random", "--theme", ""},
	{"random", "--theme", "d"},
	{"random", "--theme=l"},
	{"random", "--seed", ""},
	{"random", "--seed", "x", ""},
	{"random", "--seed=x", ""},
	{"completion", ""},
	{"completion", "z"},
	{"completion", "bash", ""},
	{"completion", "-"},
	{"favorites", ""},
	{"favorites", "a"},
	{"favorites", "--all", ""},
	{"favorites", "-"},
	{"favorites", "add", ""},
	{"favorites", "add", "--"},
	{"favorites", "remove", ""},
	{"favorites", "remove", "x", ""},
	{"favorites", "bogus", ""},
	{"secret", ""},
	{"help", ""},
	{"help", "f"},
	{"help", "favorites", ""},
	{"help", "favorites", "add", ""},
	{"help", "bogus", ""},
	{"help", "-"},
	{"bogus", ""},
	{"-C", "dir", "set", ""},
	{"-Cdir", "set", "--st"},
	{"--json", ""},
	{"set", "--help=false", ""},
	{"set", "--", "--style=p"},
	{"set", "--q="},
	{"set", "--C", ""},
	{"set", "--C="},
	{"set", "-C", "--"},
	{"-C", "--", ""},
	{"favorites", "--all", "add", ""},
}

func TestCobraDiffComplete(t *testing.T) {
	if n := len(completeVectors); n < 40 {
		t.Fatalf("only %d vectors", n)
	}
	// cobra writes its completion diagnostics ([Error] ...) to os.Stderr
	// itself: keep them out of the test's output.
	stderr := os.Stderr
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	os.Stderr = devNull
	defer func() { os.Stderr = stderr; devNull.Close() }()
	for _, req := range []string{"__complete", "__completeNoDesc"} {
		for _, words := range completeVectors {
			args := append([]string{req}, words...)
			c, o := runBoth(args)
			// Compare stdout (the completions and the :directive line),
			// the error and the last line of the command's error output,
			// the directive's name. Not the record: cobra's __complete is
			// a command, and runs the root's PersistentPreRunE.
			if c.out != o.out || c.err != o.err || lastLine(c.errOut) != lastLine(o.errOut) {
				t.Errorf("%q:\n--- cobra:\n%s\n--- cmdline:\n%s", args, c, o)
			}
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestCobraDiffSmallTree covers what the big tree cannot show: the order of
// several suggestions (cobra lists them in the order the commands were
// added), the help's name column (cobra pads it to the longest name,
// hidden commands included) and RegisterFlagCompletionFunc's errors.
func TestCobraDiffSmallTree(t *testing.T) {
	run := func(*cobra.Command, []string) error { return nil }
	ourRun := func(*Command, []string) error { return nil }
	for _, args := range [][]string{{"zop"}, {"z"}, {"--help"}, {"help", "zip"}} {
		root := &cobra.Command{Use: "prog", SilenceErrors: true, SilenceUsage: true}
		root.CompletionOptions.DisableDefaultCmd = true
		root.AddCommand(&cobra.Command{Use: "zip", Short: "Zip it", RunE: run},
			&cobra.Command{Use: "zap", Short: "Zap it", RunE: run},
			&cobra.Command{Use: "a-very-long-hidden-name", Hidden: true, RunE: run})
		var cout bytes.Buffer
		root.SetOut(&cout)
		root.SetArgs(args)
		cerr := root.Execute()

		ours := &Command{Use: "prog"}
		ours.AddCommand(&Command{Use: "zip", Short: "Zip it", RunE: ourRun},
			&Command{Use: "zap", Short: "Zap it", RunE: ourRun},
			&Command{Use: "a-very-long-hidden-name", Hidden: true, RunE: ourRun})
		var oout bytes.Buffer
		ours.SetOut(&oout)
		ours.SetArgs(args)
		oerr := ours.Execute()
		if errText(cerr) != errText(oerr) || cout.String() != oout.String() {
			t.Errorf("%q:\n--- cobra: %v\n%s--- cmdline: %v\n%s", args, cerr, cout.String(), oerr, oout.String())
		}
	}

	c := &cobra.Command{Use: "prog"}
	c.Flags().String("style", "", "")
	o := &Command{Use: "prog"}
	var style string
	o.Flags().StringVar(&style, "style", "", "")
	cfn := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) { return nil, 0 }
	ofn := func(*Command, []string, string) ([]string, ShellCompDirective) { return nil, 0 }
	for _, name := range []string{"style", "style", "nonesuch"} {
		cerr, oerr := c.RegisterFlagCompletionFunc(name, cfn), o.RegisterFlagCompletionFunc(name, ofn)
		if errText(cerr) != errText(oerr) {
			t.Errorf("RegisterFlagCompletionFunc(%q): %v, cobra's %v", name, oerr, cerr)
		}
	}
}
