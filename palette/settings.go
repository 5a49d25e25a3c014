package palette

import (
	"encoding/json"
	"fmt"
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
	// of the lighten and darken commands (default 5). Derive does not use
	// it: element adjustments always use 10.
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
// []any and map[string]any.
//
// peacock.elementAdjustments merges key by key, as VS Code merges object
// settings; peacock.style sets Style ("peacock" or "accessible"). A null
// value leaves the setting as it was. Keys without the "peacock." prefix,
// and peacock.* keys that do not affect derivation (peacock.color,
// peacock.favoriteColors, …), are ignored. A value of the wrong type is an
// error naming the key and the type expected, and then the returned
// Settings is s unchanged.
func (s Settings) Merge(values map[string]any) (Settings, error) {
	out := s
	out.ExcludedSettings = append([]string(nil), s.ExcludedSettings...)
	for key, v := range values {
		name, ok := strings.CutPrefix(key, "peacock.")
		if !ok || v == nil {
			continue
		}
		if p := out.boolField(name); p != nil {
			b, ok := v.(bool)
			if !ok {
				return s, typeError(key, "a boolean", v)
			}
			*p = b
			continue
		}
		var err error
		switch name {
		case "elementAdjustments":
			err = out.mergeAdjustments(key, v)
		case "darkForegroundColor", "lightForegroundColor":
			str, ok := v.(string)
			if !ok {
				return s, typeError(key, "a string", v)
			}
			if name == "darkForegroundColor" {
				out.DarkForegroundColor = str
			} else {
				out.LightForegroundColor = str
			}
		case "darkenLightenPercentage":
			switch n := v.(type) {
			case float64:
				out.DarkenLightenPercentage = n
			case int:
				out.DarkenLightenPercentage = float64(n)
			case json.Number:
				f, perr := n.Float64()
				if perr != nil {
					return s, typeError(key, "a number", v)
				}
				out.DarkenLightenPercentage = f
			default:
				return s, typeError(key, "a number", v)
			}
		case "excludedSettings":
			out.ExcludedSettings, err = stringList(key, v)
		case "style":
			str, ok := v.(string)
			if !ok {
				return s, typeError(key, `"peacock" or "accessible"`, v)
			}
			switch Style(str) {
			case StylePeacock, StyleAccessible:
				out.Style = Style(str)
			default:
				return s, fmt.Errorf("setting %s: unknown style %q, want \"peacock\" or \"accessible\"", key, str)
			}
		}
		if err != nil {
			return s, err
		}
	}
	return out, nil
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

func (s *Settings) mergeAdjustments(key string, v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return typeError(key, "an object", v)
	}
	for k, av := range m {
		var p *Adjustment
		switch k {
		case "activityBar":
			p = &s.ActivityBarAdjustment
		case "statusBar":
			p = &s.StatusBarAdjustment
		case "titleBar":
			p = &s.TitleBarAdjustment
		default:
			continue
		}
		if av == nil {
			continue
		}
		str, ok := av.(string)
		if !ok {
			return typeError(key+"."+k, `"none", "lighten" or "darken"`, av)
		}
		*p = Adjustment(str)
	}
	return nil
}

func stringList(key string, v any) ([]string, error) {
	switch l := v.(type) {
	case []string:
		return append([]string(nil), l...), nil
	case []any:
		out := make([]string, 0, len(l))
		for _, e := range l {
			str, ok := e.(string)
			if !ok {
				return nil, typeError(key, "a list of strings", v)
			}
			out = append(out, str)
		}
		return out, nil
	}
	return nil, typeError(key, "a list of strings", v)
}

func typeError(key, want string, got any) error {
	return fmt.Errorf("setting %s: want %s, got %s", key, want, jsonType(got))
}

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
