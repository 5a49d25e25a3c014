package palette

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
)

// IdentityVersion is the version of the identity-to-color mapping of
// IdentityColor, IdentityCandidates and DistinctColor. From the first
// release that ships it, the mapping is frozen: a project must keep its color
// across releases (the Window Colors extension recolored every user's
// windows in an update, its issue #71). Any change to the colors these
// functions return, however small, needs a new version (kept selectable) and
// a new golden file; the golden test in testdata/identity-golden.json fails
// otherwise. (Version 1 was redefined once before any release, so that the
// text of every bar Peacock colors reads, not only the base color.)
const IdentityVersion = 1

// identitySalt prefixes every hashed identity, so that version 2 can use a
// new salt and leave version 1 untouched.
const identitySalt = "peacock-identity-v1\x00"

// DistinctCandidates is how many candidates of IdentityCandidates
// DistinctColor chooses from.
const DistinctCandidates = 64

// Lightness and chroma ranges of identity colors in OKLCH. Each candidate is
// either dark, under Peacock's light #e7e7e7 text, or light, under its dark
// #15202b text; mid lightness is avoided because neither reads well on it
// (see AccessibleForeground). The dark tier ends lower than the base color
// alone would need because Peacock lightens the activity bar by 10 HSL
// points, and the bar's text must still read. Within a tier, L and C vary so that candidates
// differ in more than hue, which DistinctColor needs to keep two dozen
// projects apart. The ranges were chosen, among a few tried, for the largest
// smallest CIEDE2000 distance among 24 DistinctColor picks once every
// candidate is made readable (see identityReadable).
const (
	identityDarkL0, identityDarkL1   = 0.32, 0.48
	identityLightL0, identityLightL1 = 0.68, 0.88
	identityC0, identityC1           = 0.08, 0.24
	identityLStep                    = 0.01
)

// IdentityColor returns the color of a project identity (see
// project.NormalizeIdentity; the text is hashed as given, so normalize it
// first). It is IdentityCandidates(identity, 1)[0]: a hue uniform on the
// OKLCH circle and a lightness and chroma such that, in the palette Peacock
// derives from it under default settings (Derive with DefaultSettings), the
// title, activity and status bar text all have a contrast of at least
// MinContrast with their bar. The result is opaque and exact in 8 bits (what
// its Hex() says), and frozen under IdentityVersion.
func IdentityColor(identity string) Color {
	return identityCandidate(identity, 0)
}

// IdentityCandidates returns the first n colors of the deterministic sequence
// of candidate colors for identity; the first is IdentityColor(identity).
// Candidate i is derived from SHA-256 (FIPS 180-4) of the salt
// "peacock-identity-v1\x00", i as 4 big-endian bytes, and identity:
//
//   - bytes 0..7 give the OKLCH hue h = (first 53 bits)/2⁵³ × 360°;
//   - byte 8 chooses the tier: below 128 dark (L from 0.32 to 0.48), else
//     light (L from 0.68 to 0.88);
//   - byte 9 places L in its tier, L0 + (L1−L0) × byte/255;
//   - byte 10 gives the chroma, 0.08 + 0.16 × byte/255, lowered at fixed L
//     and h if sRGB cannot show it (FromOKLCH).
//
// The color is rounded to 8 bits, then, until it is readable, L moves by
// 0.01 (down for a dark candidate, up for a light one) and the color is made
// again. Readable means that in the palette Peacock (4.3.4 or 4.4.1) derives from the
// color under its default settings, each of the three bars has a WCAG
// contrast of at least MinContrast with the foreground Peacock writes on it
// (#15202b if the bar IsLight, else #e7e7e7): the title and status bars,
// which are the color itself, and the activity bar, which is the color
// lightened by 10 (Lighten). The inactive foregrounds (the same colors at
// alpha 0x99) are not held to it: WCAG 1.4.3 exempts inactive components,
// and no light color could pass (#15202b at alpha 0x99 reaches only 4.40:1
// even on white), while a dark one would need an activity bar no lighter
// than #383838, so a near-black color. Black and white are always
// readable, so the search ends. n ≤ 0 gives nil.
func IdentityCandidates(identity string, n int) []Color {
	if n <= 0 {
		return nil
	}
	out := make([]Color, n)
	for i := range out {
		out[i] = identityCandidate(identity, uint32(i))
	}
	return out
}

func identityCandidate(identity string, i uint32) Color {
	msg := binary.BigEndian.AppendUint32([]byte(identitySalt), i)
	sum := sha256.Sum256(append(msg, identity...))

	hue := float64(binary.BigEndian.Uint64(sum[0:8])>>11) / (1 << 53) * 360
	dark := sum[8] < 128
	l0, l1 := identityDarkL0, identityDarkL1
	if !dark {
		l0, l1 = identityLightL0, identityLightL1
	}
	l := l0 + (l1-l0)*float64(sum[9])/255
	c := identityC0 + (identityC1-identityC0)*float64(sum[10])/255

	for {
		col := rounded8(FromOKLCH(l, c, hue))
		if identityReadable(col) {
			return col
		}
		// Terminates: L reaches 0 (black) or 1 (white), both readable.
		if dark {
			l = math.Max(0, l-identityLStep)
		} else {
			l = math.Min(1, l+identityLStep)
		}
	}
}

// identityReadable reports whether every bar text of the palette Peacock
// derives from the 8-bit color c under DefaultSettings reaches MinContrast:
// titleBar.activeForeground and statusBar.foreground on c itself (title and
// status bar adjustments are none), and activityBar.foreground on c
// lightened by 10 (the activity bar adjustment is lighten), each foreground
// chosen by IsLight as Derive does. TestIdentityBarsReadable checks this
// against Derive.
func identityReadable(c Color) bool {
	if Contrast(c, identityForeground(c)) < MinContrast {
		return false
	}
	a, _ := adjust(c, c.Hex(), AdjustLighten)
	return Contrast(a, identityForeground(a)) >= MinContrast
}

// identityForeground is the foreground Peacock writes on x by default.
func identityForeground(x Color) Color {
	if IsLight(x) {
		return peacockDarkForeground
	}
	return peacockLightForeground
}

// DistinctColor returns the color for identity that stands out most from the
// colors already in use: among IdentityCandidates(identity,
// DistinctCandidates), the one whose smallest DeltaE00 to any used color is
// largest, the earliest on ties. With nothing used it returns
// IdentityColor(identity). Use it to give each project of a multi-root
// workspace or of one machine its own color, assigning them one at a time
// in a stable order.
func DistinctColor(identity string, used []Color) Color {
	if len(used) == 0 {
		return IdentityColor(identity)
	}
	var best Color
	bestD := -1.0
	for _, c := range IdentityCandidates(identity, DistinctCandidates) {
		d := math.Inf(1)
		for _, u := range used {
			d = math.Min(d, DeltaE00(c, u))
		}
		if d > bestD {
			best, bestD = c, d
		}
	}
	return best
}
