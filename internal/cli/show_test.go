package cli

import (
	"strings"
	"testing"
)

func TestRunShowTTY(t *testing.T) {
	tests := []struct {
		name      string
		tty       bool
		noColor   bool
		trueColor bool
		wantANSI  bool
		wantLines []string
	}{
		{"terminal draws the window", true, false, true, true, []string{
			"\x1b[48;2;66;184;131m",  // title bar and status bar: #42b883
			"\x1b[48;2;101;200;155m", // activity bar: #65c89b (lightened)
			"\x1b[48;2;148;91;196m",  // badge: #945bc4
			"● ● ●",
			"titleBar.activeBackground",
		}},
		{"256 colors without COLORTERM", true, false, false, true, []string{
			"\x1b[48;5;72m", // #42b883 -> cube (1,3,2)
			"\x1b[48;5;79m", // #65c89b -> #5fd7af (CIEDE2000 3.9)
			"● ● ●",
		}},
		{"NO_COLOR prints plain text", true, true, false, false, []string{"color\t#42b883\n", "titleBar.activeBackground\t#42b883\n"}},
		{"pipe prints plain text", false, false, false, false, []string{"color\t#42b883\n", "value\t#42b883\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, out, errOut := testFactory(t)
			if code := runWith(f, []string{"set", "#42b883", "-q"}); code != 0 {
				t.Fatalf("set: exit %d: %s", code, errOut)
			}
			f.IO.SetStdoutTTY(tt.tty)
			f.IO.SetColorDisabled(tt.noColor)
			f.IO.SetTrueColor(tt.trueColor)
			out.Reset()
			if code := runWith(f, []string{"show"}); code != 0 {
				t.Fatalf("show: exit %d: %s", code, errOut)
			}
			got := out.String()
			if has := strings.Contains(got, "\x1b["); has != tt.wantANSI {
				t.Errorf("ANSI in output = %v, want %v:\n%s", has, tt.wantANSI, got)
			}
			for _, w := range tt.wantLines {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
		})
	}
}
