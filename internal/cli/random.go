package cli

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type randomOptions struct {
	baseOptions
	NewRand   func(seed uint64) *rand.Rand
	Favorites bool
	Theme     string
	Remote    bool
	Seed      uint64
}

func newRandomCmd(f *factory, g *globalOptions, runF func(*randomOptions) error) *cobra.Command {
	opts := &randomOptions{baseOptions: newBase(f, g), NewRand: f.NewRand}
	cmd := &cobra.Command{
		Use:   "random",
		Short: "Color the workspace with a random color",
		Long: `Pick a random color (uniform in RGB, as Peacock's "Surprise me") or, with
--favorites or the peacock.surpriseMeFromFavoritesOnly setting, a random
favorite different from the current color; set it as the workspace color and
print it on stdout.`,
		Example: `  $ peacock random
  $ peacock random --favorites
  $ peacock random --theme okabe-ito
  $ peacock random --seed 42
  $ c=$(peacock random --quiet)`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Favorites && opts.Theme != "" {
				return flagErrorf("random: --favorites and --theme exclude each other")
			}
			if runF != nil {
				return runF(opts)
			}
			return runRandom(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Favorites, "favorites", false, "draw from the favorites (as peacock.surpriseMeFromFavoritesOnly does)")
	cmd.Flags().StringVar(&opts.Theme, "theme", "", "draw from one theme (see 'peacock themes')")
	_ = cmd.RegisterFlagCompletionFunc("theme", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return matching(themeNames(opts.baseOptions), toComplete), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "store peacock.remoteColor instead of peacock.color")
	cmd.Flags().Var(seedFlag{&opts.Seed}, "seed", "seed for a reproducible draw (0: a different draw each time)")
	return cmd
}

func runRandom(opts *randomOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	ro := project.RandomOptions{FavoritesOnly: opts.Favorites, Theme: opts.Theme}
	c, err := p.SetRandom(opts.NewRand(opts.Seed), ro, opts.Remote, opts.writeOptions())
	if err != nil {
		return err
	}
	if err := reportSet(o, c); err != nil {
		return err
	}
	if !opts.Global.JSON && !opts.Global.DryRun {
		fmt.Fprintln(opts.IO.Out, c.Value)
	}
	return nil
}

// seedFlag is a pflag.Value for --seed that says what it wants instead of
// showing strconv's error text.
type seedFlag struct{ v *uint64 }

func (s seedFlag) String() string { return strconv.FormatUint(*s.v, 10) }

func (s seedFlag) Set(v string) error {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return fmt.Errorf("want a whole number from 0 to %d, got %q", uint64(1<<64-1), v)
	}
	*s.v = n
	return nil
}

func (s seedFlag) Type() string { return "number" }
