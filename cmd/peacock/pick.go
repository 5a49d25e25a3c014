package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/project"
	"github.com/spf13/cobra"
)

type pickOptions struct {
	baseOptions
	Getenv  func(string) string
	NewRand func(seed uint64) *rand.Rand
	// Prompter asks for the color; nil means the huh picker on IO.
	Prompter colorPrompter
	// GitOrigin returns the origin remote of the repository at dir.
	GitOrigin func(ctx context.Context, dir string) (string, error)
	// Context reaches the form, so that cancelling it closes the picker.
	Context context.Context

	Remote     bool
	Style      string
	Accessible bool
}

// colorPrompter asks the user to choose a color from a menu. The command
// declares it so that tests can replace the terminal with a fake.
type colorPrompter interface {
	PickColor(ctx context.Context, m *pickMenu) (project.Choice, error)
}

// pickMenu is what the prompter shows: the suggestions, where the cursor
// starts, how typed text resolves and what a color looks like.
type pickMenu struct {
	Title string
	Items []project.Suggestion
	// Initial is the index of the item the cursor starts on.
	Initial int
	// Resolve reads a typed color text or name (project.Resolve).
	Resolve func(text string) (project.Choice, error)
	// Preview draws a color as it would be written: the mock window and
	// its foreground contrast.
	Preview func(c palette.Color) string
}

func newPickCmd(f *factory, g *globalOptions, runF func(*pickOptions) error) *cobra.Command {
	opts := &pickOptions{baseOptions: newBase(f, g), Getenv: f.Getenv, NewRand: f.NewRand, GitOrigin: gitOrigin}
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

Enter writes the color exactly as 'peacock set' does and prints it on
stdout; the picker itself draws on stderr, so c=$(peacock pick) works.
Escape or Ctrl-C cancels (exit 130) and writes nothing. Type / to filter
the list.

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
	items, err := p.Suggestions(project.SuggestOptions{
		Remote:   opts.Remote,
		Identity: projectIdentity(ctx, opts.GitOrigin, p.Target.Root),
		Rand:     opts.NewRand(0),
	})
	if err != nil {
		return err
	}
	current, _ := p.StoredColor(doc, opts.Remote)
	m := &pickMenu{
		Title:   "Color for " + p.Display(p.Target.Path),
		Items:   items,
		Initial: initialItem(items, current),
		Resolve: p.Resolve,
	}
	title := strings.TrimSuffix(filepath.Base(p.Target.Root), string(filepath.Separator))
	io := opts.IO
	m.Preview = func(c palette.Color) string {
		return previewColor(io, palette.Derive(c, settings), title)
	}

	prompter := opts.Prompter
	if prompter == nil {
		prompter = &huhPrompter{IO: io, Accessible: opts.Accessible}
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

// projectIdentity is what the identity color hashes: the origin remote of
// the repository at root, or else the folder's name.
func projectIdentity(ctx context.Context, origin func(context.Context, string) (string, error), root string) string {
	if origin != nil {
		if url, err := origin(ctx, root); err == nil && strings.TrimSpace(url) != "" {
			return project.NormalizeIdentity(url)
		}
	}
	return project.NormalizeIdentity(filepath.Base(root))
}

// gitOrigin runs `git remote get-url origin` in dir, for a second at most.
func gitOrigin(ctx context.Context, dir string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "-C", dir, "remote", "get-url", "origin").Output()
	return strings.TrimSpace(string(out)), err
}

// previewColor draws the colors a choice derives: the mock window of
// `peacock show` and the contrast of each bar's text, or plain lines when
// stderr (where the picker draws) shows no color.
func previewColor(io *ioStreams, colors map[string]string, title string) string {
	var b strings.Builder
	if io.ErrColorEnabled() {
		width := windowWidth
		if w := io.Width(); w > 0 {
			width = w - 6 // the form's border, padding and cursor
		}
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

// huhPrompter is the picker: a huh form on the terminal, or with
// Accessible its numbered prompts, read from IO.In and written to
// IO.ErrOut (never stdout, which carries the answer).
type huhPrompter struct {
	IO         *ioStreams
	Accessible bool
}

// typeIn is the value of the menu's "type a color" entry.
const typeIn = -1

// selectHeight is the height of the list (title included): with the
// preview below it, the picker fits a 30-line terminal.
const selectHeight = 11

// previewHeight is the preview's height: huh sizes the form once, before
// the preview is first drawn, so it must not grow later. It holds the
// window (7 lines), the contrast (2) and the detail line, with a margin.
const previewHeight = 12

func (h *huhPrompter) PickColor(ctx context.Context, m *pickMenu) (project.Choice, error) {
	if h.Accessible {
		return h.pickAccessible(ctx, m)
	}
	color := h.IO.ErrColorEnabled()
	pt := h.IO.painter()
	options := []huh.Option[int]{huh.NewOption(itemLabel(pt, color, nil), typeIn)}
	for i := range m.Items {
		options = append(options, huh.NewOption(itemLabel(pt, color, &m.Items[i]), i))
	}
	idx := m.Initial
	sel := huh.NewSelect[int]().Title(m.Title).Options(options...).Value(&idx).Height(selectHeight)
	preview := huh.NewNote().DescriptionFunc(func() string {
		if idx == typeIn {
			// Short lines: the form may be 60 columns wide.
			return "Press enter, then type a color: #42b883, rgb(),\nhsl(), oklch(), a CSS name, or the name of a\nfavorite or theme color."
		}
		it := m.Items[idx]
		return noteText(m.Preview(it.Choice.Color) + "\n" + itemDetail(it))
	}, &idx).Height(previewHeight)

	// The second page, shown only for "type a color": validated as you
	// type, the error or the preview drawn below the input.
	var text string
	input := huh.NewInput().Title("Type a color").
		Description("a color text or a favorite's or theme color's name").
		Value(&text).
		Validate(func(s string) error {
			if _, err := m.Resolve(s); err != nil {
				// The note below shows the whole error.
				return errors.New("not a color yet (esc cancels)")
			}
			return nil
		})
	typed := huh.NewNote().DescriptionFunc(func() string {
		if strings.TrimSpace(text) == "" {
			return ""
		}
		c, err := m.Resolve(text)
		if err != nil {
			return noteText("✗ " + err.Error())
		}
		return noteText(m.Preview(c.Color) + "\n" + choiceDetail(c))
	}, &text).Height(previewHeight)

	form := huh.NewForm(
		huh.NewGroup(sel, preview),
		huh.NewGroup(input, typed).WithHideFunc(func() bool { return idx != typeIn }),
	).
		WithTheme(huh.ThemeFunc(pickTheme)).
		WithKeyMap(pickKeys()).
		WithInput(h.IO.In).
		WithOutput(h.IO.ErrOut)
	err := form.RunWithContext(ctx)
	switch {
	// A cancelled context (a signal) reaches huh as a killed program,
	// which it reports as ErrTimeout.
	case errors.Is(err, huh.ErrUserAborted) || err != nil && ctx.Err() != nil:
		return project.Choice{}, errCancel
	case err != nil:
		// Never use the form's values after an error: the bound value
		// already holds the first option.
		return project.Choice{}, err
	case idx != typeIn:
		return m.Items[idx].Choice, nil
	}
	return m.Resolve(text)
}

// pickKeys is huh's key map with Escape cancelling, as Ctrl-C does. The
// filter, which huh ends and clears with Escape, ends with Enter instead
// (a second Enter then chooses) and is cleared with Backspace.
func pickKeys() *huh.KeyMap {
	keys := huh.NewDefaultKeyMap()
	keys.Quit.SetKeys("ctrl+c", "esc")
	keys.Select.SetFilter.SetKeys("enter")
	keys.Select.SetFilter.SetHelp("enter", "end filter")
	keys.Select.ClearFilter.SetKeys("backspace")
	keys.Select.ClearFilter.SetHelp("backspace", "clear filter")
	const enter = "choose • esc cancel"
	keys.Select.Next.SetHelp("enter", enter)
	keys.Select.Submit.SetHelp("enter", enter)
	keys.Input.Next.SetHelp("enter", enter)
	keys.Input.Submit.SetHelp("enter", enter)
	return keys
}

// pickAccessible asks with numbered prompts: no redrawing, no color, one
// line per answer. Input that ends before an answer cancels.
func (h *huhPrompter) pickAccessible(ctx context.Context, m *pickMenu) (project.Choice, error) {
	in := &answerReader{r: h.IO.In, ctx: ctx}
	options := []huh.Option[int]{huh.NewOption(itemLabel(painter{}, false, nil), typeIn)}
	for i := range m.Items {
		options = append(options, huh.NewOption(itemLabel(painter{}, false, &m.Items[i]), i))
	}
	idx := m.Initial
	sel := huh.NewSelect[int]().Title(m.Title).Options(options...).Value(&idx)
	if err := h.runAccessible(ctx, in, huh.NewGroup(sel)); err != nil {
		return project.Choice{}, err
	}
	if idx != typeIn {
		return m.Items[idx].Choice, nil
	}
	var text string
	var choice project.Choice
	input := huh.NewInput().Title("Type a color:").Value(&text).Validate(func(s string) error {
		var err error
		choice, err = m.Resolve(s)
		return err
	})
	if err := h.runAccessible(ctx, in, huh.NewGroup(input)); err != nil {
		return project.Choice{}, err
	}
	return choice, nil
}

// runAccessible runs a group in huh's accessible mode. huh cannot tell that
// its input ended, nor does it watch ctx while it reads: it then takes the
// default answer, or the last invalid one (and a Select panics on that); in
// reports both, and either is a cancel.
func (h *huhPrompter) runAccessible(ctx context.Context, in *answerReader, g *huh.Group) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if !in.starved {
				panic(r)
			}
			err = errCancel
		}
		// A cancelled context is a signal, which run reports itself.
		if errors.Is(err, errCancel) && ctx.Err() == nil {
			fmt.Fprintln(h.IO.ErrOut, "peacock: pick: no answer (input ended); nothing written")
		}
	}()
	form := huh.NewForm(g).
		WithAccessible(true).
		WithTheme(huh.ThemeFunc(huh.ThemeBase)).
		WithInput(in).
		WithOutput(h.IO.ErrOut)
	if err := form.RunWithContext(ctx); err != nil {
		return err
	}
	if in.starved {
		return errCancel
	}
	return nil
}

// answerReader feeds huh's accessible prompts one byte at a time, since
// each prompt reads through a new bufio.Scanner that would otherwise keep
// the answers meant for the next ones. It ends an unterminated last line
// with a newline, records when a prompt asked for more after the input
// ended, and stops waiting when ctx is cancelled (a signal), which huh's
// prompts do not watch.
type answerReader struct {
	r   io.Reader
	ctx context.Context
	// partial: bytes were read since the last newline.
	partial bool
	// ended: the input returned an error (io.EOF or other), or ctx was
	// cancelled.
	ended bool
	// starved: a read came after the input ended.
	starved bool
	// bytes carries the input from a goroutine, when ctx can be cancelled.
	bytes chan byteRead
}

type byteRead struct {
	b   byte
	err error
}

func (a *answerReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if a.ended {
		a.starved = true
		return 0, io.EOF
	}
	b, err := a.next()
	if err == nil {
		p[0] = b
		a.partial = b != '\n'
		return 1, nil
	}
	a.ended = true
	if a.partial && (a.ctx == nil || a.ctx.Err() == nil) {
		a.partial = false
		p[0] = '\n'
		return 1, nil
	}
	a.starved = true
	return 0, io.EOF
}

// next reads one byte, or returns ctx's error once it is cancelled. A read
// that returns no byte and no error is retried.
func (a *answerReader) next() (byte, error) {
	if a.ctx == nil || a.ctx.Done() == nil {
		var buf [1]byte
		for {
			n, err := a.r.Read(buf[:])
			if n == 1 {
				return buf[0], nil
			}
			if err != nil {
				return 0, err
			}
		}
	}
	if a.bytes == nil {
		// The goroutine stays blocked in Read if ctx ends first; the
		// process is about to exit then.
		a.bytes = make(chan byteRead)
		go func() {
			var buf [1]byte
			for {
				n, err := a.r.Read(buf[:])
				if n == 1 {
					a.bytes <- byteRead{b: buf[0]}
				}
				if err != nil {
					a.bytes <- byteRead{err: err}
					return
				}
			}
		}()
	}
	select {
	case r := <-a.bytes:
		return r.b, r.err
	case <-a.ctx.Done():
		return 0, a.ctx.Err()
	}
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

// noteText escapes what huh's Note would read as markup (_italic_,
// *bold*, `code`, \ escapes) in text that is not meant as such.
func noteText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`").Replace(s)
}

// pickTheme styles the picker for any terminal background: text keeps the
// terminal's own foreground (dark on light, light on dark), emphasis is
// bold or faint, and the only hue is red for errors, which both kinds of
// background show. Asking the terminal its background (OSC 11) would stall
// a terminal that never answers.
func pickTheme(isDark bool) *huh.Styles {
	t := huh.ThemeBase(isDark)
	bold := lipgloss.NewStyle().Bold(true)
	faint := lipgloss.NewStyle().Faint(true)
	red := lipgloss.NewStyle().Foreground(lipgloss.Red)

	t.Focused.Title = bold
	t.Focused.NoteTitle = bold
	t.Focused.Description = faint
	t.Focused.SelectSelector = bold.SetString("> ")
	t.Focused.SelectedOption = bold
	t.Focused.ErrorIndicator = red.SetString(" *")
	t.Focused.ErrorMessage = red
	t.Focused.TextInput.Prompt = bold
	t.Focused.TextInput.Placeholder = faint
	t.Help.ShortKey = faint
	t.Help.ShortDesc = faint
	t.Help.ShortSeparator = faint

	t.Blurred = t.Focused
	t.Blurred.Base = t.Blurred.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.SelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	return t
}
