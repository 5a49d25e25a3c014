package project

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// fileOf returns a settings.json body holding what color derives under s,
// then the extra members. The keys are in the order s.Version wrote them:
// sorted since 3.7.0, grouped by element before (the activity bar, the
// title bar, the status bar, then the rest).
func fileOf(color string, s palette.Settings, drop string, extra string) string {
	colors := palette.Derive(palette.MustParse(color), s)
	delete(colors, drop)
	keys := palette.SortedKeys(colors)
	if !s.Version.IsZero() && s.Version.Compare(palette.Version{Major: 3, Minor: 7}) < 0 {
		group := func(k string) int {
			for i, p := range []string{"activityBar", "titleBar.", "statusBar"} {
				if strings.HasPrefix(k, p) {
					return i
				}
			}
			return 3
		}
		slices.SortStableFunc(keys, func(a, b string) int { return group(a) - group(b) })
	}
	var b strings.Builder
	b.WriteString("{\n  \"workbench.colorCustomizations\": {\n")
	for i, k := range keys {
		sep := ","
		if i == len(colors)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %q: %q%s\n", k, colors[k], sep)
	}
	fmt.Fprintf(&b, "  },\n  \"peacock.color\": %q%s\n}\n", color, extra)
	return b.String()
}

// TestCheckEveryRelease writes the file each range of releases writes
// (derived with that release's rules), under its package defaults and
// under other settings, and checks that check explains it with a span of
// releases that holds the release, and the settings assumed.
func TestCheckEveryRelease(t *testing.T) {
	type variant struct {
		name  string
		since palette.Version // the first release with the setting
		edit  func(*palette.Settings)
		why   string // in ExplainedBy
	}
	variants := []variant{
		{"defaults", palette.Version{}, func(*palette.Settings) {}, ""},
		{"keepForegroundColor", palette.Version{Minor: 7}, func(s *palette.Settings) { s.KeepForegroundColor = true }, "peacock.keepForegroundColor: true (yours: false)"},
		{"activity bar not lightened", palette.Version{Minor: 6}, func(s *palette.Settings) { s.ActivityBarAdjustment = palette.AdjustNone }, "peacock.elementAdjustments activityBar: none (yours: lighten)"},
		{"no status bar", palette.Version{Minor: 0, Patch: 6}, func(s *palette.Settings) { s.AffectStatusBar = false }, "peacock.affectStatusBar: false (yours: true)"},
		{"keepBadgeColor", palette.Version{Major: 1}, func(s *palette.Settings) { s.KeepBadgeColor = true }, "peacock.keepBadgeColor: true (yours: false)"},
		{"tab border", palette.Version{Major: 2, Minor: 5}, func(s *palette.Settings) { s.AffectTabActiveBorder = true }, "peacock.affectTabActiveBorder: true (yours: false)"},
		{"status and title borders", palette.Version{Major: 3, Minor: 8}, func(s *palette.Settings) { s.AffectStatusAndTitleBorders = true }, "peacock.affectStatusAndTitleBorders: true (yours: false)"},
		{"debugging", palette.Version{Major: 3, Minor: 9}, func(s *palette.Settings) { s.AffectDebuggingStatusBar = true }, "peacock.affectDebuggingStatusBar: true (yours: false)"},
		{"squigglyBeGone", palette.Version{Major: 4, Minor: 2}, func(s *palette.Settings) { s.SquigglyBeGone = true }, "peacock.squigglyBeGone: true (yours: false)"},
		{"window border", palette.Version{Major: 4, Minor: 3}, func(s *palette.Settings) { s.AffectWindowBorder = true }, "peacock.affectWindowBorder: true (yours: false)"},
		{"Cursor", palette.Version{Major: 4, Minor: 3}, func(s *palette.Settings) { s.Cursor = true }, "written in Cursor"},
	}
	n := 0
	for _, rel := range palette.Releases() {
		for _, v := range variants {
			if rel.Compare(v.since) < 0 {
				continue
			}
			for _, color := range []string{"#42b883", "#1857a4"} {
				name := fmt.Sprintf("%s/%s/%s", rel, v.name, color)
				s := palette.DefaultSettingsOf(rel)
				v.edit(&s)
				file := fileOf(color, s, "", "")
				p := testProject(t, map[string]string{".vscode/settings.json": file}, Options{})
				r, err := p.Check(false)
				if err != nil {
					t.Fatal(err)
				}
				n++
				if rel == palette.Current && v.why == "" {
					if r.Status != StatusOK {
						t.Errorf("%s: %s %v, want ok", name, r.Status, r.Drift)
					}
					continue
				}
				if r.Status != StatusExplained {
					t.Errorf("%s: %s %v, want explained", name, r.Status, r.Drift)
					continue
				}
				if rel.Compare(r.Oldest) < 0 || rel.Compare(r.Newest) > 0 {
					// Only a release that writes this very file, with its
					// defaults and at most the variant, may date it.
					if !slices.ContainsFunc(palette.Releases(), func(q palette.Version) bool {
						if q.Compare(r.Oldest) < 0 || q.Compare(r.Newest) > 0 {
							return false
						}
						c := palette.MustParse(color)
						want := palette.Derive(c, s)
						sq := palette.DefaultSettingsOf(q)
						plain := palette.Derive(c, sq)
						v.edit(&sq)
						return maps.Equal(want, plain) || maps.Equal(want, palette.Derive(c, sq))
					}) {
						t.Errorf("%s: dated %s, which does not write it", name, r.Versions)
					}
					continue
				}
				if v.why != "" && file != fileOf(color, palette.DefaultSettingsOf(rel), "", "") && !slices.ContainsFunc(r.ExplainedBy, func(w string) bool { return strings.Contains(w, v.why) }) {
					t.Errorf("%s: explained by %q, want %q", name, r.ExplainedBy, v.why)
				}
				if len(r.Assumed) > 1 {
					t.Errorf("%s: assumes %q, want at most one setting", name, r.Assumed)
				}
			}
		}
	}
	t.Logf("%d generated files explained", n)
}

// TestCheckReleaseDeletions deletes one key at a time from the file each
// range of releases writes with its package defaults: drift, except the
// deletion of the only key of the newest release among the file's keys
// (that makes a complete file of an older release, which nothing can tell
// from a deletion).
func TestCheckReleaseDeletions(t *testing.T) {
	n := 0
	for _, rel := range palette.Releases() {
		s := palette.DefaultSettingsOf(rel)
		colors := palette.Derive(palette.MustParse("#42b883"), s)
		var newest palette.Version
		added := 0
		for k := range colors {
			switch first, _ := palette.FirstRelease(k); first.Compare(newest) {
			case 1:
				newest, added = first, 1
			case 0:
				added++
			}
		}
		for k := range colors {
			if first, _ := palette.FirstRelease(k); first == newest && added == 1 {
				continue
			}
			p := testProject(t, map[string]string{".vscode/settings.json": fileOf("#42b883", s, k, "")}, Options{})
			r, err := p.Check(false)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if r.Status != StatusDrift {
				t.Errorf("%s without %s: %s %q, want drift", rel, k, r.Status, r.ExplainedBy)
			}
		}
	}
	if n < 200 {
		t.Fatalf("only %d deletions", n)
	}
	t.Logf("%d deletions, all drift", n)
}

// TestCheckContrastSkipsInactive: WCAG 1.4.3 exempts inactive components,
// so the inactive foregrounds of the extension's own palette are no
// warning; text that must be read still is (Vue Green: the badge; red:
// the bars' text and the remote item).
func TestCheckContrastSkipsInactive(t *testing.T) {
	for _, tt := range []struct {
		color string
		want  int
	}{{"#42b883", 1}, {"red", 7}} {
		p := testProject(t, map[string]string{".vscode/settings.json": fileOf(tt.color, palette.DefaultSettings(), "", "")}, Options{})
		r, err := p.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range r.LowContrast {
			if strings.HasSuffix(w.Foreground, ".inactiveForeground") {
				t.Errorf("%s: warning for %s on %s", tt.color, w.Foreground, w.Background)
			}
		}
		if len(r.LowContrast) != tt.want {
			t.Errorf("%s: %d warnings %v, want %d", tt.color, len(r.LowContrast), r.LowContrast, tt.want)
		}
	}
}

// TestCheckKeyOrderDates: before 3.7.0 the keys were written grouped by
// element, since sorted. A 3.6.0 file in its own order may be 3.6.0 or
// 3.8.x (they write the same keys with the defaults), and check says so;
// the same keys sorted were laid out by 3.7.0 or later.
func TestCheckKeyOrderDates(t *testing.T) {
	s := palette.DefaultSettingsOf(palette.Version{Major: 3, Minor: 6})
	grouped := fileOf("#42b883", s, "", "")
	s.Version = palette.Version{Major: 3, Minor: 8}
	sorted := fileOf("#42b883", s, "", "")
	if grouped == sorted {
		t.Fatal("the 3.6.0 file is sorted")
	}
	for _, tt := range []struct {
		file string
		also bool
	}{{grouped, true}, {sorted, false}} {
		p := testProject(t, map[string]string{".vscode/settings.json": tt.file}, Options{})
		r, err := p.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		also := slices.Contains(r.ExplainedBy, "Peacock 3.6.0 writes the same file")
		if r.Status != StatusExplained || r.Versions != "3.8.0–3.9.1" || also != tt.also {
			t.Errorf("%s %s %q, want 3.8.0–3.9.1 and the 3.6.0 note %t", r.Status, r.Versions, r.ExplainedBy, tt.also)
		}
	}
}

// TestCheckUserKeyOfLaterRelease: a key a release did not own is the
// user's, which that release never touched. Peacock's own repository had
// window.activeBorder (the activity bar color) set by hand in 2020, in
// files 3.2 to 3.9 wrote, years before 4.3.0 came to own it. Even though
// 4.3.0 writes that very value there, a file that lacks everything else
// 4.3.0 writes (window.inactiveBorder, activityBarTop.*, commandCenter.*)
// is no 4.3.0 file. A key deleted from a file of the release that owns it
// stays drift.
func TestCheckUserKeyOfLaterRelease(t *testing.T) {
	c := palette.MustParse("#1857a4")
	for _, v := range []palette.Version{{Major: 3, Minor: 2}, {Major: 3, Minor: 7}, {Major: 3, Minor: 9}} {
		s := palette.DefaultSettingsOf(v)
		on := s
		on.Version, on.AffectWindowBorder = palette.Current, true
		border := palette.Derive(c, on)["window.activeBorder"]
		file := strings.Replace(fileOf("#1857a4", s, "", ""), "\"workbench.colorCustomizations\": {\n",
			"\"workbench.colorCustomizations\": {\n    \"window.activeBorder\": \""+border+"\",\n", 1)
		p := testProject(t, map[string]string{".vscode/settings.json": file}, Options{})
		r, err := p.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		note := slices.ContainsFunc(r.ExplainedBy, func(x string) bool {
			return strings.HasPrefix(x, "window.activeBorder "+border+" is your own key")
		})
		if r.Status != StatusExplained || r.Oldest.Compare(v) > 0 || r.Newest.Compare(v) < 0 || !note {
			t.Errorf("%s: %s %s %q, want explained by a span holding %s with the window.activeBorder note", v, r.Status, r.Versions, r.ExplainedBy, v)
		}
	}
	// The other way round: the file is the later release's, less one key.
	s := palette.DefaultSettingsOf(palette.Current)
	s.AffectWindowBorder = true
	for _, drop := range []string{"window.inactiveBorder", "activityBarTop.activeBorder", "commandCenter.foreground"} {
		file := fileOf("#1857a4", s, drop, ",\n  \"peacock.affectWindowBorder\": true")
		p := testProject(t, map[string]string{".vscode/settings.json": file}, Options{})
		r, err := p.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != StatusDrift {
			t.Errorf("%s deleted: %s %s %q, want drift", drop, r.Status, r.Versions, r.ExplainedBy)
		}
	}
}
