package workspace

import (
	"fmt"
	"strings"
	"testing"
)

// Benchmarks over large generated settings files (nothing big is
// committed). Each shape is a settings.json whose root holds, up to the
// wanted size:
//
//   - keys: one string setting per line;
//   - array: one object per line, holding arrays and nested objects;
//   - comments: settings each under a large block of comments.
//
// Run: go test ./workspace -run '^$' -bench Large -benchmem
// (add -benchtime=3x for the 10 MB inputs on a slow machine).

var benchShapes = []string{"keys", "array", "comments"}

var benchSizes = []struct {
	name string
	size int
}{{"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}}

// genLarge returns a settings.json of about size bytes in the given shape.
func genLarge(shape string, size int) []byte {
	var sb strings.Builder
	sb.Grow(size + 4096)
	sb.WriteString("{\n")
	for i := 0; sb.Len() < size; i++ {
		switch shape {
		case "keys":
			fmt.Fprintf(&sb, "    \"section%06d.setting\": \"value %06d lorem ipsum dolor sit amet, consectetur\",\n", i, i)
		case "array":
			fmt.Fprintf(&sb, "    \"object%06d\": {\"name\": \"item %06d\", \"tags\": [\"a\", \"b\", 3, true, null], \"nested\": {\"list\": [{\"x\": 1}, {\"y\": [2, 3.5]}]}},\n", i, i)
		case "comments":
			sb.WriteString("    /*\n")
			for j := 0; j < 40; j++ {
				sb.WriteString("     * A long explanation of the setting below, kept by the team for reference.\n")
			}
			sb.WriteString("     */\n")
			for j := 0; j < 40; j++ {
				sb.WriteString("    // Another line of commentary with \"quotes\", {braces} and [brackets].\n")
			}
			fmt.Fprintf(&sb, "    \"section%06d.setting\": \"value %06d\", // trailing note\n", i, i)
		default:
			panic("unknown shape " + shape)
		}
	}
	sb.WriteString("    \"editor.fontSize\": 14\n}\n")
	return []byte(sb.String())
}

// benchInputs returns the generated file and the same file after set.
func benchInputs(b *testing.B, shape string, size int) (plain, applied []byte) {
	b.Helper()
	plain = genLarge(shape, size)
	d, err := Parse("settings.json", plain)
	if err != nil {
		b.Fatal(err)
	}
	if err := applyA(d); err != nil {
		b.Fatal(err)
	}
	return plain, d.Bytes()
}

func benchLarge(b *testing.B, op func(b *testing.B, plain, applied []byte)) {
	for _, shape := range benchShapes {
		for _, sz := range benchSizes {
			b.Run(shape+"/"+sz.name, func(b *testing.B) {
				plain, applied := benchInputs(b, shape, sz.size)
				b.SetBytes(int64(len(plain)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					op(b, plain, applied)
				}
			})
		}
	}
}

// BenchmarkLargeSet is `peacock set`: Parse, ApplyColors, peacock.color,
// Bytes.
func BenchmarkLargeSet(b *testing.B) {
	benchLarge(b, func(b *testing.B, plain, _ []byte) {
		d, err := Parse("settings.json", plain)
		if err != nil {
			b.Fatal(err)
		}
		if err := applyA(d); err != nil {
			b.Fatal(err)
		}
		_ = d.Bytes()
	})
}

// BenchmarkLargeShow is `peacock show`/`check`: Parse and the reads.
func BenchmarkLargeShow(b *testing.B) {
	benchLarge(b, func(b *testing.B, _, applied []byte) {
		d, err := Parse("settings.json", applied)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.ColorCustomizations()) == 0 {
			b.Fatal("no colors")
		}
		if _, ok := d.Setting(ColorKey); !ok {
			b.Fatal("no peacock.color")
		}
		_, _ = d.Setting(RemoteColorKey)
		_ = d.Warnings()
	})
}

// BenchmarkLargeReset is `peacock reset`: Parse, ResetColors, Bytes.
func BenchmarkLargeReset(b *testing.B) {
	benchLarge(b, func(b *testing.B, plain, applied []byte) {
		d, err := Parse("settings.json", applied)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.ResetColors(owned, nil); err != nil {
			b.Fatal(err)
		}
		if err := d.RemoveSetting(RemoteColorKey); err != nil {
			b.Fatal(err)
		}
		if out := d.Bytes(); len(out) != len(plain) {
			b.Fatalf("reset gave %d bytes, want %d", len(out), len(plain))
		}
	})
}

// BenchmarkLargeSettings decodes every setting (Settings); the commands
// need only the "peacock." ones (SettingsWithPrefix).
func BenchmarkLargeSettings(b *testing.B) {
	benchLarge(b, func(b *testing.B, _, applied []byte) {
		d, err := Parse("settings.json", applied)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Settings()) == 0 {
			b.Fatal("no settings")
		}
	})
}
