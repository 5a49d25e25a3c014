package huhpick

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
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

// selectHeight is the height of the list (title included): with the
// preview below it, the picker fits a 30-line terminal.
const selectHeight = 11

// previewHeight is the preview's height: huh sizes the form once, before
// the preview is first drawn, so it must not grow later. It holds the
// window (7 lines), the contrast (2) and the detail line, with a margin.
const previewHeight = 12

func (h *picker) PickColor(ctx context.Context, m *cli.PickMenu) (project.Choice, error) {
	if h.io.Accessible {
		return h.pickAccessible(ctx, m)
	}
	color := h.io.Color
	options := []huh.Option[int]{huh.NewOption(m.Label(typeIn, color), typeIn)}
	for i := range m.Items {
		options = append(options, huh.NewOption(m.Label(i, color), i))
	}
	idx := m.Initial
	sel := huh.NewSelect[int]().Title(m.Title).Options(options...).Value(&idx).Height(selectHeight)
	preview := huh.NewNote().DescriptionFunc(func() string {
		if idx == typeIn {
			// Short lines: the form may be 60 columns wide.
			return "Press enter, then type a color: #42b883, rgb(),\nhsl(), oklch(), a CSS name, or the name of a\nfavorite or theme color."
		}
		return noteText(m.Preview(m.Items[idx].Choice.Color) + "\n" + m.Detail(idx))
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
		return noteText(m.Preview(c.Color) + "\n" + m.ChoiceDetail(c))
	}, &text).Height(previewHeight)

	form := huh.NewForm(
		huh.NewGroup(sel, preview),
		huh.NewGroup(input, typed).WithHideFunc(func() bool { return idx != typeIn }),
	).
		WithTheme(huh.ThemeFunc(pickTheme)).
		WithKeyMap(pickKeys()).
		WithInput(h.io.In).
		WithOutput(h.io.ErrOut)
	err := form.RunWithContext(ctx)
	switch {
	// A cancelled context (a signal) reaches huh as a killed program,
	// which it reports as ErrTimeout.
	case errors.Is(err, huh.ErrUserAborted) || err != nil && ctx.Err() != nil:
		return project.Choice{}, cli.ErrCancel
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
