package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/windows"
)

// lockExisting locks the file target; see lockSidecar.
func lockExisting(w *waiter, target string) (func(), *lockedFile, bool, error) {
	unlock, err := lockSidecar(w, filepath.Dir(target), target)
	return unlock, nil, false, err
}

// lockMissing locks the file target, which does not exist yet, and of
// which dir is the nearest existing directory; see lockSidecar.
func lockMissing(w *waiter, dir, target string) (func(), error) {
	return lockSidecar(w, dir, target)
}

// lockOffset is where the locked byte of a sidecar lock file is: far past
// its content (the holder's process id), which waiters can then read.
const lockOffset = 1 << 62

// lockSidecar takes an exclusive LockFileEx lock on a lock file kept for
// target under the user's local application data folder,
// %LOCALAPPDATA%\peacock\locks\<hash of the lower-cased path>.lock, never
// in the project. Windows releases the lock when the process exits, so it
// is never stale; the small lock file stays for the next time. Each call
// opens its own handle, so goroutines of one process exclude each other as
// processes do. Where that folder cannot be used, it falls back to a lock
// file next to the file (in dir).
func lockSidecar(w *waiter, dir, target string) (func(), error) {
	name, err := sidecarName(target)
	if err != nil {
		return lockFile(w, dir, target)
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return lockFile(w, dir, target)
	}
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{OffsetHigh: lockOffset >> 32}
	for {
		err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
		if err == nil {
			break
		}
		if !errors.Is(err, windows.ERROR_LOCK_VIOLATION) && !errors.Is(err, windows.ERROR_IO_PENDING) {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", target, err)
		}
		if err := w.wait(func() int { return lockFilePID(name) }, ""); err != nil {
			f.Close()
			return nil, err
		}
	}
	// Record who holds the lock, for the waiters' messages.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		_ = windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}, nil
}

// sidecarName returns the lock file for target, creating its directory.
func sidecarName(target string) (string, error) {
	base, err := windows.KnownFolderPath(windows.FOLDERID_LocalAppData, 0)
	if err != nil {
		return "", err
	}
	// The folder itself is never created: it is in the user's profile,
	// and a home that does not exist is not created (the lock then falls
	// back to a lock file next to the file).
	if fi, err := os.Stat(base); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("%s: no such directory", base)
	}
	dir := filepath.Join(base, "peacock", "locks")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(strings.ToLower(filepath.Clean(target))))
	return filepath.Join(dir, hex.EncodeToString(sum[:16])+".lock"), nil
}

// syncDir does nothing: Windows cannot sync a directory.
func syncDir(string) {}
