//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lock takes an exclusive flock(2) on the directory dir, which holds (or
// will hold) file. Locking the directory leaves no lock file behind, works
// for a file that does not exist yet, and survives the rename that replaces
// the file; the kernel drops the lock if the process dies, so no lock is
// ever stale. On a file system without flock it falls back to a lock file.
// Each call opens its own descriptor, so goroutines of one
// process exclude each other as processes do.
func lock(dir, file string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("workspace: locking %s: %w", file, err)
	}
	deadline := time.Now().Add(lockTimeout)
	for i := 0; ; i++ {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS) {
			// A file system without flock (some network mounts): fall
			// back to a lock file.
			f.Close()
			return lockFile(dir, file)
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("workspace: locking %s: %w", file, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("workspace: %s: timed out after %v waiting for another peacock to finish", file, lockTimeout)
		}
		backoff(i)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// syncDir flushes the directory entry of a rename to disk.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
