package cli

import (
	"fmt"

	"github.com/peacock-cli/peacock/internal/svg"
	"github.com/peacock-cli/peacock/palette"
	"github.com/spf13/cobra"
)

type themesOptions struct {
	baseOptions
	Name string // "" lists the themes
	SVG  string // themes show --svg FILE
}

func newThemesCmd(f *factory, g *globalOptions, runF func(*themesOptions) error) *cobra.Command {
	run := func(opts *themesOptions) error {
		if runF != nil {
			return runF(opts)
		}
		return runThemes(opts)
	}
	list := &themesOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "themes",
		Short: "List the themes: named colors to choose from",
		Long: `List the themes, named collections of colors that set, random --theme and
completion draw from: Peacock's starters, language and framework brand
colors, color-blind-safe sets (Okabe-Ito, Paul Tol) and the accents of popular
editor palettes. Your own themes are JSON files in
$XDG_CONFIG_HOME/peacock/themes/*.json (beside peacock's config file):

  {"name": "work", "colors": [{"name": "Ocean", "value": "#0077be"}]}

A theme of yours shadows a built-in one of the same name. A file that cannot
be read is reported with its line and column and skipped.`,
		Example: `  $ peacock themes
  $ peacock themes show okabe-ito
  $ peacock themes show languages --json
  $ peacock themes show nord --svg nord.svg
  $ peacock set "okabe-ito/sky blue"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return run(list) },
	}
	show := &themesOptions{baseOptions: newBase(f, g)}
	showCmd := &cobra.Command{
		Use:   "show <theme>",
		Short: "List a theme's colors with swatches and contrast",
		Long: `List the colors of a theme: name, value, and the contrast of the foreground
Peacock picks on it under your settings. A contrast under 4.5:1 is marked:
--style accessible raises it. --svg FILE writes a swatch sheet instead.`,
		Example: `  $ peacock themes show tol-bright
  $ peacock themes show catppuccin-mocha --svg mocha.svg`,
		Args: exactArgs(1, "<theme>"),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return matching(themeNames(show.baseOptions), toComplete), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			show.Name = args[0]
			return run(show)
		},
	}
	showCmd.Flags().StringVar(&show.SVG, "svg", "", "write a swatch sheet to `file` (SVG)")
	cmd.AddCommand(showCmd)
	return cmd
}

// themeNames is the completion list for theme names.
func themeNames(b baseOptions) []string {
	p, err := b.Open(true)
	if err != nil {
		return nil
	}
	all, err := p.Themes()
	if err != nil {
		return nil
	}
	var names []string
	for _, t := range all {
		names = append(names, t.Name+"\t"+fmt.Sprintf("%d colors", len(t.Colors)))
	}
	return names
}

// themeColor is one row of `themes show`.
type themeColor struct {
	Name       string  `json:"name"`
	Value      string  `json:"value"`
	Hex        string  `json:"hex"`
	Foreground string  `json:"foreground"`
	Contrast   float64 `json:"contrast"`
	Accessible bool    `json:"needsAccessibleStyle"`
}

func runThemes(opts *themesOptions) error {
	p, o, err := opts.open(true)
	if err != nil {
		return err
	}
	io := opts.IO
	if opts.Name == "" {
		all, err := p.Themes()
		if err != nil {
			return err
		}
		if opts.Global.JSON {
			type row struct {
				Name   string `json:"name"`
				Colors int    `json:"colors"`
				Source string `json:"source"`
				User   bool   `json:"user"`
				Path   string `json:"path,omitempty"`
			}
			var rows []row
			for _, t := range all {
				rows = append(rows, row{t.Name, len(t.Colors), t.Source, t.User, t.Path})
			}
			return o.json(map[string]any{"themes": rows})
		}
		pt := io.painter()
		for _, t := range all {
			source := t.Source
			if t.User {
				source = p.Display(t.Path)
			}
			if !io.ColorEnabled() {
				fmt.Fprintf(io.Out, "%s\t%d\t%s\n", t.Name, len(t.Colors), source)
				continue
			}
			sw := ""
			for i, c := range t.Colors {
				if i == 12 {
					break
				}
				sw += pt.swatch(colorOf(c.Value), 1)
			}
			fmt.Fprintf(io.Out, "%-18s %3d  %-12s  %s\n", t.Name, len(t.Colors), sw, shorten(source, 60))
		}
		return nil
	}
	t, err := p.Theme(opts.Name)
	if err != nil {
		return err
	}
	ps, err := p.SettingsFor(nil)
	if err != nil {
		return err
	}
	var rows []themeColor
	var items []svg.Swatch
	for _, c := range t.Colors {
		bg := colorOf(c.Value)
		fgText := palette.Derive(bg, ps)["titleBar.activeForeground"]
		if fgText == "" {
			fgText = palette.Derive(bg, palette.DefaultSettings())["titleBar.activeForeground"]
		}
		r := palette.PairContrast(palette.Over(bg, palette.MustParse("#ffffff")), palette.MustParse(fgText))
		r = float64(int(r*100)) / 100
		rows = append(rows, themeColor{c.Name, c.Value, bg.Hex(), fgText, r, r < palette.MinContrast})
		label := fmt.Sprintf("%.2f:1", r)
		items = append(items, svg.Swatch{Name: c.Name, Hex: bg.Hex(), Label: label, Fg: fgText})
	}
	if opts.SVG != "" {
		return writeSVG(o, opts.SVG, svg.Swatches(t.Name, items), fmt.Sprintf("%d colors of %s", len(items), t.Name))
	}
	if opts.Global.JSON {
		return o.json(map[string]any{"name": t.Name, "source": t.Source, "user": t.User, "colors": rows})
	}
	pt := io.painter()
	for _, r := range rows {
		mark := ""
		if r.Accessible {
			mark = "  (below 4.5:1: use --style accessible)"
		}
		if io.ColorEnabled() {
			c := colorOf(r.Value)
			fmt.Fprintf(io.Out, "%s  %-22s %-10s %5.2f:1%s\n", pt.cell(" Aa ", 4, c, palette.MustParse(r.Foreground)), r.Name, r.Hex, r.Contrast, mark)
		} else {
			fmt.Fprintf(io.Out, "%s\t%s\t%.2f:1%s\n", r.Name, r.Value, r.Contrast, mark)
		}
	}
	return nil
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
