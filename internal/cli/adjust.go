package cli

import (
	"fmt"
	"math"
	"strconv"

	"github.com/spf13/cobra"
)

type adjustOptions struct {
	baseOptions
	Darken bool
	By     float64 // 0: peacock.darkenLightenPercentage
	Remote bool
}

// percentFlag is a pflag.Value for --by that says what it wants instead of
// showing strconv's error text.
type percentFlag struct{ v *float64 }

func (p percentFlag) String() string {
	if *p.v == 0 {
		return ""
	}
	return strconv.FormatFloat(*p.v, 'g', -1, 64)
}

func (p percentFlag) Set(s string) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || v <= 0 || v > 100 {
		return fmt.Errorf("want a number of percent between 0 and 100, got %q", s)
	}
	*p.v = v
	return nil
}

func (p percentFlag) Type() string { return "percent" }

// newAdjustCmd builds `darken` or `lighten`.
func newAdjustCmd(f *factory, g *globalOptions, verb string, runF func(*adjustOptions) error) *cobra.Command {
	opts := &adjustOptions{baseOptions: newBase(f, g), Darken: verb == "darken"}
	title := map[string]string{"darken": "Darken", "lighten": "Lighten"}[verb]
	cmd := &cobra.Command{
		Use:   verb,
		Short: title + " the workspace color",
		Long: fmt.Sprintf(`%s the stored workspace color by N percent of HSL lightness, exactly as
Peacock's %s command does, store the result as hex, re-derive the palette and
print the new color on stdout. N defaults to peacock.darkenLightenPercentage
(5).`, title, verb),
		Example: fmt.Sprintf("  $ peacock %s\n  $ peacock %s --by 10", verb, verb),
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runAdjust(opts)
		},
	}
	cmd.Flags().Var(percentFlag{&opts.By}, "by", "percent of lightness to change, in (0, 100] (default peacock.darkenLightenPercentage, 5)")
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "change peacock.remoteColor instead of peacock.color")
	return cmd
}

func runAdjust(opts *adjustOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	c, err := p.Adjust(opts.Darken, opts.By, opts.Remote, opts.writeOptions())
	if err != nil {
		return noColorError(err)
	}
	if err := reportSet(o, c); err != nil {
		return err
	}
	if !opts.Global.JSON && !opts.Global.DryRun {
		fmt.Fprintln(opts.IO.Out, c.Value)
	}
	return nil
}
