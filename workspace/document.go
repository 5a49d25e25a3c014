package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/internal/textpos"
	"github.com/tailscale/hujson"
)

// Kind tells where a file keeps its settings.
type Kind int

const (
	// KindWorkspace is a *.code-workspace file: settings live in the
	// top-level "settings" object.
	KindWorkspace Kind = iota
	// KindSettings is a settings.json file: settings live at the root.
	KindSettings
	// KindDevcontainer is a devcontainer.json file: settings live in
	// customizations.vscode.settings, which VS Code copies into the
	// container's machine settings.
	KindDevcontainer
)

// String returns "workspace", "settings" or "devcontainer".
func (k Kind) String() string {
	switch k {
	case KindWorkspace:
		return "workspace"
	case KindDevcontainer:
		return "devcontainer"
	}
	return "settings"
}

// devcontainerPath is where a devcontainer.json keeps its settings.
var devcontainerPath = []string{"customizations", "vscode", settingsKey}

// KindOf returns the kind of the file at path, by its name: a name ending
// in ".code-workspace" (in any case) is KindWorkspace, devcontainer.json
// and .devcontainer.json are KindDevcontainer, anything else KindSettings.
func KindOf(path string) Kind {
	base := strings.ToLower(filepath.Base(path))
	switch {
	case strings.HasSuffix(base, ".code-workspace"):
		return KindWorkspace
	case base == "devcontainer.json" || base == ".devcontainer.json":
		return KindDevcontainer
	}
	return KindSettings
}

// Key names with a meaning to this package.
const (
	// ColorCustomizationsKey is the setting that holds workbench colors.
	ColorCustomizationsKey = "workbench.colorCustomizations"
	// ColorKey is the setting that stores the Peacock color.
	ColorKey = "peacock.color"
	// RemoteColorKey is the setting that stores the Peacock color used
	// when VS Code runs against a remote.
	RemoteColorKey = "peacock.remoteColor"
	settingsKey    = "settings"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Member is one member of a JSON object: its key and its decoded value
// (encoding/json types: string, float64, bool, nil, []any, map[string]any).
type Member struct {
	Key   string
	Value any
}

// Duplicate is a key that occurs more than once in one object along the
// edited path. Line and Column (1-based; the column counts characters) give
// the position of a later occurrence; Object is the object's location: ""
// for the root, "settings", or "settings/workbench.colorCustomizations"
// (without "settings/" in a settings.json file).
type Duplicate struct {
	Key    string
	Object string
	Line   int
	Column int
}

// ParseError reports a file that cannot be edited, with the position of the
// problem. Line and Column are 1-based; the column counts characters.
type ParseError struct {
	Path   string
	Line   int
	Column int
	Msg    string
}

// Error returns "PATH: line L, column C: MSG".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s: line %d, column %d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Document is a parsed settings-bearing JSONC file. All edits are byte
// splices on the original text; each editing method checks the text where
// it changed before it returns, and leaves the Document as it was when the
// result would not parse. A Document is not safe for concurrent use.
type Document struct {
	path string
	kind Kind
	bom  bool
	buf  []byte // the text with the BOM: src is buf[len(BOM):], or buf
	src  []byte // the text without the BOM; the caller's data until own
	own  bool   // buf was allocated by d (or handed over, see parseOwned) and not returned by Bytes: edits may write to it
	// modified: an edit changed the text since Parse (see Modified).
	modified bool
	// seps remembers itemSepOf by object offset until the next edit.
	seps map[int]sepInfo
	view []byte          // src with each lone CR turned into LF (same offsets)
	root int             // offset of the root '{', or -1 when the file is empty or only comments
	objs map[int]*object // layouts of the objects read so far, by offset of '{'
	st   *style          // the style of src, computed when first needed
	dups []Duplicate

	// The edit in progress (see transact).
	depth   int        // nesting of transact
	undo    []undoEdit // how to undo the edit's replaces, in order
	changed bool       // src changed
	// needFull: an edit was not checked where it was made (see splice),
	// so the whole text is checked at the end.
	needFull bool
}

// Parse parses data, the content of the file at path, whose name gives the
// Kind (see KindOf). A UTF-8 byte order mark is stripped and restored by
// Bytes. Empty or comment-only content is an empty settings object (the
// comments are kept). Parse refuses, with a *ParseError, binary content (NUL
// bytes, invalid UTF-8, UTF-16, UTF-32), text that is not valid JSONC (JSON with
// comments and trailing commas), objects and arrays nested more than 10000
// deep, a top-level value that is not an object, a
// "settings" member that is not an object (workspace files), and a
// workbench.colorCustomizations setting that is not an object. Duplicate keys
// are accepted and reported by DuplicateKeys and Warnings.
//
// Parse reads the text once with a scanner that builds no tree: it checks
// the syntax and locates only the root object, the settings object and
// workbench.colorCustomizations. Parse never modifies data, but the
// Document reads it until its first edit (which works on a copy), so data
// must not be changed while the Document is in use.
func Parse(path string, data []byte) (*Document, error) {
	return parseKind(path, KindOf(path), data)
}

// parseOwned is Parse for a buffer the Document may keep and edit in place
// (Update's own read buffer): edits that fit in its capacity change data
// itself, so no copy of the file is made.
func parseOwned(path string, data []byte) (*Document, error) {
	d, err := parseKind(path, KindOf(path), data)
	if err != nil {
		return nil, err
	}
	same := len(d.view) == 0 || &d.view[0] == &d.src[0] // no lone CR: the view is the text
	n := len(data)
	d.buf = data[:n]
	d.src = d.buf[d.bomLen():n]
	if same {
		d.view = d.src
	}
	d.own = true
	return d, nil
}

// Modified reports whether an edit changed the text since Parse. (An edit
// that was undone, or one that put back the same bytes, may still count.)
func (d *Document) Modified() bool { return d.modified }

func parseKind(path string, kind Kind, data []byte) (*Document, error) {
	d := &Document{path: path, kind: kind, root: -1}
	if len(data) > math.MaxInt32/2 {
		// Offsets are kept as int32; leave room for edits.
		return nil, &ParseError{Path: path, Line: 1, Column: 1, Msg: "file is too large (1 GB or more)"}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}) {
		// Checked first: the UTF-32LE mark begins with UTF-16LE's.
		return nil, &ParseError{Path: path, Line: 1, Column: 1, Msg: "file is UTF-32 encoded; save it as UTF-8"}
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &ParseError{Path: path, Line: 1, Column: 1, Msg: "file is UTF-16 encoded; save it as UTF-8"}
	}
	d.buf = data[:len(data):len(data)]
	if bytes.HasPrefix(data, utf8BOM) {
		d.bom = true
		data = data[len(utf8BOM):]
	}
	// No copy: the first edit makes one (see replace).
	d.src = data[:len(data):len(data)]
	d.view = lineView(d.src)
	if i := bytes.IndexByte(d.src, 0); i >= 0 {
		return nil, d.errAt(i, "binary content (NUL byte); not a text file")
	}
	if !utf8.Valid(d.src) {
		i := 0
		for i < len(d.src) {
			r, n := utf8.DecodeRune(d.src[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, d.errAt(i, "invalid UTF-8; not a UTF-8 text file")
	}
	if err := d.reparse(); err != nil {
		return nil, err
	}
	d.dups = d.findDuplicates()
	return d, nil
}

// lineView returns src with every CR that is not followed by LF replaced
// by LF, so that a line break is always a LF (alone or after a CR) and
// offsets are unchanged: VS Code, like JavaScript, also ends lines (and
// line comments) at a lone CR, which hujson does not. All scanning and
// parsing looks at the view; edits splice the real text. It returns src
// itself when there is no lone CR.
func lineView(src []byte) []byte {
	var v []byte
	for i := bytes.IndexByte(src, '\r'); i >= 0 && i < len(src); {
		if i+1 == len(src) || src[i+1] != '\n' {
			if v == nil {
				v = append([]byte(nil), src...)
			}
			v[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if v == nil {
		return src
	}
	return v
}

// maxDepth bounds the nesting of objects and arrays, as encoding/json
// does: deeper text would overflow the stack of a recursive parser.
const maxDepth = 10000

// checkDepth reports whether objects and arrays in src nest at most
// maxDepth deep, and if not the offset of the bracket that goes too deep.
// It skips strings and comments and does not otherwise check the syntax.
func checkDepth(src []byte) (int, bool) {
	depth := 0
	for p := 0; p < len(src); p++ {
		switch c := src[p]; c {
		case '"':
			for p++; p < len(src) && src[p] != '"' && src[p] != '\n'; p++ {
				if src[p] == '\\' {
					p++
				}
			}
		case '/':
			if q, err := skipTrivia(src, p); err == nil && q > p {
				p = q - 1
			}
		case '{', '[':
			if depth++; depth > maxDepth {
				return p, false
			}
		case '}', ']':
			depth--
		}
	}
	return 0, true
}

// reparse checks d.src with one scan (see validate) and the structure along
// the edited path, and locates the root object. The layouts read before
// are dropped.
func (d *Document) reparse() error {
	d.root = -1
	d.objs = nil
	d.seps = nil
	d.st = nil
	d.view = lineView(d.src)
	src := d.view
	p, err := skipTrivia(src, 0)
	if err != nil {
		if _, ok := checkDepth(src); ok {
			return d.errAt(p, err.Error())
		}
	}
	if err == nil && p == len(src) {
		return nil // empty or only comments: an empty object
	}
	var root object
	if off, ok := validate(src, &root); !ok {
		return d.syntaxError(off)
	}
	if src[p] == '{' {
		d.objs = map[int]*object{p: &root}
	}
	return d.checkPath(p)
}

// check checks the text after an edit: the whole text when an edit was
// not checked where it was made (see splice), and the structure along the
// edited path.
func (d *Document) check() error {
	if d.needFull || d.root < 0 {
		return d.reparse()
	}
	return d.checkPath(d.root)
}

// checkPath locates the root object, whose value starts at p, and checks
// that it and the settings and workbench.colorCustomizations objects are
// objects.
func (d *Document) checkPath(p int) error {
	src := d.view
	if src[p] != '{' {
		return d.errAt(p, "top-level value is "+kindName(src[p])+", not an object")
	}
	d.root = p
	if d.kind == KindWorkspace {
		if _, m := d.lastMember(d.root, settingsKey); m != nil && src[int(m.valStart)] != '{' {
			return d.errAt(int(m.valStart), `"settings" is `+kindName(src[int(m.valStart)])+", not an object")
		}
	}
	if d.kind == KindDevcontainer {
		open := d.root
		for i, k := range devcontainerPath {
			_, m := d.lastMember(open, k)
			if m == nil {
				break
			}
			if open = int(m.valStart); src[open] != '{' {
				return d.errAt(open, `"`+strings.Join(devcontainerPath[:i+1], ".")+`" is `+kindName(src[open])+", not an object")
			}
		}
	}
	if s := d.settingsOpen(); s >= 0 {
		if _, m := d.lastMember(s, ColorCustomizationsKey); m != nil && src[int(m.valStart)] != '{' {
			return d.errAt(int(m.valStart), `"`+ColorCustomizationsKey+`" is `+kindName(src[int(m.valStart)])+", not an object")
		}
	}
	return nil
}

// syntaxError returns the error for text that validate refused, at off: the
// message hujson gives (its parser runs only on this path), after the
// depth check, which comes first.
func (d *Document) syntaxError(off int) error {
	src := d.view
	if off, ok := checkDepth(src); !ok {
		return d.errAt(off, fmt.Sprintf("objects and arrays nested more than %d deep", maxDepth))
	}
	if p, err := skipTrivia(src, 0); err != nil {
		return d.errAt(p, err.Error())
	}
	_, err := hujson.Parse(src)
	if err != nil && !bytes.HasSuffix(src, []byte("\n")) {
		// hujson wants a line comment to end with a line break; VS Code
		// accepts one at the very end of the file.
		if _, err2 := hujson.Parse(append(append([]byte(nil), src...), '\n')); err2 == nil {
			err = nil
		}
	}
	if err != nil {
		return d.hujsonError(err)
	}
	return d.errAt(off, "invalid JSONC")
}

// kindName names the kind of the value starting with c.
func kindName(c byte) string {
	switch c {
	case 'n':
		return "null"
	case 'f', 't':
		return "a boolean"
	case '"':
		return "a string"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return "invalid"
}

// hujsonError turns a hujson error ("hujson: line L, column C: msg", the
// column counting bytes) into a *ParseError whose column counts characters.
func (d *Document) hujsonError(err error) error {
	msg := err.Error()
	var line, col int
	if _, serr := fmt.Sscanf(msg, "hujson: line %d, column %d:", &line, &col); serr == nil {
		rest := msg
		if i := strings.Index(msg, ": "); i >= 0 {
			if j := strings.Index(msg[i+2:], ": "); j >= 0 {
				rest = msg[i+2+j+2:]
			}
		}
		src := d.view
		off := 0
		for l := 1; l < line && off < len(src); l++ {
			k := bytes.IndexByte(src[off:], '\n')
			if k < 0 {
				off = len(src)
				break
			}
			off += k + 1
		}
		off += col - 1
		if off > len(src) {
			off = len(src)
		}
		return d.errAt(off, "invalid JSONC: "+rest)
	}
	return &ParseError{Path: d.path, Line: 1, Column: 1, Msg: "invalid JSONC: " + strings.TrimPrefix(msg, "hujson: ")}
}

func (d *Document) errAt(off int, msg string) error {
	line, col := textpos.LineCol(d.view, off)
	return &ParseError{Path: d.path, Line: line, Column: col, Msg: msg}
}

// Path returns the path given to Parse.
func (d *Document) Path() string { return d.path }

// Kind returns the kind of the document.
func (d *Document) Kind() Kind { return d.kind }

// Bytes returns the current content, with the byte order mark restored if
// the file had one. The slice is the Document's own text, not a copy (the
// next edit works on a copy): it must not be modified. Before any edit it
// is the data given to Parse.
func (d *Document) Bytes() []byte {
	d.own = false
	n := d.bomLen() + len(d.src)
	return d.buf[:n:n]
}

// bomLen returns the length of the byte order mark before src in buf.
func (d *Document) bomLen() int {
	if d.bom {
		return len(utf8BOM)
	}
	return 0
}

// layout returns the layout of the object whose '{' is at open, scanning
// it the first time only.
func (d *Document) layout(open int) *object {
	if o, ok := d.objs[open]; ok {
		return o
	}
	o := scanObject(d.view, open)
	if d.objs == nil {
		d.objs = map[int]*object{}
	}
	d.objs[open] = &o
	return &o
}

// settingsOpen returns the offset of the '{' of the object holding the
// settings, or -1 when there is none yet (an empty file, or a workspace
// file without "settings").
func (d *Document) settingsOpen() int {
	if d.root < 0 || d.kind == KindSettings {
		return d.root
	}
	if d.kind == KindDevcontainer {
		open, _ := d.pathGet(len(devcontainerPath))
		return open
	}
	if _, m := d.lastMember(d.root, settingsKey); m != nil {
		return int(m.valStart)
	}
	return -1
}

// colorsOpen returns the offset of the '{' of
// workbench.colorCustomizations, or -1.
func (d *Document) colorsOpen() int {
	s := d.settingsOpen()
	if s < 0 {
		return -1
	}
	if _, m := d.lastMember(s, ColorCustomizationsKey); m != nil {
		return int(m.valStart)
	}
	return -1
}

// lastMember returns the index and layout of the last member named key in
// the object at open (-1 for none), or -1 and nil.
func (d *Document) lastMember(open int, key string) (int, *member) {
	if open < 0 {
		return -1, nil
	}
	o := d.layout(open)
	for i := len(o.members) - 1; i >= 0; i-- {
		if keyIs(d.view, o.members[i], key) {
			return i, &o.members[i]
		}
	}
	return -1, nil
}

// keyIs reports whether member m is named key, unescaped.
func keyIs(src []byte, m member, key string) bool {
	raw := src[int(m.nameStart)+1 : int(m.nameEnd)-1]
	switch {
	case len(raw) == len(key) && string(raw) == key:
		return true
	case len(raw) <= len(key) || bytes.IndexByte(raw, '\\') < 0:
		return false // an escape makes the name longer than the key
	}
	return memberKey(src, m) == key
}

// memberKey returns the name of m, unescaped (VS Code reads
// "workbench\u002ecolorCustomizations" as workbench.colorCustomizations).
func memberKey(src []byte, m member) string {
	raw := src[int(m.nameStart):int(m.nameEnd)]
	if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]) // nothing to unescape
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return string(raw)
	}
	return s
}

// decodeAt returns the value src[start:end] decoded with encoding/json, or
// nil.
func (d *Document) decodeAt(start, end int) any {
	v, _, err := decodeJSONC(d.view[:end], start)
	if err != nil {
		// A number out of float64's range (1e400), which encoding/json
		// refuses: as its literal text (json.Number), for the reader to
		// take as JavaScript does (Infinity).
		if v, _, ok := decodeNumbers(d.view[:end], start); ok {
			return v
		}
		return nil
	}
	return v
}

// Setting returns the decoded value of a setting (in "settings" for a
// workspace file) and whether it is set. With duplicate keys the last one
// wins, as in VS Code.
func (d *Document) Setting(key string) (any, bool) {
	_, m := d.lastMember(d.settingsOpen(), key)
	if m == nil {
		return nil, false
	}
	return d.decodeAt(int(m.valStart), int(m.valEnd)), true
}

// SettingPosition returns the 1-based line and column where the value of
// setting key (the last one, as Setting) starts, for messages about it.
func (d *Document) SettingPosition(key string) (line, col int, ok bool) {
	_, m := d.lastMember(d.settingsOpen(), key)
	if m == nil {
		return 0, 0, false
	}
	line, col = textpos.LineCol(d.view, int(m.valStart))
	return line, col, true
}

// Settings returns all settings decoded with encoding/json (the last of
// duplicate keys wins). It returns an empty map when there are none.
func (d *Document) Settings() map[string]any {
	out := map[string]any{}
	s := d.settingsOpen()
	if s < 0 {
		return out
	}
	for _, m := range d.layout(s).members {
		out[memberKey(d.view, m)] = d.decodeAt(int(m.valStart), int(m.valEnd))
	}
	return out
}

// SettingsWithPrefix returns the settings whose name starts with prefix
// (such as "peacock."), decoded with encoding/json (the last of duplicate
// keys wins); only those values are decoded. It returns an empty map when
// there are none.
func (d *Document) SettingsWithPrefix(prefix string) map[string]any {
	out := map[string]any{}
	s := d.settingsOpen()
	if s < 0 {
		return out
	}
	for _, m := range d.layout(s).members {
		raw := d.view[int(m.nameStart)+1 : int(m.nameEnd)-1]
		if bytes.IndexByte(raw, '\\') < 0 && !bytes.HasPrefix(raw, []byte(prefix)) {
			continue
		}
		if k := memberKey(d.view, m); strings.HasPrefix(k, prefix) {
			out[k] = d.decodeAt(int(m.valStart), int(m.valEnd))
		}
	}
	return out
}

// SettingKeysWithPrefix returns the names of the settings that start with
// prefix, each once, in the order VS Code's parser gives them: file order,
// a duplicate key keeping the place of its first occurrence (JavaScript's
// object order). VS Code builds its settings tree from them in this order
// (addToValueTree), so "peacock.elementAdjustments.activityBar" after
// "peacock.elementAdjustments" changes that object, and before it is
// replaced by it.
func (d *Document) SettingKeysWithPrefix(prefix string) []string {
	s := d.settingsOpen()
	if s < 0 {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range d.layout(s).members {
		if k := memberKey(d.view, m); strings.HasPrefix(k, prefix) && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// ColorCustomizations returns the members of workbench.colorCustomizations
// in file order, duplicates included; nil when the setting is absent.
func (d *Document) ColorCustomizations() []Member {
	c := d.colorsOpen()
	if c < 0 {
		return nil
	}
	var out []Member
	for _, m := range d.layout(c).members {
		out = append(out, Member{Key: memberKey(d.view, m), Value: d.decodeAt(int(m.valStart), int(m.valEnd))})
	}
	return out
}

// MaxDuplicateWarnings is how many duplicate keys Warnings lists.
const MaxDuplicateWarnings = 5

// DuplicateKeys returns the duplicate keys found by Parse along the edited
// path: the root object, the settings object and
// workbench.colorCustomizations. Each occurrence after the first is listed.
func (d *Document) DuplicateKeys() []Duplicate {
	return append([]Duplicate(nil), d.dups...)
}

// Warnings returns human-readable warnings about the parsed file, such as
// duplicate keys.
//
// At most MaxDuplicateWarnings duplicates are listed, then one line counts
// the rest (a minified file can hold millions; DuplicateKeys has them all).
func (d *Document) Warnings() []string {
	var out []string
	for i, dup := range d.dups {
		if i == MaxDuplicateWarnings {
			out = append(out, fmt.Sprintf("%s: %d more duplicate keys not listed", d.path, len(d.dups)-i))
			break
		}
		where := "at the top level"
		if dup.Object != "" {
			where = "in " + dup.Object
		}
		out = append(out, fmt.Sprintf("%s: line %d, column %d: duplicate key %q %s; VS Code reads the last one, and peacock edits that one",
			d.path, dup.Line, dup.Column, dup.Key, where))
	}
	return out
}

func (d *Document) findDuplicates() []Duplicate {
	var out []Duplicate
	// Positions are counted in one pass: the members of each object come
	// in file order, so each position goes on from the last one (line
	// and column both: a minified file is one long line, where counting
	// each column from the line's start would be quadratic). Only a
	// position before the last one (the next object) starts again.
	line, col, at := 1, 1, 0 // the position of offset at
	pos := func(off int) (int, int) {
		if off < at {
			line, col, at = 1, 1, 0
		}
		seg := d.view[at:off]
		if n := bytes.Count(seg, []byte("\n")); n > 0 {
			nl := bytes.LastIndexByte(seg, '\n')
			line, col = line+n, 1+utf8.RuneCount(seg[nl+1:])
		} else {
			col += utf8.RuneCount(seg)
		}
		at = off
		return line, col
	}
	check := func(open int, name string) {
		if open < 0 {
			return
		}
		ms := d.layout(open).members
		// Hash the keys first: most objects have no duplicate, and a
		// large one then costs no string per member.
		seed := maphash.MakeSeed()
		hash := func(m member) uint64 {
			raw := d.view[int(m.nameStart)+1 : int(m.nameEnd)-1]
			if bytes.IndexByte(raw, '\\') >= 0 {
				return maphash.String(seed, memberKey(d.view, m))
			}
			return maphash.Bytes(seed, raw)
		}
		// A bit per hash (a Bloom filter with one function): a key whose
		// bit is already set may be a duplicate; only those keys are
		// compared as strings.
		bits := 10 // about 32 bits per key, for few false alarms
		for bits < 24 && 1<<bits < 32*len(ms) {
			bits++
		}
		seenBits := make([]uint64, 1<<bits/64)
		hs := make([]uint64, len(ms))
		var twice map[uint64]bool
		for i, m := range ms {
			h := hash(m)
			hs[i] = h
			b := h >> (64 - bits)
			if seenBits[b/64]&(1<<(b%64)) != 0 {
				if twice == nil {
					twice = map[uint64]bool{}
				}
				twice[h] = true
			}
			seenBits[b/64] |= 1 << (b % 64)
		}
		if len(twice) == 0 {
			return
		}
		// seen holds each key once (a minified file may repeat one key a
		// million times: its duplicates share that one string).
		seen := map[string]string{}
		for i, m := range ms {
			if !twice[hs[i]] {
				continue
			}
			var k string
			if raw := d.view[int(m.nameStart)+1 : int(m.nameEnd)-1]; bytes.IndexByte(raw, '\\') < 0 {
				if s, ok := seen[string(raw)]; ok { // a lookup that does not allocate
					line, col := pos(int(m.nameStart))
					out = append(out, Duplicate{Key: s, Object: name, Line: line, Column: col})
					continue
				}
				k = string(raw)
			} else {
				k = memberKey(d.view, m)
				if s, ok := seen[k]; ok {
					line, col := pos(int(m.nameStart))
					out = append(out, Duplicate{Key: s, Object: name, Line: line, Column: col})
					continue
				}
			}
			seen[k] = k
		}
	}
	check(d.root, "")
	prefix := ""
	switch d.kind {
	case KindWorkspace:
		check(d.settingsOpen(), settingsKey)
		prefix = settingsKey + "/"
	case KindDevcontainer:
		open := d.root
		for i, k := range devcontainerPath {
			_, m := d.lastMember(open, k)
			if m == nil {
				break
			}
			open = int(m.valStart)
			check(open, strings.Join(devcontainerPath[:i+1], "/"))
		}
		prefix = strings.Join(devcontainerPath, "/") + "/"
	}
	check(d.colorsOpen(), prefix+ColorCustomizationsKey)
	return out
}

// errInternal reports an edit that produced text that does not parse; the
// edit is rolled back.
var errInternal = errors.New("internal error: the edit produced invalid JSONC and was not applied")
