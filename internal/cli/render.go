package cli

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	colorful "github.com/lucasb-eyer/go-colorful"
	"github.com/peacock-cli/peacock/palette"
)

// ColorDepth is how many colors a terminal shows. It is decided once, from
// the environment (see detectColorDepth), and every command that draws
// colors (show, pick, themes, ...) paints with it through painter, so that
// the picker draws exactly what show draws.
type ColorDepth int

const (
	// NoColor: no color escapes (NO_COLOR, TERM=dumb, not a terminal).
	NoColor ColorDepth = iota
	// Colors16 is the 16 ANSI colors (TERM=linux, vt100, *-16color).
	Colors16
	// Colors256 is the xterm 256-color palette, which every other color
	// terminal has (macOS Terminal before macOS 26 has no 24-bit color).
	Colors256
	// TrueColor is 24-bit color (COLORTERM=truecolor or 24bit).
	TrueColor
)

func (d ColorDepth) String() string {
	switch d {
	case Colors16:
		return "16 colors"
	case Colors256:
		return "256 colors"
	case TrueColor:
		return "truecolor"
	}
	return "no color"
}

// detectColorDepth reads the color depth of a color terminal from
// COLORTERM and TERM (NO_COLOR and TERM=dumb are decided apart, as
// noColor): 24-bit when COLORTERM says so (or Windows Terminal, or a
// *-direct TERM), 16 colors for the terminals that have no more, else 256.
func detectColorDepth(colorterm, term string, windowsTerminal bool) ColorDepth {
	ct := strings.ToLower(colorterm)
	switch {
	case ct == "truecolor" || ct == "24bit" || windowsTerminal || strings.HasSuffix(term, "-direct"):
		return TrueColor
	case term == "linux" || term == "ansi" || term == "cons25" || term == "xterm-color" ||
		strings.HasPrefix(term, "vt") || strings.HasSuffix(term, "-16color") || strings.HasSuffix(term, "-8color"):
		return Colors16
	}
	return Colors256
}

// painter writes ANSI colors at a terminal's color depth.
type painter struct {
	depth ColorDepth
}

func (pt painter) bg(c palette.Color) string { return pt.sgr(c, 48, 40, 100) }

func (pt painter) fg(c palette.Color) string { return pt.sgr(c, 38, 30, 90) }

// sgr is the escape that sets c at pt's depth: ext is 38 (foreground) or
// 48 (background) for 24-bit and 256 colors, base and bright the first of
// the 16 colors' 8 normal and 8 bright codes.
func (pt painter) sgr(c palette.Color, ext, base, bright int) string {
	switch pt.depth {
	case TrueColor:
		r, g, b := c.RGB8()
		return fmt.Sprintf("\x1b[%d;2;%d;%d;%dm", ext, r, g, b)
	case Colors256:
		return fmt.Sprintf("\x1b[%d;5;%dm", ext, ansi256(c))
	case Colors16:
		if i := ansi16(c); i >= 8 {
			return fmt.Sprintf("\x1b[%dm", bright+i-8)
		} else {
			return fmt.Sprintf("\x1b[%dm", base+i)
		}
	}
	return ""
}

// reset ends what bg and fg started ("" when they write nothing).
func (pt painter) reset() string {
	if pt.depth == NoColor {
		return ""
	}
	return ansiReset
}

const ansiReset = "\x1b[0m"

// A paletteEntry is one color of a terminal palette, in CIELAB (for
// CIEDE2000) with its OKLCH chroma and hue (to keep a color's hue).
type paletteEntry struct {
	index  int
	lab    colorful.Color
	chroma float64
	hue    float64
}

// Chroma thresholds (OKLCH C): a color at or above chromatic has a hue
// worth keeping; a palette entry at or above entryChromatic shows one.
const (
	chromatic      = 0.04
	entryChromatic = 0.03
)

func newEntry(index int, r, g, b uint8) paletteEntry {
	c := colorful.Color{R: float64(r) / 255, G: float64(g) / 255, B: float64(b) / 255}
	_, ch, h := c.OkLch()
	return paletteEntry{index: index, lab: c, chroma: ch, hue: h}
}

// xterm256 is the part of the xterm 256-color palette that is the same in
// every terminal: the 6x6x6 cube (16-231) and the grey ramp (232-255). The
// first 16 follow the terminal's theme, so they are never chosen here.
var xterm256 = sync.OnceValue(func() []paletteEntry {
	levels := [6]uint8{0, 95, 135, 175, 215, 255}
	var out []paletteEntry
	for i := range 216 {
		out = append(out, newEntry(16+i, levels[i/36], levels[i/6%6], levels[i%6]))
	}
	for i := range 24 {
		v := uint8(8 + 10*i)
		out = append(out, newEntry(232+i, v, v, v))
	}
	return out
})

// ansi16Colors is the 16 ANSI colors as xterm draws them by default.
var ansi16Colors = sync.OnceValue(func() []paletteEntry {
	hex := [16][3]uint8{
		{0x00, 0x00, 0x00}, {0xcd, 0x00, 0x00}, {0x00, 0xcd, 0x00}, {0xcd, 0xcd, 0x00},
		{0x00, 0x00, 0xee}, {0xcd, 0x00, 0xcd}, {0x00, 0xcd, 0xcd}, {0xe5, 0xe5, 0xe5},
		{0x7f, 0x7f, 0x7f}, {0xff, 0x00, 0x00}, {0x00, 0xff, 0x00}, {0xff, 0xff, 0x00},
		{0x5c, 0x5c, 0xff}, {0xff, 0x00, 0xff}, {0x00, 0xff, 0xff}, {0xff, 0xff, 0xff},
	}
	out := make([]paletteEntry, 16)
	for i, h := range hex {
		out[i] = newEntry(i, h[0], h[1], h[2])
	}
	return out
})

// nearest returns the index of the entry nearest to c by CIEDE2000. A
// color with a hue (OKLCH chroma at least chromatic) is matched only
// against entries that show a hue within hueWindow degrees of its own (any
// hue when none does): a dark or muted brand color keeps its hue instead of
// falling to a grey, which is nearer in lightness but reads as another
// color (Django's #092e20 is a dark green, not the grey #262626).
func nearest(c palette.Color, entries []paletteEntry, hueWindow float64) int {
	r, g, b := c.RGB8()
	in := newEntry(0, r, g, b)
	best := func(ok func(e paletteEntry) bool) (int, bool) {
		idx, dist, found := 0, math.Inf(1), false
		for _, e := range entries {
			if !ok(e) {
				continue
			}
			if d := in.lab.DistanceCIEDE2000(e.lab); d < dist {
				idx, dist, found = e.index, d, true
			}
		}
		return idx, found
	}
	if in.chroma >= chromatic {
		if i, ok := best(func(e paletteEntry) bool {
			return e.chroma >= entryChromatic && hueDistance(e.hue, in.hue) <= hueWindow
		}); ok {
			return i
		}
		if i, ok := best(func(e paletteEntry) bool { return e.chroma >= entryChromatic }); ok {
			return i
		}
	}
	i, _ := best(func(paletteEntry) bool { return true })
	return i
}

func hueDistance(a, b float64) float64 {
	d := math.Abs(a - b)
	return min(d, 360-d)
}

// ansi256 returns the xterm 256-color index nearest to c (see nearest).
func ansi256(c palette.Color) int { return nearestCached(c, 256) }

// ansi16 returns the ANSI color (0-15) nearest to c (see nearest).
func ansi16(c palette.Color) int { return nearestCached(c, 16) }

// nearestColors keeps each color's nearest entry: a search is 240
// CIEDE2000 distances (0.1 ms), and a mock window paints
// some thirty cells from a handful of colors.
var nearestColors = struct {
	sync.Mutex
	m map[uint32]int
}{m: map[uint32]int{}}

func nearestCached(c palette.Color, n int) int {
	r, g, b := c.RGB8()
	k := uint32(r)<<16 | uint32(g)<<8 | uint32(b)
	if n == 16 {
		k |= 1 << 24
	}
	nearestColors.Lock()
	i, ok := nearestColors.m[k]
	nearestColors.Unlock()
	if ok {
		return i
	}
	if n == 16 {
		i = nearest(c, ansi16Colors(), 45)
	} else {
		i = nearest(c, xterm256(), 30)
	}
	nearestColors.Lock()
	nearestColors.m[k] = i
	nearestColors.Unlock()
	return i
}

// swatch is n cells of background color c.
func (pt painter) swatch(c palette.Color, n int) string {
	return pt.bg(c) + strings.Repeat(" ", n) + pt.reset()
}

// cell pads text to width w (in runes) on background bg with foreground fg.
func (pt painter) cell(text string, w int, bg, fg palette.Color) string {
	n := utf8.RuneCountInString(text)
	if n > w {
		text = string([]rune(text)[:w])
		n = w
	}
	return pt.bg(bg) + pt.fg(fg) + text + strings.Repeat(" ", w-n) + pt.reset()
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

// previewLine draws the colors a choice derives in one line, for a picker
// too small for the mock window: the title, activity and status bars with
// their text, and the lowest contrast of the three (55 columns at most);
// plain values when stderr shows no color (the picker cuts that line to
// its width).
func previewLine(io *ioStreams, colors map[string]string) string {
	editorBG := palette.MustParse("#1e1e1e")
	bars := []struct{ name, bg, fg string }{
		{"title", "titleBar.activeBackground", "titleBar.activeForeground"},
		{"activity", "activityBar.background", "activityBar.foreground"},
		{"status", "statusBar.background", "statusBar.foreground"},
	}
	pt := io.painter()
	var b strings.Builder
	lowest := math.Inf(1)
	for _, bar := range bars {
		v, ok := colors[bar.bg]
		if !ok {
			continue
		}
		bg := pick(colors, bar.bg, editorBG, editorBG)
		if io.ErrColorEnabled() {
			fg := pick(colors, bar.fg, bg, palette.AccessibleForeground(bg))
			b.WriteString(pt.cell(" "+bar.name+" ", len(bar.name)+2, bg, fg))
		} else {
			fmt.Fprintf(&b, "%s %s  ", bar.name, v)
		}
		if fgText, ok := colors[bar.fg]; ok {
			if fg, err := palette.Parse(fgText); err == nil {
				if bgc, err := palette.Parse(v); err == nil {
					lowest = min(lowest, palette.PairContrast(bgc, fg))
				}
			}
		}
	}
	line := strings.TrimSuffix(b.String(), "  ")
	if !math.IsInf(lowest, 1) {
		line += fmt.Sprintf("  contrast ≥ %.1f:1", lowest)
		if lowest < palette.MinContrast {
			line += fmt.Sprintf(" (under %.1f)", palette.MinContrast)
		}
	}
	return line
}
