package themes

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goodTheme is written by hand, as VS Code's JSON files may be: comments
// and trailing commas.
const goodTheme = `{
	// my colors at work
	"name": "Work",
	"source": "my own", /* "name": "not this" */
	"comment": {"ignored": [1, 2, {"x": null},]},
	"colors": [
		{"name": "Ocean", "value": "#0077BE"},
		{"name": "Sunset", "value": "hsl(20, 90%, 55%)", "source": "a photo"},
		// {"name": "Dusk", "value": "#123456"},
	],
}
`

func TestLoadDirGood(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"work.json":    goodTheme,
		"b.JSON":       `{"name": "b", "colors": [{"name": "x", "value": "oklch(0.7 0.1 200)"}]}`,
		"notes.txt":    "not a theme",
		".hidden.json": "{",
	})
	got, problems := LoadDir(dir, os.ReadFile)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	var names []string
	for _, th := range got {
		names = append(names, th.Name)
		if !th.User || filepath.Dir(th.Path) != dir {
			t.Errorf("theme %q: User %v, Path %q", th.Name, th.User, th.Path)
		}
	}
	if want := []string{"b", "Work"}; !slices.Equal(names, want) {
		t.Fatalf("themes %q, want %q (in file name order)", names, want)
	}
	w := got[1]
	want := []Color{{Name: "Ocean", Value: "#0077BE"}, {Name: "Sunset", Value: "hsl(20, 90%, 55%)", Source: "a photo"}}
	if w.Source != "my own" || !slices.Equal(w.Colors, want) {
		t.Errorf("work = %+v", w)
	}
}

func TestLoadDirMissing(t *testing.T) {
	got, problems := LoadDir(filepath.Join(t.TempDir(), "nope"), os.ReadFile)
	if got != nil || problems != nil {
		t.Errorf("LoadDir(missing) = %v, %v; want nothing", got, problems)
	}
}

func TestLoadDirNotADirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{"f": "x"})
	// The same message on every system (on Windows, opening a file as a
	// directory fails as if nothing were there).
	f := filepath.Join(dir, "f")
	got, problems := LoadDir(f, os.ReadFile)
	if len(got) != 0 || len(problems) != 1 || problems[0].Error() != f+": cannot read directory: it is a file" {
		t.Errorf("LoadDir(file) = %v, %v", got, problems)
	}
}

// TestLoadDirProblems checks the exact message of each kind of bad file; each
// is loaded next to a good file, which must still load.
func TestLoadDirProblems(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string // after "DIR/bad.json: "
	}{
		{"syntax", "{\n\t\"name\": \"x\",\n\t\"colors\": [\n\t\t{\"name\": \"a\" \"value\": \"#fff\"}\n\t]\n}\n",
			`line 4, column 16: syntax error: invalid character '"' after object key:value pair`},
		// Comments and trailing commas are allowed; positions count the
		// characters of the file as written (é is one).
		{"after a comment", "{ /* é */ \"name\": \"x\", // ✓✓\n \"colors\": [],}",
			`line 2, column 12: "colors" is empty`},
		{"syntax after a comment", "// é\n{\"name\": \"x\" \"colors\": []}",
			`line 2, column 14: syntax error: invalid character '"' after object key:value pair`},
		{"unterminated comment", "{\"name\": \"x\", /* no end",
			`line 1, column 15: syntax error: invalid character '/' looking for beginning of object key string`},
		{"truncated", "{\"name\": \"x\",\n \"colors\": [",
			`line 2, column 13: syntax error: unexpected end of JSON input`},
		{"empty file", "",
			`line 1, column 1: syntax error: unexpected end of JSON input`},
		{"characters counted, not bytes", "{\"name\": \"ünï\", \"x\": tru}",
			`line 1, column 25: syntax error: invalid character '}' in literal true (expecting 'e')`},
		{"not an object", "[1]",
			`line 1, column 1: want a theme object, got an array`},
		{"name a number", "{\n  \"name\": 42,\n  \"colors\": []\n}",
			`line 2, column 11: "name": want a string, got a number`},
		{"colors an object", "{\"name\": \"x\", \"colors\": {}}",
			`line 1, column 25: "colors": want an array, got an object`},
		{"color a string", "{\"name\": \"x\", \"colors\": [\"#fff\"]}",
			`line 1, column 26: "colors"[0]: want an object, got a string`},
		{"value a number", "{\"name\": \"x\", \"colors\": [{\"name\": \"a\", \"value\": 255}]}",
			`line 1, column 49: "colors"[0].value: want a string, got a number`},
		{"value null", "{\"name\": \"x\", \"colors\": [{\"name\": \"a\", \"value\": null}]}",
			`line 1, column 49: "colors"[0].value: want a string, got null`},
		{"bad color", "{\"name\": \"x\",\n\"colors\": [\n  {\"name\": \"a\", \"value\": \"#123\"},\n  {\"name\": \"b\", \"value\": \"nonsense\"}\n]}",
			`line 4, column 26: color "b": invalid color "nonsense": not a color name, hex, or rgb()/hsl()/hsv()/oklch() form`},
		{"missing name", "{\n  \"colors\": [{\"name\": \"a\", \"value\": \"red\"}]\n}",
			`line 1, column 1: missing "name"`},
		{"empty name", "{\"name\": \" - \", \"colors\": [{\"name\": \"a\", \"value\": \"red\"}]}",
			`line 1, column 10: theme name is empty`},
		{"slash in name", "{\"name\": \"a/b\", \"colors\": [{\"name\": \"a\", \"value\": \"red\"}]}",
			`line 1, column 10: theme name "a/b" contains "/"`},
		{"missing colors", "{\"name\": \"x\"}",
			`line 1, column 1: missing "colors"`},
		{"empty colors", "{\"name\": \"x\", \"colors\": [ ]}",
			`line 1, column 25: "colors" is empty`},
		{"missing color name", "{\"name\": \"x\", \"colors\": [\n  {\"value\": \"red\"}]}",
			`line 2, column 3: "colors"[0]: missing "name"`},
		{"missing color value", "{\"name\": \"x\", \"colors\": [\n  {\"name\": \"a\"}]}",
			`line 2, column 3: "colors"[0]: missing "value"`},
		{"empty color name", "{\"name\": \"x\", \"colors\": [{\"name\": \"\", \"value\": \"red\"}]}",
			`line 1, column 35: color name is empty`},
		{"slash in color name", "{\"name\": \"x\", \"colors\": [{\"name\": \"a/b\", \"value\": \"red\"}]}",
			`line 1, column 35: color name "a/b" contains "/"`},
		{"duplicate color names", "{\"name\": \"x\", \"colors\": [\n  {\"name\": \"Vue Green\", \"value\": \"#42b883\"},\n  {\"name\": \"vue_green\", \"value\": \"#42b884\"}\n]}",
			`line 3, column 12: duplicate color name "vue_green" (the same name as line 2, column 12)`},
		{"duplicate key", "{\"name\": \"x\", \"name\": \"y\", \"colors\": []}",
			`line 1, column 15: duplicate key "name"`},
		{"duplicate color key", "{\"name\": \"x\", \"colors\": [{\"name\": \"a\", \"value\": \"red\", \"value\": \"blue\"}]}",
			`line 1, column 56: "colors"[0]: duplicate key "value"`},
		{"byte order mark and CRLF", "\ufeff{\r\n\"name\": 1}",
			`line 2, column 9: "name": want a string, got a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"bad.json": tt.content, "good.json": goodTheme})
			got, problems := LoadDir(dir, os.ReadFile)
			if len(got) != 1 || got[0].Name != "Work" {
				t.Errorf("themes = %v, want the good one", got)
			}
			if len(problems) != 1 {
				t.Fatalf("problems = %v, want 1", problems)
			}
			want := "" + filepath.Join(dir, "bad.json") + ": " + tt.want
			if problems[0].Error() != want {
				t.Errorf("problem\n got %s\nwant %s", problems[0], want)
			}
			var le *LoadError
			if !errors.As(problems[0], &le) || le.Path != filepath.Join(dir, "bad.json") {
				t.Errorf("problem %T %v is not a *LoadError with the path", problems[0], problems[0])
			}
		})
	}
}

func TestLoadDirBadColorWraps(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bad.json": `{"name": "x", "colors": [{"name": "a", "value": "#12"}]}`})
	_, problems := LoadDir(dir, os.ReadFile)
	if len(problems) != 1 || !errors.Is(problems[0], palette.ErrInvalidColor) {
		t.Errorf("problems = %v, want one wrapping palette.ErrInvalidColor", problems)
	}
}

func TestLoadDirDuplicateThemeNames(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json": `{"name": "Work", "colors": [{"name": "a", "value": "red"}]}`,
		"b.json": `{"name": "work", "colors": [{"name": "b", "value": "blue"}]}`,
	})
	got, problems := LoadDir(dir, os.ReadFile)
	if len(got) != 1 || got[0].Colors[0].Name != "a" {
		t.Errorf("themes = %v, want a.json's", got)
	}
	want := "" + filepath.Join(dir, "b.json") + `: line 1, column 10: theme name "work" is already taken by ` + filepath.Join(dir, "a.json")
	if len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("problems = %v\nwant %s", problems, want)
	}
}

// TestLoadDirReader checks that LoadDir reads through its reader, and that a
// read error is reported with the path and skipped.
func TestLoadDirReader(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.json": "", "b.json": ""})
	got, problems := LoadDir(dir, func(p string) ([]byte, error) {
		if filepath.Base(p) == "a.json" {
			return nil, &os.PathError{Op: "open", Path: p, Err: os.ErrPermission}
		}
		return []byte(goodTheme), nil
	})
	want := "" + filepath.Join(dir, "a.json") + ": open: permission denied"
	if len(got) != 1 || len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("loadDir = %v, %v; want b's theme and %s", got, problems, want)
	}
	if !errors.Is(problems[0], os.ErrPermission) {
		t.Errorf("problem does not wrap the read error")
	}
}

// TestLoadDirMergeShadows loads a user theme named like a built-in one and
// checks that Merge puts it in the built-in one's place.
func TestLoadDirMergeShadows(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"nord.json": `{"name": "Nord", "colors": [{"name": "nord8", "value": "#123456"}]}`,
	})
	user, problems := LoadDir(dir, os.ReadFile)
	if len(problems) != 0 {
		t.Fatal(problems)
	}
	builtin, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	all := Merge(builtin, user)
	if len(all) != len(builtin) {
		t.Errorf("Merge: %d themes, want %d", len(all), len(builtin))
	}
	th, ok := Lookup(all, "nord")
	if !ok || !th.User || len(th.Colors) != 1 {
		t.Errorf("Lookup(nord) = %+v, want the user's", th)
	}
	m, err := Resolve(all, "nord8")
	if err != nil || m.Parsed.Hex() != "#123456" {
		t.Errorf("Resolve(nord8) = %s %s, %v; want the user's #123456", m, m.Parsed.Hex(), err)
	}
	if _, err := Resolve(all, "nord11"); err == nil {
		t.Errorf("Resolve(nord11) found the shadowed built-in color")
	}
}
