//go:build unix

package project

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestThemesRefuseSpecialFiles: a FIFO or an oversized file among the user
// themes is one warning each and skipped, and never blocks a command.
func TestThemesRefuseSpecialFiles(t *testing.T) {
	var warnings []string
	p := testProject(t, map[string]string{
		"home/.config/peacock/themes/good.json": `{"name": "work", "colors": [{"name": "Ocean", "value": "#0077be"}]}`,
	}, Options{NoTarget: true, Warn: func(msg string) { warnings = append(warnings, msg) }})
	dir := p.ThemesDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create(filepath.Join(dir, "big.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(1<<20 + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	big.Close()
	done := make(chan error, 1)
	go func() {
		_, err := p.Resolve("ocean")
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("loading themes blocked on a FIFO")
	}
	got := strings.Join(warnings, "\n")
	for _, want := range []string{"pipe.json: is a FIFO, not a regular file (skipped)", "big.json: is too large"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings %q lack %q", warnings, want)
		}
	}
	if len(warnings) != 2 {
		t.Errorf("%d warnings, want 2: %q", len(warnings), warnings)
	}
}
