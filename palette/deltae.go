package palette

import colorful "github.com/lucasb-eyer/go-colorful"

// DeltaE00 returns the CIEDE2000 color difference of a and b (CIE 142-2001;
// Sharma, Wu and Dalal 2005) in textbook units, where about 1 is a
// just-noticeable difference and 100 is black against white. The colors are
// converted to CIELAB under D65. Alpha is ignored and the channels are read
// unrounded.
//
// It is go-colorful's Lab and DistanceCIEDE2000, times 100: go-colorful
// works with L in 0..1.
func DeltaE00(a, b Color) float64 {
	ca := colorful.Color{R: a.R / 255, G: a.G / 255, B: a.B / 255}
	cb := colorful.Color{R: b.R / 255, G: b.G / 255, B: b.B / 255}
	return ca.DistanceCIEDE2000(cb) * 100
}
