package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"

	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/themes"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

// version is set at build time with
// -ldflags "-X github.com/peacock-cli/peacock/internal/cli.version=v1.2.3".
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// versionText is what `peacock version` and --version print: "peacock
// VERSION", or with asJSON the JSON object, as writeJSON writes it.
func versionText(asJSON bool) string {
	if asJSON {
		var b strings.Builder
		_ = writeJSON(&ioStreams{Out: &b}, map[string]string{"version": versionString()})
		return b.String()
	}
	return "peacock " + versionString() + "\n"
}

// versionFlagText is versionText for the --version template: cmd's --json.
func versionFlagText(cmd *cobra.Command) string {
	fl := cmd.Flags().Lookup("json")
	return versionText(fl != nil && fl.Value.String() == "true")
}

// factory holds what commands need from the outside world. run builds one;
// tests build their own with only the fields they need.
type factory struct {
	IO     *ioStreams
	Getwd  func() (string, error)
	Getenv func(string) string
	GOOS   string
	// NewRand returns the randomness for `random`; seed 0 means "any".
	NewRand func(seed uint64) *rand.Rand
	// NewPicker makes the picker for `pick` (huhpick.New in the peacock
	// program; tests give a fake).
	NewPicker PickerFunc
	// display shows a path in messages as the last project opened does
	// (project.Display): errors print paths as every other message does.
	display func(string) string
	// signals is the interruptible context, made on first use (see
	// interruptible).
	signals *signalState
}

// signalState is a context cancelled by SIGINT or SIGTERM. The context is
// cheap and made on first use; the signal handler, which costs a command
// about 0.3 ms (it starts threads), is installed only when something is
// about to be written (see armSignals) or a prompt is shown.
type signalState struct {
	ctx      context.Context
	cancel   context.CancelFunc
	once     sync.Once
	received func() syscall.Signal
	stop     func()
}

// signalContext returns the context that SIGINT and SIGTERM cancel once
// armSignals has run.
func (f *factory) signalContext() context.Context {
	if f.signals == nil {
		f.signals = &signalState{}
	}
	if f.signals.ctx == nil {
		f.signals.ctx, f.signals.cancel = context.WithCancel(context.Background())
	}
	return f.signals.ctx
}

// armSignals installs the handler that cancels signalContext.
func (f *factory) armSignals() {
	f.signalContext()
	s := f.signals
	s.once.Do(func() { s.received, s.stop = watchSignals(s.cancel) })
}

// interruptible returns the context that SIGINT and SIGTERM cancel, with
// the handler installed: for prompts.
func (f *factory) interruptible() context.Context {
	ctx := f.signalContext()
	f.armSignals()
	return ctx
}

func newFactory(io *ioStreams) *factory {
	return &factory{
		IO:     io,
		Getwd:  os.Getwd,
		Getenv: getenv,
		GOOS:   runtime.GOOS,
		NewRand: func(seed uint64) *rand.Rand {
			if seed == 0 {
				return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
			}
			return rand.New(rand.NewPCG(seed, seed))
		},
	}
}

// getenv is os.Getenv, except that an unset or relative HOME (USERPROFILE
// on Windows) is the home directory the system's user database gives
// (os/user): a service or a container often runs without HOME, and with
// XDG_CONFIG_HOME set most commands need no home at all.
func getenv(key string) string {
	v := os.Getenv(key)
	if (key == "HOME" && runtime.GOOS != "windows" || key == "USERPROFILE" && runtime.GOOS == "windows") && !filepath.IsAbs(v) {
		if u, err := user.Current(); err == nil && filepath.IsAbs(u.HomeDir) {
			return u.HomeDir
		}
	}
	return v
}

// globalOptions are the persistent flags every command shares.
type globalOptions struct {
	Workspace    string // --workspace PATH
	Dir          string // -C DIR
	DryRun       bool
	JSON         bool
	Quiet        bool
	Editor       string // --editor: whose user settings to read
	UserSettings string // --user-settings PATH
}

// openProject resolves the project for the global options: the working
// directory, the target (unless noTarget), the editor and user settings.
func (f *factory) openProject(g *globalOptions, noTarget bool) (*project.Project, error) {
	dir, err := f.Getwd()
	if err != nil {
		return nil, err
	}
	opts := project.Options{
		Dir: dir, Chdir: g.Dir, Workspace: g.Workspace, Editor: g.Editor, UserSettings: g.UserSettings,
		GOOS: f.GOOS, Getenv: f.Getenv, NoTarget: noTarget,
		Warn: func(msg string) {
			if !g.Quiet {
				fmt.Fprintf(f.IO.ErrOut, "peacock: warning: %s\n", msg)
			}
		},
	}
	if opts.Editor == "" {
		opts.Editor = f.Getenv("PEACOCK_EDITOR")
	}
	if opts.UserSettings == "" {
		opts.UserSettings = f.Getenv("PEACOCK_USER_SETTINGS")
	}
	p, err := project.Open(opts)
	if p != nil {
		f.display = p.Display
	} else {
		f.display = func(path string) string { return project.DisplayPath(dir, "", project.HomeDir(f.GOOS, f.Getenv), path) }
	}
	var amb *workspace.AmbiguousError
	if errors.As(err, &amb) {
		return nil, fmt.Errorf("%s holds several workspace files (%s); choose one with --workspace", amb.Dir, strings.Join(amb.Names(), ", "))
	}
	return p, err
}

// Main runs peacock on the process's command line and standard streams and
// returns the exit code. picker makes the color picker of `pick`
// (huhpick.New); cli does not import it, so that tests can fake it.
func Main(picker PickerFunc) int {
	return run(os.Args[1:], systemStreams(), picker)
}

// RootCommand returns peacock's command tree on the process's streams, for
// tools that document it (internal/genman writes the man pages).
func RootCommand() *cobra.Command {
	return newRootCmd(newFactory(systemStreams()))
}

// run executes the command line and returns the process exit code. It is the
// only place where errors become exit codes and the only place they are printed.
func run(args []string, io *ioStreams, picker PickerFunc) int {
	// A command holds the file it edits and its edited copy at once; a
	// collection at 50% growth instead of 100% keeps a 10 MB file's peak
	// memory near 2.5x its size rather than 3.6x, and is no slower
	// (bench/large.sh). GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	f := newFactory(io)
	f.NewPicker = picker
	return runWith(f, args)
}

// runWith is run with a given factory (the test seam). SIGINT and SIGTERM
// cancel the command's context: a write stops before its rename, removes
// its temporary file, and the exit code is 128 + the signal (130, 143).
func runWith(f *factory, args []string) int {
	f.signals = &signalState{}
	root := newRootCmd(f)
	root.SetArgs(splitShorthands(args))
	err := root.ExecuteContext(context.Background())
	if s := f.signals; s.stop != nil {
		defer s.stop()
		if sig := s.received(); sig != 0 && err != nil {
			fmt.Fprintf(f.IO.ErrOut, "peacock: %v; nothing written\n", sig)
			return 128 + int(sig)
		}
	}
	return exitCode(displayPaths(err, f.display), f.IO)
}

// displayPaths rewrites the paths that errors of the workspace, themes and
// os packages carry (absolute) as display shows them (relative to the
// working directory, or under ~), so that every message names a file the
// same way.
func displayPaths(err error, display func(string) string) error {
	if err == nil || display == nil {
		return err
	}
	var paths []string
	var pe *workspace.ParseError
	if errors.As(err, &pe) {
		paths = append(paths, pe.Path)
	}
	var le *themes.LoadError
	if errors.As(err, &le) {
		paths = append(paths, le.Path)
	}
	var fe *fs.PathError
	if errors.As(err, &fe) {
		paths = append(paths, fe.Path)
	}
	var oe *workspace.OutsideError
	if errors.As(err, &oe) {
		paths = append(paths, oe.Path) // where it leads stays absolute
	}
	msg := err.Error()
	changed := false
	for _, p := range paths {
		if d := display(p); filepath.IsAbs(p) && d != p && strings.Contains(msg, p) {
			msg, changed = strings.ReplaceAll(msg, p, d), true
		}
	}
	if !changed {
		return err
	}
	return &displayedError{msg, err}
}

// displayedError is err with another message.
type displayedError struct {
	msg string
	err error
}

func (e *displayedError) Error() string { return e.msg }
func (e *displayedError) Unwrap() error { return e.err }

func exitCode(err error, io *ioStreams) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errSilent) {
		return exitFailure
	}
	if errors.Is(err, errCancel) {
		return exitCanceled
	}
	var fe *flagError
	var ue *project.UsageError
	if errors.As(err, &fe) || errors.As(err, &ue) || isCommandLineError(err) {
		sayf(io.ErrOut, "peacock: %s\n", err)
		fmt.Fprintln(io.ErrOut, "Run 'peacock --help' for usage.")
		return exitUsage
	}
	sayf(io.ErrOut, "peacock: %s\n", err)
	return exitFailure
}

// isCommandLineError recognises the errors cobra and pflag return themselves (unknown
// command) rather than through our flag or args hooks.
func isCommandLineError(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag")
}

// newRootCmd builds the command tree. cobra adds help and completion
// (bash, zsh, fish, powershell) itself.
func newRootCmd(f *factory) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "peacock",
		Short: "Give every VS Code workspace its own accent color",
		Long: `peacock colors the title bar, activity bar and status bar of a VS Code-family
window (VS Code, Insiders, VSCodium, Cursor, Windsurf) by writing
workbench.colorCustomizations into the project's .code-workspace file, exactly
as the Peacock extension 4.4.1 would, while keeping every comment and byte of
formatting outside the keys it owns.

The target file is, in order: --workspace PATH; the nearest *.code-workspace
from the current directory up to the repository root; the project's
.vscode/settings.json when it already holds Peacock state; or a new
<repo>.code-workspace at the repository root.`,
		Example: `  $ peacock set "#42b883"
  $ peacock set "Vue Green"
  $ peacock random
  $ peacock show
  $ peacock --workspace .vscode/settings.json set navy
  $ peacock check`,
		// cobra adds --version when Version is set; the template prints
		// versionText, which reads the build information only then.
		Version:       "see versionText",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	cobra.AddTemplateFunc("peacockVersion", versionFlagText)
	root.SetVersionTemplate("{{peacockVersion .}}")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &flagError{err} })
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		// An empty value would silently mean "not given" (a shell variable
		// that is unset, say): refuse it instead.
		for _, name := range []string{"workspace", "chdir", "editor", "user-settings"} {
			if fl := cmd.Flags().Lookup(name); fl != nil && fl.Changed && strings.TrimSpace(fl.Value.String()) == "" {
				flag := "--" + name
				if fl.Shorthand != "" {
					flag = "-" + fl.Shorthand
				}
				return flagErrorf("%s: the value is empty", flag)
			}
		}
		return nil
	}

	pf := root.PersistentFlags()
	pf.StringVar(&g.Workspace, "workspace", "", "target `file`: a *.code-workspace, or a settings.json")
	pf.StringVarP(&g.Dir, "chdir", "C", "", "run as if started in `dir`")
	pf.BoolVar(&g.DryRun, "dry-run", false, "print a unified diff of what would change; write nothing")
	pf.BoolVar(&g.JSON, "json", false, "print the result as JSON on stdout")
	pf.BoolVarP(&g.Quiet, "quiet", "q", false, "print no status messages")
	pf.StringVar(&g.Editor, "editor", "", "whose user settings apply: code, insiders, vscodium, cursor, windsurf (default: the first installed)")
	pf.StringVar(&g.UserSettings, "user-settings", "", "read user settings from `file` instead of the editor's (env PEACOCK_USER_SETTINGS)")
	_ = root.MarkPersistentFlagDirname("chdir")
	_ = root.MarkPersistentFlagFilename("workspace", "code-workspace", "json")
	_ = root.MarkPersistentFlagFilename("user-settings", "json")
	_ = root.RegisterFlagCompletionFunc("editor", cobra.FixedCompletions(project.EditorIDs(), cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(
		newSetCmd(f, g, nil),
		newRandomCmd(f, g, nil),
		newAdjustCmd(f, g, "darken", nil),
		newAdjustCmd(f, g, "lighten", nil),
		newResetCmd(f, g, nil),
		newApplyCmd(f, g, nil),
		newSideBarCmd(f, g, nil),
		newShowCmd(f, g, nil),
		newPaletteCmd(f, g, nil),
		newCheckCmd(f, g, nil),
		newDoctorCmd(f, g, nil),
		newFavoritesCmd(f, g),
		newThemesCmd(f, g, nil),
		newPickCmd(f, g, nil),
		newAutoCmd(f, g, nil),
		newHookCmd(f, g, nil),
		newFilterCmd(f, g),
		newVersionCmd(f, g),
	)
	// cobra's completion command, with a usage error for a shell it does
	// not know instead of its help and exit 0.
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Example = `  $ source <(peacock completion bash)
  $ peacock completion zsh > "${fpath[1]}/_peacock"
  $ peacock completion fish > ~/.config/fish/completions/peacock.fish
  PS> peacock completion powershell | Out-String | Invoke-Expression`
		c.Args = func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return flagErrorf("completion: unknown shell %q (want bash, zsh, fish or powershell)", args[0])
			}
			return nil
		}
		c.RunE = func(*cobra.Command, []string) error {
			return flagErrorf("completion: missing shell (bash, zsh, fish or powershell)")
		}
	}
	return root
}

// newVersionCmd is `peacock version`, the same as --version (with --json,
// an object).
func newVersionCmd(f *factory, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print peacock's version",
		Example: "  $ peacock version\n  $ peacock version --json",
		Args:    noArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := io.WriteString(f.IO.Out, versionText(g.JSON))
			return err
		},
	}
}

// splitShorthands writes shorthands run together, as -qC, one by one (-q
// -C). pflag parses both the same, but cobra looks for the command word
// by itself and reads only a lone -C as taking the next word: in
// `-qC DIR set` it would take DIR for the command.
func splitShorthands(args []string) []string {
	var out []string
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' && strings.Trim(a[1:len(a)-1], "qh") == "" && strings.ContainsRune("qhC", rune(a[len(a)-1])) {
			for _, r := range a[1:] {
				out = append(out, "-"+string(r))
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

// exactArgs is cobra.ExactArgs with a usage error and a message that names
// what is missing.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < n:
			return flagErrorf("%s: missing %s", commandName(cmd), what)
		case len(args) > n:
			return flagErrorf("%s: too many arguments (want %s, got %d)", commandName(cmd), what, len(args))
		}
		return nil
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return flagErrorf("%s: unexpected argument %q", commandName(cmd), args[0])
	}
	return nil
}

// commandName is the command's path without the program name ("set",
// "favorites add"): errors are already prefixed with "peacock: ".
func commandName(cmd *cobra.Command) string {
	return strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
}
