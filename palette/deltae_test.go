package palette

import (
	"math"
	"testing"
)

// TestDeltaE00 checks the scale (textbook units) and the properties a
// distance has.
func TestDeltaE00(t *testing.T) {
	black, white := Color{A: 1}, Color{R: 255, G: 255, B: 255, A: 1}
	if d := DeltaE00(black, white); math.Abs(d-100) > 1e-4 {
		t.Errorf("DeltaE00(black, white) = %v, want 100", d)
	}
	red, orange := Color{R: 255, A: 1}, Color{R: 255, G: 128, A: 1}
	if d := DeltaE00(red, red); d != 0 {
		t.Errorf("DeltaE00(red, red) = %v, want 0", d)
	}
	if d1, d2 := DeltaE00(red, orange), DeltaE00(orange, red); d1 < 10 || d1 > 60 || math.Abs(d1-d2) > 1e-9 {
		t.Errorf("DeltaE00(red, orange) = %v, reversed %v: want one value between 10 and 60", d1, d2)
	}
	// One 8-bit step of green is about one just-noticeable difference or less.
	if d := DeltaE00(Color{G: 128, A: 1}, Color{G: 129, A: 1}); d <= 0 || d > 1 {
		t.Errorf("DeltaE00 of one step of green = %v, want in (0, 1]", d)
	}
}
