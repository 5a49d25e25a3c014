package palette

import (
	"math/rand/v2"
	"testing"

	colorful "github.com/lucasb-eyer/go-colorful"
)

// TestDeltaE00MatchesColorful holds DeltaE00 to go-colorful's
// DistanceCIEDE2000, bit for bit, on random colors (8-bit and unrounded),
// grays, and equal pairs.
func TestDeltaE00MatchesColorful(t *testing.T) {
	ref := func(a, b Color) float64 {
		ca := colorful.Color{R: a.R / 255, G: a.G / 255, B: a.B / 255}
		cb := colorful.Color{R: b.R / 255, G: b.G / 255, B: b.B / 255}
		return ca.DistanceCIEDE2000(cb) * 100
	}
	r := rand.New(rand.NewPCG(3, 4))
	random := func(round bool) Color {
		c := Color{R: r.Float64() * 255, G: r.Float64() * 255, B: r.Float64() * 255, A: 1}
		if round {
			c = Color{R: float64(r.IntN(256)), G: float64(r.IntN(256)), B: float64(r.IntN(256)), A: 1}
		}
		return c
	}
	var pairs [][2]Color
	for i := range 20000 {
		pairs = append(pairs, [2]Color{random(i%2 == 0), random(i%3 == 0)})
	}
	for v := 0.0; v <= 255; v += 17 {
		gray := Color{R: v, G: v, B: v, A: 1}
		pairs = append(pairs, [2]Color{gray, {R: 255 - v, G: 255 - v, B: 255 - v, A: 1}}, [2]Color{gray, gray}, [2]Color{gray, random(true)})
	}
	for _, p := range pairs {
		if got, want := DeltaE00(p[0], p[1]), ref(p[0], p[1]); got != want {
			t.Fatalf("DeltaE00(%v, %v) = %v, go-colorful gives %v", p[0], p[1], got, want)
		}
	}
}
