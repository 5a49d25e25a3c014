package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// errDecode reports a value that encoding/json would not decode (a number
// out of the range of float64).
var errDecode = errors.New("cannot decode")

// decodeJSONC decodes the value at p in valid JSONC text (a line view) to
// encoding/json's generic types (map[string]any, []any, string, float64,
// bool, nil), as json.Unmarshal does with comments and trailing commas
// removed (the last of duplicate keys wins), without building the JSON
// text first. It returns the end of the value, and errDecode where
// json.Unmarshal fails (a number out of the range of float64).
func decodeJSONC(src []byte, p int) (any, int, error) {
	v, q, ok := decodeValue(src, p, true)
	if !ok {
		return nil, q, errDecode
	}
	return v, q, nil
}

// decodeNumbers decodes the value at p in valid JSONC text (a line view)
// exactly as encoding/json's Decoder with UseNumber decodes it into an
// any once comments and trailing commas are removed: map[string]any (the
// last of duplicate keys wins), []any (never nil), string (unescaped as
// encoding/json does, invalid UTF-8 and lone surrogates becoming U+FFFD),
// json.Number (the literal's text), bool and nil. It returns the end of
// the value, and false where encoding/json would fail (text that is not
// valid).
func decodeNumbers(src []byte, p int) (any, int, bool) {
	return decodeValue(src, p, false)
}

// decodeValue is decodeNumbers, with numbers read as float64 (as
// json.Unmarshal reads them into an any; one out of range fails) when
// floats is set.
func decodeValue(src []byte, p int, floats bool) (any, int, bool) {
	if p >= len(src) {
		return nil, p, false
	}
	switch c := src[p]; c {
	case '{':
		out := map[string]any{}
		p++
		for {
			p, _ = skipTrivia(src, p)
			if p >= len(src) {
				return nil, p, false
			}
			if src[p] == '}' {
				return out, p + 1, true
			}
			k, q, ok := decodeJSONString(src, p)
			if !ok {
				return nil, q, false
			}
			p, _ = skipTrivia(src, q)
			if p >= len(src) || src[p] != ':' {
				return nil, p, false
			}
			p, _ = skipTrivia(src, p+1)
			v, q, ok := decodeValue(src, p, floats)
			if !ok {
				return nil, q, false
			}
			out[k] = v
			if p, _ = skipTrivia(src, q); p < len(src) && src[p] == ',' {
				p++
			}
		}
	case '[':
		out := []any{}
		p++
		for {
			p, _ = skipTrivia(src, p)
			if p >= len(src) {
				return nil, p, false
			}
			if src[p] == ']' {
				return out, p + 1, true
			}
			v, q, ok := decodeValue(src, p, floats)
			if !ok {
				return nil, q, false
			}
			out = append(out, v)
			if p, _ = skipTrivia(src, q); p < len(src) && src[p] == ',' {
				p++
			}
		}
	case '"':
		return decodeJSONString(src, p)
	case 't':
		return true, p + 4, bytes.HasPrefix(src[p:], []byte("true"))
	case 'f':
		return false, p + 5, bytes.HasPrefix(src[p:], []byte("false"))
	case 'n':
		return nil, p + 4, bytes.HasPrefix(src[p:], []byte("null"))
	default:
		q := validNumber(src, p)
		if q < 0 {
			return nil, p, false
		}
		if floats {
			f, err := strconv.ParseFloat(string(src[p:q]), 64)
			return f, q, err == nil
		}
		return json.Number(src[p:q]), q, true
	}
}

// decodeJSONString decodes the string at p as encoding/json does.
func decodeJSONString(src []byte, p int) (string, int, bool) {
	if src[p] != '"' {
		return "", p, false
	}
	q := validString(src, p)
	if q < 0 {
		return "", p, false
	}
	s, ok := unquoteJSON(src[p+1 : q-1])
	return s, q, ok
}

// unquoteJSON unescapes the content s of a JSON string (without its
// quotes) exactly as encoding/json does: invalid UTF-8 becomes U+FFFD, a
// \u escape of a surrogate that is not the first of a valid pair becomes
// U+FFFD (and the escape after it is read on its own). It reports false
// for a bad escape, a quote or a control character.
func unquoteJSON(s []byte) (string, bool) {
	r := plainLen(s)
	if r == len(s) {
		return string(s), true
	}
	b := make([]byte, r, len(s)+2*utf8.UTFMax)
	copy(b, s[:r])
	for r < len(s) {
		switch c := s[r]; {
		case c == '\\':
			r++
			if r >= len(s) {
				return "", false
			}
			switch s[r] {
			case '"', '\\', '/', '\'':
				b = append(b, s[r])
				r++
			case 'b':
				b = append(b, '\b')
				r++
			case 'f':
				b = append(b, '\f')
				r++
			case 'n':
				b = append(b, '\n')
				r++
			case 'r':
				b = append(b, '\r')
				r++
			case 't':
				b = append(b, '\t')
				r++
			case 'u':
				r--
				rr := getu4(s[r:])
				if rr < 0 {
					return "", false
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					if dec := utf16.DecodeRune(rr, getu4(s[r:])); dec != unicode.ReplacementChar {
						r += 6 // a valid pair
						b = utf8.AppendRune(b, dec)
						break
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
			default:
				return "", false
			}
		case c == '"', c < ' ':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			r += size
			b = utf8.AppendRune(b, rr)
		}
	}
	return string(b), true
}

// plainLen returns the length of the start of the content s of a JSON
// string that unquoting leaves as it is: up to the first escape, quote,
// control character or byte that is not valid UTF-8.
func plainLen(s []byte) int {
	r := 0
	for r < len(s) {
		c := s[r]
		if c == '\\' || c == '"' || c < ' ' {
			break
		}
		if c < utf8.RuneSelf {
			r++
			continue
		}
		rr, size := utf8.DecodeRune(s[r:])
		if rr == utf8.RuneError && size == 1 {
			break
		}
		r += size
	}
	return r
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
