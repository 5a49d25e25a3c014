package main

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

func newPaletteCmd(f *factory, g *globalOptions) *cobra.Command {
	var scheme, style string
	cmd := &cobra.Command{
		Use:   "palette <color>",
		Short: "Print the palette or a harmony scheme for a color; writes nothing",
		Long: `Print the workbench.colorCustomizations keys peacock would write for <color>
under the peacock.* settings that apply here (package defaults < user settings
< the target file), or with --scheme a harmony scheme computed in OKLCH:
` + schemeList() + `.`,
		Example: `  $ peacock palette "#42b883"
  $ peacock palette "#42b883" --json
  $ peacock palette teal --scheme triadic
  $ peacock palette navy --style accessible`,
		Args: exactArgs(1, "<color>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkStyle(style); err != nil {
				return err
			}
			var sch palette.Scheme
			if scheme != "" {
				var err error
				if sch, err = palette.ParseScheme(scheme); err != nil {
					return &flagError{err}
				}
			}
			if strings.TrimSpace(args[0]) == "" {
				return flagErrorf("palette: the color is empty")
			}
			s, err := f.newSessionNoTarget(g)
			if err != nil {
				return err
			}
			text, err := s.resolveColor(args[0])
			if err != nil {
				return err
			}
			c, err := palette.Parse(text)
			if err != nil {
				return err
			}
			if scheme != "" {
				return printScheme(f.IO, g, sch, palette.Harmony(c, sch))
			}
			ps, err := s.targetSettings()
			if err != nil {
				return err
			}
			if style != "" {
				ps.Style = palette.Style(style)
			}
			colors := palette.Derive(c, ps)
			if g.JSON {
				return writeJSON(f.IO, map[string]any{"colors": colors})
			}
			if f.IO.ColorEnabled() {
				printSwatches(f.IO, colors)
				return nil
			}
			for _, k := range palette.SortedKeys(colors) {
				fmt.Fprintf(f.IO.Out, "%s\t%s\n", k, colors[k])
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&scheme, "scheme", "", "print a harmony scheme instead: "+schemeList())
	cmd.Flags().StringVar(&style, "style", "", "palette style: peacock or accessible (default: the file's peacock.style)")
	_ = cmd.RegisterFlagCompletionFunc("scheme", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, s := range palette.Schemes() {
			names = append(names, string(s))
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("style", cobra.FixedCompletions([]string{"peacock", "accessible"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func schemeList() string {
	var names []string
	for _, s := range palette.Schemes() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

// targetSettings returns the settings that apply in the session's directory
// without requiring a target: a target that cannot be found is ignored
// unless --workspace named it.
func (s *session) targetSettings() (palette.Settings, error) {
	t, err := workspace.Find(workspace.FindOptions{Dir: s.Dir, Home: s.Home, Explicit: s.g.Workspace})
	if err != nil {
		if s.g.Workspace != "" {
			return palette.Settings{}, err
		}
		return s.settingsFor(nil)
	}
	s.Target = t
	doc, err := s.readTarget()
	if err != nil {
		return palette.Settings{}, err
	}
	return s.settingsFor(doc)
}

func printScheme(io *ioStreams, g *globalOptions, sch palette.Scheme, colors []palette.Color) error {
	hexes := make([]string, len(colors))
	for i, c := range colors {
		hexes[i] = c.Hex()
	}
	if g.JSON {
		return writeJSON(io, map[string]any{"scheme": string(sch), "colors": hexes})
	}
	for i, c := range colors {
		if io.ColorEnabled() {
			fmt.Fprintf(io.Out, "%s  %s\n", swatch(c, 6), hexes[i])
		} else {
			fmt.Fprintln(io.Out, hexes[i])
		}
	}
	return nil
}
