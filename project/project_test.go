package project

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// testProject writes files (relative to a fresh directory; "home/..." goes
// to the isolated home) and opens the project in work/.
func testProject(t testing.TB, files map[string]string, opts Options) *Project {
	t.Helper()
	root := t.TempDir()
	home := filepath.Join(root, "home")
	work := filepath.Join(root, "work")
	for _, d := range []string{home, work} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range files {
		path := filepath.Join(work, name)
		if rest, ok := strings.CutPrefix(name, "home/"); ok {
			path = filepath.Join(home, rest)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"HOME": home}
	opts.Dir = work
	if opts.GOOS == "" {
		opts.GOOS = "linux"
	}
	if opts.Getenv == nil {
		opts.Getenv = func(k string) string { return env[k] }
	}
	p, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// derived returns a settings.json body holding what color derives under
// settings changed by edit, plus extra members.
func derived(t *testing.T, color string, edit func(*palette.Settings), drop []string, extra string) string {
	t.Helper()
	ps := palette.DefaultSettings()
	if edit != nil {
		edit(&ps)
	}
	colors := palette.Derive(palette.MustParse(color), ps)
	for _, k := range drop {
		delete(colors, k)
	}
	var b strings.Builder
	b.WriteString("{\n  \"workbench.colorCustomizations\": {\n")
	for i, k := range palette.SortedKeys(colors) {
		sep := ","
		if i == len(colors)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %q: %q%s\n", k, colors[k], sep)
	}
	fmt.Fprintf(&b, "  },\n  \"peacock.color\": %q%s\n}\n", color, extra)
	return b.String()
}

func TestCheckExplains(t *testing.T) {
	const c = "#42b883"
	tests := []struct {
		name       string
		file       string
		user       string
		wantStatus string
		wantWhy    []string // substrings of ExplainedBy
		wantDrift  []string // keys
		notDrift   []string // keys explained, so not drift
	}{
		{name: "ok", file: derived(t, c, nil, nil, ""), wantStatus: StatusOK},
		{name: "adjustments none", file: derived(t, c, func(s *palette.Settings) { s.ActivityBarAdjustment = palette.AdjustNone }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"peacock.elementAdjustments activityBar: none (yours: lighten)"}},
		{name: "your settings differ from the file's", file: derived(t, c, nil, nil, ""),
			user:       `{"peacock.elementAdjustments": {"statusBar": "darken"}}`,
			wantStatus: StatusExplained, wantWhy: []string{"peacock.elementAdjustments statusBar: none (yours: darken)"}},
		{name: "keep foreground", file: derived(t, c, func(s *palette.Settings) { s.KeepForegroundColor = true }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"peacock.keepForegroundColor: true (yours: false)"}},
		{name: "dark foreground", file: derived(t, c, func(s *palette.Settings) { s.DarkForegroundColor = "#000000" }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"peacock.darkForegroundColor: #000000 (yours: #15202b)"}},
		{name: "border flags", file: derived(t, c, func(s *palette.Settings) { s.AffectPanelBorder, s.AffectStatusAndTitleBorders = true, true }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"peacock.affectPanelBorder: true", "peacock.affectStatusAndTitleBorders: true"}},
		{name: "cursor", file: derived(t, c, func(s *palette.Settings) { s.Cursor = true }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"written in Cursor"}},
		{name: "remote color", file: strings.Replace(derived(t, "#007fff", nil, nil, ""), `"peacock.color": "#007fff"`, `"peacock.color": "#42b883", "peacock.remoteColor": "#007fff"`, 1),
			wantStatus: StatusExplained, wantWhy: []string{"derived from peacock.remoteColor #007fff, not peacock.color"}},
		{name: "older version", file: derived(t, c, func(s *palette.Settings) { s.Version = palette.Version{Major: 4, Minor: 3, Patch: 4} }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 4.3.0–4.4.0"}},
		{name: "remote item before 4.3.0", file: derived(t, c, func(s *palette.Settings) { s.Version = palette.Version{Major: 4, Minor: 2, Patch: 0} }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 4.1.0–4.2.5"}}, // 4.1 and 4.2 differ only with squigglyBeGone
		{name: "3.x file from the remote color", file: strings.Replace(derived(t, "#007fff", func(s *palette.Settings) { s.Version = palette.Version{Major: 3, Minor: 8, Patch: 0} }, nil, ""), `"peacock.color": "#007fff"`, `"peacock.color": "#42b883", "peacock.remoteColor": "#007fff"`, 1),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 3.8.0–3.9.1", "derived from peacock.remoteColor #007fff, not peacock.color"}},
		{name: "3.11 to 4.0: sash and remote items, no command center", file: derived(t, c, func(s *palette.Settings) { s.Version = palette.Version{Major: 4, Minor: 0, Patch: 1} }, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 3.11.0–4.0.1"}},
		{name: "3.9 with the debugging keys as the newest", file: derived(t, c, func(s *palette.Settings) {
			s.Version, s.AffectDebuggingStatusBar = palette.Version{Major: 3, Minor: 9, Patch: 0}, true
		}, nil, ""),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 3.9.0–3.9.1", "peacock.affectDebuggingStatusBar: true (yours: false)"}},
		{name: "a 4.3 file keeps the active border 3.2 to 4.0 wrote", file: strings.Replace(derived(t, c, func(s *palette.Settings) { s.Version = palette.Version{Major: 4, Minor: 3, Patch: 0} }, nil, ""), `"activityBar.activeBackground"`, `"activityBar.activeBorder": "#945bc4", "activityBar.activeBackground"`, 1),
			wantStatus: StatusExplained, wantWhy: []string{"Peacock 4.3.0–4.4.0", "activityBar.activeBorder #945bc4 is left from Peacock 3.2–4.0"}},
		{name: "every owned key deleted", file: `{"workbench.colorCustomizations": {"editor.background": "#000000"}, "peacock.color": "#42b883"}`,
			wantStatus: StatusDrift, wantDrift: []string{"activityBar.activeBackground", "activityBar.activeBorder", "activityBar.background", "activityBar.foreground", "activityBar.inactiveForeground", "activityBarBadge.background", "activityBarBadge.foreground", "activityBarTop.activeBackground", "activityBarTop.activeBorder", "activityBarTop.background", "activityBarTop.foreground", "activityBarTop.inactiveForeground", "commandCenter.border", "commandCenter.foreground", "sash.hoverBorder", "statusBar.background", "statusBar.debuggingBackground", "statusBar.debuggingForeground", "statusBar.foreground", "statusBarItem.hoverBackground", "statusBarItem.remoteBackground", "statusBarItem.remoteForeground", "titleBar.activeBackground", "titleBar.activeForeground", "titleBar.inactiveBackground", "titleBar.inactiveForeground"}},
		{name: "the sash border deleted from a complete file", file: derived(t, c, nil, []string{"sash.hoverBorder"}, ""),
			wantStatus: StatusDrift, wantDrift: []string{"sash.hoverBorder"}},
		{name: "the sash border off in your settings", file: derived(t, c, nil, []string{"sash.hoverBorder"}, ""),
			user: `{"peacock.affectSashHover": false}`, wantStatus: StatusOK},
		{name: "the newest keys deleted from a 4.4.1 file", file: derived(t, c, nil, []string{"activityBarTop.activeBorder"}, ""),
			wantStatus: StatusDrift, wantDrift: []string{"activityBarTop.activeBorder"}},
		{name: "remote item like the status bar in a 4.3 file", file: strings.Replace(derived(t, c, nil, nil, ""), `"statusBarItem.remoteBackground": "#f0e8f7"`, `"statusBarItem.remoteBackground": "#42b883"`, 1),
			wantStatus: StatusDrift, wantDrift: []string{"statusBarItem.remoteBackground"}},
		{name: "an old key deleted from a new file", file: derived(t, c, nil, []string{"titleBar.inactiveBackground"}, ""),
			wantStatus: StatusDrift, wantDrift: []string{"titleBar.inactiveBackground"}},
		{name: "a lightened status bar is a hand edit, not a setting", file: strings.Replace(derived(t, c, nil, nil, ""), `"statusBar.background": "#42b883"`, `"statusBar.background": "#65c89b"`, 1),
			wantStatus: StatusDrift, wantDrift: []string{"statusBar.background"}},
		{name: "hand edit", file: strings.Replace(derived(t, c, nil, nil, ""), `"statusBar.background": "#42b883"`, `"statusBar.background": "#000000"`, 1),
			wantStatus: StatusDrift, wantDrift: []string{"statusBar.background"}},
		{name: "hand edit among explained", file: strings.Replace(derived(t, c, func(s *palette.Settings) { s.ActivityBarAdjustment = palette.AdjustNone }, nil, ""), `"titleBar.activeForeground": "#15202b"`, `"titleBar.activeForeground": "#ff0000"`, 1),
			wantStatus: StatusDrift, wantDrift: []string{"titleBar.activeForeground"}, notDrift: []string{"activityBar.activeBackground"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{".vscode/settings.json": tt.file}
			if tt.user != "" {
				files["home/.config/Code/User/settings.json"] = tt.user
			}
			p := testProject(t, files, Options{})
			r, err := p.Check(false)
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != tt.wantStatus {
				t.Fatalf("status = %s, want %s (drift %v, explained by %q)", r.Status, tt.wantStatus, r.Drift, r.ExplainedBy)
			}
			why := strings.Join(r.ExplainedBy, "\n")
			for _, w := range tt.wantWhy {
				if !strings.Contains(why, w) {
					t.Errorf("explained by %q, want it to contain %q", r.ExplainedBy, w)
				}
			}
			var keys []string
			for _, d := range r.Drift {
				keys = append(keys, d.Key)
			}
			for _, k := range tt.wantDrift {
				if !slices.Contains(keys, k) {
					t.Errorf("drift %v lacks %s", keys, k)
				}
			}
			for _, k := range tt.notDrift {
				if slices.Contains(keys, k) {
					t.Errorf("drift %v holds %s, which the settings explain", keys, k)
				}
			}
			if tt.wantStatus == StatusDrift && len(keys) != len(tt.wantDrift) {
				t.Errorf("drift %v, want only %v", keys, tt.wantDrift)
			}
		})
	}
}

// TestCheckRealWorld checks that no file the Peacock extension wrote, among
// the shared real-world files, is taken for a hand edit.
func TestCheckRealWorld(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "testdata", "real-world")
	index, err := os.Open(filepath.Join(dir, "INDEX.tsv"))
	if err != nil {
		t.Skipf("shared real-world files not found (%v); skipping", err)
	}
	defer index.Close()
	sc := bufio.NewScanner(index)
	n := 0
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 5 || fields[4] != "peacock" {
			continue
		}
		n++
		name := fields[0]
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			target := ".vscode/settings.json"
			if !strings.HasSuffix(name, ".json") {
				target = "x.code-workspace"
			}
			p := testProject(t, map[string]string{target: string(data)}, Options{})
			r, err := p.Check(false)
			if err != nil {
				t.Fatal(err)
			}
			if r.Status == StatusDrift {
				t.Errorf("status drift: %v", r.Drift)
			}
			t.Logf("%s: %s %q", name, r.Status, r.ExplainedBy)
		})
	}
	if n < 10 {
		t.Fatalf("only %d Peacock-written files in the index", n)
	}
}

func TestOneTargetForEveryCommand(t *testing.T) {
	// A project whose .vscode/settings.json holds its Peacock state and
	// turns the title bar off: set and palette see the same settings.
	p := testProject(t, map[string]string{
		".git/HEAD":             "ref: refs/heads/main\n",
		".vscode/settings.json": `{"peacock.color": "blue", "peacock.affectTitleBar": false}`,
	}, Options{})
	if got := filepath.Base(filepath.Dir(p.Target.Path)) + "/" + filepath.Base(p.Target.Path); got != ".vscode/settings.json" {
		t.Fatalf("target = %s", p.Target.Path)
	}
	ps, err := p.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if ps.AffectTitleBar {
		t.Error("Settings: affectTitleBar = true, want the file's false")
	}
	c, err := p.Set(Choice{Text: "red", Color: palette.MustParse("red")}, false, "", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for k := range c.Colors {
		if strings.HasPrefix(k, "titleBar.") {
			t.Errorf("set wrote %s", k)
		}
	}
}

func TestRandomHonoursFavoritesOnly(t *testing.T) {
	p := testProject(t, map[string]string{
		"home/.config/Code/User/settings.json": `{"peacock.surpriseMeFromFavoritesOnly": true,
			"peacock.favoriteColors": [{"name": "A", "value": "#111111"}, {"name": "B", "value": "#222222"}]}`,
		"w.code-workspace": `{"settings": {"peacock.color": "#111111"}}`,
	}, Options{})
	r := rand.New(rand.NewPCG(1, 2))
	want := "#222222"
	for range 20 {
		c, err := p.SetRandom(r, RandomOptions{}, false, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// Two favorites: never the current one, so they alternate.
		if c.Value != want {
			t.Fatalf("SetRandom = %s, want %s", c.Value, want)
		}
		want = map[string]string{"#111111": "#222222", "#222222": "#111111"}[want]
	}
}

func TestEditorFoundFromStorageAlone(t *testing.T) {
	// A user who never changed a setting has no settings.json, only the
	// editor's record of opened windows.
	p := testProject(t, map[string]string{
		"home/.config/Cursor/User/globalStorage/storage.json": `{}`,
	}, Options{})
	if p.Editor == nil || p.Editor.ID != "cursor" {
		t.Fatalf("editor = %v, want cursor", p.Editor)
	}
}

func TestRelativeXDGConfigHomeIgnored(t *testing.T) {
	p := testProject(t, nil, Options{})
	env := map[string]string{"HOME": p.Home, "XDG_CONFIG_HOME": "relative/dir"}
	p.opts.Getenv = func(k string) string { return env[k] }
	if got, want := p.ConfigPath(), filepath.Join(p.Home, ".config", "peacock", "config.json"); got != want {
		t.Errorf("ConfigPath = %s, want %s", got, want)
	}
	env["XDG_CONFIG_HOME"] = hostAbs("/abs/conf")
	if got := p.ConfigPath(); got != filepath.Join(hostAbs("/abs/conf"), "peacock", "config.json") {
		t.Errorf("ConfigPath = %s with an absolute XDG_CONFIG_HOME", got)
	}
}

func TestConfigPathWindowsWithoutAppData(t *testing.T) {
	env := map[string]string{"USERPROFILE": `C:\Users\bob`}
	p := &Project{Home: `C:\Users\bob`, opts: Options{GOOS: "windows", Getenv: func(k string) string { return env[k] }}}
	got := p.ConfigPath()
	if !strings.HasPrefix(got, `C:\Users\bob`) || !strings.Contains(got, "AppData") || !strings.Contains(got, "Roaming") {
		t.Errorf("ConfigPath = %q, want it under %%USERPROFILE%%\\AppData\\Roaming", got)
	}
}

// TestConcurrentFavorites adds 20 favorites at once: the lock keeps every
// one.
func TestConcurrentFavorites(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"editor settings", "home/.config/Code/User/settings.json"},
		{"own config", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			if tt.file != "" {
				files[tt.file] = "{\n\t\"peacock.favoriteColors\": []\n}\n"
			}
			p := testProject(t, files, Options{NoTarget: true})
			var wg sync.WaitGroup
			errs := make(chan error, 20)
			for i := range 20 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := p.AddFavorite(fmt.Sprintf("Fav %d", i), fmt.Sprintf("#0000%02x", i), WriteOptions{})
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			p2, err := Open(p.opts)
			if err != nil {
				t.Fatal(err)
			}
			favs, err := p2.Favorites()
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, f := range favs {
				if strings.HasPrefix(f.Name, "Fav ") {
					got++
				}
			}
			if got != 20 {
				t.Errorf("%d of 20 favorites kept", got)
			}
		})
	}
}

func TestSideBar(t *testing.T) {
	p := testProject(t, map[string]string{"w.code-workspace": `{"settings": {"peacock.color": "#42b883"}}`}, Options{})
	for _, tt := range []struct {
		level SideBarLevel
		want  string
	}{{SideBarDark, "#359268"}, {SideBarDarker, "#276d4d"}, {SideBarDarkest, "#1a4732"}} {
		c, err := p.SideBar(tt.level, false, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Value != tt.want {
			t.Errorf("level %d: %s, want %s (spec §11 #29)", tt.level, c.Value, tt.want)
		}
	}
	// Reset leaves it alone: it is not an owned key.
	if _, err := p.Reset(WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	doc, _ := p.Read()
	if m := doc.ColorCustomizations(); len(m) != 1 || m[0].Key != SideBarKey {
		t.Fatalf("after reset: %v", m)
	}
	if _, err := p.SideBar(SideBarRemove, false, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	doc, _ = p.Read()
	if _, ok := doc.Setting(workspace.ColorCustomizationsKey); ok {
		t.Errorf("remove left workbench.colorCustomizations: %s", doc.Bytes())
	}
}

func TestResetUser(t *testing.T) {
	user := "{\n\t// mine\n\t\"editor.fontSize\": 14,\n\t\"peacock.color\": \"red\",\n\t\"peacock.vslsShareColor\": \"blue\"\n}\n"
	p := testProject(t, map[string]string{"home/.config/Code/User/settings.json": user}, Options{NoTarget: true})
	res, err := p.ResetUser(WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "{\n\t// mine\n\t\"editor.fontSize\": 14\n}\n"; string(res.After) != want {
		t.Errorf("after = %q, want %q", res.After, want)
	}
}

func TestCheckFavoriteName(t *testing.T) {
	for name, want := range map[string]string{
		"":           "the name is empty",
		"a -> b":     `a name cannot contain "->"`,
		"red":        `"red" is itself a color (#ff0000)`,
		"Deep Sea":   "",
		"Vue Green!": "",
	} {
		err := CheckFavoriteName(name)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("CheckFavoriteName(%q) = %v, want %q", name, err, want)
		}
	}
}

func TestAbsPath(t *testing.T) {
	tests := []struct{ goos, dir, in, want string }{
		{"linux", "/w", "x/y", "/w/x/y"},
		{"linux", "/w", "/abs", "/abs"},
		{"windows", `C:\work`, `\x\y.code-workspace`, `C:\x\y.code-workspace`},
		{"windows", `D:\work`, `/x`, `D:/x`},
		{"windows", `C:\work`, `C:x.code-workspace`, `C:\work\x.code-workspace`},
		{"windows", `C:\work`, `c:x.code-workspace`, `C:\work\x.code-workspace`},
		{"windows", `C:\work`, `D:x.code-workspace`, "error: D:x.code-workspace is relative to the current directory of drive D:; pass an absolute path"},
		{"windows", `C:\work`, `\\srv\share\x`, `\\srv\share\x`},
	}
	for _, tt := range tests {
		if tt.goos != runtime.GOOS && tt.goos != "windows" {
			continue // a Unix path means nothing to another OS's filepath
		}
		got, err := workspace.AbsPath(tt.goos, tt.dir, tt.in)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tt.want {
			t.Errorf("AbsPath(%s, %q, %q) = %q, want %q", tt.goos, tt.dir, tt.in, got, tt.want)
		}
	}
}

// TestNoHome: without a home directory every per-user file would land in
// the working directory (the user's repository): there are none then. The
// target needs no home, so Open works; what needs one says why it cannot.
// A home that does not exist is never created.
func TestNoHome(t *testing.T) {
	for _, home := range []string{"", "relative"} {
		dir := t.TempDir()
		// A repository's files where relative per-user paths would land.
		for _, f := range []string{".config/Code/User/settings.json", ".config/peacock/config.json"} {
			if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), []byte(`{"peacock.color": "red"}`), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p, err := Open(Options{Dir: dir, GOOS: "linux", Getenv: func(k string) string {
			if k == "HOME" {
				return home
			}
			return ""
		}})
		if err != nil {
			t.Fatalf("HOME=%q: %v", home, err)
		}
		if p.UserSettingsPath != "" || p.ConfigPath() != "" || p.StatePath() != "" || p.ThemesDir() != "" {
			t.Errorf("HOME=%q: per-user paths %q %q %q %q", home, p.UserSettingsPath, p.ConfigPath(), p.StatePath(), p.ThemesDir())
		}
		if err := p.HomeError(); err == nil || !strings.Contains(err.Error(), "HOME is not set to an absolute path") {
			t.Errorf("HOME=%q: HomeError = %v", home, err)
		}
		if _, err := p.Set(Choice{Text: "#42b883", Color: palette.MustParse("#42b883")}, false, "", WriteOptions{}); err != nil {
			t.Errorf("HOME=%q: set: %v", home, err)
		}
		if _, err := p.AddFavorite("x", "#123456", WriteOptions{}); err == nil || !strings.Contains(err.Error(), "HOME is not set") {
			t.Errorf("HOME=%q: AddFavorite: %v", home, err)
		}
	}
	// HOME names a missing directory: set works, nothing creates it.
	root := t.TempDir()
	home := filepath.Join(root, "nonexistent")
	p, err := Open(Options{Dir: root, GOOS: "linux", Getenv: func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Auto(AutoOptions{Checkout: Checkout{Root: root}}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddFavorite("x", "#123456", WriteOptions{}); err == nil || !strings.Contains(err.Error(), "does not exist; peacock does not create it") {
		t.Errorf("AddFavorite with a missing home: %v", err)
	}
	if _, err := os.Stat(home); !os.IsNotExist(err) {
		t.Errorf("the missing home was created: %v", err)
	}
}

// TestCheckRealWorldDeletions deletes one owned key at a time from every
// Peacock-written real-world file: a key deleted by hand is drift, even
// where an assumed setting could in theory leave it out (the sash border,
// or the only key of the file's release), unless its absence is what the
// defaults mean (an opt-in accent border the file had turned on).
func TestCheckRealWorldDeletions(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "testdata", "real-world")
	index, err := os.ReadFile(filepath.Join(dir, "INDEX.tsv"))
	if err != nil {
		t.Skipf("shared real-world files not found (%v); skipping", err)
	}
	ownFlag := map[string]bool{"editorGroup.border": true, "panel.border": true, "sideBar.border": true,
		"tab.activeBorder": true, "tab.activeBackground": true, "window.activeBorder": true, "window.inactiveBorder": true}
	tried := 0
	for _, line := range strings.Split(string(index), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) < 5 || fields[4] != "peacock" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, fields[0]))
		if err != nil {
			t.Fatal(err)
		}
		target := ".vscode/settings.json"
		if !strings.HasSuffix(fields[0], ".json") {
			target = "x.code-workspace"
		}
		orig, err := workspace.Parse(target, data)
		if err != nil {
			t.Fatal(err)
		}
		// The newest release among the first releases of the file's
		// keys, and how many keys it first wrote: deleting the only one
		// makes a complete file of an older release, which nothing can
		// tell from a deletion. So does deleting the
		// activityBar.activeBorder 3.2 to 4.0 left in a newer file.
		p0 := testProject(t, map[string]string{target: string(data)}, Options{})
		r0, err := p0.Check(false)
		if err != nil {
			t.Fatal(err)
		}
		var newest palette.Version
		ofNewest := 0
		for _, m := range orig.ColorCustomizations() {
			first, ok := palette.FirstRelease(m.Key)
			if !ok {
				continue
			}
			switch c := first.Compare(newest); {
			case c > 0:
				newest, ofNewest = first, 1
			case c == 0:
				ofNewest++
			}
		}
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			key, ok := ownedKeyOn(l)
			if !ok || ownFlag[key] {
				continue
			}
			if first, _ := palette.FirstRelease(key); first == newest && ofNewest == 1 ||
				key == "activityBar.activeBorder" && !r0.Newest.Owns(key) {
				continue
			}
			mutated := strings.Join(append(append([]string{}, lines[:i]...), lines[i+1:]...), "\n")
			if d, err := workspace.Parse(target, []byte(mutated)); err != nil || len(d.ColorCustomizations()) != len(orig.ColorCustomizations())-1 {
				continue // the line was in a theme block, or its removal broke the syntax
			}
			p := testProject(t, map[string]string{target: mutated}, Options{})
			r, err := p.Check(false)
			if err != nil {
				t.Fatal(err)
			}
			tried++
			if r.Status != StatusDrift {
				t.Errorf("%s without %s: %s %q, want drift", fields[0], key, r.Status, r.ExplainedBy)
			}
		}
	}
	if tried < 100 {
		t.Fatalf("only %d deletions tried", tried)
	}
	t.Logf("%d single-key deletions, all drift", tried)
}

// ownedKeyOn returns the owned key a line of a settings file sets, if any.
func ownedKeyOn(line string) (string, bool) {
	l := strings.TrimSpace(line)
	if !strings.HasPrefix(l, `"`) {
		return "", false
	}
	end := strings.Index(l[1:], `"`)
	if end < 0 {
		return "", false
	}
	key := l[1 : end+1]
	return key, palette.IsOwned(key) && strings.Contains(l[end+2:], `"#`)
}

// TestFavoriteNamesMatchAsSetFindsThem: add, remove and set compare names
// alike, so a favorite that lists can be chosen.
func TestFavoriteNamesMatchAsSetFindsThem(t *testing.T) {
	p := testProject(t, nil, Options{NoTarget: true})
	if _, err := p.AddFavorite("Deep Sea", "#05445e", WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	c, err := p.AddFavorite("deep-sea", "#000011", WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Verb != "update" || c.Favorite.Name != "Deep Sea" {
		t.Errorf("second add: %s %q, want an update of \"Deep Sea\"", c.Verb, c.Favorite.Name)
	}
	ch, err := p.Resolve("DEEP_SEA")
	if err != nil || ch.Text != "#000011" {
		t.Errorf("Resolve = %+v, %v; want #000011", ch, err)
	}
	if _, err := p.RemoveFavorite("deep sea", WriteOptions{}); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenFavoritesDoNotHideThemes: one bad entry in the editor's
// favorites is a warning, and theme colors still resolve.
func TestBrokenFavoritesDoNotHideThemes(t *testing.T) {
	var warnings []string
	p := testProject(t, map[string]string{
		"home/.config/Code/User/settings.json": `{"peacock.favoriteColors": [{"name": "x", "value": 5}]}`,
	}, Options{NoTarget: true, Warn: func(m string) { warnings = append(warnings, m) }})
	ch, err := p.Resolve("okabe-ito/sky blue")
	if err != nil || ch.Text != "#56b4e9" {
		t.Fatalf("Resolve = %+v, %v", ch, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "peacock.favoriteColors[0].value: want a string, got a number") {
		t.Errorf("warnings %q", warnings)
	}
}

// hostAbs returns the Unix absolute path p as an absolute path of this
// system: /x is C:\x on Windows.
func hostAbs(p string) string {
	if runtime.GOOS == "windows" {
		return "C:" + filepath.FromSlash(p)
	}
	return p
}
