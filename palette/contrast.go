package palette

import "math"

// Brightness returns the perceived brightness of c in 0..255, as tinycolor's
// getBrightness: (299 R + 587 G + 114 B) / 1000 on the rounded channels
// (W3C "Techniques For Accessibility Evaluation And Repair Tools"). Alpha is ignored.
func Brightness(c Color) float64 {
	r, g, b := c.RGB8()
	return (float64(r)*299 + float64(g)*587 + float64(b)*114) / 1000
}

// IsLight reports whether c counts as light in Peacock: brightness of at
// least 128 (so #808080 is light and #7d7d7d is dark).
func IsLight(c Color) bool { return Brightness(c) >= 128 }

// Luminance returns the WCAG 2.0 relative luminance of c in 0..1, computed as
// tinycolor does: on the rounded 8-bit channels, with the sRGB threshold
// 0.03928 and weights 0.2126, 0.7152, 0.0722. Alpha is ignored.
//
// The per-channel decoding comes from linearTable, which holds the values
// node's Math.pow gives (Go's math.Pow differs in the last bit for some
// channels), so ratios match Peacock's to the bit, ties included.
func Luminance(c Color) float64 { return luminance8(c) }

// Contrast returns the WCAG 2.x contrast ratio of a and b, from 1 to 21:
// (lighter luminance + 0.05) / (darker luminance + 0.05). Both colors are
// taken as opaque; blend a translucent color first (see Over).
func Contrast(a, b Color) float64 {
	la, lb := Luminance(a), Luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// Over composites c over the opaque background bg (source-over in sRGB, as
// VS Code paints a translucent color) and returns an opaque color.
func Over(c, bg Color) Color {
	a := clamp01(c.A)
	// float64(...) keeps each product rounded, so results do not depend on
	// whether the platform fuses multiply-adds (arm64 does).
	return Color{
		R: float64(c.R*a) + float64(bg.R*(1-a)),
		G: float64(c.G*a) + float64(bg.G*(1-a)),
		B: float64(c.B*a) + float64(bg.B*(1-a)),
		A: 1,
	}
}
