package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// pickerProgram is the program that holds the picker (cmd/peacock-pick).
const pickerProgram = "peacock-pick"

// pickerChildEnv marks a peacock-pick started by `peacock pick`, with the
// version of that peacock: if the program turns out to have no picker
// either, it fails rather than start itself again, and a peacock-pick of
// another version warns (it writes as its own version does).
const pickerChildEnv = "PEACOCK_PICK_CHILD"

// errNoPicker is the failure when peacock-pick cannot be found.
var errNoPicker = errors.New("pick: the picker is a separate program, peacock-pick, found neither beside peacock nor on the PATH; install it with 'go install github.com/peacock-cli/peacock/cmd/peacock-pick@latest' (from a clone: 'go install ./cmd/peacock-pick')")

// execPicker runs `pick` in the peacock-pick program, with this command
// line: the program beside this one (the same installation), else the
// first on the PATH. On Unix peacock-pick replaces this process, so the
// terminal, signals and exit code are its own; on Windows it runs as a
// child and its exit code is passed on.
func execPicker(opts *pickOptions) error {
	if opts.Getenv(pickerChildEnv) != "" {
		return errors.New("pick: this peacock-pick has no picker (it is a copy of peacock); install it with 'go install github.com/peacock-cli/peacock/cmd/peacock-pick@latest'")
	}
	if opts.ExecPicker == nil {
		return errNoPicker
	}
	path, err := findPicker()
	if err != nil {
		return err
	}
	env := append(os.Environ(), pickerChildEnv+"="+versionString())
	if err := opts.ExecPicker(path, opts.Args, env); err != nil {
		var code exitCodeError
		if errors.As(err, &code) {
			return err
		}
		return fmt.Errorf("pick: running %s: %w", path, err)
	}
	return nil
}

// checkPickerVersion warns when this peacock-pick was started by a peacock
// of another version.
func checkPickerVersion(opts *pickOptions) {
	if v := opts.Getenv(pickerChildEnv); v != "" && v != versionString() && !opts.Global.Quiet {
		fmt.Fprintf(opts.IO.ErrOut, "peacock: warning: peacock-pick is version %s but peacock is %s; reinstall both with 'go install ./cmd/...'\n", versionString(), v)
	}
}

// findPicker returns the path of peacock-pick: beside this program (after
// resolving links, so that a link to peacock finds the real installation),
// else on the PATH.
func findPicker() (string, error) {
	name := pickerProgram
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if exe, err := os.Executable(); err == nil {
		if exe, err := filepath.EvalSymlinks(exe); err == nil {
			p := filepath.Join(filepath.Dir(exe), name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, nil
			}
		}
	}
	if p, err := exec.LookPath(pickerProgram); err == nil {
		return p, nil
	}
	return "", errNoPicker
}

// exitCodeError ends the command with its code and no message: the
// program that ran has reported its own failure.
type exitCodeError int

func (e exitCodeError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
