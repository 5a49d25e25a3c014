package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// sizedFile writes a valid JSONC file of exactly n bytes: an object padded
// with spaces.
func sizedFile(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("{\n"); err != nil {
		t.Fatal(err)
	}
	pad := make([]byte, n-4)
	for i := range pad {
		pad[i] = ' '
	}
	if _, err := f.Write(pad); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("}\n"); err != nil {
		t.Fatal(err)
	}
}

// TestReadFileSizeLimit: a file at the limit is read; one byte more is
// refused with the size and the limit.
func TestReadFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	at := filepath.Join(dir, "at.json")
	if err := os.WriteFile(at, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(at, MaxFileSize); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(at); err != nil || len(data) != MaxFileSize {
		t.Errorf("file at the limit: %d bytes, %v", len(data), err)
	}
	over := filepath.Join(dir, "over.json")
	if err := os.WriteFile(over, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(over, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(over)
	if want := fmt.Sprintf("%s is too large (%d bytes; the limit is 16 MiB)", over, MaxFileSize+1); err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	small := filepath.Join(dir, "small.json")
	writeFile(t, small, "{\"a\": 1}", 0o644)
	_, err = ReadFileLimit(small, 4)
	if want := "" + small + " is too large (8 bytes; the limit is 4 bytes)"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if data, err := ReadFileLimit(small, 8); err != nil || string(data) != "{\"a\": 1}" {
		t.Errorf("ReadFileLimit at the limit: %q, %v", data, err)
	}
}

// TestUpdateSizeCap: an edit that would push a file at the size limit past
// it is refused, and the file stays readable and unchanged.
func TestUpdateSizeCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "settings.json")
	sizedFile(t, p, MaxFileSize)
	if _, err := ReadFile(p); err != nil {
		t.Fatal(err)
	}
	_, err := Update(p, UpdateOptions{}, setColor("#123456"))
	want := "" + p + ": the edited file would be too large ("
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "bytes; the limit is 16 MiB); nothing written") {
		t.Errorf("err = %v, want %q…", err, want)
	}
	if fi, err := os.Stat(p); err != nil || fi.Size() != MaxFileSize {
		t.Errorf("file changed: %v", err)
	}
	if err := WriteFileAtomic(p, make([]byte, MaxFileSize+1), 0o644); err == nil {
		t.Errorf("WriteFileAtomic wrote more than MaxFileSize")
	}
}

// TestUpdateDanglingDirectoryLink: a settings file in a .vscode directory
// that is a dangling link is an error naming the link's missing target;
// no directory is created there.
func TestUpdateDanglingDirectoryLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	proj := filepath.Join(dir, "proj")
	if err := os.Mkdir(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	vscode := filepath.Join(proj, ".vscode")
	if err := os.Symlink("../shared/vscode", vscode); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(vscode, "settings.json")
	_, err := Update(p, UpdateOptions{Create: true}, setColor("#123456"))
	want := "" + p + ": symbolic link " + vscode + " points to " + filepath.Join(dir, "shared", "vscode") + ", which does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err does not match fs.ErrNotExist")
	}
	if _, err := os.Stat(filepath.Join(dir, "shared")); !os.IsNotExist(err) {
		t.Errorf("a directory was created at the end of the dangling link")
	}
	if _, err := ReadFile(p); err == nil || err.Error() != want {
		t.Errorf("ReadFile: err = %v\nwant %s", err, want)
	}
}

// TestUpdateTempFiles: the temporary file is .<name>.peacock-tmp-<digits>,
// and ones left behind by killed writers of the same file are removed by
// the next writer; other files' are not.
func TestUpdateTempFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{}\n", 0o644)
	stale := filepath.Join(dir, ".settings.json.peacock-tmp-12345")
	writeFile(t, stale, "{", 0o600)
	keep := []string{".other.json.peacock-tmp-1", ".settings.json.peacock-tmp-x1", ".settings.json.peacock-tmp-"}
	for _, k := range keep {
		writeFile(t, filepath.Join(dir, k), "", 0o600)
	}
	var tmps []string
	testHookBeforeRename = func(tmp string) { tmps = append(tmps, tmp) }
	defer func() { testHookBeforeRename = nil }()
	if _, err := Update(p, UpdateOptions{}, setColor("#123456")); err != nil {
		t.Fatal(err)
	}
	if len(tmps) != 1 || filepath.Dir(tmps[0]) != filepath.Dir(p) ||
		!regexp.MustCompile(`^\.settings\.json\.peacock-tmp-[0-9]+$`).MatchString(filepath.Base(tmps[0])) {
		t.Errorf("temporary files = %q", tmps)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file not removed")
	}
	names := dirNames(t, dir)
	if len(names) != 1+len(keep) {
		t.Errorf("files = %q, want settings.json and %q", names, keep)
	}
}

// TestUpdateContext: a context done before the rename stops the write,
// removes the temporary file and wraps context.Canceled; a context done
// before Update starts stops it at once.
func TestUpdateContext(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{}\n", 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	var tmp string
	testHookBeforeRename = func(name string) { tmp = name; cancel() }
	defer func() { testHookBeforeRename = nil }()
	_, err := Update(p, UpdateOptions{Context: ctx}, setColor("#123456"))
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), p) {
		t.Errorf("err = %v, want context.Canceled naming the file", err)
	}
	if tmp == "" {
		t.Fatal("no temporary file was written")
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("temporary file %s left", tmp)
	}
	if got := readString(t, p); got != "{}\n" {
		t.Errorf("file written after cancel: %q", got)
	}
	testHookBeforeRename = nil

	calls := 0
	_, err = Update(p, UpdateOptions{Context: ctx}, func(*Document) error { calls++; return nil })
	if !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("done context: err = %v, fn called %d times", err, calls)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestUpdateLockPerFile: an update that holds the lock on one file does
// not hold up an update of another file in the same directory.
func TestUpdateLockPerFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.code-workspace")
	b := filepath.Join(dir, "b.code-workspace")
	writeFile(t, a, "{}\n", 0o644)
	writeFile(t, b, "{}\n", 0o644)
	n := filepath.Join(dir, "new.code-workspace") // created while a is held
	held, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		_, err := Update(a, UpdateOptions{}, func(d *Document) error {
			close(held)
			<-release
			return d.SetSetting(ColorKey, "#aaaaaa")
		})
		done <- err
	}()
	<-held
	withTimeoutT(t, 3*time.Second, "Update of another file in the directory", func() {
		if _, err := Update(b, UpdateOptions{OnWait: func(string, int) { t.Errorf("b waited for a's lock") }}, setColor("#bbbbbb")); err != nil {
			t.Error(err)
		}
		if _, err := Update(n, UpdateOptions{Create: true}, setColor("#cccccc")); err != nil {
			t.Error(err)
		}
	})
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for p, c := range map[string]string{a: "#aaaaaa", b: "#bbbbbb", n: "#cccccc"} {
		if !strings.Contains(readString(t, p), c) {
			t.Errorf("%s lacks %s", p, c)
		}
	}
}

// withTimeoutT runs f and fails the test if it has not returned after d.
func withTimeoutT(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}

// TestLockFileStaleRace: many waiters find the same stale lock file; only
// one removes it, so the lock stays exclusive (without the guard two could
// remove it, the second removing the first's new lock).
func TestLockFileStaleRace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "settings.json")
	for round := 0; round < 20; round++ {
		stale := file + ".lock"
		writeFile(t, stale, "99999\n", 0o644)
		old := time.Now().Add(-time.Minute)
		if err := os.Chtimes(stale, old, old); err != nil {
			t.Fatal(err)
		}
		var inside, max atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				unlock, err := lockFile(testWaiter(), dir, file)
				if err != nil {
					t.Error(err)
					return
				}
				n := inside.Add(1)
				for m := max.Load(); n > m && !max.CompareAndSwap(m, n); m = max.Load() {
				}
				time.Sleep(2 * time.Millisecond)
				inside.Add(-1)
				unlock()
			}()
		}
		close(start)
		wg.Wait()
		if max.Load() != 1 {
			t.Fatalf("round %d: %d holders of the lock at once", round, max.Load())
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Fatalf("files left behind: %v", names)
		}
	}
}

// TestLockFileWait: a waiter on a lock file is told the holder's process
// id, and times out naming the file, the holder and the lock file.
func TestLockFileWait(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "settings.json")
	unlock, err := lockFile(testWaiter(), dir, file)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var pids []int
	w := &waiter{ctx: context.Background(), path: file, deadline: time.Now().Add(50 * time.Millisecond),
		onWait: func(_ string, pid int) { pids = append(pids, pid) }}
	_, err = lockFile(w, dir, file)
	want := fmt.Sprintf("%s: timed out after 10s waiting for another peacock to finish (process %d holds the lock) (remove %s.lock if no peacock is running)", file, os.Getpid(), file)
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if len(pids) != 1 || pids[0] != os.Getpid() {
		t.Errorf("OnWait pids = %v", pids)
	}
}

// TestRetryEphemeral: ephemeral errors are retried until success or the
// timeout; others are returned at once.
func TestRetryEphemeral(t *testing.T) {
	busy := errors.New("busy")
	n := 0
	err := retryEphemeral(func() error {
		n++
		if n < 4 {
			return busy
		}
		return nil
	}, func(err error) bool { return err == busy }, time.Second)
	if err != nil || n != 4 {
		t.Errorf("err = %v after %d calls, want success after 4", err, n)
	}
	n = 0
	start := time.Now()
	err = retryEphemeral(func() error { n++; return busy }, func(err error) bool { return err == busy }, 50*time.Millisecond)
	if err != busy || time.Since(start) > time.Second || n < 2 {
		t.Errorf("err = %v after %d calls and %v", err, n, time.Since(start))
	}
	n = 0
	other := syscall.EINVAL
	if err := retryEphemeral(func() error { n++; return other }, func(err error) bool { return err == busy }, time.Second); err != other || n != 1 {
		t.Errorf("err = %v after %d calls", err, n)
	}
}

// TestRetryEphemeralLastsTheTimeout: an error that stays is retried for
// the whole timeout, the last call at the deadline, not given up on when
// the next random sleep might pass it (which gave up after half the
// timeout on average, 0.30-1.74 s of the 2 s a Windows rename is retried).
func TestRetryEphemeralLastsTheTimeout(t *testing.T) {
	busy := errors.New("busy")
	const timeout = 200 * time.Millisecond
	for i := 0; i < 5; i++ {
		start := time.Now()
		var last time.Duration
		n := 0
		err := retryEphemeral(func() error { n++; last = time.Since(start); return busy }, func(err error) bool { return err == busy }, timeout)
		if err != busy || last < timeout || n < 2 {
			t.Fatalf("err = %v after %d calls, the last at %v; want busy, the last call at %v or later", err, n, last, timeout)
		}
		if took := time.Since(start); took > timeout+time.Second {
			t.Errorf("took %v for a timeout of %v", took, timeout)
		}
	}
}

// TestWriteFileAtomicLink: WriteFileAtomic writes through a symbolic link
// and keeps an existing file's mode; a new file gets perm.
func TestWriteFileAtomicLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "config.json")
	writeFile(t, real, "{}", 0o600)
	link := filepath.Join(dir, "config.json")
	if err := os.Symlink("dotfiles/config.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, []byte(`{"a": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if got := readString(t, real); got != `{"a": 1}` {
		t.Errorf("target = %q", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
	}
}

// BenchmarkUpdate measures one locked read-edit-write cycle on a small
// file (fsync included).
func BenchmarkUpdate(b *testing.B) {
	p := filepath.Join(b.TempDir(), "settings.json")
	if err := os.WriteFile(p, []byte("{\n  \"count\": 0\n}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Update(p, UpdateOptions{}, increment); err != nil {
			b.Fatal(err)
		}
	}
}

// increment adds 1 to the setting "count".
func increment(d *Document) error {
	v, _ := d.Setting("count")
	return d.SetSetting("count", v.(float64)+1)
}

// TestLockFileDenied: a permission error on the lock file (on Windows, a
// lock file pending deletion) is retried; one that lasts is returned as
// such after a while, not as a timeout.
func TestLockFileDenied(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "settings.json")
	denied := 0
	create := createLockFile
	defer func() { createLockFile = create }()
	createLockFile = func(name string) (*os.File, error) {
		if denied < 3 {
			denied++
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return create(name)
	}
	unlock, err := lockFile(testWaiter(), dir, file)
	if err != nil || denied != 3 {
		t.Fatalf("err = %v after %d denials, want the lock after 3", err, denied)
	}
	unlock()

	createLockFile = func(name string) (*os.File, error) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	start := time.Now()
	_, err = lockFile(testWaiter(), dir, file)
	if !errors.Is(err, fs.ErrPermission) || strings.Contains(err.Error(), "timed out") {
		t.Errorf("err = %v, want the permission error", err)
	}
	if d := time.Since(start); d < permissionRetry || d > lockTimeout {
		t.Errorf("gave up after %v, want about %v", d, permissionRetry)
	}
}

// TestUpdateEmptyWorkspaceFile: a 0-byte .code-workspace gets the folders
// a new one has, so that opening it opens the project.
func TestUpdateEmptyWorkspaceFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.code-workspace")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Update(path, UpdateOptions{Create: true}, func(d *Document) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !res.Changed || string(res.After) != string(NewWorkspaceFile()) {
		t.Errorf("after = %q (changed %v), want NewWorkspaceFile", res.After, res.Changed)
	}
	// Without Create (reset, apply), an empty file stays empty.
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Update(path, UpdateOptions{}, func(d *Document) error { return nil })
	if err != nil || res.Changed {
		t.Errorf("without Create: changed %v, err %v", res.Changed, err)
	}
}

// TestLoadSettingsFileDanglingLink: a user settings file that is a link to
// nothing is an error naming the target, not an empty file.
func TestLoadSettingsFileDanglingLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "settings.json")
	if err := os.Symlink(filepath.Join(dir, "gone.json"), link); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadSettingsFile(link); err == nil || !strings.Contains(err.Error(), "gone.json") {
		t.Errorf("err = %v, want one naming gone.json", err)
	}
	if m, err := LoadSettingsFile(filepath.Join(dir, "missing.json")); err != nil || len(m) != 0 {
		t.Errorf("missing file: %v, %v; want empty, no error", m, err)
	}
}

// TestUpdateBeforeWrite: BeforeWrite runs once before a write, and never
// for a dry run or an edit that changes nothing.
func TestUpdateBeforeWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "settings.json")
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := 0
	set := func(d *Document) error { return d.SetSetting("a", 1) }
	for _, tt := range []struct {
		name string
		opts UpdateOptions
		want int
	}{
		{"dry run", UpdateOptions{DryRun: true}, 0},
		{"write", UpdateOptions{}, 1},
		{"nothing to change", UpdateOptions{}, 1},
	} {
		tt.opts.BeforeWrite = func() { calls++ }
		if _, err := Update(path, tt.opts, set); err != nil {
			t.Fatal(err)
		}
		if calls != tt.want {
			t.Errorf("%s: BeforeWrite called %d times in all, want %d", tt.name, calls, tt.want)
		}
	}
}

// TestUpdateInPlaceEditsThatCancel: edits that cancel out change nothing,
// in place as with a copy: no write, Changed false.
func TestUpdateInPlaceEditsThatCancel(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "settings.json")
		if err := os.WriteFile(path, []byte(`{"a": 1}`), 0o644); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(path)
		res, err := Update(path, UpdateOptions{InPlace: inPlace}, func(d *Document) error {
			if err := d.SetSetting("zz.tmp", 1); err != nil {
				return err
			}
			return d.RemoveSetting("zz.tmp")
		})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := os.Stat(path)
		if res.Changed || !os.SameFile(before, after) || string(res.After) != `{"a": 1}` {
			t.Errorf("InPlace=%v: Changed %v, same file %v, After %q", inPlace, res.Changed, os.SameFile(before, after), res.After)
		}
	}
}

// TestNewWorkspaceFileLF: a new workspace file has LF line breaks on every
// system, Windows included, because that is what VS Code writes there: it
// creates a workspace file as JSON.stringify(ws, null, '\t') (LF), and
// Save Workspace As then edits it with jsonc-parser, whose formatter takes
// the line break of the text it edits before the eol it is given ('\r\n'
// on Windows). Measured with jsonc-parser 3.3.1 (docs/windows.md). A file
// that already has CRLF keeps CRLF (TestGolden/crlf).
func TestNewWorkspaceFileLF(t *testing.T) {
	p := filepath.Join(t.TempDir(), "proj.code-workspace")
	if _, err := Update(p, UpdateOptions{Create: true}, setColor("#42b883")); err != nil {
		t.Fatal(err)
	}
	got := readString(t, p)
	want := "{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t],\n\t\"settings\": {\n\t\t\"peacock.color\": \"#42b883\"\n\t}\n}"
	if got != want {
		t.Errorf("new file:\n%q\nwant\n%q", got, want)
	}
	if strings.Contains(got, "\r") {
		t.Errorf("new file has a CR: %q", got)
	}
}
