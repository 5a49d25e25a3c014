package palette

import (
	"cmp"
	"fmt"
)

// Version is a release of the Peacock extension. Derive writes what that
// release wrote (Settings.Version); the zero Version means Current.
type Version struct{ Major, Minor, Patch int }

// Current is the extension release whose payload Derive writes by
// default: 4.4.1 (its PR #751, released 2026-09-07).
var Current = Version{4, 4, 1}

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// IsZero reports whether v is the zero Version (which Derive reads as
// Current).
func (v Version) IsZero() bool { return v == Version{} }

// Compare returns -1, 0 or +1 as v is older than, the same as or newer
// than w.
func (v Version) Compare(w Version) int {
	if c := cmp.Compare(v.Major, w.Major); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Minor, w.Minor); c != 0 {
		return c
	}
	return cmp.Compare(v.Patch, w.Patch)
}

// orCurrent is v, or Current for the zero Version.
func (v Version) orCurrent() Version {
	if v.IsZero() {
		return Current
	}
	return v
}

func (v Version) atLeast(major, minor, patch int) bool {
	return v.Compare(Version{major, minor, patch}) >= 0
}

// The releases where what the extension writes changed, read from its git
// history. Each is the first release of a rule; a file is dated by the
// range between two of them.
var (
	v0_0_2  = Version{0, 0, 2}  // titleBar.inactiveBackground/inactiveForeground
	v0_0_6  = Version{0, 0, 6}  // statusBar.background/foreground
	v0_0_7  = Version{0, 0, 7}  // activityBar.background/foreground/inactiveForeground
	v0_6_0  = Version{0, 6, 0}  // inactive title bar: a 50 % mix with black
	v1_0_0  = Version{1, 0, 0}  // badge, status bar hover; inactive title bar: alpha 99
	v2_5_0  = Version{2, 5, 0}  // editorGroup/panel/sideBar borders, tab.activeBorder
	v3_2_0  = Version{3, 2, 0}  // activityBar.activeBorder = the badge color
	v3_6_0  = Version{3, 6, 0}  // activityBar.activeBackground
	v3_7_0  = Version{3, 7, 0}  // statusBar.border, titleBar.border (always); sorted keys
	v3_8_0  = Version{3, 8, 0}  // the borders behind affectStatusAndTitleBorders
	v3_9_0  = Version{3, 9, 0}  // the debugging status bar (opted in)
	v3_10_0 = Version{3, 10, 0} // sash, remote items; accent borders on by default
	v3_11_0 = Version{3, 11, 0} // accent borders off by default again, one setting each
	v4_1_0  = Version{4, 1, 0}  // commandCenter.border; activityBar.activeBorder dropped
	v4_2_0  = Version{4, 2, 0}  // squigglyBeGone (#000000ff)
	v4_3_0  = Version{4, 3, 0}  // commandCenter.foreground, activityBarTop.*, tab.activeBackground, window borders; debugging keys always; remote badge color; squiggles #00000000; Cursor's title text
	v4_4_1  = Version{4, 4, 1}  // activityBar.activeBorder and activityBarTop.activeBorder = the activity bar foreground
)

// Releases returns the first release of each range in which the extension
// wrote the same keys by the same rules, oldest first, ending with Current.
// Derive with any version of a range writes what Derive with its first
// release writes.
func Releases() []Version {
	return []Version{{0, 0, 1}, v0_0_2, v0_0_6, v0_0_7, v0_6_0, v1_0_0, v2_5_0, v3_2_0, v3_6_0, v3_7_0, v3_8_0,
		v3_9_0, v3_10_0, v3_11_0, v4_1_0, v4_2_0, v4_3_0, v4_4_1}
}

// keyFirst is the first release that wrote each key (activityBar.activeBorder
// is handled by Derive: 3.2.0 to 4.0.x as the badge color, 4.4.1 on as the
// foreground).
var keyFirst = map[string]Version{
	"titleBar.inactiveBackground":       v0_0_2,
	"titleBar.inactiveForeground":       v0_0_2,
	"statusBar.background":              v0_0_6,
	"statusBar.foreground":              v0_0_6,
	"activityBar.background":            v0_0_7,
	"activityBar.foreground":            v0_0_7,
	"activityBar.inactiveForeground":    v0_0_7,
	"activityBarBadge.background":       v1_0_0,
	"activityBarBadge.foreground":       v1_0_0,
	"statusBarItem.hoverBackground":     v1_0_0,
	"editorGroup.border":                v2_5_0,
	"panel.border":                      v2_5_0,
	"sideBar.border":                    v2_5_0,
	"tab.activeBorder":                  v2_5_0,
	"activityBar.activeBackground":      v3_6_0,
	"statusBar.border":                  v3_7_0,
	"titleBar.border":                   v3_7_0,
	"statusBar.debuggingBackground":     v3_9_0,
	"statusBar.debuggingForeground":     v3_9_0,
	"statusBar.debuggingBorder":         v3_9_0,
	"sash.hoverBorder":                  v3_10_0,
	"statusBarItem.remoteBackground":    v3_10_0,
	"statusBarItem.remoteForeground":    v3_10_0,
	"commandCenter.border":              v4_1_0,
	"editorError.foreground":            v4_2_0,
	"editorWarning.foreground":          v4_2_0,
	"editorInfo.foreground":             v4_2_0,
	"commandCenter.foreground":          v4_3_0,
	"activityBarTop.activeBackground":   v4_3_0,
	"activityBarTop.background":         v4_3_0,
	"activityBarTop.foreground":         v4_3_0,
	"activityBarTop.inactiveForeground": v4_3_0,
	"tab.activeBackground":              v4_3_0,
	"window.activeBorder":               v4_3_0,
	"window.inactiveBorder":             v4_3_0,
	"activityBarTop.activeBorder":       v4_4_1,
}

// Owns reports whether release v owns key: writes it under some settings,
// so deletes it when it does not write it. Under 4.1.0 to 4.4.0
// activityBar.activeBorder is a key like any other user key.
func (v Version) Owns(key string) bool {
	v = v.orCurrent()
	if key == "activityBar.activeBorder" {
		return v.atLeast(3, 2, 0) && !v.atLeast(4, 1, 0) || v.atLeast(4, 4, 1)
	}
	if key == "titleBar.activeBackground" || key == "titleBar.activeForeground" {
		return true
	}
	first, ok := keyFirst[key]
	return ok && v.Compare(first) >= 0
}

// FirstRelease returns the first release that wrote key, and false for a
// key no release wrote.
func FirstRelease(key string) (Version, bool) {
	switch key {
	case "titleBar.activeBackground", "titleBar.activeForeground":
		return Version{0, 0, 1}, true
	case "activityBar.activeBorder":
		return v3_2_0, true
	}
	v, ok := keyFirst[key]
	return v, ok
}

// DefaultSettingsOf returns the package defaults of release v: those of
// DefaultSettings, except that 3.10.x colored the accent borders (editor
// group, panel, side bar and sash, one setting then) by default and
// releases before 3.10.0 had no sash border.
func DefaultSettingsOf(v Version) Settings {
	v = v.orCurrent()
	s := DefaultSettings()
	s.Version = v
	switch {
	case v.atLeast(3, 10, 0) && !v.atLeast(3, 11, 0):
		s.AffectEditorGroupBorder, s.AffectPanelBorder, s.AffectSideBarBorder = true, true, true
	case !v.atLeast(3, 10, 0):
		s.AffectSashHover = false
	}
	return s
}

// deriveOld is Derive for a release v before Current: what 4.4.1 writes,
// changed by the rules of the releases between (see Releases).
func deriveOld(c Color, s Settings, v Version) map[string]string {
	cur := s
	cur.Version, cur.Style = Current, StylePeacock
	if v.atLeast(3, 7, 0) && !v.atLeast(3, 8, 0) {
		cur.AffectStatusAndTitleBorders = true // 3.7.x wrote them always
	}
	if !v.atLeast(4, 3, 0) {
		cur.Cursor = false // Cursor's #595959 came with 4.3.0
	}
	m := Derive(c, cur)
	delete(m, "activityBar.activeBorder")
	delete(m, "activityBarTop.activeBorder")
	if !v.atLeast(4, 3, 0) {
		if !s.AffectDebuggingStatusBar {
			delete(m, "statusBar.debuggingBackground")
			delete(m, "statusBar.debuggingForeground")
		}
		if _, ok := m["statusBarItem.remoteBackground"]; ok {
			m["statusBarItem.remoteBackground"] = m["statusBar.background"]
		}
		for _, k := range []string{"editorError.foreground", "editorWarning.foreground", "editorInfo.foreground"} {
			if _, ok := m[k]; ok {
				m[k] = "#000000ff"
			}
		}
	}
	if s.AffectActivityBar && v.atLeast(3, 2, 0) && !v.atLeast(4, 1, 0) {
		a, _ := adjust(hexRound(c), c.Hex(), s.ActivityBarAdjustment)
		m["activityBar.activeBorder"] = readableAccent(a).Hex()
	}
	if t, ok := m["titleBar.activeBackground"]; ok && !v.atLeast(1, 0, 0) {
		fg, hasFG := m["titleBar.activeForeground"]
		switch {
		case v.atLeast(0, 6, 0):
			tc, _ := parseTiny(t)
			m["titleBar.inactiveBackground"] = mix(tc, Color{A: 1}, 50).Hex()
			if hasFG {
				fc, _ := parseTiny(fg)
				m["titleBar.inactiveForeground"] = mix(fc, tc, 25).Hex()
			}
		default:
			m["titleBar.inactiveBackground"] = t
			if hasFG {
				m["titleBar.inactiveForeground"] = fg
			}
		}
	}
	for k := range m {
		if !v.Owns(k) {
			delete(m, k)
		}
	}
	return m
}

// mix is tinycolor.mix(a, b, amount): each rounded channel and the alpha
// moved amount percent from a toward b.
func mix(a, b Color, amount float64) Color {
	p := amount / 100
	ar, ag, ab := a.RGB8()
	br, bg, bb := b.RGB8()
	f := func(x, y uint8) float64 { return (float64(y)-float64(x))*p + float64(x) }
	return newColor(f(ar, br), f(ag, bg), f(ab, bb), (b.A-a.A)*p+a.A)
}

// lastOf is the last release of each range of Releases, from the
// extension's package.json history.
var lastOf = map[Version]Version{
	{0, 0, 1}: {0, 0, 1}, v0_0_2: {0, 0, 5}, v0_0_6: {0, 0, 6}, v0_0_7: {0, 5, 0}, v0_6_0: {0, 7, 0},
	v1_0_0: {2, 4, 0}, v2_5_0: {3, 1, 6}, v3_2_0: {3, 5, 0}, v3_6_0: {3, 6, 0}, v3_7_0: {3, 7, 2},
	v3_8_0: {3, 8, 0}, v3_9_0: {3, 9, 1}, v3_10_0: {3, 10, 1}, v3_11_0: {4, 0, 1}, v4_1_0: {4, 1, 0},
	v4_2_0: {4, 2, 5}, v4_3_0: {4, 4, 0},
}

// RangeOf returns the range of releases that write what v writes, as text:
// "3.11.0–4.0.1", "4.4.1 and later" for Current's range.
func RangeOf(v Version) string {
	first := v.rangeStart()
	if first == Current {
		return Current.String() + " and later"
	}
	if last := lastOf[first]; last != first {
		return first.String() + "–" + last.String()
	}
	return first.String()
}

// Span returns the releases from the range of a to the range of b as text,
// as RangeOf does for one.
func Span(a, b Version) string {
	a, b = a.rangeStart(), b.rangeStart()
	if a.Compare(b) > 0 {
		a, b = b, a
	}
	if a == b {
		return RangeOf(a)
	}
	if b == Current {
		return a.String() + " and later"
	}
	return a.String() + "–" + lastOf[b].String()
}

// rangeStart is the first release of v's range.
func (v Version) rangeStart() Version {
	v = v.orCurrent()
	rs := Releases()
	for i := len(rs) - 1; i >= 0; i-- {
		if v.Compare(rs[i]) >= 0 {
			return rs[i]
		}
	}
	return rs[0]
}
