package palette

import "math"

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

// Derive returns the workbench.colorCustomizations keys and values Peacock
// 4.3.4 writes for the Peacock color c under s (spec §5.3). Nothing is
// excluded here: peacock.excludedSettings is applied when the result is
// merged into a settings file. With StyleAccessible the result is then
// passed through MakeAccessible.
//
// As in Peacock, every value is derived from c's hex text (c.Hex() parsed
// again), so unrounded channels of c only matter through that hex.
func Derive(c Color, s Settings) map[string]string {
	m := make(map[string]string, 40)
	base := hexRound(c)
	a := adjust(base, s.ActivityBarAdjustment)
	aHex := a.Hex()

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
		t := a
		tHex := aHex
		if s.TitleBarAdjustment != s.ActivityBarAdjustment {
			t = adjust(base, s.TitleBarAdjustment)
			tHex = t.Hex()
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
		st := a
		sHex := aHex
		if s.StatusBarAdjustment != s.ActivityBarAdjustment {
			st = adjust(base, s.StatusBarAdjustment)
			sHex = st.Hex()
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

// adjust is Peacock's getAdjustedColorHex followed by a re-parse: lighten
// or darken by 10, anything else leaves x as it is.
func adjust(x Color, a Adjustment) Color {
	switch a {
	case AdjustLighten:
		return hexRound(Lighten(x, elementAmount))
	case AdjustDarken:
		return hexRound(Darken(x, elementAmount))
	}
	return x
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
// gives black.
func resolveForeground(setting, def string, defFG *foreground) *foreground {
	if setting == "" || setting == def {
		return defFG
	}
	c, err := Parse(setting)
	if err != nil {
		c = Color{A: 1}
	}
	c = hexRound(c)
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
	h, s, l = FromHSL(math.Mod(h+120, 360), s, l, 1).HSL()
	if s == 0 {
		h = 60 * math.Round(l*6) // JS Math.round; l*6 >= 0
	}
	if s < lowSaturation {
		s = accentSaturation
	}
	lx := luminance8(x)
	best, bestContrast := Color{R: 255, G: 255, B: 255, A: 1}, math.Inf(1)
	for i := range accentShades {
		shade := FromHSL(h, s, float64(i)*(1.0/accentShades), 1)
		ls := luminance8(shade)
		contrast := (math.Max(ls, lx) + 0.05) / (math.Min(ls, lx) + 0.05)
		// Peacock stable-sorts by contrast and takes the first >= 2: the
		// lowest qualifying contrast, the darkest shade on ties.
		if contrast >= badgeRatio && contrast < bestContrast {
			best, bestContrast = shade, contrast
		}
	}
	return hexRound(best)
}

// luminance8 is Luminance with the per-channel sRGB decoding read from a
// table (the same formula, computed once per channel value).
func luminance8(c Color) float64 {
	r, g, b := c.RGB8()
	return 0.2126*linearTable[r] + 0.7152*linearTable[g] + 0.0722*linearTable[b]
}

var linearTable = func() (t [256]float64) {
	for i := range t {
		t[i] = linear(uint8(i))
	}
	return t
}()
