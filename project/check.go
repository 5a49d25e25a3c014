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
	// Drift lists the differences nothing explains (StatusDrift): from
	// the reading of the file that comes closest.
	Drift []Drift
	// Explained lists the differences from what the current settings
	// derive that ExplainedBy accounts for.
	Explained []Drift
	// ExplainedBy says what explains them: the extension releases that
	// wrote the file that way, the stored color it was derived from, and
	// the settings assumed (also in Assumed).
	ExplainedBy []string
	// Versions is the range of extension releases the explanation dates
	// the file to ("3.11.0–4.0.1"); "" unless Status is StatusExplained.
	// Oldest and Newest are the first releases of its first and last
	// range (see palette.Releases).
	Versions       string
	Oldest, Newest palette.Version
	// Assumed lists the settings of the explanation that differ from what
	// the settings layers (package defaults of that release, user settings,
	// the file's own) give.
	Assumed []string
	// LowContrast lists pairs in the file below 4.5:1 where text must be
	// read (WCAG exempts inactive components: no *.inactiveForeground).
	LowContrast []LowContrast
}

// Check compares the owned keys of the target with what its stored color
// derives under the settings that apply. When they differ, it looks for an
// explanation: one range of extension releases, one stored color
// (peacock.color or peacock.remoteColor) and one combination of peacock.*
// settings under which the extension writes exactly the owned keys the
// file holds, no key missing that those releases wrote. Among several it
// takes the one that assumes the fewest settings no settings layer gives,
// then the newest releases. A hand edit is drift, whatever settings could
// in theory produce it: a file whose owned keys were all deleted, or a
// file that lacks one key its release writes by default, which only an
// assumed setting turning off that one key would explain. A missing
// target is an error.
func (p *Project) Check(remote bool) (*CheckReport, error) {
	doc, err := p.Read()
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%s does not exist; nothing to check", p.Display(p.Target.Path))
	}
	return p.CheckDoc(doc, remote)
}

// CheckDoc is Check of doc, the target as the caller already read it (not
// nil), so that a caller that looked at the target does not read and parse
// it again.
func (p *Project) CheckDoc(doc *workspace.Document, remote bool) (*CheckReport, error) {
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
	if r.Value == "" || len(have) == 0 {
		// No color, or every owned key deleted: nothing but assumptions
		// that turn off all a file shows could explain that.
		r.Status, r.Drift = StatusDrift, drifts
		return r, nil
	}
	e := p.explain(doc, have, ps, remote)
	if e == nil || !e.valid {
		// Only what nothing explains is drift: the differences of the
		// closest reading; the rest is how the extension may have
		// written the file.
		r.Status, r.Drift = StatusDrift, drifts
		if e != nil && len(e.drift) > 0 && len(e.drift) < len(drifts) {
			r.Drift, r.ExplainedBy = e.drift, e.notes
			for _, d := range drifts {
				if !slices.ContainsFunc(e.drift, func(x Drift) bool { return x.Key == d.Key }) {
					r.Explained = append(r.Explained, d)
				}
			}
		}
		return r, nil
	}
	r.Status, r.Explained = StatusExplained, drifts
	r.Versions, r.Oldest, r.Newest, r.Assumed = e.span, e.oldest, e.newest, e.assumed
	if e.span != palette.RangeOf(palette.Current) {
		r.ExplainedBy = append(r.ExplainedBy, "Peacock "+e.span)
	}
	r.ExplainedBy = append(r.ExplainedBy, e.assumed...)
	r.ExplainedBy = append(r.ExplainedBy, e.notes...)
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
		if strings.HasSuffix(pr[1], ".inactiveForeground") {
			continue // WCAG 1.4.3 exempts inactive components
		}
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
