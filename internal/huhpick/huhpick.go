package huhpick

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/project"
)

// picker is a huh form on the terminal, or with Accessible its numbered
// prompts, read from In and written to ErrOut (never stdout, which carries
// the answer).
type picker struct {
	io cli.PromptIO
}

// New returns the picker on io: a cli.PickerFunc.
func New(io cli.PromptIO) cli.Prompter { return &picker{io: io} }

const typeIn = cli.TypeIn

func (h *picker) PickColor(ctx context.Context, m *cli.PickMenu) (project.Choice, error) {
	if h.io.Accessible {
		return h.pickAccessible(ctx, m)
	}
	pm := NewModel(h.io, m)
	_, err := tea.NewProgram(pm,
		tea.WithContext(ctx),
		tea.WithInput(h.io.In),
		tea.WithOutput(h.io.ErrOut),
		// The depth show draws with: bubbletea's own guess differs in
		// tmux, where it drew saturated colors grey, and costs a `tmux
		// info` at start-up.
		tea.WithColorProfile(profileOf(h.io.Depth)),
		// bubbletea draws on a ticker: at its default 60 a key waits up to
		// 16 ms for its frame, at 120 (its most) up to 8 ms. A frame
		// that did not change costs a comparison.
		tea.WithFPS(120),
	).Run()
	switch {
	// A cancelled context (a signal) ends the program as killed; run
	// reports the signal.
	case err != nil && ctx.Err() != nil:
		return project.Choice{}, cli.ErrCancel
	case errors.Is(err, tea.ErrInterrupted):
		// SIGINT reached bubbletea itself (kill -INT, not Ctrl-C, which
		// is a key in raw mode).
		err = nil
	case err != nil:
		// Never use the form's values after an error: the bound value
		// already holds the first option.
		return project.Choice{}, err
	}
	choice, err := pm.Result()
	if errors.Is(err, cli.ErrCancel) {
		fmt.Fprintln(h.io.ErrOut, "peacock: pick: cancelled; nothing written")
	}
	return choice, err
}

// profileOf is the bubbletea color profile of a color depth.
func profileOf(d cli.ColorDepth) colorprofile.Profile {
	switch d {
	case cli.TrueColor:
		return colorprofile.TrueColor
	case cli.Colors256:
		return colorprofile.ANSI256
	case cli.Colors16:
		return colorprofile.ANSI
	}
	return colorprofile.Ascii
}

// Model is the picker as a bubbletea model, which PickColor runs: the huh
// form, with the color field sized to the terminal before the form
// measures its pages. Tests drive it with messages.
type Model struct {
	menu  *cli.PickMenu
	form  *huh.Form
	field *colorField
	idx   int         // the highlighted entry (cli.TypeIn or an item)
	typed *typedColor // the second page's text and layout
}

// typedColor is what the second page's preview depends on (huh hashes the
// exported fields to know when to draw it again).
type typedColor struct {
	Text        string
	Kind, Inner int
}

// NewModel returns the picker for menu m, drawing at io.Depth.
func NewModel(io cli.PromptIO, m *cli.PickMenu) *Model {
	pm := &Model{menu: m, idx: m.Initial, typed: &typedColor{}}
	pm.field = newColorField(m, io.Depth != cli.NoColor, &pm.idx)

	// The second page, shown only for "type a color": validated as you
	// type, the error or the preview drawn below the input.
	input := huh.NewInput().Title("Type a color").
		Description("a color text or a favorite's or theme color's name").
		Value(&pm.typed.Text).
		Validate(func(s string) error {
			if _, err := m.Resolve(s); err != nil {
				// The note below shows the whole error.
				return errors.New("not a color yet (esc cancels)")
			}
			return nil
		})
	typed := huh.NewNote().DescriptionFunc(func() string {
		t := pm.typed
		if strings.TrimSpace(t.Text) == "" {
			return ""
		}
		c, err := m.Resolve(t.Text)
		if err != nil {
			return noteText("✗ " + err.Error())
		}
		lay := layout{kind: t.Kind, inner: t.Inner}
		var lines []string
		switch t.Kind {
		case layoutFull:
			lines = strings.Split(strings.TrimSuffix(m.Preview(c.Color, t.Inner), "\n"), "\n")
		case layoutCompact:
			lines = []string{m.PreviewLine(c.Color)}
		}
		lines = append(lines, m.ChoiceDetail(c))
		for i, l := range lines {
			lines[i] = ansi.Truncate(l, lay.inner, "…")
		}
		return noteText(strings.Join(lines, "\n"))
	}, pm.typed)

	pm.form = huh.NewForm(
		huh.NewGroup(pm.field),
		huh.NewGroup(input, typed).WithHideFunc(func() bool { return pm.idx != typeIn }),
	).
		WithTheme(newTheme()).
		WithKeyMap(pickKeys())
	// Ended by the model's program, not huh's: Run then returns the
	// model, whose form says how it ended.
	pm.form.SubmitCmd = tea.Quit
	pm.form.CancelCmd = tea.Quit
	pm.resize(0, 0)
	return pm
}

// resize fits the field, then the form, to a terminal of width x height:
// the form is as high as the field and its help, and never more than the
// terminal (huh's own sizing, done before the field hears of the new
// size, overflowed it by one line).
func (pm *Model) resize(width, height int) {
	pm.field.setSize(width, height)
	pm.typed.Kind, pm.typed.Inner = pm.field.lay.kind, pm.field.lay.inner
	h := pm.field.formHeight()
	if height > 0 {
		h = min(h, height-1)
	}
	pm.form.WithHeight(max(h, 2))
}

func (pm *Model) Init() tea.Cmd { return pm.form.Init() }

func (pm *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		pm.resize(ws.Width, ws.Height)
	}
	f, cmd := pm.form.Update(msg)
	pm.form = f.(*huh.Form)
	return pm, cmd
}

// View draws the form on the alternate screen: the picker fills the
// terminal while it runs, redraws cleanly when it is resized, and leaves
// the terminal as it was (bubbletea leaves an inline picker's last frame
// on the screen).
func (pm *Model) View() tea.View {
	v := tea.NewView(pm.form.View())
	v.AltScreen = true
	return v
}

// Result is what the form chose once it is completed, or cli.ErrCancel
// when it was cancelled or is not done.
func (pm *Model) Result() (project.Choice, error) {
	if pm.form.State != huh.StateCompleted {
		return project.Choice{}, cli.ErrCancel
	}
	if pm.idx != typeIn {
		return pm.menu.Items[pm.idx].Choice, nil
	}
	return pm.menu.Resolve(pm.typed.Text)
}

// pickKeys is huh's key map with Escape cancelling, as Ctrl-C does (the
// color field takes Escape back while its filter is open, to close it).
func pickKeys() *huh.KeyMap {
	keys := huh.NewDefaultKeyMap()
	keys.Quit.SetKeys("ctrl+c", "esc")
	const enter = "choose • esc cancel"
	keys.Input.Next.SetHelp("enter", enter)
	keys.Input.Submit.SetHelp("enter", enter)
	return keys
}

// pickAccessible asks with numbered prompts: no redrawing, no color, one
// line per answer. Input that ends before an answer cancels.
func (h *picker) pickAccessible(ctx context.Context, m *cli.PickMenu) (project.Choice, error) {
	in := &answerReader{r: h.io.In, ctx: ctx}
	options := []huh.Option[int]{huh.NewOption(m.Label(typeIn, false), typeIn)}
	for i := range m.Items {
		options = append(options, huh.NewOption(m.Label(i, false), i))
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
func (h *picker) runAccessible(ctx context.Context, in *answerReader, g *huh.Group) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if !in.starved {
				panic(r)
			}
			err = cli.ErrCancel
		}
		// A cancelled context is a signal, which run reports itself.
		if errors.Is(err, cli.ErrCancel) && ctx.Err() == nil {
			fmt.Fprintln(h.io.ErrOut, "peacock: pick: no answer (input ended); nothing written")
		}
	}()
	form := huh.NewForm(g).
		WithAccessible(true).
		WithTheme(huh.ThemeFunc(huh.ThemeBase)).
		WithInput(in).
		WithOutput(h.io.ErrOut)
	if err := form.RunWithContext(ctx); err != nil {
		return err
	}
	if in.starved {
		return cli.ErrCancel
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

// noteText escapes what huh's Note would read as markup (_italic_,
// *bold*, `code`, \ escapes) in text that is not meant as such.
func noteText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`").Replace(s)
}

// newTheme is pickTheme, built once per background: huh asks its theme
// for the styles several times per field per frame, and building them
// anew each time was most of a frame's cost.
func newTheme() huh.Theme {
	var dark, light func() *huh.Styles
	dark = sync.OnceValue(func() *huh.Styles { return pickTheme(true) })
	light = sync.OnceValue(func() *huh.Styles { return pickTheme(false) })
	return huh.ThemeFunc(func(isDark bool) *huh.Styles {
		if isDark {
			return dark()
		}
		return light()
	})
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
