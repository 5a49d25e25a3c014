package themes

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/peacock-cli/peacock/palette"
)

// Theme is a named collection of colors.
type Theme struct {
	// Name is the theme's name as written in its data. It is not empty and
	// holds no "/".
	Name string
	// Source says where the colors come from: a URL or a citation. Every
	// built-in theme has one; for a user theme it is optional.
	Source string
	// License notes the license of the source data, where one applies.
	License string
	// Colors are the theme's colors in the order of its data. No two have
	// the same Key.
	Colors []Color
	// User is true for a theme read by LoadDir.
	User bool
	// Path is the file a user theme was read from; it is empty for a
	// built-in theme.
	Path string
}

// Color is one named color of a theme.
type Color struct {
	// Name is the color's name as written in its theme, such as "Vue Green".
	Name string
	// Value is the color text as written, which palette.Parse accepts.
	// Built-in values are lower-case "#rrggbb".
	Value string
	// Source cites where this color comes from when it differs from its
	// theme's Source; it may be empty.
	Source string
}

// clone returns a copy of t that shares no memory with t.
func (t Theme) clone() Theme {
	t.Colors = slices.Clone(t.Colors)
	return t
}

// Key returns the form in which names are compared: lower case, with each
// run of spaces, dashes and underscores turned into one "-" and none at
// either end. Key("Vue Green"), Key("vue-green") and Key(" vue__green ") are
// all "vue-green".
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	sep := false
	for _, r := range name {
		if r == '-' || r == '_' || unicode.IsSpace(r) {
			sep = b.Len() > 0
			continue
		}
		if sep {
			b.WriteByte('-')
			sep = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Qualified returns the qualified name "theme/color" of a color, in key
// form: Qualified("peacock", "Vue Green") is "peacock/vue-green".
func Qualified(theme, color string) string {
	return Key(theme) + "/" + Key(color)
}

//go:embed data/*.json
var data embed.FS

// builtinFiles lists the files of data/ in the order Builtin returns them:
// Peacock's own favorites first, then brands, color-blind-safe sets and
// editor palettes. A test checks that it names every file of data/.
var builtinFiles = [...]string{
	"peacock.json",
	"languages.json",
	"frameworks.json",
	"okabe-ito.json",
	"tol-bright.json",
	"tol-vibrant.json",
	"catppuccin-mocha.json",
	"dracula.json",
	"nord.json",
	"solarized.json",
	"tailwind.json",
}

// builtin parses the embedded themes once, on first use.
var builtin = sync.OnceValues(loadBuiltin)

// loadBuiltin parses the embedded themes with the same parser LoadDir uses,
// so built-in data obeys every rule user data does.
func loadBuiltin() ([]Theme, error) {
	out := make([]Theme, 0, len(builtinFiles))
	seen := make(map[string]bool, len(builtinFiles))
	for _, name := range builtinFiles {
		p := path.Join("data", name)
		src, err := data.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("built-in theme data %s: %w", p, err)
		}
		t, err := parseTheme(src, p)
		if err != nil {
			return nil, fmt.Errorf("built-in theme data: %w", err)
		}
		k := Key(t.theme.Name)
		if seen[k] {
			return nil, fmt.Errorf("built-in theme data %s: duplicate theme name %q", p, t.theme.Name)
		}
		seen[k] = true
		out = append(out, t.theme)
	}
	return out, nil
}

// Builtin returns the built-in themes in a fixed order, starting with
// "peacock", the extension's starter favorites. The embedded data is parsed
// on the first call only; each call returns a fresh copy the caller may
// change. An error means the embedded data is broken, which the package's
// tests rule out.
func Builtin() ([]Theme, error) {
	ts, err := builtin()
	if err != nil {
		return nil, err
	}
	out := make([]Theme, len(ts))
	for i, t := range ts {
		out[i] = t.clone()
	}
	return out, nil
}

// Merge returns the built-in themes with the user's themes over them: a user
// theme takes the place of the built-in theme with the same Key, and the
// other user themes follow the built-in ones in their order. If user holds
// two themes of one name, the first wins. Merge copies; it changes neither
// argument.
func Merge(builtin, user []Theme) []Theme {
	byKey := make(map[string]int, len(user))
	for i, t := range user {
		k := Key(t.Name)
		if _, dup := byKey[k]; !dup {
			byKey[k] = i
		}
	}
	out := make([]Theme, 0, len(builtin)+len(user))
	used := make(map[int]bool, len(user))
	for _, t := range builtin {
		if i, ok := byKey[Key(t.Name)]; ok {
			if !used[i] {
				out = append(out, user[i].clone())
				used[i] = true
			}
			continue
		}
		out = append(out, t.clone())
	}
	for i, t := range user {
		if byKey[Key(t.Name)] == i && !used[i] {
			out = append(out, t.clone())
		}
	}
	return out
}

// Lookup returns the theme of all whose name has the same Key as name. The
// returned Theme shares its Colors with all.
func Lookup(all []Theme, name string) (Theme, bool) {
	k := Key(name)
	for _, t := range all {
		if Key(t.Name) == k {
			return t, true
		}
	}
	return Theme{}, false
}

// Names returns, sorted and in key form, the color names a shell should
// complete: "theme/color" for every color of all, and the bare color name
// for every color that Resolve finds from its bare name, that is one not
// ambiguous and not itself a color text palette.Parse accepts (bare "red"
// is CSS red, so it is offered only as "dracula/red" and the like).
func Names(all []Theme) []string {
	type entry struct {
		value     string
		ambiguous bool
	}
	bare := make(map[string]*entry)
	var out []string
	for _, t := range all {
		for _, c := range t.Colors {
			out = append(out, Qualified(t.Name, c.Name))
			k := Key(c.Name)
			v := canonical(c.Value)
			if e, ok := bare[k]; ok {
				if e.value != v {
					e.ambiguous = true
				}
				continue
			}
			bare[k] = &entry{value: v}
		}
	}
	for k, e := range bare {
		if e.ambiguous {
			continue
		}
		if _, err := palette.Parse(k); err == nil {
			continue
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// canonical returns the hex form of a color text, or the text itself if it
// does not parse (which a loaded theme never holds).
func canonical(v string) string {
	c, err := palette.Parse(v)
	if err != nil {
		return v
	}
	return c.Hex()
}
