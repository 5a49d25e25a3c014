package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// Benchmarks of what one `peacock set` does to a small file that is
// already up to date: the process runs each of these once, so allocations
// and first-use costs matter more than speed in a loop.
//
// Run: go test ./workspace -run '^$' -bench 'DecodeNumber|Normalize|SmallNoop|ReadFileSmall' -benchmem

// smallApplied returns a small settings file as `peacock set` leaves it.
func smallApplied(b *testing.B) []byte {
	b.Helper()
	d, err := Parse("a.code-workspace", NewWorkspaceFile())
	if err != nil {
		b.Fatal(err)
	}
	if err := applyA(d); err != nil {
		b.Fatal(err)
	}
	return d.Bytes()
}

// BenchmarkDecodeNumber decodes the value of a member for a comparison, as
// SetSetting and ApplyColors do for every key they may replace.
func BenchmarkDecodeNumber(b *testing.B) {
	src := []byte(`{"s": "#42b883", "n": 14.5, "o": {"a": [1, "x\u00e9", true, null], /* c */ "b": {},}}`)
	d, err := Parse("settings.json", src)
	if err != nil {
		b.Fatal(err)
	}
	for _, key := range []string{"s", "n", "o"} {
		b.Run(key, func(b *testing.B) {
			_, m := d.lastMember(d.root, key)
			b.ReportAllocs()
			for b.Loop() {
				_ = d.decodeNumber(m)
			}
		})
	}
}

// BenchmarkNormalize normalizes the values SetSetting is given.
func BenchmarkNormalize(b *testing.B) {
	for _, c := range []struct {
		name string
		v    any
	}{
		{"string", "#42b883"},
		{"map", map[string]any{"color": "#42b883", "path": "/home/user/project"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := normalize(c.v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadFileSmall reads a small settings file.
func BenchmarkReadFileSmall(b *testing.B) {
	path := filepath.Join(b.TempDir(), "a.code-workspace")
	if err := os.WriteFile(path, smallApplied(b), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadFile(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateSmallNoop is `peacock set` on a small workspace file that
// is already up to date: resolve, lock, read, parse, edit, nothing to write.
func BenchmarkUpdateSmallNoop(b *testing.B) {
	path := filepath.Join(b.TempDir(), "a.code-workspace")
	if err := os.WriteFile(path, smallApplied(b), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Update(path, UpdateOptions{InPlace: true}, applyA)
		if err != nil {
			b.Fatal(err)
		}
		if res.Changed {
			b.Fatal("changed")
		}
	}
}
