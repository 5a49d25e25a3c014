package palette

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Adjustment is a peacock.elementAdjustments value: how an element's
// background is derived from the Peacock color.
type Adjustment string

// The adjustments Peacock knows. Any other value acts as AdjustNone, as in
// Peacock.
const (
	AdjustNone    Adjustment = "none"
	AdjustLighten Adjustment = "lighten" // lighten by 10 (not darkenLightenPercentage)
	AdjustDarken  Adjustment = "darken"  // darken by 10
)

// Style selects how Derive computes colors.
type Style string

// The derivation styles.
const (
	// StylePeacock writes exactly what the Peacock extension (4.4.1) writes.
	StylePeacock Style = "peacock"
	// StyleAccessible starts from the Peacock values and then adjusts them
	// for WCAG contrast (see MakeAccessible).
	StyleAccessible Style = "accessible"
)

// Settings holds the peacock.* settings that affect which keys Derive
// writes and their values (spec §3), plus two things that are not settings
// in Peacock: Cursor (the editor is Cursor, detected from the app name) and
// Style.
type Settings struct {
	// peacock.affect*: which elements are colored.
	AffectActivityBar           bool // peacock.affectActivityBar, default true
	AffectStatusBar             bool // peacock.affectStatusBar, default true
	AffectTitleBar              bool // peacock.affectTitleBar, default true
	AffectSashHover             bool // peacock.affectSashHover, default true
	AffectEditorGroupBorder     bool // peacock.affectEditorGroupBorder
	AffectPanelBorder           bool // peacock.affectPanelBorder
	AffectSideBarBorder         bool // peacock.affectSideBarBorder
	AffectStatusAndTitleBorders bool // peacock.affectStatusAndTitleBorders
	AffectDebuggingStatusBar    bool // peacock.affectDebuggingStatusBar
	AffectTabActiveBorder       bool // peacock.affectTabActiveBorder
	AffectTabActiveBackground   bool // peacock.affectTabActiveBackground
	AffectWindowBorder          bool // peacock.affectWindowBorder

	// peacock.elementAdjustments, key by key.
	ActivityBarAdjustment Adjustment // default lighten
	StatusBarAdjustment   Adjustment // default none
	TitleBarAdjustment    Adjustment // default none

	KeepForegroundColor bool // peacock.keepForegroundColor: write no foreground keys
	KeepBadgeColor      bool // peacock.keepBadgeColor: write no activityBarBadge.* keys
	SquigglyBeGone      bool // peacock.squigglyBeGone: hide error/warning/info squiggles

	// peacock.darkForegroundColor and peacock.lightForegroundColor, any
	// color text; "" means the defaults #15202b and #e7e7e7. Text that
	// Peacock (tinycolor) cannot read gives #000000, as in Peacock, even a
	// CSS Color 4 form that Parse accepts.
	DarkForegroundColor  string
	LightForegroundColor string

	// DarkenLightenPercentage is peacock.darkenLightenPercentage, the step
	// of the lighten and darken commands (default 5), as the extension's
	// tinycolor call reads the value: ±Inf for 1e400, NaN for a value that
	// is no number, which makes lighten and darken give black (see
	// MergeWarn). Derive does not use it: element adjustments always use 10.
	DarkenLightenPercentage float64

	// ExcludedSettings is peacock.excludedSettings: keys Peacock neither
	// writes nor deletes. Derive ignores it; the settings file merge
	// applies it.
	ExcludedSettings []string

	// Cursor reports that the editor is Cursor, where Peacock writes
	// #595959 for titleBar.activeForeground and commandCenter.foreground.
	Cursor bool

	// Style is StylePeacock (or "") for Peacock's exact values, or
	// StyleAccessible.
	Style Style

	// Version is the extension release whose payload Derive writes; the
	// zero Version is Current. Releases before Current always use
	// StylePeacock.
	Version Version
}

// DefaultSettings returns Peacock's package defaults: activity, status and
// title bars and the sash hover border colored, the activity bar lightened,
// darkenLightenPercentage 5, the default foregrounds, StylePeacock.
func DefaultSettings() Settings {
	return Settings{
		AffectActivityBar:       true,
		AffectStatusBar:         true,
		AffectTitleBar:          true,
		AffectSashHover:         true,
		ActivityBarAdjustment:   AdjustLighten,
		StatusBarAdjustment:     AdjustNone,
		TitleBarAdjustment:      AdjustNone,
		DarkForegroundColor:     DefaultDarkForeground,
		LightForegroundColor:    DefaultLightForeground,
		DarkenLightenPercentage: 5,
		Style:                   StylePeacock,
	}
}

// Peacock's constants (src/models).
const (
	DefaultDarkForeground  = "#15202b" // foreground on light backgrounds
	DefaultLightForeground = "#e7e7e7" // foreground on dark backgrounds
	CursorTitleForeground  = "#595959" // title foreground in Cursor
	PeacockGreen           = "#42b883"
	AzureBlue              = "#007fff"
)

// Merge applies settings values over s and returns the result; s itself is
// not changed. values maps setting keys ("peacock.affectTitleBar") to values
// as encoding/json decodes them: bool, float64 (or json.Number), string,
// []any and map[string]any, and nil for null. It is MergeWarn without the
// warnings.
func (s Settings) Merge(values map[string]any) (Settings, error) {
	out, _, err := s.MergeWarn(values)
	return out, err
}

// A Warning is a peacock.* setting whose value does not have the type the
// extension's schema gives it. The extension reads it anyway, with
// JavaScript's rules, and so does MergeWarn: Read says how.
type Warning struct {
	Key  string // the setting, "peacock.elementAdjustments.activityBar" for a key of it
	Want string // the schema's type: "a boolean"
	Got  string // the value's JSON type and text: `string "false"`
	Read string // how the extension reads it: "true"
}

func (w Warning) String() string {
	return fmt.Sprintf("setting %s: want %s, got %s; the extension reads it as %s", w.Key, w.Want, w.Got, w.Read)
}

// MergeWarn applies settings values over s as Merge does and returns the
// result, with a Warning for each setting of the wrong type. Values are
// read as the extension reads them (spec §3, read-configuration.ts), and a
// null is a value, as VS Code's configuration merge keeps it
// (configurationModels.ts mergeContents: a later layer's null replaces the
// default; get() falls back to the default only for undefined):
//
//   - the boolean settings by JavaScript truthiness: false, 0, "" and null
//     are false, anything else ("false", "no", 1, [], {}) true;
//   - peacock.elementAdjustments: an object merges key by key; a key that is
//     not "lighten" or "darken" (null, "none", 1) is no adjustment, and a
//     value that is not an object (a string, null, an array) means no
//     adjustment for any element;
//   - peacock.darkForegroundColor and lightForegroundColor: a falsy value
//     (null, "", false, 0) is the default, other text a color, an
//     {r, g, b}, {h, s, v} or {h, s, l} object the color tinycolor reads
//     from it, any other truthy value black;
//   - peacock.darkenLightenPercentage: tinycolor's amount === 0 ? 0 :
//     amount || 10, then JavaScript's Number: null, false and "" give 10,
//     true 1, "7" 7, [] 0, 1e400 Infinity (lighten gives white), text that
//     is no number NaN (lighten and darken give black);
//   - peacock.excludedSettings: a list keeps its strings; a string excludes
//     every owned key it contains (String.prototype.includes); null, a
//     number, a boolean or an object is an error: the extension fails on it
//     (excludedSettings.includes is not a function) and writes nothing.
//
// peacock.style sets Style ("peacock" or "accessible"; it is this tool's
// own setting, so anything else is an error; null leaves it). Keys without
// the "peacock." prefix, and peacock.* keys that do not affect derivation
// (peacock.color, peacock.favoriteColors, …), are ignored. On an error the
// returned Settings is s unchanged.
func (s Settings) MergeWarn(values map[string]any) (Settings, []Warning, error) {
	out := s
	out.ExcludedSettings = append([]string(nil), s.ExcludedSettings...)
	var warns []Warning
	warn := func(key, want string, v any, read string) {
		warns = append(warns, Warning{Key: key, Want: want, Got: describe(v), Read: read})
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys) // warnings in a stable order
	for _, key := range keys {
		v := values[key]
		name, ok := strings.CutPrefix(key, "peacock.")
		if !ok {
			continue
		}
		if p := out.boolField(name); p != nil {
			b := Truthy(v)
			if _, isBool := v.(bool); !isBool {
				warn(key, "a boolean", v, fmt.Sprint(b))
			}
			*p = b
			continue
		}
		switch name {
		case "elementAdjustments":
			warns = append(warns, out.mergeAdjustments(key, v)...)
		case "darkForegroundColor", "lightForegroundColor":
			str, isString := v.(string)
			def := DefaultDarkForeground
			if name == "lightForegroundColor" {
				def = DefaultLightForeground
			}
			switch {
			case isString:
			case !Truthy(v):
				warn(key, "a color string", v, "the default "+def)
			default:
				str = "#000000"
				if text, ok := tinyObjectText(v); ok {
					c, _ := parseTiny(text)
					str = c.Hex()
					warn(key, "a color string", v, str+" (tinycolor reads an {r, g, b}, {h, s, v} or {h, s, l} object as a color)")
				} else {
					warn(key, "a color string", v, "#000000 (tinycolor reads a value that is no string or color object as black)")
				}
			}
			if name == "darkForegroundColor" {
				out.DarkForegroundColor = str
			} else {
				out.LightForegroundColor = str
			}
		case "darkenLightenPercentage":
			n := percentage(v)
			if !isNumber(v) {
				warn(key, "a number", v, formatJSNumber(n))
			} else if math.IsInf(n, 0) {
				warn(key, "a number from 1 to 10", v, formatJSNumber(n))
			}
			out.DarkenLightenPercentage = n
		case "excludedSettings":
			list, w, err := excludedList(key, v)
			if err != nil {
				return s, nil, err
			}
			warns = append(warns, w...)
			out.ExcludedSettings = list
		case "style":
			if v == nil {
				continue
			}
			str, ok := v.(string)
			if !ok {
				return s, nil, typeError(key, `"peacock" or "accessible"`, v)
			}
			switch Style(str) {
			case StylePeacock, StyleAccessible:
				out.Style = Style(str)
			default:
				return s, nil, &SettingError{Key: key, Msg: fmt.Sprintf("unknown style %q, want \"peacock\" or \"accessible\"", str)}
			}
		}
	}
	return out, warns, nil
}

// tinyObjectText returns the color text tinycolor reads as it reads the
// object v ({r, g, b}, else {h, s, v}, else {h, s, l}, each with an
// optional a) in inputToRGB: the same channels in its functional form,
// which goes through the same bound01 and convertToPercentage. Only
// numbers and number-like strings ("50%") are taken.
func tinyObjectText(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	unit := func(k string) (string, bool) {
		switch x := m[k].(type) {
		case float64:
			if math.IsInf(x, 0) || math.Abs(x) >= 1e21 {
				return "", false
			}
			return strconv.FormatFloat(x, 'f', -1, 64), true
		case json.Number:
			f := jsonNumber(x)
			if math.IsInf(f, 0) || math.Abs(f) >= 1e21 {
				return "", false
			}
			return strconv.FormatFloat(f, 'f', -1, 64), true
		case string:
			t := strings.TrimSuffix(x, "%")
			if _, err := strconv.ParseFloat(t, 64); err != nil || strings.ContainsAny(t, "eEinfINF_xX") {
				return "", false
			}
			return x, true
		}
		return "", false
	}
	for _, f := range [][3]string{{"r", "g", "b"}, {"h", "s", "v"}, {"h", "s", "l"}} {
		a, ok1 := unit(f[0])
		b, ok2 := unit(f[1])
		c, ok3 := unit(f[2])
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		name := map[string]string{"r": "rgb", "h": "hsv"}[f[0]]
		if f[2] == "l" {
			name = "hsl"
		}
		if _, has := m["a"]; has {
			alpha, ok := unit("a")
			if !ok {
				alpha = "1" // boundAlpha of what is no number
			}
			return fmt.Sprintf("%sa(%s, %s, %s, %s)", name, a, b, c, alpha), true
		}
		return fmt.Sprintf("%s(%s, %s, %s)", name, a, b, c), true
	}
	return "", false
}

// Truthy is JavaScript's ToBoolean of a value as encoding/json decodes it
// (nil for null): false, 0, NaN, "" and null are false, anything else (an
// empty array or object too) true.
func Truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return x != ""
	case float64:
		return x != 0 && !math.IsNaN(x)
	case int:
		return x != 0
	case json.Number:
		f := jsonNumber(x)
		return f != 0 && !math.IsNaN(f)
	}
	return true // arrays and objects, even empty
}

func isNumber(v any) bool {
	switch v.(type) {
	case float64, int, json.Number:
		return true
	}
	return false
}

// jsonNumber is the value of a JSON number literal as JavaScript's
// JSON.parse reads it: out of range is ±Infinity (or ±0).
func jsonNumber(n json.Number) float64 {
	f, _ := strconv.ParseFloat(string(n), 64) // ErrRange gives ±Inf or ±0, as JavaScript
	return f
}

// jsNumber is JavaScript's Number(v) (ToNumber) of a decoded JSON value.
func jsNumber(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case bool:
		if x {
			return 1
		}
		return 0
	case float64:
		return x
	case int:
		return float64(x)
	case json.Number:
		return jsonNumber(x)
	case string:
		return stringToNumber(x)
	case []any:
		// ToPrimitive of an array is its elements joined with ","
		// (null as ""), then read as a string.
		switch len(x) {
		case 0:
			return 0
		case 1:
			switch e := x[0].(type) {
			case nil:
				return 0
			case []any, map[string]any:
				return jsNumber(e)
			case string:
				return stringToNumber(e)
			case bool:
				return math.NaN() // "true" is no number
			default:
				return jsNumber(e)
			}
		}
		return math.NaN()
	}
	return math.NaN() // an object: "[object Object]"
}

// stringToNumber is JavaScript's StringToNumber: white space trimmed, ""
// is 0, decimal literals, 0x/0o/0b integers and ±Infinity; anything else
// NaN.
func stringToNumber(s string) float64 {
	t := strings.TrimFunc(s, isJSSpace)
	if t == "" {
		return 0
	}
	switch t {
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(t) > 2 && t[0] == '0' {
		base := 0
		switch t[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			n, err := strconv.ParseUint(t[2:], base, 64)
			if err != nil {
				if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
					return math.Inf(1)
				}
				return math.NaN()
			}
			return float64(n)
		}
	}
	// A decimal literal: digits, one dot, an exponent; no "_", no hex
	// floats, no "inf"/"nan" (which ParseFloat would take).
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 || body == "" {
		return math.NaN()
	}
	seenDigit, seenDot, seenExp := false, false, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
			seenDigit = true
		case c == '.' && !seenDot && !seenExp:
			seenDot = true
		case (c == 'e' || c == 'E') && seenDigit && !seenExp:
			seenExp = true
			if i+1 < len(body) && (body[i+1] == '+' || body[i+1] == '-') {
				i++
			}
			if i+1 >= len(body) {
				return math.NaN()
			}
		default:
			return math.NaN()
		}
	}
	if !seenDigit {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return math.NaN()
		}
	}
	return f
}

// percentage is the step tinycolor's lighten and darken take from the
// setting's value v: amount === 0 ? 0 : amount || 10, then amount / 100
// with JavaScript's Number.
func percentage(v any) float64 {
	if !Truthy(v) {
		if isNumber(v) {
			return 0 // 0 (and -0) stay 0
		}
		return 10 // null, false, ""
	}
	return jsNumber(v)
}

// formatJSNumber writes n as JavaScript's String(n) does for the values a
// warning shows.
func formatJSNumber(n float64) string {
	switch {
	case math.IsNaN(n):
		return "NaN (lighten and darken give black)"
	case math.IsInf(n, 1):
		return "Infinity (lighten gives white, darken black)"
	case math.IsInf(n, -1):
		return "-Infinity (lighten gives black, darken white)"
	}
	return strconv.FormatFloat(n, 'g', -1, 64)
}

// describe names the JSON type of v with its text, for a warning.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("string %q", x)
	case bool, float64, int, json.Number:
		b, _ := json.Marshal(x)
		if len(b) == 0 {
			return jsonType(v) + " " + fmt.Sprint(x)
		}
		return jsonType(v) + " " + string(b)
	}
	return jsonType(v)
}

// boolField returns the field of the boolean setting peacock.<name>, or nil.
func (s *Settings) boolField(name string) *bool {
	switch name {
	case "affectActivityBar":
		return &s.AffectActivityBar
	case "affectStatusBar":
		return &s.AffectStatusBar
	case "affectTitleBar":
		return &s.AffectTitleBar
	case "affectSashHover":
		return &s.AffectSashHover
	case "affectEditorGroupBorder":
		return &s.AffectEditorGroupBorder
	case "affectPanelBorder":
		return &s.AffectPanelBorder
	case "affectSideBarBorder":
		return &s.AffectSideBarBorder
	case "affectStatusAndTitleBorders":
		return &s.AffectStatusAndTitleBorders
	case "affectDebuggingStatusBar":
		return &s.AffectDebuggingStatusBar
	case "affectTabActiveBorder":
		return &s.AffectTabActiveBorder
	case "affectTabActiveBackground":
		return &s.AffectTabActiveBackground
	case "affectWindowBorder":
		return &s.AffectWindowBorder
	case "keepForegroundColor":
		return &s.KeepForegroundColor
	case "keepBadgeColor":
		return &s.KeepBadgeColor
	case "squigglyBeGone":
		return &s.SquigglyBeGone
	}
	return nil
}

// mergeAdjustments merges peacock.elementAdjustments as the extension
// reads it (see MergeWarn).
func (s *Settings) mergeAdjustments(key string, v any) []Warning {
	fields := []struct {
		name string
		p    *Adjustment
	}{{"activityBar", &s.ActivityBarAdjustment}, {"statusBar", &s.StatusBarAdjustment}, {"titleBar", &s.TitleBarAdjustment}}
	m, ok := v.(map[string]any)
	if !ok {
		for _, f := range fields {
			*f.p = AdjustNone
		}
		return []Warning{{Key: key, Want: "an object", Got: describe(v), Read: "no adjustment for any element"}}
	}
	var warns []Warning
	for _, f := range fields {
		av, ok := m[f.name]
		if !ok {
			continue
		}
		str, isString := av.(string)
		if !isString {
			*f.p = AdjustNone
			warns = append(warns, Warning{Key: key + "." + f.name, Want: `"none", "lighten" or "darken"`, Got: describe(av), Read: "none"})
			continue
		}
		*f.p = Adjustment(str)
	}
	return warns
}

// excludedList reads peacock.excludedSettings as the extension uses it:
// excludedSettings.includes(key).
func excludedList(key string, v any) ([]string, []Warning, error) {
	switch l := v.(type) {
	case []string:
		return append([]string(nil), l...), nil, nil
	case []any:
		out := make([]string, 0, len(l))
		var warns []Warning
		for _, e := range l {
			str, ok := e.(string)
			if !ok {
				if warns == nil {
					warns = append(warns, Warning{Key: key, Want: "a list of strings", Got: "a list holding " + describe(e), Read: "a list of its strings (nothing else equals a key)"})
				}
				continue
			}
			out = append(out, str)
		}
		return out, warns, nil
	case string:
		var out []string
		for _, k := range ownedKeys {
			if strings.Contains(l, k) {
				out = append(out, k)
			}
		}
		read := "excluding the owned keys it contains (String.prototype.includes): none"
		if len(out) > 0 {
			read = "excluding the owned keys it contains (String.prototype.includes): " + strings.Join(out, ", ")
		}
		return out, []Warning{{Key: key, Want: "a list of strings", Got: describe(v), Read: read}}, nil
	}
	return nil, nil, &SettingError{Key: key, Msg: fmt.Sprintf("want a list of strings, got %s; the extension fails on it (excludedSettings.includes is not a function) and writes no colors", describe(v))}
}

func typeError(key, want string, got any) error {
	return &SettingError{Key: key, Msg: fmt.Sprintf("want %s, got %s", want, jsonType(got))}
}

// SettingError is a setting value Merge cannot use: "setting KEY: MSG".
type SettingError struct {
	Key string // "peacock.style"
	Msg string
}

func (e *SettingError) Error() string { return "setting " + e.Key + ": " + e.Msg }

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case bool:
		return "boolean"
	case float64, int, json.Number:
		return "number"
	case string:
		return "string"
	case []any, []string:
		return "array"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}
