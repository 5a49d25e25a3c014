package cli

import (
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type sideBarOptions struct {
	baseOptions
	Level  project.SideBarLevel
	Remote bool
}

func newSideBarCmd(f *factory, g *globalOptions, runF func(*sideBarOptions) error) *cobra.Command {
	opts := &sideBarOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "sidebar <dark|darker|darkest|remove>",
		Short: "Set the side bar darkness level",
		Long: `Color the side bar a darker shade of the workspace color, as the extension's
"Set SideBar Darkness Level": dark, darker and darkest darken the stored color
by 10 percent of lightness once, twice or three times; remove takes the side
bar color away. sideBar.background is not one of the keys peacock owns, so
reset and apply leave it alone.`,
		Example: `  $ peacock sidebar dark
  $ peacock sidebar darkest
  $ peacock sidebar remove`,
		ValidArgs: []string{"dark", "darker", "darkest", "remove"},
		Args:      exactArgs(1, "<dark|darker|darkest|remove>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			level, err := project.ParseSideBarLevel(args[0])
			if err != nil {
				return flagErrorf("sidebar: %v", err)
			}
			opts.Level = level
			if runF != nil {
				return runF(opts)
			}
			return runSideBar(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "darken peacock.remoteColor (falling back to peacock.color)")
	return cmd
}

func runSideBar(opts *sideBarOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	c, err := p.SideBar(opts.Level, opts.Remote, opts.writeOptions())
	if err != nil {
		return noColorError(err)
	}
	if opts.Level == project.SideBarRemove {
		return o.reportChange(c, "change", "removed sideBar.background", nil)
	}
	return o.reportChange(c, "change", "set sideBar.background to "+c.Value, map[string]any{"key": c.Key, "value": c.Value})
}
