package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/palette"
)

// ANSI 24-bit color helpers. Used only when the stream is a terminal and
// NO_COLOR is not set.
func bgSeq(c palette.Color) string {
	r, g, b := c.RGB8()
	return fmt.Sprintf("\x1b[48;2;%d;%d;%dm", r, g, b)
}

func fgSeq(c palette.Color) string {
	r, g, b := c.RGB8()
	return fmt.Sprintf("\x1b[38;2;%d;%d;%dm", r, g, b)
}

const ansiReset = "\x1b[0m"

// swatch is n cells of background color c.
func swatch(c palette.Color, n int) string {
	return bgSeq(c) + strings.Repeat(" ", n) + ansiReset
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

// cell pads text to width w (in runes) on background bg with foreground fg.
func cell(text string, w int, bg, fg palette.Color) string {
	n := utf8.RuneCountInString(text)
	if n > w {
		text = string([]rune(text)[:w])
		n = w
	}
	return bgSeq(bg) + fgSeq(fg) + text + strings.Repeat(" ", w-n) + ansiReset
}

// mockWindow draws a small VS Code window with the given colors: a title
// bar with its text, an activity bar with icons and a badge, an editor, and
// a status bar with the remote item.
func mockWindow(colors map[string]string, title string) string {
	editorBG := palette.MustParse("#1e1e1e")
	editorFG := palette.MustParse("#d4d4d4")
	defTitle := palette.MustParse("#3c3c3c")
	defAct := palette.MustParse("#333333")
	defStatus := palette.MustParse("#007acc")
	white := palette.MustParse("#ffffff")

	tbg := pick(colors, "titleBar.activeBackground", editorBG, defTitle)
	tfg := pick(colors, "titleBar.activeForeground", tbg, palette.MustParse("#cccccc"))
	abg := pick(colors, "activityBar.background", editorBG, defAct)
	afg := pick(colors, "activityBar.foreground", abg, white)
	aifg := pick(colors, "activityBar.inactiveForeground", abg, palette.MustParse("#858585"))
	bbg := pick(colors, "activityBarBadge.background", abg, defStatus)
	bfg := pick(colors, "activityBarBadge.foreground", bbg, white)
	sbg := pick(colors, "statusBar.background", editorBG, defStatus)
	sfg := pick(colors, "statusBar.foreground", sbg, white)
	rbg := pick(colors, "statusBarItem.remoteBackground", sbg, palette.MustParse("#16825d"))
	rfg := pick(colors, "statusBarItem.remoteForeground", rbg, white)

	const width = 44
	var b strings.Builder
	pad := (width - utf8.RuneCountInString(title)) / 2
	if pad < 1 {
		pad = 1
	}
	b.WriteString(cell(" ● ● ●"+strings.Repeat(" ", max(pad-6, 1))+title, width, tbg, tfg) + "\n")
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
			b.WriteString(cell(" ◇", 2, abg, aifg) + cell("3", 1, bbg, bfg))
		} else {
			b.WriteString(cell(r.icon, 3, abg, r.fg))
		}
		b.WriteString(cell(r.text, width-3, editorBG, editorFG) + "\n")
	}
	b.WriteString(cell(" >< ", 4, rbg, rfg))
	b.WriteString(cell(" ◇ main*  ⊗ 0 ⚠ 0", width-4, sbg, sfg) + "\n")
	return b.String()
}
