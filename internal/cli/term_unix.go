//go:build unix

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// enableVT reports that f reads ANSI escapes: every Unix terminal does.
func enableVT(*os.File) bool { return true }

// termWidth returns f's terminal width in columns, 0 when unknown.
func termWidth(f *os.File) int {
	ws, err := unix.IoctlGetWinsize(int(f.Fd()), unix.TIOCGWINSZ)
	if err != nil {
		return 0
	}
	return int(ws.Col)
}
