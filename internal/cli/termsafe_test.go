package cli

import (
	"bytes"
	"testing"
)

// TestTermSafeWriter: on a terminal, control characters from a repository
// are escaped (OSC, BEL, CSI other than colors, C1), peacock's own SGR
// colors pass, newline and tab pass.
func TestTermSafeWriter(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\tline\n", "plain\tline\n"},
		{"\x1b[32m✓\x1b[0m ok", "\x1b[32m✓\x1b[0m ok"},
		{"\x1b[38;2;1;2;3mx\x1b[0m", "\x1b[38;2;1;2;3mx\x1b[0m"},
		{"v \x1b]0;PWNED\x07 w", `v \x1b]0;PWNED\x07 w`},
		{"\x1b[2J\x1b[31m", `\x1b[2J` + "\x1b[31m"},
		{"a\rb\bc", `a\x0db\x08c`},
		{"\u009b2J \u2028", `\x9b2J \u2028`},
		{"\x1b[31", `\x1b[31`},
	} {
		var b bytes.Buffer
		n, err := termSafeWriter{&b}.Write([]byte(c.in))
		if err != nil || n != len(c.in) || b.String() != c.want {
			t.Errorf("Write(%q) = %d, %v, %q; want %q", c.in, n, err, b.String(), c.want)
		}
	}
}
