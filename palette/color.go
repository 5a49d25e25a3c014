package palette

import "math"

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
	if !(v >= 0) {    // also NaN
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
// An alpha just below 1 that rounds to 255 is written "#rrggbbff", as
// Peacock does.
func (c Color) Hex() string {
	var buf [9]byte
	return string(c.appendHex(buf[:0]))
}

// Hex6 formats c as lowercase "#rrggbb", ignoring alpha.
func (c Color) Hex6() string {
	var buf [9]byte
	r, g, b := c.RGB8()
	return string(appendHex8(buf[:0], r, g, b))
}

// String returns c.Hex(), so colors print as Peacock writes them.
func (c Color) String() string { return c.Hex() }

const hexDigits = "0123456789abcdef"

// appendHex appends c.Hex() to dst without going through fmt.
func (c Color) appendHex(dst []byte) []byte {
	r, g, b := c.RGB8()
	dst = appendHex8(dst, r, g, b)
	if c.A < 1 {
		a := c.alpha8()
		dst = append(dst, hexDigits[a>>4], hexDigits[a&15])
	}
	return dst
}

func appendHex8(dst []byte, r, g, b uint8) []byte {
	return append(dst, '#',
		hexDigits[r>>4], hexDigits[r&15],
		hexDigits[g>>4], hexDigits[g&15],
		hexDigits[b>>4], hexDigits[b&15])
}

// WithAlpha returns c with its alpha replaced by a (tinycolor's setAlpha:
// a value outside 0..1, or NaN, means opaque).
func (c Color) WithAlpha(a float64) Color {
	c.A = boundAlpha(a)
	return c
}

// hexRound returns the color Parse(c.Hex()) gives: channels rounded to
// whole 0..255 values and alpha to the byte Hex writes (an alpha that
// rounds to 255 becomes exactly 1). Peacock derives every key from such
// re-parsed hex strings.
func hexRound(c Color) Color {
	r, g, b := c.RGB8()
	q := Color{R: float64(r), G: float64(g), B: float64(b), A: 1}
	if c.A < 1 {
		q.A = float64(c.alpha8()) / 255
	}
	return q
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
