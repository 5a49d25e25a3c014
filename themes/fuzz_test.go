package themes

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// FuzzParseTheme checks that any input gives either a valid theme or one
// *LoadError with a position, never a panic. The built-in data and a few
// broken files are the seeds.
func FuzzParseTheme(f *testing.F) {
	files, _ := fs.Glob(data, "data/*.json")
	for _, p := range files {
		b, _ := data.ReadFile(p)
		f.Add(b)
	}
	for _, s := range []string{
		goodTheme,
		`{"name": "x", "colors": [{"name": "a", "value": 1e999}]}`,
		`{"name": "x", "skip": [[[{"a": -0.0e+5}]]], "colors": [{"name": "a", "value": "red", "x": {}}]}`,
		"\ufeff{\r\n\"name\": 1}",
		`{"name": "x", "colors": [{"name": "a", "value": "red"}, {"name": "A", "value": "blue"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pt, err := parseTheme(src, "f.json")
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.Line < 1 || le.Column < 1 || le.Path != "f.json" {
				t.Fatalf("error %v (%T) is not a positioned *LoadError", err, err)
			}
			return
		}
		th := pt.theme
		if Key(th.Name) == "" || len(th.Colors) == 0 {
			t.Fatalf("theme %+v accepted", th)
		}
		seen := map[string]bool{}
		for _, c := range th.Colors {
			if _, err := palette.Parse(c.Value); err != nil {
				t.Fatalf("color %+v accepted: %v", c, err)
			}
			k := Key(c.Name)
			if k == "" || seen[k] {
				t.Fatalf("color name %q accepted", c.Name)
			}
			seen[k] = true
		}
	})
}
