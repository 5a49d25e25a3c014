package workspace

import (
	"bytes"
	"errors"
	"strings"
)

// This file holds the byte-level view of the text that edits work on.

// skipTrivia is validTrivia for callers that want an error: it returns
// the offset of the first byte at or after p that is not whitespace or part
// of a comment, or the offset of a comment that is not valid JSONC.
func skipTrivia(src []byte, p int) (int, error) {
	q, ok := validTrivia(src, p)
	switch {
	case ok:
		return q, nil
	case q+1 < len(src) && src[q+1] == '*':
		return q, errors.New("invalid JSONC: unterminated block comment")
	}
	return q, errors.New("invalid JSONC: a line comment holds U+2028 or U+2029")
}

// lineStart returns the offset of the start of the line holding p.
func lineStart(src []byte, p int) int {
	return bytes.LastIndexByte(src[:p], '\n') + 1
}

// lineEnd returns the offset where the line break ending p's line starts
// (at the '\r' of a CRLF), or len(src).
func lineEnd(src []byte, p int) int {
	i := bytes.IndexByte(src[p:], '\n')
	if i < 0 {
		return len(src)
	}
	e := p + i
	if e > 0 && src[e-1] == '\r' && e-1 >= p {
		e--
	}
	return e
}

// breakLen returns the length of the line break starting at p (0 at the end).
func breakLen(src []byte, p int) int {
	switch {
	case p >= len(src):
		return 0
	case src[p] == '\r' && p+1 < len(src) && src[p+1] == '\n':
		return 2
	default:
		return 1
	}
}

// prevBreakStart returns the start of the line break that ends just before
// ls, the start of a line (ls > 0).
func prevBreakStart(src []byte, ls int) int {
	if ls >= 2 && src[ls-2] == '\r' {
		return ls - 2
	}
	return ls - 1
}

// blankBefore reports whether only spaces and tabs precede p on its line.
func blankBefore(src []byte, p int) bool {
	for _, c := range src[lineStart(src, p):p] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// startsLine reports whether only spaces, tabs and block comments that
// start and end on p's line precede p on it.
func startsLine(src []byte, p int) bool {
	q := lineStart(src, p)
	for q < p {
		switch {
		case src[q] == ' ' || src[q] == '\t':
			q++
		case bytes.HasPrefix(src[q:p], []byte("/*")):
			i := bytes.Index(src[q+2:p], []byte("*/"))
			if i < 0 || bytes.IndexByte(src[q:q+2+i], '\n') >= 0 {
				return false
			}
			q += 2 + i + 2
		default:
			return false
		}
	}
	return true
}

// ownLineComments returns the offsets (from, to) of the comments in
// src[start:end], trivia between a member's tokens, that sit on lines of
// their own, each with the indentation before it (a block comment may span
// lines).
func ownLineComments(src []byte, start, end int) [][2]int {
	var out [][2]int
	p := start
	for p < end {
		c := src[p]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == ',':
			p++
			continue
		case c != '/':
			return out // not trivia: never in a member's gaps
		}
		var ce int // the comment's end
		switch {
		case bytes.HasPrefix(src[p:end], []byte("//")):
			ce = lineEnd(src, p)
		case bytes.HasPrefix(src[p:end], []byte("/*")):
			i := bytes.Index(src[p+2:end], []byte("*/"))
			if i < 0 {
				return out
			}
			ce = p + 2 + i + 2
		default:
			return out
		}
		if blankBefore(src, p) {
			r := ce
			for r < end && (src[r] == ' ' || src[r] == '\t') {
				r++
			}
			if r >= len(src) || src[r] == '\n' || src[r] == '\r' {
				out = append(out, [2]int{lineStart(src, p), ce})
			}
		}
		p = ce
	}
	return out
}

// joinLines returns the text of each span of src with before and after
// around it.
func joinLines(src []byte, spans [][2]int, before, after string) string {
	var sb strings.Builder
	for _, sp := range spans {
		sb.WriteString(before)
		sb.Write(src[sp[0]:sp[1]])
		sb.WriteString(after)
	}
	return sb.String()
}

// leadingSpace returns the spaces and tabs that start p's line.
func leadingSpace(src []byte, p int) string {
	ls := lineStart(src, p)
	e := ls
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	return string(src[ls:e])
}

// restOfLine reports whether from p to the end of the line there are only
// spaces, tabs and comments that end on that line, and returns where the
// line break starts (or len(src)). With multi, a block comment may span
// lines, and the line that counts is the one where it ends.
func restOfLine(src []byte, p int, multi bool) (int, bool) {
	for {
		for p < len(src) && (src[p] == ' ' || src[p] == '\t') {
			p++
		}
		switch {
		case p >= len(src):
			return len(src), true
		case src[p] == '\n' || (src[p] == '\r' && p+1 < len(src) && src[p+1] == '\n'):
			return p, true
		case bytes.HasPrefix(src[p:], []byte("//")):
			return lineEnd(src, p), true
		case bytes.HasPrefix(src[p:], []byte("/*")):
			i := bytes.Index(src[p+2:], []byte("*/"))
			if i < 0 || (!multi && bytes.IndexByte(src[p:p+2+i], '\n') >= 0) {
				return p, false
			}
			p += 2 + i + 2
		default:
			return p, false
		}
	}
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// member is the layout of one object member (offsets in the text; int32
// halves the layout of a settings object with many members).
type member struct {
	nameStart, nameEnd int32
	valStart, valEnd   int32
	comma              int32 // offset of the comma after the value, or -1
}

// end returns the offset just after the member, its comma included.
func (m member) end() int {
	if int(m.comma) >= 0 {
		return int(m.comma) + 1
	}
	return int(m.valEnd)
}

// object is the layout of an object value.
type object struct {
	open, close int // offsets of '{' and '}'
	members     []member
}
