package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	baseOptions
	Remote bool
	Strict bool
	// Files are the files to check (pre-commit passes the staged ones);
	// none checks the target file, as every command finds it.
	Files []string
}

func newCheckCmd(f *factory, g *globalOptions, runF func(*checkOptions) error) *cobra.Command {
	opts := &checkOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the colors match the stored color (for CI and pre-commit)",
		Long: `Exit 0 when the target file parses, its stored color is valid and the owned
keys in workbench.colorCustomizations are what that color derives under the
current settings, or differ only in a way the extension explains: the file was
written under other peacock.* settings (element adjustments, foreground
colors, keepForegroundColor, affect* flags), with the remote color, or by an
older extension version. That is reported as "explained" with what explains
it: one range of releases, one stored color and the settings assumed.
Otherwise exit 1 and say what drifted. A hand edit is drift even where some
setting could in theory produce it: every owned key deleted, or one key
deleted from a complete file of its release. With --strict, "explained"
fails too: every file must be exactly what the current extension (4.4.1)
writes under the settings committed in it. Text and background pairs below
4.5:1 contrast are reported as warnings (they do not fail the check;
inactive foregrounds are exempt, as in WCAG).

To make check agree in CI, commit the peacock.* settings the colors were
derived with in the workspace file: CI has no user settings.

With file arguments (as pre-commit passes the staged ones), check each of
them: workspace files and settings.json files, wherever they are. Exit 1
when any drifted or could not be read; with --json, one object per file.`,
		Example: `  $ peacock check
  $ peacock check --strict          # in CI: the file as 4.4.1 writes it, nothing else
  $ peacock check --json | jq -r .status
  $ peacock check app/app.code-workspace web/.vscode/settings.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			if len(args) > 0 {
				return runCheckFiles(f, g, opts)
			}
			return runCheck(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "check against peacock.remoteColor (falling back to peacock.color)")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, `fail on "explained" too, not only on drift`)
	return cmd
}

// runCheckFiles checks each of opts.Files as the target file, and goes on
// after one that fails.
func runCheckFiles(f *factory, g *globalOptions, opts *checkOptions) error {
	failed := false
	for _, file := range opts.Files {
		one := *opts
		one.baseOptions = opts.baseOptions.withWorkspace(file)
		if err := runCheck(&one); err != nil {
			failed = true
			err = displayPaths(err, f.display) // relative, as in any other error
			switch {
			case err == errSilent:
			case strings.Contains(err.Error(), filepath.Base(file)):
				// the error names the file already
				sayf(opts.IO.ErrOut, "peacock: %v\n", err)
			default:
				sayf(opts.IO.ErrOut, "peacock: %s: %v\n", file, err)
			}
		}
	}
	if failed {
		return errSilent
	}
	return nil
}

func runCheck(opts *checkOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	r, err := p.Check(opts.Remote)
	if err != nil {
		return err
	}
	name := p.Display(p.Target.Path)
	io := opts.IO
	if opts.Global.JSON {
		out := map[string]any{
			"file": p.Target.Path, "ok": ok(r, opts.Strict), "status": r.Status, "value": r.Value,
			"drift": nonNil(r.Drift), "lowContrast": nonNil(r.LowContrast),
		}
		if r.Value != "" {
			out["color"] = r.Color.Hex6()
		}
		if len(r.Explained) > 0 {
			out["explainedBy"] = r.ExplainedBy
			out["explained"] = r.Explained
			out["versions"] = r.Versions
			out["assumed"] = nonNil(r.Assumed)
		}
		if err := o.json(out); err != nil {
			return err
		}
	} else {
		for _, d := range r.Drift {
			fmt.Fprintf(io.Out, "%s: drift: %s\n", name, d)
		}
		if !opts.Global.Quiet {
			for _, w := range r.LowContrast {
				sayf(io.ErrOut, "%s: warning: %s on %s has contrast %.2f:1, below 4.5:1 (try --style accessible)\n",
					name, w.Foreground, w.Background, w.Ratio)
			}
		}
	}
	switch {
	case r.Status == project.StatusDrift:
		if !opts.Global.JSON && !opts.Global.Quiet {
			if r.Value == "" {
				// A Peacock 1.x/2.x file (peacock.color came with 3.0.0)
				// or one whose color was deleted: today's extension
				// strips these keys when it opens the workspace.
				sayf(io.ErrOut, "%s: %d Peacock key(s) but no %s stored: the extension removes them when it opens the workspace; run 'peacock set COLOR' to keep a color, or 'peacock apply' to remove them\n", name, len(r.Drift), r.Key)
				return errSilent
			}
			sayf(io.ErrOut, "%s: %d key(s) drifted; run 'peacock apply' to fix\n", name, len(r.Drift))
		}
		return errSilent
	case r.Status == project.StatusExplained && opts.Strict:
		if !opts.Global.JSON && !opts.Global.Quiet {
			sayf(io.ErrOut, "%s: colors are as the extension wrote them, derived with %s, not what %s writes under these settings (--strict); run 'peacock apply' to fix\n",
				name, strings.Join(r.ExplainedBy, "; "), palette.Current)
		}
		return errSilent
	case r.Status == project.StatusExplained:
		o.status("%s: colors match %s as the extension wrote them, derived with %s", name, r.Value, strings.Join(r.ExplainedBy, "; "))
	case r.Value == "":
		o.status("%s: no peacock color set and no peacock keys: ok", name)
	default:
		o.status("%s: colors match %s", name, r.Value)
	}
	return nil
}

// ok reports whether r passes: no drift, and with strict nothing explained.
func ok(r *project.CheckReport, strict bool) bool {
	return r.Status == project.StatusOK || r.Status == project.StatusExplained && !strict
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
