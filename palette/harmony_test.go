package palette_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// achromatic is the OKLCH chroma below which a hue is too unstable to check.
const achromatic = 0.02

func hueDist(a, b float64) float64 {
	d := math.Mod(math.Abs(a-b), 360)
	if d > 180 {
		d = 360 - d
	}
	return d
}

func inGamut(c palette.Color) bool {
	for _, v := range []float64{c.R, c.G, c.B} {
		if !(v >= 0 && v <= 255) {
			return false
		}
	}
	return c.A == 1
}

var wantOffsets = map[palette.Scheme][]float64{
	palette.Complementary:      {180},
	palette.Analogous:          {-30, 30},
	palette.Triadic:            {120, 240},
	palette.SplitComplementary: {150, 210},
	palette.Tetradic:           {90, 180, 270},
	palette.Monochromatic:      {0, 0, 0, 0},
}

// checkHarmony asserts the Harmony invariants for one base and scheme.
func checkHarmony(t *testing.T, base palette.Color, s palette.Scheme) {
	t.Helper()
	got := palette.Harmony(base, s)
	offs := wantOffsets[s]
	if len(got) != 1+len(offs) {
		t.Fatalf("Harmony(%v, %s) returned %d colors, want %d", base, s, len(got), 1+len(offs))
	}
	if want := (palette.Color{R: base.R, G: base.G, B: base.B, A: 1}); got[0] != want {
		t.Errorf("Harmony(%v, %s)[0] = %v, want the base %v", base, s, got[0], want)
	}
	bl, bc, bh := base.OKLCH()
	prevL := -1.0
	for i, c := range got[1:] {
		if !inGamut(c) {
			t.Errorf("Harmony(%s, %s)[%d] = %v: outside sRGB or not opaque", base.Hex(), s, i+1, c)
			continue
		}
		l, ch, h := c.OKLCH()
		if ch > bc+1e-6 {
			t.Errorf("Harmony(%s, %s)[%d] = %s: chroma %.4f above base %.4f", base.Hex(), s, i+1, c.Hex(), ch, bc)
		}
		if s == palette.Monochromatic {
			if l <= prevL || math.Abs(math.Mod(l-bl+10, 0.1)) > 0.01 && math.Abs(math.Mod(l-bl+10, 0.1)-0.1) > 0.01 {
				t.Errorf("Harmony(%s, mono)[%d] = %s: L %.4f not an ascending step of 0.1 from %.4f", base.Hex(), i+1, c.Hex(), l, bl)
			}
			prevL = l
		} else if math.Abs(l-bl) > 0.01 {
			t.Errorf("Harmony(%s, %s)[%d] = %s: L %.4f, base %.4f", base.Hex(), s, i+1, c.Hex(), l, bl)
		}
		if ch >= achromatic && bc >= achromatic {
			if d := hueDist(h, bh+offs[i]); d > 3 {
				t.Errorf("Harmony(%s, %s)[%d] = %s: hue %.2f, want %.2f (off by %.2f°)", base.Hex(), s, i+1, c.Hex(), h, math.Mod(bh+offs[i]+360, 360), d)
			}
		}
	}
}

func TestHarmonyKnownColors(t *testing.T) {
	bases := []palette.Color{
		{R: 0x42, G: 0xb8, B: 0x83, A: 1}, // Peacock green
		{R: 0x00, G: 0x7f, B: 0xff, A: 1}, // azure blue
		{R: 0, G: 0, B: 255, A: 1},        // pure blue: its complement is far out of gamut
		{R: 255, G: 0, B: 0, A: 1},
		{R: 255, G: 255, B: 0, A: 1},
		{R: 0xf9, G: 0xe6, B: 0x4f, A: 1},
		{R: 0x83, G: 0x25, B: 0x61, A: 1},
		{R: 0x80, G: 0x80, B: 0x80, A: 1}, // gray
		{R: 0, G: 0, B: 0, A: 1},
		{R: 255, G: 255, B: 255, A: 1},
		{R: 12.5, G: 200.25, B: 99.9, A: 0.5}, // unrounded, translucent
	}
	for _, b := range bases {
		for _, s := range palette.Schemes() {
			t.Run(b.Hex()+"/"+string(s), func(t *testing.T) { checkHarmony(t, b, s) })
		}
	}
}

func TestHarmonyRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		b := palette.Color{R: r.Float64() * 255, G: r.Float64() * 255, B: r.Float64() * 255, A: 1}
		for _, s := range palette.Schemes() {
			checkHarmony(t, b, s)
		}
		if t.Failed() {
			return
		}
	}
}

// TestHarmonyPureBlueComplement is the case clipping gets wrong: OKLCH blue
// rotated by 180° has far more chroma than sRGB allows at that lightness.
func TestHarmonyPureBlueComplement(t *testing.T) {
	blue := palette.Color{B: 255, A: 1}
	got := palette.Harmony(blue, palette.Complementary)
	l, c, h := blue.OKLCH()
	gl, gc, gh := got[1].OKLCH()
	if hueDist(gh, h+180) > 1 || math.Abs(gl-l) > 0.001 || gc >= c {
		t.Errorf("complement of blue = %s (L %.3f C %.3f h %.1f); want L %.3f, h %.1f, C < %.3f",
			got[1].Hex(), gl, gc, gh, l, math.Mod(h+180, 360), c)
	}
}

func TestHarmonyAlphaAndClamp(t *testing.T) {
	got := palette.Harmony(palette.Color{R: -20, G: 300, B: math.NaN(), A: 0.2}, palette.Triadic)
	if want := (palette.Color{R: 0, G: 255, B: 0, A: 1}); got[0] != want {
		t.Errorf("base = %v, want %v", got[0], want)
	}
	for _, c := range got {
		if !inGamut(c) {
			t.Errorf("%v not in gamut", c)
		}
	}
}

func TestHarmonyUnknownScheme(t *testing.T) {
	b := palette.Color{R: 1, G: 2, B: 3, A: 1}
	if got := palette.Harmony(b, "nope"); len(got) != 1 || got[0] != b {
		t.Errorf("Harmony(unknown) = %v, want only the base", got)
	}
}

func TestParseScheme(t *testing.T) {
	tests := []struct {
		name, in string
		want     palette.Scheme
		wantErr  string
	}{
		{name: "exact", in: "triadic", want: palette.Triadic},
		{name: "case", in: "Split-Complementary", want: palette.SplitComplementary},
		{name: "spaces", in: "  MONOCHROMATIC ", want: palette.Monochromatic},
		{name: "unknown", in: "square", wantErr: `unknown harmony scheme "square" (valid: complementary, analogous, triadic, split-complementary, tetradic, monochromatic)`},
		{name: "empty", in: "", wantErr: `unknown harmony scheme ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := palette.ParseScheme(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("ParseScheme(%q) error = %v, want %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseScheme(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
	for _, s := range palette.Schemes() {
		if got, err := palette.ParseScheme(string(s)); err != nil || got != s {
			t.Errorf("ParseScheme(%q) = %q, %v", s, got, err)
		}
	}
}

func TestSchemesIsACopy(t *testing.T) {
	s := palette.Schemes()
	s[0] = "x"
	if palette.Schemes()[0] != palette.Complementary {
		t.Error("Schemes shares its backing array")
	}
}

// TestFromOKLCHRoundTrip checks the conversion both ways to well below one
// 8-bit step (the published matrices carry 10 digits).
func TestFromOKLCHRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		c := palette.Color{R: r.Float64() * 255, G: r.Float64() * 255, B: r.Float64() * 255, A: 1}
		got := palette.FromOKLCH(c.OKLCH())
		if math.Abs(got.R-c.R) > 1e-3 || math.Abs(got.G-c.G) > 1e-3 || math.Abs(got.B-c.B) > 1e-3 {
			t.Fatalf("FromOKLCH(%v.OKLCH()) = %v", c, got)
		}
	}
	for _, in := range [][3]float64{{math.NaN(), 0, 0}, {2, 1, 0}, {-1, 0.1, 10}, {0.5, math.Inf(1), -30}, {0.5, 0.1, math.Inf(-1)}} {
		if got := palette.FromOKLCH(in[0], in[1], in[2]); !inGamut(got) {
			t.Errorf("FromOKLCH(%v) = %v, out of gamut", in, got)
		}
	}
}

// TestOKLCHReference compares with the OKLCH values CSS Color 4
// implementations (culori, color.js) give for the sRGB primaries.
func TestOKLCHReference(t *testing.T) {
	tests := []struct {
		c        palette.Color
		l, c2, h float64
	}{
		{palette.Color{R: 255, A: 1}, 0.62796, 0.25768, 29.234},
		{palette.Color{G: 255, A: 1}, 0.86644, 0.29483, 142.495},
		{palette.Color{B: 255, A: 1}, 0.45201, 0.31321, 264.052},
		{palette.Color{R: 255, G: 255, B: 255, A: 1}, 1, 0, -1},
	}
	for _, tt := range tests {
		l, c, h := tt.c.OKLCH()
		if math.Abs(l-tt.l) > 1e-4 || math.Abs(c-tt.c2) > 1e-4 || tt.h >= 0 && math.Abs(h-tt.h) > 0.01 {
			t.Errorf("%s.OKLCH() = %.5f %.5f %.3f, want %.5f %.5f %.3f", tt.c.Hex(), l, c, h, tt.l, tt.c2, tt.h)
		}
	}
}

func FuzzHarmony(f *testing.F) {
	f.Add(0.0, 0.0, 255.0, uint8(0))
	f.Add(66.0, 184.0, 131.0, uint8(5))
	f.Add(255.0, 255.0, 255.0, uint8(4))
	f.Add(-1.0, 300.0, math.NaN(), uint8(2))
	f.Add(12.5, 0.001, 254.999, uint8(3))
	f.Fuzz(func(t *testing.T, r, g, b float64, si uint8) {
		schemes := palette.Schemes()
		s := schemes[int(si)%len(schemes)]
		base := palette.Color{R: r, G: g, B: b, A: 1}
		got := palette.Harmony(base, s)
		if len(got) != 1+len(wantOffsets[s]) {
			t.Fatalf("Harmony(%v, %s) gave %d colors", base, s, len(got))
		}
		_, bc, _ := got[0].OKLCH()
		for i, c := range got {
			if !inGamut(c) {
				t.Fatalf("Harmony(%v, %s)[%d] = %v: out of gamut", base, s, i, c)
			}
			if _, ch, _ := c.OKLCH(); ch > bc+1e-6 {
				t.Errorf("Harmony(%v, %s)[%d] = %v: chroma %.6f > base %.6f", base, s, i, c, ch, bc)
			}
		}
		if in := (palette.Color{R: r, G: g, B: b, A: 1}); inGamut(in) {
			checkHarmony(t, in, s)
		}
	})
}
