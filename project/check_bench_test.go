package project

import (
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// BenchmarkCheck measures check on a file as 4.4.1 writes it (the plain
// reading: no search) against files that need an explanation, where check
// searches every range of releases: a 3.8 file and a hand edit (drift).
// The ratio of the explained cases to "ok" is the cost of the search.
func BenchmarkCheck(b *testing.B) {
	cur := fileOf("#42b883", palette.DefaultSettings(), "", "")
	old := fileOf("#42b883", palette.DefaultSettingsOf(palette.Version{Major: 3, Minor: 8}), "", "")
	edited := fileOf("#42b883", palette.DefaultSettings(), "sash.hoverBorder", "")
	for _, bc := range []struct{ name, file string }{{"ok", cur}, {"explained-3.8", old}, {"drift", edited}} {
		b.Run(bc.name, func(b *testing.B) {
			p := testProject(b, map[string]string{".vscode/settings.json": bc.file}, Options{})
			for b.Loop() {
				if _, err := p.Check(false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
