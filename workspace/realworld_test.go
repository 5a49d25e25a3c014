package workspace

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realWorldDir holds settings files committed in public repositories
// (shared/testdata/real-world, described by its INDEX.tsv). They are read
// in place and never copied into this repository.
const realWorldDir = "../../shared/testdata/real-world"

func realWorldFiles(t testing.TB) []string {
	ents, err := os.ReadDir(realWorldDir)
	if err != nil {
		t.Skipf("real-world files not available: %v", err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() || e.Name() == "INDEX.tsv" {
			continue
		}
		out = append(out, filepath.Join(realWorldDir, e.Name()))
	}
	if len(out) == 0 {
		t.Skip("no real-world files")
	}
	return out
}

// realWorldKind: one workspace file is committed with a .py suffix
// (lc_mono_dev.code-workspace.py); the index calls it a workspace file.
func realWorldKind(path string) Kind {
	if strings.Contains(filepath.Base(path), ".code-workspace") {
		return KindWorkspace
	}
	return KindSettings
}

func TestRealWorld(t *testing.T) {
	for _, path := range realWorldFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			kind := realWorldKind(path)
			parse := func(b []byte) *Document {
				t.Helper()
				d, err := parseKind(path, kind, b)
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return d
			}
			orig := parse(data)
			if w := orig.Warnings(); len(w) > 0 {
				t.Logf("warnings: %q", w)
			}
			before := untouched(t, orig, paletteA)

			applied := parse(data)
			if err := applyA(applied); err != nil {
				t.Fatal(err)
			}
			out := applied.Bytes()
			d2 := parse(out)
			if after := untouched(t, d2, paletteA); strings.Join(after, "\x00") != strings.Join(before, "\x00") {
				t.Errorf("apply changed members outside its target:\n%s", Diff(path, []byte(strings.Join(before, "\n")), []byte(strings.Join(after, "\n"))))
			}
			if err := applyA(d2); err != nil {
				t.Fatal(err)
			}
			if again := d2.Bytes(); !bytes.Equal(again, out) {
				t.Errorf("apply twice is not a no-op:\n%s", Diff(path, out, again))
			}
			if got := d2.ColorCustomizations(); len(got) < len(paletteA) {
				t.Errorf("only %d colors after apply", len(got))
			}

			if !hasPeacockState(orig) {
				if err := resetAll(applied); err != nil {
					t.Fatal(err)
				}
				rt := applied.Bytes()
				if kind == KindWorkspace && orig.settingsOpen() < 0 {
					// Documented: a workspace file without "settings" keeps
					// an empty one. Removing it must give the original.
					r := parse(rt)
					idx, _ := r.lastMember(r.root, settingsKey)
					if err := r.removeMember(r.rootGet, idx); err != nil {
						t.Fatal(err)
					}
					rt = r.Bytes()
				}
				if !bytes.Equal(rt, data) {
					t.Errorf("apply+reset did not restore the file:\n%s", Diff(path, data, rt))
				}
				return
			}

			// A file with Peacock state: reset keeps everything else, is
			// idempotent, and after it apply+reset is a round trip.
			reset := parse(data)
			if err := resetAll(reset); err != nil {
				t.Fatal(err)
			}
			clean := reset.Bytes()
			r2 := parse(clean)
			if after := untouched(t, r2, paletteA); strings.Join(after, "\x00") != strings.Join(before, "\x00") {
				t.Errorf("reset changed members outside its target:\n%s", Diff(path, []byte(strings.Join(before, "\n")), []byte(strings.Join(after, "\n"))))
			}
			if hasPeacockState(r2) {
				t.Errorf("Peacock state left after reset:\n%s", clean)
			}
			if err := applyA(r2); err != nil {
				t.Fatal(err)
			}
			if err := resetAll(r2); err != nil {
				t.Fatal(err)
			}
			if got := r2.Bytes(); !bytes.Equal(got, clean) {
				t.Errorf("apply+reset after reset did not round-trip:\n%s", Diff(path, clean, got))
			}
		})
	}
}
