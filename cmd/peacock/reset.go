package main

import (
	"fmt"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

func newResetCmd(f *factory, g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "reset",
		Short: "Remove the workspace colors",
		Long: `Remove every key peacock owns from workbench.colorCustomizations (keys in
peacock.excludedSettings and keys you added yourself stay), remove the member
when nothing else is left in it, and remove peacock.color and
peacock.remoteColor. On a file that had no Peacock state before 'set', reset
gives back the original bytes.`,
		Example: `  $ peacock reset
  $ peacock reset --dry-run`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			if skip, err := s.skipMissing("reset"); skip || err != nil {
				return err
			}
			res, err := s.update(func(d *workspace.Document) error {
				ps, err := s.settingsFor(d)
				if err != nil {
					return err
				}
				if err := d.ResetColors(palette.IsOwned, ps.ExcludedSettings); err != nil {
					return err
				}
				return d.RemoveSetting("peacock.style")
			}, false)
			if err != nil {
				return err
			}
			return s.report(res, "removed the colors", nil)
		},
	}
}

func newApplyCmd(f *factory, g *globalOptions) *cobra.Command {
	var remote bool
	cmd := &cobra.Command{
		Use:   "apply",
		Short: "Re-derive the colors from the stored color and current settings",
		Long: `Do what the extension does when a window opens: derive the palette from the
stored peacock.color (with --remote: peacock.remoteColor, falling back to
peacock.color) and the current peacock.* settings, and merge it into the
file. Without a stored color, strip the owned keys as the extension does.
A file that is already right is not touched.`,
		Example: `  $ peacock apply
  $ peacock apply --remote`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			if skip, err := s.skipMissing("apply"); skip || err != nil {
				return err
			}
			var text string
			var colors map[string]string
			res, err := s.update(func(d *workspace.Document) error {
				ps, err := s.settingsFor(d)
				if err != nil {
					return err
				}
				if err := s.colorTypeError(d); err != nil {
					return err
				}
				var key string
				text, key = s.storedColor(d, remote)
				colors = map[string]string{}
				if text != "" {
					c, err := palette.Parse(text)
					if err != nil {
						return fmt.Errorf("%s: %s: %w", s.display(s.Target.Path), key, err)
					}
					colors = palette.Derive(c, ps)
				}
				return d.ApplyColors(colors, palette.IsOwned, ps.ExcludedSettings)
			}, false)
			if err != nil {
				return err
			}
			data := map[string]any{"value": text, "colors": colors}
			status := "applied " + text
			if text == "" {
				status = "no stored color: removed the owned keys"
			} else if c, err := palette.Parse(text); err == nil {
				data["color"] = c.Hex6()
			}
			return s.report(res, status, data)
		},
	}
	cmd.Flags().BoolVar(&remote, "remote", false, "use peacock.remoteColor (falling back to peacock.color)")
	return cmd
}
