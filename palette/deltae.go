package palette

import "math"

// DeltaE00 returns the CIEDE2000 color difference of a and b (CIE 142-2001;
// Sharma, Wu and Dalal 2005) in textbook units, where about 1 is a
// just-noticeable difference and 100 is black against white. The colors are
// converted to CIELAB under D65. Alpha is ignored and the channels are read
// unrounded.
//
// It is go-colorful's (v1.4.1, MIT licence) Lab and DistanceCIEDE2000,
// operation for operation, so that it gives the same bits: go-colorful
// works with L in 0..1 and returns one hundredth of this. It is copied
// rather than imported because go-colorful's package brings
// database/sql/driver, whose initialization every peacock run would pay
// for one function; TestDeltaE00MatchesColorful holds the two equal.
func DeltaE00(a, b Color) float64 {
	l1, a1, b1 := labD65(a.R/255, a.G/255, a.B/255)
	l2, a2, b2 := labD65(b.R/255, b.G/255, b.B/255)

	// As with CIE94, scale up the ranges of L,a,b beforehand and scale
	// them down again afterwards.
	l1, a1, b1 = l1*100.0, a1*100.0, b1*100.0
	l2, a2, b2 = l2*100.0, a2*100.0, b2*100.0

	cab1 := math.Sqrt(sq(a1) + sq(b1))
	cab2 := math.Sqrt(sq(a2) + sq(b2))
	cabmean := (cab1 + cab2) / 2

	g := 0.5 * (1 - math.Sqrt(math.Pow(cabmean, 7)/(math.Pow(cabmean, 7)+math.Pow(25, 7))))
	ap1 := (1 + g) * a1
	ap2 := (1 + g) * a2
	cp1 := math.Sqrt(sq(ap1) + sq(b1))
	cp2 := math.Sqrt(sq(ap2) + sq(b2))

	hp1 := 0.0
	if b1 != ap1 || ap1 != 0 {
		hp1 = math.Atan2(b1, ap1)
		if hp1 < 0 {
			hp1 += math.Pi * 2
		}
		hp1 *= 180 / math.Pi
	}
	hp2 := 0.0
	if b2 != ap2 || ap2 != 0 {
		hp2 = math.Atan2(b2, ap2)
		if hp2 < 0 {
			hp2 += math.Pi * 2
		}
		hp2 *= 180 / math.Pi
	}

	deltaLp := l2 - l1
	deltaCp := cp2 - cp1
	dhp := 0.0
	cpProduct := cp1 * cp2
	if cpProduct != 0 {
		dhp = hp2 - hp1
		if dhp > 180 {
			dhp -= 360
		} else if dhp < -180 {
			dhp += 360
		}
	}
	deltaHp := 2 * math.Sqrt(cpProduct) * math.Sin(dhp/2*math.Pi/180)

	lpmean := (l1 + l2) / 2
	cpmean := (cp1 + cp2) / 2
	hpmean := hp1 + hp2
	if cpProduct != 0 {
		hpmean /= 2
		if math.Abs(hp1-hp2) > 180 {
			if hp1+hp2 < 360 {
				hpmean += 180
			} else {
				hpmean -= 180
			}
		}
	}

	t := 1 - 0.17*math.Cos((hpmean-30)*math.Pi/180) + 0.24*math.Cos(2*hpmean*math.Pi/180) + 0.32*math.Cos((3*hpmean+6)*math.Pi/180) - 0.2*math.Cos((4*hpmean-63)*math.Pi/180)
	deltaTheta := 30 * math.Exp(-sq((hpmean-275)/25))
	rc := 2 * math.Sqrt(math.Pow(cpmean, 7)/(math.Pow(cpmean, 7)+math.Pow(25, 7)))
	sl := 1 + (0.015*sq(lpmean-50))/math.Sqrt(20+sq(lpmean-50))
	sc := 1 + 0.045*cpmean
	sh := 1 + 0.015*cpmean*t
	rt := -math.Sin(2*deltaTheta*math.Pi/180) * rc

	// go-colorful divides by kL*sl, kC*sc and kH*sh with each k 1, which
	// leaves the values exact.
	return math.Sqrt(sq(deltaLp/sl)+sq(deltaCp/sc)+sq(deltaHp/sh)+rt*(deltaCp/sc)*(deltaHp/sh)) * 0.01 * 100
}

func sq(v float64) float64 { return v * v }

// labD65 is go-colorful's Color.Lab: sRGB channels in 0..1 to CIELAB
// (L in 0..1) under the D65 white.
func labD65(r, g, b float64) (l, a, bb float64) {
	lr, lg, lb := linearizeColorful(r), linearizeColorful(g), linearizeColorful(b)
	x := 0.41239079926595948*lr + 0.35758433938387796*lg + 0.18048078840183429*lb
	y := 0.21263900587151036*lr + 0.71516867876775593*lg + 0.072192315360733715*lb
	z := 0.019330818715591851*lr + 0.11919477979462599*lg + 0.95053215224966058*lb
	fy := labF(y / 1.00000)
	l = 1.16*fy - 0.16
	a = 5.0 * (labF(x/0.95047) - fy)
	bb = 2.0 * (fy - labF(z/1.08883))
	return
}

func linearizeColorful(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func labF(t float64) float64 {
	if t > 6.0/29.0*6.0/29.0*6.0/29.0 {
		return math.Cbrt(t)
	}
	return t/3.0*29.0/6.0*29.0/6.0 + 4.0/29.0
}
