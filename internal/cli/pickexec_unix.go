//go:build unix

package cli

import "syscall"

// execProgram replaces this process with path, run with args and env. It
// returns only when it fails.
func execProgram(path string, args, env []string) error {
	return syscall.Exec(path, append([]string{path}, args...), env)
}
