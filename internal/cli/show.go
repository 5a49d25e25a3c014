package cli

import (
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/internal/svg"
	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

type showOptions struct {
	baseOptions
	Remote   bool
	Copy     bool
	SVG      string
	Personal bool
}

func newShowCmd(f *factory, g *globalOptions, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{baseOptions: newBase(f, g)}
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Show the workspace color, its file, and what it looks like",
		Long: `Show the stored color, the file that holds it and the owned keys written.
In a terminal, draw a small VS Code window plus swatches, in 24-bit color when
COLORTERM says the terminal has it (truecolor or 24bit) and in 256 colors
otherwise, as wide as the terminal allows; off a terminal (or with NO_COLOR),
print plain tab-separated text.

--copy puts the stored color on the clipboard with an OSC 52 escape, which
works over SSH in terminals that allow it. --svg FILE writes the picture of
the window as an SVG file.

--personal shows this clone's personal color (see 'peacock set --personal'),
from the file that holds it; --json then says "personal": true.`,
		Example: `  $ peacock show
  $ peacock show --json | jq -r .color
  $ peacock show --copy
  $ peacock show --svg window.svg
  $ peacock show --personal --json     # this clone's personal color and its file`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			if err := together([]flag{{"--personal", opts.Personal}, {"--remote", opts.Remote}}); err != nil {
				return err
			}
			return runShow(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "show peacock.remoteColor (falling back to peacock.color)")
	cmd.Flags().BoolVar(&opts.Copy, "copy", false, "copy the stored color to the clipboard (OSC 52)")
	cmd.Flags().StringVar(&opts.SVG, "svg", "", "write the window picture to `file` (SVG)")
	cmd.Flags().BoolVar(&opts.Personal, "personal", false, "show this clone's personal color and the file holding it")
	return cmd
}

func runShow(opts *showOptions) error {
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	personal := false
	if opts.Personal {
		ps, err := openPersonal(p.Dir)
		if err != nil {
			return err
		}
		if ps.state == nil {
			return errors.New("no personal color in this clone; set one with: peacock set --personal COLOR")
		}
		if p, o, err = openPersonalTarget(opts.baseOptions, ps); err != nil {
			return err
		}
		personal = true
	} else if pf := p.PersonalFile(); pf != "" && workspace.SamePath(pf, p.Target.Path, opts.GOOS) {
		personal = true
	}
	s, err := p.Stored(opts.Remote)
	if err != nil {
		return noColorError(err)
	}
	io := opts.IO
	if opts.Copy {
		tty := io.TTY()
		if tty == nil {
			return errors.New("show --copy needs a terminal: it copies with an OSC 52 escape, which only a terminal reads")
		}
		fmt.Fprintf(tty, "\x1b]52;c;%s\a", base64.StdEncoding.EncodeToString([]byte(s.Text)))
		o.status("copied %s to the clipboard (OSC 52: your terminal must allow it)", s.Text)
		return nil
	}
	title := strings.TrimSuffix(filepath.Base(p.Target.Root), string(filepath.Separator))
	if opts.SVG != "" {
		return writeSVG(o, opts.SVG, svg.Window(s.Colors, title), "the window picture")
	}
	if opts.Global.JSON {
		return o.json(map[string]any{
			"color":    s.Color.Hex6(),
			"value":    s.Text,
			"key":      s.Key,
			"file":     p.Target.Path,
			"exists":   s.Doc != nil,
			"colors":   s.Colors,
			"personal": personal,
		})
	}
	if !io.ColorEnabled() {
		fmt.Fprintf(io.Out, "color\t%s\nvalue\t%s\nfile\t%s\n", s.Color.Hex6(), s.Text, p.Target.Path)
		printSwatches(io, s.Colors)
		return nil
	}
	pt := io.painter()
	width := windowWidth
	if w := io.Width(); w > 0 {
		width = w
	}
	fmt.Fprintf(io.Out, "%s %s  %s (%s)\n\n", pt.swatch(s.Color, 4), s.Color.Hex6(), s.Key, s.Text)
	fmt.Fprint(io.Out, pt.mockWindow(s.Colors, title, width))
	fmt.Fprintln(io.Out)
	printSwatches(io, s.Colors)
	fmt.Fprintf(io.Out, "\nfile: %s\n", p.Target.Path)
	return nil
}

// colorOf parses a color the caller knows is valid (a favorite's value is
// checked before it is listed; an invalid one shows as black).
func colorOf(text string) palette.Color {
	c, _ := palette.Parse(text)
	return c
}
