package workspace

import (
	"bytes"
)

// This file holds the JSONC scanner: a validator that accepts exactly what
// hujson.Parse accepts (on the line view, with a line comment allowed to
// end the file), and a skipper that walks valid text. Neither builds a
// tree: they allocate only the validator's stack of open brackets and the
// layout (member offsets) of the one object asked for. FuzzValidate checks
// the validator against hujson.

// litByte: bytes hujson reads as part of a literal (true, 12, …).
// strStop: bytes that end a run of plain string content.
// skipStop: bytes that matter when skipping a value in valid text.
var litByte, strStop, skipStop, wsByte [256]bool

func init() {
	for c := 0; c < 256; c++ {
		litByte[c] = c == '-' || c == '+' || c == '.' || ('a' <= c && c <= 'z') ||
			('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		strStop[c] = c < 0x20 || c == '"' || c == '\\'
		wsByte[c] = c == ' ' || c == '\n' || c == '\t' || c == '\r'
	}
	for _, c := range []byte(`"/{}[]`) {
		skipStop[c] = true
	}
}

// validTrivia skips whitespace and comments from p. It returns false, with
// the offset of the comment, for an unterminated block comment or a line
// comment holding U+2028 or U+2029 (which hujson refuses).
func validTrivia(src []byte, p int) (int, bool) {
	for {
		for p < len(src) {
			c := src[p]
			if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				break
			}
			p++
		}
		if p+1 >= len(src) || src[p] != '/' {
			return p, true
		}
		switch src[p+1] {
		case '/':
			end := len(src)
			if i := bytes.IndexByte(src[p+2:], '\n'); i >= 0 {
				end = p + 2 + i
			}
			if c := src[p+2 : end]; bytes.IndexByte(c, 0xE2) >= 0 &&
				(bytes.Contains(c, []byte("\u2028")) || bytes.Contains(c, []byte("\u2029"))) {
				return p, false
			}
			p = end
		case '*':
			i := bytes.Index(src[p+2:], []byte("*/"))
			if i < 0 {
				return p, false
			}
			p += 2 + i + 2
		default:
			return p, true
		}
	}
}

// trivia is validTrivia with the common case, whitespace only, inline.
func trivia(src []byte, p int) (int, bool) {
	for p < len(src) && wsByte[src[p]] {
		p++
	}
	if p < len(src) && src[p] == '/' {
		return validTrivia(src, p)
	}
	return p, true
}

// validString returns the end of the JSON string at p (at '"'), or -1.
func validString(src []byte, p int) int {
	p++
	for {
		for p < len(src) && !strStop[src[p]] {
			p++
		}
		if p >= len(src) {
			return -1
		}
		switch src[p] {
		case '"':
			return p + 1
		case '\\':
			if p+1 >= len(src) {
				return -1
			}
			switch src[p+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p += 2
			case 'u':
				if p+6 > len(src) {
					return -1
				}
				for _, h := range src[p+2 : p+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return -1
					}
				}
				p += 6
			default:
				return -1
			}
		default:
			return -1 // a control character
		}
	}
}

// validNumber returns the end of the JSON number at p, or -1.
func validNumber(src []byte, p int) int {
	digits := func(p int) int {
		for p < len(src) && '0' <= src[p] && src[p] <= '9' {
			p++
		}
		return p
	}
	if src[p] == '-' {
		p++
	}
	switch {
	case p < len(src) && src[p] == '0':
		p++
	case p < len(src) && '1' <= src[p] && src[p] <= '9':
		p = digits(p + 1)
	default:
		return -1
	}
	if p < len(src) && src[p] == '.' {
		q := digits(p + 1)
		if q == p+1 {
			return -1
		}
		p = q
	}
	if p < len(src) && (src[p] == 'e' || src[p] == 'E') {
		p++
		if p < len(src) && (src[p] == '+' || src[p] == '-') {
			p++
		}
		q := digits(p)
		if q == p {
			return -1
		}
		p = q
	}
	return p
}

// validate reports whether src (a line view) is one valid JSONC value with
// objects and arrays nested at most maxDepth deep, and if not an offset
// near the problem. With rec, the layout of the value, when it is an
// object, goes into rec. It accepts what hujson.Parse accepts, and also a line
// comment that ends the file without a line break (as VS Code does).
func validate(src []byte, rec *object) (int, bool) {
	p, ok := validTrivia(src, 0)
	if !ok || p >= len(src) {
		return p, false
	}
	p, res := validValue(src, p, maxDepth, rec)
	if res != valueOK {
		return p, false
	}
	if p, ok = validTrivia(src, p); !ok || p < len(src) {
		return p, false
	}
	return p, true
}

// Results of validValue.
const (
	valueOK = iota
	valueBad
	valueDeep // nested more than the limit
)

// validValue checks the value that starts at p (not at trivia), with
// objects and arrays nested at most limit deep in it, and returns its end,
// or an offset near the problem. With rec, the layout of the value, when
// it is an object, goes into rec.
func validValue(src []byte, p, limit int, rec *object) (int, int) {
	const (
		stValue = iota // a value is expected
		stName         // a member name is expected
		stAfter        // a value just ended
	)
	var stack []byte
	st := stValue
	var ok bool
	var buf memberBuf
	var cur member // the member of rec being read
	if rec != nil {
		rec.open = p
	}
	for {
		if len(stack) > 0 || st != stValue {
			for p < len(src) && (src[p] == ' ' || src[p] == '\n' || src[p] == '\t' || src[p] == '\r') {
				p++
			}
			if p < len(src) && src[p] == '/' {
				if p, ok = trivia(src, p); !ok {
					return p, valueBad
				}
			}
		}
		if p >= len(src) {
			return p, valueBad
		}
		c := src[p]
		// Recording: at the object's own level only.
		top1 := rec != nil && len(stack) == 1 && stack[0] == '{'
		switch st {
		case stName:
			if c != '"' {
				return p, valueBad
			}
			if top1 {
				cur = member{nameStart: int32(p), comma: -1}
			}
			if p = validString(src, p); p < 0 {
				return len(src), valueBad
			}
			if top1 {
				cur.nameEnd = int32(p)
			}
			if p, ok = trivia(src, p); !ok {
				return p, valueBad
			}
			if p >= len(src) || src[p] != ':' {
				return p, valueBad
			}
			p++
			st = stValue
			continue
		case stValue:
			if top1 {
				cur.valStart = int32(p)
			}
			switch {
			case c == '{' || c == '[':
				if len(stack) >= limit {
					return p, valueDeep
				}
				stack = append(stack, c)
				p++
				if p, ok = trivia(src, p); !ok {
					return p, valueBad
				}
				if p < len(src) && src[p] == c+2 { // '}' or ']'
					stack = stack[:len(stack)-1]
					p++
					st = stAfter
					break
				}
				if c == '{' {
					st = stName
				}
				continue
			case c == '"':
				if p = validString(src, p); p < 0 {
					return len(src), valueBad
				}
			case c == '-' || ('0' <= c && c <= '9'):
				if p = validNumber(src, p); p < 0 {
					return len(src), valueBad
				}
			case c == 't' && bytes.HasPrefix(src[p:], []byte("true")):
				p += 4
			case c == 'f' && bytes.HasPrefix(src[p:], []byte("false")):
				p += 5
			case c == 'n' && bytes.HasPrefix(src[p:], []byte("null")):
				p += 4
			default:
				return p, valueBad
			}
			if p < len(src) && litByte[src[p]] {
				return p, valueBad // hujson reads "truex", "1a" as one bad literal
			}
			st = stAfter
		case stAfter:
			top := stack[len(stack)-1]
			switch c {
			case ',':
				if top1 {
					cur.comma = int32(p)
					buf.add(cur)
				}
				p++
				if p, ok = trivia(src, p); !ok {
					return p, valueBad
				}
				if p < len(src) && src[p] == top+2 {
					stack = stack[:len(stack)-1]
					p++
					break // a trailing comma
				}
				if top == '{' {
					st = stName
				} else {
					st = stValue
				}
				continue
			case top + 2:
				if top1 {
					buf.add(cur)
				}
				stack = stack[:len(stack)-1]
				p++
			default:
				return p, valueBad
			}
		}
		// A value ended at p.
		if rec != nil && len(stack) == 1 && stack[0] == '{' {
			cur.valEnd = int32(p)
		}
		if len(stack) == 0 {
			if rec != nil {
				rec.close = p - 1
				rec.members = buf.done()
			}
			return p, valueOK
		}
	}
}

// memberBuf collects members in chunks, copied once into one slice at the
// end: a settings object may hold many.
type memberBuf struct {
	full [][]member
	n    int
	cur  []member
}

func (b *memberBuf) add(m member) {
	if len(b.cur) == cap(b.cur) && cap(b.cur) >= 1024 {
		b.full = append(b.full, b.cur)
		b.n += len(b.cur)
		b.cur = make([]member, 0, min(2*cap(b.cur), 1<<16))
	}
	b.cur = append(b.cur, m)
}

// done returns the members, with room for a few more.
func (b *memberBuf) done() []member {
	if len(b.full) == 0 {
		return b.cur
	}
	ms := make([]member, 0, b.n+len(b.cur)+64)
	for _, c := range b.full {
		ms = append(ms, c...)
	}
	return append(ms, b.cur...)
}

// skipString returns the end of the string at p (at '"') in valid text,
// or len(src).
func skipString(src []byte, p int) int {
	p++
	for {
		i := bytes.IndexByte(src[p:], '"')
		if i < 0 {
			return len(src)
		}
		q := p + i
		bs := 0
		for r := q - 1; r >= p && src[r] == '\\'; r-- {
			bs++
		}
		if bs%2 == 0 {
			return q + 1
		}
		p = q + 1
	}
}

// skipValue returns the end of the value starting at p in valid text (a
// line view), never more than len(src).
func skipValue(src []byte, p int) int {
	if p >= len(src) {
		return len(src)
	}
	switch src[p] {
	case '"':
		return skipString(src, p)
	case '{', '[':
		depth := 0
		for p < len(src) {
			switch src[p] {
			case '"':
				p = skipString(src, p)
				continue
			case '/':
				q, _ := validTrivia(src, p) // valid text: a comment
				p = max(q, p+1)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return p + 1
				}
			}
			p++
			for p < len(src) && !skipStop[src[p]] {
				p++
			}
		}
		return len(src)
	default:
		for p < len(src) && litByte[src[p]] {
			p++
		}
		return p
	}
}

// scanObject returns the layout of the object whose '{' is at open, in
// valid text (a line view). It stops early on text that is not valid.
func scanObject(src []byte, open int) object {
	o := object{open: open, close: len(src)}
	var buf memberBuf
	p := open + 1
	for {
		p, _ = skipTrivia(src, p)
		if p >= len(src) || src[p] != '"' {
			if p < len(src) && src[p] == '}' {
				o.close = p
			}
			o.members = buf.done()
			return o
		}
		m := member{nameStart: int32(p), comma: -1}
		p = skipString(src, p)
		m.nameEnd = int32(p)
		p, _ = skipTrivia(src, p)
		if p >= len(src) || src[p] != ':' {
			o.members = buf.done()
			return o
		}
		p, _ = skipTrivia(src, p+1)
		m.valStart = int32(p)
		p = skipValue(src, p)
		m.valEnd = int32(p)
		p, _ = skipTrivia(src, p)
		if p < len(src) && src[p] == ',' {
			m.comma = int32(p)
			p++
		}
		buf.add(m)
	}
}
