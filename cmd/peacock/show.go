package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/spf13/cobra"
)

func newShowCmd(f *factory, g *globalOptions) *cobra.Command {
	var remote bool
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show the workspace color, its file, and what it looks like",
		Long: `Show the stored color, the file that holds it and the owned keys written.
In a terminal, draw a small VS Code window in 24-bit color plus swatches;
off a terminal (or with NO_COLOR), print plain tab-separated text.`,
		Example: `  $ peacock show
  $ peacock show --json | jq -r .color`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSession(g)
			if err != nil {
				return err
			}
			doc, text, key, c, err := s.requireColor(remote)
			if err != nil {
				return err
			}
			colors := map[string]string{}
			if doc != nil {
				for _, m := range doc.ColorCustomizations() {
					if v, ok := m.Value.(string); ok && palette.IsOwned(m.Key) {
						colors[m.Key] = v
					}
				}
			}
			if g.JSON {
				return writeJSON(f.IO, map[string]any{
					"color":  c.Hex6(),
					"value":  text,
					"key":    key,
					"file":   s.Target.Path,
					"exists": doc != nil,
					"colors": colors,
				})
			}
			out := f.IO.Out
			if !f.IO.ColorEnabled() {
				fmt.Fprintf(out, "color\t%s\nvalue\t%s\nfile\t%s\n", c.Hex6(), text, s.Target.Path)
				for _, k := range palette.SortedKeys(colors) {
					fmt.Fprintf(out, "%s\t%s\n", k, colors[k])
				}
				return nil
			}
			fmt.Fprintf(out, "%s %s  %s (%s)\n\n", swatch(c, 4), c.Hex6(), key, text)
			fmt.Fprint(out, mockWindow(colors, strings.TrimSuffix(filepath.Base(s.Target.Root), string(filepath.Separator))))
			fmt.Fprintln(out)
			printSwatches(f.IO, colors)
			fmt.Fprintf(out, "\nfile: %s\n", s.Target.Path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&remote, "remote", false, "show peacock.remoteColor (falling back to peacock.color)")
	return cmd
}

// printSwatches prints each key with a swatch of its value (TTY form).
func printSwatches(io *ioStreams, colors map[string]string) {
	for _, k := range palette.SortedKeys(colors) {
		c, err := palette.Parse(colors[k])
		if err != nil {
			fmt.Fprintf(io.Out, "      %-34s %s\n", k, colors[k])
			continue
		}
		fmt.Fprintf(io.Out, "%s  %-34s %s\n", swatch(c, 4), k, colors[k])
	}
}
