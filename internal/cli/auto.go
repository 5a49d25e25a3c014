package cli

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/peacock-cli/peacock/hooks"
	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

type autoOptions struct {
	baseOptions
	Git hooks.Git
	// OpenAt opens the project in another directory (see hookOptions).
	OpenAt   func(dir, workspace string) (*project.Project, error)
	Distinct bool
	Theme    string
	Force    bool
}

func newAutoCmd(f *factory, g *globalOptions, runF func(*autoOptions) error) *cobra.Command {
	opts := &autoOptions{baseOptions: newBase(f, g), Git: runGit, OpenAt: openAt(f, g)}
	cmd := &cobra.Command{
		Use:   "auto",
		Short: "Give the project its identity color",
		Long: fmt.Sprintf(`Give the project its identity color, unless it already has one (--force
recolors). The color is hashed from the project's identity: the normalized URL
of its origin remote (https://github.com/o/r.git and git@github.com:o/r are
both github.com/o/r), else the name of the repository folder. The same origin
gives the same color on every machine and in every release (identity colors
are versioned; this is version %d), and the title, activity and status bar
text of every identity color reads (contrast of at least %.1f:1).

--distinct picks, among the identity's candidate colors, the one farthest
(CIEDE2000) from the colors of the other projects peacock colored for you,
which it remembers in $XDG_STATE_HOME/peacock/projects.json
(~/.local/state/peacock; on macOS ~/Library/Application Support/peacock; on
Windows %%LOCALAPPDATA%%\peacock). --theme NAME draws from one theme instead
(built in, or a user theme in the themes directory next to peacock's
config.json), by identity hash; with --distinct, the theme color farthest from
the others.

In a linked git worktree, the color is a variant of the main checkout's, at
least 10 CIEDE2000 away from it.`, palette.IdentityVersion, palette.MinContrast),
		Example: `  $ peacock auto
  $ peacock auto --distinct
  $ peacock auto --theme okabe-ito --force
  $ peacock auto --dry-run --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runAuto(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Distinct, "distinct", false, "pick the candidate farthest from your other projects' colors")
	cmd.Flags().StringVar(&opts.Theme, "theme", "", "draw the color from theme `name`")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "recolor a project that already has a color")
	return cmd
}

// themePool returns the colors of the theme named name, built-in or the
// user's.
func themePool(p *project.Project, name string) ([]palette.Color, error) {
	t, err := p.Theme(name)
	if err != nil {
		return nil, err
	}
	var pool []palette.Color
	for _, c := range t.Colors {
		if pc, err := palette.Parse(c.Value); err == nil {
			pool = append(pool, pc)
		}
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("theme %q has no colors", name)
	}
	return pool, nil
}

func runAuto(ctx context.Context, opts *autoOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	ao := project.AutoOptions{Distinct: opts.Distinct, Force: opts.Force}
	if opts.Theme != "" {
		if ao.Pool, err = themePool(p, opts.Theme); err != nil {
			return err
		}
	}
	var inRepo bool
	ao.Checkout, inRepo = checkoutOf(ctx, opts.Git, p.Target.Root, 5*time.Second)
	if inRepo {
		ao.OpenMain = func(dir string) (*project.Project, error) { return opts.OpenAt(dir, "") }
	}
	res, err := p.Auto(ao, opts.writeOptions())
	if err != nil {
		return err
	}
	if res.Change == nil {
		if o.G.JSON {
			if err := o.json(map[string]any{"file": p.Target.Path, "changed": false, "identity": res.Identity, "value": res.Existing, "dryRun": o.G.DryRun}); err != nil {
				return err
			}
		}
		o.status("%s already has a color (%s); --force recolors it", o.P.Display(p.Target.Path), res.Existing)
		return nil
	}
	data := map[string]any{
		"color": res.Color.Hex6(), "value": res.Value, "key": res.Key, "colors": res.Colors,
		"identity": res.Identity, "method": res.Method, "identityVersion": palette.IdentityVersion,
	}
	if res.Method == project.MethodWorktree {
		data["base"] = res.Base.Hex6()
		data["deltaE00"] = res.Delta
	}
	return o.reportChange(res.Change, "color", fmt.Sprintf("set %s to %s (%s of %s)", res.Key, quote(res.Value), res.Method, res.Identity), data)
}

// checkoutOf is what git says about the working tree at root, within
// timeout: the one way auto, pick and the hooks (hooks.Run) learn a
// project's identity (project.Checkout.Identity), so that they agree, in a
// linked worktree too. Only the project's own repository counts (ok):
// workspace.RepoRoot never takes the home directory for one (a dotfiles
// repository there is not the user's project). Without one (or without
// git) it is the folder alone.
func checkoutOf(ctx context.Context, git hooks.Git, root string, timeout time.Duration) (c project.Checkout, ok bool) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if repo, err := hooks.Inspect(ctx, git, root); err == nil && workspace.SamePath(repo.Root, root, runtime.GOOS) {
		return repo.Checkout, true
	}
	return project.Checkout{Root: root}, false
}
