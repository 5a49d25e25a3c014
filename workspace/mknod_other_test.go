//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package workspace

import "errors"

// mkCharDevice is only done on Linux, where device numbers are known.
func mkCharDevice(string) error { return errors.New("not on this system") }
