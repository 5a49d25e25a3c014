package themes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/internal/textpos"
	"github.com/peacock-cli/peacock/palette"
	"github.com/tidwall/jsonc"
)

// MaxFileSize is the largest theme file LoadDir reads, 1 MiB.
const MaxFileSize = 1 << 20

// LoadError reports a theme file LoadDir skipped. Line and Column (1-based;
// the column counts characters) give the position of the problem in the
// file; both are 0 when the problem is the file as a whole, such as one that
// cannot be read. Err is the underlying error, if any: a *json.SyntaxError,
// an error wrapping palette.ErrInvalidColor or an I/O error.
type LoadError struct {
	Path   string
	Line   int
	Column int
	Msg    string
	Err    error
}

// Error returns "PATH: line L, column C: MSG", or "PATH: MSG"
// without a position.
func (e *LoadError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s: line %d, column %d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Unwrap returns Err.
func (e *LoadError) Unwrap() error { return e.Err }

// LoadDir reads the user themes in dir: every file whose name ends in
// ".json" (in any case) and does not start with ".", in name order, each
// read with read. Each file holds one theme (see the package doc). A file
// that cannot be read or is not a valid theme gives one *LoadError in
// problems and is skipped; so is a theme whose name an earlier file
// already took. A missing dir gives no themes and no problems.
//
// read must refuse what is not a regular file without blocking (a FIFO),
// and bound what it reads (MaxFileSize is the limit for a theme):
// workspace.ReadFileLimit does both, and is what peacock passes.
func LoadDir(dir string, read func(path string) ([]byte, error)) (themes []Theme, problems []error) {
	return loader{readFile: read}.loadDir(dir)
}

// loader holds LoadDir's file reader.
type loader struct {
	readFile func(path string) ([]byte, error)
}

func (l loader) loadDir(dir string) ([]Theme, []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		// A file where the directory should be is a mistake to report,
		// on every system: Windows says a file is not found when it is
		// opened as a directory, Linux that it is not a directory.
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return nil, []error{&LoadError{Path: dir, Msg: "cannot read directory: it is a file"}}
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var (
		out      []Theme
		problems []error
	)
	if err != nil {
		// ReadDir may return some entries with the error; report the error
		// and load what it listed.
		problems = append(problems, &LoadError{Path: dir, Msg: "cannot read directory: " + errText(err), Err: err})
	}
	seen := make(map[string]string)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".json") {
			continue
		}
		p := filepath.Join(dir, name)
		src, err := l.readFile(p)
		if err != nil {
			problems = append(problems, &LoadError{Path: p, Msg: strings.TrimPrefix(errText(err), p+" "), Err: err})
			continue
		}
		pt, err := parseTheme(src, p)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		k := Key(pt.theme.Name)
		if prev, dup := seen[k]; dup {
			problems = append(problems, pt.errAt(pt.nameOff, fmt.Sprintf("theme name %q is already taken by %s", pt.theme.Name, prev), nil))
			continue
		}
		seen[k] = p
		pt.theme.User = true
		pt.theme.Path = p
		out = append(out, pt.theme)
	}
	return out, problems
}

// errText is err's message without the path an *fs.PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// parsed is a theme parsed from one file, with the offset of its name for
// later errors about the file as a whole.
type parsed struct {
	theme   Theme
	nameOff int
	*parser
}

// parser walks one theme file token by token, keeping the byte offset at
// which each token starts so that every error has a position.
type parser struct {
	path string
	text []byte // the file without a leading byte order mark: positions
	src  []byte // text with comments and trailing commas blanked: parsed
	dec  *json.Decoder
}

var utf8BOM = []byte("\ufeff")

// parseTheme parses and validates one theme file; path is used in errors
// only. The error is a *LoadError.
func parseTheme(src []byte, path string) (res parsed, err error) {
	text := bytes.TrimPrefix(src, utf8BOM)
	// tidwall/jsonc turns each comment and trailing comma into spaces,
	// keeping every other byte and line break where it was, so an offset
	// in src is the same offset in text.
	p := &parser{path: path, text: text, src: jsonc.ToJSON(text)}
	res.parser = p
	// The standard decoder's Token method gives unreliable offsets for
	// syntax errors, so check the syntax first with Unmarshal, whose
	// SyntaxError.Offset is one past the offending byte. After that, the
	// walk below meets only well-formed JSON.
	var raw json.RawMessage
	if err := json.Unmarshal(p.src, &raw); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return res, p.errAt(0, errText(err), err)
		}
		off := int(se.Offset) - 1
		if off < 0 || strings.HasPrefix(se.Error(), "unexpected end") {
			off = int(se.Offset)
		}
		return res, p.errAt(off, "syntax error: "+se.Error(), err)
	}
	p.dec = json.NewDecoder(bytes.NewReader(p.src))
	p.dec.UseNumber()
	defer func() {
		if r := recover(); r != nil {
			te, ok := r.(tokenError)
			if !ok {
				panic(r)
			}
			err = p.errAt(te.off, errText(te.err), te.err)
		}
	}()

	objOff, tok := p.next()
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return res, p.errAt(objOff, "want a theme object, got "+kind(tok), nil)
	}
	var (
		t                  Theme
		haveName, haveCols bool
		seenKeys           = map[string]bool{}
	)
	for {
		keyOff, tok := p.next()
		if d, ok := tok.(json.Delim); ok && d == '}' {
			break
		}
		key := tok.(string)
		if seenKeys[key] {
			return res, p.errAt(keyOff, fmt.Sprintf("duplicate key %q", key), nil)
		}
		seenKeys[key] = true
		var err error
		switch key {
		case "name":
			var off int
			off, t.Name, err = p.str(`"name"`)
			if err != nil {
				return res, err
			}
			if err := p.checkName(off, "theme", t.Name); err != nil {
				return res, err
			}
			res.nameOff, haveName = off, true
		case "source":
			_, t.Source, err = p.str(`"source"`)
		case "license":
			_, t.License, err = p.str(`"license"`)
		case "colors":
			t.Colors, err = p.colors()
			haveCols = true
		default:
			p.skip()
		}
		if err != nil {
			return res, err
		}
	}
	switch {
	case !haveName:
		return res, p.errAt(objOff, `missing "name"`, nil)
	case !haveCols:
		return res, p.errAt(objOff, `missing "colors"`, nil)
	}
	res.theme = t
	return res, nil
}

// next returns the next token and the offset at which it starts. The
// input is well-formed and numbers stay text (UseNumber), so Token should
// not fail; if it does, next panics with a tokenError, which parseTheme
// turns into a *LoadError, the way encoding/json's decoder unwinds.
func (p *parser) next() (int, json.Token) {
	off := p.tokenStart(int(p.dec.InputOffset()))
	tok, err := p.dec.Token()
	if err != nil {
		panic(tokenError{off, err})
	}
	return off, tok
}

type tokenError struct {
	off int
	err error
}

// tokenStart skips the white space and the one ':' or ',' that the decoder
// has not consumed yet before the token that follows off.
func (p *parser) tokenStart(off int) int {
	sep := false
	for off < len(p.src) {
		switch c := p.src[off]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case (c == ':' || c == ',') && !sep:
			sep = true
		default:
			return off
		}
		off++
	}
	return off
}

// skip consumes the value that follows, whatever it is.
func (p *parser) skip() {
	depth := 0
	for {
		_, tok := p.next()
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
		if depth == 0 {
			return
		}
	}
}

// str reads a string value; label names it in errors.
func (p *parser) str(label string) (int, string, error) {
	return p.strf(func() string { return label })
}

// strf is str with a label built only for an error.
func (p *parser) strf(label func() string) (int, string, error) {
	off, tok := p.next()
	s, ok := tok.(string)
	if !ok {
		return off, "", p.errAt(off, label()+": want a string, got "+kind(tok), nil)
	}
	return off, s, nil
}

// checkName reports an empty name or one that holds "/".
func (p *parser) checkName(off int, what, name string) error {
	switch {
	case Key(name) == "":
		return p.errAt(off, what+" name is empty", nil)
	case strings.Contains(name, "/"):
		return p.errAt(off, fmt.Sprintf("%s name %q contains \"/\"", what, name), nil)
	}
	return nil
}

// colors reads the "colors" array.
func (p *parser) colors() ([]Color, error) {
	off, tok := p.next()
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, p.errAt(off, `"colors": want an array, got `+kind(tok), nil)
	}
	var out []Color
	names := map[string]int{} // key -> offset of the first name
	for i := 0; ; i++ {
		off, tok := p.next()
		if d, ok := tok.(json.Delim); ok && d == ']' {
			break
		}
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return nil, p.errAt(off, fmt.Sprintf(`"colors"[%d]: want an object, got %s`, i, kind(tok)), nil)
		}
		c, nameOff, err := p.color(i, off)
		if err != nil {
			return nil, err
		}
		k := Key(c.Name)
		if first, dup := names[k]; dup {
			line, col := textpos.LineCol(p.text, first)
			return nil, p.errAt(nameOff, fmt.Sprintf("duplicate color name %q (the same name as line %d, column %d)", c.Name, line, col), nil)
		}
		names[k] = nameOff
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, p.errAt(off, `"colors" is empty`, nil)
	}
	return out, nil
}

// color reads the object of colors[i], whose "{" is at objOff, and returns
// it with the offset of its name.
func (p *parser) color(i, objOff int) (Color, int, error) {
	var (
		c                   Color
		nameOff, valueOff   int
		haveName, haveValue bool
		seenKeys            = map[string]bool{}
	)
	for {
		keyOff, tok := p.next()
		if d, ok := tok.(json.Delim); ok && d == '}' {
			break
		}
		key := tok.(string)
		if seenKeys[key] {
			return c, 0, p.errAt(keyOff, fmt.Sprintf(`"colors"[%d]: duplicate key %q`, i, key), nil)
		}
		seenKeys[key] = true
		var err error
		field := func() string { return fmt.Sprintf(`"colors"[%d].%s`, i, key) }
		switch key {
		case "name":
			nameOff, c.Name, err = p.strf(field)
			haveName = true
		case "value":
			valueOff, c.Value, err = p.strf(field)
			haveValue = true
		case "source":
			_, c.Source, err = p.strf(field)
		default:
			p.skip()
		}
		if err != nil {
			return c, 0, err
		}
	}
	switch {
	case !haveName:
		return c, 0, p.errAt(objOff, fmt.Sprintf(`"colors"[%d]: missing "name"`, i), nil)
	case !haveValue:
		return c, 0, p.errAt(objOff, fmt.Sprintf(`"colors"[%d]: missing "value"`, i), nil)
	}
	if err := p.checkName(nameOff, "color", c.Name); err != nil {
		return c, 0, err
	}
	if _, err := palette.Parse(c.Value); err != nil {
		return c, 0, p.errAt(valueOff, fmt.Sprintf("color %q: %s", c.Name, strings.TrimPrefix(err.Error(), "palette: ")), err)
	}
	return c, nameOff, nil
}

// errAt returns a *LoadError at byte offset off of the file.
func (p *parser) errAt(off int, msg string, err error) error {
	line, col := textpos.LineCol(p.text, off)
	return &LoadError{Path: p.path, Line: line, Column: col, Msg: msg, Err: err}
}

// kind names the JSON type of a token for error messages.
func kind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", tok)
}
