package palette

import (
	"math"
	"strconv"
)

// This file ports the conversion core of tinycolor2 1.6.0 (the colour
// library of the Peacock extension) operation for operation. Peacock's
// output depends on tinycolor's float rounding, its clamping and a few
// quirks (percent truncation in bound01, rounding of channels below 1), so
// the formulas below keep the JavaScript evaluation order; explicit
// float64(...) conversions around products stop the compiler from fusing
// x*y+z into an FMA, which would round differently than V8 does.

// HSL returns c in HSL the way tinycolor's toHsl does: h in degrees 0..360
// (0 for grays), s and l in 0..1, unrounded (mjijackson's rgbToHsl).
func (c Color) HSL() (h, s, l float64) {
	h, s, l = rgbToHSL(c.R, c.G, c.B)
	// The conversion keeps h*360 rounded when a caller adds to it (h+180
	// in Complement), which arm64 and amd64 v3 would otherwise fuse.
	return float64(h * 360), s, l
}

// HSV returns c in HSV the way tinycolor's toHsv does: h in degrees 0..360,
// s and v in 0..1.
func (c Color) HSV() (h, s, v float64) {
	h, s, v = rgbToHSV(c.R, c.G, c.B)
	return float64(h * 360), s, v
}

// FromHSL builds a color the way tinycolor({h, s, l, a}) does, which is how
// tinycolor's lighten, darken, complement and triad rebuild their results:
//
//   - h is in degrees, clamped to 0..360 (360 is the same as 0);
//   - s and l of at most 1 are fractions, but they pass through tinycolor's
//     percent strings, so they are truncated to 4 decimals (l = 0.29 becomes
//     0.2899); values above 1 are read as percentages (50 means 0.5), taken
//     modulo 100;
//   - a outside 0..1 (or NaN) means opaque;
//   - channels that come out below 1 are rounded to 0 or 1.
//
// NaN or infinite h, s or l give black, as tinycolor does for invalid input.
func FromHSL(h, s, l, a float64) Color {
	if !finite(h) || !finite(s) || !finite(l) {
		return Color{A: boundAlpha(a)}
	}
	r, g, b := hslToRGB(bound01Num(h, 360), objectPercent(s), objectPercent(l))
	return newColor(r, g, b, boundAlpha(a))
}

// FromHSV builds a color the way tinycolor({h, s, v, a}) does; the
// arguments follow the same rules as FromHSL.
func FromHSV(h, s, v, a float64) Color {
	if !finite(h) || !finite(s) || !finite(v) {
		return Color{A: boundAlpha(a)}
	}
	r, g, b := hsvToRGB(bound01Num(h, 360), objectPercent(s), objectPercent(v))
	return newColor(r, g, b, boundAlpha(a))
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// newColor finishes a tinycolor construction: inputToRGB clamps the
// channels to 0..255, then the constructor rounds any channel below 1
// ("don't let the range of [0,255] come back in [0,1]").
func newColor(r, g, b, a float64) Color {
	return Color{R: ctorChannel(r), G: ctorChannel(g), B: ctorChannel(b), A: a}
}

func ctorChannel(v float64) float64 {
	v = min(255, max(v, 0))
	if v < 1 {
		v = math.Round(v) // JS Math.round; v >= 0 here
	}
	return v
}

// boundAlpha is tinycolor's boundAlpha for a number: outside 0..1 or NaN
// means 1.
func boundAlpha(a float64) float64 {
	if math.IsNaN(a) || a < 0 || a > 1 {
		return 1
	}
	return a
}

// bound01Num is tinycolor's bound01(n, limit) for a number n (no percent):
// clamp to 0..limit, snap values within 1e-6 of limit to 1, else
// n%limit/limit.
func bound01Num(n, limit float64) float64 {
	n = min(limit, max(0, n))
	if math.Abs(n-limit) < 0.000001 {
		return 1
	}
	return jsMod(n, limit) / limit
}

// bound01Percent is tinycolor's bound01(n, limit) for a percent string
// whose numeric value is p: the percentage is clamped to 0..limit (sic),
// scaled by limit and truncated with parseInt, then divided by 100.
func bound01Percent(p, limit float64) float64 {
	n := min(limit, max(0, p))
	n = jsParseIntNumber(n*limit) / 100
	if math.Abs(n-limit) < 0.000001 {
		return 1
	}
	return jsMod(n, limit) / limit
}

// jsMod is JavaScript's n % m (math.Mod) for n >= 0 and m > 0, with fast
// paths: math.Mod is slow, n < m gives n itself, and below 2m the
// subtraction is exact (Sterbenz), as fmod is.
func jsMod(n, m float64) float64 {
	if n < m {
		return n
	}
	if n < 2*m {
		return n - m
	}
	return math.Mod(n, m)
}

// objectPercent is what tinycolor does with the s, l or v of an object:
// convertToPercentage turns x <= 1 into the string String(x*100)+"%", which
// bound01(…, 100) parses back with truncation to 4 decimals of the
// fraction; larger values stay numbers.
func objectPercent(x float64) float64 {
	if x <= 1 {
		return bound01Percent(x*100, 100)
	}
	return bound01Num(x, 100)
}

// jsParseIntNumber is parseInt(x, 10) for a non-negative number x, which
// JavaScript first turns into its shortest string: below 1e-6 (and from
// 1e21) that string is in exponent form, so only its first digit survives.
func jsParseIntNumber(x float64) float64 {
	if x == 0 || math.IsNaN(x) {
		return 0
	}
	if x < 1e-6 || x >= 1e21 {
		var buf [32]byte
		s := strconv.AppendFloat(buf[:0], x, 'e', -1, 64)
		return float64(s[0] - '0')
	}
	return math.Trunc(x)
}

// rgbToHSL is mjijackson's rgbToHsl as in tinycolor: channels 0..255 in,
// h, s, l in 0..1 out.
func rgbToHSL(r, g, b float64) (h, s, l float64) {
	r = bound01Num(r, 255)
	g = bound01Num(g, 255)
	b = bound01Num(b, 255)
	hi := max(r, g, b)
	lo := min(r, g, b)
	l = (hi + lo) / 2
	if hi == lo {
		return 0, 0, l // achromatic
	}
	d := hi - lo
	if l > 0.5 {
		s = d / (2 - hi - lo)
	} else {
		s = d / (hi + lo)
	}
	return hue(r, g, b, hi, d), s, l
}

// hslToRGB is tinycolor's hslToRgb after bound01: h, s, l in 0..1, channels
// 0..255 out.
func hslToRGB(h, s, l float64) (r, g, b float64) {
	if s == 0 {
		r, g, b = l, l, l // achromatic
	} else {
		var q float64
		if l < 0.5 {
			q = float64(l * (1 + s))
		} else {
			q = l + s - float64(l*s)
		}
		p := float64(2*l) - q
		r = hue2rgb(p, q, h+1.0/3)
		g = hue2rgb(p, q, h)
		b = hue2rgb(p, q, h-1.0/3)
	}
	return r * 255, g * 255, b * 255
}

func hue2rgb(p, q, t float64) float64 {
	if t < 0 {
		t++
	}
	if t > 1 {
		t--
	}
	if t < 1.0/6 {
		return p + float64(float64((q-p)*6)*t)
	}
	if t < 1.0/2 {
		return q
	}
	if t < 2.0/3 {
		return p + float64(float64((q-p)*(2.0/3-t))*6)
	}
	return p
}

// rgbToHSV is tinycolor's rgbToHsv: channels 0..255 in, h, s, v in 0..1.
func rgbToHSV(r, g, b float64) (h, s, v float64) {
	r = bound01Num(r, 255)
	g = bound01Num(g, 255)
	b = bound01Num(b, 255)
	hi := max(r, g, b)
	lo := min(r, g, b)
	v = hi
	d := hi - lo
	if hi != 0 {
		s = d / hi
	}
	if hi == lo {
		return 0, s, v
	}
	return hue(r, g, b, hi, d), s, v
}

// hue is the hue (in turns, 0..1) shared by mjijackson's rgbToHsl and
// rgbToHsv: r, g, b in 0..1, hi their maximum, d = hi - min > 0.
func hue(r, g, b, hi, d float64) float64 {
	var h float64
	switch hi {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6
}

// hsvToRGB is tinycolor's hsvToRgb after bound01: h, s, v in 0..1.
func hsvToRGB(h, s, v float64) (r, g, b float64) {
	h = float64(h * 6) // not fused into h*6 - i below
	i := math.Floor(h)
	f := h - i
	p := v * (1 - s)
	q := v * (1 - float64(f*s))
	t := v * (1 - float64((1-f)*s))
	switch int(math.Mod(i, 6)) {
	case 0:
		r, g, b = v, t, p
	case 1:
		r, g, b = q, v, p
	case 2:
		r, g, b = p, v, t
	case 3:
		r, g, b = p, q, v
	case 4:
		r, g, b = t, p, v
	default:
		r, g, b = v, p, q
	}
	return r * 255, g * 255, b * 255
}
