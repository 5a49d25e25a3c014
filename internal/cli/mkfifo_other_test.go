//go:build !unix

package cli

import "errors"

// mkfifo is Unix only; the cases that use it are skipped elsewhere.
func mkfifo(string) error { return errors.New("no named pipes here") }
