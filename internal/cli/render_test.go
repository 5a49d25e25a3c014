package cli

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

func TestShellQuote(t *testing.T) {
	tests := []struct{ goos, in, want string }{
		{"linux", "webshop.code-workspace", "webshop.code-workspace"},
		{"linux", "my proj/x.code-workspace", "'my proj/x.code-workspace'"},
		{"linux", "it's", `'it'\''s'`},
		{"linux", "", "''"},
		{"darwin", "/Users/me/x.code-workspace", "/Users/me/x.code-workspace"},
		{"windows", `C:\Users\bob\x.code-workspace`, `C:\Users\bob\x.code-workspace`},
		{"windows", `C:\Users\bob\my proj\x.code-workspace`, `"C:\Users\bob\my proj\x.code-workspace"`},
		{"windows", "", `""`},
	}
	for _, tt := range tests {
		if got := shellQuote(tt.goos, tt.in); got != tt.want {
			t.Errorf("shellQuote(%s, %q) = %s, want %s", tt.goos, tt.in, got, tt.want)
		}
	}
}

func TestAnsi256(t *testing.T) {
	for in, want := range map[string]int{"#000000": 16, "#ffffff": 231, "#ff0000": 196, "#808080": 244, "#42b883": 72, "#3c3c3c": 237} {
		if got := ansi256(palette.MustParse(in)); got != want {
			t.Errorf("ansi256(%s) = %d, want %d", in, got, want)
		}
	}
}

// TestAnsi256KeepsBrandHues: in 256 colors, saturated brand colors map to
// a cube entry of the same hue, never to the grey ramp (232-255) or the
// cube's greys, and the entry is the one a person would call nearest.
func TestAnsi256KeepsBrandHues(t *testing.T) {
	tests := []struct {
		name, hex string
		want      int
	}{
		{"Angular Red", "#dd0531", 160},     // #d70000
		{"Angular", "#dd0031", 160},         // #d70000
		{"Erlang", "#a90533", 161},          // #d7005f
		{"Debian", "#a81d33", 124},          // #af0000
		{"Django", "#092e20", 22},           // #005f00, not the grey #262626
		{"Vue Green", "#42b883", 72},        // #5faf87
		{"Mandalorian Blue", "#1857a4", 25}, // #005faf
	}
	for _, tt := range tests {
		c := palette.MustParse(tt.hex)
		got := ansi256(c)
		if got != tt.want {
			t.Errorf("%s %s: ansi256 = %d, want %d", tt.name, tt.hex, got, tt.want)
		}
		e := xterm256()[got-16]
		r, g, b := c.RGB8()
		in := newEntry(0, r, g, b)
		if got >= 232 || e.chroma < entryChromatic {
			t.Errorf("%s %s -> %d: a grey", tt.name, tt.hex, got)
		}
		if d := hueDistance(e.hue, in.hue); d > 30 {
			t.Errorf("%s %s -> %d: hue %.0f, %.0f degrees from the color's %.0f", tt.name, tt.hex, got, e.hue, d, in.hue)
		}
	}
}

func TestAnsi16(t *testing.T) {
	for in, want := range map[string]int{"#000000": 0, "#ffffff": 15, "#ff0000": 9, "#dd0531": 1, "#092e20": 2, "#1857a4": 12, "#f9e64f": 11, "#808080": 8} {
		if got := ansi16(palette.MustParse(in)); got != want {
			t.Errorf("ansi16(%s) = %d, want %d", in, got, want)
		}
	}
}

// TestPainterDepths: each depth writes its own escapes, and none writes
// none.
func TestPainterDepths(t *testing.T) {
	c := palette.MustParse("#dd0531")
	for _, tt := range []struct {
		depth  ColorDepth
		bg, fg string
	}{
		{TrueColor, "\x1b[48;2;221;5;49m", "\x1b[38;2;221;5;49m"},
		{Colors256, "\x1b[48;5;160m", "\x1b[38;5;160m"},
		{Colors16, "\x1b[41m", "\x1b[31m"},
		{NoColor, "", ""},
	} {
		pt := painter{depth: tt.depth}
		if got := pt.bg(c); got != tt.bg {
			t.Errorf("%v: bg = %q, want %q", tt.depth, got, tt.bg)
		}
		if got := pt.fg(c); got != tt.fg {
			t.Errorf("%v: fg = %q, want %q", tt.depth, got, tt.fg)
		}
	}
	if got := (painter{}).swatch(c, 2); got != "  " {
		t.Errorf("no color: swatch = %q", got)
	}
}

func TestDetectColorDepth(t *testing.T) {
	for _, tt := range []struct {
		colorterm, term string
		wt              bool
		want            ColorDepth
	}{
		{"truecolor", "xterm-256color", false, TrueColor},
		{"24bit", "tmux-256color", false, TrueColor},
		{"", "xterm-256color", false, Colors256},
		{"", "tmux-256color", false, Colors256},
		{"", "xterm", false, Colors256},
		{"", "xterm-direct", false, TrueColor},
		{"", "linux", false, Colors16},
		{"", "vt100", false, Colors16},
		{"", "rxvt-16color", false, Colors16},
		{"", "", true, TrueColor},
	} {
		if got := detectColorDepth(tt.colorterm, tt.term, tt.wt); got != tt.want {
			t.Errorf("COLORTERM=%q TERM=%q WT_SESSION %v: %v, want %v", tt.colorterm, tt.term, tt.wt, got, tt.want)
		}
	}
}

func TestMockWindowFollowsWidth(t *testing.T) {
	pt := painter{depth: TrueColor}
	for _, tt := range []struct{ width, want int }{{200, windowWidth}, {42, 42}, {10, minWindowWidth}} {
		w := pt.mockWindow(nil, "proj", tt.width)
		line := strings.SplitN(w, "\n", 2)[0]
		// Strip the escapes and count the cells.
		plain := line
		for strings.Contains(plain, "\x1b[") {
			i := strings.Index(plain, "\x1b[")
			j := strings.IndexByte(plain[i:], 'm')
			plain = plain[:i] + plain[i+j+1:]
		}
		if n := len([]rune(plain)); n != tt.want {
			t.Errorf("width %d: title bar is %d cells, want %d", tt.width, n, tt.want)
		}
	}
}

func TestShowCopy(t *testing.T) {
	f, _, out, errOut := testFactory(t)
	if code := runWith(f, []string{"set", "Vue Green", "-q"}); code != 0 {
		t.Fatalf("set: %s", errOut)
	}
	var tty bytes.Buffer
	f.IO.SetTTY(&tty)
	if code := runWith(f, []string{"show", "--copy"}); code != 0 {
		t.Fatalf("show --copy: exit %d: %s", code, errOut)
	}
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("#42b883")) + "\a"
	if tty.String() != want {
		t.Errorf("terminal got %q, want %q", tty.String(), want)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out)
	}
	if !strings.Contains(errOut.String(), "copied #42b883 to the clipboard") {
		t.Errorf("stderr = %q", errOut)
	}
}

// TestHintsNeverUseTilde: a command printed for the user to run must work
// when pasted, and ~ does not expand inside quotes.
func TestHintsNeverUseTilde(t *testing.T) {
	f, work, out, errOut := testFactory(t)
	home := f.Getenv("HOME")
	proj := filepath.Join(home, "my proj")
	if err := os.MkdirAll(filepath.Join(proj, ".vscode"), 0o755); err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(proj, "p.code-workspace")
	if err := os.WriteFile(ws, []byte(`{"settings": {"peacock.color": "red", "workbench.colorCustomizations": {"titleBar.activeBackground": "#ff0000"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(proj, ".vscode", "settings.json"), []byte(`{"workbench.colorCustomizations": {"titleBar.activeBackground": "#ff0000"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_ = work
	runWith(f, []string{"--workspace", ws, "doctor"})
	got := out.String()
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "fix:") && strings.Contains(line, "~") {
			t.Errorf("a doctor hint uses ~: %s", line)
		}
	}
	if !strings.Contains(got, "fix: open it with: code '"+ws+"'") {
		t.Errorf("doctor output lacks the open hint with the quoted absolute path:\n%s%s", got, errOut)
	}
	if !strings.Contains(got, "fix: peacock --workspace '"+filepath.Join(proj, ".vscode", "settings.json")+"' reset") {
		t.Errorf("doctor output lacks the reset hint:\n%s", got)
	}
}
