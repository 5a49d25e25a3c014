package palette

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ErrInvalidColor is wrapped by every error Parse and ParseCSS return, so
// callers can test for it with errors.Is.
var ErrInvalidColor = errors.New("invalid color")

func invalid(s, reason string) error {
	return fmt.Errorf("%w %q: %s", ErrInvalidColor, shorten(s), reason)
}

// shorten keeps an error message readable when the input is long: at most
// 64 characters of it, then an ellipsis.
func shorten(s string) string {
	const most = 64
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

const notAColor = "not a color name, hex, or rgb()/hsl()/hsv()/oklch() form"

// Parse reads a color the way the Peacock extension does (tinycolor2 1.6.0),
// and also accepts CSS Color 4 forms tinycolor rejects.
//
// Peacock forms, with tinycolor's exact semantics: surrounding white space
// is ignored and case does not matter; the 148 CSS color names (gray and
// grey both) and "transparent"; hex with or without "#" in 3, 4, 6 or 8
// digits (4 and 8 carry alpha); and the loose functional forms rgb, rgba,
// hsl, hsla, hsv and hsva, in which parentheses and commas are optional
// ("rgb 255 0 0", "hsl (0, 100%, .5)"). Out-of-range values are clamped; for
// s, l and v a bare number up to 1 is a fraction; an alpha outside 0..1
// means opaque. tinycolor matches these forms anywhere in the text and
// ignores what follows the third value, so "rgb(66 184 131 / 60%)" is the
// opaque #42b883 here, as it is in Peacock.
//
// CSS Color 4 forms, used only when tinycolor rejects the text: oklch(L C H
// [/ A]) and oklab(L a b [/ A]) with L a number (0..1) or a percentage,
// rgb()/hsl()/hwb() in modern or legacy syntax with angle units, numbers or
// percentages and "none" (for example "hsl(120deg 50% 50% / 0.5)").
// Out-of-gamut OKLab and OKLCH colors are brought into sRGB by lowering
// chroma (see FromOKLCH).
//
// The channels of the result are not rounded, as in tinycolor. Parse never
// returns black for text it does not understand: the error wraps
// ErrInvalidColor and says what was wrong. The empty string is an error.
func Parse(s string) (Color, error) {
	if c, ok := parseTiny(s); ok {
		return c, nil
	}
	c, err := parseCSS4(s)
	if err != nil {
		return Color{}, err
	}
	return c, nil
}

// PeacockReads reports whether the Peacock extension (tinycolor2) reads s
// as a color. Parse also accepts CSS Color 4 forms it does not; a file
// shared with the extension should store those as hex.
func PeacockReads(s string) bool {
	_, ok := parseTiny(s)
	return ok
}

// MustParse is like Parse but panics if s is not a color. It is meant for
// constants in programs and tests.
func MustParse(s string) Color {
	c, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCSS reads a color with CSS Color 4 semantics only: names,
// "transparent", #-prefixed hex of 3, 4, 6 or 8 digits, and rgb(), rgba(),
// hsl(), hsla(), hwb(), oklab() and oklch() in modern or legacy syntax. Unlike
// Parse (and Peacock), the whole text must be one color, so the alpha of
// "rgb(66 184 131 / 60%)" is honored.
func ParseCSS(s string) (Color, error) {
	return parseCSS4(s)
}

// isJSSpace reports whether r is white space for JavaScript's \s (and so
// for String.prototype.trim and tinycolor's regular expressions).
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// jsLower is JavaScript's toLowerCase as far as it matters here: it agrees
// with the simple Unicode mapping except that U+0130 (İ) becomes "i̇" in
// JavaScript, which cannot be part of a color; it is kept as is so it does
// not turn into a plain "i".
func jsLower(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	return strings.Map(func(r rune) rune {
		if r == 0x130 {
			return r
		}
		return unicode.ToLower(r)
	}, s)
}

// tinycolor's matchers, with JavaScript's \s and \d spelled out (Go's \s is
// ASCII only). Go's regexp picks the same leftmost-first match a
// backtracking engine does, so the captures are tinycolor's. The trailing
// `\s*\)?` of tinycolor's patterns always matches and is left out.
// They are compiled on first use, not at start-up: most runs of the CLI
// (and every hex color) never need them. (A sync.Once rather than
// sync.OnceValue, whose closures would be allocated at start-up.)
func tinyRE() *[6]*regexp.Regexp {
	tinyREOnce.Do(compileTinyRE)
	return &tinyREs
}

var (
	tinyREOnce sync.Once
	tinyREs    [6]*regexp.Regexp
)

func compileTinyRE() {
	const ws = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`
	const unit = `((?:[-+]?[0-9]*\.[0-9]+%?)|(?:[-+]?[0-9]+%?))`
	const open = `[` + ws + `|(]+`
	const sep = `[,|` + ws + `]+`
	const m3 = open + unit + sep + unit + sep + unit
	const m4 = m3 + sep + unit
	tinyREs = [6]*regexp.Regexp{
		regexp.MustCompile("rgb" + m3), regexp.MustCompile("rgba" + m4),
		regexp.MustCompile("hsl" + m3), regexp.MustCompile("hsla" + m4),
		regexp.MustCompile("hsv" + m3), regexp.MustCompile("hsva" + m4),
	}
}

// parseTiny is tinycolor(s) for a string s; ok is tinycolor's isValid.
func parseTiny(s string) (Color, bool) {
	s = jsLower(strings.TrimFunc(s, isJSSpace))
	if v, ok := cssName(s); ok {
		return Color{R: float64(v >> 16), G: float64(v >> 8 & 0xff), B: float64(v & 0xff), A: 1}, true
	}
	if s == "transparent" {
		return Color{}, true
	}
	// A hex string holds no "rgb", "hsl" or "hsv", so trying hex before the
	// functional forms gives tinycolor's result while skipping the regexps.
	if c, ok := parseHex(s); ok {
		return c, true
	}
	if !strings.Contains(s, "rgb") && !strings.Contains(s, "hs") {
		return Color{}, false
	}
	for i, re := range tinyRE() {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		a := 1.0
		if len(m) == 5 {
			a = boundAlpha(jsParseFloat(m[4]))
		}
		var r, g, b float64
		switch i / 2 {
		case 0: // rgb
			r = bound01String(m[1], 255) * 255
			g = bound01String(m[2], 255) * 255
			b = bound01String(m[3], 255) * 255
		case 1: // hsl
			r, g, b = hslToRGB(bound01String(m[1], 360), percentString(m[2]), percentString(m[3]))
		default: // hsv
			r, g, b = hsvToRGB(bound01String(m[1], 360), percentString(m[2]), percentString(m[3]))
		}
		return newColor(r, g, b, a), true
	}
	return Color{}, false
}

// parseHex matches tinycolor's anchored hex patterns: an optional "#" and
// 8, 6, 4 or 3 hex digits. s is already lower case.
func parseHex(s string) (Color, bool) {
	s = strings.TrimPrefix(s, "#")
	var d [8]uint8
	if len(s) != 3 && len(s) != 4 && len(s) != 6 && len(s) != 8 {
		return Color{}, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			d[i] = c - '0'
		case 'a' <= c && c <= 'f':
			d[i] = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d[i] = c - 'A' + 10
		default:
			return Color{}, false
		}
	}
	var r, g, b, a uint8
	alpha := false
	switch len(s) {
	case 3, 4:
		r, g, b = d[0]*17, d[1]*17, d[2]*17
		if len(s) == 4 {
			a, alpha = d[3]*17, true
		}
	default:
		r, g, b = d[0]<<4|d[1], d[2]<<4|d[3], d[4]<<4|d[5]
		if len(s) == 8 {
			a, alpha = d[6]<<4|d[7], true
		}
	}
	c := Color{R: float64(r), G: float64(g), B: float64(b), A: 1}
	if alpha {
		c.A = float64(a) / 255
	}
	return c, true
}

// jsParseFloat is parseFloat for the numbers tinycolor's CSS_UNIT captures
// ([-+]?digits with an optional fraction and "%").
func jsParseFloat(s string) float64 {
	s = strings.TrimSuffix(s, "%")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return math.NaN()
	}
	return v
}

// bound01String is tinycolor's bound01(n, max) for a captured string n:
// "1.0"-like strings mean 100%, percentages go through the truncating path.
func bound01String(n string, max float64) float64 {
	v := jsParseFloat(n)
	if v == 1 && strings.Contains(n, ".") {
		return bound01Percent(100, max)
	}
	if strings.Contains(n, "%") {
		return bound01Percent(v, max)
	}
	return bound01Num(v, max)
}

// percentString is what tinycolor does with a captured s, l or v:
// convertToPercentage turns a bare number up to 1 into String(n*100)+"%",
// then hslToRgb/hsvToRgb apply bound01(…, 100).
func percentString(n string) float64 {
	if !strings.Contains(n, "%") {
		if v := jsParseFloat(n); v <= 1 {
			return bound01Percent(v*100, 100)
		}
	}
	return bound01String(n, 100)
}

// parseCSS4 parses CSS Color 4 text strictly: the whole (trimmed) text must
// be a name, a #hex or one functional form.
func parseCSS4(orig string) (Color, error) {
	s := jsLower(strings.TrimFunc(orig, isJSSpace))
	if s == "" {
		return Color{}, invalid(orig, "empty string")
	}
	if v, ok := cssName(s); ok {
		return Color{R: float64(v >> 16), G: float64(v >> 8 & 0xff), B: float64(v & 0xff), A: 1}, nil
	}
	if s == "transparent" {
		return Color{}, nil
	}
	if h, hash := strings.CutPrefix(s, "#"); hash || isHexDigits(h) {
		switch n := len(h); {
		case n == 0:
			return Color{}, invalid(orig, "hex color has no digits")
		case !isHexDigits(h):
			return Color{}, invalid(orig, "hex color has a character that is not a hex digit")
		case n != 3 && n != 4 && n != 6 && n != 8:
			return Color{}, invalid(orig, fmt.Sprintf("hex color needs 3, 4, 6 or 8 digits, not %d", n))
		case !hash:
			return Color{}, invalid(orig, "hex color needs a leading #")
		}
		c, _ := parseHex(h)
		return c, nil
	}
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return Color{}, invalid(orig, notAColor)
	}
	name := s[:open]
	switch name {
	case "rgb", "rgba", "hsl", "hsla", "hwb", "oklab", "oklch":
	case "hsv", "hsva":
		return Color{}, invalid(orig, name+"() needs three numbers, as in hsv(0, 100%, 100%)")
	default:
		switch strings.TrimRightFunc(name, isJSSpace) {
		case "rgb", "rgba", "hsl", "hsla", "hwb", "oklab", "oklch":
			// CSS reads "hwb (" as a word and a parenthesis, not a function.
			return Color{}, invalid(orig, "no space is allowed before the ( of a color function")
		}
		return Color{}, invalid(orig, notAColor)
	}
	if !strings.HasSuffix(s, ")") {
		return Color{}, invalid(orig, name+"() is missing its closing parenthesis")
	}
	args, alpha, legacy, err := cssArgs(s[open+1 : len(s)-1])
	if err == nil && legacy {
		err = legacyArgs(name, args)
	}
	if err != nil {
		return Color{}, invalid(orig, name+"(): "+err.Error())
	}
	if len(args) != 3 {
		if len(args) == 4 && legacy {
			alpha, args = &args[3], args[:3] // legacy rgba(r, g, b, a)
		} else {
			return Color{}, invalid(orig, fmt.Sprintf("%s() needs 3 values and an optional / alpha, got %d", name, len(args)))
		}
	}
	a := 1.0
	if alpha != nil {
		if a, err = alpha.alpha(); err != nil {
			return Color{}, invalid(orig, name+"(): "+err.Error())
		}
	}
	c, err := cssFunc(name, args)
	if err != nil {
		return Color{}, invalid(orig, name+"(): "+err.Error())
	}
	c.A = a
	return c, nil
}

func isHexDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// cssValue is one argument of a CSS color function.
type cssValue struct {
	text string
	num  float64
	unit string // "", "%", "deg", "grad", "rad", "turn"
	none bool
}

// cssArgs splits the inside of a color function into values: legacy syntax
// separates with commas, modern syntax with white space and an optional
// "/ alpha" at the end.
func cssArgs(in string) (args []cssValue, alpha *cssValue, legacy bool, err error) {
	var fields []string
	if strings.Contains(in, ",") {
		legacy = true
		if strings.Contains(in, "/") {
			return nil, nil, legacy, errors.New("mixes commas and /")
		}
		for _, f := range strings.Split(in, ",") {
			f = strings.TrimFunc(f, isJSSpace)
			if f == "" || strings.IndexFunc(f, isJSSpace) >= 0 {
				return nil, nil, legacy, errors.New("values must be separated by exactly one comma each")
			}
			fields = append(fields, f)
		}
	} else {
		in = strings.ReplaceAll(in, "/", " / ")
		fields = strings.FieldsFunc(in, isJSSpace)
	}
	for i, f := range fields {
		if f == "/" {
			if i != len(fields)-2 || alpha != nil {
				return nil, nil, legacy, errors.New("/ must come right before the last value (the alpha)")
			}
			v, err := cssToken(fields[i+1])
			if err != nil {
				return nil, nil, legacy, err
			}
			alpha = &v
			break
		}
		v, err := cssToken(f)
		if err != nil {
			return nil, nil, legacy, err
		}
		args = append(args, v)
	}
	return args, alpha, legacy, nil
}

// legacyArgs checks the comma-separated (legacy) syntax of CSS Color 4,
// which only rgb(), rgba(), hsl() and hsla() have: no "none", rgb channels
// all numbers or all percentages, hsl saturation and lightness percentages.
func legacyArgs(name string, args []cssValue) error {
	if name != "rgb" && name != "rgba" && name != "hsl" && name != "hsla" {
		return errors.New("separate the values with spaces (and the alpha with /), not commas")
	}
	for _, v := range args {
		if v.none {
			return errors.New(`"none" needs the space-separated syntax`)
		}
	}
	if len(args) < 3 {
		return nil // reported by the caller
	}
	if name == "rgb" || name == "rgba" {
		if (args[0].unit == "%") != (args[1].unit == "%") || (args[0].unit == "%") != (args[2].unit == "%") {
			return errors.New("with commas, the channels must be all numbers or all percentages")
		}
		return nil
	}
	if args[1].unit != "%" || args[2].unit != "%" {
		return errors.New("with commas, saturation and lightness must be percentages")
	}
	return nil
}

func cssToken(f string) (cssValue, error) {
	if f == "none" {
		return cssValue{text: f, none: true}, nil
	}
	num := f
	unit := ""
	for _, u := range [...]string{"%", "deg", "grad", "rad", "turn"} {
		if strings.HasSuffix(f, u) {
			num, unit = strings.TrimSuffix(f, u), u
			break
		}
	}
	if num == "" || strings.ContainsAny(num, "_xXpPiInN") || strings.HasPrefix(num, "0x") {
		return cssValue{}, fmt.Errorf("%q is not a number", f)
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return cssValue{}, fmt.Errorf("%q is not a number", f)
	}
	return cssValue{text: f, num: v, unit: unit}, nil
}

// number returns a value that is a plain number or a percentage, where
// 100% is pct.
func (v cssValue) number(pct float64) (float64, error) {
	switch v.unit {
	case "":
		return v.num, nil
	case "%":
		return v.num / 100 * pct, nil
	}
	if v.none {
		return 0, nil
	}
	return 0, fmt.Errorf("%q: an angle is not allowed here", v.text)
}

// degrees returns a hue: a number (degrees) or an angle.
func (v cssValue) degrees() (float64, error) {
	switch v.unit {
	case "", "deg":
		return v.num, nil
	case "grad":
		return v.num * 0.9, nil
	case "rad":
		return v.num * 180 / math.Pi, nil
	case "turn":
		return v.num * 360, nil
	}
	return 0, fmt.Errorf("%q: a hue must be a number or an angle", v.text)
}

func (v cssValue) alpha() (float64, error) {
	if v.none {
		return 0, nil
	}
	a, err := v.number(1)
	return clamp01(a), err
}

// cssFunc converts the three values of a color function to a color.
func cssFunc(name string, args []cssValue) (Color, error) {
	var x [3]float64
	var err error
	for i, v := range args {
		if v.none {
			continue
		}
		switch {
		case i == 0 && (name == "hsl" || name == "hsla" || name == "hwb"), i == 2 && name == "oklch":
			x[i], err = v.degrees()
		case name == "rgb" || name == "rgba":
			x[i], err = v.number(255)
		case i == 0 && (name == "oklab" || name == "oklch"):
			x[i], err = v.number(1)
		case name == "oklab" || name == "oklch":
			x[i], err = v.number(0.4)
		default: // saturation, lightness, whiteness, blackness: 0..100
			x[i], err = v.number(100)
		}
		if err != nil {
			return Color{}, err
		}
	}
	switch name {
	case "rgb", "rgba":
		return Color{R: clampTo(x[0], 255), G: clampTo(x[1], 255), B: clampTo(x[2], 255)}, nil
	case "hsl", "hsla":
		r, g, b := hslToRGB(hueTurns(x[0]), clampTo(x[1], 100)/100, clampTo(x[2], 100)/100)
		return Color{R: r, G: g, B: b}, nil
	case "hwb":
		w, bl := clampTo(x[1], 100)/100, clampTo(x[2], 100)/100
		if w+bl >= 1 {
			gray := w / (w + bl) * 255
			return Color{R: gray, G: gray, B: gray}, nil
		}
		r, g, b := hslToRGB(hueTurns(x[0]), 1, 0.5)
		f := 1 - w - bl
		return Color{R: r*f + w*255, G: g*f + w*255, B: b*f + w*255}, nil
	case "oklab":
		return FromOKLCH(x[0], math.Hypot(x[1], x[2]), math.Atan2(x[2], x[1])*180/math.Pi), nil
	default: // oklch
		return FromOKLCH(x[0], math.Max(0, x[1]), x[2]), nil
	}
}

func clampTo(v, max float64) float64 { return math.Min(max, math.Max(0, v)) }

// hueTurns maps degrees (any value) to 0..1.
func hueTurns(deg float64) float64 {
	deg = math.Mod(deg, 360)
	if deg < 0 {
		deg += 360
	}
	return deg / 360
}
