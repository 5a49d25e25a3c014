package workspace

import (
	"flag"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// ownedKeys is a copy of the 37 keys Peacock 4.3.4 owns (spec §5.1); the
// package takes the predicate as a parameter and does not import palette.
var ownedKeys = []string{
	"activityBar.activeBackground", "activityBar.background", "activityBar.foreground",
	"activityBar.inactiveForeground", "activityBarBadge.background", "activityBarBadge.foreground",
	"activityBarTop.background", "activityBarTop.activeBackground", "activityBarTop.foreground",
	"activityBarTop.inactiveForeground", "commandCenter.border", "commandCenter.foreground",
	"editorGroup.border", "panel.border", "sideBar.border", "sash.hoverBorder",
	"editorError.foreground", "editorWarning.foreground", "editorInfo.foreground", "statusBar.border",
	"statusBar.background", "statusBar.foreground", "statusBar.debuggingBorder",
	"statusBar.debuggingBackground", "statusBar.debuggingForeground", "statusBarItem.hoverBackground",
	"statusBarItem.remoteBackground", "statusBarItem.remoteForeground", "tab.activeBorder",
	"tab.activeBackground", "titleBar.activeBackground", "titleBar.activeForeground", "titleBar.border",
	"titleBar.inactiveBackground", "titleBar.inactiveForeground", "window.activeBorder",
	"window.inactiveBorder",
}

var ownedSet = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range ownedKeys {
		m[k] = true
	}
	return m
}()

func owned(k string) bool { return ownedSet[k] }

// paletteA is what Peacock 4.3.4 writes for #dd0531 with package defaults
// (peacock-vectors.json, first case).
var paletteA = map[string]string{
	"activityBar.activeBackground":      "#fa1b49",
	"activityBar.background":            "#fa1b49",
	"activityBar.foreground":            "#e7e7e7",
	"activityBar.inactiveForeground":    "#e7e7e799",
	"activityBarBadge.background":       "#155e02",
	"activityBarBadge.foreground":       "#e7e7e7",
	"activityBarTop.activeBackground":   "#fa1b49",
	"activityBarTop.background":         "#fa1b49",
	"activityBarTop.foreground":         "#e7e7e7",
	"activityBarTop.inactiveForeground": "#e7e7e799",
	"commandCenter.border":              "#e7e7e799",
	"commandCenter.foreground":          "#e7e7e7",
	"sash.hoverBorder":                  "#fa1b49",
	"statusBar.background":              "#dd0531",
	"statusBar.debuggingBackground":     "#dd0531",
	"statusBar.debuggingForeground":     "#e7e7e7",
	"statusBar.foreground":              "#e7e7e7",
	"statusBarItem.hoverBackground":     "#fa1b49",
	"statusBarItem.remoteBackground":    "#0e3e01",
	"statusBarItem.remoteForeground":    "#e7e7e7",
	"titleBar.activeBackground":         "#dd0531",
	"titleBar.activeForeground":         "#e7e7e7",
	"titleBar.inactiveBackground":       "#dd053199",
	"titleBar.inactiveForeground":       "#e7e7e799",
}

// paletteB is a smaller set, as with affectActivityBar only.
var paletteB = map[string]string{
	"activityBar.activeBackground":   "#42b883",
	"activityBar.background":         "#42b883",
	"activityBar.foreground":         "#15202b",
	"activityBar.inactiveForeground": "#15202b99",
	"titleBar.activeBackground":      "#42b883",
}

// applyA is the standard edit: palette A and its peacock.color.
func applyA(d *Document) error {
	if err := d.ApplyColors(paletteA, owned, nil); err != nil {
		return err
	}
	return d.SetSetting(ColorKey, "#dd0531")
}

func resetAll(d *Document) error { return d.ResetColors(owned, nil) }

// hasPeacockState reports whether d holds anything ApplyColors or
// SetSetting(peacock.color) would write: a peacock color, owned keys, or an
// empty workbench.colorCustomizations.
func hasPeacockState(d *Document) bool {
	if _, ok := d.Setting(ColorKey); ok {
		return true
	}
	if _, ok := d.Setting(RemoteColorKey); ok {
		return true
	}
	if d.colorsOpen() < 0 {
		return false
	}
	ms := d.ColorCustomizations()
	if len(ms) == 0 {
		return true
	}
	for _, m := range ms {
		if owned(m.Key) {
			return true
		}
	}
	return false
}

// untouched returns the raw bytes (name to value end) of every member that
// an apply or reset must not change: top-level members other than
// "settings" (workspace files), settings other than
// workbench.colorCustomizations and peacock.color/remoteColor, and the
// members of workbench.colorCustomizations that are not owned and not in
// colors, in file order.
func untouched(t testing.TB, d *Document, colors map[string]string) []string {
	t.Helper()
	var out []string
	src := d.src
	add := func(open int, skip func(string) bool, label string) {
		if open < 0 {
			return
		}
		for _, m := range d.layout(open).members {
			k := memberKey(d.view, m)
			if skip(k) {
				continue
			}
			out = append(out, label+"|"+string(src[int(m.nameStart):int(m.valEnd)]))
		}
	}
	if d.kind == KindWorkspace && d.root >= 0 {
		add(d.root, func(k string) bool { return k == settingsKey }, "root")
	}
	add(d.settingsOpen(), func(k string) bool {
		return k == ColorCustomizationsKey || k == ColorKey || k == RemoteColorKey
	}, "settings")
	add(d.colorsOpen(), func(k string) bool {
		_, in := colors[k]
		return owned(k) || in
	}, "colors")
	return out
}
