package workspace

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/windows"
)

// Windows behaviour that wine reproduces as Windows does: file sharing (a
// rename over a file another process holds open fails), LockFileEx between
// processes, case-insensitive names. .ci/run runs these under wine
// (../shared/tools/wine/run-tests.sh).

// TestWindowsHelperProcess is not a test: the tests below run the test
// binary with PEACOCK_WIN_HELPER set to have another process hold a file.
// "open PATH" opens the file as a virus scanner or indexer does (sharing
// read and write, not delete); "lock PATH" takes peacock's lock on it. The
// helper prints "ready" once it holds the file, and lets go when its
// standard input closes.
func TestWindowsHelperProcess(t *testing.T) {
	cmd, ok := os.LookupEnv("PEACOCK_WIN_HELPER")
	if !ok {
		t.Skip("helper process for other tests")
	}
	verb, path, _ := strings.Cut(cmd, " ")
	var release func()
	switch verb {
	case "open":
		name, err := windows.UTF16PtrFromString(path)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		h, err := windows.CreateFile(name, windows.GENERIC_READ, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		release = func() { windows.CloseHandle(h) }
	case "lock":
		unlock, _, _, err := lockPath(context.Background(), path, nil)
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		release = unlock
	default:
		fmt.Println("unknown verb", verb)
		os.Exit(1)
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	release()
	os.Exit(0)
}

// holder is another process holding a file (see TestWindowsHelperProcess).
type holder struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	once  sync.Once
}

// holdFile starts a helper process that holds path ("open" or "lock") and
// returns once it does. The helper lets go at release, or at the end of
// the test.
func holdFile(t *testing.T, verb, path string) *holder {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-test.run=^TestWindowsHelperProcess$")
	cmd.Env = append(os.Environ(), "PEACOCK_WIN_HELPER="+verb+" "+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &holder{cmd: cmd, stdin: stdin}
	t.Cleanup(func() { h.release(t) })
	sc := bufio.NewScanner(stdout)
	var lines []string
	for sc.Scan() {
		if sc.Text() == "ready" {
			go io.Copy(io.Discard, stdout)
			return h
		}
		lines = append(lines, sc.Text())
	}
	t.Fatalf("helper %s %s did not get ready: %q", verb, path, lines)
	return nil
}

// release makes the helper let go, and waits for it to exit.
func (h *holder) release(t *testing.T) {
	h.once.Do(func() {
		h.stdin.Close()
		if err := h.cmd.Wait(); err != nil {
			t.Errorf("helper: %v", err)
		}
	})
}

// kill ends the helper without letting it release anything.
func (h *holder) kill(t *testing.T) {
	h.once.Do(func() {
		if err := h.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = h.cmd.Wait()
	})
}

// TestRenameOverOpenFileRetried: a write whose rename another process
// blocks (it holds the file open without sharing delete) is retried, and
// succeeds once that process closes the file.
func TestRenameOverOpenFileRetried(t *testing.T) {
	p := filepath.Join(t.TempDir(), "team.code-workspace")
	writeFile(t, p, "{\"settings\": {}}\n", 0o644)
	h := holdFile(t, "open", p)
	// Proof that the holder blocks a replace, as on Windows.
	if err := os.Rename(p, p+".x"); err == nil {
		t.Fatal("a rename of the file succeeded while another process holds it open")
	}
	const hold = 300 * time.Millisecond
	go func() {
		time.Sleep(hold)
		h.release(t)
	}()
	start := time.Now()
	if _, err := Update(p, UpdateOptions{}, setColor("#123456")); err != nil {
		t.Fatalf("Update while another process held the file for %v: %v", hold, err)
	}
	if took := time.Since(start); took < hold {
		t.Errorf("Update took %v, less than the %v the file was held: it did not wait", took, hold)
	}
	if got := readString(t, p); !strings.Contains(got, `"peacock.color": "#123456"`) {
		t.Errorf("not written: %q", got)
	}
	if names := dirNames(t, filepath.Dir(p)); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestRenameOverOpenFileGivesUp: while another process keeps the file
// open, the write is retried for renameRetry (not less), then fails with
// a message that says why, and leaves the file and directory as they were.
func TestRenameOverOpenFileGivesUp(t *testing.T) {
	p := filepath.Join(t.TempDir(), "team.code-workspace")
	const before = "{\"settings\": {}}\n"
	writeFile(t, p, before, 0o644)
	holdFile(t, "open", p)
	start := time.Now()
	_, err := Update(p, UpdateOptions{}, setColor("#123456"))
	took := time.Since(start)
	if err == nil {
		t.Fatal("Update succeeded while another process held the file open")
	}
	want := p + ": another program has the file open and does not let it be replaced (tried for 2s: "
	if msg := err.Error(); !strings.HasPrefix(msg, want) || !strings.HasSuffix(msg, "); nothing written") {
		t.Errorf("error:\n got %s\nwant %s…); nothing written", msg, want)
	}
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
		t.Errorf("error %v: want the system's error kept (access denied or sharing violation)", err)
	}
	if took < renameRetry {
		t.Errorf("gave up after %v, before the %v the retry is for", took, renameRetry)
	}
	if got := readString(t, p); got != before {
		t.Errorf("file changed: %q", got)
	}
	if names := dirNames(t, filepath.Dir(p)); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestLockBetweenProcesses: an update waits for the LockFileEx lock that
// another process holds on the file, is told which process that is, and
// goes ahead when it lets go.
func TestLockBetweenProcesses(t *testing.T) {
	p := filepath.Join(t.TempDir(), "team.code-workspace")
	writeFile(t, p, "{\"settings\": {}}\n", 0o644)
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	h := holdFile(t, "lock", target)
	var pids []int
	_, err = Update(p, UpdateOptions{OnWait: func(path string, pid int) {
		pids = append(pids, pid)
		go h.release(t)
	}}, setColor("#123456"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pids) != 1 || pids[0] != h.cmd.Process.Pid {
		t.Errorf("OnWait pids = %v, want [%d] (the helper's)", pids, h.cmd.Process.Pid)
	}
	if got := readString(t, p); !strings.Contains(got, `"peacock.color": "#123456"`) {
		t.Errorf("not written: %q", got)
	}
	// The lock file lives under %LOCALAPPDATA%, never in the project.
	if names := dirNames(t, filepath.Dir(p)); len(names) != 1 {
		t.Errorf("files left in the project: %v", names)
	}
}

// TestLockReleasedWhenHolderDies: a process killed while it holds the lock
// does not leave it held: Windows releases a LockFileEx lock with the
// process, so the next update goes ahead at once.
func TestLockReleasedWhenHolderDies(t *testing.T) {
	p := filepath.Join(t.TempDir(), "team.code-workspace")
	writeFile(t, p, "{\"settings\": {}}\n", 0o644)
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	holdFile(t, "lock", target).kill(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := Update(p, UpdateOptions{Context: ctx}, setColor("#123456")); err != nil {
		t.Fatalf("Update after the holder was killed: %v", err)
	}
}

// TestLockCaseInsensitive: two spellings of one file (C:\Users\X\w and
// C:\USERS\X\W) take the same lock, whether the file exists (its path is
// then resolved to the name on disk) or is still to be created (the name
// as given: the lock's name is the lower-cased path).
func TestLockCaseInsensitive(t *testing.T) {
	for _, exists := range []bool{true, false} {
		t.Run(fmt.Sprintf("exists=%v", exists), func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "Team.code-workspace")
			if exists {
				writeFile(t, p, "{\"settings\": {}}\n", 0o644)
			}
			target, err := resolveLinks(p)
			if err != nil {
				t.Fatal(err)
			}
			unlock, _, _, err := lockPath(context.Background(), target, nil)
			if err != nil {
				t.Fatal(err)
			}
			other := strings.ToUpper(dir) + `\TEAM.code-workspace`
			waited := false
			_, err = Update(other, UpdateOptions{Create: true, OnWait: func(string, int) {
				waited = true
				unlock()
			}}, setColor("#123456"))
			if !waited {
				unlock()
				t.Errorf("an update of %s did not wait for the lock held on %s", other, p)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := readString(t, p); !strings.Contains(got, `"peacock.color": "#123456"`) {
				t.Errorf("not written: %q", got)
			}
		})
	}
}

// TestFindCaseInsensitive: Find compares directories as files, so a home
// spelled in another case still stops the search, and of several
// workspace files the one named after the directory in another case
// (Shop.code-workspace in shop) is chosen.
func TestFindCaseInsensitive(t *testing.T) {
	// home holds a .git (a dotfiles repository): only the comparison of
	// home in another case keeps RepoRoot from taking it for the project.
	root := tree(t, "home/me/personal.code-workspace", "home/me/.git/", "home/me/scratch/notes/", "shop/Shop.code-workspace", "shop/other.code-workspace")
	home := strings.ToUpper(filepath.Join(root, "home", "me"))
	dir := filepath.Join(root, "home", "me", "scratch", "notes")
	got, err := Find(FindOptions{Dir: dir, Home: home})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "notes.code-workspace"); got.Path != want || got.Exists {
		t.Errorf("with home spelled %s: Find = %+v, want the new %s (home's personal.code-workspace is not the project's)", home, got, want)
	}
	got, err = Find(FindOptions{Dir: filepath.Join(root, "shop"), Home: home})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, "shop", "Shop.code-workspace"); got.Path != want || !got.Exists {
		t.Errorf("Find in shop = %+v, want %s", got, want)
	}
}

// TestExplicitPathForms: --workspace as Windows users write it: another
// case, forward slashes, rooted on the working directory's drive, relative
// to that drive's current directory, and in the \\?\ form; each names the
// one file. A path relative to another drive's current directory is an
// error.
func TestExplicitPathForms(t *testing.T) {
	dir := tree(t, "proj/w.code-workspace")
	p := filepath.Join(dir, "proj", "w.code-workspace")
	vol := filepath.VolumeName(dir)
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, explicit := range []string{
		p,
		strings.ToLower(p),
		filepath.ToSlash(p),
		p[len(vol):],                  // \Users\...: on Dir's drive
		vol + `proj\w.code-workspace`, // C:proj\...: Dir's drive, relative to Dir
		`\\?\` + p,
		`\\.\` + p,
	} {
		got, err := Find(FindOptions{Dir: dir, Home: dir, Explicit: explicit})
		if err != nil {
			t.Errorf("--workspace %s: %v", explicit, err)
			continue
		}
		gfi, err := os.Stat(got.Path)
		if err != nil || !os.SameFile(fi, gfi) || !got.Exists || got.Kind != KindWorkspace {
			t.Errorf("--workspace %s: Find = %+v (%v), want %s", explicit, got, err, p)
		}
	}
	other := "D:"
	if strings.EqualFold(vol, "D:") {
		other = "E:"
	}
	_, err = Find(FindOptions{Dir: dir, Home: dir, Explicit: other + "w.code-workspace"})
	if want := other + "w.code-workspace is relative to the current directory of drive " + other + "; pass an absolute path"; err == nil || err.Error() != want {
		t.Errorf("--workspace %sw.code-workspace: err = %v, want %s", other, err, want)
	}
}

// TestUNCWorkspace: a --workspace on a UNC share (\\server\share\...) is
// taken as the absolute path it is, and one rooted without a drive (\x)
// from a working directory on a share is on that share. (wine has no
// shares to write to: a missing share is what is checked, with the error
// naming the full path.)
func TestUNCWorkspace(t *testing.T) {
	const share = `\\localhost\peacock-no-such-share`
	got, err := Find(FindOptions{Dir: t.TempDir(), Home: t.TempDir(), Explicit: share + `\proj\w.code-workspace`})
	if err != nil {
		t.Fatal(err)
	}
	if want := share + `\proj\w.code-workspace`; got.Path != want || got.Exists || got.Kind != KindWorkspace {
		t.Errorf("Find = %+v, want the new %s", got, want)
	}
	got, err = Find(FindOptions{Dir: share + `\proj`, Home: t.TempDir(), Explicit: `\other\w.code-workspace`})
	if err != nil {
		t.Fatal(err)
	}
	if want := share + `\other\w.code-workspace`; got.Path != want {
		t.Errorf("Find = %+v, want %s", got, want)
	}
}
