package palette

import (
	"math"
	"sort"
)

// Peacock's fixed values (src/models/constants.ts).
const (
	inactiveAlpha    = 0x99 / 255.0 // inactiveElementAlpha, written as the alpha byte 99
	elementAmount    = 10           // defaultAmountToDarkenLighten, used by element adjustments and hover
	badgeRatio       = 2            // ReadabilityRatios.UserInterfaceLow
	lowSaturation    = 0.15         // below this an accent gets defaultSaturation
	accentSaturation = 0.5          // defaultSaturation
	accentShades     = 16           // lightness i/16, i = 0..15
	squigglyColor    = "#00000000"
)

// Derive returns the workbench.colorCustomizations keys and values the
// Peacock extension writes for the Peacock color c under s (spec §5.3):
// release s.Version, Current (4.4.1) when that is zero. Nothing is
// excluded here: peacock.excludedSettings is applied when the result is
// merged into a settings file. With StyleAccessible the result is then
// passed through MakeAccessible.
//
// As in Peacock, every value is derived from c's hex text (c.Hex() parsed
// again), so unrounded channels of c only matter through that hex. An
// element whose adjustment is none gets that text itself, so a color whose
// alpha is just below 1 ("rgba(1, 2, 3, 0.999)") is written "#010203ff",
// while the colors computed from it are opaque (spec §5.2).
func Derive(c Color, s Settings) map[string]string {
	v := s.Version.orCurrent()
	if v != Current {
		return deriveOld(c, s, v)
	}
	m := make(map[string]string, keyCount(s))
	baseHex := c.Hex()
	base := hexRound(c)
	a, aHex := adjust(base, baseHex, s.ActivityBarAdjustment)

	var dark, light *foreground // resolved lazily: most palettes need one
	fg := func(x Color) *foreground {
		if IsLight(x) {
			if dark == nil {
				dark = resolveForeground(s.DarkForegroundColor, DefaultDarkForeground, &defaultDark)
			}
			return dark
		}
		if light == nil {
			light = resolveForeground(s.LightForegroundColor, DefaultLightForeground, &defaultLight)
		}
		return light
	}
	writeFG := !s.KeepForegroundColor

	if s.AffectActivityBar {
		m["activityBar.background"] = aHex
		m["activityBar.activeBackground"] = aHex
		m["activityBarTop.background"] = aHex
		m["activityBarTop.activeBackground"] = aHex
		if writeFG {
			f := fg(a)
			m["activityBar.foreground"] = f.hex
			m["activityBarTop.foreground"] = f.hex
			m["activityBar.activeBorder"] = f.hex
			m["activityBarTop.activeBorder"] = f.hex
			m["activityBar.inactiveForeground"] = f.inactive
			m["activityBarTop.inactiveForeground"] = f.inactive
		}
		if !s.KeepBadgeColor {
			b := readableAccent(a)
			m["activityBarBadge.background"] = b.Hex()
			m["activityBarBadge.foreground"] = fg(b).hex
		}
	}

	if s.AffectTitleBar {
		t, tHex := a, aHex
		if s.TitleBarAdjustment != s.ActivityBarAdjustment {
			t, tHex = adjust(base, baseHex, s.TitleBarAdjustment)
		}
		m["titleBar.activeBackground"] = tHex
		if s.AffectStatusAndTitleBorders {
			m["titleBar.border"] = tHex
		}
		m["titleBar.inactiveBackground"] = t.WithAlpha(inactiveAlpha).Hex()
		if writeFG {
			f := fg(t)
			if s.Cursor {
				m["titleBar.activeForeground"] = CursorTitleForeground
				m["commandCenter.foreground"] = CursorTitleForeground
			} else {
				m["titleBar.activeForeground"] = f.hex
				m["commandCenter.foreground"] = f.hex
			}
			m["titleBar.inactiveForeground"] = f.inactive
			m["commandCenter.border"] = f.inactive
		}
	}

	if s.AffectStatusBar {
		st, sHex := a, aHex
		if s.StatusBarAdjustment != s.ActivityBarAdjustment {
			st, sHex = adjust(base, baseHex, s.StatusBarAdjustment)
		}
		m["statusBar.background"] = sHex
		var hover Color
		if IsLight(st) {
			hover = Darken(st, elementAmount)
		} else {
			hover = Lighten(st, elementAmount)
		}
		m["statusBarItem.hoverBackground"] = hover.Hex()
		m["statusBarItem.remoteBackground"] = readableAccent(st).Hex()
		if s.AffectStatusAndTitleBorders {
			m["statusBar.border"] = sHex
		}
		f := fg(st)
		if writeFG {
			m["statusBar.foreground"] = f.hex
			m["statusBarItem.remoteForeground"] = f.hex
		}
		if s.AffectDebuggingStatusBar {
			d := hexRound(Complement(st))
			dHex := d.Hex()
			m["statusBar.debuggingBackground"] = dHex
			if writeFG {
				m["statusBar.debuggingForeground"] = fg(d).hex
			}
			if s.AffectStatusAndTitleBorders {
				m["statusBar.debuggingBorder"] = dHex
			}
		} else {
			m["statusBar.debuggingBackground"] = sHex
			if writeFG {
				m["statusBar.debuggingForeground"] = f.hex
			}
		}
	}

	// Accent elements use the activity bar color, even when the activity
	// bar itself is not colored.
	if s.AffectEditorGroupBorder {
		m["editorGroup.border"] = aHex
	}
	if s.AffectPanelBorder {
		m["panel.border"] = aHex
	}
	if s.AffectSideBarBorder {
		m["sideBar.border"] = aHex
	}
	if s.AffectSashHover {
		m["sash.hoverBorder"] = aHex
	}
	if s.AffectTabActiveBorder {
		m["tab.activeBorder"] = aHex
	}
	if s.AffectTabActiveBackground {
		m["tab.activeBackground"] = aHex
	}
	if s.AffectWindowBorder {
		m["window.activeBorder"] = aHex
		m["window.inactiveBorder"] = aHex
	}
	if s.SquigglyBeGone {
		m["editorError.foreground"] = squigglyColor
		m["editorWarning.foreground"] = squigglyColor
		m["editorInfo.foreground"] = squigglyColor
	}

	if s.Style == StyleAccessible {
		return MakeAccessible(m)
	}
	return m
}

// keyCount returns how many keys Derive writes under s, so the map is
// allocated once at the right size.
func keyCount(s Settings) int {
	b := func(v bool, n int) int {
		if v {
			return n
		}
		return 0
	}
	fgs := !s.KeepForegroundColor
	n := b(s.AffectActivityBar, 4+b(fgs, 6)+b(!s.KeepBadgeColor, 2))
	n += b(s.AffectTitleBar, 2+b(s.AffectStatusAndTitleBorders, 1)+b(fgs, 4))
	n += b(s.AffectStatusBar, 4+b(s.AffectStatusAndTitleBorders, 1)+b(fgs, 3)+
		b(s.AffectDebuggingStatusBar && s.AffectStatusAndTitleBorders, 1))
	n += b(s.AffectEditorGroupBorder, 1) + b(s.AffectPanelBorder, 1) + b(s.AffectSideBarBorder, 1) +
		b(s.AffectSashHover, 1) + b(s.AffectTabActiveBorder, 1) + b(s.AffectTabActiveBackground, 1) +
		b(s.AffectWindowBorder, 2) + b(s.SquigglyBeGone, 3)
	return n
}

// adjust is Peacock's getAdjustedColorHex: lighten or darken x by 10, or
// for anything else return x's hex text xHex as it is. It returns the
// resulting text and the color it reads as (the text parsed again).
func adjust(x Color, xHex string, a Adjustment) (Color, string) {
	var y Color
	switch a {
	case AdjustLighten:
		y = Lighten(x, elementAmount)
	case AdjustDarken:
		y = Darken(x, elementAmount)
	default:
		return x, xHex
	}
	return hexRound(y), y.Hex()
}

// foreground is a resolved foreground color: its hex and its inactive
// (alpha 0x99) hex.
type foreground struct{ hex, inactive string }

var (
	defaultDark  = foreground{DefaultDarkForeground, DefaultDarkForeground + "99"}
	defaultLight = foreground{DefaultLightForeground, DefaultLightForeground + "99"}
)

// resolveForeground is Peacock's getDarkForegroundColorOrOverride (or
// Light): an empty setting means the default, text tinycolor cannot read
// gives black. That includes the CSS Color 4 forms only Parse knows
// (oklch(), hwb(), …): Peacock writes #000000 for them, and since the
// extension re-derives the keys whenever a window opens, writing anything
// else would make the two fight over the file.
//
// The setting is formatted straight from its parsed value, as Peacock's
// formatHex(tinycolor(setting)) is, not re-read from a hex: an alpha just
// below 1 ("rgba(1, 2, 3, 0.999)") stays translucent and is written
// #010203ff (spec §5.2, fg).
func resolveForeground(setting, def string, defFG *foreground) *foreground {
	if setting == "" || setting == def {
		return defFG
	}
	c, ok := parseTiny(setting)
	if !ok {
		c = Color{A: 1}
	}
	return &foreground{hex: c.Hex(), inactive: c.WithAlpha(inactiveAlpha).Hex()}
}

// readableAccent is Peacock's getReadableAccentColorHex(x, 2), used for the
// activity bar badge and the remote status item: the second color of x's
// triad, made at least 50% saturated (grays get a hue from their
// lightness), at the lightness among 0, 1/16, …, 15/16 whose WCAG contrast
// with x is the lowest that still reaches 2:1; white if none does. The
// result is opaque.
func readableAccent(x Color) Color {
	h, s, l := x.HSL()
	h, s, l = FromHSL(jsMod(h+120, 360), s, l, 1).HSL()
	if s == 0 {
		h = 60 * math.Round(l*6) // JS Math.round; l*6 >= 0
	}
	if s < lowSaturation {
		s = accentSaturation
	}
	// FromHSL(h, s, i/16, 1) for each shade, with the parts that do not
	// depend on i done once.
	hb, sb := bound01Num(h, 360), objectPercent(s)
	lx := luminance8(x)
	var shades [accentShades]struct {
		done         bool
		r, g, b      float64
		ls, contrast float64
	}
	shade := func(i int) (ls, contrast float64) {
		sh := &shades[i]
		if !sh.done {
			sh.r, sh.g, sh.b = hslToRGB(hb, sb, shadeLightness[i])
			sh.ls = float64(0.2126*linearTable[round8(sh.r)]) + float64(0.7152*linearTable[round8(sh.g)]) + float64(0.0722*linearTable[round8(sh.b)])
			sh.contrast = (max(sh.ls, lx) + 0.05) / (min(sh.ls, lx) + 0.05)
			sh.done = true
		}
		return sh.ls, sh.contrast
	}
	// Peacock measures all 16 shades, stable-sorts them by contrast and
	// takes the first >= 2: the lowest qualifying contrast, the darkest
	// shade on ties. For fixed h and s every channel, so the luminance,
	// grows with l. So the contrast falls while a shade is darker than x
	// and rises after: the qualifying darker shades are a prefix, the
	// qualifying lighter ones a suffix, and the answer is the last of the
	// prefix or the first of the suffix. Binary search finds both with
	// about half the shades measured (TestReadableAccentFastPath checks
	// this against measuring all of them).
	k := sort.Search(accentShades, func(i int) bool {
		ls, c := shade(i)
		return !(ls <= lx && c >= badgeRatio)
	}) - 1
	m := sort.Search(accentShades, func(i int) bool {
		ls, c := shade(i)
		return ls >= lx && c >= badgeRatio
	})
	pick := -1
	switch {
	case k >= 0 && m < accentShades:
		pick = k // darker first: it wins ties
		if shades[m].contrast < shades[k].contrast {
			pick = m
		}
	case k >= 0:
		pick = k
	case m < accentShades:
		pick = m
	}
	if pick < 0 {
		return Color{R: 255, G: 255, B: 255, A: 1}
	}
	sh := shades[pick]
	return hexRound(newColor(sh.r, sh.g, sh.b, 1))
}

// shadeLightness holds the lightness of accent shade i (i/16) after
// tinycolor's object path (objectPercent), as FromHSL computes it: i/16
// itself, every one of them exact in binary. A literal, so that start-up
// computes nothing; TestShadeLightness checks it against objectPercent.
var shadeLightness = [accentShades]float64{
	0, 0.0625, 0.125, 0.1875, 0.25, 0.3125, 0.375, 0.4375,
	0.5, 0.5625, 0.625, 0.6875, 0.75, 0.8125, 0.875, 0.9375,
}

// luminance8 is tinycolor's getLuminance (WCAG 2.0 relative luminance on
// the rounded channels) with the sRGB decoding read from linearTable. The
// float64 conversions keep each product rounded, as in V8: without them
// arm64 (and amd64 built with GOAMD64=v3) fuse the sum into FMAs, which
// moves the last bit and with it 2:1 contrast ties of the badge.
func luminance8(c Color) float64 {
	r, g, b := c.RGB8()
	return float64(0.2126*linearTable[r]) + float64(0.7152*linearTable[g]) + float64(0.0722*linearTable[b])
}

// linearTable holds tinycolor's per-channel sRGB decoding for the 256 channel
// values, c/255 <= 0.03928 ? c/255/12.92 : ((c/255+0.055)/1.055)^2.4, as V8's
// Math.pow computes it (printed by node, shortest round-trip form). Go's
// math.Pow differs from V8 in the last bit for 96 of the 256 values; the
// table keeps WCAG contrast ties and the 2:1 badge threshold exactly as in
// Peacock.
var linearTable = [256]float64{
	0.0, 0.0003035269835488375, 0.000607053967097675, 0.0009105809506465125,
	0.00121410793419535, 0.0015176349177441874, 0.001821161901293025, 0.0021246888848418626,
	0.0024282158683907, 0.0027317428519395373, 0.003035269835488375, 0.003346535763899161,
	0.003676507324047436, 0.004024717018496307, 0.004391442037410293, 0.004776953480693729,
	0.005181516702338386, 0.005605391624202723, 0.006048833022857055, 0.006512090792594474,
	0.006995410187265387, 0.007499032043226175, 0.008023192985384994, 0.008568125618069307,
	0.009134058702220787, 0.009721217320237847, 0.010329823029626938, 0.010960094006488246,
	0.011612245179743887, 0.012286488356915872, 0.012983032342173012, 0.013702083047289686,
	0.014443843596092545, 0.01520851442291271, 0.01599629336550963, 0.016807375752887384,
	0.017641954488384078, 0.018500220128379697, 0.019382360956935723, 0.0202885630566524,
	0.021219010376003558, 0.02217388479338738, 0.02315336617811041, 0.024157632448504756,
	0.025186859627361627, 0.026241221894849898, 0.027320891639074897, 0.028426039504420793,
	0.0295568344378088, 0.030713443732993635, 0.03189603307301153, 0.033104766570885055,
	0.03433980680868217, 0.03560131487502034, 0.03688945040110004, 0.0382043715953465,
	0.03954623527673283, 0.04091519690685319, 0.042311410620809675, 0.043735029256973465,
	0.04518620438567554, 0.0466650863368801, 0.048171824226889426, 0.04970656598412723,
	0.05126945837404324, 0.052860647023180246, 0.05448027644244237, 0.05612849004960009,
	0.05780543019106723, 0.0595112381629812, 0.06124605423161761, 0.06301001765316767,
	0.06480326669290577, 0.06662593864377289, 0.06847816984440017, 0.07036009569659588,
	0.07227185068231748, 0.07421356838014963, 0.07618538148130785, 0.07818742180518633,
	0.08021982031446831, 0.0822827071298148, 0.08437621154414882, 0.08650046203654976,
	0.08865558628577294, 0.09084171118340767, 0.09305896284668747, 0.0953074666309647,
	0.09758734714186246, 0.09989872824711389, 0.1022417330881013, 0.10461648409110419,
	0.10702310297826761, 0.10946171077829933, 0.1119324278369056, 0.11443537382697373,
	0.11697066775851084, 0.11953842798834562, 0.12213877222960187, 0.12477181756095049,
	0.12743768043564743, 0.1301364766903643, 0.13286832155381798, 0.13563332965520566,
	0.13843161503245183, 0.14126329114027164, 0.14412847085805777, 0.14702726649759498,
	0.14995978981060856, 0.15292615199615017, 0.1559264637078274, 0.1589608350608804,
	0.16202937563911096, 0.1651321945016676, 0.16826940018969075, 0.1714411007328226,
	0.17464740365558504, 0.17788841598362914, 0.18116424424986022, 0.184474994500441,
	0.18782077230067787, 0.1912016827407914, 0.19461783044157582, 0.19806931955994886,
	0.20155625379439707, 0.20507873639031693, 0.20863687014525575, 0.21223075741405523,
	0.21586050011389923, 0.21952619972926923, 0.2232279573168085, 0.22696587351009836,
	0.23074004852434915, 0.23455058216100522, 0.238397573812271, 0.24228112246555486,
	0.24620132670783548, 0.25015828472995344, 0.25415209433082675, 0.2581828529215958,
	0.26225065752969623, 0.26635560480286247, 0.2704977910130658, 0.27467731206038465,
	0.2788942634768104, 0.2831487404299921, 0.2874408377269175, 0.29177064981753587,
	0.2961382707983211, 0.3005437944157765, 0.3049873140698863, 0.30946892281750854,
	0.31398871337571754, 0.31854677812509186, 0.32314320911295075, 0.3277780980565422,
	0.33245153634617935, 0.33716361504833037, 0.341914424908661, 0.3467040563550296,
	0.35153259950043936, 0.3564001441459435, 0.3613067797835095, 0.3662525955988395,
	0.3712376804741491, 0.37626212299090644, 0.3813260114325301, 0.386429433787049,
	0.39157247774972326, 0.39675523072562685, 0.40197777983219574, 0.4072402119017367,
	0.41254261348390375, 0.4178850708481375, 0.4232676699860717, 0.4286904966139067,
	0.4341536361747489, 0.4396571738409188, 0.44520119451622786, 0.45078578283822346,
	0.45641102318040466, 0.4620769996544071, 0.467783796112159, 0.47353149614800955,
	0.4793201831008268, 0.4851499400560704, 0.4910208498478356, 0.4969329950608704,
	0.5028864580325687, 0.5088813208549338, 0.5149176653765214, 0.5209955732043543,
	0.5271151257058131, 0.5332764040105052, 0.5394794890121071, 0.5457244613701866,
	0.5520114015120001, 0.5583403896342679, 0.5647115057049292, 0.5711248294648731,
	0.5775804404296506, 0.5840784178911641, 0.5906188409193369, 0.5972017883637634,
	0.6038273388553378, 0.6104955708078648, 0.6172065624196511, 0.6239603916750761,
	0.6307571363461468, 0.6375968739940326, 0.6444796819705821, 0.6514056374198242,
	0.6583748172794486, 0.665387298282272, 0.6724431569576875, 0.6795424696330938,
	0.6866853124353134, 0.6938717612919899, 0.7011018919329731, 0.7083757798916868,
	0.7156935005064807, 0.7230551289219693, 0.7304607400903537, 0.7379104087727308,
	0.7454042095403874, 0.7529422167760779, 0.7605245046752924, 0.7681511472475071,
	0.7758222183174236, 0.7835377915261935, 0.7912979403326302, 0.799102738014409,
	0.8069522576692516, 0.8148465722161012, 0.8227857543962835, 0.8307698767746546,
	0.83879901174074, 0.846873231509858, 0.8549926081242338, 0.8631572134541023,
	0.8713671191987973, 0.8796223968878317, 0.8879231178819663, 0.8962693533742664,
	0.9046611743911496, 0.9130986517934192, 0.9215818562772946, 0.9301108583754237,
	0.938685728457888, 0.9473065367331999, 0.9559733532492861, 0.9646862478944651,
	0.9734452903984125, 0.9822505503331171, 0.9911020971138298, 1.0,
}
