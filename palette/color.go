package palette

import (
	"fmt"
	"math"
)

// Color is a color in sRGB with alpha, stored the way tinycolor2 stores it:
// R, G and B are unrounded floats in 0..255 and A is in 0..1. Keeping the
// channels unrounded is what makes derived values match Peacock exactly;
// rounding happens only when a color is formatted or measured.
//
// Color implements image/color.Color.
type Color struct {
	R, G, B float64 // 0..255, not rounded
	A       float64 // 0..1
}

// RGB8 returns the channels rounded half up to 0..255, as tinycolor's toRgb does.
func (c Color) RGB8() (r, g, b uint8) {
	return round8(c.R), round8(c.G), round8(c.B)
}

func round8(v float64) uint8 {
	v = math.Round(v) // JS Math.round == math.Round for non-negative values
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

// alpha8 returns the alpha as a byte, rounded as tinycolor's toHex8 does.
func (c Color) alpha8() uint8 { return round8(c.A * 255) }

// Hex formats c as Peacock does (formatHex): lowercase "#rrggbb" when the
// color is opaque, "#rrggbbaa" when its alpha is below 1. Never a short form.
func (c Color) Hex() string {
	r, g, b := c.RGB8()
	if c.A < 1 {
		return fmt.Sprintf("#%02x%02x%02x%02x", r, g, b, c.alpha8())
	}
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}

// Hex6 formats c as lowercase "#rrggbb", ignoring alpha.
func (c Color) Hex6() string {
	r, g, b := c.RGB8()
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}

// RGBA implements image/color.Color: alpha-premultiplied 16-bit channels.
func (c Color) RGBA() (r, g, b, a uint32) {
	r8, g8, b8 := c.RGB8()
	a16 := uint32(math.Round(clamp01(c.A) * 0xffff))
	r = uint32(r8) * 0x101 * a16 / 0xffff
	g = uint32(g8) * 0x101 * a16 / 0xffff
	b = uint32(b8) * 0x101 * a16 / 0xffff
	return r, g, b, a16
}

func clamp01(v float64) float64 {
	if v < 0 {
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}
