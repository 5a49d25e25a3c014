package workspace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// style is how new text is written into a file.
type style struct {
	eol   string // "\n", "\r\n" or "\r", from the first line break
	tabs  bool   // indentation with tabs (else spaces)
	width int    // spaces per indentation level
	colon string // between a key and its value, e.g. ": "
}

// guessStyle reads the style of src the way VS Code guesses indentation:
// tabs against spaces by the number of lines indented each way, the width
// of a space indent from the most frequent difference between consecutive
// lines (2, 4, 6, 8, then 3, 5, 7). With nothing to go by, workspace files
// get tabs (VS Code creates them with tabs) and settings files 4 spaces (VS
// Code's default).
func guessStyle(src []byte, kind Kind) style {
	st := style{eol: eolOf(src), tabs: kind == KindWorkspace, width: 4, colon: ": "}
	src = lineView(src)
	var tabLines, spaceLines int
	var diffs [9]int
	prev := -1 // leading spaces of the previous non-blank line, -1 if it had tabs
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		n := 0
		for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
			n++
		}
		if n == len(line) {
			continue // blank line
		}
		ws := line[:n]
		cur := -1
		switch {
		case n == 0:
			cur = 0
		case ws[0] == '\t':
			tabLines++
		case bytes.IndexByte(ws, '\t') < 0:
			spaceLines++
			cur = n
		}
		if cur >= 0 && prev >= 0 {
			d := cur - prev
			if d < 0 {
				d = -d
			}
			if d >= 2 && d <= 8 {
				diffs[d]++
			}
		}
		prev = cur
	}
	if tabLines+spaceLines > 0 {
		st.tabs = tabLines > spaceLines
	}
	best := 0
	for _, w := range []int{2, 4, 6, 8, 3, 5, 7} {
		if diffs[w] > best {
			best, st.width = diffs[w], w
		}
	}
	return st
}

// eolOf returns the first line break of src ("\n", "\r\n" or a lone
// "\r"), or "\n" when there is none.
func eolOf(src []byte) string {
	i := bytes.IndexAny(src, "\r\n")
	switch {
	case i < 0 || src[i] == '\n':
		return "\n"
	case i+1 < len(src) && src[i+1] == '\n':
		return "\r\n"
	}
	return "\r"
}

// unit returns one indentation level to add below a line indented with ind.
func (st style) unit(ind string) string {
	switch {
	case ind != "" && strings.Trim(ind, "\t") == "":
		return "\t"
	case ind != "" && strings.Trim(ind, " ") == "":
		return strings.Repeat(" ", st.width)
	case st.tabs:
		return "\t"
	default:
		return strings.Repeat(" ", st.width)
	}
}

// colonOf returns the separator between key and value used by the members
// of o, or "" if none is a plain one (spaces around a colon on one line).
func colonOf(src []byte, o object) string {
	for i := len(o.members) - 1; i >= 0; i-- {
		m := o.members[i]
		sep := src[int(m.nameEnd):int(m.valStart)]
		if bytes.Count(sep, []byte(":")) == 1 && strings.Trim(string(sep), " \t:") == "" {
			return string(sep)
		}
	}
	return ""
}

// itemSepOf returns the whitespace between members written on one line in
// o, after a comma (sep), and after the opening brace (pad), each with
// whether o shows it.
func itemSepOf(src []byte, o object) (sep string, sepOK bool, pad string, padOK bool) {
	for i := 1; i < len(o.members); i++ {
		prev := o.members[i-1]
		if int(prev.comma) < 0 {
			continue
		}
		gap := src[int(prev.comma)+1 : int(o.members[i].nameStart)]
		if blanks(gap) {
			sep, sepOK = string(gap), true
			break
		}
	}
	if len(o.members) > 0 {
		gap := src[o.open+1 : int(o.members[0].nameStart)]
		if blanks(gap) {
			pad, padOK = string(gap), true
		}
	}
	return sep, sepOK, pad, padOK
}

// blanks reports whether b holds only spaces and tabs. It is called for
// every gap between members of a large object, so it neither allocates nor
// looks past the first other byte.
func blanks(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// normalize turns any value into encoding/json's generic types (numbers as
// json.Number), so that it can be written and compared: what
// encoding/json's Decoder with UseNumber gives for json.Marshal(v).
func normalize(v any) (any, error) {
	b, err := marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// marshal is json.Marshal without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func quote(s string) string {
	b, _ := marshal(s)
	return string(b)
}

// render writes a normalized value. multi: objects and arrays one member per
// line, indented from ind (the indentation of the line the value starts
// on); else on one line, with sep after each comma and pad inside the
// brackets.
func (st style) render(v any, ind string, multi bool, sep, pad string) string {
	var items []string
	var open, close string
	switch x := v.(type) {
	case map[string]any:
		open, close = "{", "}"
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		inner := ind + st.unit(ind)
		for _, k := range keys {
			items = append(items, quote(k)+st.colon+st.render(x[k], inner, multi, sep, pad))
		}
	case []any:
		open, close = "[", "]"
		inner := ind + st.unit(ind)
		for _, e := range x {
			items = append(items, st.render(e, inner, multi, sep, pad))
		}
	case string:
		return quote(x)
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case nil:
		return "null"
	default:
		b, _ := marshal(x)
		return string(b)
	}
	if len(items) == 0 {
		return open + close
	}
	if !multi {
		return open + pad + strings.Join(items, ","+sep) + pad + close
	}
	inner := ind + st.unit(ind)
	return open + st.eol + inner + strings.Join(items, ","+st.eol+inner) + st.eol + ind + close
}

// equalJSON reports whether two normalized values are the same JSON value
// (numbers compared by value).
func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equalJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		fx, err1 := x.Float64()
		fy, err2 := y.Float64()
		return err1 == nil && err2 == nil && fx == fy
	default:
		return a == b
	}
}
