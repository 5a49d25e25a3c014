package workspace

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// transact runs fn, which edits d, as one edit of the document: when it
// returns, the text is checked with one scan (see validate). If fn fails or
// the text does not parse, d is left as it was and an error is returned.
// Nested calls check once, at the end of the outermost one.
func (d *Document) transact(fn func() error) error {
	if d.depth > 0 {
		return fn()
	}
	d.undo, d.changed, d.needFull = d.undo[:0], false, false
	d.depth++
	err := fn()
	d.depth--
	if err == nil && d.changed {
		if rerr := d.check(); rerr != nil {
			err = fmt.Errorf("%s: %w", d.path, errInternal)
		}
	}
	if err != nil && d.changed {
		for i := len(d.undo) - 1; i >= 0; i-- {
			u := d.undo[i]
			d.replace(u.start, u.start+len(u.text), u.old)
		}
		_ = d.reparse()
	}
	d.undo, d.changed = d.undo[:0], false
	return err
}

// undoEdit undoes one replace: src[start:start+len(text)] was old.
type undoEdit struct {
	start     int
	old, text string
}

// replace replaces src[start:end] with text, in place when the buffer is
// d's own and has room (Bytes returns a copy).
func (d *Document) replace(start, end int, text string) {
	src := d.src
	n := len(src) + len(text) - (end - start)
	if !d.own || n > cap(src) {
		// A new buffer, the BOM first, with room for the next edits.
		pre := d.bomLen()
		buf := make([]byte, pre, pre+n+n/64+512)
		copy(buf, utf8BOM)
		buf = append(buf, src[:start]...)
		buf = append(buf, text...)
		d.buf = append(buf, src[end:]...)
		d.src, d.own = d.buf[pre:], true
		return
	}
	tail := len(src) - end
	src = src[:max(n, len(src))]
	copy(src[start+len(text):], src[end:end+tail])
	copy(src[start:], text)
	d.src = src[:n]
}

// spliceBytes replaces buf[start:end] with text, in place when buf has
// room.
func spliceBytes(buf []byte, start, end int, text string) []byte {
	n := len(buf) + len(text) - (end - start)
	if n > cap(buf) {
		out := make([]byte, 0, n+n/64+512)
		out = append(out, buf[:start]...)
		out = append(out, text...)
		return append(out, buf[end:]...)
	}
	tail := len(buf) - end
	buf = buf[:max(n, len(buf))]
	copy(buf[start+len(text):], buf[end:end+tail])
	copy(buf[start:], text)
	return buf[:n]
}

// splice applies non-overlapping edits to the text, in place when the
// current transaction owns the buffer, and updates the layouts read so far
// without scanning again: objects before the edits keep their offsets,
// objects after them shift, an object holding the edits inside one of its
// values shifts the offsets after them, and any other object is read again
// when next needed. The text is checked when the transaction ends.
func (d *Document) splice(edits ...edit) error {
	if len(edits) == 0 {
		return nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	lo, hi, delta := len(d.src), 0, 0
	breaks := false
	for _, e := range edits {
		lo, hi = min(lo, e.start), max(hi, e.end)
		delta += len(e.text) - (e.end - e.start)
		if strings.ContainsAny(e.text, "\r\n") || bytes.ContainsAny(d.src[e.start:e.end], "\r\n") {
			breaks = true
		}
	}
	hadLoneCR := len(d.src) > 0 && &d.view[0] != &d.src[0]
	for _, e := range edits { // from the last one
		old := string(d.src[e.start:e.end])
		if old != e.text {
			d.modified = true
		}
		d.undo = append(d.undo, undoEdit{e.start, old, e.text})
		d.replace(e.start, e.end, e.text)
	}
	src := d.src
	d.changed = true
	d.seps = nil
	if breaks {
		d.st = nil
	}
	// The line view: lone CRs can only appear or go at the edges of
	// edits and in their text.
	newStart := func(e edit) int {
		// Later edits (applied first) do not move e.start.
		s := e.start
		for _, f := range edits {
			if f.start < e.start {
				s += len(f.text) - (f.end - f.start)
			}
		}
		return s
	}
	loneCR := false
	for _, e := range edits {
		s := newStart(e)
		for p := max(s-1, 0); p <= s+len(e.text) && p < len(src); p++ {
			if src[p] == '\r' && (p+1 == len(src) || src[p+1] != '\n') {
				loneCR = true
			}
		}
	}
	switch {
	case hadLoneCR:
		// Edit the view (d's own copy) as the text, then mend the edges.
		for _, e := range edits { // from the last one
			d.view = spliceBytes(d.view, e.start, e.end, e.text)
		}
		for _, e := range edits {
			s := newStart(e)
			for p := max(s-1, 0); p <= s+len(e.text) && p < len(src); p++ {
				d.view[p] = src[p]
				if src[p] == '\r' && (p+1 == len(src) || src[p+1] != '\n') {
					d.view[p] = '\n'
				}
			}
		}
	case loneCR:
		d.view = lineView(d.src)
	default:
		d.view = d.src
	}
	// Move the layouts, and check the text where it changed: the object
	// whose members the edits touch is read again from the member before
	// them to the first member after them, and checked on the way.
	if d.root >= hi && d.root >= 0 {
		d.root += delta
	}
	checked := false
	objs := make(map[int]*object, len(d.objs))
	for open, o := range d.objs {
		switch {
		case lo > o.close:
			objs[open] = o
			continue
		case hi <= o.open:
			o.shift(0, delta)
			objs[o.open] = o
			continue
		case lo <= o.open || hi > o.close:
			continue // the object itself is edited: read it again when needed
		}
		// The last member whose value starts at or before lo.
		i := sort.Search(len(o.members), func(i int) bool { return int(o.members[i].valStart) > lo }) - 1
		if i >= 0 {
			m := o.members[i]
			if lo > int(m.valStart) && hi < int(m.valEnd) {
				o.shiftFrom(i, delta) // inside a value: another object checks
				objs[open] = o
				continue
			}
			if lo == int(m.valStart) && hi == int(m.valEnd) && lo < hi {
				// A new value.
				end, res := validValue(d.view, int(m.valStart), maxDepth-3, nil)
				switch {
				case res == valueDeep:
					d.needFull = true
				case res != valueOK || end != int(m.valEnd)+delta:
					return fmt.Errorf("%s: %w", d.path, errInternal)
				}
				o.shiftFrom(i, delta)
				objs[open] = o
				checked = true
				continue
			}
		}
		if !d.relayout(o, lo, hi, delta) {
			return fmt.Errorf("%s: %w", d.path, errInternal)
		}
		objs[open] = o
		checked = true
	}
	d.objs = objs
	if !checked {
		d.needFull = true
	}
	return nil
}

// relayout reads again, and checks, the members of o that edits of
// src[lo:hi] (old offsets; delta is the change in length) touched, and
// moves the members after them. It reports false when the text there is
// not valid.
func (d *Document) relayout(o *object, lo, hi, delta int) bool {
	src := d.view
	ms := o.members
	// Members that end before the edits stay; so does the comma after
	// them, so the text after the last of them expects a name or '}'.
	k := sort.Search(len(ms), func(i int) bool { return ms[i].end() >= lo })
	for k > 0 && int(ms[k-1].comma) < 0 {
		k--
	}
	j := max(sort.Search(len(ms), func(i int) bool { return int(ms[i].nameStart) >= hi }), k)
	rest := ms[j:]
	p := o.open + 1
	if k > 0 {
		p = ms[k-1].end()
	}
	var fresh []member
	var ok bool
	close := -1
	for close < 0 {
		if p, ok = validTrivia(src, p); !ok || p >= len(src) {
			return false
		}
		switch {
		case len(rest) > 0 && p == int(rest[0].nameStart)+delta:
			close = o.close + delta // the rest is as it was
			continue
		case len(rest) > 0 && p > int(rest[0].nameStart)+delta:
			return false
		case src[p] == '}':
			if len(rest) > 0 || p != o.close+delta {
				return false
			}
			close = p
			continue
		case src[p] != '"':
			return false
		}
		m := member{nameStart: int32(p), comma: -1}
		if p = validString(src, p); p < 0 {
			return false
		}
		m.nameEnd = int32(p)
		if p, ok = validTrivia(src, p); !ok || p >= len(src) || src[p] != ':' {
			return false
		}
		if p, ok = validTrivia(src, p+1); !ok || p >= len(src) {
			return false
		}
		m.valStart = int32(p)
		var res int
		switch p, res = validValue(src, p, maxDepth-3, nil); res {
		case valueBad:
			return false
		case valueDeep:
			d.needFull = true
			p = skipValue(src, int(m.valStart))
		}
		m.valEnd = int32(p)
		if p, ok = validTrivia(src, p); !ok || p >= len(src) {
			return false
		}
		fresh = append(fresh, m)
		switch src[p] {
		case ',':
			fresh[len(fresh)-1].comma = int32(p)
			p++
		case '}':
			if len(rest) > 0 || p != o.close+delta {
				return false
			}
			close = p
		default:
			return false
		}
	}
	n := k + len(fresh) + len(rest)
	var out []member
	if n <= cap(ms) {
		out = ms[:n]
	} else {
		out = make([]member, n)
		copy(out, ms[:k])
	}
	copy(out[k+len(fresh):], rest)
	copy(out[k:], fresh)
	o.members = out
	o.close = close - delta
	o.shift(k+len(fresh), delta)
	if k+len(fresh) == 0 {
		o.open -= delta // shift(0) moved the opening brace too
	}
	return true
}

// shift adds delta to every offset of o at or after member i.
func (o *object) shift(i, delta int) {
	if i == 0 {
		o.open += delta
	}
	o.close += delta
	for j := i; j < len(o.members); j++ {
		m := &o.members[j]
		m.nameStart += int32(delta)
		m.nameEnd += int32(delta)
		m.valStart += int32(delta)
		m.valEnd += int32(delta)
		if int(m.comma) >= 0 {
			m.comma += int32(delta)
		}
	}
}

// shiftFrom adds delta to the offsets of o after the edits inside the value
// of member i.
func (o *object) shiftFrom(i, delta int) {
	m := &o.members[i]
	m.valEnd += int32(delta) // at <= valEnd
	if int(m.comma) >= 0 {
		m.comma += int32(delta)
	}
	o.shift(i+1, delta) // the closing brace too
}

// getter locates an object in the current text. It returns the offset of
// its '{' (-1 when absent) and the offset of the member name holding it, or
// -1 for the root object.
type getter func() (int, int)

func (d *Document) rootGet() (int, int) { return d.root, -1 }

func (d *Document) settingsGet() (int, int) {
	switch d.kind {
	case KindSettings:
		return d.rootGet()
	case KindDevcontainer:
		return d.pathGet(len(devcontainerPath))
	}
	return d.holderOf(d.root, settingsKey)
}

// pathGet locates the object at the first n keys of devcontainerPath.
func (d *Document) pathGet(n int) (int, int) {
	open, name := d.root, -1
	for _, k := range devcontainerPath[:n] {
		if open < 0 {
			return -1, 0
		}
		open, name = d.holderOf(open, k)
	}
	return open, name
}

func (d *Document) colorsGet() (int, int) {
	s, _ := d.settingsGet()
	return d.holderOf(s, ColorCustomizationsKey)
}

func (d *Document) holderOf(open int, key string) (int, int) {
	_, m := d.lastMember(open, key)
	if m == nil {
		return -1, 0
	}
	return int(m.valStart), int(m.nameStart)
}

// decodeNumber decodes a value with numbers as json.Number, for
// comparisons: what encoding/json's Decoder with UseNumber gives for the
// value's text with its comments and trailing commas removed (see
// decodeNumbers), or nil.
func (d *Document) decodeNumber(m *member) any {
	v, _, ok := decodeNumbers(d.view[:int(m.valEnd)], int(m.valStart))
	if !ok {
		return nil
	}
	return v
}

// valueIsString reports whether the value of m is a string equal to s:
// equalJSON(d.decodeNumber(m), s), which holds only for a string value,
// without building the value.
func (d *Document) valueIsString(m *member, s string) bool {
	raw := d.view[int(m.valStart):int(m.valEnd)]
	if len(raw) < 2 || raw[0] != '"' {
		return false
	}
	raw = raw[1 : len(raw)-1]
	if plainLen(raw) == len(raw) {
		return string(raw) == s // what unquoteJSON would return
	}
	v, ok := unquoteJSON(raw)
	return ok && v == s
}

// style returns the style of the text (computed once until an edit adds
// or removes a line break).
func (d *Document) style() style {
	if d.st == nil {
		st := guessStyle(d.src, d.kind)
		d.st = &st
	}
	return *d.st
}

// colonFor returns the key/value separator for new members of o.
func (d *Document) colonFor(o object) string {
	if c := colonOf(d.src, o); c != "" {
		return c
	}
	if s, _ := d.settingsGet(); s >= 0 {
		if c := colonOf(d.src, *d.layout(s)); c != "" {
			return c
		}
	}
	if d.root >= 0 {
		if c := colonOf(d.src, *d.layout(d.root)); c != "" {
			return c
		}
	}
	return ": "
}

// oneLineFor returns, for values written on one line in o, the text after
// each comma and inside the brackets, from the members written on one
// line in o, else in the settings object, else in the root object. With
// nothing to go by, a space follows the comma when the key/value separator
// has one.
// itemSep is itemSepOf for an object of d, remembered until the next edit:
// every value an edit writes asks it, and a settings object of 100k
// members takes a while to look through.
func (d *Document) itemSep(o object) (sep string, sepOK bool, pad string, padOK bool) {
	if r, ok := d.seps[o.open]; ok && r.close == o.close {
		return r.sep, r.sepOK, r.pad, r.padOK
	}
	r := sepInfo{close: o.close}
	r.sep, r.sepOK, r.pad, r.padOK = itemSepOf(d.view, o)
	if d.seps == nil {
		d.seps = map[int]sepInfo{}
	}
	d.seps[o.open] = r
	return r.sep, r.sepOK, r.pad, r.padOK
}

// sepInfo is what itemSepOf found in the object ending at close.
type sepInfo struct {
	close        int
	sep, pad     string
	sepOK, padOK bool
}

func (d *Document) oneLineFor(o object) (sep, pad string) {
	objs := []getter{d.settingsGet, d.rootGet}
	sepOK, padOK := false, false
	for i := -1; i < len(objs) && !(sepOK && padOK); i++ {
		ob := o
		if i >= 0 {
			v, _ := objs[i]()
			if v < 0 {
				continue
			}
			ob = *d.layout(v)
		}
		s, sok, p, pok := d.itemSep(ob)
		if sok && !sepOK {
			sep, sepOK = s, true
		}
		if pok && !padOK {
			pad, padOK = p, true
		}
	}
	if !sepOK && strings.ContainsAny(d.colonFor(o), " \t") {
		sep = " "
	}
	return sep, pad
}

// removeMember removes member idx of the object get locates. A member on
// lines of its own goes with its lines (a comment after it on its last line
// included); otherwise only its text and the separator that goes with it.
// The comma handling is the exact inverse of appendMember.
func (d *Document) removeMember(get getter, idx int) error {
	v, _ := get()
	src := d.view
	o := *d.layout(v)
	m := o.members[idx]
	n := len(o.members)
	var edits []edit
	own := false
	if blankBefore(src, int(m.nameStart)) {
		if e, ok := restOfLine(src, m.end(), false); ok {
			own = true
			ls := lineStart(src, int(m.nameStart))
			// Comments on lines of their own inside the member (between
			// its name and its comma) stay.
			keep := ownLineComments(src, int(m.nameEnd), int(m.valStart))
			keep = append(keep, ownLineComments(src, int(m.valEnd), m.end())...)
			eol := eolOf(d.src)
			switch {
			case idx < n-1:
				edits = append(edits, edit{ls, e + breakLen(src, e), joinLines(d.src, keep, "", eol)})
			default:
				edits = append(edits, edit{prevBreakStart(src, ls), e, joinLines(d.src, keep, eol, "")})
				if n >= 2 && int(m.comma) < 0 {
					p := int(o.members[idx-1].comma)
					edits = append(edits, edit{p, p + 1, ""})
				}
			}
		}
	}
	if !own {
		switch {
		case idx < n-1:
			e := m.end()
			for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
				e++
			}
			edits = append(edits, edit{int(m.nameStart), e, ""})
		case n >= 2:
			p := int(o.members[idx-1].comma)
			switch {
			case !isSpace(src[p+1 : int(m.nameStart)]):
				edits = append(edits, edit{int(m.nameStart), m.end(), ""})
				if int(m.comma) < 0 {
					edits = append(edits, edit{p, p + 1, ""})
				}
			case int(m.comma) < 0:
				edits = append(edits, edit{p, m.end(), ""})
			default:
				edits = append(edits, edit{p + 1, m.end(), ""})
			}
		default:
			// The only member: after a block comment on its line, the
			// space between them goes too (the inverse of appendMembers).
			s := int(m.nameStart)
			for s > o.open+1 && (src[s-1] == ' ' || src[s-1] == '\t') {
				s--
			}
			if src[s-1] != '/' {
				s = int(m.nameStart)
			}
			edits = append(edits, edit{s, m.end(), ""})
		}
		// Comments on lines of their own inside the member stay, on
		// lines of their own.
		keep := ownLineComments(src, int(m.nameEnd), int(m.valStart))
		keep = append(keep, ownLineComments(src, int(m.valEnd), m.end())...)
		if len(keep) > 0 {
			eol := eolOf(d.src)
			for i := range edits {
				if edits[i].start <= int(m.nameStart) && int(m.nameStart) < edits[i].end {
					edits[i].text = joinLines(d.src, keep, eol, "") + eol
				}
			}
		}
	}
	if err := d.splice(edits...); err != nil {
		return err
	}
	// An object left with only whitespace becomes {}.
	v, _ = get()
	o = *d.layout(v)
	if len(o.members) == 0 && o.close > o.open+1 && isSpace(d.src[o.open+1:o.close]) {
		return d.splice(edit{o.open + 1, o.close, ""})
	}
	return nil
}

// keyValue is a member to append: a key and a normalized value.
type keyValue struct {
	key   string
	value any
}

// appendMember appends key: value (a normalized value) as the last member
// of the object get locates, in the style of its neighbours.
func (d *Document) appendMember(get getter, key string, value any) error {
	return d.appendMembers(get, []keyValue{{key, value}})
}

// appendMembers appends members in order, as appendMember one after the
// other would, in one splice when the object has members already.
func (d *Document) appendMembers(get getter, kvs []keyValue) error {
	if len(kvs) == 0 {
		return nil
	}
	v, holder := get()
	src := d.view
	o := *d.layout(v)
	st := d.style()
	st.colon = d.colonFor(o)
	n := len(o.members)
	if n > 0 {
		last := o.members[n-1]
		// join writes the members, each after before; with a comma after
		// each when the last member has one, else between them (the
		// last member then gets one at its value's end).
		join := func(before func(kv keyValue) string) string {
			var sb strings.Builder
			for i, kv := range kvs {
				if int(last.comma) < 0 && i > 0 {
					sb.WriteString(",")
				}
				sb.WriteString(before(kv))
				if int(last.comma) >= 0 {
					sb.WriteString(",")
				}
			}
			return sb.String()
		}
		if startsLine(src, int(last.nameStart)) {
			// The last member starts a line (after comments, maybe): the
			// new ones go on lines of their own, indented the same.
			ind := leadingSpace(src, int(last.nameStart))
			text := join(func(kv keyValue) string {
				return st.eol + ind + quote(kv.key) + st.colon + st.render(kv.value, ind, true, "", "")
			})
			if e, ok := restOfLine(src, last.end(), true); ok {
				// After the comments on the last member's line.
				if int(last.comma) >= 0 {
					return d.splice(edit{e, e, text})
				}
				return d.splice(edit{e, e, text}, edit{int(last.valEnd), int(last.valEnd), ","})
			}
			// Something follows on that line (the closing brace): right
			// after the last member's value or comma.
			if int(last.comma) >= 0 {
				return d.splice(edit{int(last.comma) + 1, int(last.comma) + 1, text})
			}
			return d.splice(edit{int(last.valEnd), int(last.valEnd), "," + text})
		}
		sep, pad := d.oneLineFor(o)
		text := join(func(kv keyValue) string {
			return sep + quote(kv.key) + st.colon + st.render(kv.value, "", false, sep, pad)
		})
		if int(last.comma) >= 0 {
			return d.splice(edit{int(last.comma) + 1, int(last.comma) + 1, text})
		}
		return d.splice(edit{int(last.valEnd), int(last.valEnd), "," + text})
	}
	if len(kvs) > 1 {
		if err := d.appendMembers(get, kvs[:1]); err != nil {
			return err
		}
		return d.appendMembers(get, kvs[1:])
	}
	key, value := kvs[0].key, kvs[0].value

	interior := src[o.open+1 : o.close]
	closeInd := leadingSpace(src, o.open)
	ind := closeInd + st.unit(closeInd)
	multiText := quote(key) + st.colon + st.render(value, ind, true, "", "")
	if bytes.IndexByte(interior, '\n') >= 0 {
		// An empty object over several lines, maybe holding comments: the
		// member goes on a new line after the last comment.
		q := o.open + 1
		for i := o.close - 1; i > o.open; i-- {
			if c := src[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				q = i + 1
				break
			}
		}
		if bytes.IndexByte(src[q:o.close], '\n') >= 0 {
			e := lineEnd(src, q)
			return d.splice(edit{e, e, st.eol + ind + multiText})
		}
		return d.splice(edit{o.close, o.close, st.eol + ind + multiText + st.eol + closeInd})
	}
	if holder < 0 || blankBefore(src, holder) {
		// {} on the line of a member of its own: expand it.
		// After the comments in it, if any ({ /* c */ }).
		q := o.open + 1
		for i := o.close - 1; i > o.open; i-- {
			if c := src[i]; c != ' ' && c != '\t' {
				q = i + 1
				break
			}
		}
		return d.splice(edit{q, o.close, st.eol + ind + multiText + st.eol + closeInd})
	}
	sep, pad := d.oneLineFor(o)
	text := quote(key) + st.colon + st.render(value, "", false, sep, pad)
	if isSpace(interior) {
		return d.splice(edit{o.open + 1, o.close, text})
	}
	// After the comments, before the space that ends the object: removing
	// the member (with the space before it) gives the object back.
	q := o.close
	for q > o.open+1 && (src[q-1] == ' ' || src[q-1] == '\t') {
		q--
	}
	return d.splice(edit{q, q, sep + text})
}

// replaceValue replaces the value of member idx with value (normalized).
func (d *Document) replaceValue(get getter, idx int, value any) error {
	v, _ := get()
	src := d.view
	o := *d.layout(v)
	m := o.members[idx]
	st := d.style()
	st.colon = d.colonFor(o)
	multi := startsLine(src, int(m.nameStart))
	sep, pad := d.oneLineFor(o)
	text := st.render(value, leadingSpace(src, int(m.nameStart)), multi, sep, pad)
	return d.splice(edit{int(m.valStart), int(m.valEnd), text})
}

// valueEdit returns the edit that replaces the value of member idx of o
// with value (normalized), as replaceValue does.
func (d *Document) valueEdit(o object, idx int, value any) edit {
	m := o.members[idx]
	st := d.style()
	st.colon = d.colonFor(o)
	multi := startsLine(d.view, int(m.nameStart))
	sep, pad := d.oneLineFor(o)
	return edit{int(m.valStart), int(m.valEnd), st.render(value, leadingSpace(d.view, int(m.nameStart)), multi, sep, pad)}
}

// ensureRoot gives an empty or comment-only document a root object, after
// its comments.
func (d *Document) ensureRoot() error {
	if d.root >= 0 {
		return nil
	}
	st := d.style()
	b, n := d.src, len(d.src)
	endsLine := n > 0 && (b[n-1] == '\n' || b[n-1] == '\r')
	text := "{}"
	if n > 0 && !endsLine {
		text = st.eol + text
	}
	if n == 0 || endsLine {
		text += st.eol
	}
	d.undo = append(d.undo, undoEdit{n, "", text})
	d.replace(n, n, text)
	d.changed = true
	if err := d.reparse(); err != nil || d.root < 0 {
		return fmt.Errorf("%s: %w", d.path, errInternal)
	}
	return nil
}

// SetSetting sets a setting (in "settings" for a workspace file) to value,
// which is written as JSON (strings, booleans, numbers; objects and arrays
// one member per line in the file's style, or on one line in a one-line
// object). An existing setting (the last of duplicates) keeps its place and
// gets only its value replaced, and is left alone when it already holds an
// equal value. A new one is appended as the last member of the settings
// object, which is created (as the last top-level member) in a workspace file
// that has none.
func (d *Document) SetSetting(key string, value any) error {
	nv, err := normalize(value)
	if err != nil {
		return fmt.Errorf("%s: setting %q: %w", d.path, key, err)
	}
	return d.transact(func() error {
		if s, _ := d.settingsGet(); s >= 0 {
			if idx, cur := d.lastMember(s, key); cur != nil {
				if str, ok := nv.(string); ok && d.valueIsString(cur, str) || !ok && equalJSON(d.decodeNumber(cur), nv) {
					return nil
				}
				return d.replaceValue(d.settingsGet, idx, nv)
			}
			return d.appendMember(d.settingsGet, key, nv)
		}
		if err := d.ensureRoot(); err != nil {
			return err
		}
		if d.kind == KindSettings {
			return d.appendMember(d.rootGet, key, nv)
		}
		if d.kind == KindDevcontainer {
			// The deepest object of customizations.vscode.settings that
			// exists gets the rest of the path.
			n := len(devcontainerPath) - 1
			for n > 0 {
				if o, _ := d.pathGet(n); o >= 0 {
					break
				}
				n--
			}
			var v any = map[string]any{key: nv}
			for i := len(devcontainerPath) - 1; i > n; i-- {
				v = map[string]any{devcontainerPath[i]: v}
			}
			return d.appendMember(func() (int, int) { return d.pathGet(n) }, devcontainerPath[n], v)
		}
		return d.appendMember(d.rootGet, settingsKey, map[string]any{key: nv})
	})
}

// RemoveSetting removes a setting, every duplicate of it included, with its
// comma and, when it sits on lines of its own, its lines. It does nothing
// when the setting is absent.
func (d *Document) RemoveSetting(key string) error {
	return d.transact(func() error { return d.removeSetting(key) })
}

func (d *Document) removeSetting(key string) error {
	for {
		s, _ := d.settingsGet()
		idx, m := d.lastMember(s, key)
		if m == nil {
			return nil
		}
		if err := d.removeMember(d.settingsGet, idx); err != nil {
			return err
		}
	}
}

// ApplyColors merges colors into workbench.colorCustomizations the way
// the Peacock extension does (spec §6.1): an existing key keeps its position and
// gets the new value (only the value's bytes change, and only when the value
// differs); new keys are appended in byte order of their names; keys for
// which owned returns true and that are not in colors are removed; keys in
// excluded are never written nor removed. Other keys, theme blocks
// ("[Theme]": {...}) and comments are left alone. A missing
// workbench.colorCustomizations is created as the last member of the
// settings object; an object left with no members at all is removed rather
// than left as {}. With duplicate keys, the last occurrence is edited.
func (d *Document) ApplyColors(colors map[string]string, owned func(string) bool, excluded []string) error {
	return d.transact(func() error { return d.applyColors(colors, owned, excluded) })
}

func (d *Document) applyColors(colors map[string]string, owned func(string) bool, excluded []string) error {
	excl := map[string]bool{}
	for _, k := range excluded {
		excl[k] = true
	}
	want := map[string]string{}
	for k, v := range colors {
		if !excl[k] {
			want[k] = v
		}
	}
	stale := func(k string) bool {
		_, keep := want[k]
		return owned != nil && owned(k) && !excl[k] && !keep
	}
	// Values first, then new keys, then stale keys: removing the last
	// member before appending would move its neighbour's comma. The new
	// values are written in one splice: each replaces only its value's
	// bytes.
	var missing []string
	var edits []edit
	c, _ := d.colorsGet()
	for k := range want {
		if c < 0 {
			missing = append(missing, k)
			continue
		}
		idx, m := d.lastMember(c, k)
		if m == nil {
			missing = append(missing, k)
			continue
		}
		if d.valueIsString(m, want[k]) {
			continue
		}
		edits = append(edits, d.valueEdit(*d.layout(c), idx, want[k]))
	}
	if err := d.splice(edits...); err != nil {
		return err
	}
	sort.Strings(missing)
	switch {
	case len(missing) == 0:
	case c < 0:
		obj := map[string]any{}
		for _, k := range missing {
			obj[k] = want[k]
		}
		if err := d.SetSetting(ColorCustomizationsKey, obj); err != nil {
			return err
		}
	default:
		var kvs []keyValue
		for _, k := range missing {
			kvs = append(kvs, keyValue{k, want[k]})
		}
		if err := d.appendMembers(d.colorsGet, kvs); err != nil {
			return err
		}
	}
	return d.cleanColors(stale, len(want) == 0)
}

// cleanColors removes the members of workbench.colorCustomizations for which
// drop is true, and, if removeEmpty, the setting itself when no member (and
// no comment) is left in it. When a duplicate workbench.colorCustomizations is removed this
// way, the one before it, which VS Code then reads, is cleaned too.
func (d *Document) cleanColors(drop func(string) bool, removeEmpty bool) error {
	for {
		c, _ := d.colorsGet()
		if c < 0 {
			return nil
		}
		o := *d.layout(c)
		done := true
		for i := len(o.members) - 1; i >= 0; i-- {
			if drop(memberKey(d.view, o.members[i])) {
				if err := d.removeMember(d.colorsGet, i); err != nil {
					return err
				}
				done = false
				break
			}
		}
		if !done {
			continue
		}
		if !removeEmpty || len(o.members) > 0 || !isSpace(d.src[o.open+1:o.close]) {
			return nil
		}
		s, _ := d.settingsGet()
		idx, _ := d.lastMember(s, ColorCustomizationsKey)
		if err := d.removeMember(d.settingsGet, idx); err != nil {
			return err
		}
	}
}

// ResetColors undoes ApplyColors and the Peacock settings (spec §6.3): it
// removes the keys of workbench.colorCustomizations for which owned returns
// true (except those in excluded), removes the setting when nothing is left
// in it, and removes the peacock.color and peacock.remoteColor settings.
func (d *Document) ResetColors(owned func(string) bool, excluded []string) error {
	excl := map[string]bool{}
	for _, k := range excluded {
		excl[k] = true
	}
	return d.transact(func() error {
		if err := d.cleanColors(func(k string) bool { return owned != nil && owned(k) && !excl[k] }, true); err != nil {
			return err
		}
		if err := d.removeSetting(ColorKey); err != nil {
			return err
		}
		return d.removeSetting(RemoteColorKey)
	})
}

// ReplaceAll replaces the whole text with data (with the byte order mark,
// if the file has one, and only then), for an edit computed on the bytes
// rather than through the other methods. data must parse (see Parse);
// otherwise d is left as it was and an error is returned.
func (d *Document) ReplaceAll(data []byte) error {
	hasBOM := bytes.HasPrefix(data, utf8BOM)
	if hasBOM != d.bom {
		return fmt.Errorf("%s: the new content does not keep the byte order mark", d.path)
	}
	if hasBOM {
		data = data[len(utf8BOM):]
	}
	if _, err := parseKind(d.path, d.kind, data); err != nil {
		return err
	}
	if bytes.Equal(data, d.src) {
		return nil
	}
	return d.transact(func() error {
		old := string(d.src)
		d.undo = append(d.undo, undoEdit{0, old, string(data)})
		d.replace(0, len(d.src), string(data))
		d.modified, d.changed, d.needFull = true, true, true
		return d.reparse()
	})
}

// PruneSettings removes, in a devcontainer.json, the objects of the
// settings path (customizations.vscode.settings, from the innermost out)
// that are left with no member and no comment, so that a reset after a set
// that created them gives back the original bytes. (An empty one the file
// had before cannot be told from one the set created, and goes too.) It
// does nothing in other kinds of file.
func (d *Document) PruneSettings() error {
	if d.kind != KindDevcontainer {
		return nil
	}
	return d.transact(func() error {
		for n := len(devcontainerPath); n > 0; n-- {
			o, _ := d.pathGet(n)
			if o < 0 {
				continue
			}
			l := *d.layout(o)
			if len(l.members) > 0 || !isSpace(d.src[l.open+1:l.close]) {
				return nil
			}
			parent := func() (int, int) { return d.pathGet(n - 1) }
			po, _ := parent()
			idx, _ := d.lastMember(po, devcontainerPath[n-1])
			if err := d.removeMember(parent, idx); err != nil {
				return err
			}
		}
		return nil
	})
}
