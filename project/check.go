package project

import (
	"fmt"
	"slices"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// Check statuses.
const (
	StatusOK        = "ok"        // the owned keys are what the color derives
	StatusExplained = "explained" // they differ only in ways the extension explains
	StatusDrift     = "drift"     // some differences have no explanation
)

// Drift is one owned key whose value differs from what the color derives.
type Drift struct {
	Key  string `json:"key"`
	Kind string `json:"kind"` // "changed", "missing", "stale"
	Have string `json:"have,omitempty"`
	Want string `json:"want,omitempty"`
}

func (d Drift) String() string {
	switch d.Kind {
	case "changed":
		return fmt.Sprintf("%s is %s, want %s (edited by hand?)", d.Key, d.Have, d.Want)
	case "missing":
		return fmt.Sprintf("%s is missing, want %s", d.Key, d.Want)
	default:
		return fmt.Sprintf("%s = %s is stale: the color does not derive it", d.Key, d.Have)
	}
}

// LowContrast is a background/foreground pair under palette.MinContrast.
type LowContrast struct {
	Background string  `json:"background"`
	Foreground string  `json:"foreground"`
	Ratio      float64 `json:"ratio"`
}

// CheckReport is what Check found.
type CheckReport struct {
	// Value is the stored color text ("" when none) and Key its setting;
	// Color is Value parsed.
	Value, Key string
	Color      palette.Color
	// Status is StatusOK, StatusExplained or StatusDrift.
	Status string
	// Drift lists the differences nothing explains (StatusDrift), as the
	// file differs from the best explanation found.
	Drift []Drift
	// Explained lists the differences from what the current settings
	// derive that ExplainedBy accounts for.
	Explained []Drift
	// ExplainedBy says what explains them: settings that differ from
	// yours, the remote color, or an older extension version.
	ExplainedBy []string
	// LowContrast lists pairs in the file below 4.5:1.
	LowContrast []LowContrast
}

// Check compares the owned keys of the target with what its stored color
// derives under the settings that apply. When they differ, it searches for
// what explains the file, the way the extension may have written it: other
// peacock.* settings (element adjustments, keepForegroundColor,
// keepBadgeColor, the affect* flags, the foreground colors, Cursor's title
// bar text), the remote color, and older extension versions (keys added
// later are missing; before 4.3.0 the remote item had the status bar
// color). A missing target is an error.
func (p *Project) Check(remote bool) (*CheckReport, error) {
	doc, err := p.Read()
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%s does not exist; nothing to check", p.Display(p.Target.Path))
	}
	if err := p.colorTypeError(doc); err != nil {
		return nil, err
	}
	ps, err := p.SettingsFor(doc)
	if err != nil {
		return nil, err
	}
	r := &CheckReport{Status: StatusOK}
	r.Value, r.Key = p.StoredColor(doc, remote)
	want := map[string]string{}
	if r.Value != "" {
		if r.Color, err = palette.Parse(r.Value); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", p.Display(p.Target.Path), r.Key, err)
		}
		want = palette.Derive(r.Color, ps)
	}
	have := ownedValues(doc.ColorCustomizations(), ps.ExcludedSettings)
	r.LowContrast = lowContrast(have)
	drifts := compare(have, want, ps.ExcludedSettings)
	if len(drifts) == 0 {
		return r, nil
	}
	if r.Value == "" {
		r.Status, r.Drift = StatusDrift, drifts
		return r, nil
	}
	why, rest := p.explain(doc, have, ps, remote)
	r.ExplainedBy = why
	for _, d := range drifts {
		if !slices.ContainsFunc(rest, func(x Drift) bool { return x.Key == d.Key }) {
			r.Explained = append(r.Explained, d)
		}
	}
	if len(rest) == 0 {
		r.Status = StatusExplained
		return r, nil
	}
	// Only what nothing explains is drift; the rest is how the extension
	// may have written the file.
	r.Status, r.Drift = StatusDrift, rest
	return r, nil
}

// ownedValues returns the owned, not excluded keys of members with their
// values (the last of duplicates wins, as VS Code reads them).
func ownedValues(members []workspace.Member, excluded []string) map[string]string {
	have := map[string]string{}
	for _, m := range members {
		if !palette.IsOwned(m.Key) || slices.Contains(excluded, m.Key) {
			continue
		}
		v, _ := m.Value.(string)
		have[m.Key] = v
	}
	return have
}

// compare lists the owned keys whose values differ from want, in key
// order. Excluded keys are never drift.
func compare(have, want map[string]string, excluded []string) []Drift {
	var drifts []Drift
	keys := map[string]string{}
	for k := range have {
		keys[k] = ""
	}
	for k := range want {
		keys[k] = ""
	}
	for _, k := range palette.SortedKeys(keys) {
		if slices.Contains(excluded, k) {
			continue
		}
		h, inHave := have[k]
		w, inWant := want[k]
		switch {
		case !inWant:
			drifts = append(drifts, Drift{Key: k, Kind: "stale", Have: h})
		case !inHave:
			drifts = append(drifts, Drift{Key: k, Kind: "missing", Want: w})
		case !strings.EqualFold(h, w):
			drifts = append(drifts, Drift{Key: k, Kind: "changed", Have: h, Want: w})
		}
	}
	return drifts
}

func lowContrast(have map[string]string) []LowContrast {
	var warns []LowContrast
	for _, pr := range palette.Pairs() {
		bgText, ok1 := have[pr[0]]
		fgText, ok2 := have[pr[1]]
		if !ok1 || !ok2 {
			continue
		}
		bg, err1 := palette.Parse(bgText)
		fg, err2 := palette.Parse(fgText)
		if err1 != nil || err2 != nil {
			continue
		}
		if r := palette.PairContrast(bg, fg); r < palette.MinContrast {
			warns = append(warns, LowContrast{Background: pr[0], Foreground: pr[1], Ratio: float64(int(r*100)) / 100})
		}
	}
	return warns
}

// laterKeys are the keys that older extension versions did not write yet,
// by generation: a file written by an old version lacks the keys of every
// generation after its own, and has all keys of its generation and before.
// The order is the extension's history, as files it wrote show it (the
// real-world files in the shared test data): the inactive colors and the
// hover (1); the active activity bar background (2); the sash, the remote
// item and the command center border (3); the command center text and the
// activity bar on top (#584, #538) (4); the debugging status bar, written
// always since 4.3.0 (#572) (5).
var laterKeys = map[string]int{
	"titleBar.inactiveBackground":       1,
	"titleBar.inactiveForeground":       1,
	"activityBar.inactiveForeground":    1,
	"statusBarItem.hoverBackground":     1,
	"activityBar.activeBackground":      2,
	"sash.hoverBorder":                  3,
	"statusBarItem.remoteBackground":    3,
	"statusBarItem.remoteForeground":    3,
	"commandCenter.border":              3,
	"commandCenter.foreground":          4,
	"activityBarTop.activeBackground":   4,
	"activityBarTop.background":         4,
	"activityBarTop.foreground":         4,
	"activityBarTop.inactiveForeground": 4,
	"statusBar.debuggingBackground":     5,
	"statusBar.debuggingForeground":     5,
}

// generation430 is the generation of 4.3.0, which also gave the remote item
// its own color (before, it had the status bar's).
const generation430 = 5

// explain searches for settings, a color and an extension version under
// which the extension writes have. It returns what differs from the
// user's view (ps, the local or remote color) in words, and the
// differences nothing explains (none when the file is fully explained),
// for the reading that leaves the fewest.
func (p *Project) explain(doc *workspace.Document, have map[string]string, ps palette.Settings, remote bool) (why []string, unexplained []Drift) {
	type base struct {
		text, key string
	}
	var bases []base
	merged := p.merged(doc)
	for _, k := range []string{ColorKeyFor(remote), ColorKeyFor(!remote)} {
		if v, ok := merged[k].(string); ok && strings.TrimSpace(v) != "" && !slices.ContainsFunc(bases, func(b base) bool { return b.text == v }) {
			bases = append(bases, base{v, k})
		}
	}
	// The plain reading (your settings, this color) is the one to beat: an
	// inferred reading is taken only when it leaves fewer differences.
	best := -1
	if len(bases) > 0 {
		if c, err := palette.Parse(bases[0].text); err == nil {
			why, unexplained = explainByVersion(compare(have, palette.Derive(c, ps), ps.ExcludedSettings), have)
			best = 0
		}
	}
	for i, b := range bases {
		c, err := palette.Parse(b.text)
		if err != nil {
			continue
		}
		inferred := infer(c, have, ps)
		want := palette.Derive(c, inferred)
		versions, rest := explainByVersion(compare(have, want, ps.ExcludedSettings), have)
		if best >= 0 && len(rest) >= len(unexplained) {
			continue
		}
		w := settingsDiff(ps, inferred)
		if i > 0 {
			w = append(w, fmt.Sprintf("derived from %s %s, not %s", b.key, b.text, bases[0].key))
		}
		best, why, unexplained = i, append(w, versions...), rest
		if len(rest) == 0 {
			break
		}
	}
	return why, unexplained
}

// explainByVersion sets apart the differences an older extension version
// leaves behind from the rest. The file's generation is that of the newest
// key it holds (see laterKeys); only keys of later generations may be
// missing, and the remote item may have the status bar color (before
// 4.3.0) only in a file older than 4.3.0. A key deleted by hand from a file
// that holds newer keys stays drift.
func explainByVersion(drifts []Drift, have map[string]string) (why []string, rest []Drift) {
	gen := 0
	for k := range have {
		gen = max(gen, laterKeys[k])
	}
	var missing []string
	oldRemote := false
	for _, d := range drifts {
		switch {
		case d.Kind == "missing" && laterKeys[d.Key] > gen:
			missing = append(missing, d.Key)
		case d.Key == "statusBarItem.remoteBackground" && d.Kind == "changed" && gen < generation430 &&
			strings.EqualFold(d.Have, have["statusBar.background"]):
			oldRemote = true
		default:
			rest = append(rest, d)
		}
	}
	if len(missing) > 0 {
		why = append(why, "an older Peacock extension, which did not write "+strings.Join(missing, ", ")+" yet")
	}
	if oldRemote {
		why = append(why, "a Peacock extension before 4.3.0, which gave statusBarItem.remoteBackground the status bar color")
	}
	return why, rest
}

// infer returns ps changed to what the file says about the settings it
// was derived with.
func infer(c palette.Color, have map[string]string, ps palette.Settings) palette.Settings {
	s := ps
	s.Style = palette.StylePeacock
	present := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := have[k]; ok {
				return true
			}
		}
		return false
	}
	s.AffectActivityBar = present("activityBar.background", "activityBar.activeBackground", "activityBarTop.background", "activityBar.foreground", "activityBarBadge.background")
	s.AffectStatusBar = present("statusBar.background", "statusBar.foreground", "statusBarItem.hoverBackground", "statusBarItem.remoteBackground")
	s.AffectTitleBar = present("titleBar.activeBackground", "titleBar.activeForeground", "titleBar.inactiveBackground")
	// A missing key the extension added later says nothing about a flag
	// that defaults to true: the version explains it.
	s.AffectSashHover = present("sash.hoverBorder") || ps.AffectSashHover
	s.AffectEditorGroupBorder = present("editorGroup.border")
	s.AffectPanelBorder = present("panel.border")
	s.AffectSideBarBorder = present("sideBar.border")
	s.AffectStatusAndTitleBorders = present("statusBar.border", "titleBar.border")
	s.AffectTabActiveBorder = present("tab.activeBorder")
	s.AffectTabActiveBackground = present("tab.activeBackground")
	s.AffectWindowBorder = present("window.activeBorder", "window.inactiveBorder")
	s.SquigglyBeGone = present("editorError.foreground", "editorWarning.foreground", "editorInfo.foreground")
	hasBG := s.AffectActivityBar || s.AffectStatusBar || s.AffectTitleBar
	s.KeepForegroundColor = hasBG && !present("activityBar.foreground", "statusBar.foreground", "titleBar.activeForeground", "activityBarTop.foreground", "commandCenter.foreground", "statusBar.debuggingForeground")
	s.KeepBadgeColor = s.AffectActivityBar && !present("activityBarBadge.background", "activityBarBadge.foreground")

	adjust := func(cur palette.Adjustment, keys ...string) palette.Adjustment {
		for _, k := range keys {
			v, ok := have[k]
			if !ok {
				continue
			}
			for _, a := range []palette.Adjustment{cur, palette.AdjustNone, palette.AdjustLighten, palette.AdjustDarken} {
				if strings.EqualFold(adjusted(c, a).Hex(), v) {
					return a
				}
			}
			return cur
		}
		return cur
	}
	s.ActivityBarAdjustment = adjust(ps.ActivityBarAdjustment, "activityBar.background", "activityBar.activeBackground", "sash.hoverBorder", "editorGroup.border", "panel.border", "sideBar.border", "tab.activeBorder")
	s.StatusBarAdjustment = adjust(ps.StatusBarAdjustment, "statusBar.background")
	s.TitleBarAdjustment = adjust(ps.TitleBarAdjustment, "titleBar.activeBackground")

	// The debugging status bar: the complement of the status bar color.
	if v, ok := have["statusBar.debuggingBackground"]; ok {
		sb := adjusted(c, s.StatusBarAdjustment)
		s.AffectDebuggingStatusBar = strings.EqualFold(v, palette.Complement(sb).Hex()) && !strings.EqualFold(v, sb.Hex())
	} else {
		s.AffectDebuggingStatusBar = present("statusBar.debuggingBorder")
	}

	// Foregrounds: the value written on a light background is the dark
	// foreground, and the other way round. Only a bar whose background is
	// what the color derives says anything: a background edited by hand
	// tells nothing about the settings.
	fgs := []struct {
		bg, fg string
		adj    palette.Adjustment
	}{
		{"statusBar.background", "statusBar.foreground", s.StatusBarAdjustment},
		{"activityBar.background", "activityBar.foreground", s.ActivityBarAdjustment},
		{"titleBar.activeBackground", "titleBar.activeForeground", s.TitleBarAdjustment},
	}
	// Each bar votes for the foreground of its side; the value most bars
	// agree on wins, so one foreground edited by hand does not pass for a
	// setting.
	votes := map[bool]map[string]int{true: {}, false: {}}
	for _, pr := range fgs {
		bgText, ok1 := have[pr.bg]
		fg, ok2 := have[pr.fg]
		bg := adjusted(c, pr.adj)
		if !ok1 || !ok2 || !sameColor(bgText, bg.Hex()) {
			continue
		}
		if pr.fg == "titleBar.activeForeground" && strings.EqualFold(fg, "#595959") {
			s.Cursor = true
			continue
		}
		votes[palette.IsLight(bg)][strings.ToLower(fg)]++
	}
	winner := func(v map[string]int) string {
		best, n, tie := "", 0, false
		for fg, k := range v {
			switch {
			case k > n:
				best, n, tie = fg, k, false
			case k == n:
				tie = true
			}
		}
		if tie {
			return ""
		}
		return best
	}
	if fg := winner(votes[true]); fg != "" {
		s.DarkForegroundColor = fg
	}
	if fg := winner(votes[false]); fg != "" {
		s.LightForegroundColor = fg
	}
	if s.DarkForegroundColor != ps.DarkForegroundColor && sameColor(s.DarkForegroundColor, defaultForeground(ps.DarkForegroundColor, palette.DefaultDarkForeground)) {
		s.DarkForegroundColor = ps.DarkForegroundColor
	}
	if s.LightForegroundColor != ps.LightForegroundColor && sameColor(s.LightForegroundColor, defaultForeground(ps.LightForegroundColor, palette.DefaultLightForeground)) {
		s.LightForegroundColor = ps.LightForegroundColor
	}
	return s
}

func defaultForeground(set, def string) string {
	if set == "" {
		return def
	}
	return set
}

func sameColor(a, b string) bool {
	x, err1 := palette.Parse(a)
	y, err2 := palette.Parse(b)
	return err1 == nil && err2 == nil && x.Hex() == y.Hex()
}

// adjusted is a bar's background under an element adjustment (always by
// 10, as the extension).
func adjusted(c palette.Color, a palette.Adjustment) palette.Color {
	switch a {
	case palette.AdjustLighten:
		return palette.Lighten(c, 10)
	case palette.AdjustDarken:
		return palette.Darken(c, 10)
	}
	return c
}

// settingsDiff describes the settings in b that differ from a, as
// peacock.* settings.
func settingsDiff(a, b palette.Settings) []string {
	var out []string
	flag := func(name string, x, y bool) {
		if x != y {
			out = append(out, fmt.Sprintf("peacock.%s: %t (yours: %t)", name, y, x))
		}
	}
	flag("affectActivityBar", a.AffectActivityBar, b.AffectActivityBar)
	flag("affectStatusBar", a.AffectStatusBar, b.AffectStatusBar)
	flag("affectTitleBar", a.AffectTitleBar, b.AffectTitleBar)
	flag("affectSashHover", a.AffectSashHover, b.AffectSashHover)
	flag("affectEditorGroupBorder", a.AffectEditorGroupBorder, b.AffectEditorGroupBorder)
	flag("affectPanelBorder", a.AffectPanelBorder, b.AffectPanelBorder)
	flag("affectSideBarBorder", a.AffectSideBarBorder, b.AffectSideBarBorder)
	flag("affectStatusAndTitleBorders", a.AffectStatusAndTitleBorders, b.AffectStatusAndTitleBorders)
	flag("affectDebuggingStatusBar", a.AffectDebuggingStatusBar, b.AffectDebuggingStatusBar)
	flag("affectTabActiveBorder", a.AffectTabActiveBorder, b.AffectTabActiveBorder)
	flag("affectTabActiveBackground", a.AffectTabActiveBackground, b.AffectTabActiveBackground)
	flag("affectWindowBorder", a.AffectWindowBorder, b.AffectWindowBorder)
	flag("keepForegroundColor", a.KeepForegroundColor, b.KeepForegroundColor)
	flag("keepBadgeColor", a.KeepBadgeColor, b.KeepBadgeColor)
	flag("squigglyBeGone", a.SquigglyBeGone, b.SquigglyBeGone)
	adj := func(name string, x, y palette.Adjustment) {
		if x != y {
			out = append(out, fmt.Sprintf("peacock.elementAdjustments %s: %s (yours: %s)", name, y, x))
		}
	}
	adj("activityBar", a.ActivityBarAdjustment, b.ActivityBarAdjustment)
	adj("statusBar", a.StatusBarAdjustment, b.StatusBarAdjustment)
	adj("titleBar", a.TitleBarAdjustment, b.TitleBarAdjustment)
	fg := func(name, x, y, def string) {
		if !sameColor(defaultForeground(x, def), defaultForeground(y, def)) {
			out = append(out, fmt.Sprintf("peacock.%s: %s (yours: %s)", name, defaultForeground(y, def), defaultForeground(x, def)))
		}
	}
	fg("darkForegroundColor", a.DarkForegroundColor, b.DarkForegroundColor, palette.DefaultDarkForeground)
	fg("lightForegroundColor", a.LightForegroundColor, b.LightForegroundColor, palette.DefaultLightForeground)
	if a.Cursor != b.Cursor {
		if b.Cursor {
			out = append(out, "written in Cursor (title bar text #595959)")
		} else {
			out = append(out, "written outside Cursor (title bar text not #595959)")
		}
	}
	if a.Style != palette.StylePeacock && a.Style != "" && b.Style == palette.StylePeacock {
		out = append(out, "peacock.style: peacock (yours: "+string(a.Style)+")")
	}
	return out
}
