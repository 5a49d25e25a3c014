package project

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/workspace"
)

// TestReadConfined: the target found through the repository is read only
// when its links stay in the work tree (Project.Read, and the reads that
// go through it: Stored, Settings, Check); a .vscode/settings.json that
// links out is the target even though it cannot be looked into for state,
// and is refused; the same file named with --workspace is read.
func TestReadConfined(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	const marker = "MARKER-SECRET"
	base := t.TempDir()
	base, _ = filepath.EvalSymlinks(base)
	outside := filepath.Join(base, "outside")
	repo := filepath.Join(base, "repo")
	for _, d := range []string{outside, filepath.Join(repo, ".git")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// No Peacock state in it: were it read, it would not be the target.
	if err := os.WriteFile(filepath.Join(outside, "settings.json"), []byte(`{"token": "`+marker+`"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside", filepath.Join(repo, ".vscode")); err != nil {
		t.Fatal(err)
	}
	env := func(k string) string {
		if k == "HOME" {
			return filepath.Join(base, "home")
		}
		return ""
	}
	p, err := Open(Options{Dir: repo, GOOS: "linux", Getenv: env})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(repo, ".vscode", "settings.json")
	if p.Target.Path != want || !p.Target.Exists || p.Target.Within != repo {
		t.Fatalf("target %+v, want %s, existing, within %s", p.Target, want, repo)
	}
	check := func(what string, err error) {
		t.Helper()
		var oe *workspace.OutsideError
		if !errors.As(err, &oe) || !oe.Read || strings.Contains(err.Error(), marker) || !strings.HasSuffix(err.Error(), "nothing was read") {
			t.Errorf("%s: %v, want the read refusal", what, err)
		}
	}
	doc, err := p.Read()
	if doc != nil {
		t.Errorf("Read gave a document")
	}
	check("Read", err)
	_, err = p.Stored(false)
	check("Stored", err)
	_, err = p.Settings()
	check("Settings", err)
	_, err = p.Check(false)
	check("Check", err)

	// Named by the user: read.
	p, err = Open(Options{Dir: repo, GOOS: "linux", Getenv: env, Workspace: ".vscode/settings.json"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err = p.Read()
	if err != nil || doc == nil {
		t.Fatalf("Read of a named file: %v", err)
	}
	if v, _ := doc.Setting("token"); v != marker {
		t.Errorf("named file read as %v", v)
	}
}
