package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// lockTimeout bounds the wait for a lock.
const lockTimeout = 10 * time.Second

// lockPath locks the file target (absolute, links resolved) for an update,
// waiting up to lockTimeout. While target exists the lock is on the file
// itself (lockExisting); while it does not, on its nearest existing
// directory (lockMissing), and dirExists tells whether that is target's own
// directory. Either way the lock is re-checked once taken: if the file
// appeared, disappeared or was replaced meanwhile, it is taken again.
// held, when not nil, is the file the lock holds open (see lockedFile).
func lockPath(ctx context.Context, target string, onWait func(string, int)) (unlock func(), held *lockedFile, dirExists bool, err error) {
	w := &waiter{ctx: ctx, path: target, onWait: onWait, deadline: time.Now().Add(lockTimeout)}
	dir := filepath.Dir(target)
	for attempt := 0; attempt < 1000; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, false, fmt.Errorf("%s: %w; nothing written", target, err)
		}
		fi, err := os.Lstat(target)
		switch {
		case err == nil:
			if !fi.Mode().IsRegular() {
				return nil, nil, false, fmt.Errorf("%w; nothing written", notRegularError(target, fi.Mode()))
			}
			unlock, held, again, err := lockExisting(w, target)
			if err != nil {
				return nil, nil, false, err
			}
			if again {
				continue
			}
			return unlock, held, true, nil
		case errors.Is(err, fs.ErrNotExist):
			lockDir, err := nearestDir(dir)
			if err != nil {
				return nil, nil, false, err
			}
			unlock, err := lockMissing(w, lockDir, target)
			if err != nil {
				return nil, nil, false, err
			}
			if _, err := os.Lstat(target); err == nil {
				unlock() // created meanwhile: lock the file
				continue
			}
			if again, _ := nearestDir(dir); again != lockDir {
				unlock() // the directory appeared meanwhile: lock that one
				continue
			}
			return unlock, nil, lockDir == dir, nil
		default:
			return nil, nil, false, err
		}
	}
	return nil, nil, false, fmt.Errorf("%s: the file keeps changing; giving up", target)
}

// lockedFile is the file that a lock on an existing file (flock(2)) holds
// open, for reading: f is open for reading at offset 0, and fi is its
// stat (of the path, links followed), taken once the lock was held and
// the path found to still name the locked file. Reading it is reading the
// file at the path then, without opening it again.
type lockedFile struct {
	f  *os.File
	fi fs.FileInfo
}

// waiter paces the attempts to take one lock: it tells OnWait once, backs
// off, and gives up at the deadline or when the context is done.
type waiter struct {
	ctx      context.Context
	path     string
	onWait   func(string, int)
	deadline time.Time
	told     bool
	i        int
}

// wait sleeps before the next attempt. holder returns the pid of the
// process holding the lock, or 0; hint, if not empty, ends the timeout
// error.
func (w *waiter) wait(holder func() int, hint string) error {
	if !w.told {
		w.told = true
		if w.onWait != nil {
			w.onWait(w.path, holder())
		}
	}
	if time.Now().After(w.deadline) {
		by := ""
		if pid := holder(); pid > 0 {
			by = fmt.Sprintf(" (process %d holds the lock)", pid)
		}
		// A lock file is peacock's own; a flock may be any program's.
		who := "another peacock to finish"
		if hint == "" {
			who = "the lock on the file, which another program holds"
		}
		return fmt.Errorf("%s: timed out after %v waiting for %s%s%s", w.path, lockTimeout, who, by, hint)
	}
	// 1ms doubling to 10ms: an update holds the lock for about as long
	// as an fsync takes.
	d := time.Millisecond << min(w.i, 4)
	if d > 10*time.Millisecond {
		d = 10 * time.Millisecond
	}
	w.i++
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-w.ctx.Done():
		return fmt.Errorf("%s: %w; nothing written", w.path, w.ctx.Err())
	case <-t.C:
		return nil
	}
}

// retryEphemeral calls f until it succeeds, fails with an error that
// ephemeral does not accept, or timeout has passed, sleeping a random
// growing time between calls (as Go's cmd/go/internal/robustio does). The
// last call is made at the deadline: the sleep before it is cut to end
// there. (Giving up as soon as the next sleep might pass the deadline gave
// up after half the timeout on average: the sleeps are random up to a
// bound, and average half of it.)
func retryEphemeral(f func() error, ephemeral func(error) bool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	next := time.Millisecond
	for {
		err := f()
		if err == nil || !ephemeral(err) {
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return err
		}
		time.Sleep(min(rand.N(next)+time.Microsecond, left))
		next += next
	}
}
