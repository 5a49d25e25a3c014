package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/internal/huhpick"
	"github.com/peacock-cli/peacock/project"
)

// The picker's model is driven here as bubbletea drives it: each message
// through Update, the commands it returns run and their messages fed back,
// and the frame read from View after each key. The menu is the real one
// runPick builds, and what the model chooses is written by runPick.

// driver runs a model's messages and commands synchronously.
type driver struct {
	t    testing.TB
	m    tea.Model
	quit bool
}

var cmdType = reflect.TypeFor[tea.Cmd]()

func (d *driver) send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		d.handle(msg)
	}
}

func (d *driver) handle(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
		return
	case tea.QuitMsg:
		d.quit = true
		return
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
		return
	}
	// tea.Sequence's message is unexported: a list of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		for i := range v.Len() {
			d.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	if d.quit {
		return
	}
	m, cmd := d.m.Update(msg)
	d.m = m
	d.run(cmd)
}

// run runs a command and handles its message; a command that waits (a
// timer) is left behind.
func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil || d.quit {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		d.handle(msg)
	case <-time.After(100 * time.Millisecond):
	}
}

// frame is the model's frame without escapes.
func (d *driver) frame() string { return ansi.Strip(d.m.View().Content) }

func keyMsg(s string) tea.Msg {
	switch s {
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// keys turns "up up /blue" into key messages: words are keys, and a word
// starting with / is typed letter by letter.
func keys(s string) []tea.Msg {
	var out []tea.Msg
	for _, w := range strings.Fields(s) {
		switch w {
		case "up", "down", "enter", "esc", "backspace", "pgdown":
			out = append(out, keyMsg(w))
		default:
			for _, r := range w {
				out = append(out, keyMsg(string(r)))
			}
		}
	}
	return out
}

// pickSession runs `peacock pick` with a picker that drives the real
// model: start at width x height, then script(d) sends keys and looks at
// frames. It returns the exit code, stdout, stderr and the written
// peacock.color ("" when nothing was written).
func pickSession(t *testing.T, width, height int, depth cli.ColorDepth, script func(d *driver, m *cli.PickMenu)) (code int, out, errOut, written string) {
	t.Helper()
	f, work, o, e := cli.TestFactory(t)
	f.IO.SetStdinTTY(true)
	f.IO.SetStderrTTY(true)
	f.IO.SetColorDepth(depth)
	f.NewPicker = func(io cli.PromptIO) cli.Prompter {
		return prompterFunc(func(_ context.Context, m *cli.PickMenu) (project.Choice, error) {
			pm := huhpick.NewModel(io, m)
			d := &driver{t: t, m: pm}
			d.send(pm.Init())
			d.send(tea.WindowSizeMsg{Width: width, Height: height})
			script(d, m)
			return pm.Result()
		})
	}
	code = cli.RunWith(f, []string{"pick"})
	data, err := os.ReadFile(filepath.Join(work, "work.code-workspace"))
	if err == nil {
		var ws struct {
			Settings map[string]any `json:"settings"`
		}
		if err := json.Unmarshal(data, &ws); err != nil {
			t.Fatal(err)
		}
		written, _ = ws.Settings["peacock.color"].(string)
	}
	return code, o.String(), e.String(), written
}

type prompterFunc func(context.Context, *cli.PickMenu) (project.Choice, error)

func (p prompterFunc) PickColor(ctx context.Context, m *cli.PickMenu) (project.Choice, error) {
	return p(ctx, m)
}

var hexRE = regexp.MustCompile(`#[0-9a-f]{6}`)

// highlighted is the hex of the row under the cursor ("> ") in a frame.
func highlighted(t *testing.T, frame string) string {
	t.Helper()
	for _, l := range strings.Split(frame, "\n") {
		if strings.HasPrefix(l, "┃ > ") {
			return hexRE.FindString(l)
		}
	}
	t.Fatalf("no highlighted row:\n%s", frame)
	return ""
}

// previewDetail is the preview's last line, the detail of the color it
// draws ("Blue: #89b4fa (theme catppuccin-mocha)").
func previewDetail(t *testing.T, frame string) string {
	t.Helper()
	lines := strings.Split(frame, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if l := strings.TrimPrefix(lines[i], "┃ "); l != lines[i] && strings.Contains(l, ": #") {
			return l
		}
	}
	t.Fatalf("no preview detail:\n%s", frame)
	return ""
}

// rows are the frame's list rows: the lines with a color value between
// the prompt and the preview.
func rows(frame string) []string {
	var out []string
	for _, l := range strings.Split(frame, "\n")[1:] {
		if !strings.HasPrefix(l, "┃ ") || strings.Contains(l, ": #") {
			continue
		}
		if l == "┃ " || strings.TrimSpace(strings.TrimPrefix(l, "┃")) == "" {
			break // the blank line above the preview
		}
		out = append(out, l)
	}
	return out
}

// matching lists the menu's items whose plain label contains q.
func matching(m *cli.PickMenu, q string) []project.Suggestion {
	var out []project.Suggestion
	for i, it := range m.Items {
		if strings.Contains(strings.ToLower(m.Label(i, false)), q) {
			out = append(out, it)
		}
	}
	return out
}

// TestPickFilterPreviewIsWritten: from the last item (Up wraps), typing a
// filter highlights the first match, the preview and its detail show that
// very color, and Enter writes it.
func TestPickFilterPreviewIsWritten(t *testing.T) {
	var want string
	code, out, errOut, written := pickSession(t, 120, 40, cli.TrueColor, func(d *driver, m *cli.PickMenu) {
		d.send(keys("up up")...)
		last := m.Items[len(m.Items)-1]
		if got := highlighted(t, d.frame()); got != last.Choice.Color.Hex6() {
			t.Fatalf("after up up: highlighted %s, want the last item %s", got, last.Choice.Color.Hex6())
		}
		d.send(keyMsg("/"))
		for _, q := range []string{"b", "bl", "blu", "blue"} {
			d.send(keyMsg(q[len(q)-1:]))
			frame := d.frame()
			prefix := "/" + q
			first := matching(m, q)[0]
			hex := first.Choice.Color.Hex6()
			if got := highlighted(t, frame); got != hex {
				t.Errorf("%s: highlighted %s, want the first match %s (%s)", prefix, got, hex, first.Label)
			}
			if got := previewDetail(t, frame); !strings.Contains(got, first.Label+": "+first.Choice.Text) {
				t.Errorf("%s: the preview shows %q, want %s: %s", prefix, got, first.Label, first.Choice.Text)
			}
			want = first.Choice.Text
		}
		d.send(keyMsg("enter"))
		if !d.quit {
			t.Error("enter did not end the picker")
		}
	})
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if written != want || out != want+"\n" {
		t.Errorf("wrote %q and printed %q; the preview showed %q", written, out, want)
	}
}

// TestPickFilterShowsEveryMatch: at 80x24 (10 rows) from the bottom of
// the list, the filter lists its matches from the top, as many as fit.
func TestPickFilterShowsEveryMatch(t *testing.T) {
	pickSession(t, 80, 24, cli.Colors256, func(d *driver, m *cli.PickMenu) {
		d.send(keys("up up /blue")...)
		frame := d.frame()
		want := matching(m, "blue")
		got := rows(frame)
		visible := min(len(want), len(got))
		if len(want) < 2 {
			t.Fatalf("only %d items match blue", len(want))
		}
		n := 0
		for _, r := range got {
			if hexRE.MatchString(r) {
				n++
			}
		}
		if n != min(len(want), 10) {
			t.Errorf("%d rows show a match, want %d:\n%s", n, min(len(want), 10), frame)
		}
		for i := range visible {
			if !strings.Contains(got[i], want[i].Choice.Color.Hex6()) {
				t.Errorf("row %d = %q, want match %d %s", i, got[i], i, want[i].Choice.Color.Hex6())
			}
		}
		d.send(keyMsg("esc"), keyMsg("esc"))
	})
}

// TestPickEscapeLeavesFilter: Esc closes the filter, back to the whole list
// on the same color; a second Esc cancels, which says so on stderr, exits
// 130 and writes nothing.
func TestPickEscapeLeavesFilter(t *testing.T) {
	code, out, errOut, written := pickSession(t, 120, 40, cli.TrueColor, func(d *driver, m *cli.PickMenu) {
		d.send(keys("/blue down")...)
		before := highlighted(t, d.frame())
		d.send(keyMsg("esc"))
		frame := d.frame()
		if d.quit {
			t.Fatal("esc in the filter ended the picker")
		}
		if !strings.HasPrefix(frame, "┃ Color for ") {
			t.Errorf("the prompt is not back after esc:\n%s", frame)
		}
		if got := highlighted(t, frame); got != before {
			t.Errorf("after esc: highlighted %s, want %s still", got, before)
		}
		if n := len(rows(frame)); n != 20 {
			t.Errorf("after esc: %d rows, want the whole list's 20", n)
		}
		d.send(keyMsg("esc"))
		if !d.quit {
			t.Error("a second esc did not end the picker")
		}
	})
	if code != cli.ExitCanceled {
		t.Errorf("exit %d, want %d", code, cli.ExitCanceled)
	}
	if written != "" || out != "" {
		t.Errorf("cancelled, yet wrote %q and printed %q", written, out)
	}
	_ = errOut // the driven model has no program to report; see TestPickProgram
}

// TestPickColorDepths: the picker draws swatches and the preview at the
// depth show uses (see TestAnsi256KeepsBrandHues): Angular Red (#dd0531)
// as 24-bit, as 256-color 160 (#d70000, not a grey), as ANSI red, or with
// no color escape at all.
func TestPickColorDepths(t *testing.T) {
	for _, tt := range []struct {
		depth      cli.ColorDepth
		want, nope *regexp.Regexp
	}{
		{cli.TrueColor, regexp.MustCompile(`48;2;221;5;49m`), regexp.MustCompile(`48;5;`)},
		{cli.Colors256, regexp.MustCompile(`48;5;160m`), regexp.MustCompile(`48;2;|48;5;(23[2-9]|24[0-9]|25[0-5])m  \x1b\[49m`)}, // no grey swatch
		{cli.Colors16, regexp.MustCompile(`\x1b\[41m`), regexp.MustCompile(`48;[25];`)},
		{cli.NoColor, nil, regexp.MustCompile(`\x1b\[(4|10)[0-9]m|48;`)},
	} {
		t.Run(tt.depth.String(), func(t *testing.T) {
			pickSession(t, 120, 40, tt.depth, func(d *driver, m *cli.PickMenu) {
				view := d.m.View().Content
				if tt.want != nil && !tt.want.MatchString(view) {
					t.Errorf("no %s in the frame:\n%q", tt.want, view)
				}
				if tt.nope.MatchString(view) {
					t.Errorf("%q in the frame:\n%q", tt.nope.FindString(view), view)
				}
				d.send(keyMsg("esc"))
			})
		})
	}
}

// TestPickHelpHasOneEnter: the help line names enter once, on the list,
// in the filter and on the page for typing a color.
func TestPickHelpHasOneEnter(t *testing.T) {
	pickSession(t, 120, 40, cli.TrueColor, func(d *driver, m *cli.PickMenu) {
		check := func(when string) {
			lines := strings.Split(strings.TrimRight(d.frame(), "\n "), "\n")
			help := lines[len(lines)-1]
			if n := strings.Count(help, "enter"); n != 1 {
				t.Errorf("%s: the help %q names enter %d times", when, help, n)
			}
			if !strings.Contains(help, "esc") {
				t.Errorf("%s: the help %q does not name esc", when, help)
			}
		}
		check("list")
		d.send(keys("/x")...)
		check("filter")
		d.send(keyMsg("esc"))
		d.send(keys("g")...) // home: "type a color…"
		d.send(keyMsg("enter"))
		if !strings.Contains(d.frame(), "Type a color") {
			t.Fatalf("enter on the first entry did not open the typing page:\n%s", d.frame())
		}
		check("typing")
		d.send(keyMsg("esc"))
	})
}

// TestPickLayouts: what each terminal size shows, and that resizing
// redraws for the new size.
func TestPickLayouts(t *testing.T) {
	type want struct {
		rows         int // at least
		window, line bool
	}
	check := func(t *testing.T, d *driver, w, h int, wt want) {
		t.Helper()
		frame := d.frame()
		lines := strings.Split(frame, "\n")
		if len(lines) > h {
			t.Errorf("%dx%d: %d lines", w, h, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("%dx%d: %q is %d columns", w, h, l, ansi.StringWidth(l))
			}
		}
		if !strings.HasPrefix(lines[0], "┃ Color for ") {
			t.Errorf("%dx%d: no prompt on the first line:\n%s", w, h, frame)
		}
		if n := len(rows(frame)); n < wt.rows {
			t.Errorf("%dx%d: %d rows, want at least %d:\n%s", w, h, n, wt.rows, frame)
		}
		if got := strings.Contains(frame, "● ● ●"); got != wt.window {
			t.Errorf("%dx%d: mock window shown %v, want %v:\n%s", w, h, got, wt.window, frame)
		}
		if got := strings.Contains(frame, "contrast  title "); got != wt.window {
			t.Errorf("%dx%d: contrast line shown %v, want %v:\n%s", w, h, got, wt.window, frame)
		}
		if got := strings.Contains(frame, "contrast ≥ "); got != wt.line {
			t.Errorf("%dx%d: one-line preview shown %v, want %v:\n%s", w, h, got, wt.line, frame)
		}
	}
	sizes := []struct {
		w, h int
		want want
	}{
		{120, 40, want{rows: 20, window: true}},
		{80, 24, want{rows: 5, window: true}},
		{60, 20, want{rows: 5, line: true}},
		{50, 15, want{rows: 5}},
		{40, 8, want{rows: 4}},
	}
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) {
			pickSession(t, s.w, s.h, cli.Colors256, func(d *driver, m *cli.PickMenu) {
				check(t, d, s.w, s.h, s.want)
				d.send(keys("down down")...)
				check(t, d, s.w, s.h, s.want)
				d.send(keyMsg("esc"))
			})
		})
	}
	t.Run("resize", func(t *testing.T) {
		pickSession(t, 120, 40, cli.TrueColor, func(d *driver, m *cli.PickMenu) {
			for _, s := range []int{1, 2, 3, 0} {
				d.send(tea.WindowSizeMsg{Width: sizes[s].w, Height: sizes[s].h})
				check(t, d, sizes[s].w, sizes[s].h, sizes[s].want)
			}
			d.send(keyMsg("esc"))
		})
	})
}

// TestPickProgram runs the real picker program, keys arriving as a
// terminal sends them: Esc or Ctrl-C cancels, with a message and exit 130;
// Enter writes the first match of a filter, also after Esc closed it.
func TestPickProgram(t *testing.T) {
	const cancelled = "peacock: pick: cancelled; nothing written\n"
	tests := []struct {
		name     string
		input    []string // written one after another, 100 ms apart
		wantCode int
		wantErr  string // stderr ends with it (cancelled) or holds it
		filter   string // the first match is written; "": nothing is
	}{
		{"esc", []string{"\x1b"}, cli.ExitCanceled, cancelled, ""},
		{"ctrl+c", []string{"\x03"}, cli.ExitCanceled, cancelled, ""},
		{"filter and enter", []string{"\x1b[A", "\x1b[A", "/blue", "\r"}, cli.ExitOK, "set peacock.color", "blue"},
		{"esc closes the filter, enter writes", []string{"/blu", "\x1b", "\r"}, cli.ExitOK, "set peacock.color", "blu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, work, out, errOut := cli.TestFactory(t)
			f.IO.SetStdinTTY(true)
			f.IO.SetStderrTTY(true)
			f.IO.SetColorDepth(cli.Colors256)
			var menu *cli.PickMenu
			f.NewPicker = func(io cli.PromptIO) cli.Prompter {
				p := huhpick.New(io)
				return prompterFunc(func(ctx context.Context, m *cli.PickMenu) (project.Choice, error) {
					menu = m
					return p.PickColor(ctx, m)
				})
			}
			r, w := io.Pipe()
			f.IO.In = r
			go func() {
				for _, s := range tt.input {
					time.Sleep(100 * time.Millisecond)
					if _, err := w.Write([]byte(s)); err != nil {
						return
					}
				}
			}()
			done := make(chan int, 1)
			go func() { done <- cli.RunWith(f, []string{"pick"}) }()
			var code int
			select {
			case code = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("the picker did not end")
			}
			w.Close()
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, errOut.String())
			}
			// The picker draws on stderr too: the message is its last line.
			if e := ansi.Strip(errOut.String()); tt.filter == "" && !strings.HasSuffix(e, tt.wantErr) || !strings.Contains(e, tt.wantErr) {
				t.Errorf("stderr ends %q, want %q", tail(e), tt.wantErr)
			}
			data, err := os.ReadFile(filepath.Join(work, "work.code-workspace"))
			if tt.filter == "" {
				if err == nil || out.String() != "" {
					t.Errorf("cancelled, yet wrote %q / printed %q", data, out.String())
				}
				return
			}
			want := matching(menu, tt.filter)[0].Choice.Text
			if out.String() != want+"\n" || !strings.Contains(string(data), `"peacock.color": "`+want+`"`) {
				t.Errorf("printed %q, file:\n%s\nwant %s, the first match", out.String(), data, want)
			}
		})
	}
}

func tail(s string) string {
	if len(s) > 200 {
		return s[len(s)-200:]
	}
	return s
}

// benchMenu is the real menu of a project with 200 colors (favorites added
// to the starter set, the harmonies and the themes), and the picker's IO.
func benchMenu(b *testing.B) (cli.PromptIO, *cli.PickMenu) {
	f, _, _, errOut := cli.TestFactory(b)
	f.IO.SetStdinTTY(true)
	f.IO.SetStderrTTY(true)
	f.IO.SetColorDepth(cli.TrueColor)
	var pio cli.PromptIO
	var menu *cli.PickMenu
	count := func() int {
		f.NewPicker = func(io cli.PromptIO) cli.Prompter {
			return prompterFunc(func(_ context.Context, m *cli.PickMenu) (project.Choice, error) {
				pio, menu = io, m
				return project.Choice{}, cli.ErrCancel
			})
		}
		if code := cli.RunWith(f, []string{"pick"}); code != cli.ExitCanceled {
			b.Fatalf("exit %d: %s", code, errOut)
		}
		return len(menu.Items) + 1 // and "type a color…"
	}
	favs := 200 - count()
	var list []string
	for i := range favs {
		list = append(list, fmt.Sprintf(`{"name": "Bench %d", "value": "#%02x%02x%02x"}`, i, i*37%256, i*91%256, i*53%256))
	}
	dir := filepath.Join(f.Getenv("HOME"), ".config", "Code", "User")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "settings.json"), []byte(`{"peacock.favoriteColors": [`+strings.Join(list, ", ")+`]}`), 0o644); err != nil {
		b.Fatal(err)
	}
	if n := count(); n != 200 {
		b.Fatalf("%d colors, want 200", n)
	}
	return pio, menu
}

// BenchmarkPickKey is one key of the picker at 120x40 with 200 colors: its
// update and the frame it draws (Down, wrapping at the end: every row and
// preview is drawn once, then found drawn).
func BenchmarkPickKey(b *testing.B) {
	pio, menu := benchMenu(b)
	d := &driver{t: b, m: huhpick.NewModel(pio, menu)}
	d.send(d.m.Init(), tea.WindowSizeMsg{Width: 120, Height: 40})
	down := keyMsg("down")
	for b.Loop() {
		m, _ := d.m.Update(down)
		_ = m.View()
	}
}

// BenchmarkPickFilterKey is one key typed in the filter, then erased:
// the list filtered again from the top and the frame drawn.
func BenchmarkPickFilterKey(b *testing.B) {
	pio, menu := benchMenu(b)
	d := &driver{t: b, m: huhpick.NewModel(pio, menu)}
	d.send(d.m.Init(), tea.WindowSizeMsg{Width: 120, Height: 40}, keyMsg("/"))
	keys := []tea.Msg{keyMsg("b"), keyMsg("backspace")}
	i := 0
	for b.Loop() {
		m, _ := d.m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}

// BenchmarkPickFirstFrame is the picker's start: the model built for 200
// colors, sized to the terminal, and its first frame drawn.
func BenchmarkPickFirstFrame(b *testing.B) {
	pio, menu := benchMenu(b)
	for b.Loop() {
		pm := huhpick.NewModel(pio, menu)
		m, _ := pm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// formModel runs a bare huh form as a bubbletea model.
type formModel struct{ f *huh.Form }

func (m formModel) Init() tea.Cmd { return m.f.Init() }
func (m formModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f, cmd := m.f.Update(msg)
	return formModel{f.(*huh.Form)}, cmd
}
func (m formModel) View() tea.View { return tea.NewView(m.f.View()) }

// BenchmarkHuhSelectKey is the baseline the color field replaced: one
// Down key in huh's Select of the same 200 labels with the preview in a
// Note below it (the picker before issue 18), its commands run (the Note
// draws the preview in one) and the frame drawn. The theme is built once
// here; rebuilt per call, as huh asks for it per option, it cost 5x more.
// What remains is Select drawing all 200 options several times a frame.
func BenchmarkHuhSelectKey(b *testing.B) {
	_, m := benchMenu(b)
	options := []huh.Option[int]{huh.NewOption(m.Label(cli.TypeIn, true), cli.TypeIn)}
	for i := range m.Items {
		options = append(options, huh.NewOption(m.Label(i, true), i))
	}
	idx := m.Initial
	sel := huh.NewSelect[int]().Title(m.Title).Options(options...).Value(&idx).Height(11)
	preview := huh.NewNote().DescriptionFunc(func() string {
		if idx == cli.TypeIn {
			return ""
		}
		return m.Preview(m.Items[idx].Choice.Color, 78) + "\n" + m.Detail(idx)
	}, &idx).Height(12)
	theme := huh.ThemeBase(true)
	form := huh.NewForm(huh.NewGroup(sel, preview)).WithTheme(huh.ThemeFunc(func(bool) *huh.Styles { return theme }))
	d := &driver{t: b, m: formModel{form}}
	d.send(d.m.Init(), tea.WindowSizeMsg{Width: 120, Height: 40})
	down := keyMsg("down")
	for b.Loop() {
		d.send(down)
		_ = d.m.View()
	}
}
