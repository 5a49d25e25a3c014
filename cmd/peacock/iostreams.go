package main

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// ioStreams carries the process streams and what is known about them, so
// commands never look at os.Stdin/os.Stdout directly and tests can pretend
// to be (or not be) a terminal.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	noColor                        bool
}

func systemStreams() *ioStreams {
	isTTY := func(f *os.File) bool {
		return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	noColor := os.Getenv("NO_COLOR") != "" // no-color.org: present and not empty
	if os.Getenv("TERM") == "dumb" {
		noColor = true
	}
	return &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdinTTY: isTTY(os.Stdin), stdoutTTY: isTTY(os.Stdout), stderrTTY: isTTY(os.Stderr),
		noColor: noColor,
	}
}

// testStreams returns buffer-backed streams with every TTY flag off.
func testStreams() (*ioStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &ioStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func (s *ioStreams) IsStdinTTY() bool        { return s.stdinTTY }
func (s *ioStreams) IsStdoutTTY() bool       { return s.stdoutTTY }
func (s *ioStreams) IsStderrTTY() bool       { return s.stderrTTY }
func (s *ioStreams) SetStdinTTY(v bool)      { s.stdinTTY = v }
func (s *ioStreams) SetStdoutTTY(v bool)     { s.stdoutTTY = v }
func (s *ioStreams) SetStderrTTY(v bool)     { s.stderrTTY = v }
func (s *ioStreams) SetColorDisabled(v bool) { s.noColor = v }

// CanPrompt is true only when both stdin and stdout are terminals.
func (s *ioStreams) CanPrompt() bool { return s.stdinTTY && s.stdoutTTY }

// ColorEnabled is true when stdout is a terminal and NO_COLOR is not set.
func (s *ioStreams) ColorEnabled() bool { return s.stdoutTTY && !s.noColor }

// ErrColorEnabled is true when stderr is a terminal and NO_COLOR is not set.
func (s *ioStreams) ErrColorEnabled() bool { return s.stderrTTY && !s.noColor }
