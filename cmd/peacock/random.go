package main

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/spf13/cobra"
)

type randomOptions struct {
	Favorites bool
	Remote    bool
	Seed      uint64
}

func newRandomCmd(f *factory, g *globalOptions, runF func(*randomOptions) error) *cobra.Command {
	opts := &randomOptions{}
	cmd := &cobra.Command{
		Use:   "random",
		Short: "Color the workspace with a random color",
		Long: `Pick a random color (uniform in RGB, as Peacock's "Surprise me") or, with
--favorites, a random favorite different from the current color, set it as the
workspace color, and print it on stdout.`,
		Example: `  $ peacock random
  $ peacock random --favorites
  $ c=$(peacock random --quiet)`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runRandom(f, g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Favorites, "favorites", false, "draw from the favorites instead of all colors")
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "store peacock.remoteColor instead of peacock.color")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 0, "seed for a reproducible draw")
	_ = cmd.Flags().MarkHidden("seed")
	return cmd
}

func runRandom(f *factory, g *globalOptions, opts *randomOptions) error {
	s, err := f.newSession(g)
	if err != nil {
		return err
	}
	r := f.NewRand(opts.Seed)
	var text string
	if opts.Favorites {
		favs, err := s.favorites()
		if err != nil {
			return err
		}
		if len(favs) == 0 {
			return fmt.Errorf("no favorites to choose from")
		}
		doc, err := s.readTarget()
		if err != nil {
			return err
		}
		current, _ := s.storedColor(doc, opts.Remote)
		// As Peacock: draw again while the pick equals the current color.
		for i := 0; i < 64; i++ {
			text = favs[r.IntN(len(favs))].Value
			if len(favs) == 1 || !strings.EqualFold(text, current) {
				break
			}
		}
	} else {
		text = palette.Random(r).Hex()
	}
	if err := s.setAndReport(text, opts.Remote, ""); err != nil {
		return err
	}
	if !g.JSON && !g.DryRun {
		fmt.Fprintln(f.IO.Out, text)
	}
	return nil
}
