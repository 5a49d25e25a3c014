//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/peacock-cli/peacock/workspace"
)

// syncBuffer is a strings.Builder safe for a reader in another goroutine.
type syncBuffer struct {
	ch chan string
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.b.Write(p)
	select {
	case s.ch <- string(p):
	default:
	}
	return len(p), nil
}

// TestInterruptWhileWaiting: a set that waits for another writer's lock
// says so, and SIGINT ends it with exit 130, nothing written and no
// temporary file left.
func TestInterruptWhileWaiting(t *testing.T) {
	f, work, _, _ := testFactory(t)
	errOut := &syncBuffer{ch: make(chan string, 16)}
	f.IO.ErrOut = errOut
	path := filepath.Join(work, "work.code-workspace")
	orig := []byte(`{"folders": [{"path": "."}]}`)
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	// Another writer holds the file's lock.
	held, release := make(chan struct{}), make(chan struct{})
	go func() {
		_, _ = workspace.Update(path, workspace.UpdateOptions{}, func(*workspace.Document) error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	defer close(release)
	code := make(chan int)
	go func() { code <- runWith(f, []string{"set", "red"}) }()
	deadline := time.After(5 * time.Second)
	for waiting := false; !waiting; {
		select {
		case msg := <-errOut.ch:
			waiting = strings.Contains(msg, "waiting for process")
		case <-deadline:
			t.Fatalf("no wait message; stderr %q", errOut.b.String())
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != 130 {
			t.Errorf("exit code %d, want 130 (stderr %q)", c, errOut.b.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("set did not stop on SIGINT")
	}
	if data, _ := os.ReadFile(path); string(data) != string(orig) {
		t.Errorf("the file changed: %s", data)
	}
	entries, _ := os.ReadDir(work)
	for _, e := range entries {
		if strings.Contains(e.Name(), "tmp") {
			t.Errorf("left %s", e.Name())
		}
	}
	if !strings.Contains(errOut.b.String(), "peacock: interrupt; nothing written") {
		t.Errorf("stderr %q", errOut.b.String())
	}
}

// TestQuietWait: --quiet silences the message of a wait for another
// writer's lock too; the write then goes ahead.
func TestQuietWait(t *testing.T) {
	f, work, out, errOut := testFactory(t)
	path := filepath.Join(work, "work.code-workspace")
	if err := os.WriteFile(path, []byte(`{"folders": [{"path": "."}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	held, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		_, _ = workspace.Update(path, workspace.UpdateOptions{}, func(*workspace.Document) error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	time.AfterFunc(500*time.Millisecond, func() { close(release) })
	if code := runWith(f, []string{"set", "red", "-q"}); code != exitOK {
		t.Fatalf("exit code %d (stderr %q)", code, errOut.String())
	}
	<-done
	if errOut.Len() != 0 || out.Len() != 0 {
		t.Errorf("stdout %q, stderr %q; want both empty", out.String(), errOut.String())
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), `"peacock.color": "red"`) {
		t.Errorf("not written: %s", data)
	}
}
