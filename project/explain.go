package project

import (
	"fmt"
	"slices"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// explanation is the outcome of explain: a valid one dates the file to a
// span of releases, with the settings it assumes and notes; otherwise
// drift holds the differences of the closest reading and notes what that
// reading assumes.
type explanation struct {
	valid          bool
	span           string
	oldest, newest palette.Version
	assumed, notes []string
	drift          []Drift
}

// unit is one boolean peacock.* setting as a release knew it: 2.5.0 to
// 3.10.x had one affectAccentBorders for several keys that later releases
// split into one setting each. It matters for releases since <= v < until
// (a zero until: every later release).
type unit struct {
	name         string
	since, until palette.Version
	fields       func(*palette.Settings) []*bool
}

func (u unit) relevant(v palette.Version) bool {
	return v.Compare(u.since) >= 0 && (u.until.IsZero() || v.Compare(u.until) < 0)
}

func (u unit) get(s *palette.Settings) bool { return *u.fields(s)[0] }

func (u unit) differs(a, b *palette.Settings) bool {
	fa, fb := u.fields(a), u.fields(b)
	for i := range fa {
		if *fa[i] != *fb[i] {
			return true
		}
	}
	return false
}

func (u unit) copy(dst, src *palette.Settings) {
	fd, fs := u.fields(dst), u.fields(src)
	for i := range fd {
		*fd[i] = *fs[i]
	}
}

func ver(major, minor, patch int) palette.Version {
	return palette.Version{Major: major, Minor: minor, Patch: patch}
}

func one(f func(*palette.Settings) *bool) func(*palette.Settings) []*bool {
	return func(s *palette.Settings) []*bool { return []*bool{f(s)} }
}

var units = []unit{
	{"affectActivityBar", ver(0, 0, 7), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectActivityBar })},
	{"affectStatusBar", ver(0, 0, 6), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectStatusBar })},
	{"affectTitleBar", palette.Version{}, palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectTitleBar })},
	{"affectAccentBorders", ver(2, 5, 0), ver(3, 10, 0), func(s *palette.Settings) []*bool {
		return []*bool{&s.AffectEditorGroupBorder, &s.AffectPanelBorder, &s.AffectSideBarBorder}
	}},
	{"affectAccentBorders", ver(3, 10, 0), ver(3, 11, 0), func(s *palette.Settings) []*bool {
		return []*bool{&s.AffectEditorGroupBorder, &s.AffectPanelBorder, &s.AffectSideBarBorder, &s.AffectSashHover}
	}},
	{"affectEditorGroupBorder", ver(3, 11, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectEditorGroupBorder })},
	{"affectPanelBorder", ver(3, 11, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectPanelBorder })},
	{"affectSideBarBorder", ver(3, 11, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectSideBarBorder })},
	{"affectSashHover", ver(3, 11, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectSashHover })},
	{"affectStatusAndTitleBorders", ver(3, 8, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectStatusAndTitleBorders })},
	{"affectDebuggingStatusBar", ver(3, 9, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectDebuggingStatusBar })},
	{"affectTabActiveBorder", ver(2, 5, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectTabActiveBorder })},
	{"affectTabActiveBackground", ver(4, 3, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectTabActiveBackground })},
	{"affectWindowBorder", ver(4, 3, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.AffectWindowBorder })},
	{"keepForegroundColor", ver(0, 7, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.KeepForegroundColor })},
	{"keepBadgeColor", ver(1, 0, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.KeepBadgeColor })},
	{"squigglyBeGone", ver(4, 2, 0), palette.Version{}, one(func(s *palette.Settings) *bool { return &s.SquigglyBeGone })},
}

// explain searches the releases (newest first), the stored colors (the
// one that applies first) and, for each, the settings the layers give and
// the settings the file itself suggests, for a reading that reproduces
// have exactly. See Check for the rules.
func (p *Project) explain(doc *workspace.Document, have map[string]string, ps palette.Settings, remote bool) *explanation {
	// Before 3.7.0 the extension wrote the keys grouped by element (the
	// activity bar, the title bar, then the status bar), since sorted; a
	// file keeps the order its keys were first written in. So owned keys
	// in sorted order, title and status bar keys among them, were laid
	// out by 3.7.0 or later.
	var order []string
	for _, m := range doc.ColorCustomizations() {
		if _, ok := have[m.Key]; ok && !slices.Contains(order, m.Key) {
			order = append(order, m.Key)
		}
	}
	bars := slices.ContainsFunc(order, func(k string) bool { return strings.HasPrefix(k, "titleBar.") }) &&
		slices.ContainsFunc(order, func(k string) bool { return strings.HasPrefix(k, "statusBar.") })
	sortedLayout := bars && slices.Equal(order, palette.SortedKeys(have))
	type base struct {
		text, key string
		color     palette.Color
	}
	var bases []base
	merged := p.merged(doc)
	for _, k := range []string{colorKeyFor(remote), colorKeyFor(!remote)} {
		v, ok := merged[k].(string)
		if !ok || strings.TrimSpace(v) == "" || slices.ContainsFunc(bases, func(b base) bool { return b.text == v }) {
			continue
		}
		if c, err := palette.Parse(v); err == nil {
			bases = append(bases, base{v, k, c})
		}
	}
	rels := palette.Releases()
	type found struct {
		score          int
		assumed, notes []string
	}
	valid := map[[2]int]found{}
	bestKey, bestScore := [2]int{-1, -1}, 0
	var closest []Drift
	var closestWhy []string
	// The simplest reading that lacks exactly one key: a file explained
	// only by assuming more settings than that is a hand edit.
	var deletion []Drift
	deletionScore := 0
	for bi, b := range bases {
		for ri := len(rels) - 1; ri >= 0; ri-- {
			v := rels[ri]
			if sortedLayout && v.Compare(ver(3, 7, 0)) < 0 {
				break
			}
			layer, err := palette.DefaultSettingsOf(v).Merge(merged)
			if err != nil {
				continue
			}
			layer.Version, layer.Cursor, layer.ExcludedSettings = v, ps.Cursor, ps.ExcludedSettings
			for _, s := range []palette.Settings{layer, infer(b.color, have, layer, v)} {
				w := palette.Derive(b.color, s)
				d, notes := compareAt(b.color, have, w, v, s)
				if len(d) == 1 && d[0].Kind == "missing" {
					score := len(settingsDiff(layer, s, v))
					if bi > 0 {
						score++
					}
					if deletion == nil || score < deletionScore {
						deletion, deletionScore = d, score
					}
				}
				if len(d) > 0 {
					if closest == nil || len(d) < len(closest) {
						closest, closestWhy = d, settingsDiff(layer, s, v)
						if v != palette.Current {
							closestWhy = append([]string{"Peacock " + palette.RangeOf(v)}, closestWhy...)
						}
					}
					continue
				}
				if len(w) == 0 || deletesOne(b.color, s, layer, v, w, ps.ExcludedSettings) {
					continue
				}
				assumed := settingsDiff(layer, s, v)
				score := len(assumed)
				if bi > 0 {
					score++
				}
				k := [2]int{bi, ri}
				if f, ok := valid[k]; ok && f.score <= score {
					continue
				}
				valid[k] = found{score, assumed, notes}
				if bestKey[0] < 0 || score < bestScore {
					bestKey, bestScore = k, score
				}
			}
		}
	}
	if bestKey[0] < 0 {
		return &explanation{drift: closest, notes: closestWhy}
	}
	if deletion != nil && deletionScore < bestScore {
		return &explanation{drift: deletion}
	}
	best := valid[bestKey]
	// The neighboring ranges that read the file the same way make one span.
	same := func(k [2]int) bool {
		f, ok := valid[k]
		return ok && f.score == best.score && slices.Equal(f.assumed, best.assumed)
	}
	lo, hi := bestKey[1], bestKey[1]
	for lo > 0 && same([2]int{bestKey[0], lo - 1}) {
		lo--
	}
	for hi < len(rels)-1 && same([2]int{bestKey[0], hi + 1}) {
		hi++
	}
	e := &explanation{valid: true, span: palette.Span(rels[lo], rels[hi]), oldest: rels[lo], newest: rels[hi], assumed: best.assumed, notes: best.notes}
	// Releases apart from the span that write the same file under the
	// same assumptions (3.6.0 and 3.8.0 with the defaults): said, not
	// hidden.
	var also []string
	for ri := len(rels) - 1; ri >= 0; ri-- {
		if (ri < lo || ri > hi) && same([2]int{bestKey[0], ri}) {
			also = append(also, palette.RangeOf(rels[ri]))
		}
	}
	if len(also) > 0 {
		e.notes = append(e.notes, "Peacock "+strings.Join(also, ", ")+" writes the same file")
	}
	if bestKey[0] > 0 {
		b := bases[bestKey[0]]
		e.notes = append([]string{fmt.Sprintf("derived from %s %s, not %s", b.key, b.text, bases[0].key)}, e.notes...)
	}
	return e
}

// compareAt lists how have differs from w, what release v writes for c: a
// key v does not own is stale (the file is newer than v), except an
// activityBar.activeBorder under 4.1.0 to 4.4.0, which left the one 3.2 to
// 4.0 wrote alone (unless it is the activity bar foreground, as 4.4.1
// writes it). When the keys v owns are all as v writes them, a key v does
// not own that a later release owns is the user's own key, which v never
// touched (Peacock's own repository set window.activeBorder by hand in
// 2020, long before 4.3.0 wrote it), unless that later release writes it
// and its other new keys too: see laterWrites.
func compareAt(c palette.Color, have, w map[string]string, v palette.Version, s palette.Settings) (drifts []Drift, notes []string) {
	var foreign []string
	for _, k := range palette.SortedKeys(have) {
		if slices.Contains(s.ExcludedSettings, k) {
			continue
		}
		h := have[k]
		if !v.Owns(k) {
			foreign = append(foreign, k)
			continue
		}
		x, ok := w[k]
		switch {
		case !ok:
			drifts = append(drifts, Drift{Key: k, Kind: "stale", Have: h})
		case !strings.EqualFold(h, x):
			drifts = append(drifts, Drift{Key: k, Kind: "changed", Have: h, Want: x})
		}
	}
	for _, k := range palette.SortedKeys(w) {
		if _, ok := have[k]; !ok && !slices.Contains(s.ExcludedSettings, k) {
			drifts = append(drifts, Drift{Key: k, Kind: "missing", Want: w[k]})
		}
	}
	clean := len(drifts) == 0
	for _, k := range foreign {
		h := have[k]
		if k == "activityBar.activeBorder" && v.Compare(ver(4, 1, 0)) >= 0 && !strings.EqualFold(h, have["activityBar.foreground"]) {
			// Not owned by 4.1.0 to 4.4.0: what 3.2 to 4.0 wrote
			// (the badge color of the color then) stayed. The
			// activity bar foreground there is what 4.4.1 writes:
			// such a file is a 4.4.1 one that lost a key.
			notes = append(notes, "activityBar.activeBorder "+h+" is left from Peacock 3.2–4.0, which wrote the badge color there (4.1.0–4.4.0 did not own it)")
			continue
		}
		if clean && !laterWrites(c, have, k, v, s) {
			first, _ := palette.FirstRelease(k)
			notes = append(notes, fmt.Sprintf("%s %s is your own key: the releases that wrote this file did not own it (%s and later do, so set and apply replace it)", k, h, first))
			continue
		}
		drifts = append(drifts, Drift{Key: k, Kind: "stale", Have: h})
	}
	slices.SortStableFunc(drifts, func(a, b Drift) int { return strings.Compare(a.Key, b.Key) })
	return drifts, notes
}

// laterWrites reports whether key k of have, which release v does not own,
// is what a later release that owns it writes for c, under s or under s
// with one setting turned the other way, together with at least as many of
// that release's other keys that v does not own as it leaves out: then the
// file is that release's and k is no key of the user's.
func laterWrites(c palette.Color, have map[string]string, k string, v palette.Version, s palette.Settings) bool {
	for _, l := range palette.Releases() {
		if l.Compare(v) <= 0 || !l.Owns(k) {
			continue
		}
		sl := s
		sl.Version = l
		cands := []palette.Settings{sl}
		for _, u := range units {
			if !u.relevant(l) {
				continue
			}
			t := sl
			for _, f := range u.fields(&t) {
				*f = !*f
			}
			cands = append(cands, t)
		}
		for _, t := range cands {
			wl := palette.Derive(c, t)
			x, ok := wl[k]
			if !ok || !strings.EqualFold(x, have[k]) {
				continue
			}
			matched, missing := 0, 0
			for key, val := range wl {
				if v.Owns(key) || key == k || slices.Contains(s.ExcludedSettings, key) {
					continue
				}
				if hv, ok := have[key]; ok && strings.EqualFold(hv, val) {
					matched++
				} else {
					missing++
				}
			}
			if matched+1 >= missing {
				return true
			}
		}
	}
	return false
}

// deletesOne reports whether s assumes a boolean setting, against what the
// layers give, whose only effect is to leave out one key: a key deleted by
// hand looks exactly like that, and a gate must call it drift.
func deletesOne(c palette.Color, s, layer palette.Settings, v palette.Version, w map[string]string, excluded []string) bool {
	for _, u := range units {
		if !u.relevant(v) || !u.differs(&s, &layer) {
			continue
		}
		s2 := s
		u.copy(&s2, &layer)
		w2 := palette.Derive(c, s2)
		added, removed := 0, 0
		for k := range w2 {
			if _, ok := w[k]; !ok && !slices.Contains(excluded, k) {
				added++
			}
		}
		for k := range w {
			if _, ok := w2[k]; !ok {
				removed++
			}
		}
		if added == 1 && removed == 0 {
			return true
		}
	}
	return false
}

// infer returns layer changed to what the file says about the settings
// release v derived it with.
func infer(c palette.Color, have map[string]string, layer palette.Settings, v palette.Version) palette.Settings {
	s := layer
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
	s.AffectSashHover = present("sash.hoverBorder")
	s.AffectEditorGroupBorder = present("editorGroup.border")
	s.AffectPanelBorder = present("panel.border")
	s.AffectSideBarBorder = present("sideBar.border")
	if v.Compare(ver(3, 11, 0)) < 0 {
		accent := present("editorGroup.border", "panel.border", "sideBar.border") ||
			v.Compare(ver(3, 10, 0)) >= 0 && present("sash.hoverBorder")
		s.AffectEditorGroupBorder, s.AffectPanelBorder, s.AffectSideBarBorder = accent, accent, accent
		if v.Compare(ver(3, 10, 0)) >= 0 {
			s.AffectSashHover = accent
		}
	}
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
			x, ok := have[k]
			if !ok {
				continue
			}
			for _, a := range []palette.Adjustment{cur, palette.AdjustNone, palette.AdjustLighten, palette.AdjustDarken} {
				if strings.EqualFold(adjusted(c, a).Hex(), x) {
					return a
				}
			}
			return cur
		}
		return cur
	}
	if v.Compare(ver(0, 6, 0)) < 0 {
		adjust = func(cur palette.Adjustment, _ ...string) palette.Adjustment { return cur }
	}
	s.ActivityBarAdjustment = adjust(layer.ActivityBarAdjustment, "activityBar.background", "activityBar.activeBackground", "sash.hoverBorder", "editorGroup.border", "panel.border", "sideBar.border", "tab.activeBorder")
	s.StatusBarAdjustment = adjust(layer.StatusBarAdjustment, "statusBar.background")
	s.TitleBarAdjustment = adjust(layer.TitleBarAdjustment, "titleBar.activeBackground")

	// The debugging status bar: before 4.3.0 written only when opted in;
	// since, the complement of the status bar color when opted in.
	if x, ok := have["statusBar.debuggingBackground"]; ok && v.Compare(ver(4, 3, 0)) >= 0 {
		sb := adjusted(c, s.StatusBarAdjustment)
		s.AffectDebuggingStatusBar = strings.EqualFold(x, palette.Complement(sb).Hex()) && !strings.EqualFold(x, sb.Hex())
	} else {
		s.AffectDebuggingStatusBar = present("statusBar.debuggingBackground", "statusBar.debuggingBorder")
	}

	// Foregrounds: the value written on a light background is the dark
	// foreground, and the other way round. Only a bar whose background is
	// what the color derives says anything.
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
	s.Cursor = false
	for _, pr := range fgs {
		bgText, ok1 := have[pr.bg]
		fg, ok2 := have[pr.fg]
		bg := adjusted(c, pr.adj)
		if !ok1 || !ok2 || !sameColor(bgText, bg.Hex()) {
			continue
		}
		if pr.fg == "titleBar.activeForeground" && strings.EqualFold(fg, palette.CursorTitleForeground) && v.Compare(ver(4, 3, 0)) >= 0 {
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
	if s.DarkForegroundColor != layer.DarkForegroundColor && sameColor(s.DarkForegroundColor, defaultForeground(layer.DarkForegroundColor, palette.DefaultDarkForeground)) {
		s.DarkForegroundColor = layer.DarkForegroundColor
	}
	if s.LightForegroundColor != layer.LightForegroundColor && sameColor(s.LightForegroundColor, defaultForeground(layer.LightForegroundColor, palette.DefaultLightForeground)) {
		s.LightForegroundColor = layer.LightForegroundColor
	}
	// What release v has no setting for stays as the layers say (a field
	// of a setting v has keeps what was inferred).
	inferred := s
	for _, u := range units {
		if !u.relevant(v) {
			u.copy(&s, &layer)
		}
	}
	for _, u := range units {
		if u.relevant(v) {
			u.copy(&s, &inferred)
		}
	}
	if v.Compare(ver(4, 3, 0)) < 0 {
		s.Cursor = layer.Cursor
	}
	return s
}

// settingsDiff describes the settings of s that differ from layer, as
// peacock.* settings as release v named them.
func settingsDiff(layer, s palette.Settings, v palette.Version) []string {
	var out []string
	for _, u := range units {
		if u.relevant(v) && u.differs(&layer, &s) {
			out = append(out, fmt.Sprintf("peacock.%s: %t (yours: %t)", u.name, u.get(&s), u.get(&layer)))
		}
	}
	adj := func(name string, x, y palette.Adjustment) {
		if x != y && v.Compare(ver(0, 6, 0)) >= 0 { // peacock.elementAdjustments came with 0.6.0
			out = append(out, fmt.Sprintf("peacock.elementAdjustments %s: %s (yours: %s)", name, y, x))
		}
	}
	adj("activityBar", layer.ActivityBarAdjustment, s.ActivityBarAdjustment)
	adj("statusBar", layer.StatusBarAdjustment, s.StatusBarAdjustment)
	adj("titleBar", layer.TitleBarAdjustment, s.TitleBarAdjustment)
	fg := func(name, x, y, def string) {
		if !sameColor(defaultForeground(x, def), defaultForeground(y, def)) {
			out = append(out, fmt.Sprintf("peacock.%s: %s (yours: %s)", name, defaultForeground(y, def), defaultForeground(x, def)))
		}
	}
	fg("darkForegroundColor", layer.DarkForegroundColor, s.DarkForegroundColor, palette.DefaultDarkForeground)
	fg("lightForegroundColor", layer.LightForegroundColor, s.LightForegroundColor, palette.DefaultLightForeground)
	if layer.Cursor != s.Cursor && v.Compare(ver(4, 3, 0)) >= 0 {
		if s.Cursor {
			out = append(out, "written in Cursor (title bar text #595959)")
		} else {
			out = append(out, "written outside Cursor (title bar text not #595959)")
		}
	}
	if layer.Style != palette.StylePeacock && layer.Style != "" && s.Style == palette.StylePeacock {
		out = append(out, "peacock.style: peacock (yours: "+string(layer.Style)+")")
	}
	return out
}
