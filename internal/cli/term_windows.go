//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableVT turns on virtual terminal processing for f's console, so that
// ANSI escapes are read rather than printed (cmd.exe in a classic console
// prints "←[48;2;…" otherwise). It reports whether escapes can be used;
// a Cygwin/MSYS pipe is not a console and reads them already.
func enableVT(f *os.File) bool {
	return enableVTMode(windows.Handle(f.Fd()), windows.GetConsoleMode, windows.SetConsoleMode)
}

// enableVTMode is enableVT with the console calls passed in: a console
// that refuses the mode (before Windows 10) cannot be had under wine,
// whose console accepts any mode, so a test passes a refusing one.
func enableVTMode(h windows.Handle, get func(windows.Handle, *uint32) error, set func(windows.Handle, uint32) error) bool {
	var mode uint32
	if err := get(h, &mode); err != nil {
		return true // not a console: a Cygwin or MSYS terminal
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return set(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}

// termWidth returns f's console width in columns, 0 when unknown.
func termWidth(f *os.File) int {
	var info windows.ConsoleScreenBufferInfo
	if err := windows.GetConsoleScreenBufferInfo(windows.Handle(f.Fd()), &info); err != nil {
		return 0
	}
	return int(info.Window.Right-info.Window.Left) + 1
}
