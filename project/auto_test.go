package project

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// openIn opens the project in dir with HOME home and XDG_STATE_HOME state.
func openIn(t *testing.T, dir, home, state string) *Project {
	t.Helper()
	env := map[string]string{"HOME": home, "XDG_STATE_HOME": state}
	p, err := Open(Options{Dir: dir, GOOS: "linux", Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAutoDistinct24 colors 24 projects one after another with --distinct,
// through the state file, and checks how far apart their colors are.
func TestAutoDistinct24(t *testing.T) {
	root := t.TempDir()
	home, state := filepath.Join(root, "home"), filepath.Join(root, "state")
	var colors []palette.Color
	for i := range 24 {
		dir := filepath.Join(root, fmt.Sprintf("p%02d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := openIn(t, dir, home, state)
		res, err := p.Auto(AutoOptions{
			Checkout: Checkout{Root: dir, Origin: fmt.Sprintf("git@github.com:acme/service-%02d.git", i)},
			Distinct: true,
		}, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Method != MethodDistinct || res.Change == nil {
			t.Fatalf("project %d: method %q, change %v", i, res.Method, res.Change)
		}
		colors = append(colors, res.Color)
	}
	reg, err := readRegistry(filepath.Join(state, "peacock", "projects.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(reg) != 24 {
		t.Fatalf("the state file holds %d projects, want 24", len(reg))
	}
	minD := math.Inf(1)
	for i := range colors {
		for j := range i {
			minD = min(minD, palette.DeltaE00(colors[i], colors[j]))
		}
	}
	t.Logf("minimum pairwise CIEDE2000 over 24 distinct projects: %.2f", minD)
	// Without --distinct, 24 identity colors come as close as hash
	// collisions put them; --distinct must keep them apart.
	if minD < 10 {
		t.Errorf("minimum pairwise DeltaE00 = %.2f, want at least 10", minD)
	}
	var plain []palette.Color
	for i := range 24 {
		plain = append(plain, palette.IdentityColor(fmt.Sprintf("github.com/acme/service-%02d", i)))
	}
	minPlain := math.Inf(1)
	for i := range plain {
		for j := range i {
			minPlain = min(minPlain, palette.DeltaE00(plain[i], plain[j]))
		}
	}
	t.Logf("the same 24 without --distinct: %.2f", minPlain)
	if minPlain >= minD {
		t.Errorf("--distinct (%.2f) is no better than plain identity colors (%.2f)", minD, minPlain)
	}
}

func TestWorktreeColorDiffers(t *testing.T) {
	worst := math.Inf(1)
	for i := range 100 {
		id := fmt.Sprintf("github.com/o/r%d", i)
		base := palette.IdentityColor(id)
		for _, name := range []string{"wt", "feature", "fix-123", "review"} {
			c := WorktreeColor(base, id, name)
			d := palette.DeltaE00(c, base)
			worst = min(worst, d)
			if d < 10 {
				t.Errorf("%s worktree %s: %s vs %s, DeltaE00 %.2f < 10", id, name, c.Hex6(), base.Hex6(), d)
			}
			if again := WorktreeColor(base, id, name); again != c {
				t.Errorf("%s worktree %s: not deterministic", id, name)
			}
		}
	}
	// Also against a user's own color, such as Peacock green.
	for _, name := range []string{"a", "b", "c"} {
		base := palette.MustParse("#42b883")
		if d := palette.DeltaE00(WorktreeColor(base, "x", name), base); d < 10 {
			t.Errorf("worktree %s of #42b883: DeltaE00 %.2f < 10", name, d)
		}
	}
	t.Logf("smallest worktree DeltaE00: %.2f", worst)
}

func TestChooseColor(t *testing.T) {
	pool := []palette.Color{palette.MustParse("#ff0000"), palette.MustParse("#00ff00"), palette.MustParse("#0000ff")}
	c1, m := chooseColor("github.com/o/r", false, pool, nil)
	if m != MethodTheme {
		t.Errorf("method %q, want theme", m)
	}
	if c2, _ := chooseColor("github.com/o/r", false, pool, nil); c2 != c1 {
		t.Error("a theme pick is not deterministic")
	}
	// Distinct: the pool color farthest from red is not red.
	c, _ := chooseColor("github.com/o/r", true, pool, []palette.Color{pool[0]})
	if c == pool[0] {
		t.Errorf("distinct theme pick = red, the color in use")
	}
	if c, m := chooseColor("id", false, nil, nil); m != MethodIdentity || c != palette.IdentityColor("id") {
		t.Errorf("identity pick = %s %s", c.Hex6(), m)
	}
	if _, m := chooseColor("id", true, nil, nil); m != MethodDistinct {
		t.Errorf("distinct pick method = %s", m)
	}
}

func TestCheckoutIdentity(t *testing.T) {
	tests := []struct {
		c    Checkout
		want string
	}{
		{Checkout{Root: "/src/proj", Origin: "https://github.com/O/R.git"}, "github.com/o/r"},
		{Checkout{Root: "/src/proj"}, "proj"},
		{Checkout{Root: "/src/proj-wt", MainRoot: "/src/proj", Worktree: "proj-wt"}, "proj"},
	}
	for _, tt := range tests {
		if got := tt.c.Identity(); got != tt.want {
			t.Errorf("%+v: Identity() = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestAutoKeepsExistingColor(t *testing.T) {
	p := testProject(t, map[string]string{
		"work.code-workspace": `{"folders": [{"path": "."}], "settings": {"peacock.color": "#123456"}}`,
	}, Options{})
	res, err := p.Auto(AutoOptions{Checkout: Checkout{Root: p.Dir}}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Change != nil || res.Existing != "#123456" {
		t.Fatalf("Auto = %+v, want the existing color kept", res)
	}
	res, err = p.Auto(AutoOptions{Checkout: Checkout{Root: p.Dir}, Force: true}, WriteOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Change == nil || !res.Changed || res.Value != palette.IdentityColor("work").Hex6() {
		t.Fatalf("Auto --force = %+v, want the identity color of work", res)
	}
	if _, err := os.Stat(p.StatePath()); err == nil {
		t.Error("a dry run wrote the state file")
	}
}

func TestRegistry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "peacock", "projects.json")
	for _, e := range []struct{ id, root, color string }{
		{"github.com/o/a", "/src/a", "#111111"},
		{"github.com/o/b", "/src/b", "#222222"},
		{"github.com/o/a", "/src/a2", "#333333"},
	} {
		if err := recordProject(path, e.id, e.root, e.color); err != nil {
			t.Fatal(err)
		}
	}
	reg, err := readRegistry(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(reg) != 2 || reg["github.com/o/a"].Color != "#333333" || reg["github.com/o/a"].Path != filepath.Clean("/src/a2") {
		t.Fatalf("registry = %+v", reg)
	}
	if got := reg.Others("github.com/o/a", ""); len(got) != 1 || got[0].Hex6() != "#222222" {
		t.Errorf("Others = %v", got)
	}
	if got := reg.Others("new", "/src/b"); len(got) != 1 || got[0].Hex6() != "#333333" {
		t.Errorf("Others by path = %v", got)
	}
	if err := recordProject(path, " ", "/x", "#000000"); err == nil || !strings.Contains(err.Error(), "empty identity") {
		t.Errorf("empty identity: err = %v", err)
	}
	reg, err = readRegistry(filepath.Join(t.TempDir(), "missing.json"))
	if err != nil || len(reg) != 0 {
		t.Errorf("missing file: %v, %v", reg, err)
	}
}

func TestStatePath(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", map[string]string{"HOME": "/h"}, "/h/.local/state/peacock/projects.json"},
		{"linux", map[string]string{"HOME": "/h", "XDG_STATE_HOME": "/s"}, "/s/peacock/projects.json"},
		{"linux", map[string]string{"HOME": "/h", "XDG_STATE_HOME": "rel"}, "/h/.local/state/peacock/projects.json"},
		{"darwin", map[string]string{"HOME": "/h"}, "/h/Library/Application Support/peacock/projects.json"},
		{"windows", map[string]string{"USERPROFILE": "/u"}, "/u/AppData/Local/peacock/projects.json"},
	}
	for _, tt := range tests {
		// The paths are this system's absolute paths (/h is C:\h on
		// Windows).
		env := map[string]string{}
		for k, v := range tt.env {
			if strings.HasPrefix(v, "/") {
				v = hostAbs(v)
			}
			env[k] = v
		}
		p, err := Open(Options{Dir: t.TempDir(), GOOS: tt.goos, Getenv: func(k string) string { return env[k] }, NoTarget: true})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := p.StatePath(), hostAbs(tt.want); got != want {
			t.Errorf("%s %v: StatePath() = %q, want %q", tt.goos, env, got, want)
		}
	}
}
