package themes

import (
	"errors"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

func TestBuiltin(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 8 {
		t.Errorf("Builtin: %d themes, want at least 8", len(all))
	}
	for _, th := range all {
		if th.Source == "" {
			t.Errorf("theme %q has no source", th.Name)
		}
		if th.User || th.Path != "" {
			t.Errorf("theme %q: User %v, Path %q; want a built-in", th.Name, th.User, th.Path)
		}
		if len(th.Colors) == 0 {
			t.Errorf("theme %q has no colors", th.Name)
		}
		keys := map[string]string{}
		for _, c := range th.Colors {
			p, err := palette.Parse(c.Value)
			if err != nil {
				t.Errorf("%s/%s: %v", th.Name, c.Name, err)
				continue
			}
			// Built-in values are canonical so that what the picker shows
			// is what gets written.
			if p.Hex() != c.Value {
				t.Errorf("%s/%s: value %q, want canonical %q", th.Name, c.Name, c.Value, p.Hex())
			}
			k := Key(c.Name)
			if prev, dup := keys[k]; dup {
				t.Errorf("theme %q: %q and %q have the same name", th.Name, prev, c.Name)
			}
			keys[k] = c.Name
			// A name that is also hex (like "bad" or "cafe") would be
			// taken as that color, never as the theme's; CSS names such
			// as Dracula's "Red" are fine, as "dracula/red" reaches them.
			if isHexWord(c.Name) {
				t.Errorf("%s/%s: the name reads as a hex color", th.Name, c.Name)
			}
		}
	}
}

// TestBuiltinBareNames checks that every built-in color is reachable by its
// bare name, unless palette.Parse takes that name (as CSS "red"): built-in
// data never makes a name ambiguous for the CLI.
func TestBuiltinBareNames(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range all {
		for _, c := range th.Colors {
			if _, err := palette.Parse(c.Name); err == nil {
				continue
			}
			m, err := Resolve(all, c.Name)
			if err != nil || m.Parsed.Hex() != c.Value {
				t.Errorf("Resolve(%q) = %s %s, %v; want %s/%s", c.Name, m, m.Parsed.Hex(), err, th.Name, c.Name)
			}
		}
	}
}

func isHexWord(s string) bool {
	s = strings.TrimPrefix(s, "#")
	switch len(s) {
	case 3, 4, 6, 8:
	default:
		return false
	}
	return strings.Trim(strings.ToLower(s), "0123456789abcdef") == ""
}

// TestBuiltinFiles checks that builtinFiles names every file of data/.
func TestBuiltinFiles(t *testing.T) {
	got, err := fs.Glob(data, "data/*")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range builtinFiles {
		want = append(want, "data/"+f)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("data/ holds %v, builtinFiles lists %v", got, want)
	}
}

// TestBuiltinPeacock checks that the "peacock" theme is the extension's
// nine starter favorites (spec §10), in its order, each the status bar color
// Peacock derives for it.
func TestBuiltinPeacock(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if all[0].Name != "peacock" {
		t.Fatalf("first theme %q, want peacock", all[0].Name)
	}
	var got [][2]string
	for _, c := range all[0].Colors {
		got = append(got, [2]string{c.Name, c.Value})
		if m := palette.Derive(palette.MustParse(c.Value), palette.DefaultSettings()); m["statusBar.background"] != c.Value {
			t.Errorf("%s: statusBar.background %s", c.Name, m["statusBar.background"])
		}
	}
	want := [][2]string{
		{"Angular Red", "#dd0531"}, {"Azure Blue", "#007fff"}, {"JavaScript Yellow", "#f9e64f"},
		{"Mandalorian Blue", "#1857a4"}, {"Node Green", "#215732"}, {"React Blue", "#61dafb"},
		{"Something Different", "#832561"}, {"Svelte Orange", "#ff3d00"}, {"Vue Green", "#42b883"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("peacock theme\n got %v\nwant %v", got, want)
	}
}

func TestBuiltinReturnsCopies(t *testing.T) {
	a, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a[0].Name = "changed"
	a[0].Colors[0].Value = "#000000"
	b, _ := Builtin()
	if b[0].Name != "peacock" || b[0].Colors[0].Value != "#dd0531" {
		t.Errorf("a change to Builtin's result reached the next call: %q %q", b[0].Name, b[0].Colors[0].Value)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vue Green", "vue-green"},
		{"vue-green", "vue-green"},
		{"VUE_GREEN", "vue-green"},
		{"  vue _-\tgreen  ", "vue-green"},
		{"C#", "c#"},
		{"Vue.js", "vue.js"},
		{"Ünïcode Ö", "ünïcode-ö"},
		{"-_ ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// testThemes is a small fixed set for Resolve, Merge and Names.
func testThemes() []Theme {
	return []Theme{
		{Name: "peacock", Source: "s", Colors: []Color{
			{Name: "Vue Green", Value: "#42b883"},
			{Name: "Angular Red", Value: "#dd0531"},
		}},
		{Name: "Sea Side", Source: "s", Colors: []Color{
			{Name: "Ocean", Value: "#0077be"},
			{Name: "Foam", Value: "#c8f0ec"},
			{Name: "Red", Value: "#ee3333"},
		}},
		{Name: "deep", Source: "s", Colors: []Color{
			{Name: "ocean", Value: "#003355"},
			{Name: "Foam", Value: "#C8F0EC"}, // the same color as sea-side/foam
		}},
	}
}

func TestResolve(t *testing.T) {
	all := testThemes()
	tests := []struct {
		name      string
		text      string
		wantTheme string
		wantColor string
		wantHex   string
		wantErr   string
	}{
		{name: "plain", text: "Vue Green", wantTheme: "peacock", wantColor: "Vue Green", wantHex: "#42b883"},
		{name: "dashes", text: "vue-green", wantTheme: "peacock", wantColor: "Vue Green", wantHex: "#42b883"},
		{name: "underscores and case", text: "VUE_GREEN", wantTheme: "peacock", wantColor: "Vue Green", wantHex: "#42b883"},
		{name: "spaces around", text: "  angular  red ", wantTheme: "peacock", wantColor: "Angular Red", wantHex: "#dd0531"},
		{name: "qualified", text: "deep/ocean", wantTheme: "deep", wantColor: "ocean", wantHex: "#003355"},
		{name: "qualified theme with space", text: "sea side/Ocean", wantTheme: "Sea Side", wantColor: "Ocean", wantHex: "#0077be"},
		{name: "qualified key form", text: "Sea-Side/OCEAN", wantTheme: "Sea Side", wantColor: "Ocean", wantHex: "#0077be"},
		{name: "same value twice is not ambiguous", text: "foam", wantTheme: "Sea Side", wantColor: "Foam", wantHex: "#c8f0ec"},
		{name: "theme color that is also CSS", text: "red", wantTheme: "Sea Side", wantColor: "Red", wantHex: "#ee3333"},
		{name: "ambiguous", text: "Ocean", wantErr: `"Ocean" is ambiguous: sea-side/ocean, deep/ocean; name one as theme/color`},
		{name: "unknown", text: "teal blue", wantErr: `no theme color "teal blue"`},
		{name: "unknown theme", text: "nope/ocean", wantErr: `no theme "nope"`},
		{name: "unknown color in theme", text: "peacock/ocean", wantErr: `theme "peacock" has no color "ocean"`},
		{name: "empty", text: " - ", wantErr: `empty color name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Resolve(all, tt.text)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Resolve(%q) error = %v, want %s", tt.text, err, tt.wantErr)
				}
				var amb *AmbiguousError
				if errors.As(err, &amb) == errors.Is(err, ErrNotFound) {
					t.Errorf("error %v: want exactly one of *AmbiguousError and ErrNotFound", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.text, err)
			}
			if m.Theme != tt.wantTheme || m.Color.Name != tt.wantColor || m.Parsed.Hex() != tt.wantHex {
				t.Errorf("Resolve(%q) = %s %q %s, want %s %q %s", tt.text, m.Theme, m.Color.Name, m.Parsed.Hex(), tt.wantTheme, tt.wantColor, tt.wantHex)
			}
		})
	}
}

func TestResolveAmbiguousCandidates(t *testing.T) {
	_, err := Resolve(testThemes(), "ocean")
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("err = %v, want *AmbiguousError", err)
	}
	if want := []string{"sea-side/ocean", "deep/ocean"}; !slices.Equal(amb.Candidates, want) {
		t.Errorf("Candidates = %q, want %q", amb.Candidates, want)
	}
	// Each candidate resolves to a color of its own.
	for _, c := range amb.Candidates {
		if _, err := Resolve(testThemes(), c); err != nil {
			t.Errorf("candidate %q: %v", c, err)
		}
	}
}

// TestResolveBuiltin checks names across the real built-in themes.
func TestResolveBuiltin(t *testing.T) {
	all, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"vue green", "#42b883"},
		{"Vue-Green", "#42b883"},
		{"vue_green", "#42b883"},
		{"peacock/vue-green", "#42b883"},
		{"go", "#00add8"},
		{"dracula/red", "#ff5555"},
		{"tailwind/red 500", "#ef4444"},
		{"nord8", "#88c0d0"},
		{"frameworks/vue.js", "#4fc08d"},
	}
	for _, tt := range tests {
		m, err := Resolve(all, tt.text)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.text, err)
			continue
		}
		if m.Parsed.Hex() != tt.want {
			t.Errorf("Resolve(%q) = %s (%s), want %s", tt.text, m.Parsed.Hex(), m, tt.want)
		}
	}
	// "Blue" is in several palettes with different values.
	var amb *AmbiguousError
	if _, err := Resolve(all, "blue"); !errors.As(err, &amb) || len(amb.Candidates) < 3 {
		t.Errorf("Resolve(blue) = %v, want ambiguous among several themes", err)
	}
}

func TestLookup(t *testing.T) {
	all := testThemes()
	for _, name := range []string{"sea side", "Sea-Side", "SEA_SIDE"} {
		if th, ok := Lookup(all, name); !ok || th.Name != "Sea Side" {
			t.Errorf("Lookup(%q) = %q, %v", name, th.Name, ok)
		}
	}
	if _, ok := Lookup(all, "seaside"); ok {
		t.Errorf("Lookup(seaside) found a theme")
	}
}

func TestMerge(t *testing.T) {
	builtin := testThemes()
	user := []Theme{
		{Name: "mine", Colors: []Color{{Name: "A", Value: "#111111"}}, User: true},
		{Name: "SEA-SIDE", Colors: []Color{{Name: "Ocean", Value: "#222222"}}, User: true},
		{Name: "mine", Colors: []Color{{Name: "B", Value: "#333333"}}, User: true},
	}
	got := Merge(builtin, user)
	var names []string
	for _, th := range got {
		names = append(names, th.Name)
	}
	if want := []string{"peacock", "SEA-SIDE", "deep", "mine"}; !slices.Equal(names, want) {
		t.Fatalf("Merge names = %q, want %q", names, want)
	}
	if !got[1].User || got[3].Colors[0].Name != "A" {
		t.Errorf("Merge = %+v", got)
	}
	// The user's sea-side shadows the built-in one, so its Ocean is the only one.
	m, err := Resolve(got, "ocean")
	if err == nil {
		t.Errorf("Resolve(ocean) = %s, want ambiguous (sea-side and deep)", m)
	}
	m, err = Resolve(got, "sea side/ocean")
	if err != nil || m.Parsed.Hex() != "#222222" {
		t.Errorf("Resolve(sea side/ocean) = %s %s, %v; want the user's #222222", m, m.Parsed.Hex(), err)
	}
	// Foam is now only in deep.
	if m, err := Resolve(got, "foam"); err != nil || m.Theme != "deep" {
		t.Errorf("Resolve(foam) = %s, %v; want deep/foam", m, err)
	}
	// Merge copies.
	got[0].Colors[0].Name = "changed"
	if builtin[0].Colors[0].Name != "Vue Green" {
		t.Errorf("Merge shares colors with its argument")
	}
}

func TestNames(t *testing.T) {
	got := Names(testThemes())
	want := []string{
		"angular-red",
		"deep/foam",
		"deep/ocean",
		"foam",
		"peacock/angular-red",
		"peacock/vue-green",
		"sea-side/foam",
		"sea-side/ocean",
		"sea-side/red",
		"vue-green",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Names =\n%q\nwant\n%q", got, want)
	}
	// Every name Names offers resolves.
	for _, n := range got {
		if _, err := Resolve(testThemes(), n); err != nil {
			t.Errorf("Resolve(%q): %v", n, err)
		}
	}
}

func BenchmarkBuiltinFirstCall(b *testing.B) {
	for b.Loop() {
		if _, err := loadBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}
