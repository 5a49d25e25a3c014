package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

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
)

// String returns "workspace" or "settings".
func (k Kind) String() string {
	if k == KindWorkspace {
		return "workspace"
	}
	return "settings"
}

// KindOf returns the kind of the file at path, by its name: a name ending
// in ".code-workspace" (in any case) is KindWorkspace, anything else
// KindSettings.
func KindOf(path string) Kind {
	if strings.HasSuffix(strings.ToLower(filepath.Base(path)), ".code-workspace") {
		return KindWorkspace
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

// Error returns "workspace: PATH: line L, column C: MSG".
func (e *ParseError) Error() string {
	return fmt.Sprintf("workspace: %s: line %d, column %d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Document is a parsed settings-bearing JSONC file. All edits are byte
// splices on the original text; after each edit the text is parsed again.
// A Document is not safe for concurrent use.
type Document struct {
	path string
	kind Kind
	bom  bool
	src  []byte        // the text without the BOM
	view []byte        // src with each lone CR turned into LF (same offsets)
	root *hujson.Value // nil when the file is empty or only comments
	dups []Duplicate
}

// Parse parses data, the content of the file at path, whose name gives the
// Kind (see KindOf). A UTF-8 byte order mark is stripped and restored by
// Bytes. Empty or comment-only content is an empty settings object (the
// comments are kept). Parse refuses, with a *ParseError, binary content (NUL
// bytes, invalid UTF-8, UTF-16), text that is not valid JSONC (JSON with
// comments and trailing commas), objects and arrays nested more than 10000
// deep, a top-level value that is not an object, a
// "settings" member that is not an object (workspace files), and a
// workbench.colorCustomizations setting that is not an object. Duplicate keys
// are accepted and reported by DuplicateKeys and Warnings.
func Parse(path string, data []byte) (*Document, error) {
	return parseKind(path, KindOf(path), data)
}

func parseKind(path string, kind Kind, data []byte) (*Document, error) {
	d := &Document{path: path, kind: kind}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, &ParseError{Path: path, Line: 1, Column: 1, Msg: "file is UTF-16 encoded; save it as UTF-8"}
	}
	if bytes.HasPrefix(data, utf8BOM) {
		d.bom = true
		data = data[len(utf8BOM):]
	}
	d.src = append([]byte(nil), data...)
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
	if off, ok := checkDepth(d.view); !ok {
		return nil, d.errAt(off, fmt.Sprintf("objects and arrays nested more than %d deep", maxDepth))
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
// does: deeper text would overflow the stack of the (recursive) parser.
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

// reparse parses d.src and checks the structure along the edited path.
func (d *Document) reparse() error {
	d.root = nil
	d.view = lineView(d.src)
	src := d.view
	p, err := skipTrivia(src, 0)
	if err != nil {
		return d.errAt(p, err.Error())
	}
	if p == len(src) {
		return nil // empty or only comments: an empty object
	}
	v, err := hujson.Parse(src)
	if err != nil && !bytes.HasSuffix(src, []byte("\n")) {
		// hujson wants a line comment to end with a line break; VS Code
		// accepts one at the very end of the file.
		if v2, err2 := hujson.Parse(append(append([]byte(nil), src...), '\n')); err2 == nil {
			v, err = v2, nil
		}
	}
	if err != nil {
		return d.hujsonError(err)
	}
	if v.Value.Kind() != '{' {
		return d.errAt(v.StartOffset, "top-level value is "+kindName(v.Value.Kind())+", not an object")
	}
	d.root = &v
	if d.kind == KindWorkspace {
		_, s := lastMember(d.root, settingsKey)
		if s != nil && s.Value.Kind() != '{' {
			return d.errAt(s.StartOffset, `"settings" is `+kindName(s.Value.Kind())+", not an object")
		}
	}
	if s := d.settingsValue(); s != nil {
		_, c := lastMember(s, ColorCustomizationsKey)
		if c != nil && c.Value.Kind() != '{' {
			return d.errAt(c.StartOffset, `"`+ColorCustomizationsKey+`" is `+kindName(c.Value.Kind())+", not an object")
		}
	}
	return nil
}

func kindName(k hujson.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 'f', 't':
		return "a boolean"
	case '"':
		return "a string"
	case '0':
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
	line, col := lineCol(d.view, off)
	return &ParseError{Path: d.path, Line: line, Column: col, Msg: msg}
}

// lineCol returns the 1-based line and character column of offset off in
// src (a line view: line breaks end with LF).
func lineCol(src []byte, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}

// Path returns the path given to Parse.
func (d *Document) Path() string { return d.path }

// Kind returns the kind of the document.
func (d *Document) Kind() Kind { return d.kind }

// Bytes returns the current content, with the byte order mark restored if
// the file had one.
func (d *Document) Bytes() []byte {
	out := make([]byte, 0, len(utf8BOM)+len(d.src))
	if d.bom {
		out = append(out, utf8BOM...)
	}
	return append(out, d.src...)
}

// settingsValue returns the object holding the settings, or nil when there
// is none yet (an empty file, or a workspace file without "settings").
func (d *Document) settingsValue() *hujson.Value {
	if d.root == nil {
		return nil
	}
	if d.kind == KindSettings {
		return d.root
	}
	_, v := lastMember(d.root, settingsKey)
	return v
}

// colorsValue returns the workbench.colorCustomizations object, or nil.
func (d *Document) colorsValue() *hujson.Value {
	s := d.settingsValue()
	if s == nil {
		return nil
	}
	_, v := lastMember(s, ColorCustomizationsKey)
	return v
}

// lastMember returns the index and value of the last member named key in
// the object obj, or -1 and nil.
func lastMember(obj *hujson.Value, key string) (int, *hujson.Value) {
	o, ok := obj.Value.(*hujson.Object)
	if !ok {
		return -1, nil
	}
	for i := len(o.Members) - 1; i >= 0; i-- {
		if memberKey(o.Members[i]) == key {
			return i, &o.Members[i].Value
		}
	}
	return -1, nil
}

// memberKey returns the name of m, unescaped (VS Code reads
// "workbench\u002ecolorCustomizations" as workbench.colorCustomizations).
func memberKey(m hujson.ObjectMember) string {
	if lit, ok := m.Name.Value.(hujson.Literal); ok {
		if len(lit) >= 2 && lit[0] == '"' && bytes.IndexByte(lit, '\\') < 0 {
			return string(lit[1 : len(lit)-1]) // nothing to unescape
		}
		return lit.String()
	}
	return ""
}

// decode returns the value v decoded with encoding/json.
func decode(v *hujson.Value) any {
	c := v.Clone()
	c.BeforeExtra, c.AfterExtra = nil, nil
	c.Standardize()
	var out any
	if err := json.Unmarshal(c.Pack(), &out); err != nil {
		return nil
	}
	return out
}

// Setting returns the decoded value of a setting (in "settings" for a
// workspace file) and whether it is set. With duplicate keys the last one
// wins, as in VS Code.
func (d *Document) Setting(key string) (any, bool) {
	s := d.settingsValue()
	if s == nil {
		return nil, false
	}
	_, v := lastMember(s, key)
	if v == nil {
		return nil, false
	}
	return decode(v), true
}

// Settings returns all settings decoded with encoding/json (the last of
// duplicate keys wins). It returns an empty map when there are none.
func (d *Document) Settings() map[string]any {
	out := map[string]any{}
	s := d.settingsValue()
	if s == nil {
		return out
	}
	for _, m := range s.Value.(*hujson.Object).Members {
		out[memberKey(m)] = decode(&m.Value)
	}
	return out
}

// ColorCustomizations returns the members of workbench.colorCustomizations
// in file order, duplicates included; nil when the setting is absent.
func (d *Document) ColorCustomizations() []Member {
	c := d.colorsValue()
	if c == nil {
		return nil
	}
	var out []Member
	for _, m := range c.Value.(*hujson.Object).Members {
		out = append(out, Member{Key: memberKey(m), Value: decode(&m.Value)})
	}
	return out
}

// DuplicateKeys returns the duplicate keys found by Parse along the edited
// path: the root object, the settings object and
// workbench.colorCustomizations. Each occurrence after the first is listed.
func (d *Document) DuplicateKeys() []Duplicate {
	return append([]Duplicate(nil), d.dups...)
}

// Warnings returns human-readable warnings about the parsed file, such as
// duplicate keys.
func (d *Document) Warnings() []string {
	var out []string
	for _, dup := range d.dups {
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
	// Line numbers of the duplicates, counted incrementally: the members
	// of each object come in file order, and a file may hold many.
	var breaks []int
	for i, c := range d.view {
		if c == '\n' {
			breaks = append(breaks, i)
		}
	}
	pos := func(off int) (int, int) {
		n := sort.SearchInts(breaks, off) // line breaks before off
		start := 0
		if n > 0 {
			start = breaks[n-1] + 1
		}
		return n + 1, 1 + utf8.RuneCount(d.view[start:off])
	}
	check := func(obj *hujson.Value, name string) {
		if obj == nil {
			return
		}
		seen := map[string]bool{}
		for _, m := range obj.Value.(*hujson.Object).Members {
			k := memberKey(m)
			if seen[k] {
				line, col := pos(m.Name.StartOffset)
				out = append(out, Duplicate{Key: k, Object: name, Line: line, Column: col})
			}
			seen[k] = true
		}
	}
	check(d.root, "")
	prefix := ""
	if d.kind == KindWorkspace {
		check(d.settingsValue(), settingsKey)
		prefix = settingsKey + "/"
	}
	check(d.colorsValue(), prefix+ColorCustomizationsKey)
	return out
}

// errInternal reports an edit that produced text that does not parse; the
// edit is rolled back.
var errInternal = errors.New("internal error: the edit produced invalid JSONC and was not applied")
