package cli

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

type resetOptions struct {
	baseOptions
	All          bool
	Personal     bool
	Machine      bool
	Devcontainer bool
}

func newResetCmd(f *factory, g *globalOptions, runF func(*resetOptions) error) *cobra.Command {
	opts := &resetOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "reset",
		Short: "Remove the workspace colors",
		Long: `Remove every key peacock owns from workbench.colorCustomizations (keys in
peacock.excludedSettings and keys you added yourself stay), remove the member
when nothing else is left in it, and remove peacock.color,
peacock.remoteColor and peacock.style. On a file that had no Peacock state
before 'set', reset gives back the original bytes.

--all also removes the user-level colors from your editor's user settings
(peacock.color, peacock.remoteColor and the Live Share colors), as the
extension's "Remove All Global and Workspace Colors".

--personal removes this clone's personal color instead: the working copy
gets the committed file back (with your other edits), and the filter, its
config, its attributes and exclude lines and peacock's state are removed.`,
		Example: `  $ peacock reset
  $ peacock reset --dry-run
  $ peacock reset --all
  $ peacock reset --personal
  $ peacock reset --machine
  $ peacock reset --devcontainer`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			m, d := flag{"--machine", opts.Machine}, flag{"--devcontainer", opts.Devcontainer}
			if err := together(
				[]flag{m, d, {"--personal", opts.Personal}, {"--all", opts.All}},
				[]flag{m, d, {"--workspace", opts.Global.Workspace != ""}},
			); err != nil {
				return err
			}
			if opts.Devcontainer {
				return runResetDevcontainer(opts)
			}
			if opts.Machine {
				return runResetMachine(opts)
			}
			if opts.Personal {
				return runResetPersonal(opts)
			}
			return runReset(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "also remove the user-level colors from the editor's user settings")
	cmd.Flags().BoolVar(&opts.Personal, "personal", false, "remove this clone's personal color and every trace of it")
	cmd.Flags().BoolVar(&opts.Machine, "machine", false, "remove the machine color of the editor servers on this host")
	cmd.Flags().BoolVar(&opts.Devcontainer, "devcontainer", false, "remove the dev container color from devcontainer.json")
	return cmd
}

func runReset(opts *resetOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, ""); err != nil {
		return err
	}
	var data map[string]any
	if opts.All {
		// The user settings first. With --json, one object reports both:
		// the workspace file, and the user settings under "user".
		res, err := p.ResetUser(opts.writeOptions())
		if err != nil {
			return err
		}
		switch {
		case res != nil && opts.Global.JSON:
			user := map[string]any{"file": res.Path, "changed": res.Changed}
			if opts.Global.DryRun {
				user["diff"] = workspace.Diff(p.Display(res.Path), res.Before, res.After)
			}
			data = map[string]any{"user": user}
		case res != nil:
			if err := o.report(*res, "removed the user-level peacock.color, peacock.remoteColor and Live Share colors", nil); err != nil {
				return err
			}
		}
	}
	c, err := p.Reset(opts.writeOptions())
	if err != nil {
		return err
	}
	if !opts.All {
		// The extension's Reset re-applies a user-level color at once;
		// peacock leaves the file without colors, but says so.
		for _, k := range []string{project.ColorKey, project.RemoteColorKey} {
			if v, ok := p.User[k].(string); ok && strings.TrimSpace(v) != "" {
				o.warnings([]string{fmt.Sprintf("%s: %s is %q: the extension applies it to this workspace when VS Code opens it (its own Reset re-applies it at once); peacock reset --all removes it", p.Display(p.UserSettingsPath), k, v)})
			}
		}
	}
	return o.reportChange(c, "reset", "removed the colors", data)
}

type applyOptions struct {
	baseOptions
	Remote   bool
	Personal bool
}

func newApplyCmd(f *factory, g *globalOptions, runF func(*applyOptions) error) *cobra.Command {
	opts := &applyOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "apply",
		Short: "Re-derive the colors from the stored color and current settings",
		Long: `Do what the extension does when a window opens: derive the palette from the
stored peacock.color (with --remote: peacock.remoteColor, falling back to
peacock.color) and the current peacock.* settings, and merge it into the
file. Without a stored color, strip the owned keys as the extension does.
A file that is already right is not touched.`,
		Example: `  $ peacock apply
  $ peacock apply --remote
  $ peacock apply --personal`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			if err := together([]flag{{"--personal", opts.Personal}, {"--remote", opts.Remote}}); err != nil {
				return err // a personal color shows in every window
			}
			if opts.Personal {
				return runApplyPersonal(opts)
			}
			return runApply(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "use peacock.remoteColor (falling back to peacock.color)")
	cmd.Flags().BoolVar(&opts.Personal, "personal", false, "derive this clone's personal color again, on the committed file")
	return cmd
}

func runApply(opts *applyOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock apply --personal'"); err != nil {
		return err
	}
	c, err := p.Apply(opts.Remote, opts.writeOptions())
	if err != nil {
		return err
	}
	data := map[string]any{"value": c.Value, "colors": c.Colors}
	status := "applied " + c.Value
	if c.Value == "" {
		status = "no stored color: removed the owned keys"
	} else {
		data["color"] = c.Color.Hex6()
	}
	return o.reportChange(c, "apply", status, data)
}
