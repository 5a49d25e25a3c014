package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// errSilent means the command already reported its failure; exit 1 without
// printing anything more.
var errSilent = errors.New("silent error")

// errCancel means the user cancelled (Ctrl-C in a prompt); exit 130.
var errCancel = errors.New("cancelled")

// flagError is a usage error: bad flag, missing or extra argument. Exit 2.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

func flagErrorf(format string, args ...any) error {
	return &flagError{fmt.Errorf(format, args...)}
}

// Exit codes scripts can rely on.
const (
	exitOK       = 0
	exitFailure  = 1
	exitUsage    = 2
	exitCanceled = 130
)

// flag is one flag of a command line and whether it was given.
type flag struct {
	name string
	on   bool
}

// together is the usage error naming the first two flags of one group
// that were given together (at most one of each group may be), or nil.
func together(groups ...[]flag) error {
	for _, g := range groups {
		var on []string
		for _, f := range g {
			if f.on {
				on = append(on, f.name)
			}
		}
		if len(on) > 1 {
			return flagErrorf("%s and %s do not go together", on[0], on[1])
		}
	}
	return nil
}

// termSafe returns s with the control characters a terminal would act on
// (ESC, BEL, CR, backspace, the C1 controls, …; not newline or tab)
// written as \x1b, \u009b, …: file names, keys and values in messages come
// from repositories, and a committed "\u001b]0;…" must not retitle, clear
// or write to the clipboard of the terminal that runs git clone.
func termSafe(s string) string {
	if strings.IndexFunc(s, isTermControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isTermControl(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func isTermControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || r == 0x2028 || r == 0x2029
}

// sayf writes a message made of untrusted parts (see termSafe) to w.
func sayf(w io.Writer, format string, args ...any) {
	io.WriteString(w, termSafe(fmt.Sprintf(format, args...)))
}

// termSafeWriter writes to a terminal what it is given with the control
// characters escaped as termSafe does, except the SGR sequences peacock's
// own colors use (ESC [ digits ; … m), kept when whole in one write.
type termSafeWriter struct{ w io.Writer }

func (t termSafeWriter) Write(p []byte) (int, error) {
	s := string(p)
	if strings.IndexFunc(s, isTermControl) < 0 {
		return t.w.Write(p)
	}
	var b strings.Builder
	for len(s) > 0 {
		if n := sgrLen(s); n > 0 {
			b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		i := strings.IndexFunc(s[1:], func(r rune) bool { return r == 0x1b }) + 1
		if i == 0 {
			i = len(s)
		}
		b.WriteString(termSafe(s[:i]))
		s = s[i:]
	}
	if _, err := io.WriteString(t.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// sgrLen returns the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		case c == 'm':
			return i + 1
		default:
			return 0
		}
	}
	return 0
}
