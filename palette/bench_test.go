package palette

import "testing"

// benchColors are the inputs of BenchmarkDerive and of bench/derive.js (keep
// the two lists equal): Peacock's starter favorites and a few more.
var benchColors = []string{
	"#dd0531", "#007fff", "#f9e64f", "#1857a4", "#215732", "#61dafb", "#832561", "#ff3d00",
	"#42b883", "#8d8c1f", "#f0f0f688", "#000000", "#ffffff", "#639", "#103362", "#b52e31",
}

// BenchmarkDerive measures one full default palette per op: Parse of a hex
// color text plus Derive with DefaultSettings (24 keys, two readable-accent
// searches). bench/run.sh compares it with Peacock's own code on node.
func BenchmarkDerive(b *testing.B) {
	s := DefaultSettings()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c, err := Parse(benchColors[i%len(benchColors)])
		if err != nil {
			b.Fatal(err)
		}
		if m := Derive(c, s); len(m) != 24 {
			b.Fatalf("%d keys", len(m))
		}
		i++
	}
}

// BenchmarkParse measures Parse over the benchmark colors and two loose
// functional forms.
func BenchmarkParse(b *testing.B) {
	in := append(benchColors[:len(benchColors):len(benchColors)], "hsl (0, 100%, .5)", "rgba 255 0 0 .5")
	i := 0
	for b.Loop() {
		if _, err := Parse(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
