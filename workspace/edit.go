package workspace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/tailscale/hujson"
)

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// splice applies non-overlapping edits and parses the result; if it does
// not parse, nothing changes and an error is returned.
func (d *Document) splice(edits ...edit) error {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), d.src...)
	for _, e := range edits {
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	old := d.src
	d.src = out
	if err := d.reparse(); err != nil {
		d.src = old
		_ = d.reparse()
		return fmt.Errorf("workspace: %s: %w", d.path, errInternal)
	}
	return nil
}

// getter locates an object in the current text. It returns the object and
// the offset of the member name holding it, or -1 for the root object.
type getter func() (*hujson.Value, int)

func (d *Document) rootGet() (*hujson.Value, int) { return d.root, -1 }

func (d *Document) rootGet0() *hujson.Value { return d.root }

func (d *Document) settingsGet0() *hujson.Value {
	v, _ := d.settingsGet()
	return v
}

func (d *Document) settingsGet() (*hujson.Value, int) {
	if d.kind == KindSettings {
		return d.rootGet()
	}
	return holderOf(d.root, settingsKey)
}

func (d *Document) colorsGet() (*hujson.Value, int) {
	s, _ := d.settingsGet()
	return holderOf(s, ColorCustomizationsKey)
}

func holderOf(obj *hujson.Value, key string) (*hujson.Value, int) {
	if obj == nil {
		return nil, 0
	}
	i, v := lastMember(obj, key)
	if v == nil {
		return nil, 0
	}
	return v, obj.Value.(*hujson.Object).Members[i].Name.StartOffset
}

// decodeNumber decodes v with numbers as json.Number, for comparisons.
func decodeNumber(v *hujson.Value) any {
	c := v.Clone()
	c.BeforeExtra, c.AfterExtra = nil, nil
	c.Standardize()
	dec := json.NewDecoder(bytes.NewReader(c.Pack()))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil
	}
	return out
}

// colonFor returns the key/value separator for new members of o.
func (d *Document) colonFor(o object) string {
	if c := colonOf(d.src, o); c != "" {
		return c
	}
	if s, _ := d.settingsGet(); s != nil {
		if c := colonOf(d.src, layout(d.src, s)); c != "" {
			return c
		}
	}
	if d.root != nil {
		if c := colonOf(d.src, layout(d.src, d.root)); c != "" {
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
func (d *Document) oneLineFor(o object) (sep, pad string) {
	objs := []func() *hujson.Value{d.settingsGet0, d.rootGet0}
	sepOK, padOK := false, false
	for i := -1; i < len(objs) && !(sepOK && padOK); i++ {
		ob := o
		if i >= 0 {
			v := objs[i]()
			if v == nil {
				continue
			}
			ob = layout(d.view, v)
		}
		s, sok, p, pok := itemSepOf(d.view, ob)
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
	o := layout(src, v)
	m := o.members[idx]
	n := len(o.members)
	var edits []edit
	own := false
	if blankBefore(src, m.nameStart) {
		if e, ok := restOfLine(src, m.end(), false); ok {
			own = true
			ls := lineStart(src, m.nameStart)
			// Comments on lines of their own inside the member (between
			// its name and its comma) stay.
			keep := ownLineComments(src, m.nameEnd, m.valStart)
			keep = append(keep, ownLineComments(src, m.valEnd, m.end())...)
			eol := eolOf(d.src)
			switch {
			case idx < n-1:
				edits = append(edits, edit{ls, e + breakLen(src, e), joinLines(d.src, keep, "", eol)})
			default:
				edits = append(edits, edit{prevBreakStart(src, ls), e, joinLines(d.src, keep, eol, "")})
				if n >= 2 && m.comma < 0 {
					p := o.members[idx-1].comma
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
			edits = append(edits, edit{m.nameStart, e, ""})
		case n >= 2:
			p := o.members[idx-1].comma
			switch {
			case !isSpace(src[p+1 : m.nameStart]):
				edits = append(edits, edit{m.nameStart, m.end(), ""})
				if m.comma < 0 {
					edits = append(edits, edit{p, p + 1, ""})
				}
			case m.comma < 0:
				edits = append(edits, edit{p, m.end(), ""})
			default:
				edits = append(edits, edit{p + 1, m.end(), ""})
			}
		default:
			edits = append(edits, edit{m.nameStart, m.end(), ""})
		}
		// Comments on lines of their own inside the member stay, on
		// lines of their own.
		keep := ownLineComments(src, m.nameEnd, m.valStart)
		keep = append(keep, ownLineComments(src, m.valEnd, m.end())...)
		if len(keep) > 0 {
			eol := eolOf(d.src)
			for i := range edits {
				if edits[i].start <= m.nameStart && m.nameStart < edits[i].end {
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
	o = layout(d.src, v)
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
	o := layout(src, v)
	st := guessStyle(d.src, d.kind)
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
				if last.comma < 0 && i > 0 {
					sb.WriteString(",")
				}
				sb.WriteString(before(kv))
				if last.comma >= 0 {
					sb.WriteString(",")
				}
			}
			return sb.String()
		}
		if startsLine(src, last.nameStart) {
			// The last member starts a line (after comments, maybe): the
			// new ones go on lines of their own, indented the same.
			ind := leadingSpace(src, last.nameStart)
			text := join(func(kv keyValue) string {
				return st.eol + ind + quote(kv.key) + st.colon + st.render(kv.value, ind, true, "", "")
			})
			if e, ok := restOfLine(src, last.end(), true); ok {
				// After the comments on the last member's line.
				if last.comma >= 0 {
					return d.splice(edit{e, e, text})
				}
				return d.splice(edit{e, e, text}, edit{last.valEnd, last.valEnd, ","})
			}
			// Something follows on that line (the closing brace): right
			// after the last member's value or comma.
			if last.comma >= 0 {
				return d.splice(edit{last.comma + 1, last.comma + 1, text})
			}
			return d.splice(edit{last.valEnd, last.valEnd, "," + text})
		}
		sep, pad := d.oneLineFor(o)
		text := join(func(kv keyValue) string {
			return sep + quote(kv.key) + st.colon + st.render(kv.value, "", false, sep, pad)
		})
		if last.comma >= 0 {
			return d.splice(edit{last.comma + 1, last.comma + 1, text})
		}
		return d.splice(edit{last.valEnd, last.valEnd, "," + text})
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
	return d.splice(edit{o.close, o.close, sep + text})
}

// replaceValue replaces the value of member idx with value (normalized).
func (d *Document) replaceValue(get getter, idx int, value any) error {
	v, _ := get()
	src := d.view
	o := layout(src, v)
	m := o.members[idx]
	st := guessStyle(d.src, d.kind)
	st.colon = d.colonFor(o)
	multi := startsLine(src, m.nameStart)
	sep, pad := d.oneLineFor(o)
	text := st.render(value, leadingSpace(src, m.nameStart), multi, sep, pad)
	return d.splice(edit{m.valStart, m.valEnd, text})
}

// ensureRoot gives an empty or comment-only document a root object, after
// its comments.
func (d *Document) ensureRoot() error {
	if d.root != nil {
		return nil
	}
	st := guessStyle(d.src, d.kind)
	b := append([]byte(nil), d.src...)
	endsLine := len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r')
	if len(b) > 0 && !endsLine {
		b = append(b, st.eol...)
	}
	b = append(b, "{}"...)
	if len(d.src) == 0 || endsLine {
		b = append(b, st.eol...)
	}
	old := d.src
	d.src = b
	if err := d.reparse(); err != nil || d.root == nil {
		d.src = old
		_ = d.reparse()
		return fmt.Errorf("workspace: %s: %w", d.path, errInternal)
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
		return fmt.Errorf("workspace: %s: setting %q: %w", d.path, key, err)
	}
	if s, _ := d.settingsGet(); s != nil {
		if idx, cur := lastMember(s, key); cur != nil {
			if equalJSON(decodeNumber(cur), nv) {
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
	return d.appendMember(d.rootGet, settingsKey, map[string]any{key: nv})
}

// RemoveSetting removes a setting, every duplicate of it included, with its
// comma and, when it sits on lines of its own, its lines. It does nothing
// when the setting is absent.
func (d *Document) RemoveSetting(key string) error {
	for {
		s, _ := d.settingsGet()
		if s == nil {
			return nil
		}
		idx, v := lastMember(s, key)
		if v == nil {
			return nil
		}
		if err := d.removeMember(d.settingsGet, idx); err != nil {
			return err
		}
	}
}

// ApplyColors merges colors into workbench.colorCustomizations the way
// Peacock 4.3.4 does (spec §6.1): an existing key keeps its position and
// gets the new value (only the value's bytes change, and only when the value
// differs); new keys are appended in byte order of their names; keys for
// which owned returns true and that are not in colors are removed; keys in
// excluded are never written nor removed. Other keys, theme blocks
// ("[Theme]": {...}) and comments are left alone. A missing
// workbench.colorCustomizations is created as the last member of the
// settings object; an object left with no members at all is removed rather
// than left as {}. With duplicate keys, the last occurrence is edited.
func (d *Document) ApplyColors(colors map[string]string, owned func(string) bool, excluded []string) error {
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
	// member before appending would move its neighbour's comma.
	var missing []string
	c, _ := d.colorsGet()
	for k := range want {
		if c == nil {
			missing = append(missing, k)
			continue
		}
		idx, v := lastMember(c, k)
		if v == nil {
			missing = append(missing, k)
			continue
		}
		if equalJSON(decodeNumber(v), want[k]) {
			continue
		}
		if err := d.replaceValue(d.colorsGet, idx, want[k]); err != nil {
			return err
		}
		c, _ = d.colorsGet()
	}
	sort.Strings(missing)
	switch {
	case len(missing) == 0:
	case c == nil:
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
		if c == nil {
			return nil
		}
		o := layout(d.src, c)
		done := true
		for i := len(o.members) - 1; i >= 0; i-- {
			if drop(o.members[i].key) {
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
		idx, _ := lastMember(s, ColorCustomizationsKey)
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
	if err := d.cleanColors(func(k string) bool { return owned != nil && owned(k) && !excl[k] }, true); err != nil {
		return err
	}
	if err := d.RemoveSetting(ColorKey); err != nil {
		return err
	}
	return d.RemoveSetting(RemoteColorKey)
}
