package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// errDecode reports a value that encoding/json would not decode (a number
// out of the range of float64).
var errDecode = errors.New("cannot decode")

// decodeJSONC decodes the value at p in valid JSONC text (a line view) to
// encoding/json's generic types (map[string]any, []any, string, float64,
// bool, nil), as json.Unmarshal does with comments and trailing commas
// removed (the last of duplicate keys wins), without building the JSON
// text first. It returns the end of the value.
func decodeJSONC(src []byte, p int) (any, int, error) {
	switch c := src[p]; c {
	case '{':
		out := map[string]any{}
		p++
		for {
			p, _ = skipTrivia(src, p)
			if src[p] == '}' {
				return out, p + 1, nil
			}
			k, q, err := decodeString(src, p)
			if err != nil {
				return nil, q, err
			}
			p, _ = skipTrivia(src, q)
			p, _ = skipTrivia(src, p+1) // the colon
			v, q, err := decodeJSONC(src, p)
			if err != nil {
				return nil, q, err
			}
			out[k] = v
			if p, _ = skipTrivia(src, q); src[p] == ',' {
				p++
			}
		}
	case '[':
		out := []any{}
		p++
		for {
			p, _ = skipTrivia(src, p)
			if src[p] == ']' {
				return out, p + 1, nil
			}
			v, q, err := decodeJSONC(src, p)
			if err != nil {
				return nil, q, err
			}
			out = append(out, v)
			if p, _ = skipTrivia(src, q); src[p] == ',' {
				p++
			}
		}
	case '"':
		return decodeString(src, p)
	case 't':
		return true, p + 4, nil
	case 'f':
		return false, p + 5, nil
	case 'n':
		return nil, p + 4, nil
	default:
		q := p
		for q < len(src) && litByte[src[q]] {
			q++
		}
		f, err := strconv.ParseFloat(string(src[p:q]), 64)
		if err != nil {
			return nil, q, errDecode
		}
		return f, q, nil
	}
}

// decodeString decodes the string at p in valid text.
func decodeString(src []byte, p int) (string, int, error) {
	q := skipString(src, p)
	raw := src[p:q]
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), q, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", q, errDecode
	}
	return s, q, nil
}
