package workspace

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, path, src string) *Document {
	t.Helper()
	d, err := Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAccessors(t *testing.T) {
	src := "\ufeff{\n\t\"folders\": [],\n\t\"settings\": {\n\t\t\"peacock.color\": \"#123\",\n\t\t\"n\": 2.50,\n\t\t\"workbench.colorCustomizations\": {\n\t\t\t\"[Dark]\": {\"x\": \"#000\"},\n\t\t\t\"statusBar.background\": \"#111111\"\n\t\t}\n\t}\n}\n"
	d := mustParse(t, "/p/team.code-workspace", src)
	if d.Kind() != KindWorkspace || d.Path() != "/p/team.code-workspace" || d.Kind().String() != "workspace" {
		t.Errorf("kind/path: %v %s", d.Kind(), d.Path())
	}
	if !bytes.Equal(d.Bytes(), []byte(src)) {
		t.Errorf("Bytes() does not give the input back")
	}
	if v, ok := d.Setting(ColorKey); !ok || v != "#123" {
		t.Errorf("Setting = %v, %v", v, ok)
	}
	if _, ok := d.Setting("folders"); ok {
		t.Errorf("a top-level member was read as a setting")
	}
	want := map[string]any{
		"peacock.color": "#123",
		"n":             2.5,
		"workbench.colorCustomizations": map[string]any{
			"[Dark]":               map[string]any{"x": "#000"},
			"statusBar.background": "#111111",
		},
	}
	if got := d.Settings(); !reflect.DeepEqual(got, want) {
		t.Errorf("Settings = %v", got)
	}
	cc := d.ColorCustomizations()
	if len(cc) != 2 || cc[0].Key != "[Dark]" || cc[1] != (Member{"statusBar.background", "#111111"}) {
		t.Errorf("ColorCustomizations = %v", cc)
	}
	if len(d.Warnings()) != 0 || len(d.DuplicateKeys()) != 0 {
		t.Errorf("unexpected warnings")
	}

	// Setting the same value (equal as JSON) changes nothing.
	if err := d.SetSetting("n", 2.5); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(d.Bytes(), []byte(src)) {
		t.Errorf("SetSetting of an equal number rewrote it:\n%s", d.Bytes())
	}
	if err := d.RemoveSetting("absent"); err != nil || !bytes.Equal(d.Bytes(), []byte(src)) {
		t.Errorf("RemoveSetting of an absent key: %v", err)
	}

	empty := mustParse(t, "settings.json", "")
	if len(empty.Settings()) != 0 || empty.ColorCustomizations() != nil || empty.Kind() != KindSettings {
		t.Errorf("empty document")
	}
	if _, ok := empty.Setting("x"); ok {
		t.Errorf("empty document has a setting")
	}
}

func TestDuplicates(t *testing.T) {
	src := "{\n  \"settings\": {\"a\": 1},\n  \"settings\": {\n    \"peacock.color\": \"#111111\",\n    \"peacock.color\": \"#222222\",\n    \"workbench.colorCustomizations\": {\"k\": \"#1\", \"k\": \"#2\"}\n  }\n}\n"
	d := mustParse(t, "w.code-workspace", src)
	want := []Duplicate{
		{Key: "settings", Object: "", Line: 3, Column: 3},
		{Key: "peacock.color", Object: "settings", Line: 5, Column: 5},
		{Key: "k", Object: "settings/workbench.colorCustomizations", Line: 6, Column: 50},
	}
	if got := d.DuplicateKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("DuplicateKeys = %+v", got)
	}
	w := d.Warnings()
	if len(w) != 3 || w[1] != `w.code-workspace: line 5, column 5: duplicate key "peacock.color" in settings; VS Code reads the last one, and peacock edits that one` {
		t.Errorf("Warnings = %q", w)
	}
	if v, _ := d.Setting(ColorKey); v != "#222222" {
		t.Errorf("Setting reads %v, not the last duplicate", v)
	}
	// Edits go to the last "settings".
	if err := d.SetSetting(ColorKey, "#333333"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(d.Bytes()), "\"settings\": {\"a\": 1},") || !strings.Contains(string(d.Bytes()), "\"peacock.color\": \"#111111\",\n    \"peacock.color\": \"#333333\"") {
		t.Errorf("edited the wrong duplicate:\n%s", d.Bytes())
	}
	// Removal removes every duplicate.
	if err := d.RemoveSetting(ColorKey); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(d.Bytes()), ColorKey) {
		t.Errorf("a duplicate survived RemoveSetting:\n%s", d.Bytes())
	}
}

// TestDuplicatesManyLines checks the positions of many duplicates, with
// every kind of line break (a lone CR included).
func TestDuplicatesManyLines(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("{")
	var want []Duplicate
	breaks := []string{"\n", "\r\n", "\r"}
	for i := 0; i < 3000; i++ {
		sb.WriteString(breaks[i%3] + "  \"k\": 1,")
		if i > 0 {
			want = append(want, Duplicate{Key: "k", Object: "", Line: i + 2, Column: 3})
		}
	}
	sb.WriteString("\n}\n")
	d := mustParse(t, "settings.json", sb.String())
	if got := d.DuplicateKeys(); !reflect.DeepEqual(got, want) {
		t.Errorf("DuplicateKeys: %d, first %+v; want %d, first %+v", len(got), got[:2], len(want), want[:2])
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		path, src, want string
	}{
		{"s.json", "{\"a\": tru}", `s.json: line 1, column 7: invalid JSONC: invalid literal: tru`},
		{"s.json", "{\n  \"é\": 1 x\n}", `s.json: line 2, column 10: invalid JSONC: invalid character 'x' after object value (expecting ',' or '}')`},
		{"s.json", "\"just a string\"", `s.json: line 1, column 1: top-level value is a string, not an object`},
		{"s.json", "{} {}", `s.json: line 1, column 4: invalid JSONC: invalid character '{' after top-level value`},
		{"s.json", "{,}", `s.json: line 1, column 2: invalid JSONC: invalid character ',' at start of value`},
		{"w.code-workspace", "{\"settings\": []}", `w.code-workspace: line 1, column 14: "settings" is an array, not an object`},
		{"w.code-workspace", "{\"settings\": {\"workbench.colorCustomizations\": \"#fff\"}}", `w.code-workspace: line 1, column 48: "workbench.colorCustomizations" is a string, not an object`},
		{"s.json", "/* never closed", `s.json: line 1, column 1: invalid JSONC: unterminated block comment`},
		// A lone CR ends a line, as in VS Code.
		{"s.json", "{\r  \"a\": 1, // one\r  \"b\" 2\r}", `s.json: line 3, column 7: invalid JSONC: invalid character '2' after object name`},
		{"s.json", "{\"a\": " + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "}", `s.json: line 1, column 10006: objects and arrays nested more than 10000 deep`},
	}
	for _, tc := range tests {
		_, err := Parse(tc.path, []byte(tc.src))
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q):\n got %v\nwant %s", tc.src, err, tc.want)
		}
	}
	// Accepted: a line comment at the very end without a line break, and a
	// "settings" in a settings.json (an ordinary setting there).
	for _, src := range []string{"{} // end", "{\"settings\": 1}", "  \n", "/* c */ // d", "// c\r{}", "{\"a\": " + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + "}"} {
		if _, err := Parse("settings.json", []byte(src)); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
}

func TestNewWorkspaceFile(t *testing.T) {
	// JSON.stringify({folders: [{path: "."}], settings: {}}, null, "\t")
	want := "{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t],\n\t\"settings\": {}\n}"
	if got := string(NewWorkspaceFile()); got != want {
		t.Errorf("got %q", got)
	}
	d := mustParse(t, "new.code-workspace", want)
	if err := applyA(d); err != nil {
		t.Fatal(err)
	}
	if err := resetAll(d); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); got != want {
		t.Errorf("apply+reset on a new workspace file gave %q", got)
	}
}

func TestSetSettingValues(t *testing.T) {
	d := mustParse(t, "settings.json", "{\n  \"a\": 1\n}")
	steps := []struct {
		key   string
		value any
	}{
		{"s", "<&> \"quoted\" ü"},
		{"b", false},
		{"f", 0.1},
		{"nil", nil},
		{"list", []string{"x", "y"}},
		{"empty", map[string]any{}},
		{"a", map[string]any{"z": 1, "y": []any{}}},
	}
	for _, s := range steps {
		if err := d.SetSetting(s.key, s.value); err != nil {
			t.Fatal(err)
		}
	}
	want := "{\n  \"a\": {\n    \"y\": [],\n    \"z\": 1\n  },\n  \"s\": \"<&> \\\"quoted\\\" ü\",\n  \"b\": false,\n  \"f\": 0.1,\n  \"nil\": null,\n  \"list\": [\n    \"x\",\n    \"y\"\n  ],\n  \"empty\": {}\n}"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if err := d.SetSetting("bad", func() {}); err == nil || !strings.HasPrefix(err.Error(), `settings.json: setting "bad": `) {
		t.Errorf("err = %v", err)
	}
}

func TestIndentGuess(t *testing.T) {
	for _, tc := range []struct {
		src  string
		kind Kind
		tabs bool
		w    int
	}{
		{"", KindWorkspace, true, 4},
		{"", KindSettings, false, 4},
		{"{\n  \"a\": {\n    \"b\": 1\n  }\n}", KindWorkspace, false, 2},
		{"{\n\t\"a\": 1\n}", KindSettings, true, 4},
		{"{\n   \"a\": {\n      \"b\": 1\n   }\n}", KindSettings, false, 3},
	} {
		st := guessStyle([]byte(tc.src), tc.kind)
		if st.tabs != tc.tabs || st.width != tc.w {
			t.Errorf("guessStyle(%q) = tabs %v width %d", tc.src, st.tabs, st.width)
		}
	}
}

// TestBuffers checks the sharing rules: Parse never writes to its input,
// and a slice from Bytes keeps its content through later edits (each
// edit after Parse or Bytes works on a copy).
func TestBuffers(t *testing.T) {
	for _, src := range []string{"{\n    \"a\": 1\n}\n", "\ufeff{\"a\": 1}", "", "// c"} {
		data := []byte(src)
		d2, err := Parse("settings.json", data)
		if err != nil {
			t.Fatal(err)
		}
		before := d2.Bytes()
		if err := applyA(d2); err != nil {
			t.Fatal(err)
		}
		applied := d2.Bytes()
		if err := resetAll(d2); err != nil {
			t.Fatal(err)
		}
		if string(data) != src || string(before) != src {
			t.Errorf("%q: an edit wrote to the input: %q, %q", src, data, before)
		}
		if d3 := mustParse(t, "settings.json", string(applied)); !bytes.Equal(d3.Bytes(), applied) || bytes.Equal(applied, d2.Bytes()) {
			t.Errorf("%q: the applied text changed after reset: %q", src, applied)
		}
	}
}

func TestSettingsWithPrefix(t *testing.T) {
	src := "{\n  \"peacock.color\": \"#111111\", // old\n  \"editor.x\": {\"a\": [1, 2,],},\n  \"peacock\\u002eremoteColor\": \"#222\",\n  \"peacock.color\": \"#333333\",\n  \"peacock.affectActivityBar\": false,\n  \"peacockish\": 1,\n  \"peacock.n\": 2.5e1,\n  \"peacock.o\": {/* c */ \"k\": null,}\n}\n"
	d := mustParse(t, "settings.json", src)
	want := map[string]any{
		"peacock.color":             "#333333",
		"peacock.remoteColor":       "#222",
		"peacock.affectActivityBar": false,
		"peacock.n":                 25.0,
		"peacock.o":                 map[string]any{"k": nil},
	}
	if got := d.SettingsWithPrefix("peacock."); !reflect.DeepEqual(got, want) {
		t.Errorf("SettingsWithPrefix = %v", got)
	}
	all := d.Settings()
	for k, v := range want {
		if !reflect.DeepEqual(all[k], v) {
			t.Errorf("Settings()[%q] = %v, want %v", k, all[k], v)
		}
	}
	if len(all) != len(want)+2 || !reflect.DeepEqual(all["editor.x"], map[string]any{"a": []any{1.0, 2.0}}) {
		t.Errorf("Settings = %v", all)
	}
	if got := mustParse(t, "w.code-workspace", "{}").SettingsWithPrefix("peacock."); len(got) != 0 || got == nil {
		t.Errorf("no settings: %v", got)
	}
}

// TestDuplicatesOneLine: positions on one long line (a minified file) and
// across objects are right, and Warnings lists the first few, then a count.
func TestDuplicatesOneLine(t *testing.T) {
	src := `{"a":1,"a":2,"é":0,"é":1,` + "\n" + ` "workbench.colorCustomizations":{"x":"#fff","x":"#000","x":"#111","x":"#222","x":"#333","x":"#444","x":"#555"},"b":1,"b":2}`
	d, err := Parse("settings.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, dup := range d.DuplicateKeys() {
		got = append(got, fmt.Sprintf("%s %s %d:%d", dup.Object, dup.Key, dup.Line, dup.Column))
	}
	// Columns count characters (é is one), as lineCol does.
	want := []string{" a 1:8", " é 1:20", " b 2:119", "workbench.colorCustomizations x 2:46", "workbench.colorCustomizations x 2:57",
		"workbench.colorCustomizations x 2:68", "workbench.colorCustomizations x 2:79", "workbench.colorCustomizations x 2:90", "workbench.colorCustomizations x 2:101"}

	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("duplicates:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	w := d.Warnings()
	if len(w) != MaxDuplicateWarnings+1 || w[MaxDuplicateWarnings] != "settings.json: 4 more duplicate keys not listed" {
		t.Errorf("warnings: %q", w)
	}
}
