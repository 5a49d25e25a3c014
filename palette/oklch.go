package palette

import "math"

// OKLCH conversions. OKLab is Björn Ottosson's perceptual space ("A
// perceptual color space for image processing", 2020,
// https://bottosson.github.io/posts/oklab/), computed with the linear-sRGB
// matrices of his reference code, and OKLCH is its polar form as defined in
// CSS Color 4 §9 (https://www.w3.org/TR/css-color-4/#ok-lab). The sRGB
// transfer function is IEC 61966-2-1's (threshold 0.04045, exponent 2.4),
// applied to the unrounded channels.
//
// go-colorful's OkLch (and the OkLab under it) is not used: in v1.4.1 its
// XyzToOkLab and OkLabToXyz are not inverses of each other, so a round trip
// sRGB -> OkLch -> sRGB moves a channel by up to 0.95 (of 255; measured on a
// 86^3 grid of 8-bit colors), enough to change a written hex digit, and a hue
// rotation could come back with more chroma than it started with. Its open
// pull request #88 fixes the matrices. Ottosson's matrices here round-trip
// to about 1e-7 (TestFromOKLCHRoundTrip), and identity colors, which are
// frozen, are computed with them.

// gamutEpsilon is how far (in 0..1 sRGB units) a converted channel may lie
// outside 0..1 and still count as in gamut. The XYZ round trip is not exact:
// OKLCH(1, 0, 0) comes back as 1.0000001 in blue.
const gamutEpsilon = 1e-6

// OKLCH returns c in OKLCH: lightness l in 0..1, chroma ch from 0 (gray) to
// about 0.37 for sRGB colors, and hue h in degrees 0..360 (meaningless when
// ch is near 0). The channels are read unrounded and alpha is ignored.
func (c Color) OKLCH() (l, ch, h float64) {
	l, a, b := linearToOKLab(srgbToLinear(c.R/255), srgbToLinear(c.G/255), srgbToLinear(c.B/255))
	ch = math.Hypot(a, b)
	h = math.Atan2(b, a) * 180 / math.Pi
	if h < 0 {
		h += 360
	}
	return l, ch, h
}

// FromOKLCH returns the opaque sRGB color with OKLCH lightness l (0..1),
// chroma c and hue h (degrees, any value; taken modulo 360).
//
// A color outside the sRGB gamut is mapped back by lowering its chroma at
// fixed l and h (a binary search, as in the CSS Color 4 gamut-mapping
// algorithm, §13.2, but never finishing with a channel clip), so lightness
// and hue survive and only vividness is lost. Clipping channels instead would
// shift the hue: go-colorful's Clamped turns an out-of-gamut OKLCH blue
// toward purple. l is clamped to 0..1, c below 0 is taken as 0, and NaN
// inputs give black. The channels of the result are unrounded.
func FromOKLCH(l, c, h float64) Color {
	if math.IsNaN(l) || math.IsNaN(c) || math.IsNaN(h) || math.IsInf(h, 0) {
		return Color{A: 1}
	}
	l = math.Max(0, math.Min(1, l))
	c = math.Max(0, c)
	if math.IsInf(c, 1) {
		c = 1 // far outside any gamut; the search below brings it in
	}
	h = math.Mod(h, 360)
	if h < 0 {
		h += 360
	}
	if rgb, ok := oklchInGamut(l, c, h); ok {
		return fromUnit(rgb)
	}
	// Binary search for the largest in-gamut chroma. Chroma 0 is always in
	// gamut (within gamutEpsilon), so lo stays valid; 40 halvings of a range
	// below 1 leave an error under 1e-12, far below one 8-bit step.
	lo, hi := 0.0, c
	best, _ := oklchInGamut(l, 0, h)
	for range 40 {
		mid := (lo + hi) / 2
		if rgb, ok := oklchInGamut(l, mid, h); ok {
			lo, best = mid, rgb
		} else {
			hi = mid
		}
	}
	return fromUnit(best)
}

// oklchInGamut converts to gamma-encoded sRGB in 0..1 and reports whether
// the result lies within gamutEpsilon of the sRGB cube.
func oklchInGamut(l, c, h float64) ([3]float64, bool) {
	hr := h * math.Pi / 180
	r, g, b := okLabToLinear(l, c*math.Cos(hr), c*math.Sin(hr))
	rgb := [3]float64{linearToSRGB(r), linearToSRGB(g), linearToSRGB(b)}
	ok := true
	for _, v := range rgb {
		if !(v >= -gamutEpsilon && v <= 1+gamutEpsilon) { // also false for NaN
			ok = false
		}
	}
	return rgb, ok
}

// fromUnit converts in-gamut 0..1 sRGB channels to an opaque Color. They are
// clamped to 0..1 first: the only excess left at this point is the
// conversion noise allowed by gamutEpsilon, which moves no 8-bit value.
func fromUnit(rgb [3]float64) Color {
	return Color{R: clamp01(rgb[0]) * 255, G: clamp01(rgb[1]) * 255, B: clamp01(rgb[2]) * 255, A: 1}
}

// linearToOKLab is Ottosson's linear_srgb_to_oklab.
func linearToOKLab(r, g, b float64) (l, a, bb float64) {
	lc := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*b)
	mc := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*b)
	sc := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*b)
	return 0.2104542553*lc + 0.7936177850*mc - 0.0040720468*sc,
		1.9779984951*lc - 2.4285922050*mc + 0.4505937099*sc,
		0.0259040371*lc + 0.7827717662*mc - 0.8086757660*sc
}

// okLabToLinear is Ottosson's oklab_to_linear_srgb.
func okLabToLinear(l, a, b float64) (r, g, bb float64) {
	lc := l + 0.3963377774*a + 0.2158037573*b
	mc := l - 0.1055613458*a - 0.0638541728*b
	sc := l - 0.0894841775*a - 1.2914855480*b
	lc, mc, sc = lc*lc*lc, mc*mc*mc, sc*sc*sc
	return 4.0767416621*lc - 3.3077115913*mc + 0.2309699292*sc,
		-1.2684380046*lc + 2.6097574011*mc - 0.3413193965*sc,
		-0.0041960863*lc - 0.7034186147*mc + 1.7076147010*sc
}

// srgbToLinear decodes one sRGB channel in 0..1 (IEC 61966-2-1), extended
// by symmetry to negative values.
func srgbToLinear(v float64) float64 {
	a := math.Abs(v)
	if a <= 0.04045 {
		return v / 12.92
	}
	return math.Copysign(math.Pow((a+0.055)/1.055, 2.4), v)
}

// linearToSRGB encodes one linear channel, the inverse of srgbToLinear.
func linearToSRGB(v float64) float64 {
	a := math.Abs(v)
	if a <= 0.0031308 {
		return v * 12.92
	}
	return math.Copysign(1.055*math.Pow(a, 1/2.4)-0.055, v)
}

// rounded8 returns c with its channels rounded to whole 0..255 values, exactly
// what c.Hex() would write, and alpha rounded to the byte c.Hex() would write
// (so an opaque color stays exactly 1).
func rounded8(c Color) Color {
	r, g, b := c.RGB8()
	a := 1.0
	if c.A < 1 {
		a = float64(c.alpha8()) / 255
	}
	return Color{R: float64(r), G: float64(g), B: float64(b), A: a}
}
