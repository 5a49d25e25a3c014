package palette

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Scheme names a color harmony: a rule for picking colors that go with a
// base color by rotating its hue on the color wheel (or, for Monochromatic,
// by changing its lightness).
type Scheme string

// The harmony schemes. Hue offsets are in degrees on the OKLCH hue circle.
const (
	Complementary      Scheme = "complementary"       // +180
	Analogous          Scheme = "analogous"           // -30, +30
	Triadic            Scheme = "triadic"             // +120, +240
	SplitComplementary Scheme = "split-complementary" // +150, +210
	Tetradic           Scheme = "tetradic"            // +90, +180, +270 (a square)
	Monochromatic      Scheme = "monochromatic"       // same hue and chroma, four more lightness steps
)

// schemeOffsets gives, for each hue-rotating scheme, the offsets of the
// colors that follow the base, in output order (none for any other
// scheme). A switch over constant tables: nothing is built at start-up.
func schemeOffsets(s Scheme) []float64 {
	switch s {
	case Complementary:
		return offsetsComplementary[:]
	case Analogous:
		return offsetsAnalogous[:]
	case Triadic:
		return offsetsTriadic[:]
	case SplitComplementary:
		return offsetsSplitComplementary[:]
	case Tetradic:
		return offsetsTetradic[:]
	}
	return nil
}

var (
	offsetsComplementary      = [...]float64{180}
	offsetsAnalogous          = [...]float64{-30, 30}
	offsetsTriadic            = [...]float64{120, 240}
	offsetsSplitComplementary = [...]float64{150, 210}
	offsetsTetradic           = [...]float64{90, 180, 270}
)

// Schemes returns every harmony scheme, in a fixed order suitable for menus
// and help text. The slice is a fresh copy.
func Schemes() []Scheme {
	return []Scheme{Complementary, Analogous, Triadic, SplitComplementary, Tetradic, Monochromatic}
}

// ParseScheme returns the scheme whose name is name, ignoring case and
// surrounding spaces. The error of an unknown name lists the valid ones.
func ParseScheme(name string) (Scheme, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if s := Scheme(n); slices.Contains(Schemes(), s) {
		return s, nil
	}
	names := make([]string, 0, len(Schemes()))
	for _, s := range Schemes() {
		names = append(names, string(s))
	}
	return "", fmt.Errorf("unknown harmony scheme %q (valid: %s)", name, strings.Join(names, ", "))
}

// monoStep is the OKLCH lightness distance between neighbouring colors of a
// monochromatic scheme, and monoMin..monoMax the lightness range they are
// kept in: darker steps are near black and lighter ones near white, where
// every hue looks the same.
const (
	monoStep = 0.1
	monoMin  = 0.2
	monoMax  = 0.95
)

// Harmony returns base followed by the colors of scheme, all opaque (alpha 1)
// and with unrounded channels. base is returned first as given, except that
// its alpha is set to 1 and channels outside 0..255 are clamped.
//
// The work is done in OKLCH (see FromOKLCH), where equal hue steps look
// equally far apart, unlike HSL: each new color keeps the base's lightness L
// and chroma C and moves only its hue h by the scheme's offsets, in this
// order:
//
//	complementary        base, h+180
//	analogous            base, h-30, h+30
//	triadic              base, h+120, h+240
//	split-complementary  base, h+150, h+210
//	tetradic             base, h+90, h+180, h+270
//	monochromatic        base, then 4 colors of the same h and C, darkest first
//
// A rotated color that falls outside sRGB gets less chroma at the same L and
// h (never a clipped channel), so the hue offsets stay exact and chroma never
// grows. The monochromatic colors sit at L±0.1 and L±0.2 of the base, or, if
// those leave the range 0.2..0.95, at the four steps of 0.1 nearest to the
// base inside that range.
//
// A gray base (C near 0) has no hue: its rotations are the same gray. An
// unknown scheme returns only the base.
func Harmony(base Color, scheme Scheme) []Color {
	base = sanitize(base)
	l, c, h := base.OKLCH()
	out := []Color{base}
	if scheme == Monochromatic {
		for _, ml := range monoLightness(l) {
			out = append(out, FromOKLCH(ml, c, h))
		}
		return out
	}
	for _, off := range schemeOffsets(scheme) {
		out = append(out, FromOKLCH(l, c, h+off))
	}
	return out
}

// monoLightness returns the four lightness values of a monochromatic scheme
// around l, ascending: the nearest l+k·monoStep (k ≠ 0, preferring small |k|
// and, at equal |k|, the darker) that lie in monoMin..monoMax.
func monoLightness(l float64) []float64 {
	var ls []float64
	for k := 1; len(ls) < 4 && k <= 20; k++ {
		for _, v := range [2]float64{l - float64(float64(k)*monoStep), l + float64(float64(k)*monoStep)} {
			if len(ls) < 4 && v >= monoMin-1e-9 && v <= monoMax+1e-9 {
				ls = append(ls, v)
			}
		}
	}
	slices.Sort(ls)
	return ls
}

// sanitize returns c opaque with channels clamped to 0..255 (NaN taken as 0).
func sanitize(c Color) Color {
	ch := func(v float64) float64 {
		if math.IsNaN(v) {
			return 0
		}
		return math.Max(0, math.Min(255, v))
	}
	return Color{R: ch(c.R), G: ch(c.G), B: ch(c.B), A: 1}
}
