package main

import (
	"fmt"
	"math"

	"github.com/peacock-cli/peacock/palette"
	"github.com/spf13/cobra"
)

// newDarkenCmd builds `darken` or `lighten`.
func newDarkenCmd(f *factory, g *globalOptions, verb string) *cobra.Command {
	var by float64
	var remote bool
	cmd := &cobra.Command{
		Use:   verb,
		Short: map[string]string{"darken": "Darken the workspace color", "lighten": "Lighten the workspace color"}[verb],
		Long: fmt.Sprintf(`%s the stored workspace color by N percent of HSL lightness, exactly as
Peacock's %s command does, store the result as hex and re-derive the
palette. N defaults to peacock.darkenLightenPercentage (5).`, map[string]string{"darken": "Darken", "lighten": "Lighten"}[verb], verb),
		Example: fmt.Sprintf("  $ peacock %s\n  $ peacock %s --by 10", verb, verb),
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("by") && (math.IsNaN(by) || by <= 0 || by > 100) {
				return flagErrorf("%s: --by must be between 0 and 100, got %g", verb, by)
			}
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			doc, _, _, c, err := s.requireColor(remote)
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("by") {
				ps, err := s.settingsFor(doc)
				if err != nil {
					return err
				}
				by = ps.DarkenLightenPercentage
			}
			if verb == "darken" {
				c = palette.Darken(c, by)
			} else {
				c = palette.Lighten(c, by)
			}
			hex := c.Hex()
			if err := s.setAndReport(hex, remote, ""); err != nil {
				return err
			}
			if !g.JSON && !g.DryRun {
				fmt.Fprintln(f.IO.Out, hex)
			}
			return nil
		},
	}
	cmd.Flags().Float64Var(&by, "by", 0, "percent of lightness to change (default peacock.darkenLightenPercentage, 5)")
	cmd.Flags().BoolVar(&remote, "remote", false, "change peacock.remoteColor instead of peacock.color")
	return cmd
}
