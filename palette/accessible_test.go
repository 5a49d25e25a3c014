package palette_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// peacockFG is Peacock's fg(x): #15202b on light colors, #e7e7e7 on dark.
func peacockFG(c palette.Color) string {
	if palette.IsLight(c) {
		return "#15202b"
	}
	return "#e7e7e7"
}

func randomColor(r *rand.Rand) palette.Color {
	return palette.Color{R: float64(r.IntN(256)), G: float64(r.IntN(256)), B: float64(r.IntN(256)), A: 1}
}

// peacockLikeMap builds colorCustomizations the way Peacock writes them for
// independent activity-bar, title-bar and status-bar colors, with random
// badge, remote and debugging backgrounds, plus keys no pair reads.
func peacockLikeMap(r *rand.Rand) map[string]string {
	a, t, s := randomColor(r), randomColor(r), randomColor(r)
	badge, remote, debug := randomColor(r), randomColor(r), randomColor(r)
	return map[string]string{
		"activityBar.activeBackground":      a.Hex(),
		"activityBar.background":            a.Hex(),
		"activityBar.foreground":            peacockFG(a),
		"activityBar.inactiveForeground":    peacockFG(a) + "99",
		"activityBarTop.background":         a.Hex(),
		"activityBarTop.foreground":         peacockFG(a),
		"activityBarTop.inactiveForeground": peacockFG(a) + "99",
		"activityBarBadge.background":       badge.Hex(),
		"activityBarBadge.foreground":       peacockFG(badge),
		"commandCenter.border":              peacockFG(t) + "99",
		"commandCenter.foreground":          peacockFG(t),
		"titleBar.activeBackground":         t.Hex(),
		"titleBar.activeForeground":         peacockFG(t),
		"titleBar.inactiveBackground":       t.Hex() + "99",
		"titleBar.inactiveForeground":       peacockFG(t) + "99",
		"statusBar.background":              s.Hex(),
		"statusBar.foreground":              peacockFG(s),
		"statusBarItem.hoverBackground":     remote.Hex(),
		"statusBarItem.remoteBackground":    remote.Hex(),
		"statusBarItem.remoteForeground":    peacockFG(s), // fg of S, as Peacock writes it
		"statusBar.debuggingBackground":     debug.Hex(),
		"statusBar.debuggingForeground":     peacockFG(s),
		"editorError.foreground":            "#00000000",
	}
}

func isFGKey(k string) bool {
	for _, p := range palette.Pairs() {
		if p[1] == k {
			return true
		}
	}
	return false
}

func TestMakeAccessibleRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	changed, raised := 0, 0
	for i := range 4000 {
		in := peacockLikeMap(r)
		orig := maps.Clone(in)
		got := palette.MakeAccessible(in)
		if !maps.Equal(in, orig) {
			t.Fatal("MakeAccessible modified its input")
		}
		if len(got) != len(in) {
			t.Fatalf("map %d: %d keys out, %d in", i, len(got), len(in))
		}
		for k, v := range in {
			w, ok := got[k]
			if !ok {
				t.Fatalf("map %d: key %s dropped", i, k)
			}
			if !isFGKey(k) && w != v {
				t.Errorf("map %d: non-foreground %s changed %s -> %s", i, k, v, w)
			}
			if isFGKey(k) && w != v {
				changed++
			}
		}
		for _, p := range palette.Pairs() {
			bg, fg := palette.MustParse(got[p[0]]), palette.MustParse(got[p[1]])
			if c := palette.PairContrast(bg, fg); c < palette.MinContrast {
				t.Errorf("map %d: %s %s / %s %s: contrast %.3f", i, p[0], got[p[0]], p[1], got[p[1]], c)
			}
			if pc := palette.PairContrast(bg, palette.MustParse(in[p[1]])); pc >= palette.MinContrast && got[p[1]] != in[p[1]] {
				t.Errorf("map %d: %s passed (%.2f) but was changed %s -> %s", i, p[1], pc, in[p[1]], got[p[1]])
			}
			if strings.HasSuffix(in[p[1]], "99") {
				checkInactiveAlpha(t, bg, got[p[1]])
				if !strings.HasSuffix(got[p[1]], "99") {
					raised++
				}
			} else if len(got[p[1]]) != 7 {
				t.Errorf("map %d: opaque %s became %s", i, p[1], got[p[1]])
			}
		}
		if again := palette.MakeAccessible(got); !maps.Equal(again, got) {
			t.Fatalf("map %d: not idempotent:\n%v\n%v", i, got, again)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d foregrounds changed, %d inactive alphas raised, in 4000 maps", changed, raised)
}

// checkInactiveAlpha asserts an inactive foreground kept alpha 0x99 unless
// neither black nor white could reach MinContrast at that alpha, and then
// has the smallest alpha byte that passes.
func checkInactiveAlpha(t *testing.T, bg palette.Color, got string) {
	t.Helper()
	c := palette.MustParse(got)
	at := func(base string, a uint8) palette.Color {
		x := palette.MustParse(base)
		x.A = float64(a) / 255
		return x
	}
	possible := palette.PairContrast(bg, at("#000000", 0x99)) >= palette.MinContrast ||
		palette.PairContrast(bg, at("#ffffff", 0x99)) >= palette.MinContrast
	a8 := uint8(c.A*255 + 0.5)
	if possible && a8 != 0x99 {
		t.Errorf("bg %s: inactive fg %s: alpha raised although 0x99 could pass", bg.Hex(), got)
	}
	if !possible && a8 < 0xff {
		if lower := at(got[:7], a8-1); palette.PairContrast(bg, lower) >= palette.MinContrast {
			t.Errorf("bg %s: inactive fg %s: alpha %#x would do", bg.Hex(), got, a8-1)
		}
	}
}

func TestMakeAccessibleKeepsAbsentKeys(t *testing.T) {
	in := map[string]string{
		"statusBar.background":           "#808080",
		"statusBarItem.remoteForeground": "#e7e7e7", // its background is absent
		"titleBar.activeForeground":      "#e7e7e7",
	}
	got := palette.MakeAccessible(in)
	want := map[string]string{
		"statusBar.background":           "#808080",
		"statusBarItem.remoteForeground": "#e7e7e7",
		"titleBar.activeForeground":      "#e7e7e7",
	}
	if !maps.Equal(got, want) {
		t.Errorf("MakeAccessible = %v, want %v", got, want)
	}
	if got := palette.MakeAccessible(nil); got == nil || len(got) != 0 {
		t.Errorf("MakeAccessible(nil) = %#v, want an empty map", got)
	}
}

func TestMakeAccessibleCases(t *testing.T) {
	tests := []struct {
		name   string
		in     map[string]string
		wantFG map[string]string
	}{
		{
			name:   "peacock green passes as is",
			in:     map[string]string{"statusBar.background": "#42b883", "statusBar.foreground": "#15202b"},
			wantFG: map[string]string{"statusBar.foreground": "#15202b"},
		},
		{
			name:   "wrong peacock fg swapped for the other",
			in:     map[string]string{"statusBar.background": "#000080", "statusBar.foreground": "#15202b"},
			wantFG: map[string]string{"statusBar.foreground": "#e7e7e7"},
		},
		{
			name:   "mid gray: neither passes, #15202b nudged darker",
			in:     map[string]string{"statusBar.background": "#808080", "statusBar.foreground": "#15202b"},
			wantFG: map[string]string{"statusBar.foreground": "#0c1721"},
		},
		{
			name:   "remote item judged on its own background",
			in:     map[string]string{"statusBar.background": "#1857a4", "statusBarItem.remoteBackground": "#f0e8f7", "statusBarItem.remoteForeground": "#e7e7e7"},
			wantFG: map[string]string{"statusBarItem.remoteForeground": "#15202b"},
		},
		{
			name:   "inactive keeps 99 when a darker color passes",
			in:     map[string]string{"activityBar.background": "#c0c0c0", "activityBar.inactiveForeground": "#15202b99"},
			wantFG: map[string]string{"activityBar.inactiveForeground": "#00030a99"},
		},
		{
			name:   "inactive alpha raised by the least step that passes",
			in:     map[string]string{"activityBar.background": "#b3b3b3", "activityBar.inactiveForeground": "#15202b99"},
			wantFG: map[string]string{"activityBar.inactiveForeground": "#0000009b"},
		},
		{
			name:   "inactive alpha raised on mid gray",
			in:     map[string]string{"activityBar.background": "#808080", "activityBar.inactiveForeground": "#15202b99"},
			wantFG: map[string]string{"activityBar.inactiveForeground": "#000000d1"},
		},
		{
			name:   "custom readable fg kept",
			in:     map[string]string{"titleBar.activeBackground": "#ffffff", "titleBar.activeForeground": "#595959"},
			wantFG: map[string]string{"titleBar.activeForeground": "#595959"},
		},
		{
			name:   "unparsable fg replaced",
			in:     map[string]string{"titleBar.activeBackground": "#ffffff", "titleBar.activeForeground": "bogus"},
			wantFG: map[string]string{"titleBar.activeForeground": "#15202b"},
		},
		{
			name:   "unparsable bg left alone",
			in:     map[string]string{"titleBar.activeBackground": "bogus", "titleBar.activeForeground": "#fefefe"},
			wantFG: map[string]string{"titleBar.activeForeground": "#fefefe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := palette.MakeAccessible(tt.in)
			for k, want := range tt.wantFG {
				if got[k] != want {
					t.Errorf("%s = %s, want %s", k, got[k], want)
				}
			}
		})
	}
}

func TestAccessibleForeground(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	peacockKept := 0
	for range 20000 {
		bg := randomColor(r)
		fg := palette.AccessibleForeground(bg)
		if fg.A != 1 || fg != palette.MustParse(fg.Hex()) {
			t.Fatalf("AccessibleForeground(%s) = %v: not opaque and 8-bit exact", bg.Hex(), fg)
		}
		if c := palette.Contrast(fg, bg); c < palette.MinContrast {
			t.Fatalf("AccessibleForeground(%s) = %s: contrast %.3f", bg.Hex(), fg.Hex(), c)
		}
		p := palette.MustParse(peacockFG(bg))
		if palette.Contrast(p, bg) >= palette.MinContrast {
			if fg != p {
				t.Fatalf("AccessibleForeground(%s) = %s, want Peacock's %s", bg.Hex(), fg.Hex(), p.Hex())
			}
			peacockKept++
		}
	}
	t.Logf("Peacock's own foreground passes on %.1f%% of random backgrounds", float64(peacockKept)/200)
}

func TestPairs(t *testing.T) {
	p := palette.Pairs()
	if len(p) != 11 {
		t.Fatalf("len(Pairs()) = %d", len(p))
	}
	seen := map[string]bool{}
	for _, kv := range p {
		if seen[kv[1]] {
			t.Errorf("foreground %s listed twice", kv[1])
		}
		seen[kv[1]] = true
	}
	p[0][0] = "x"
	if palette.Pairs()[0][0] == "x" {
		t.Error("Pairs shares its backing array")
	}
}

func TestPairContrast(t *testing.T) {
	bg := palette.Color{R: 0x42, G: 0xb8, B: 0x83, A: 0.6}
	fg := palette.Color{R: 0x15, G: 0x20, B: 0x2b, A: 0.6}
	want := palette.Contrast(palette.Over(fg, palette.Color{R: 0x42, G: 0xb8, B: 0x83, A: 1}), palette.Color{R: 0x42, G: 0xb8, B: 0x83, A: 1})
	if got := palette.PairContrast(bg, fg); got != want {
		t.Errorf("PairContrast = %v, want %v", got, want)
	}
}

func FuzzMakeAccessible(f *testing.F) {
	f.Add(uint32(0x808080), uint32(0x15202b99), uint8(1))
	f.Add(uint32(0x42b883), uint32(0x15202bff), uint8(0))
	f.Add(uint32(0xffffff), uint32(0x00000000), uint8(7))
	f.Fuzz(func(t *testing.T, bg, fg uint32, pair uint8) {
		ps := palette.Pairs()
		p := ps[int(pair)%len(ps)]
		in := map[string]string{
			p[0]: fmt.Sprintf("#%06x", bg&0xffffff),
			p[1]: fmt.Sprintf("#%08x", fg),
		}
		got := palette.MakeAccessible(in)
		if got[p[0]] != in[p[0]] || len(got) != 2 {
			t.Fatalf("MakeAccessible(%v) = %v: background or keys changed", in, got)
		}
		b, c := palette.MustParse(got[p[0]]), palette.MustParse(got[p[1]])
		if r := palette.PairContrast(b, c); r < palette.MinContrast {
			t.Errorf("MakeAccessible(%v) = %v: contrast %.3f", in, got, r)
		}
		if again := palette.MakeAccessible(got); !maps.Equal(again, got) {
			t.Errorf("MakeAccessible not idempotent on %v: %v", got, again)
		}
	})
}
