package svg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/palette"
)

// The workbench.colorCustomizations keys Window paints, with the VS Code
// Dark+ default used when a key is absent.
const (
	keyTitleBG       = "titleBar.activeBackground"
	keyTitleFG       = "titleBar.activeForeground"
	keyActivityBG    = "activityBar.background"
	keyActivityActBG = "activityBar.activeBackground"
	keyActivityFG    = "activityBar.foreground"
	keyActivityInFG  = "activityBar.inactiveForeground"
	keyBadgeBG       = "activityBarBadge.background"
	keyBadgeFG       = "activityBarBadge.foreground"
	keyStatusBG      = "statusBar.background"
	keyStatusFG      = "statusBar.foreground"
	keyRemoteBG      = "statusBarItem.remoteBackground"
	keyRemoteFG      = "statusBarItem.remoteForeground"
)

// defaultColor returns VS Code's Dark+ color for a key Window paints (a
// switch rather than a map built at start-up).
func defaultColor(key string) string {
	switch key {
	case keyTitleBG:
		return "#3c3c3c"
	case keyTitleFG:
		return "#cccccc"
	case keyActivityBG:
		return "#333333"
	case keyActivityActBG:
		return "#00000000"
	case keyActivityFG:
		return "#ffffff"
	case keyActivityInFG:
		return "#ffffff66"
	case keyBadgeBG:
		return "#007acc"
	case keyBadgeFG:
		return "#ffffff"
	case keyStatusBG:
		return "#007acc"
	case keyStatusFG:
		return "#ffffff"
	case keyRemoteBG:
		return "#16825d"
	case keyRemoteFG:
		return "#ffffff"
	}
	return ""
}

const (
	editorBG   = "#1e1e1e"
	editorFG   = "#d4d4d4"
	lineNumFG  = "#858585"
	fontFamily = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif`
	monoFamily = `Menlo, Consolas, 'DejaVu Sans Mono', monospace`
)

// Window returns an SVG picture, 640×400, of a VS Code window titled
// title: a title bar, an activity bar with four icons and a badge, an
// editor with a few lines of code, and a status bar with the remote item
// at its left. Each part is painted with its key from colors
// (workbench.colorCustomizations, as palette.Derive returns them), or with
// VS Code's Dark+ default when the key is absent or not a color:
// titleBar.activeBackground and activeForeground, activityBar.background,
// activeBackground, foreground and inactiveForeground,
// activityBarBadge.background and foreground, statusBar.background and
// foreground, and statusBarItem.remoteBackground and remoteForeground.
// Other keys are ignored.
func Window(colors map[string]string, title string) []byte {
	const w, h = 640, 400
	const titleH, statusH, actW = 30, 22, 48
	paint := func(key string) string {
		if v, ok := colors[key]; ok {
			if c, err := palette.Parse(v); err == nil {
				return fill(c)
			}
		}
		return fill(palette.MustParse(defaultColor(key)))
	}

	var b bytes.Buffer
	open(&b, w, h, title)
	// The window's own background, over which translucent bars blend.
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="%s"/>`+"\n", w, h, editorBG)

	// Title bar, with the three window buttons and the centered title.
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" %s/>`+"\n", w, titleH, paint(keyTitleBG))
	for i, c := range []string{"#ff5f57", "#febc2e", "#28c840"} {
		fmt.Fprintf(&b, `<circle cx="%d" cy="15" r="6" fill="%s"/>`+"\n", 16+20*i, c)
	}
	fmt.Fprintf(&b, `<text x="%d" y="19" text-anchor="middle" font-family="%s" font-size="12" %s>`, w/2, fontFamily, paint(keyTitleFG))
	text(&b, truncate(title, 70))
	b.WriteString("</text>\n")

	// Activity bar: Explorer (active, with its background and indicator),
	// Search, Source Control (with the badge) and Extensions.
	bodyH := h - titleH - statusH
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" %s/>`+"\n", titleH, actW, bodyH, paint(keyActivityBG))
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="48" %s/>`+"\n", titleH, actW, paint(keyActivityActBG))
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="2" height="48" %s/>`+"\n", titleH, paint(keyActivityFG))
	icons := []string{
		// Explorer: two pages.
		`<path d="M17 12h10l5 5v15h-15z M21 8h9l6 6v14" fill="none" stroke-width="1.5" %s/>`,
		// Search: a lens.
		`<path d="M27 21a7 7 0 1 0 -0.01 0z M22 26l-7 7" fill="none" stroke-width="2" %s/>`,
		// Source Control: three nodes and branches.
		`<path d="M18 12a3 3 0 1 0 0.01 0z M18 30a3 3 0 1 0 0.01 0z M30 16a3 3 0 1 0 0.01 0z M18 15v12 M30 19c0 6 -12 4 -12 8" fill="none" stroke-width="1.5" %s/>`,
		// Extensions: four squares, one lifted.
		`<path d="M14 20h7v7h-7z M21 20h7v7h-7z M14 27h7v7h-7z M24 12h7v7h-7z" fill="none" stroke-width="1.5" %s/>`,
	}
	for i, icon := range icons {
		key := keyActivityInFG
		if i == 0 {
			key = keyActivityFG
		}
		fmt.Fprintf(&b, `<g transform="translate(0 %d)">`, titleH+48*i)
		fmt.Fprintf(&b, icon, stroke(paint(key)))
		b.WriteString("</g>\n")
	}
	badgeY := titleH + 48*2 + 34
	fmt.Fprintf(&b, `<circle cx="34" cy="%d" r="8" %s/>`+"\n", badgeY, paint(keyBadgeBG))
	fmt.Fprintf(&b, `<text x="34" y="%d" text-anchor="middle" font-family="%s" font-size="10" font-weight="bold" %s>3</text>`+"\n", badgeY+3, fontFamily, paint(keyBadgeFG))

	// Editor with a few lines of Go.
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n", actW, titleH, w-actW, bodyH, editorBG)
	code := []string{
		"package main",
		"",
		`import "fmt"`,
		"",
		"func main() {",
		`	fmt.Println("hello, peacock")`,
		"}",
	}
	for i, line := range code {
		y := titleH + 28 + 20*i
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-family="%s" font-size="12" fill="%s">%d</text>`, actW+32, y, monoFamily, lineNumFG, i+1)
		if line != "" {
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-family="%s" font-size="12" fill="%s" xml:space="preserve">`, actW+48, y, monoFamily, editorFG)
			text(&b, expandTabs(line))
			b.WriteString("</text>")
		}
		b.WriteString("\n")
	}

	// Status bar with the remote item at its left.
	statusY := h - statusH
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" %s/>`+"\n", statusY, w, statusH, paint(keyStatusBG))
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="34" height="%d" %s/>`+"\n", statusY, statusH, paint(keyRemoteBG))
	fmt.Fprintf(&b, `<path d="M10 %d l4 4 -4 4 M24 %d l-4 4 4 4" fill="none" stroke-width="1.5" %s/>`+"\n", statusY+7, statusY+7, stroke(paint(keyRemoteFG)))
	fmt.Fprintf(&b, `<text x="44" y="%d" font-family="%s" font-size="12" %s>main</text>`+"\n", statusY+15, fontFamily, paint(keyStatusFG))
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-family="%s" font-size="12" %s>Ln 6, Col 30  UTF-8  Go</text>`+"\n", w-10, statusY+15, fontFamily, paint(keyStatusFG))

	b.WriteString("</svg>\n")
	return b.Bytes()
}

// Swatch is one color of a swatch sheet.
type Swatch struct {
	// Name is the color's name, shown in bold.
	Name string
	// Hex is the color; any text palette.Parse accepts. It is shown under
	// the name as given. A swatch whose Hex is not a color is drawn as an
	// outline.
	Hex string
	// Label is an optional third line, such as the theme or the source.
	Label string
	// Fg is the text color on the swatch; when empty or not a color it is
	// palette.AccessibleForeground of the swatch's color.
	Fg string
}

// Swatches returns an SVG sheet titled title with items laid out in rows
// of four, in order: each a rounded rectangle in its color with its name,
// its hex and its label written on it in a readable foreground. Long texts
// are cut with an ellipsis to fit their swatch.
func Swatches(title string, items []Swatch) []byte {
	const cols, cellW, cellH, pad, titleH = 4, 180, 100, 10, 40
	rows := (len(items) + cols - 1) / cols
	w := pad + cols*cellW
	h := titleH + rows*cellH + pad

	var b bytes.Buffer
	open(&b, w, h, title)
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", w, h)
	fmt.Fprintf(&b, `<text x="%d" y="26" font-family="%s" font-size="16" font-weight="bold" fill="#15202b">`, pad, fontFamily)
	text(&b, truncate(title, 80))
	b.WriteString("</text>\n")
	for i, s := range items {
		x := pad + (i%cols)*cellW
		y := titleH + (i/cols)*cellH
		bg, err := palette.Parse(s.Hex)
		fg, fgErr := palette.Parse(s.Fg)
		if err != nil {
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="6" fill="none" stroke="#808080" stroke-dasharray="4 3"/>`+"\n", x, y, cellW-pad, cellH-pad)
			if fgErr != nil {
				fg = palette.MustParse("#15202b")
			}
		} else {
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="6" %s/>`+"\n", x, y, cellW-pad, cellH-pad, fill(bg))
			if fgErr != nil {
				// The foreground for the color as it shows: a
				// translucent swatch blends with the white sheet.
				fg = palette.AccessibleForeground(palette.Over(bg, palette.MustParse("#ffffff")))
			}
		}
		// Each line is cut to what fits in the swatch's 150 pixels at
		// its size.
		lines := []struct {
			s      string
			size   int
			weight string
			most   int
		}{{s.Name, 14, ` font-weight="bold"`, 17}, {s.Hex, 12, "", 21}, {s.Label, 11, "", 24}}
		for j, l := range lines {
			if l.s == "" {
				continue
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-family="%s" font-size="%d"%s %s>`, x+10, y+26+22*j, fontFamily, l.size, l.weight, fill(fg))
			text(&b, truncate(l.s, l.most))
			b.WriteString("</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// open writes the root element and the accessible title.
func open(b *bytes.Buffer, w, h int, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img">`+"\n", w, h, w, h)
	b.WriteString("<title>")
	text(b, title)
	b.WriteString("</title>\n")
}

// fill returns the fill attribute(s) of c: fill="#rrggbb", and a
// fill-opacity when c is translucent.
func fill(c palette.Color) string {
	hex := c.Hex()
	if len(hex) == 7 {
		return `fill="` + hex + `"`
	}
	// Round the opacity to three decimals: enough for 8-bit alpha, and the
	// same text on every platform.
	op := strconv.FormatFloat(math.Round(c.A*1000)/1000, 'f', -1, 64)
	return `fill="` + hex[:7] + `" fill-opacity="` + op + `"`
}

// stroke turns fill attributes into stroke attributes for outlined shapes.
func stroke(fillAttrs string) string {
	return strings.ReplaceAll(fillAttrs, "fill", "stroke")
}

// text writes s escaped as XML character data (encoding/xml's
// EscapeText: " ' & < > tab, newline and carriage return become character
// references; invalid UTF-8 and characters XML does not allow become
// U+FFFD).
func text(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}

// truncate cuts s to at most n characters, the last an ellipsis when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// expandTabs replaces each tab with four spaces.
func expandTabs(s string) string {
	return strings.ReplaceAll(s, "\t", "    ")
}

// IsSVG reports whether data looks like an SVG document: after an optional
// byte order mark, white space, an XML declaration, comments and a
// doctype, the first element is <svg. It is what an existing file must be
// for peacock to replace it with a picture.
func IsSVG(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	d.Strict = false
	for i := 0; i < 64; i++ {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return strings.EqualFold(t.Name.Local, "svg")
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false
			}
		}
	}
	return false
}
