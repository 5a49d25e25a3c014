package themes

import (
	"errors"
	"fmt"
	"strings"

	"github.com/peacock-cli/peacock/palette"
)

// ErrNotFound is wrapped by the errors Resolve returns for a name no theme
// holds, so callers can test for it with errors.Is.
var ErrNotFound = errors.New("not found")

// AmbiguousError is returned by Resolve for a bare color name that themes
// define with different values. Candidates lists each as "theme/color" in
// key form, in the order of the themes, so the user can pick one.
type AmbiguousError struct {
	Name       string
	Candidates []string
}

// Error returns `themes: "NAME" is ambiguous: CANDIDATES; name one as theme/color`.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is ambiguous: %s; name one as theme/color", e.Name, strings.Join(e.Candidates, ", "))
}

// Match is a color Resolve found.
type Match struct {
	// Theme is the name of the theme that holds the color, as written in
	// its data.
	Theme string
	// Color is the color as written in its theme.
	Color Color
	// Parsed is Color.Value parsed by palette.Parse.
	Parsed palette.Color
}

// String returns the match's qualified name, "theme/color" in key form.
func (m Match) String() string {
	return Qualified(m.Theme, m.Color.Name)
}

// Resolve finds the color that text names among all, comparing names by Key.
//
// Text is either "theme/color", which looks in that theme only, or a bare
// color name, which looks in every theme. A bare name that themes define
// with different values is an error of type *AmbiguousError; if every
// theme that has it gives the same color, the first is returned. A name no
// theme holds gives an error that wraps ErrNotFound.
//
// Resolve does not try text as a color itself. A real color name wins over
// a theme color, as in the Peacock extension, so callers try palette.Parse
// first and call Resolve only if that fails (see the package doc).
func Resolve(all []Theme, text string) (Match, error) {
	if themeName, colorName, ok := strings.Cut(text, "/"); ok {
		t, found := Lookup(all, themeName)
		if !found {
			return Match{}, notFound("no theme %q", strings.TrimSpace(themeName))
		}
		k := Key(colorName)
		for _, c := range t.Colors {
			if Key(c.Name) == k {
				return newMatch(t, c)
			}
		}
		return Match{}, notFound("theme %q has no color %q", t.Name, strings.TrimSpace(colorName))
	}
	k := Key(text)
	if k == "" {
		return Match{}, notFound("empty color name")
	}
	var (
		first      Match
		found      bool
		ambiguous  bool
		candidates []string
	)
	for _, t := range all {
		for _, c := range t.Colors {
			if Key(c.Name) != k {
				continue
			}
			m, err := newMatch(t, c)
			if err != nil {
				return Match{}, err
			}
			candidates = append(candidates, m.String())
			if !found {
				first, found = m, true
			} else if m.Parsed.Hex() != first.Parsed.Hex() {
				ambiguous = true
			}
		}
	}
	switch {
	case !found:
		return Match{}, notFound("no theme color %q", strings.TrimSpace(text))
	case ambiguous:
		return Match{}, &AmbiguousError{Name: strings.TrimSpace(text), Candidates: candidates}
	}
	return first, nil
}

func newMatch(t Theme, c Color) (Match, error) {
	p, err := palette.Parse(c.Value)
	if err != nil {
		// Only a Theme built by hand, not by Builtin or LoadDir, gets here.
		return Match{}, fmt.Errorf("%s: %w", Qualified(t.Name, c.Name), err)
	}
	return Match{Theme: t.Name, Color: c, Parsed: p}, nil
}

// notFoundError is a name Resolve cannot find; it matches ErrNotFound.
type notFoundError struct{ msg string }

func (e *notFoundError) Error() string        { return e.msg }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

func notFound(format string, args ...any) error {
	return &notFoundError{fmt.Sprintf(format, args...)}
}
