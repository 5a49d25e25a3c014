package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// staleLock is the age after which a lock file is taken as left behind by a
// process that died: an Update holds its lock for milliseconds.
const staleLock = 30 * time.Second

// lockFile creates <dir>/<file name>.lock exclusively, retrying with backoff, and
// removes a lock file older than staleLock. The returned function removes
// it.
func lockFile(dir, file string) (func(), error) {
	name := filepath.Join(dir, filepath.Base(file)+".lock")
	deadline := time.Now().Add(lockTimeout)
	for i := 0; ; i++ {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !os.IsExist(err) {
			return nil, fmt.Errorf("workspace: locking %s: %w", file, err)
		}
		if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > staleLock {
			os.Remove(name)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("workspace: %s: timed out after %v waiting for another peacock to finish (remove %s if no peacock is running)", file, lockTimeout, name)
		}
		backoff(i)
	}
}
