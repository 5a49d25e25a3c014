package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/peacock-cli/peacock/hooks"
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

// hookTimeout bounds what a hook does: a checkout must never wait on
// peacock for long.
const hookTimeout = 2 * time.Second

// runGit is the hooks.Git that runs the git on PATH (hooks.ExecGit), with
// this process's environment.
func runGit(ctx context.Context, dir string, args ...string) (string, error) {
	return hooks.ExecGit(os.Environ())(ctx, dir, args...)
}

type hookOptions struct {
	baseOptions
	Git    hooks.Git
	Getenv func(string) string
	Getwd  func() (string, error)
	// OpenAt opens the project in dir (-C) with workspace as the target
	// ("" to search), under the other global flags.
	OpenAt      func(dir, workspace string) (*project.Project, error)
	GlobalScope bool // --global: init.templateDir
	Hook        string
	Args        []string
}

func newHookCmd(f *factory, g *globalOptions, runF func(*hookOptions) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hook",
		Short: "Color checkouts from git hooks",
		Long: `Install git hooks that color every checkout: after git clone, checkout,
switch, worktree add and merge, peacock hook run re-applies a project's
stored color when its keys drifted in a file git does not track (a tracked
file's drift is only reported: a hook never modifies a tracked file), gives a checkout without a workspace file
its identity color (see peacock auto) in a workspace file that git ignores
(.git/info/exclude), and gives each linked worktree a variant of the project
color of its own. It never fails or slows a checkout: it exits 0, never
prompts, and gives up after 2 seconds.`,
		Example: `  $ peacock hook install
  $ peacock hook install --global
  $ peacock hook status --json
  $ peacock hook uninstall`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	newOpts := func() *hookOptions {
		return &hookOptions{baseOptions: newBase(f, g), Git: runGit, Getenv: f.Getenv, Getwd: f.Getwd, OpenAt: openAt(f, g)}
	}
	for _, verb := range []string{"install", "uninstall"} {
		opts := newOpts()
		c := &cobra.Command{
			Use:   verb,
			Short: map[string]string{"install": "Install peacock's post-checkout and post-merge hooks", "uninstall": "Remove peacock's hooks and restore the ones they chained"}[verb],
			Long: map[string]string{
				"install": `Install post-checkout and post-merge hooks in this repository (honouring
core.hooksPath and linked worktrees), or with --global in git's
init.templateDir, which git copies into every later clone (init.templateDir
is set to a directory of peacock's when unset; core.hooksPath never is).

A hook already there keeps running, first, with its arguments, and its exit
status is the hook's (git-lfs's too; its missing hooks are written with git
lfs update); installing twice changes nothing. With husky, a line is added to
.husky/post-checkout and .husky/post-merge (commit them: it does nothing
where peacock is not installed); with lefthook, pre-commit, or a
core.hooksPath in the work tree or the global configuration, nothing is
written and what to add is printed on stdout. The hooks call peacock from
PATH. --dry-run says what would be done and writes nothing.`,
				"uninstall": `Remove what peacock hook install added: peacock's hook scripts (a hook
they chained comes back byte for byte), husky lines, and with --global the
hooks in init.templateDir (and the setting, when the directory is peacock's
and holds nothing else). Clones made meanwhile keep their copies of the hooks;
run peacock hook uninstall in them. Colors given are left in place.`,
			}[verb],
			Example: "  $ peacock hook " + verb + "\n  $ peacock hook " + verb + " --dry-run\n  $ peacock hook " + verb + " --global",
			Args:    noArgs,
			RunE: func(cmd *cobra.Command, _ []string) error {
				if runF != nil {
					return runF(opts)
				}
				return runHookInstall(cmd.Context(), opts, verb == "uninstall")
			},
		}
		c.Flags().BoolVar(&opts.GlobalScope, "global", false, "act on init.templateDir (every later clone) instead of this repository")
		cmd.AddCommand(c)
	}

	st := newOpts()
	cmd.AddCommand(&cobra.Command{
		Use:   "status",
		Short: "Show which hooks are installed",
		Long: `Show peacock's hooks in this repository (when run in one) and in
init.templateDir: one line per hook, "scope<TAB>hook<TAB>state<TAB>path", where
state is installed, chained (installed, running an earlier hook first),
inactive (peacock is there but git does not run it: after an exit, husky not
set up in this worktree, lefthook install or pre-commit install not run; the
reason follows on stderr), foreign (someone else's hook only), modified
(peacock's, edited) or absent. With lefthook and pre-commit the path is their
configuration file.`,
		Example: "  $ peacock hook status\n  $ peacock hook status --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(st)
			}
			return runHookStatus(cmd.Context(), st)
		},
	})

	ro := newOpts()
	cmd.AddCommand(&cobra.Command{
		Use:   "run <post-checkout|post-merge> [git arguments...]",
		Short: "Do what the hooks do (called by the hook scripts)",
		Long: `Do what peacock's hook does after a checkout or a merge; the hook scripts call
it with git's arguments. Given a hook it knows, it always exits 0 and reports
problems in one line on stderr, so it never fails a checkout.`,
		Example: "  $ peacock hook run post-checkout 0000000000000000000000000000000000000000 HEAD 1",
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return matching([]string{"post-checkout", "post-merge"}, toComplete), cobra.ShellCompDirectiveNoFileComp
		},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return flagErrorf("hook run: missing <post-checkout|post-merge>")
			}
			if args[0] != "post-checkout" && args[0] != "post-merge" {
				return flagErrorf("hook run: unknown hook %q (want post-checkout or post-merge)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ro.Hook, ro.Args = args[0], args[1:]
			if runF != nil {
				return runF(ro)
			}
			return runHookRun(cmd.Context(), ro)
		},
	})
	return cmd
}

// openAt returns a function that opens the project in dir with workspace
// as the target, under the global flags as parsed when it is called.
func openAt(f *factory, g *globalOptions) func(dir, workspace string) (*project.Project, error) {
	return func(dir, workspace string) (*project.Project, error) {
		g2 := *g
		g2.Dir, g2.Workspace = dir, workspace
		return f.openProject(&g2, false)
	}
}

// hookLayout locates the repository's or the global hooks.
func hookLayout(ctx context.Context, opts *hookOptions, p *project.Project, global bool) (hooks.Layout, error) {
	if global {
		if err := p.HomeError(); err != nil && p.UserDir(project.DataDir) == "" {
			return hooks.Layout{}, err
		}
		return hooks.LocateGlobal(ctx, opts.Git, filepath.Join(p.UserDir(project.DataDir), "git-template"))
	}
	return hooks.Locate(ctx, opts.Git, p.Dir)
}

func runHookInstall(ctx context.Context, opts *hookOptions, uninstall bool) error {
	p, o, err := opts.open(true)
	if err != nil {
		return err
	}
	l, err := hookLayout(ctx, opts, p, opts.GlobalScope)
	if errors.Is(err, hooks.ErrNotRepo) {
		return fmt.Errorf("%w; run it in a repository, or use --global for every later clone", err)
	}
	if err != nil {
		return err
	}
	l.DryRun = opts.Global.DryRun
	l.Rev = preCommitRev()
	var res *hooks.Result
	if uninstall {
		res, err = hooks.Uninstall(ctx, opts.Git, l)
	} else {
		res, err = hooks.Install(ctx, opts.Git, l)
	}
	if res != nil {
		if jerr := reportHooks(o, res, uninstall); jerr != nil && err == nil {
			err = jerr
		}
	}
	return err
}

// preCommitRev is the revision of peacock pre-commit's snippet pins: this
// binary's release tag, else the commit it was built from when that is
// clean, else "" (a placeholder).
func preCommitRev() string {
	bi, _ := debug.ReadBuildInfo()
	return revOf(versionString(), bi)
}

// pseudoVersion matches the end of a Go pseudo-version
// (v0.0.0-20261208010000-0123456789ab, v1.2.4-0.20261208010000-0123456789ab).
// Compiled on first use: only the pre-commit snippet needs it.
var pseudoVersion = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[.-][0-9]{14}-[0-9a-f]{12}(\+.*)?$`)
})

// revOf is preCommitRev for a version string and build information (nil
// when there is none).
func revOf(version string, bi *debug.BuildInfo) string {
	if strings.HasPrefix(version, "v") && !pseudoVersion().MatchString(version) && !strings.Contains(version, "+dirty") {
		return version // a release tag
	}
	if bi == nil {
		return ""
	}
	var rev string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision":
			rev = s.Value
		case s.Key == "vcs.modified" && s.Value == "true":
			return "" // built from uncommitted changes: no commit holds them
		}
	}
	return rev
}

// lefthookLocal is the name of lefthook's personal configuration beside
// its main one (lefthook.yml: lefthook-local.yml; .lefthook.toml:
// .lefthook-local.toml).
func lefthookLocal(config string) string {
	base := filepath.Base(config)
	i := strings.Index(base, "lefthook")
	if i < 0 || strings.Contains(base, "lefthook-local") {
		return config
	}
	return filepath.Join(filepath.Dir(config), base[:i]+"lefthook-local"+base[i+len("lefthook"):])
}

func reportHooks(o *out, res *hooks.Result, uninstall bool) error {
	l := res.Layout
	if hp := l.HooksPath; hp != "" && !uninstall && !o.G.Quiet {
		sayf(o.IO.ErrOut, "peacock: warning: core.hooksPath is set globally (%s): git runs the hooks there and ignores init.templateDir's; run peacock hook install in a repository to install them there\n", hp)
	}
	if o.G.JSON {
		acts := []map[string]string{}
		for _, a := range res.Actions {
			m := map[string]string{"hook": a.Hook, "path": a.Path, "action": a.Verb}
			if a.Note != "" {
				m["note"] = a.Note
			}
			acts = append(acts, m)
		}
		data := map[string]any{"hooksDir": l.Dir, "manager": l.Manager, "global": l.Global, "dryRun": l.DryRun, "actions": acts}
		if res.Snippet != "" {
			data["snippet"] = res.Snippet
			data["config"] = l.Config
		}
		if len(res.Warnings) > 0 {
			data["warnings"] = res.Warnings
		}
		return o.json(data)
	}
	o.warnings(res.Warnings)
	would := ""
	if l.DryRun {
		would = "would have "
	}
	if res.Snippet != "" {
		cfg := o.P.Display(l.Config)
		switch {
		case l.Manager == hooks.ManagerLefthook && uninstall:
			o.status("lefthook manages this repository's hooks; nothing written: remove the peacock commands below from %s (and %s, if you put them there), then run lefthook install", cfg, o.P.Display(lefthookLocal(l.Config)))
		case l.Manager == hooks.ManagerLefthook:
			o.status("lefthook manages this repository's hooks; nothing written: add this to %s (for the team: it does nothing where peacock is not installed) or to %s (yours only; keep it out of git), then run lefthook install", cfg, o.P.Display(lefthookLocal(l.Config)))
		case l.Manager == hooks.ManagerPreCommit && uninstall:
			o.status("pre-commit manages this repository's hooks; nothing written: remove this entry from repos: in %s", cfg)
		case l.Manager == hooks.ManagerPreCommit:
			o.status("pre-commit manages this repository's hooks; nothing written: add this entry under repos: in %s (keep the entries there), then run pre-commit install --hook-type pre-commit --hook-type post-checkout --hook-type post-merge", cfg)
			o.status("the hooks build peacock with the Go on PATH: Go 1.26 or later (pre-commit 3.0 or later)")
			if l.Rev == "" {
				o.status("pin rev to a tag or a full commit hash; pre-commit autoupdate --freeze --repo https://github.com/peacock-cli/peacock writes the latest commit")
			}
		case l.Manager == hooks.ManagerGlobalHooksPath && uninstall:
			o.status("core.hooksPath is set in your global git configuration (%s); nothing written: remove peacock's lines from the hooks there", cfg)
		case l.Manager == hooks.ManagerGlobalHooksPath:
			o.status("core.hooksPath is set in your global git configuration: git runs the hooks in %s in every repository, so a repository's install writes nothing there; add these lines to them yourself, or run peacock hook install --global for every later clone (after unsetting core.hooksPath)", cfg)
		case uninstall:
			o.status("%s holds this repository's committed hooks (core.hooksPath); nothing written: remove peacock's lines from its post-checkout and post-merge", cfg)
		default:
			o.status("%s holds this repository's committed hooks (core.hooksPath); nothing written: add these lines to its post-checkout and post-merge, and commit them", cfg)
		}
		fmt.Fprint(o.IO.Out, res.Snippet)
	}
	husky := false
	for _, a := range res.Actions {
		name := o.P.Display(a.Path)
		note := ""
		if a.Note != "" {
			note = " (" + a.Note + ")"
		}
		switch a.Verb {
		case "created":
			o.status("%sinstalled the %s hook: %s", would, a.Hook, name)
			husky = husky || l.Manager == hooks.ManagerHusky
		case "chained":
			chained := filepath.Base(a.Path) + hooks.ChainedSuffix
			extra := strings.TrimSuffix(strings.TrimSuffix(a.Note, "git-lfs's"), "; ")
			if extra != "" {
				extra = "; " + extra
			}
			if strings.Contains(a.Note, "git-lfs's") {
				o.status("%sinstalled the %s hook: %s (git-lfs's hook that was there runs first, from %s%s; git lfs install and git lfs update now say \"Hook already exists\" for it, which is expected: do not use --force, or run peacock hook install again after)", would, a.Hook, name, chained, extra)
			} else {
				o.status("%sinstalled the %s hook: %s (the hook that was there runs first, from %s%s)", would, a.Hook, name, chained, extra)
			}
		case "appended", "inserted":
			where := ""
			if a.Verb == "inserted" {
				where = " before its final exit"
			}
			o.status("%sadded peacock to %s%s", would, name, where)
			husky = true
		case "updated":
			o.status("%supdated peacock's %s hook to this release's: %s", would, a.Hook, name)
			husky = husky || l.Manager == hooks.ManagerHusky
		case "unchanged":
			o.status("the %s hook is already installed: %s", a.Hook, name)
		case "left":
			if a.Note != "" {
				o.status("%s is left alone: %s", name, a.Note)
			} else {
				o.status("%s holds peacock's fingerprint but was edited; left alone", name)
			}
		case "stale":
			o.status("peacock's own %s hook %s%s", a.Hook, name, note)
		case "removed":
			o.status("%sremoved the %s hook: %s", would, a.Hook, name)
			husky = husky || l.Manager == hooks.ManagerHusky
		case "restored":
			o.status("%sremoved the %s hook and restored the one it chained: %s", would, a.Hook, name)
		case "orphan":
			o.status("%sremoved %s, a copy of the %s hook in place left by an earlier uninstall", would, name, a.Hook)
		case "lfs":
			verb := "wrote"
			if l.DryRun {
				verb = "would have written"
			}
			o.status("%s git-lfs's missing hooks (%s) with git lfs update in %s; the ones peacock shares are chained", verb, a.Hook, name)
		case "config":
			if uninstall {
				o.status("%sunset git's init.templateDir and removed %s", would, name)
			} else {
				o.status("%sset git's init.templateDir to %s; every later clone gets the hooks", would, name)
			}
		}
	}
	switch {
	case husky && uninstall && !l.DryRun:
		o.status("commit %s: the hook goes for the whole team", o.P.Display(l.Config))
	case husky && !l.DryRun:
		o.status("commit %s: the whole team gets the hook (it does nothing where peacock is not installed)", o.P.Display(l.Config))
	}
	if uninstall && len(res.Actions) == 0 && res.Snippet == "" {
		o.status("no peacock hooks to remove in %s", o.P.Display(l.Dir))
	}
	return nil
}

func runHookStatus(ctx context.Context, opts *hookOptions) error {
	p, o, err := opts.open(true)
	if err != nil {
		return err
	}
	type scope struct {
		Scope    string             `json:"scope"`
		HooksDir string             `json:"hooksDir"`
		Manager  string             `json:"manager,omitempty"`
		Config   string             `json:"config,omitempty"`
		Hooks    []hooks.HookStatus `json:"hooks"`
		Template *string            `json:"templateDir,omitempty"`
	}
	var scopes []scope
	if l, err := hookLayout(ctx, opts, p, false); err == nil {
		scopes = append(scopes, scope{Scope: "repository", HooksDir: l.Dir, Manager: l.Manager, Config: l.Config, Hooks: hooks.Status(l)})
	}
	gl, err := hookLayout(ctx, opts, p, true)
	if err != nil {
		return err
	}
	gs := scope{Scope: "global", HooksDir: gl.Dir, Hooks: hooks.Status(gl)}
	if !gl.SetTemplateDir {
		gs.Template = &gl.TemplateDir
	}
	scopes = append(scopes, gs)
	if o.G.JSON {
		return o.json(scopes)
	}
	for _, s := range scopes {
		if len(s.Hooks) == 0 {
			fmt.Fprintf(o.IO.Out, "%s\t-\t%s\t%s\n", s.Scope, s.Manager, s.Config)
			continue
		}
		for _, h := range s.Hooks {
			fmt.Fprintf(o.IO.Out, "%s\t%s\t%s\t%s\n", s.Scope, h.Hook, h.State, h.Path)
			if h.Reason != "" && !o.G.Quiet {
				sayf(o.IO.ErrOut, "peacock: %s %s: %s\n", s.Scope, h.Hook, h.Reason)
			}
		}
	}
	return nil
}

// runHookRun never fails: a problem is one line on stderr.
func runHookRun(ctx context.Context, opts *hookOptions) error {
	ctx, cancel := context.WithTimeout(ctx, hookTimeout)
	defer cancel()
	// The pre-commit framework passes git's arguments in its environment.
	if len(opts.Args) == 0 && opts.Hook == "post-checkout" && opts.Getenv("PRE_COMMIT_CHECKOUT_TYPE") != "" {
		opts.Args = []string{opts.Getenv("PRE_COMMIT_FROM_REF"), opts.Getenv("PRE_COMMIT_TO_REF"), opts.Getenv("PRE_COMMIT_CHECKOUT_TYPE")}
	}
	dir, err := opts.Getwd()
	if err != nil {
		sayf(opts.IO.ErrOut, "peacock: hook: %v\n", err)
		return nil
	}
	type done struct {
		res *hooks.RunResult
		err error
	}
	ch := make(chan done, 1)
	go func() {
		res, err := hooks.Run(ctx, hooks.RunOptions{
			Git: opts.Git, Dir: dir, Hook: opts.Hook, Args: opts.Args,
			Open: opts.OpenAt,
		})
		ch <- done{res, err}
	}()
	var d done
	select {
	case d = <-ch:
	case <-ctx.Done():
		// Whatever is being written is written atomically: leaving now
		// leaves the old file or the new one.
		sayf(opts.IO.ErrOut, "peacock: hook: gave up after %s\n", hookTimeout)
		return nil
	}
	if d.err != nil {
		sayf(opts.IO.ErrOut, "peacock: hook: %v\n", d.err)
		return nil
	}
	if d.res.LFSErr != nil {
		sayf(opts.IO.ErrOut, "peacock: hook: %v\n", d.res.LFSErr)
	} else if d.res.LFS != nil && !opts.Global.Quiet {
		sayf(opts.IO.ErrOut, "peacock: wrote git-lfs's missing hooks (%s) with git lfs update; peacock's run them\n", d.res.LFS.Hook)
	}
	if opts.Global.Quiet || d.res.Action == hooks.RunNone {
		return nil
	}
	switch d.res.Action {
	case hooks.RunReapplied:
		sayf(opts.IO.ErrOut, "peacock: re-applied %s to %s\n", d.res.Change.Value, filepath.Base(d.res.Path))
	case hooks.RunDrift:
		sayf(opts.IO.ErrOut, "peacock: %s is tracked by git and its colors drifted (%s); nothing written, fix it with: peacock apply\n", filepath.Base(d.res.Path), d.res.Drift)
	case hooks.RunColored:
		a := d.res.Auto
		sayf(opts.IO.ErrOut, "peacock: colored %s %s (%s; ignored by git)\n", filepath.Base(d.res.Path), a.Value, a.Method)
	}
	return nil
}
