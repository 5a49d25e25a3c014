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

// flag is one flag of a command line and whether it was given.
type flag struct {
	name string
	on   bool
}

// together is the usage error naming the first two flags of one group
// that were given together (at most one of each group may be), or nil.
func together(groups ...[]flag) error {
	for _, g := range groups {
		var on []string
		for _, f := range g {
			if f.on {
				on = append(on, f.name)
			}
		}
		if len(on) > 1 {
			return flagErrorf("%s and %s do not go together", on[0], on[1])
		}
	}
	return nil
}
