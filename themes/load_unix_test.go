//go:build unix

package themes

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadDirFIFO checks that a FIFO named *.json is reported and skipped
// without LoadDir blocking on it (opening a FIFO for reading waits for a
// writer).
func TestLoadDirFIFO(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.json": goodTheme})
	fifo := filepath.Join(dir, "pipe.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	type result struct {
		themes   []Theme
		problems []error
	}
	done := make(chan result, 1)
	go func() {
		th, p := LoadDir(dir)
		done <- result{th, p}
	}()
	select {
	case r := <-done:
		want := "" + fifo + ": not a regular file (a named pipe)"
		if len(r.themes) != 1 || len(r.problems) != 1 || r.problems[0].Error() != want {
			t.Errorf("LoadDir = %v, %v; want the good theme and %s", r.themes, r.problems, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadDir blocked on a FIFO")
	}
}
