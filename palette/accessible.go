package palette

// MinContrast is the contrast ratio the accessible style guarantees between
// each text color and its background: WCAG 2.2 success criterion 1.4.3
// (Contrast, Minimum, level AA) for normal-size text. Peacock itself only
// asks a ratio of 2 of its badge colors and none of its foregrounds.
const MinContrast = 4.5

// Peacock's two foreground colors (spec/peacock-compat.md §4,
// ForegroundColors): dark text on light backgrounds, light text on dark ones.
var (
	peacockDarkForeground  = Color{R: 0x15, G: 0x20, B: 0x2b, A: 1}
	peacockLightForeground = Color{R: 0xe7, G: 0xe7, B: 0xe7, A: 1}
	black                  = Color{A: 1}
	white                  = Color{R: 255, G: 255, B: 255, A: 1}
)

// pairs is the table behind Pairs.
var pairs = [...][2]string{
	{"activityBar.background", "activityBar.foreground"},
	{"activityBar.background", "activityBar.inactiveForeground"},
	{"activityBarTop.background", "activityBarTop.foreground"},
	{"activityBarTop.background", "activityBarTop.inactiveForeground"},
	{"activityBarBadge.background", "activityBarBadge.foreground"},
	{"titleBar.activeBackground", "titleBar.activeForeground"},
	{"titleBar.activeBackground", "commandCenter.foreground"},
	{"titleBar.inactiveBackground", "titleBar.inactiveForeground"},
	{"statusBar.background", "statusBar.foreground"},
	{"statusBarItem.remoteBackground", "statusBarItem.remoteForeground"},
	{"statusBar.debuggingBackground", "statusBar.debuggingForeground"},
}

// Pairs returns the (background key, foreground key) pairs of
// workbench.colorCustomizations that MakeAccessible makes readable and that
// PairContrast should judge: every pair among Peacock's keys where the
// foreground is text or an icon drawn on the background. The slice is a
// fresh copy, in a fixed order.
func Pairs() [][2]string {
	out := make([][2]string, len(pairs))
	copy(out, pairs[:])
	return out
}

// PairContrast returns the WCAG 2.x contrast ratio (see Contrast) of the
// foreground fg as it is seen on the background bg, the way MakeAccessible
// and `peacock check` judge a pair:
//
//   - a translucent fg (Peacock's inactive foregrounds, alpha 0x99) is first
//     composited over bg (see Over), because that is the color VS Code paints;
//   - a translucent bg is judged as its opaque version (alpha ignored). The
//     only one Peacock writes is titleBar.inactiveBackground, the active
//     title-bar color with alpha 0x99. VS Code paints it made opaque over the
//     theme's workbench background (titlebarPart.ts, makeOpaque over
//     WORKBENCH_BACKGROUND, for LCD text rendering), which a settings file
//     does not reveal, and no foreground reaches 4.5:1 over both a dark and
//     a light theme's result for mid-tone colors. The opaque version is also
//     what compositing over the active title bar gives, so it is judged as
//     the bar the user chose.
func PairContrast(bg, fg Color) float64 {
	bg.A = 1
	return Contrast(Over(fg, bg), bg)
}

// AccessibleForeground returns an opaque text color for the background bg
// (alpha ignored) with a contrast of at least MinContrast, preferring
// Peacock's own: the foreground Peacock would pick (#15202b when IsLight(bg),
// else #e7e7e7) if it passes, else the other one if it passes, else the
// better of the two nudged in OKLCH lightness toward black or white, at the
// same chroma and hue, until it passes (reaching #000000 or #ffffff at worst).
// The result is exact in 8 bits: it is what its Hex() says.
//
// A foreground always exists: a background's contrasts with black and with
// white multiply to 21, so one of them is at least √21 ≈ 4.58.
func AccessibleForeground(bg Color) Color {
	return accessibleForeground(bg, 1)
}

// MakeAccessible returns a copy of m, a workbench.colorCustomizations map as
// Peacock derives it (keys such as "titleBar.activeBackground", values
// "#rrggbb" or "#rrggbbaa"), in which every pair of Pairs present in m has a
// PairContrast of at least MinContrast. Only foregrounds change; backgrounds
// and every other key keep their exact text, and keys absent from m stay
// absent. The result is idempotent: MakeAccessible of it changes nothing.
//
// A foreground that already passes is kept as written, so custom
// peacock.darkForegroundColor / lightForegroundColor values survive when
// readable. Otherwise it is replaced as AccessibleForeground describes, at
// the foreground's own opacity: Peacock's inactive foregrounds keep their
// alpha 0x99 (dimmed text is how VS Code tells inactive items apart) while
// some color at that alpha passes, and only when even black or white at that
// alpha fails is the alpha raised, one byte step at a time, until it passes.
// Notably this fixes statusBarItem.remoteForeground, which Peacock derives
// from the status bar color while the remote item has its own background.
//
// A pair whose background does not parse is left alone; a foreground that
// does not parse counts as failing and is replaced by an opaque one.
func MakeAccessible(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	for _, p := range pairs {
		bgText, okBg := m[p[0]]
		fgText, okFg := m[p[1]]
		if !okBg || !okFg {
			continue
		}
		bg, err := Parse(bgText)
		if err != nil {
			continue
		}
		alpha := 1.0
		if fg, err := Parse(fgText); err == nil {
			if PairContrast(bg, fg) >= MinContrast {
				continue
			}
			alpha = fg.A
		}
		out[p[1]] = accessibleForeground(bg, alpha).Hex()
	}
	return out
}

// nudgeStep is the OKLCH lightness step of AccessibleForeground's search.
const nudgeStep = 0.01

// accessibleForeground implements AccessibleForeground and MakeAccessible
// for a foreground of opacity alpha: it returns an 8-bit-exact color whose
// alpha is the byte of alpha or, only if needed, a larger one.
func accessibleForeground(bg Color, alpha float64) Color {
	bg.A = 1
	alpha = rounded8(Color{A: clamp01(alpha)}).A // the byte Hex will write; NaN gives 1
	with := func(c Color, a float64) Color { c.A = a; return c }
	passes := func(c Color) bool { return PairContrast(bg, c) >= MinContrast }

	pref, other := peacockLightForeground, peacockDarkForeground
	if IsLight(bg) {
		pref, other = other, pref
	}
	for _, c := range [2]Color{pref, other} {
		if c := with(c, alpha); passes(c) {
			return c
		}
	}
	// Nudge the better Peacock color first, then the other: with the
	// better one, moving toward its extreme (black for #15202b, white for
	// #e7e7e7) reaches MinContrast at full opacity at the latest.
	if PairContrast(bg, with(other, alpha)) > PairContrast(bg, with(pref, alpha)) {
		pref, other = other, pref
	}
	for _, start := range [2]Color{pref, other} {
		extreme, dir := white, 1.0
		if start == peacockDarkForeground {
			extreme, dir = black, -1.0
		}
		l, c, h := start.OKLCH()
		for l = l + float64(dir*nudgeStep); l > 0 && l < 1; l += float64(dir * nudgeStep) {
			if cand := with(rounded8(FromOKLCH(l, c, h)), alpha); passes(cand) {
				return cand
			}
		}
		for a := int(round8(alpha * 255)); a <= 255; a++ {
			cand := with(extreme, float64(a)/255)
			if a == 255 {
				cand.A = 1
			}
			if passes(cand) {
				return cand
			}
		}
	}
	// Unreachable: black or white passes at full opacity (see
	// AccessibleForeground).
	return with(white, 1)
}
