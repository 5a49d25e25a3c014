package palette

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// seedColors adds the colors of the shared Peacock vectors (when present)
// and of the tinycolor fixtures to f's corpus.
func seedColors(f *testing.F, add func(string)) {
	for _, s := range []string{"#42b883", "369C", "hsl (0, 100%, .5)", "rgba 255 0 0 .5", "oklch(0.7 0.1 160 / 50%)", "", "transparent"} {
		add(s)
	}
	if data, err := os.ReadFile(vectorsPath); err == nil {
		var vs []vector
		if json.Unmarshal(data, &vs) == nil {
			for _, v := range vs {
				add(v.Color)
			}
		}
	}
	if data, err := os.ReadFile("testdata/tinycolor-fixtures.json"); err == nil {
		var fx fixtures
		if json.Unmarshal(data, &fx) == nil {
			for i, row := range fx.Parse {
				if i%10 == 0 {
					add(row[0].(string))
				}
			}
		}
	}
}

// FuzzParse checks that Parse never panics and that every color it accepts
// round-trips through Hex: Parse(c.Hex()) has the same Hex, except that an
// alpha which rounds to ff ("#rrggbbff", written as Peacock writes it)
// reads back as opaque.
func FuzzParse(f *testing.F) {
	seedColors(f, func(s string) { f.Add(s) })
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			return
		}
		h := c.Hex()
		if !hexRE.MatchString(h) {
			t.Fatalf("Parse(%q).Hex() = %q", s, h)
		}
		c2, err := Parse(h)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, h, err)
		}
		if h2 := c2.Hex(); h2 != h && !(len(h) == 9 && h[7:] == "ff" && h2 == h[:7]) {
			t.Fatalf("Parse(%q).Hex() = %s, re-parsed %s", s, h, h2)
		}
	})
}

var hexRE = regexp.MustCompile(`^#[0-9a-f]{6}([0-9a-f]{2})?$`)

// FuzzDerive checks that Derive never panics and writes only owned keys
// with lowercase 6- or 8-digit hex values, whatever the color and flags.
func FuzzDerive(f *testing.F) {
	seedColors(f, func(s string) { f.Add(s, uint32(0x0f), uint8(0x1), "", "") })
	f.Add("#f0f0f688", uint32(0xffffffff), uint8(0xff), "navy", "bogus")
	f.Fuzz(func(t *testing.T, color string, flags uint32, adj uint8, dark, light string) {
		c, err := Parse(color)
		if err != nil {
			return
		}
		adjustment := func(v uint8) Adjustment {
			return [...]Adjustment{AdjustNone, AdjustLighten, AdjustDarken, "other"}[v%4]
		}
		s := flagSettings(flags)
		s.ActivityBarAdjustment = adjustment(adj)
		s.StatusBarAdjustment = adjustment(adj >> 2)
		s.TitleBarAdjustment = adjustment(adj >> 4)
		s.DarkForegroundColor, s.LightForegroundColor = dark, light
		if flags&(1<<16) != 0 {
			s.Style = StyleAccessible
		}
		for k, v := range Derive(c, s) {
			if !IsOwned(k) {
				t.Errorf("Derive(%q) wrote unowned key %s", color, k)
			}
			if !hexRE.MatchString(v) {
				t.Errorf("Derive(%q)[%s] = %q, not #rrggbb or #rrggbbaa", color, k, v)
			}
		}
	})
}
