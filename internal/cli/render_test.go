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
	for in, want := range map[string]int{"#000000": 16, "#ffffff": 231, "#ff0000": 196, "#808080": 244, "#42b883": 72} {
		if got := ansi256(palette.MustParse(in)); got != want {
			t.Errorf("ansi256(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestMockWindowFollowsWidth(t *testing.T) {
	pt := painter{trueColor: true}
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
