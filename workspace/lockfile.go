package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// staleLock is the age after which a lock file is taken as left behind by a
// process that died: an Update holds its lock for milliseconds.
const staleLock = 30 * time.Second

// permissionRetry bounds how long a permission error on the lock file is
// retried: on Windows a lock file that its holder is removing cannot be
// opened (access denied) until the removal completes.
const permissionRetry = 2 * time.Second

// lockFile is the fallback lock where the system has no flock(2) (or the
// file system does not support it): it creates <dir>/<file name>.lock
// exclusively, writing its process id there, and waits as w says while
// the file exists. The returned function removes the lock file, if it is
// still this one.
//
// A lock file older than staleLock is taken over. Of several waiters that
// find the same stale lock, only one removes it: each first tries to create,
// exclusively, a guard file <lock>.<mtime in hex>.stale named after the
// stale lock's modification time, and only the one that creates it
// removes the lock file (if it is still the stale one) before removing the
// guard. Without the guard, two waiters could both remove the stale lock
// and the second would remove the new lock of the first.
func lockFile(w *waiter, dir, file string) (func(), error) {
	name := filepath.Join(dir, filepath.Base(file)+".lock")
	var denied time.Time
	for {
		f, err := createLockFile(name)
		if err == nil {
			_, werr := f.WriteString(strconv.Itoa(os.Getpid()) + "\n")
			cerr := f.Close()
			mine, serr := os.Stat(name)
			if err := errors.Join(werr, cerr, serr); err != nil {
				os.Remove(name)
				return nil, fmt.Errorf("locking %s: %w", file, err)
			}
			return func() {
				if now, err := os.Stat(name); err == nil && sameLock(now, mine) {
					os.Remove(name)
				}
			}, nil
		}
		switch {
		case errors.Is(err, fs.ErrExist):
			denied = time.Time{}
			if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > staleLock {
				if takeOver(name, fi) {
					continue
				}
			}
		case errors.Is(err, fs.ErrPermission):
			// Windows: a lock file pending deletion refuses to be opened
			// for a moment. A directory that is not writable stays so.
			if denied.IsZero() {
				denied = time.Now()
			} else if time.Since(denied) > permissionRetry {
				return nil, fmt.Errorf("locking %s: %w", file, err)
			}
		default:
			return nil, fmt.Errorf("locking %s: %w", file, err)
		}
		hint := fmt.Sprintf(" (remove %s if no peacock is running)", name)
		if err := w.wait(func() int { return lockFilePID(name) }, hint); err != nil {
			return nil, err
		}
	}
}

// sameLock reports whether two stats of a lock file are of the same file.
// The modification time is compared too: on Windows os.SameFile reads the
// file identity by path, lazily, so it may read that of a newer file.
func sameLock(a, b fs.FileInfo) bool {
	return os.SameFile(a, b) && a.ModTime().Equal(b.ModTime())
}

// takeOver removes the stale lock file name, whose stat is fi, unless
// another waiter is doing so. It reports whether the caller should try to
// take the lock again at once.
func takeOver(name string, fi fs.FileInfo) bool {
	guard := fmt.Sprintf("%s.%x.stale", name, fi.ModTime().UnixNano())
	g, err := os.OpenFile(guard, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		// Another waiter is taking over; a guard left by one that died
		// is itself stale.
		if gi, err := os.Stat(guard); err == nil && time.Since(gi.ModTime()) > staleLock {
			os.Remove(guard)
		}
		return false
	}
	g.Close()
	defer os.Remove(guard)
	if now, err := os.Stat(name); err == nil && sameLock(now, fi) {
		os.Remove(name)
	}
	return true
}

// createLockFile creates the lock file name exclusively (a variable for
// tests).
var createLockFile = func(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
}

// lockFilePID returns the process id recorded in the lock file name, or 0.
func lockFilePID(name string) int {
	data, err := os.ReadFile(name)
	if err != nil || len(data) > 32 {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil || pid < 0 {
		return 0
	}
	return pid
}
