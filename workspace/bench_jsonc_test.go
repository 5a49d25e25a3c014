package workspace

import (
	"encoding/json"
	"testing"

	"github.com/tidwall/jsonc"
)

// BenchmarkLargeParseVsJSONC holds the package doc's reason for the
// workspace scanner: reading a large settings file as peacock must (check
// its syntax, find the colors and peacock.color) against what the themes
// package does with a hand-written JSON file (tidwall/jsonc blanks the
// comments and trailing commas, encoding/json decodes the rest). Compare
// the ns/op of scanner/ and jsonc/ for the same shape and size:
//
//	go test ./workspace -run '^$' -bench ParseVsJSONC -benchtime 3x
func BenchmarkLargeParseVsJSONC(b *testing.B) {
	for _, shape := range benchShapes {
		for _, sz := range benchSizes[1:] {
			_, applied := benchInputs(b, shape, sz.size)
			b.Run("scanner/"+shape+"/"+sz.name, func(b *testing.B) {
				b.SetBytes(int64(len(applied)))
				for b.Loop() {
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
				}
			})
			b.Run("jsonc/"+shape+"/"+sz.name, func(b *testing.B) {
				b.SetBytes(int64(len(applied)))
				buf := make([]byte, len(applied))
				for b.Loop() {
					copy(buf, applied) // jsonc.ToJSONInPlace blanks in place
					var v map[string]any
					if err := json.Unmarshal(jsonc.ToJSONInPlace(buf), &v); err != nil {
						b.Fatal(err)
					}
					if _, ok := v[ColorKey]; !ok {
						b.Fatal("no peacock.color")
					}
				}
			})
		}
	}
}
