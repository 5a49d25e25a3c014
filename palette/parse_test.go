package palette

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePeacockInputs(t *testing.T) {
	// Spec §11 rows 1-7, 9, 10 and the §5.2 normalization examples.
	tests := []struct {
		in, want string
	}{
		{"#000", "#000000"},
		{"000", "#000000"},
		{"#369C", "#336699cc"},
		{"369C", "#336699cc"},
		{"#f0f0f6", "#f0f0f6"},
		{"f0f0f6", "#f0f0f6"},
		{"#f0f0f688", "#f0f0f688"},
		{"f0f0f688", "#f0f0f688"},
		{"blanchedalmond", "#ffebcd"},
		{"DarkBlue", "#00008b"},
		{"red", "#ff0000"},
		{"RED", "#ff0000"},
		{"  #42b883  ", "#42b883"},
		{"#42b883ff", "#42b883"},
		{"transparent", "#00000000"},
		{"rgb (255 0 0)", "#ff0000"},
		{"rgb 255 0 0", "#ff0000"},
		{"hsl (0 100% 50%)", "#ff0000"},
		{"hsl 0 100% 50%", "#ff0000"},
		{"hsl (0, 100%, .5)", "#ff0000"},
		{"hsv (0, 100%, 100%)", "#ff0000"},
		{"hsv 0 100% 100%", "#ff0000"},
		{"hsv (0, 1, 100%)", "#ff0000"},
		{"rgba (255, 0, 0, .5)", "#ff000080"},
		{"hsla (0, 100%, 50%, .5)", "#ff000080"},
		{"hsva (0, 100%, 100%, .5)", "#ff000080"},
		{"rgb (100% 255 0)", "#ffff00"},
		{"#c0c0c0", "#c0c0c0"},
		{"hsl (0, 0, 0)", "#000000"},
		{"hsl (0, 0, 25%)", "#404040"},
		{"hsl (0, 0, 49%)", "#7d7d7d"},
		{"hsl (0, 0, 50%)", "#808080"},
		{"hsl (0, 0, 75%)", "#bfbfbf"},
		{"hsl (0, 100%, 100%)", "#ffffff"},
		{"hsl(0 0.5 0.75)", "#df9f9f"}, // row 17
		{"hsl(0 0.5 0.25)", "#602020"},
		{"rgb(300, -5, 20)", "#ff0014"}, // clamped
		{"hsl(400, 50%, 50%)", "#bf4040"},
		{"Gray", "#808080"},
		{"grey", "#808080"},
		{"rebeccapurple", "#663399"},
		// tinycolor quirks kept for compatibility.
		{"rgba(255, 0, 0, 50%)", "#ff0000"},       // alpha above 1 means opaque
		{"rgb(200%, 0, 0)", "#000000"},            // percent clamped to 255, then modulo
		{"rgb(1.0, 0, 0)", "#ff0000"},             // "1.0" means 100%
		{"rgb(1, 0, 0)", "#010000"},               // "1" does not
		{"my rgb(1, 2, 3) color", "#010203"},      // matched anywhere
		{"rgb(66 184 131 / 60%)", "#42b883"},      // the alpha is not read, as in Peacock
		{"hsl(0, 0.00000000005, 50%)", "#807f7f"}, // s 5e-11 -> "5e-9%" -> parseInt("5e-7") = 5 -> 0.05
		{"hsl(0, 0.00000000005, 59%)", "#979696"},
		{"\u00a0#42b883\ufeff", "#42b883"}, // JavaScript's \s trims these
		{"\u212Ahaki", "#f0e68c"},          // Kelvin sign lowercases to k
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := c.Hex(); got != tt.want {
			t.Errorf("Parse(%q).Hex() = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseUnrounded(t *testing.T) {
	// tinycolor keeps channels unrounded; "hsl(0 0.5 0.75)" is 223.125 red.
	c := MustParse("hsl(0 0.5 0.75)")
	if c.R != 223.125 || c.G != 159.375 || c.B != 159.375 || c.A != 1 {
		t.Errorf("got %v %v %v %v", c.R, c.G, c.B, c.A)
	}
}

func TestParseCSS4(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"oklch(0.7 0.1 160)", "#62b289"}, // close to Vue green
		{"oklch(70% 0.1 160)", "#62b289"},
		{"oklch(70% 25% 160deg)", "#62b289"},
		{"oklch(0.7 0.1 160 / 0.5)", "#62b28980"},
		{"oklch(0.7 0.1 160 / 50%)", "#62b28980"},
		{"OKLCH(0.7 0.1 160)", "#62b289"},
		{"oklch(1 0 0)", "#ffffff"},
		{"oklch(0 0 0)", "#000000"},
		{"oklch(0.6 0.4 264)", FromOKLCH(0.6, 0.4, 264).Hex()}, // gamut mapped by FromOKLCH
		{"oklab(0.7 -0.08 0.03)", FromOKLCH(0.7, 0.08544003745317531, 159.44395478041653).Hex()},
		{"oklab(100% 0 0)", "#ffffff"},
		{"hsl(120deg 50% 50%)", "#40bf40"},
		{"hsl(120deg 50% 50% / 0.5)", "#40bf4080"},
		{"hsl(0.5turn 100% 50%)", "#00ffff"},
		{"hsl(none 0% 50%)", "#808080"},
		{"hwb(0 0% 0%)", "#ff0000"},
		{"hwb(120 20% 30%)", "#33b333"},
		{"hwb(0 60% 60%)", "#808080"},
		{"rgb(none 128 255)", "#0080ff"},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := c.Hex(); got != tt.want {
			t.Errorf("Parse(%q).Hex() = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseCSSStrict(t *testing.T) {
	for in, want := range map[string]string{
		"rgb(66 184 131 / 60%)":  "#42b88399",
		"rgb(66, 184, 131, 0.6)": "#42b88399",
		"rgba(66 184 131)":       "#42b883",
		"hsl(0 100% 50% / .5)":   "#ff000080",
		"#42b883":                "#42b883",
		"teal":                   "#008080",
	} {
		c, err := ParseCSS(in)
		if err != nil || c.Hex() != want {
			t.Errorf("ParseCSS(%q) = %s, %v; want %s", in, c.Hex(), err, want)
		}
	}
	for _, in := range []string{"42b883", "rgb 1 2 3", "hsv(0, 100%, 100%)", "rgb(1 2 3) x"} {
		if c, err := ParseCSS(in); err == nil {
			t.Errorf("ParseCSS(%q) = %s, want an error", in, c.Hex())
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, msg string
	}{
		{"", `invalid color "": empty string`},
		{"   ", `invalid color "   ": empty string`},
		{"invalid", `invalid color "invalid": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
		{"foo", `invalid color "foo": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
		{"#12345", `invalid color "#12345": hex color needs 3, 4, 6 or 8 digits, not 5`},
		{"12345", `invalid color "12345": hex color needs 3, 4, 6 or 8 digits, not 5`},
		{"#", `invalid color "#": hex color has no digits`},
		{"#42b88g", `invalid color "#42b88g": hex color has a character that is not a hex digit`},
		{"oklch(0.5 0.1)", `invalid color "oklch(0.5 0.1)": oklch() needs 3 values and an optional / alpha, got 2`},
		{"oklch(0.5 0.1 20", `invalid color "oklch(0.5 0.1 20": oklch() is missing its closing parenthesis`},
		{"oklch(a b c)", `invalid color "oklch(a b c)": oklch(): "a" is not a number`},
		{"hsl(1 2)", `invalid color "hsl(1 2)": hsl() needs 3 values and an optional / alpha, got 2`},
		{"hsv(1, 2)", `invalid color "hsv(1, 2)": hsv() needs three numbers, as in hsv(0, 100%, 100%)`},
		{"lab(50 10 10)", `invalid color "lab(50 10 10)": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
		{"constructor", `invalid color "constructor": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
		{"\u0130ndigo", `invalid color "İndigo": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.in, c.Hex())
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("Parse(%q) error:\n got  %s\n want %s", tt.in, err, tt.msg)
		}
		if !errors.Is(err, ErrInvalidColor) {
			t.Errorf("Parse(%q) error does not wrap ErrInvalidColor", tt.in)
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "nope") {
			t.Errorf("MustParse(\"nope\") panicked with %v", r)
		}
	}()
	MustParse("nope")
}

func TestHexRoundTrip(t *testing.T) {
	for _, in := range []string{"#42b883", "#42b88380", "rgba(1, 2, 3, 0.999)", "hsl(0 0.5 0.75)", "transparent"} {
		h := MustParse(in).Hex()
		h2 := MustParse(h).Hex()
		if h2 != h && !(len(h) == 9 && h[7:] == "ff" && h2 == h[:7]) {
			t.Errorf("%q: Hex %s, re-parsed %s", in, h, h2)
		}
	}
	// An alpha that rounds to ff is written with it, as Peacock does.
	if got := MustParse("rgba(1, 2, 3, 0.999)").Hex(); got != "#010203ff" {
		t.Errorf("got %s, want #010203ff", got)
	}
}

// Text that neither tinycolor (Peacock) nor CSS Color 4 accepts must stay
// invalid: the CSS Color 4 forms apply only where tinycolor rejects the
// text, and only as CSS defines them (no space before "(", four values only
// with commas, legacy comma syntax only for rgb/hsl with CSS's units).
func TestParseCSS4RejectsNonCSS(t *testing.T) {
	for _, in := range []string{
		"hsla (0, 100%, 50%)",          // tinycolor: hsla needs 4 values; CSS: a space before (
		"rgba\u00a0(156, 0, 20)",       // idem
		"hwb (0 0% 0%)",                //
		"hsla( 274turn 299 .347 29% )", // four values without / or commas
		"hsla(0, 50, 50)",              // legacy hsl needs percentages
		"hsla(0, 1e-7, .5)",            //
		"rgba(1, 2%, 3)",               // legacy rgb: all numbers or all percentages
		"hwb(0, 0%, 0%)",               // hwb, oklab, oklch have no comma syntax
		"oklch(0.7, 0.1, 200)",         //
		"rgba(none, 0, 0)",             // none only in the space syntax
	} {
		if _, ok := parseTiny(in); ok {
			t.Fatalf("%q: tinycolor accepts it; not a test of the CSS Color 4 path", in)
		}
		if c, err := Parse(in); err == nil || !errors.Is(err, ErrInvalidColor) {
			t.Errorf("Parse(%q) = %s, %v; want an invalid color error", in, c.Hex(), err)
		}
	}
	for in, want := range map[string]string{
		"hsla(0, 100%, 50%)":    "#ff0000", // CSS: hsla is hsl, alpha optional
		"hsl(120deg, 50%, 50%)": "#40bf40",
		"rgba(1,2,3)":           "#010203",
		"rgb(10%, 20%, 30%)":    "#1a334d",
		"hsla(0 100% 50% / .5)": "#ff000080",
	} {
		if c, err := Parse(in); err != nil || c.Hex() != want {
			t.Errorf("Parse(%q) = %s, %v; want %s", in, c.Hex(), err, want)
		}
	}
}

func TestParseErrorShortensLongInput(t *testing.T) {
	long := strings.Repeat("x", 1000)
	_, err := Parse(long)
	want := `invalid color "` + strings.Repeat("x", 64) + `…": ` + notAColor
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}

// cssName binary-searches cssNames, which must stay sorted.
func TestCSSNamesSorted(t *testing.T) {
	if len(cssNames) != 149 {
		t.Errorf("%d CSS names, want 149", len(cssNames))
	}
	for i := 1; i < len(cssNames); i++ {
		if cssNames[i-1].name >= cssNames[i].name {
			t.Errorf("cssNames not sorted at %q, %q", cssNames[i-1].name, cssNames[i].name)
		}
	}
	for _, e := range cssNames {
		if v, ok := cssName(e.name); !ok || v != e.rgb {
			t.Errorf("cssName(%q) = %#06x, %v", e.name, v, ok)
		}
	}
	for _, s := range []string{"", "a", "zzz", "transparent", "Red", "red ", "#42b883", "grey1"} {
		if _, ok := cssName(s); ok {
			t.Errorf("cssName(%q) found", s)
		}
	}
}
