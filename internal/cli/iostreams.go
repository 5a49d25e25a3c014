package cli

import (
	"bytes"
	"io"
	"os"
	"strconv"

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
	// depth is the color depth of a color terminal (see detectColorDepth).
	depth ColorDepth
	// width is the terminal's width in columns (0: unknown).
	width int
	// tty is where terminal-only output (OSC 52) goes; nil off a terminal.
	tty io.Writer
}

func systemStreams() *ioStreams {
	isTTY := func(f *os.File) bool {
		return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	noColor := os.Getenv("NO_COLOR") != "" // no-color.org: present and not empty
	if os.Getenv("TERM") == "dumb" {
		noColor = true
	}
	s := &ioStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		stdinTTY: isTTY(os.Stdin), stdoutTTY: isTTY(os.Stdout), stderrTTY: isTTY(os.Stderr),
		noColor: noColor,
	}
	s.depth = detectColorDepth(os.Getenv("COLORTERM"), os.Getenv("TERM"), os.Getenv("WT_SESSION") != "")
	// Escapes need a console that reads them (Windows: virtual terminal
	// processing); where that cannot be turned on, no color.
	if s.stdoutTTY && !enableVT(os.Stdout) || s.stderrTTY && !enableVT(os.Stderr) {
		s.noColor = true
	}
	if s.stdoutTTY {
		// Data on a terminal is for eyes: what came from a repository
		// (a value "\u001b]0;…") must not drive it. Piped data (git's
		// filter, --json, --svg -) is untouched.
		s.Out = termSafeWriter{os.Stdout}
	}
	switch {
	case s.stdoutTTY:
		s.width, s.tty = termWidth(os.Stdout), os.Stdout
	case s.stderrTTY:
		s.width, s.tty = termWidth(os.Stderr), os.Stderr
	}
	if s.width == 0 {
		s.width, _ = strconv.Atoi(os.Getenv("COLUMNS"))
	}
	return s
}

// testStreams returns buffer-backed streams with every TTY flag off.
func testStreams() (*ioStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &ioStreams{In: in, Out: out, ErrOut: errOut, depth: Colors256}, in, out, errOut
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

// painter returns the ANSI painter for the terminal's color depth.
func (s *ioStreams) painter() painter { return painter{depth: s.depth} }

// ErrColorDepth is the color depth stderr (where the picker draws) shows:
// NoColor when it shows none (see ErrColorEnabled).
func (s *ioStreams) ErrColorDepth() ColorDepth {
	if !s.ErrColorEnabled() {
		return NoColor
	}
	return s.depth
}

// Width is the terminal's width in columns, 0 when unknown.
func (s *ioStreams) Width() int { return s.width }

// SetTrueColor, SetColorDepth and SetWidth are test overrides.
func (s *ioStreams) SetTrueColor(v bool) {
	s.depth = Colors256
	if v {
		s.depth = TrueColor
	}
}
func (s *ioStreams) SetColorDepth(d ColorDepth) { s.depth = d }
func (s *ioStreams) SetWidth(w int)             { s.width = w }

// SetTTY sets where terminal-only output goes (nil: not a terminal).
func (s *ioStreams) SetTTY(w io.Writer) { s.tty = w }

// TTY returns the terminal to write terminal-only output to, or nil.
func (s *ioStreams) TTY() io.Writer { return s.tty }
