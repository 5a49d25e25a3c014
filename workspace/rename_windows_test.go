package workspace

import (
	"fmt"
	"os"
	"syscall"
	"testing"
)

func TestIsEphemeralError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&os.LinkError{Op: "rename", Err: errorAccessDenied}, true},
		{&os.LinkError{Op: "rename", Err: errorSharingViolation}, true},
		{fmt.Errorf("x: %w", errorLockViolation), true},
		{&os.LinkError{Op: "rename", Err: syscall.ERROR_FILE_NOT_FOUND}, false},
		{os.ErrExist, false},
	} {
		if got := isEphemeralError(tc.err); got != tc.want {
			t.Errorf("isEphemeralError(%v) = %v", tc.err, got)
		}
	}
}
