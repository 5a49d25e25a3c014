package huhpick

import (
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/peacock-cli/peacock/internal/cli"
)

// colorField is the picker's page: the list of colors, its filter and the
// preview of the highlighted color, as one field of the huh form.
//
// huh's Select is not used here (it still asks in accessible mode): it
// draws every option (200 of them) several times per key, each draw
// rebuilding the theme, which measured 90-300 ms a key; its bound value
// misses a filter's change, so the preview showed another color than the
// one Enter wrote; and its filter kept the scroll offset, hiding matches.
// The field draws only the visible rows, keeps every row and preview it
// drew, and redraws nothing when nothing changed.
type colorField struct {
	menu  *cli.PickMenu
	color bool // draw swatches and the mock window
	// value is the highlighted entry (cli.TypeIn or an index in
	// menu.Items), bound to the caller's variable: what Enter chooses and
	// the preview shows.
	value *int

	keys fieldKeys
	// quit is the form's Quit binding: it loses esc while the filter is
	// open, so that esc closes the filter (the form sees keys first).
	quit     *key.Binding
	quitKeys []string

	theme  huh.Theme
	styles *huh.FieldStyles
	prefix string // the left border and padding of each line

	width, height int // the terminal's size
	lay           layout

	entries []int    // cli.TypeIn, then 0..len(menu.Items)-1
	search  []string // each entry's plain label, lower-cased
	matches []int    // positions in entries shown: those the filter matches
	cursor  int      // position in matches of the highlighted row
	offset  int      // position in matches of the first visible row

	filtering bool
	filter    textinput.Model

	rows     map[rowKey]string
	previews map[int][]string // by entry, at lay
	view     string           // the last drawing; "" once something changed
}

type rowKey struct {
	entry    int
	selected bool
}

// fieldKeys are the field's keys. While filtering, printable keys are the
// filter's text, so j, k, g and G do not move.
type fieldKeys struct {
	up, down, pageUp, pageDown, top, bottom key.Binding
	filter, choose, leave, cancel           key.Binding
	move                                    key.Binding // help only
}

func newFieldKeys() fieldKeys {
	return fieldKeys{
		up:       key.NewBinding(key.WithKeys("up", "k", "ctrl+p")),
		down:     key.NewBinding(key.WithKeys("down", "j", "ctrl+n")),
		pageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u")),
		pageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d")),
		top:      key.NewBinding(key.WithKeys("home", "g")),
		bottom:   key.NewBinding(key.WithKeys("end", "G")),
		filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		leave:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end filter")),
		cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		move:     key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
	}
}

// Layouts, by terminal size (see newLayout).
const (
	layoutPlain   = iota // the prompt and the rows
	layoutCompact        // and a one-line preview and the detail line
	layoutFull           // and the mock window, the contrast and the detail
)

// layout is how the field fills the terminal.
type layout struct {
	kind  int
	inner int // columns for text, beside the border
	rows  int // visible rows
}

const (
	// maxRows caps the list, so that a tall terminal still shows the
	// preview near the rows.
	maxRows = 20
	// fullPreview is the full preview's height: the window (7 lines), the
	// contrast (1 or 2) and the detail line.
	fullPreview = 10
	// footer is what the form draws below the field: a blank line and the
	// help.
	footer = 2
	// prefixWidth is the border and padding left of each line.
	prefixWidth = 2
)

// newLayout fits the field to a terminal: the full preview at 80x24 and
// above, a one-line preview at 60x20 and above, else a plain list. A
// terminal of unknown size (0) counts as 80x24.
func newLayout(width, height, entries int) layout {
	if width <= 0 || height <= 0 {
		width, height = 80, 24
	}
	room := height - footer - 1 // the prompt line
	l := layout{kind: layoutPlain, inner: max(width-prefixWidth, 10)}
	switch {
	case width >= 80 && height >= 24:
		l.kind = layoutFull
		room -= 1 + fullPreview // a blank line above the preview
	case width >= 60 && height >= 20:
		l.kind = layoutCompact
		room -= 3 // a blank line, the preview line, the detail line
	}
	l.rows = max(min(room, maxRows, entries), 1)
	return l
}

// height is the field's height in lines.
func (l layout) height() int {
	switch l.kind {
	case layoutFull:
		return 1 + l.rows + 1 + fullPreview
	case layoutCompact:
		return 1 + l.rows + 3
	}
	return 1 + l.rows
}

func newColorField(m *cli.PickMenu, color bool, value *int) *colorField {
	f := &colorField{menu: m, color: color, value: value, keys: newFieldKeys()}
	f.entries = make([]int, 0, len(m.Items)+1)
	f.entries = append(f.entries, cli.TypeIn)
	for i := range m.Items {
		f.entries = append(f.entries, i)
	}
	f.search = make([]string, len(f.entries))
	for i, e := range f.entries {
		f.search[i] = strings.ToLower(m.Label(e, false))
	}
	f.matches = make([]int, len(f.entries))
	for i := range f.matches {
		f.matches[i] = i
	}
	for i, e := range f.entries {
		if e == *value {
			f.cursor = i
		}
	}
	f.filter = textinput.New()
	f.filter.Prompt = "/"
	st := f.filter.Styles()
	st.Cursor.Blink = false // a blinking cursor redraws twice a second
	f.filter.SetStyles(st)
	f.setSize(0, 0)
	return f
}

// setSize fits the field to a terminal of width x height.
func (f *colorField) setSize(width, height int) {
	f.width, f.height = width, height
	lay := newLayout(width, height, len(f.entries))
	if lay != f.lay {
		f.lay = lay
		f.rows, f.previews = nil, nil
		f.scrollTo(f.cursor)
		f.view = ""
	}
}

// formHeight is the height to give the form: the field and the form's
// help below it, at most the terminal's height.
func (f *colorField) formHeight() int { return f.lay.height() + 1 }

// highlighted is the entry under the cursor; ok is false when the filter
// matches nothing.
func (f *colorField) highlighted() (entry int, ok bool) {
	if len(f.matches) == 0 {
		return 0, false
	}
	return f.entries[f.matches[f.cursor]], true
}

// scrollTo puts the cursor on match i and scrolls the least that shows it.
func (f *colorField) scrollTo(i int) {
	if len(f.matches) == 0 {
		f.cursor, f.offset = 0, 0
		return
	}
	f.cursor = min(max(i, 0), len(f.matches)-1)
	f.offset = min(f.offset, max(len(f.matches)-f.lay.rows, 0))
	if f.cursor < f.offset {
		f.offset = f.cursor
	}
	if f.cursor >= f.offset+f.lay.rows {
		f.offset = f.cursor - f.lay.rows + 1
	}
	if e, ok := f.highlighted(); ok {
		*f.value = e
	}
}

// refilter lists the entries the filter matches, from the top: every match
// that fits is visible, and the first is highlighted.
func (f *colorField) refilter() {
	q := strings.ToLower(f.filter.Value())
	f.matches = f.matches[:0]
	for i, s := range f.search {
		if strings.Contains(s, q) {
			f.matches = append(f.matches, i)
		}
	}
	f.offset = 0
	f.scrollTo(0)
}

func (f *colorField) setFiltering(on bool) tea.Cmd {
	f.filtering = on
	if f.quit != nil {
		if on {
			var keys []string
			for _, k := range f.quitKeys {
				if k != "esc" {
					keys = append(keys, k)
				}
			}
			f.quit.SetKeys(keys...)
		} else {
			f.quit.SetKeys(f.quitKeys...)
		}
	}
	if on {
		return f.filter.Focus()
	}
	f.filter.Blur()
	return nil
}

// endFilter closes the filter and lists every entry again, the highlighted
// one still highlighted.
func (f *colorField) endFilter() {
	pos := -1
	if len(f.matches) > 0 {
		pos = f.matches[f.cursor]
	}
	f.setFiltering(false)
	f.filter.SetValue("")
	f.matches = f.matches[:0]
	for i := range f.entries {
		f.matches = append(f.matches, i)
	}
	if pos < 0 {
		// Nothing matched: back to the entry chosen before.
		for i, e := range f.entries {
			if e == *f.value {
				pos = i
			}
		}
	}
	f.scrollTo(pos)
}

func (f *colorField) Init() tea.Cmd { return nil }

func (f *colorField) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.setSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		cmd := f.key(msg)
		f.view = ""
		return f, cmd
	case tea.PasteMsg:
		if f.filtering {
			return f, f.edit(msg)
		}
	}
	return f, nil
}

func (f *colorField) key(msg tea.KeyPressMsg) tea.Cmd {
	page := max(f.lay.rows-1, 1)
	// While filtering, text is the filter's: j and k are letters.
	text := f.filtering && msg.Text != ""
	switch {
	case key.Matches(msg, f.keys.choose):
		if _, ok := f.highlighted(); !ok {
			return nil
		}
		if f.filtering {
			f.setFiltering(false)
		}
		return huh.NextField
	case f.filtering && key.Matches(msg, f.keys.leave):
		f.endFilter()
	case !f.filtering && key.Matches(msg, f.keys.filter):
		return f.setFiltering(true)
	case !text && key.Matches(msg, f.keys.up):
		if f.cursor == 0 {
			f.scrollTo(len(f.matches) - 1) // wrap to the end
		} else {
			f.scrollTo(f.cursor - 1)
		}
	case !text && key.Matches(msg, f.keys.down):
		if f.cursor == len(f.matches)-1 {
			f.scrollTo(0) // wrap to the start
		} else {
			f.scrollTo(f.cursor + 1)
		}
	case !text && key.Matches(msg, f.keys.pageUp):
		f.offset = max(f.offset-page, 0)
		f.scrollTo(f.cursor - page)
	case !text && key.Matches(msg, f.keys.pageDown):
		f.offset += page
		f.scrollTo(f.cursor + page)
	case !text && key.Matches(msg, f.keys.top):
		f.scrollTo(0)
	case !text && key.Matches(msg, f.keys.bottom):
		f.scrollTo(len(f.matches) - 1)
	case f.filtering && msg.Code == tea.KeyBackspace && f.filter.Value() == "":
		f.endFilter()
	case f.filtering:
		return f.edit(msg)
	}
	return nil
}

// edit passes a key or paste to the filter, and lists again what it
// matches when its text changed.
func (f *colorField) edit(msg tea.Msg) tea.Cmd {
	before := f.filter.Value()
	var cmd tea.Cmd
	f.filter, cmd = f.filter.Update(msg)
	if f.filter.Value() != before {
		f.refilter()
	}
	return cmd
}

func (f *colorField) activeStyles() *huh.FieldStyles {
	if f.styles == nil {
		theme := f.theme
		if theme == nil {
			theme = newTheme()
		}
		s := theme.Theme(true).Focused
		f.styles = &s
		border := s.Base.GetBorderStyle().Left
		pad := s.Base.GetPaddingLeft()
		if border == "" && pad == 0 {
			f.prefix = strings.Repeat(" ", prefixWidth)
		} else {
			f.prefix = lipgloss.NewStyle().Foreground(s.Base.GetBorderLeftForeground()).Render(border) +
				strings.Repeat(" ", max(prefixWidth-ansi.StringWidth(border), 0))
		}
		st := f.filter.Styles()
		st.Focused.Prompt = s.TextInput.Prompt
		st.Focused.Text = s.TextInput.Text
		f.filter.SetStyles(st)
	}
	return f.styles
}

// row draws entry at matches position i, selected or not, cut to the
// layout's width.
func (f *colorField) row(pos int, selected bool) string {
	k := rowKey{pos, selected}
	if r, ok := f.rows[k]; ok {
		return r
	}
	s := f.activeStyles()
	label := f.menu.Label(f.entries[pos], f.color)
	var r string
	if selected {
		r = s.SelectSelector.String() + s.SelectedOption.Render(label)
	} else {
		r = "  " + s.UnselectedOption.Render(label)
	}
	r = ansi.Truncate(r, f.lay.inner, "…")
	if f.rows == nil {
		f.rows = map[rowKey]string{}
	}
	f.rows[k] = r
	return r
}

// preview is the preview of entry at the layout: fullPreview lines, or
// two (the preview line and the detail), or none.
func (f *colorField) preview(entry int) []string {
	if p, ok := f.previews[entry]; ok {
		return p
	}
	lines := previewLines(f.menu, f.lay, entry)
	if f.previews == nil {
		f.previews = map[int][]string{}
	}
	f.previews[entry] = lines
	return lines
}

// previewLines draws the preview of entry (cli.TypeIn: the help for
// typing a color) for a layout, each line cut to its width.
func previewLines(m *cli.PickMenu, lay layout, entry int) []string {
	var lines []string
	switch lay.kind {
	case layoutFull:
		if entry == cli.TypeIn {
			lines = strings.Split(ansi.Wordwrap("Press enter, then type a color: #42b883, rgb(), hsl(), oklch(), a CSS name, or the name of a favorite or theme color.", lay.inner, ""), "\n")
		} else {
			c := m.Items[entry].Choice.Color
			lines = strings.Split(strings.TrimSuffix(m.Preview(c, lay.inner), "\n"), "\n")
			lines = pad(lines, fullPreview-1)
			lines = append(lines, m.Detail(entry))
		}
		lines = pad(lines, fullPreview)
	case layoutCompact:
		if entry == cli.TypeIn {
			lines = []string{"Press enter, then type a color (#42b883, rgb(), a name…)", ""}
		} else {
			lines = []string{m.PreviewLine(m.Items[entry].Choice.Color), m.Detail(entry)}
		}
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, lay.inner, "…")
	}
	return lines
}

// pad cuts or pads lines to n.
func pad(lines []string, n int) []string {
	if len(lines) > n {
		return lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return lines
}

// titleLine is the prompt, or the filter while it is open, with where the
// cursor is in the list.
func (f *colorField) titleLine() string {
	s := f.activeStyles()
	var left string
	if f.filtering {
		left = f.filter.View()
	} else {
		left = s.Title.Render(f.menu.Title)
	}
	var where string
	switch {
	case len(f.matches) == 0:
		where = "no match"
	case f.filtering:
		where = fmt.Sprintf("%d of %d", len(f.matches), len(f.entries))
	case len(f.entries) > f.lay.rows:
		where = fmt.Sprintf("%d/%d", f.cursor+1, len(f.entries))
	}
	if where != "" {
		left += "  " + s.Description.Render(where)
	}
	return ansi.Truncate(left, f.lay.inner, "…")
}

func (f *colorField) View() string {
	if f.view != "" {
		return f.view
	}
	var b strings.Builder
	line := func(s string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.prefix)
		b.WriteString(s)
	}
	f.activeStyles()
	line(f.titleLine())
	for i := range f.lay.rows {
		pos := f.offset + i
		if pos >= len(f.matches) {
			line("")
			continue
		}
		line(f.row(f.matches[pos], pos == f.cursor))
	}
	if f.lay.kind != layoutPlain {
		line("")
		var lines []string
		if e, ok := f.highlighted(); ok {
			lines = f.preview(e)
		}
		want := fullPreview
		if f.lay.kind == layoutCompact {
			want = 2
		}
		for _, l := range pad(lines, want) {
			line(l)
		}
	}
	f.view = b.String()
	return f.view
}

func (f *colorField) Blur() tea.Cmd  { return nil }
func (f *colorField) Focus() tea.Cmd { return nil }
func (f *colorField) Error() error   { return nil }
func (f *colorField) Run() error     { return huh.Run(f) }
func (f *colorField) Skip() bool     { return false }
func (f *colorField) Zoom() bool     { return false }

// RunAccessible asks with huh's numbered prompt.
func (f *colorField) RunAccessible(w io.Writer, r io.Reader) error {
	options := make([]huh.Option[int], len(f.entries))
	for i, e := range f.entries {
		options[i] = huh.NewOption(f.menu.Label(e, false), e)
	}
	return huh.NewSelect[int]().Title(f.menu.Title).Options(options...).Value(f.value).RunAccessible(w, r)
}

func (f *colorField) KeyBinds() []key.Binding {
	if f.filtering {
		return []key.Binding{f.keys.move, f.keys.choose, f.keys.leave}
	}
	return []key.Binding{f.keys.move, f.keys.filter, f.keys.choose, f.keys.cancel}
}

func (f *colorField) WithTheme(t huh.Theme) huh.Field {
	if f.theme == nil {
		f.theme, f.styles = t, nil
		f.rows, f.view = nil, ""
	}
	return f
}

// WithKeyMap takes the form's Quit binding, which the filter borrows esc
// from.
func (f *colorField) WithKeyMap(k *huh.KeyMap) huh.Field {
	f.quit = &k.Quit
	f.quitKeys = k.Quit.Keys()
	return f
}

func (f *colorField) WithWidth(width int) huh.Field {
	if width != f.width {
		f.setSize(width, f.height)
	}
	return f
}

// WithHeight is the form's cap on the field; the field sizes itself from
// the terminal (setSize), which the form's height follows.
func (f *colorField) WithHeight(int) huh.Field { return f }

func (f *colorField) WithPosition(huh.FieldPosition) huh.Field { return f }
func (f *colorField) GetKey() string                           { return "color" }
func (f *colorField) GetValue() any                            { return *f.value }
