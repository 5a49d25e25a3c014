//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// lockExisting takes an exclusive flock(2) on the file target itself. The
// lock covers that one file, works without a lock file (none is ever left
// behind or stale: the kernel drops the lock when the process dies), and
// each call opens its own descriptor, so goroutines of one process exclude
// each other as processes do. A writer replaces the file by a rename, so a
// lock taken on the old file is worth nothing: once the lock is held, the
// file at target must still be the locked one, else again is true. On a
// file system without flock it falls back to a lock file. held is the
// locked file, left open for reading (nil with a lock file).
func lockExisting(w *waiter, target string) (unlock func(), held *lockedFile, again bool, err error) {
	f, err := openNonBlocking(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, true, nil
	}
	if err != nil {
		return nil, nil, false, fmt.Errorf("locking %s: %w", target, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, false, fmt.Errorf("locking %s: %w", target, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, false, fmt.Errorf("%w; nothing written", notRegularError(target, fi.Mode()))
	}
	ok, err := flock(w, f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, nil, false, err
		}
		unlock, err := lockFile(w, filepath.Dir(target), target)
		return unlock, nil, false, err
	}
	unlock = func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
	now, err := os.Stat(target)
	if err != nil || !os.SameFile(now, fi) {
		unlock() // replaced (or removed) while we waited
		return nil, nil, true, nil
	}
	return unlock, &lockedFile{f, now}, false, nil
}

// lockMissing takes an exclusive flock(2) on dir, the nearest existing
// directory of target, which does not exist yet.
func lockMissing(w *waiter, dir, target string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("locking %s: %w", target, err)
	}
	ok, err := flock(w, f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return nil, err
		}
		return lockFile(w, dir, target)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// flock takes an exclusive flock on f, waiting as w says. It returns false
// and no error when the file system does not support flock.
func flock(w *waiter, f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case noFlock(err), errors.Is(err, syscall.EBADF):
			// EBADF: NFS emulates flock with POSIX locks, for which an
			// exclusive lock needs a descriptor open for writing.
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return false, fmt.Errorf("locking %s: %w", w.path, err)
		}
		if err := w.wait(func() int { return flockHolder(f) }, ""); err != nil {
			return false, err
		}
	}
}

// noFlock reports whether err from flock(2) means the file system does not
// support it (some network mounts). ENOTSUP and EOPNOTSUPP are the same
// number on Linux but not on macOS (45 and 102).
func noFlock(err error) bool {
	return errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) ||
		errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOSYS)
}

// syncDir flushes the directory entry of a rename to disk.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
