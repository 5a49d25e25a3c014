package palette

import "math/rand/v2"

// Random returns a random opaque color with each channel uniform in 0..255,
// drawn from r the way tinycolor.random() (Peacock's "Surprise me") draws
// from Math.random: fromRatio({r, g, b}) with three uniform fractions, so
// channels are multiples of 0.01 before rounding. Pass a seeded r for
// reproducible colors.
func Random(r *rand.Rand) Color {
	ch := func() float64 { return bound01Percent(r.Float64()*100, 255) * 255 }
	red, green, blue := ch(), ch(), ch()
	return newColor(red, green, blue, 1)
}
