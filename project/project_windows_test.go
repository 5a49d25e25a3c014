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
