package palette

import "math"

// Lighten returns c with its HSL lightness raised by percent/100, clamped
// to 1, as tinycolor's lighten(percent): the result is rebuilt through
// FromHSL, so the new lightness is truncated to 4 decimals (which is why
// #8d8c1f lightened by 10 is #b7b528, not #b7b628). Alpha is kept. As in
// tinycolor, a percent of 0 changes nothing and NaN means the default 10.
func Lighten(c Color, percent float64) Color {
	h, s, l := c.HSL()
	l = clamp01(l + amount(percent)/100)
	return FromHSL(h, s, l, c.A)
}

// Darken returns c with its HSL lightness lowered by percent/100, clamped
// to 0, as tinycolor's darken(percent); see Lighten.
func Darken(c Color, percent float64) Color {
	h, s, l := c.HSL()
	l = clamp01(l - amount(percent)/100)
	return FromHSL(h, s, l, c.A)
}

// amount is tinycolor's `amount === 0 ? 0 : amount || 10`.
func amount(percent float64) float64 {
	if math.IsNaN(percent) {
		return 10
	}
	return percent
}

// Complement returns the color opposite c on the HSL hue circle (hue + 180),
// with the same saturation, lightness and alpha, as tinycolor's complement.
func Complement(c Color) Color {
	h, s, l := c.HSL()
	return FromHSL(jsMod(h+180, 360), s, l, c.A)
}

// Triad returns the two colors 120 and 240 degrees from c on the HSL hue
// circle, as the second and third colors of tinycolor's triad(). Like
// tinycolor, they are opaque whatever the alpha of c.
func Triad(c Color) (Color, Color) {
	h, s, l := c.HSL()
	return FromHSL(jsMod(h+120, 360), s, l, 1), FromHSL(jsMod(h+240, 360), s, l, 1)
}
