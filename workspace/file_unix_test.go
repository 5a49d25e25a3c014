//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestReadFileNotRegular: ReadFile refuses what is not a regular file
// without blocking on it (a FIFO with no writer) or reading it forever
// (/dev/zero through a link).
func TestReadFileNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub.code-workspace")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo: "" + fifo + " is a FIFO, not a regular file",
		zero: "" + zero + " is a character device, not a regular file",
		sub:  "" + sub + " is a directory, not a regular file",
	} {
		withTimeoutT(t, 5*time.Second, "ReadFile("+path+")", func() {
			_, err := ReadFile(path)
			if err == nil || err.Error() != want {
				t.Errorf("ReadFile: err = %v, want %q", err, want)
			}
		})
	}
	// LoadSettingsFile reads through ReadFile.
	withTimeoutT(t, 5*time.Second, "LoadSettingsFile", func() {
		if _, err := LoadSettingsFile(fifo); err == nil {
			t.Errorf("LoadSettingsFile read a FIFO")
		}
	})
}

// TestUpdateNotRegularTarget: a workspace link to a device or a FIFO is
// refused; the device is not replaced by a regular file and a FIFO does
// not hang the update.
func TestUpdateNotRegularTarget(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{fifo: "a FIFO"}
	// A character device of our own (the same as /dev/null), never the
	// system's: a failing fix would replace it.
	dev := filepath.Join(dir, "null")
	if err := mkCharDevice(dev); err == nil {
		targets[dev] = "a character device"
	} else {
		t.Logf("no character device test: mknod: %v", err)
	}
	for target, kind := range targets {
		link := filepath.Join(dir, filepath.Base(target)+".code-workspace")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Lstat(target)
		for _, create := range []bool{false, true} {
			withTimeoutT(t, 5*time.Second, "Update through a link to "+kind, func() {
				_, err := Update(link, UpdateOptions{Create: create}, setColor("#123456"))
				want := "" + link + " links to " + target + ": " + target + " is " + kind + ", not a regular file; nothing written"
				if err == nil || !strings.HasPrefix(err.Error(), want) {
					t.Errorf("err = %v, want %q…", err, want)
				}
			})
			withTimeoutT(t, 5*time.Second, "WriteFileAtomic through a link to "+kind, func() {
				if err := WriteFileAtomic(link, []byte("{}"), 0o644); err == nil {
					t.Errorf("WriteFileAtomic wrote through a link to %s", kind)
				}
			})
		}
		after, err := os.Lstat(target)
		if err != nil || after.Mode().Type() != before.Mode().Type() || !os.SameFile(before, after) {
			t.Errorf("%s replaced: %v", kind, err)
		}
	}
}

// TestUpdateKeepsOwnerAndMode: an update keeps the setuid, setgid and
// sticky bits and the file's owner and group; as root, another user's
// (only root can give a file away; CI runs as root).
func TestUpdateKeepsOwnerAndMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{}\n", 0o644)
	uid, gid := os.Geteuid(), os.Getegid()
	if uid == 0 {
		uid, gid = 65534, 65534
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Log("not root: the file keeps this user as owner; run as root to check another user's")
	}
	mode := fs.FileMode(0o640) | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky
	if err := os.Chmod(p, mode); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) != mode {
		t.Skipf("this system does not let this user set mode %v", mode)
	}
	if _, err := Update(p, UpdateOptions{}, setColor("#123456")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("owner = %d:%d, want %d:%d kept", st.Uid, st.Gid, uid, gid)
	}
	if got := fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky); got != mode {
		t.Errorf("mode = %v, want %v", got, mode)
	}
	if !strings.Contains(readString(t, p), "#123456") {
		t.Errorf("not written")
	}
}

// TestUpdateOwnerRefused: a writer that cannot give the new file the old
// one's owner and group gets an error and nothing is written. As root the
// writer runs as a child process with uid and gid 65534, on a root-owned
// file in a directory it may write.
func TestUpdateOwnerRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs a file owned by another user or a group this user is not in, in a directory this user can write: only root can make one")
	}
	exe := copyTestBinary(t)
	dir, err := os.MkdirTemp("", "peacock-owner")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "team.code-workspace")
	writeFile(t, p, "{\"settings\": {}}\n", 0o666)
	cmd := exec.Command(exe, "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PEACOCK_WS_HELPER=set "+p)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, _ := cmd.CombinedOutput()
	t.Logf("as uid 65534: %s", out)
	want := "" + p + " belongs to uid 0 (root) and gid 0 (root), and this process cannot give the new file that owner and group (operation not permitted); nothing written"
	if !strings.Contains(string(out), want) || !strings.Contains(string(out), "nothing written") {
		t.Errorf("output:\n%s\nwant %q…nothing written", out, want)
	}
	if got := readString(t, p); got != "{\"settings\": {}}\n" {
		t.Errorf("file changed: %q", got)
	}
	fi, _ := os.Stat(p)
	if st := fi.Sys().(*syscall.Stat_t); st.Uid != 0 || st.Gid != 0 {
		t.Errorf("owner changed to %d:%d", st.Uid, st.Gid)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// copyTestBinary copies the test binary where any user may run it.
func copyTestBinary(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "peacock-test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "workspace.test")
	in, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(exe, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return exe
}

// TestHelperProcess is not a test: other tests run the test binary with
// PEACOCK_WS_HELPER set to have it update a file as another process
// ("set PATH": set a color; "count N PATH": add 1 to "count", N times).
func TestHelperProcess(t *testing.T) {
	cmd, ok := os.LookupEnv("PEACOCK_WS_HELPER")
	if !ok {
		t.Skip("helper process for other tests")
	}
	verb, arg, _ := strings.Cut(cmd, " ")
	switch verb {
	case "set":
		_, err := Update(arg, UpdateOptions{}, setColor("#123456"))
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
	case "count":
		ns, path, _ := strings.Cut(arg, " ")
		n, _ := strconv.Atoi(ns)
		for i := 0; i < n; i++ {
			if _, err := Update(path, UpdateOptions{}, increment); err != nil {
				fmt.Println(err)
				os.Exit(1)
			}
		}
	}
	os.Exit(0)
}

// TestUpdateCounterProcesses: processes and goroutines increment a number
// in one file at once; every increment is kept (the lock holds across
// processes, and across the renames that replace the locked file).
func TestUpdateCounterProcesses(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "team.code-workspace")
	writeFile(t, p, "{\n\t\"settings\": {\n\t\t\"count\": 0\n\t}\n}\n", 0o644)
	const procs, perProc, goroutines = 3, 15, 10
	var wg sync.WaitGroup
	for i := 0; i < procs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(self, "-test.run=^TestHelperProcess$")
			cmd.Env = append(os.Environ(), fmt.Sprintf("PEACOCK_WS_HELPER=count %d %s", perProc, p))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("helper: %v\n%s", err, out)
			}
		}()
	}
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := Update(p, UpdateOptions{}, increment); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	want := fmt.Sprintf("{\n\t\"settings\": {\n\t\t\"count\": %d\n\t}\n}\n", procs*perProc+goroutines)
	if got := readString(t, p); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if names := dirNames(t, filepath.Dir(p)); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestUpdateOnWait: OnWait is called once, with the file and (on Linux)
// the process holding the lock, when an update has to wait.
func TestUpdateOnWait(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{}\n", 0o644)
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	held, release := make(chan struct{}), make(chan struct{})
	go func() {
		_, err := Update(p, UpdateOptions{}, func(d *Document) error {
			close(held)
			<-release
			return d.SetSetting("a", 1.0)
		})
		if err != nil {
			t.Error(err)
		}
	}()
	<-held
	type call struct {
		path string
		pid  int
	}
	var calls []call
	_, err = Update(p, UpdateOptions{OnWait: func(path string, pid int) {
		calls = append(calls, call{path, pid})
		close(release)
	}}, setColor("#123456"))
	if err != nil {
		t.Fatal(err)
	}
	wantPID := 0
	if runtime.GOOS == "linux" {
		wantPID = os.Getpid()
	}
	if len(calls) != 1 || calls[0].path != target || calls[0].pid != wantPID {
		t.Errorf("OnWait calls = %+v, want one with %s, %d", calls, target, wantPID)
	}
	if got := readString(t, p); !strings.Contains(got, `"a": 1`) || !strings.Contains(got, "#123456") {
		t.Errorf("an update was lost: %q", got)
	}
}

// TestUpdateContextWhileWaiting: a context done while Update waits for the
// lock ends the wait with an error that wraps it.
func TestUpdateContextWhileWaiting(t *testing.T) {
	p := filepath.Join(t.TempDir(), "settings.json")
	writeFile(t, p, "{}\n", 0o644)
	held, release := make(chan struct{}), make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = Update(p, UpdateOptions{}, func(d *Document) error {
			close(held)
			<-release
			return nil
		})
	}()
	<-held
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	_, err := Update(p, UpdateOptions{Context: ctx, OnWait: func(string, int) { cancel() }}, setColor("#123456"))
	close(release)
	<-done
	if !errors.Is(err, context.Canceled) || time.Since(start) > 2*time.Second {
		t.Errorf("err = %v after %v, want context.Canceled at once", err, time.Since(start))
	}
}

// TestUpdateHardLinks: a file with several hard links is refused, not
// split from its other names.
func TestUpdateHardLinks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{}\n", 0o644)
	other := filepath.Join(dir, "shared.json")
	if err := os.Link(p, other); err != nil {
		t.Fatal(err)
	}
	want := "" + p + " has 2 hard links; replacing it would split it from the others, so nothing was written"
	for _, dry := range []bool{false, true} {
		// A dry run fails as the write would.
		_, err := Update(p, UpdateOptions{DryRun: dry}, setColor("#123456"))
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("dry run %v: err = %v, want %q…", dry, err, want)
		}
	}
	a, _ := os.Stat(p)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) || readString(t, p) != "{}\n" {
		t.Errorf("the links were split or the file changed")
	}
}

// TestNewFileUmask: a new file gets 0666 less the umask (077 gives 0600,
// 002 gives 0664), whether made by Update, EditFile or WriteFileAtomic; a
// replaced file keeps its mode whatever the umask.
func TestNewFileUmask(t *testing.T) {
	for _, tc := range []struct {
		umask int
		want  fs.FileMode
	}{{0o077, 0o600}, {0o002, 0o664}, {0o022, 0o644}} {
		old := syscall.Umask(tc.umask)
		dir := t.TempDir()
		a := filepath.Join(dir, "a.code-workspace")
		_, err1 := Update(a, UpdateOptions{Create: true}, func(d *Document) error { return d.SetSetting("x", 1) })
		b := filepath.Join(dir, "b")
		_, err2 := EditFile(b, EditOptions{}, func([]byte, bool) ([]byte, error) { return []byte("b\n"), nil })
		c := filepath.Join(dir, "c")
		err3 := WriteFileAtomic(c, []byte("c"), 0o666)
		syscall.Umask(old)
		for i, err := range []error{err1, err2, err3} {
			if err != nil {
				t.Fatalf("umask %03o, write %d: %v", tc.umask, i, err)
			}
		}
		for _, p := range []string{a, b, c} {
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != tc.want {
				t.Errorf("umask %03o: %s has mode %v, want %v", tc.umask, filepath.Base(p), fi.Mode().Perm(), tc.want)
			}
		}
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "kept")
	writeFile(t, p, "x", 0o640)
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	old := syscall.Umask(0o077)
	err := WriteFileAtomic(p, []byte("y"), 0o666)
	syscall.Umask(old)
	if fi, _ := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("replaced file: %v, mode %v, want 0640", err, fi.Mode().Perm())
	}
}
