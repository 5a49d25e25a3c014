//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package workspace

import "path/filepath"

// lockExisting uses a lock file where neither flock(2) nor LockFileEx is
// available.
func lockExisting(w *waiter, target string) (func(), *lockedFile, bool, error) {
	unlock, err := lockFile(w, filepath.Dir(target), target)
	return unlock, nil, false, err
}

// lockMissing uses a lock file in dir, the nearest existing directory of
// target.
func lockMissing(w *waiter, dir, target string) (func(), error) {
	return lockFile(w, dir, target)
}

// syncDir does nothing where directories cannot be synced.
func syncDir(string) {}
