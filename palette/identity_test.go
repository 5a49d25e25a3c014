package palette_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	colorful "github.com/lucasb-eyer/go-colorful"

	"github.com/peacock-cli/peacock/palette"
)

// The -update flag rewrites golden files in testdata. It is registered here
// only if no other test file of the package registered it first, so one
// shared -update serves every golden test (a second flag.Bool("update")
// would panic).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const identityGolden = "testdata/identity-golden.json"

// goldenIdentities are the identities frozen in identityGolden.
var goldenIdentities = []string{
	"github.com/peacock-cli/peacock",
	"github.com/johnpapa/vscode-peacock",
	"github.com/golang/go",
	"github.com/microsoft/vscode",
	"gitlab.com/gitlab-org/gitlab",
	"bitbucket.org/atlassian/python-bitbucket",
	"codeberg.org/forgejo/forgejo",
	"git.sr.ht/~sircmpwn/hare",
	"example.com:8443/team/service", // not normalized (see project.NormalizeIdentity): hashed as given
	"github.com/o/r",
	"/home/me/src/api",
	"/home/me/src/web",
	`C:\Users\me\src\app`,
	"api",
	"web",
	"frontend",
	"backend",
	"Projekt Ünïcödé",
	"日本語のプロジェクト",
	"",
}

// goldenEntry is one identity of identityGolden.
type goldenEntry struct {
	Identity   string   `json:"identity"`
	Color      string   `json:"color"`
	Candidates []string `json:"candidates"` // IdentityCandidates(identity, 4)
}

type goldenFile struct {
	Comment    string        `json:"comment"`
	Version    int           `json:"version"`
	Identities []goldenEntry `json:"identities"`
}

func hexes(cs []palette.Color) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Hex()
	}
	return out
}

// TestIdentityGolden freezes the identity-to-color mapping. The mapping is
// frozen under IdentityVersion 1 from the first release on (it was
// redefined once before any release): users' projects keep their colors
// across releases. If this test fails, the change recolors existing projects; do
// not run -update to make it pass, but add a new IdentityVersion instead.
// -update is only for adding identities to the list.
func TestIdentityGolden(t *testing.T) {
	got := goldenFile{
		Comment: "Frozen identity colors, palette.IdentityVersion 1, frozen from the first release on: a change here recolors users' projects. Regenerate only to add entries: go test ./palette -run TestIdentityGolden -update",
		Version: palette.IdentityVersion,
	}
	for _, id := range goldenIdentities {
		got.Identities = append(got.Identities, goldenEntry{
			Identity:   id,
			Color:      palette.IdentityColor(id).Hex(),
			Candidates: hexes(palette.IdentityCandidates(id, 4)),
		})
	}
	if updating() {
		data, err := json.MarshalIndent(got, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(identityGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(identityGolden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(identityGolden)
	if err != nil {
		t.Fatal(err)
	}
	var want goldenFile
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if want.Version != palette.IdentityVersion {
		t.Fatalf("golden version %d, IdentityVersion %d", want.Version, palette.IdentityVersion)
	}
	if len(want.Identities) < len(goldenIdentities) {
		t.Fatalf("golden has %d identities, want %d", len(want.Identities), len(goldenIdentities))
	}
	for _, w := range want.Identities {
		if c := palette.IdentityColor(w.Identity).Hex(); c != w.Color {
			t.Errorf("IdentityColor(%q) = %s, frozen as %s", w.Identity, c, w.Color)
		}
		if cs := hexes(palette.IdentityCandidates(w.Identity, len(w.Candidates))); !slices.Equal(cs, w.Candidates) {
			t.Errorf("IdentityCandidates(%q) = %v, frozen as %v", w.Identity, cs, w.Candidates)
		}
	}
}

// identityBars are the bar text pairs an identity color must make readable:
// foreground key, background key.
var identityBars = [...][2]string{
	{"titleBar.activeForeground", "titleBar.activeBackground"},
	{"activityBar.foreground", "activityBar.background"},
	{"statusBar.foreground", "statusBar.background"},
}

// barContrasts returns the contrast of each of identityBars in the palette
// Peacock derives from c under default settings.
func barContrasts(c palette.Color) [len(identityBars)]float64 {
	m := palette.Derive(c, palette.DefaultSettings())
	var out [len(identityBars)]float64
	for i, kv := range identityBars {
		out[i] = palette.Contrast(palette.MustParse(m[kv[0]]), palette.MustParse(m[kv[1]]))
	}
	return out
}

// checkIdentityColor asserts an identity color is opaque, 8-bit exact, and
// that the title, activity and status bar text Peacock derives for it under
// default settings all reach MinContrast. It returns the three contrasts.
func checkIdentityColor(t *testing.T, id string, c palette.Color) [len(identityBars)]float64 {
	t.Helper()
	if c.A != 1 || c != palette.MustParse(c.Hex()) {
		t.Errorf("identity %q: %v is not opaque and 8-bit exact", id, c)
	}
	r := barContrasts(c)
	for i, kv := range identityBars {
		if r[i] < palette.MinContrast {
			t.Errorf("identity %q: %s gives %s on %s a contrast of %.3f", id, c.Hex(), kv[0], kv[1], r[i])
		}
	}
	return r
}

// TestIdentityBarsReadable checks, over 10,000 identities and 256
// candidates of one, that every bar text Peacock derives reaches MinContrast
// (see checkIdentityColor), and logs the smallest contrast per bar. It also
// checks that hues stay spread over the OKLCH circle.
func TestIdentityBarsReadable(t *testing.T) {
	var bins [12]int
	const n = 10000
	mins := [len(identityBars)]float64{21, 21, 21}
	for i := range n {
		id := fmt.Sprintf("github.com/user%d/repo", i)
		c := palette.IdentityColor(id)
		for k, r := range checkIdentityColor(t, id, c) {
			mins[k] = math.Min(mins[k], r)
		}
		_, _, h := c.OKLCH()
		bins[int(h/30)%12]++
	}
	for i, cs := range palette.IdentityCandidates("x", 256) {
		checkIdentityColor(t, fmt.Sprint("x#", i), cs)
	}
	for k, kv := range identityBars {
		t.Logf("smallest contrast of %s over %d identities: %.3f", kv[0], n, mins[k])
	}
	mean := float64(n) / 12
	worst := 0.0
	for _, b := range bins {
		worst = math.Max(worst, math.Abs(float64(b)-mean)/mean)
	}
	if worst > 0.25 {
		t.Errorf("hue histogram %v: a bin is %.0f%% off the mean", bins, worst*100)
	}
	t.Logf("hue histogram (12 bins of 30°) over %d identities: %v, worst bin %.1f%% off the mean", n, bins, worst*100)
}

func TestIdentityCandidates(t *testing.T) {
	cs := palette.IdentityCandidates("github.com/o/r", 64)
	if len(cs) != 64 || cs[0] != palette.IdentityColor("github.com/o/r") {
		t.Fatalf("IdentityCandidates: len %d, first %v", len(cs), cs[0])
	}
	if !slices.Equal(cs[:10], palette.IdentityCandidates("github.com/o/r", 10)) {
		t.Error("IdentityCandidates(n) is not a prefix of IdentityCandidates(m > n)")
	}
	if palette.IdentityCandidates("a", 0) != nil || palette.IdentityCandidates("a", -1) != nil {
		t.Error("IdentityCandidates(n <= 0) != nil")
	}
	distinct := map[palette.Color]bool{}
	for _, c := range cs {
		distinct[c] = true
	}
	if len(distinct) < 60 {
		t.Errorf("only %d distinct colors among 64 candidates", len(distinct))
	}
}

// minPairwise returns the smallest DeltaE00 between two colors of cs.
func minPairwise(cs []palette.Color) float64 {
	m := math.Inf(1)
	for i := range cs {
		for j := range i {
			m = math.Min(m, palette.DeltaE00(cs[i], cs[j]))
		}
	}
	return m
}

func TestDistinctColorTwentyFourProjects(t *testing.T) {
	sets := map[string]func(i int) string{
		"github": func(i int) string { return fmt.Sprintf("github.com/acme/service-%d", i) },
		"paths":  func(i int) string { return fmt.Sprintf("/home/dev/src/project%02d", i) },
		"names": func(i int) string {
			return []string{"api", "web", "cli", "docs", "infra", "mobile", "ios", "android", "backend", "frontend", "auth", "billing", "search", "etl", "ml", "data", "admin", "sdk", "proxy", "gateway", "worker", "cron", "bot", "site"}[i]
		},
		"gitlab":  func(i int) string { return fmt.Sprintf("gitlab.com/group-%d/sub/repo", i*7919) },
		"similar": func(i int) string { return fmt.Sprintf("github.com/o/r%d", i) },
	}
	for name, idOf := range sets {
		t.Run(name, func(t *testing.T) {
			var used []palette.Color
			for i := range 24 {
				id := idOf(i)
				c := palette.DistinctColor(id, used)
				checkIdentityColor(t, id, c)
				if !slices.Contains(palette.IdentityCandidates(id, palette.DistinctCandidates), c) {
					t.Errorf("DistinctColor(%q) = %s is not one of its candidates", id, c.Hex())
				}
				used = append(used, c)
			}
			m := minPairwise(used)
			if m < 12 {
				t.Errorf("min pairwise ΔE00 of 24 projects = %.2f, want ≥ 12", m)
			}
			t.Logf("min pairwise ΔE00 of 24 projects: %.2f", m)
		})
	}
}

func TestDistinctColorChoice(t *testing.T) {
	id := "github.com/o/r"
	if got := palette.DistinctColor(id, nil); got != palette.IdentityColor(id) {
		t.Errorf("DistinctColor(nil) = %s, want IdentityColor %s", got.Hex(), palette.IdentityColor(id).Hex())
	}
	// With the identity's own color in use, DistinctColor must move away.
	used := []palette.Color{palette.IdentityColor(id), {R: 255, G: 255, B: 255, A: 1}}
	got := palette.DistinctColor(id, used)
	// Brute force: the earliest candidate with the largest minimum distance.
	var want palette.Color
	best := -1.0
	for _, c := range palette.IdentityCandidates(id, palette.DistinctCandidates) {
		d := math.Min(palette.DeltaE00(c, used[0]), palette.DeltaE00(c, used[1]))
		if d > best {
			want, best = c, d
		}
	}
	if got != want {
		t.Errorf("DistinctColor = %s, want %s", got.Hex(), want.Hex())
	}
	// Every candidate used exactly: all distances 0, so the earliest wins.
	all := palette.IdentityCandidates(id, palette.DistinctCandidates)
	if got := palette.DistinctColor(id, all); got != all[0] {
		t.Errorf("DistinctColor(all used) = %s, want the first candidate %s", got.Hex(), all[0].Hex())
	}
}

// TestDeltaE00 uses pairs from Sharma, Wu and Dalal, "The CIEDE2000
// color-difference formula: implementation notes, supplementary test data,
// and mathematical observations" (2005), table 1.
func TestDeltaE00(t *testing.T) {
	tests := []struct {
		l1, a1, b1, l2, a2, b2, want float64
	}{
		{50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425},
		{50, 0, 0, 50, -1, 2, 2.3669},
		{50, 2.5, 0, 73, 25, -18, 27.1492},
		{50, 2.5, 0, 50, 3.2592, 0.3350, 1.0},
		{60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
		{22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
	}
	for _, tt := range tests {
		lab := func(l, a, b float64) palette.Color {
			c := colorful.Lab(l/100, a/100, b/100)
			return palette.Color{R: c.R * 255, G: c.G * 255, B: c.B * 255, A: 1}
		}
		got := palette.DeltaE00(lab(tt.l1, tt.a1, tt.b1), lab(tt.l2, tt.a2, tt.b2))
		if math.Abs(got-tt.want) > 1e-3 {
			t.Errorf("DeltaE00(Lab %v %v %v, %v %v %v) = %.4f, want %.4f", tt.l1, tt.a1, tt.b1, tt.l2, tt.a2, tt.b2, got, tt.want)
		}
	}
	if d := palette.DeltaE00(palette.Color{A: 1}, palette.Color{R: 255, G: 255, B: 255, A: 1}); math.Abs(d-100) > 0.1 {
		t.Errorf("DeltaE00(black, white) = %.3f, want 100", d)
	}
}

// FuzzIdentityColor checks that any identity, valid UTF-8 or not, gets an
// 8-bit exact color whose bar text reads (checkIdentityColor).
func FuzzIdentityColor(f *testing.F) {
	for _, s := range goldenIdentities {
		f.Add(s)
	}
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		checkIdentityColor(t, s, palette.IdentityColor(s))
	})
}
