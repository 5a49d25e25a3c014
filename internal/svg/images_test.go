package svg

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

// TestREADMEImages checks the pictures the README shows
// (docs/images/make.sh writes them): well-formed SVG with the expected
// colors, and the window exactly what Window draws today for Vue Green.
func TestREADMEImages(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "images")
	window, err := os.ReadFile(filepath.Join(dir, "window.svg"))
	if err != nil {
		t.Fatal(err)
	}
	check(t, window)
	want := Window(palette.Derive(palette.MustParse("#42b883"), palette.DefaultSettings()), "webshop")
	if !bytes.Equal(window, want) {
		t.Errorf("docs/images/window.svg is stale: run sh docs/images/make.sh")
	}
	sheet, err := os.ReadFile(filepath.Join(dir, "okabe-ito.svg"))
	if err != nil {
		t.Fatal(err)
	}
	check(t, sheet)
	for _, c := range []string{"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"} {
		if !strings.Contains(string(sheet), c) {
			t.Errorf("okabe-ito.svg lacks %s", c)
		}
	}
}
