package cli

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type favoritesOptions struct {
	baseOptions
	// Action is "list", "add" or "remove"; Name and Value its arguments.
	Action, Name, Value string
	// Recommended adds Peacock's starter set (add --recommended).
	Recommended bool
	Remote      bool
}

func newFavoritesCmd(f *factory, g *globalOptions) *cobra.Command {
	return newFavoritesCmdF(f, g, nil)
}

func newFavoritesCmdF(f *factory, g *globalOptions, runF func(*favoritesOptions) error) *cobra.Command {
	run := func(opts *favoritesOptions) error {
		if runF != nil {
			return runF(opts)
		}
		return runFavorites(opts)
	}
	list := &favoritesOptions{baseOptions: newBase(f, g), Action: "list"}
	cmd := &cobra.Command{
		Use:   "favorites",
		Short: "List, add and remove favorite colors",
		Long: `Favorites are named colors you can use anywhere a color is expected
(peacock set "Vue Green"). They live where the Peacock extension keeps them,
in peacock.favoriteColors of your editor's user settings, so the extension and
peacock share one list; when that setting is absent, the list is Peacock's
starter set, as in the extension. With no editor installed they live in
peacock's own config file ($XDG_CONFIG_HOME/peacock/config.json), listed
before the starters.`,
		Example: `  $ peacock favorites
  $ peacock favorites add "Deep Sea" "#05445e"
  $ peacock favorites add "Deep Sea"          # the project's current color
  $ peacock favorites add --recommended
  $ peacock favorites remove "Deep Sea"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return run(list) },
	}
	add := &favoritesOptions{baseOptions: newBase(f, g), Action: "add"}
	addCmd := &cobra.Command{
		Use:   "add <name> [<color>]",
		Short: "Add a favorite (with no color: the project's current color)",
		Example: `  $ peacock favorites add "Deep Sea" "#05445e"
  $ peacock favorites add "Deep Sea"
  $ peacock favorites add --recommended`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case add.Recommended && len(args) > 0:
				return flagErrorf("favorites add: --recommended takes no arguments")
			case add.Recommended:
				return run(add)
			case len(args) == 0:
				return flagErrorf("favorites add: missing <name>")
			case len(args) > 2:
				return flagErrorf("favorites add: too many arguments (want <name> [<color>], got %d)", len(args))
			}
			add.Name = strings.TrimSpace(args[0])
			if err := project.CheckFavoriteName(add.Name); err != nil {
				return flagErrorf("favorites add: %v", err)
			}
			if len(args) == 2 {
				add.Value = strings.TrimSpace(args[1])
				if add.Value == "" {
					return flagErrorf("favorites add: the color is empty")
				}
			}
			return run(add)
		},
	}
	addCmd.Flags().BoolVar(&add.Recommended, "recommended", false, "put Peacock's starter favorites first in the list (the extension's \"Add the Recommended Favorites\")")
	addCmd.Flags().BoolVar(&add.Remote, "remote", false, "with no color: save peacock.remoteColor")
	remove := &favoritesOptions{baseOptions: newBase(f, g), Action: "remove"}
	removeCmd := &cobra.Command{
		Use:     "remove <name>",
		Short:   "Remove a favorite",
		Example: `  $ peacock favorites remove "Deep Sea"`,
		Args:    exactArgs(1, "<name>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			remove.Name = strings.TrimSpace(args[0])
			if remove.Name == "" {
				return flagErrorf("favorites remove: the name is empty")
			}
			return run(remove)
		},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return matching(favoriteNames(remove.baseOptions), toComplete), cobra.ShellCompDirectiveNoFileComp
		},
	}
	cmd.AddCommand(addCmd, removeCmd)
	return cmd
}

func runFavorites(opts *favoritesOptions) error {
	// Saving the current color needs the project's target; the rest only
	// the user's settings.
	needTarget := opts.Action == "add" && !opts.Recommended && opts.Value == ""
	p, o, err := opts.open(!needTarget)
	if err != nil {
		return err
	}
	wo := opts.writeOptions()
	var c *project.FavoriteChange
	switch {
	case opts.Action == "list":
		return listFavorites(opts, p)
	case opts.Recommended:
		c, err = p.AddRecommended(wo)
	case opts.Action == "add" && opts.Value == "":
		c, err = p.AddCurrentFavorite(opts.Name, opts.Remote, wo)
		err = noColorError(err)
	case opts.Action == "add":
		c, err = p.AddFavorite(opts.Name, opts.Value, wo)
	default:
		c, err = p.RemoveFavorite(opts.Name, wo)
	}
	if err != nil {
		return err
	}
	return reportFavorite(o, c)
}

func listFavorites(opts *favoritesOptions, p *project.Project) error {
	favs, err := p.Favorites()
	if err != nil {
		return err
	}
	io := opts.IO
	if opts.Global.JSON {
		return writeJSON(io, map[string]any{"favorites": nonNil(favs)})
	}
	pt := io.painter()
	for _, fv := range favs {
		if io.ColorEnabled() {
			fmt.Fprintf(io.Out, "%s  %-22s %-10s %s\n", pt.swatch(colorOf(fv.Value), 4), fv.Name, fv.Value, fv.Source)
		} else {
			fmt.Fprintf(io.Out, "%s\t%s\t%s\n", fv.Name, fv.Value, fv.Source)
		}
	}
	return nil
}

// reportFavorite prints what a favorites edit did (see out.report).
func reportFavorite(o *out, c *project.FavoriteChange) error {
	what := fmt.Sprintf("favorite %q", c.Favorite.Name)
	if c.Verb == "recommended" {
		what = "the recommended favorites"
	}
	data := map[string]any{"name": c.Favorite.Name, "source": c.Store.Source}
	if c.Favorite.Value != "" {
		what += " = " + c.Favorite.Value
		data["value"] = c.Favorite.Value
	}
	status := map[string]string{"add": "added ", "update": "updated ", "recommended": "added "}[c.Verb] + what
	if c.Verb == "remove" {
		status = "removed " + what + " from %s"
	}
	return o.report(c.Result, status, data)
}
