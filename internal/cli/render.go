package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/palette"
)

// painter writes ANSI colors for a terminal: 24-bit when it says it has
// them (COLORTERM=truecolor or 24bit), else the nearest of the 256-color
// palette, which every color terminal has (macOS Terminal before macOS 26
// has no 24-bit color).
type painter struct {
	trueColor bool
}

func (pt painter) bg(c palette.Color) string {
	if pt.trueColor {
		r, g, b := c.RGB8()
		return fmt.Sprintf("\x1b[48;2;%d;%d;%dm", r, g, b)
	}
	return fmt.Sprintf("\x1b[48;5;%dm", ansi256(c))
}

func (pt painter) fg(c palette.Color) string {
	if pt.trueColor {
		r, g, b := c.RGB8()
		return fmt.Sprintf("\x1b[38;2;%d;%d;%dm", r, g, b)
	}
	return fmt.Sprintf("\x1b[38;5;%dm", ansi256(c))
}

const ansiReset = "\x1b[0m"

// ansi256 returns the xterm 256-color index nearest to c: the 6x6x6 cube
// or the 24-step gray ramp, whichever is closer.
func ansi256(c palette.Color) int {
	r, g, b := c.RGB8()
	levels := [6]int{0, 95, 135, 175, 215, 255}
	nearest := func(v uint8) int {
		best := 0
		for i, l := range levels {
			if abs(int(v)-l) < abs(int(v)-levels[best]) {
				best = i
			}
		}
		return best
	}
	ri, gi, bi := nearest(r), nearest(g), nearest(b)
	cube := 16 + 36*ri + 6*gi + bi
	dist := func(x, y, z int) int {
		return (int(r)-x)*(int(r)-x) + (int(g)-y)*(int(g)-y) + (int(b)-z)*(int(b)-z)
	}
	cd := dist(levels[ri], levels[gi], levels[bi])
	avg := (int(r) + int(g) + int(b)) / 3
	gi2 := min(max((avg-8+5)/10, 0), 23)
	gv := 8 + 10*gi2
	if dist(gv, gv, gv) < cd {
		return 232 + gi2
	}
	return cube
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// swatch is n cells of background color c.
func (pt painter) swatch(c palette.Color, n int) string {
	return pt.bg(c) + strings.Repeat(" ", n) + ansiReset
}

// cell pads text to width w (in runes) on background bg with foreground fg.
func (pt painter) cell(text string, w int, bg, fg palette.Color) string {
	n := utf8.RuneCountInString(text)
	if n > w {
		text = string([]rune(text)[:w])
		n = w
	}
	return pt.bg(bg) + pt.fg(fg) + text + strings.Repeat(" ", w-n) + ansiReset
}

// pick returns the color of key in colors, composited over under when it is
// translucent; fallback when the key is absent.
func pick(colors map[string]string, key string, under, fallback palette.Color) palette.Color {
	v, ok := colors[key]
	if !ok {
		return fallback
	}
	c, err := palette.Parse(v)
	if err != nil {
		return fallback
	}
	if c.A < 1 {
		return palette.Over(c, under)
	}
	return c
}

// Window widths: the mock window is windowWidth columns, or the terminal's
// width when that is narrower, but never under minWindowWidth.
const (
	windowWidth    = 44
	minWindowWidth = 40
)

// mockWindow draws a small VS Code window width columns wide with the given
// colors: a title bar with its text, an activity bar with icons and a
// badge, an editor, and a status bar with the remote item.
func (pt painter) mockWindow(colors map[string]string, title string, width int) string {
	width = min(max(width, minWindowWidth), windowWidth)
	editorBG := palette.MustParse("#1e1e1e")
	editorFG := palette.MustParse("#d4d4d4")
	white := palette.MustParse("#ffffff")

	tbg := pick(colors, "titleBar.activeBackground", editorBG, palette.MustParse("#3c3c3c"))
	tfg := pick(colors, "titleBar.activeForeground", tbg, palette.MustParse("#cccccc"))
	abg := pick(colors, "activityBar.background", editorBG, palette.MustParse("#333333"))
	afg := pick(colors, "activityBar.foreground", abg, white)
	aifg := pick(colors, "activityBar.inactiveForeground", abg, palette.MustParse("#858585"))
	bbg := pick(colors, "activityBarBadge.background", abg, palette.MustParse("#007acc"))
	bfg := pick(colors, "activityBarBadge.foreground", bbg, white)
	sbg := pick(colors, "statusBar.background", editorBG, palette.MustParse("#007acc"))
	sfg := pick(colors, "statusBar.foreground", sbg, white)
	rbg := pick(colors, "statusBarItem.remoteBackground", sbg, palette.MustParse("#16825d"))
	rfg := pick(colors, "statusBarItem.remoteForeground", rbg, white)

	var b strings.Builder
	pad := (width - utf8.RuneCountInString(title)) / 2
	b.WriteString(pt.cell(" ● ● ●"+strings.Repeat(" ", max(pad-6, 1))+title, width, tbg, tfg) + "\n")
	rows := []struct {
		icon string
		fg   palette.Color
		text string
	}{
		{" ▤ ", afg, "  package main"},
		{" ⌕ ", aifg, ""},
		{" ◇ ", aifg, "  func main() {"},
		{" ▶ ", aifg, "      fmt.Println(\"hello\")"},
		{"", aifg, "  }"},
	}
	for i, r := range rows {
		if i == 2 {
			// The source-control icon carries the badge.
			b.WriteString(pt.cell(" ◇", 2, abg, aifg) + pt.cell("3", 1, bbg, bfg))
		} else {
			b.WriteString(pt.cell(r.icon, 3, abg, r.fg))
		}
		b.WriteString(pt.cell(r.text, width-3, editorBG, editorFG) + "\n")
	}
	b.WriteString(pt.cell(" >< ", 4, rbg, rfg))
	b.WriteString(pt.cell(" ◇ main*  ⊗ 0 ⚠ 0", width-4, sbg, sfg) + "\n")
	return b.String()
}

// printSwatches prints each key with a swatch of its value (TTY form), or
// tab-separated key and value lines off a terminal.
func printSwatches(io *ioStreams, colors map[string]string) {
	pt := io.painter()
	for _, k := range palette.SortedKeys(colors) {
		if !io.ColorEnabled() {
			fmt.Fprintf(io.Out, "%s\t%s\n", k, colors[k])
			continue
		}
		c, err := palette.Parse(colors[k])
		if err != nil {
			fmt.Fprintf(io.Out, "      %-34s %s\n", k, colors[k])
			continue
		}
		fmt.Fprintf(io.Out, "%s  %-34s %s\n", pt.swatch(c, 4), k, colors[k])
	}
}
