//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestNoFlock: the errors that mean "no flock here" switch to a lock file;
// macOS reports ENOTSUP (45), which differs from EOPNOTSUPP (102) there.
func TestNoFlock(t *testing.T) {
	for _, err := range []error{syscall.ENOLCK, syscall.EOPNOTSUPP, syscall.ENOTSUP, syscall.ENOSYS, fmt.Errorf("x: %w", syscall.ENOTSUP)} {
		if !noFlock(err) {
			t.Errorf("noFlock(%v) = false", err)
		}
	}
	for _, err := range []error{syscall.EWOULDBLOCK, syscall.EINTR, syscall.EBADF} {
		if noFlock(err) {
			t.Errorf("noFlock(%v) = true", err)
		}
	}
}

// TestLockFollowsReplacement: a writer that replaced the file by a rename
// (as every writer does) leaves waiters holding the lock of the old file;
// they must take the new file's lock, held here by the next writer, and
// not edit while it is held. The test plays the other writers with raw
// flocks and renames.
func TestLockFollowsReplacement(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{\"v\": 1}\n", 0o644)
	hold := func() *os.File {
		t.Helper()
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			t.Fatal(err)
		}
		return f
	}
	replace := func(content string) {
		t.Helper()
		tmp := filepath.Join(dir, "next")
		writeFile(t, tmp, content, 0o644)
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
	first := hold()
	waiting := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := Update(p, UpdateOptions{OnWait: func(string, int) { close(waiting) }}, setColor("#123456"))
		done <- err
	}()
	<-waiting
	replace("{\"v\": 2}\n") // the first writer's result
	second := hold()        // the next writer locks the new file
	first.Close()           // the first writer is done
	select {
	case err := <-done:
		t.Fatalf("Update ran while the new file was locked: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	replace("{\"v\": 3}\n") // the next writer's result
	second.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, want := readString(t, p), "{\"v\": 3, \"peacock.color\": \"#123456\"}\n"; got != want {
		t.Errorf("got %q, want %q (an update lost)", got, want)
	}
}
