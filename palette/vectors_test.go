package palette

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// vectorFiles are the shared Peacock test vectors (spec §11), outside this
// repository (/work/shared/testdata next to the repo at /work/main), by the
// extension release they were produced with: 4.4.1, the default payload,
// and 4.3.4, derived with Settings.Version 4.3.4.
var vectorFiles = []struct {
	path    string
	version Version
}{
	{"../../shared/testdata/peacock-vectors-4.4.1.json", Version{}},
	{"../../shared/testdata/peacock-vectors.json", Version{4, 3, 4}},
}

// vectorsPath is the file of the current release's vectors.
var vectorsPath = vectorFiles[0].path

type vector struct {
	Name     string            `json:"name"`
	Color    string            `json:"color"`
	Settings map[string]any    `json:"settings"`
	Want     map[string]string `json:"want"` // nil: the color is invalid
}

func loadVectorFile(tb testing.TB, file string) []vector {
	tb.Helper()
	path, err := filepath.Abs(file)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("Peacock vectors not found at %s; skipping", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(data, &vs); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return vs
}

func TestVectors(t *testing.T) {
	for _, f := range vectorFiles {
		name := "current"
		if !f.version.IsZero() {
			name = f.version.String()
		}
		t.Run(name, func(t *testing.T) { testVectorFile(t, f.path, f.version) })
	}
}

func testVectorFile(t *testing.T, file string, version Version) {
	vs := loadVectorFile(t, file)
	if len(vs) < 300 {
		t.Errorf("got %d vectors, want at least 300", len(vs))
	}
	for i, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			settings, _ := json.Marshal(v.Settings)
			c, err := Parse(v.Color)
			if v.Want == nil {
				if err == nil {
					t.Fatalf("vector %d: Parse(%q) = %s, want an error", i, v.Color, c.Hex())
				}
				return
			}
			if err != nil {
				t.Fatalf("vector %d: Parse(%q): %v", i, v.Color, err)
			}
			s, err := DefaultSettings().Merge(v.Settings)
			if err != nil {
				t.Fatalf("vector %d: Merge(%s): %v", i, settings, err)
			}
			s.Version = version
			got := Derive(c, s)
			for _, k := range s.ExcludedSettings {
				delete(got, k) // applied by the file merge, not by Derive
			}
			var diffs []string
			for _, k := range SortedKeys(union(got, v.Want)) {
				g, gok := got[k]
				w, wok := v.Want[k]
				switch {
				case !gok:
					diffs = append(diffs, "  missing "+k+" = "+w)
				case !wok:
					diffs = append(diffs, "  extra   "+k+" = "+g)
				case g != w:
					diffs = append(diffs, "  "+k+": got "+g+", want "+w)
				}
			}
			if len(diffs) > 0 {
				t.Errorf("vector %d: color %q, settings %s:\n%s", i, v.Color, settings, strings.Join(diffs, "\n"))
			}
		})
	}
}

func union(a, b map[string]string) map[string]string {
	u := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		u[k] = v
	}
	for k, v := range b {
		u[k] = v
	}
	return u
}
