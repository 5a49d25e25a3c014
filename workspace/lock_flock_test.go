//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import (
	"fmt"
	"syscall"
	"testing"
)

// TestNoFlock: the errors that mean "no flock here" switch to a lock file;
// macOS reports ENOTSUP (45), which differs from EOPNOTSUPP (102) there.
func TestNoFlock(t *testing.T) {
	for _, err := range []error{syscall.ENOLCK, syscall.EOPNOTSUPP, syscall.ENOTSUP, syscall.ENOSYS, fmt.Errorf("x: %w", syscall.ENOTSUP)} {
		if !noFlock(err) {
			t.Errorf("noFlock(%v) = false", err)
		}
	}
	for _, err := range []error{syscall.EWOULDBLOCK, syscall.EINTR, syscall.EBADF} {
		if noFlock(err) {
			t.Errorf("noFlock(%v) = true", err)
		}
	}
}
