package workspace

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// renameRetry is how long a rename refused because another process has the
// file open is retried, as Go's cmd/go/internal/robustio does.
const renameRetry = 2 * time.Second

// rename is os.Rename, retried for a while when it fails with an error
// that another process holding the file open causes (an editor, a virus
// scanner or the search indexer): access denied, sharing or lock
// violation.
// When the retries run out, the error says so in words (the caller adds
// the file's name), keeping the system's error for errors.Is:
//
//	another program has the file open and does not let it be replaced
//	(tried for 2s: Access is denied.); nothing written
func rename(oldpath, newpath string) error {
	err := retryEphemeral(func() error { return os.Rename(oldpath, newpath) }, isEphemeralError, renameRetry)
	if err != nil && isEphemeralError(err) {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err // the names are the temporary file's and the caller's
		}
		return fmt.Errorf("another program has the file open and does not let it be replaced (tried for %v: %w); nothing written", renameRetry, err)
	}
	return err
}

// Windows error codes (winerror.h).
const (
	errorAccessDenied     syscall.Errno = 5
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// isEphemeralError reports whether err may go away when the other process
// closes the file.
func isEphemeralError(err error) bool {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch errno {
		case errorAccessDenied, errorSharingViolation, errorLockViolation:
			return true
		}
	}
	return false
}
