package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/hooks"
	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type pickOptions struct {
	baseOptions
	Getenv  func(string) string
	NewRand func(seed uint64) *rand.Rand
	// Prompter asks for the color; nil means NewPicker's.
	Prompter Prompter
	// NewPicker makes the picker on IO (huhpick.New).
	NewPicker PickerFunc
	// Git asks git about the project's repository, for its identity.
	Git hooks.Git
	// Context reaches the form, so that cancelling it closes the picker.
	Context context.Context

	Remote     bool
	Style      string
	Accessible bool
}

// Prompter asks the user to choose a color from a menu: the picker.
// Commands declare it so that tests can replace the terminal with a fake.
type Prompter interface {
	PickColor(ctx context.Context, m *PickMenu) (project.Choice, error)
}

// PickerFunc makes the picker for one run: huhpick.New, which cmd/peacock
// passes to Main (huhpick imports cli, so cli cannot import it), or a
// test's fake.
type PickerFunc func(io PromptIO) Prompter

// PromptIO is where the picker reads and draws: never stdout, which
// carries the answer.
type PromptIO struct {
	In     io.Reader
	ErrOut io.Writer
	// Depth is the color depth ErrOut shows (NoColor: none), which the
	// picker draws with: the same as show's (see ColorDepth).
	Depth ColorDepth
	// Accessible asks numbered prompts, one line per answer.
	Accessible bool
}

// ErrCancel is the error a Prompter returns when the user cancels
// (Escape, Ctrl-C, or input that ends before an answer): exit 130.
var ErrCancel = errCancel

// TypeIn is the index of the menu's "type a color" entry.
const TypeIn = -1

// PickMenu is what the picker shows: the suggestions, where the cursor
// starts, how typed text resolves and what a color looks like.
type PickMenu struct {
	Title string
	Items []project.Suggestion
	// Initial is the index of the item the cursor starts on.
	Initial int
	// Resolve reads a typed color text or name (project.Resolve).
	Resolve func(text string) (project.Choice, error)
	// Preview draws a color as it would be written, in width columns: the
	// mock window and the contrast of its text.
	Preview func(c palette.Color, width int) string
	// PreviewLine draws the same in one line: the three bars with their
	// text, and the lowest contrast.
	PreviewLine func(c palette.Color) string
	// Label is the menu line of item i (TypeIn: the "type a color" entry),
	// with its swatch when color is on.
	Label func(i int, color bool) string
}

// Detail is the line under the preview of item i: what will be stored and
// where the color comes from.
func (m *PickMenu) Detail(i int) string { return itemDetail(m.Items[i]) }

// ChoiceDetail is the line under the preview of a typed color.
func (m *PickMenu) ChoiceDetail(c project.Choice) string { return choiceDetail(c) }

func newPickCmd(f *factory, g *globalOptions, runF func(*pickOptions) error) *cobra.Command {
	opts := &pickOptions{baseOptions: newBase(f, g), Getenv: f.Getenv, NewRand: f.NewRand, Git: runGit,
		NewPicker: f.NewPicker}
	cmd := &cobra.Command{
		Use:   "pick",
		Short: "Choose the workspace color in the terminal, with a live preview",
		Long: `Choose a color from your favorites (or Peacock's starter set), harmonies
around the current color (complementary, analogous, triadic, ...), the
project's identity color (from its origin remote, or its folder name), a
random color, every theme color, or type one (any color text 'peacock set'
takes, or a favorite's or theme color's name). Moving the cursor redraws a
small VS Code window in the colors that would be written, under the
project's peacock.* settings and --style, with the contrast of its text.

Enter writes the highlighted color exactly as 'peacock set' does and
prints it on stdout; the picker itself draws on stderr, so c=$(peacock
pick) works. Type / to filter the list: the matches are listed from the
first, which is highlighted; Escape closes the filter. Escape (outside the
filter) or Ctrl-C cancels (exit 130) and writes nothing. The picker fits
the terminal: the mock window from 80x24, a one-line preview from 60x20,
the list alone below that.

The picker needs a terminal. Without one, use 'peacock set COLOR'; or
answer numbered prompts on stdin with --accessible (also turned on by
ACCESSIBLE=1 or TERM=dumb), which suits screen readers and scripts.`,
		Example: `  $ peacock pick
  $ peacock pick --style accessible
  $ peacock pick --remote
  $ c=$(peacock pick)
  $ echo 2 | peacock pick --accessible`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkStyle(opts.Style); err != nil {
				return err
			}
			opts.Context = opts.baseOptions.Context()
			if v := opts.Getenv("ACCESSIBLE"); v != "" && v != "0" && v != "false" || opts.Getenv("TERM") == "dumb" {
				opts.Accessible = true
			}
			if !opts.Accessible && !(opts.IO.IsStdinTTY() && opts.IO.IsStderrTTY()) {
				return flagErrorf("pick: no terminal to show the picker on; use 'peacock set COLOR' instead, or 'peacock pick --accessible' to answer numbered prompts on stdin")
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Prompter == nil && opts.NewPicker == nil {
				return errors.New("pick: this program was built without a picker")
			}
			return runPick(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Remote, "remote", false, "store peacock.remoteColor (the color of remote windows) instead of peacock.color")
	cmd.Flags().StringVar(&opts.Style, "style", "", "palette style: peacock (the extension's exact output) or accessible (4.5:1 contrast)")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "numbered prompts on stdin instead of the picker (env ACCESSIBLE=1)")
	_ = cmd.RegisterFlagCompletionFunc("style", cobra.FixedCompletions([]string{"peacock", "accessible"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runPick(opts *pickOptions) error {
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	p, o, err := opts.open(false)
	if err != nil {
		return err
	}
	if err := opts.notPersonal(p, "'peacock set --personal COLOR'"); err != nil {
		return err
	}
	doc, err := p.Read()
	if err != nil {
		return err
	}
	settings, err := p.SettingsFor(doc)
	if err != nil {
		return err
	}
	if opts.Style != "" {
		settings.Style = palette.Style(opts.Style)
	}
	// The identity asks git (5-25 ms before the first frame): the themes
	// load meanwhile (Project keeps them for Suggestions).
	identity := make(chan string, 1)
	go func() { identity <- projectIdentity(ctx, opts.Git, p.Target.Root) }()
	if _, err := p.Themes(); err != nil {
		<-identity
		return err
	}
	items, err := p.Suggestions(project.SuggestOptions{
		Remote:   opts.Remote,
		Identity: <-identity,
		Rand:     opts.NewRand(0),
	})
	if err != nil {
		return err
	}
	current, _ := p.StoredColor(doc, opts.Remote)
	pt := opts.IO.painter()
	m := &PickMenu{
		Title:   "Color for " + p.Display(p.Target.Path),
		Items:   items,
		Initial: initialItem(items, current),
		Resolve: p.Resolve,
		Label: func(i int, color bool) string {
			if i == TypeIn {
				return itemLabel(pt, color, nil)
			}
			return itemLabel(pt, color, &items[i])
		},
	}
	title := strings.TrimSuffix(filepath.Base(p.Target.Root), string(filepath.Separator))
	io := opts.IO
	m.Preview = func(c palette.Color, width int) string {
		return previewColor(io, palette.Derive(c, settings), title, width)
	}
	m.PreviewLine = func(c palette.Color) string {
		return previewLine(io, palette.Derive(c, settings))
	}

	prompter := opts.Prompter
	if prompter == nil {
		prompter = opts.NewPicker(PromptIO{In: io.In, ErrOut: io.ErrOut, Depth: io.ErrColorDepth(), Accessible: opts.Accessible})
	}
	choice, err := prompter.PickColor(ctx, m)
	if err != nil {
		return err
	}
	c, err := p.Set(choice, opts.Remote, palette.Style(opts.Style), opts.writeOptions())
	if err != nil {
		return err
	}
	if err := reportSet(o, c); err != nil {
		return err
	}
	if !opts.Global.JSON && !opts.Global.DryRun {
		fmt.Fprintln(io.Out, c.Value)
	}
	return nil
}

// initialItem is the suggestion whose color text is current (the cursor
// starts there), else the first one.
func initialItem(items []project.Suggestion, current string) int {
	cur := strings.ToLower(strings.TrimSpace(current))
	for i, it := range items {
		if cur != "" && strings.ToLower(it.Choice.Text) == cur {
			return i
		}
	}
	return 0
}

// projectIdentity is what the identity color hashes (checkoutOf): the
// origin remote of the repository at root, or else the folder's name (the
// main working tree's, in a linked worktree). A second at most.
func projectIdentity(ctx context.Context, git hooks.Git, root string) string {
	if git == nil {
		return project.Checkout{Root: root}.Identity()
	}
	c, _ := checkoutOf(ctx, git, root, time.Second)
	return c.Identity()
}

// previewColor draws the colors a choice derives in width columns: the
// mock window of `peacock show` and the contrast of each bar's text, or
// plain lines when stderr (where the picker draws) shows no color.
func previewColor(io *ioStreams, colors map[string]string, title string, width int) string {
	var b strings.Builder
	if io.ErrColorEnabled() {
		b.WriteString(io.painter().mockWindow(colors, title, width))
	} else {
		for _, k := range []string{"titleBar.activeBackground", "activityBar.background", "statusBar.background"} {
			if v, ok := colors[k]; ok {
				fmt.Fprintf(&b, "%s %s\n", k, v)
			}
		}
	}
	b.WriteString(contrastLine(colors))
	return b.String()
}

// contrastLine gives the WCAG contrast of the text on the title, activity
// and status bars, and a hint when one is under palette.MinContrast.
func contrastLine(colors map[string]string) string {
	bars := []struct{ name, bg, fg string }{
		{"title", "titleBar.activeBackground", "titleBar.activeForeground"},
		{"activity", "activityBar.background", "activityBar.foreground"},
		{"status", "statusBar.background", "statusBar.foreground"},
	}
	var parts []string
	low := false
	for _, bar := range bars {
		bg, err1 := palette.Parse(colors[bar.bg])
		fg, err2 := palette.Parse(colors[bar.fg])
		if err1 != nil || err2 != nil {
			continue
		}
		r := palette.PairContrast(bg, fg)
		low = low || r < palette.MinContrast
		parts = append(parts, fmt.Sprintf("%s %.1f:1", bar.name, r))
	}
	if len(parts) == 0 {
		return "contrast: no text colors written"
	}
	line := "contrast  " + strings.Join(parts, "  ")
	if low {
		line += fmt.Sprintf("\nunder %.1f:1; --style accessible fixes that", palette.MinContrast)
	}
	return line
}

// itemLabel is a menu line: a swatch (when color is on), the name, the
// hex value and the source. it nil is the "type a color" entry.
func itemLabel(pt painter, color bool, it *project.Suggestion) string {
	const nameWidth = 22
	swatch := ""
	if color {
		swatch = "   "
		if it != nil {
			// Reset only the background, so the option's own style (bold
			// for the selected one) carries on after the swatch.
			swatch = pt.bg(it.Choice.Color) + "  \x1b[49m "
		}
	}
	if it == nil {
		return swatch + "type a color…"
	}
	name := it.Label
	if utf8.RuneCountInString(name) > nameWidth {
		name = string([]rune(name)[:nameWidth-1]) + "…"
	}
	source := it.Source
	switch it.Source {
	case project.SuggestFavorite:
		if it.Detail == project.SourceStarter {
			source = "starter"
		}
	case project.SuggestTheme:
		source = it.Detail
	}
	if !color {
		return fmt.Sprintf("%s %s (%s)", it.Label, it.Choice.Color.Hex6(), source)
	}
	return fmt.Sprintf("%s%-*s %s  %s", swatch, nameWidth, name, it.Choice.Color.Hex6(), source)
}

// itemDetail is the line under the preview: what will be stored and where
// the color comes from.
func itemDetail(it project.Suggestion) string {
	switch it.Source {
	case project.SuggestFavorite:
		return fmt.Sprintf("%s: %s (%s favorite)", it.Label, it.Choice.Text, it.Detail)
	case project.SuggestTheme:
		return fmt.Sprintf("%s: %s (theme %s)", it.Label, it.Choice.Text, it.Detail)
	case project.SuggestHarmony:
		return fmt.Sprintf("%s: %s (harmony of %s)", it.Label, it.Choice.Text, it.Detail)
	case project.SuggestIdentity:
		return fmt.Sprintf("identity: %s (of %s)", it.Choice.Text, it.Detail)
	}
	return fmt.Sprintf("%s: %s", it.Label, it.Choice.Text)
}

// choiceDetail is the line under the preview of a typed color: what will
// be stored, the color it reads as, and the favorite or theme color it names.
func choiceDetail(c project.Choice) string {
	s := c.Text
	if hex := c.Color.Hex6(); !strings.EqualFold(c.Text, hex) {
		s += " = " + hex
	}
	switch {
	case c.Theme != "":
		s += fmt.Sprintf(" (%s, theme %s)", c.Favorite, c.Theme)
	case c.Favorite != "":
		s += fmt.Sprintf(" (favorite %s)", c.Favorite)
	}
	return s
}
