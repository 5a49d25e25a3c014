package svg

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/palette"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// peacockColors is what peacock writes for Vue Green under the defaults.
func peacockColors() map[string]string {
	return palette.Derive(palette.MustParse("#42b883"), palette.DefaultSettings())
}

// check parses out as XML, token by token, and returns the root element
// and the text of every element.
func check(t *testing.T, out []byte) (xml.StartElement, string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	var (
		root  xml.StartElement
		texts strings.Builder
		depth int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if root.Name.Local != "" {
					t.Fatalf("a second root element %s", tok.Name.Local)
				}
				root = tok.Copy()
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			texts.Write(tok)
			texts.WriteByte('\n')
		}
	}
	if root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("root element %v, want svg in the SVG namespace", root.Name)
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	for _, a := range []string{"width", "height", "viewBox"} {
		if attrs[a] == "" {
			t.Errorf("root has no %s", a)
		}
	}
	if want := "0 0 " + attrs["width"] + " " + attrs["height"]; attrs["viewBox"] != want {
		t.Errorf("viewBox %q, want %q", attrs["viewBox"], want)
	}
	return root, texts.String()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/svg -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test ./internal/svg -update and review the diff)", path)
	}
}

func TestWindow(t *testing.T) {
	tests := []struct {
		name   string
		golden string
		colors map[string]string
		want   []string // attributes that must appear
		absent []string
	}{
		{
			name:   "defaults",
			golden: "window_default.svg",
			colors: nil,
			want: []string{
				`fill="#3c3c3c"`, `fill="#333333"`, `fill="#007acc"`, `fill="#1e1e1e"`, `fill="#d4d4d4"`,
				`fill="#16825d"`, `stroke="#ffffff" stroke-opacity="0.4"`,
			},
		},
		{
			name:   "peacock vue green",
			golden: "window_peacock.svg",
			colors: peacockColors(),
			want: []string{
				`fill="#42b883"`, // title and status bars
				`fill="#65c89b"`, // activity bar, lightened
				`fill="#15202b"`, // foregrounds
				`fill="#1e1e1e"`, // the editor keeps its default
			},
			absent: []string{`fill="#3c3c3c"`, `fill="#333333"`},
		},
		{
			name:   "alpha and junk",
			golden: "window_alpha.svg",
			colors: map[string]string{
				"titleBar.activeBackground":      "#ff000080",
				"titleBar.activeForeground":      "not a color",
				"activityBar.inactiveForeground": "#15202b99",
				"statusBar.background":           "rebeccapurple",
			},
			want: []string{
				`fill="#ff0000" fill-opacity="0.502"`,
				`fill="#cccccc"`,
				`stroke="#15202b" stroke-opacity="0.6"`,
				`fill="#663399"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Window(tt.colors, "main.go — peacock")
			_, texts := check(t, out)
			s := string(out)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("output lacks %s", w)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(s, a) {
					t.Errorf("output has %s", a)
				}
			}
			if !strings.Contains(texts, "main.go — peacock") {
				t.Errorf("title text missing")
			}
			if again := Window(tt.colors, "main.go — peacock"); !bytes.Equal(out, again) {
				t.Errorf("Window is not deterministic")
			}
			golden(t, tt.golden, out)
		})
	}
}

func TestWindowEscapesTitle(t *testing.T) {
	title := `<b>"Tom & Jerry's"</b> ]]> ` + "\x01"
	out := Window(nil, title)
	_, texts := check(t, out)
	if !strings.Contains(texts, `<b>"Tom & Jerry's"</b> ]]> `) {
		t.Errorf("decoded text lacks the title:\n%s", texts)
	}
	if bytes.Contains(out, []byte("<b>")) || bytes.Contains(out, []byte("& ")) {
		t.Errorf("title not escaped:\n%s", out)
	}
}

func testSwatches() []Swatch {
	return []Swatch{
		{Name: "Angular Red", Hex: "#dd0531", Label: "peacock"},
		{Name: "JavaScript Yellow", Hex: "#f9e64f", Label: "peacock"},
		{Name: "Translucent", Hex: "#42b88380"},
		{Name: "Own foreground", Hex: "#1857a4", Fg: "#ffcc00"},
		{Name: "A very long name that cannot fit on its swatch", Hex: "#832561", Label: "a label just as long as the name is"},
		{Name: "Broken", Hex: "not a color"},
	}
}

func TestSwatches(t *testing.T) {
	out := Swatches("peacock <&> themes", testSwatches())
	_, texts := check(t, out)
	s := string(out)
	for _, w := range []string{
		`fill="#dd0531"`, `fill="#f9e64f"`, `fill="#42b883" fill-opacity="0.502"`, `fill="#1857a4"`,
		`fill="#ffcc00"`, // the given foreground
		`fill="#15202b"`, // Peacock's dark foreground on the yellow
		`fill="#e7e7e7"`, // and its light one on the red
		`stroke-dasharray`,
		`width="730" height="250" viewBox="0 0 730 250"`,
	} {
		if !strings.Contains(s, w) {
			t.Errorf("output lacks %s", w)
		}
	}
	for _, w := range []string{"peacock <&> themes", "Angular Red", "#dd0531", "A very long name…", "not a color"} {
		if !strings.Contains(texts, w) {
			t.Errorf("texts lack %q", w)
		}
	}
	if !strings.Contains(s, "peacock &lt;&amp;&gt; themes") {
		t.Errorf("title not escaped")
	}
	golden(t, "swatches.svg", out)
}

func TestSwatchesEmpty(t *testing.T) {
	out := Swatches("nothing", nil)
	check(t, out)
	if !bytes.Contains(out, []byte(`height="50"`)) {
		t.Errorf("empty sheet:\n%s", out)
	}
}

func TestIsSVG(t *testing.T) {
	for in, want := range map[string]bool{
		string(Window(map[string]string{}, "x")): true,
		"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>": true,
		"<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"></svg:svg>":                                                 true,
		"{\n\t\"folders\": []\n}": false,
		"<html><svg/></html>":     false,
		"":                        false,
		"text <svg/>":             false,
		"#!/bin/sh\necho <svg>":   false,
	} {
		if got := IsSVG([]byte(in)); got != want {
			t.Errorf("IsSVG(%q) = %v, want %v", in, got, want)
		}
	}
}
