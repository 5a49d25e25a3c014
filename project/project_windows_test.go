package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegistryOthersCase: a work tree the state file recorded in another
// spelling of its path (C:\SRC\APP for C:\src\app: PowerShell keeps what
// the user typed) is still this project, so its color is not counted as
// another project's; a different directory's is.
func TestRegistryOthersCase(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "app")
	other := filepath.Join(dir, "other")
	for _, d := range []string{root, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	reg := Registry{
		"github.com/o/app-before-the-move": {Color: "#111111", Path: strings.ToUpper(root)},
		"github.com/o/other":               {Color: "#222222", Path: strings.ToLower(other)},
	}
	got := reg.Others("github.com/o/app", strings.ToLower(root)+`\`)
	if len(got) != 1 || got[0].Hex6() != "#222222" {
		t.Errorf("Others = %v, want only #222222 (the other directory's)", got)
	}
}

// TestMissingHomeOtherSpelling: a USERPROFILE that names a missing
// directory is not created, also when it is written with / or when
// LOCALAPPDATA spells the same place in another case (the check that a
// per-user file lies in the home compared strings; set_no_home.txtar
// failed under wine with USERPROFILE=$WORK/nonexistent).
func TestMissingHomeOtherSpelling(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "nonexistent")
	for _, env := range []map[string]string{
		{"USERPROFILE": filepath.ToSlash(home)},
		{"USERPROFILE": home, "LOCALAPPDATA": strings.ToUpper(home) + `\AppData\Local`, "APPDATA": strings.ToLower(home) + `/AppData/Roaming`},
	} {
		p, err := Open(Options{Dir: root, GOOS: "windows", Getenv: func(k string) string { return env[k] }})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Auto(AutoOptions{Checkout: Checkout{Root: root}}, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := p.AddFavorite("x", "#123456", WriteOptions{}); err == nil || !strings.Contains(err.Error(), "does not exist; peacock does not create it") {
			t.Errorf("%v: AddFavorite with a missing home: %v", env, err)
		}
		if _, err := os.Stat(home); !os.IsNotExist(err) {
			t.Fatalf("%v: the missing home was created: %v", env, err)
		}
	}
}
