package cli

import (
	"errors"
	"fmt"
)

// errSilent means the command already reported its failure; exit 1 without
// printing anything more.
var errSilent = errors.New("silent error")

// errCancel means the user cancelled (Ctrl-C in a prompt); exit 130.
var errCancel = errors.New("cancelled")

// flagError is a usage error: bad flag, missing or extra argument. Exit 2.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

func flagErrorf(format string, args ...any) error {
	return &flagError{fmt.Errorf(format, args...)}
}

// Exit codes scripts can rely on.
const (
	exitOK       = 0
	exitFailure  = 1
	exitUsage    = 2
	exitCanceled = 130
)
