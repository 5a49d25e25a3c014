package cli

import (
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/spf13/cobra"
)

type paletteOptions struct {
	baseOptions
	Color  string
	Scheme palette.Scheme
	Style  string
}

func newPaletteCmd(f *factory, g *globalOptions, runF func(*paletteOptions) error) *cobra.Command {
	opts := &paletteOptions{baseOptions: newBase(f, g)}
	var scheme string
	cmd := &cobra.Command{
		Use:   "palette <color>",
		Short: "Print the palette or a harmony scheme for a color; writes nothing",
		Long: `Print the workbench.colorCustomizations keys peacock would write for <color>
in the target file, under the peacock.* settings that apply there (package
defaults < user settings < the target file), or with --scheme a harmony
scheme computed in OKLCH: ` + schemeList() + `.`,
		Example: `  $ peacock palette "#42b883"
  $ peacock palette "#42b883" --json
  $ peacock palette teal --scheme triadic
  $ peacock palette navy --style accessible`,
		Args: exactArgs(1, "<color>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkStyle(opts.Style); err != nil {
				return err
			}
			if scheme != "" {
				sch, err := palette.ParseScheme(scheme)
				if err != nil {
					return &flagError{err}
				}
				opts.Scheme = sch
			}
			opts.Color = strings.TrimSpace(args[0])
			if opts.Color == "" {
				return flagErrorf("palette: the color is empty")
			}
			if runF != nil {
				return runF(opts)
			}
			return runPalette(opts)
		},
	}
	cmd.Flags().StringVar(&scheme, "scheme", "", "print a harmony scheme instead: "+schemeList())
	cmd.Flags().StringVar(&opts.Style, "style", "", "palette style: peacock or accessible (default: the file's peacock.style)")
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

func runPalette(opts *paletteOptions) error {
	// A scheme needs no settings: no target is looked for.
	p, o, err := opts.open(opts.Scheme != "")
	if err != nil {
		return err
	}
	choice, err := p.Resolve(opts.Color)
	if err != nil {
		return err
	}
	io := opts.IO
	if opts.Scheme != "" {
		colors := palette.Harmony(choice.Color, opts.Scheme)
		hexes := make([]string, len(colors))
		for i, c := range colors {
			hexes[i] = c.Hex()
		}
		if opts.Global.JSON {
			return o.json(map[string]any{"scheme": string(opts.Scheme), "colors": hexes})
		}
		pt := io.painter()
		for i, c := range colors {
			if io.ColorEnabled() {
				fmt.Fprintf(io.Out, "%s  %s\n", pt.swatch(c, 6), hexes[i])
			} else {
				fmt.Fprintln(io.Out, hexes[i])
			}
		}
		return nil
	}
	ps, err := p.Settings()
	if err != nil {
		return err
	}
	if opts.Style != "" {
		ps.Style = palette.Style(opts.Style)
	}
	colors := palette.Derive(choice.Color, ps)
	if opts.Global.JSON {
		return o.json(map[string]any{"colors": colors})
	}
	printSwatches(io, colors)
	return nil
}
