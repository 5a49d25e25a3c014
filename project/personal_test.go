package project

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// personalInputs are the files Personalize and Depersonalize are held to:
// the workspace package's golden inputs and the shared real-world files.
func personalInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{
		"empty.code-workspace":      {},
		"nosettings.code-workspace": []byte("{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t]\n}"),
		"settings.json":             []byte("{\n    \"editor.tabSize\": 2\n}\n"),
		"crlf.settings.json":        []byte("{\r\n  // team\r\n  \"peacock.color\": \"#123456\",\r\n  \"editor.tabSize\": 2\r\n}\r\n"),
	}
	globs := []string{filepath.Join("..", "workspace", "testdata", "*.input.jsonc"), filepath.Join("..", "..", "shared", "testdata", "real-world", "*")}
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f)
			if strings.HasSuffix(name, ".jsonc") {
				name = strings.TrimSuffix(name, ".jsonc") + ".json"
			}
			in[name] = data
		}
	}
	return in
}

func TestDepersonalizeGivesBackTeamBytes(t *testing.T) {
	p := &Project{User: map[string]any{}}
	c, err := PersonalChoice("#ff1493")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, team := range personalInputs(t) {
		mine, err := p.Personalize(name, team, c)
		if err != nil {
			continue // a file that does not parse: smudge leaves it alone
		}
		n++
		if bytes.Equal(mine, team) {
			t.Errorf("%s: Personalize changed nothing", name)
		}
		if got := p.Depersonalize(name, mine, team, c); !bytes.Equal(got, team) {
			t.Errorf("%s: Depersonalize(Personalize(team)) is not team:\n%s", name, got)
		}
		again, _ := p.Personalize(name, mine, c)
		if !bytes.Equal(again, mine) {
			t.Errorf("%s: Personalize is not idempotent", name)
		}
		if bytes.HasPrefix(team, []byte("\xef\xbb\xbf")) {
			continue // nothing goes before a byte order mark
		}
		// A hand edit at the top of the file (a comment line before the
		// root object) is kept, and only it.
		edited := append([]byte("// mine\n"), mine...)
		want := append([]byte("// mine\n"), team...)
		if got := p.Depersonalize(name, edited, team, c); !bytes.Equal(got, want) {
			t.Errorf("%s: an edit before the colors is not carried over:\n%s", name, got)
		}
		edited = append(append([]byte(nil), mine...), "\n// end\n"...)
		want = append(append([]byte(nil), team...), "\n// end\n"...)
		if got := p.Depersonalize(name, edited, team, c); !bytes.Equal(got, want) {
			t.Errorf("%s: an edit after the colors is not carried over:\n%s", name, got)
		}
	}
	if n < 20 {
		t.Fatalf("only %d inputs parsed", n)
	}
}

func TestDepersonalizeUntracked(t *testing.T) {
	p := &Project{User: map[string]any{}}
	c, _ := PersonalChoice("#ff1493")
	orig := []byte("{\n  \"editor.tabSize\": 2\n}\n")
	mine, err := p.Personalize("settings.json", orig, c)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Depersonalize("settings.json", mine, nil, c); !bytes.Equal(got, orig) {
		t.Errorf("untracked: got\n%s", got)
	}
}

// TestDepersonalizeCRLF: git gives the filter CRLF line ends where it
// stores LF (core.autocrlf); clean must give back the CRLF form of git's
// bytes, which git then stores as they were.
func TestDepersonalizeCRLF(t *testing.T) {
	p := &Project{User: map[string]any{}}
	c, _ := PersonalChoice("#ff1493")
	n := 0
	for name, team := range personalInputs(t) {
		if len(team) == 0 || bytes.Contains(team, []byte("\r")) {
			continue
		}
		work := bytes.ReplaceAll(team, []byte("\n"), []byte("\r\n"))
		mine, err := p.Personalize(name, work, c)
		if err != nil {
			continue
		}
		n++
		if got := p.Depersonalize(name, mine, team, c); !bytes.Equal(got, work) {
			t.Errorf("%s: got\n%q\nwant\n%q", name, got, work)
		}
	}
	if n < 20 {
		t.Fatalf("only %d inputs", n)
	}
}
