package textpos

import (
	"bytes"
	"unicode/utf8"
)

// LineCol returns the 1-based line and column of byte offset off in src.
// A line ends at "\n" (a "\r" before it is the last character of its
// line); the column counts characters (UTF-8 sequences, each invalid byte
// as one), not bytes. off is clamped to src.
func LineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}
