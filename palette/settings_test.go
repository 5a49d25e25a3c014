package palette

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	var values map[string]any
	err := json.Unmarshal([]byte(`{
		"peacock.affectTitleBar": false,
		"peacock.affectWindowBorder": true,
		"peacock.elementAdjustments": {"statusBar": "darken", "other": 1},
		"peacock.darkForegroundColor": "#000",
		"peacock.darkenLightenPercentage": 7,
		"peacock.excludedSettings": ["statusBar.background"],
		"peacock.style": "accessible",
		"peacock.color": "#42b883",
		"peacock.favoriteColors": [{"name": "x", "value": "#fff"}],
		"peacock.unknownFutureSetting": {"x": 1},
		"peacock.keepBadgeColor": null,
		"workbench.colorTheme": "Default Dark+"
	}`), &values)
	if err != nil {
		t.Fatal(err)
	}
	base := DefaultSettings()
	got, err := base.Merge(values)
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultSettings()
	want.AffectTitleBar = false
	want.AffectWindowBorder = true
	want.StatusBarAdjustment = AdjustDarken // merged key by key: activityBar stays lighten
	want.DarkForegroundColor = "#000"
	want.DarkenLightenPercentage = 7
	want.ExcludedSettings = []string{"statusBar.background"}
	want.Style = StyleAccessible
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge:\n got  %+v\n want %+v", got, want)
	}
	if !reflect.DeepEqual(base, DefaultSettings()) {
		t.Error("Merge changed its receiver")
	}
}

func TestMergeErrors(t *testing.T) {
	tests := []struct {
		values map[string]any
		msg    string
	}{
		{map[string]any{"peacock.excludedSettings": nil}, "setting peacock.excludedSettings: want a list of strings, got null; the extension fails on it (excludedSettings.includes is not a function) and writes no colors"},
		{map[string]any{"peacock.excludedSettings": 1.0}, "setting peacock.excludedSettings: want a list of strings, got number 1; the extension fails on it (excludedSettings.includes is not a function) and writes no colors"},
		{map[string]any{"peacock.excludedSettings": map[string]any{}}, "setting peacock.excludedSettings: want a list of strings, got object; the extension fails on it (excludedSettings.includes is not a function) and writes no colors"},
		{map[string]any{"peacock.style": "fancy"}, `setting peacock.style: unknown style "fancy", want "peacock" or "accessible"`},
		{map[string]any{"peacock.style": false}, `setting peacock.style: want "peacock" or "accessible", got boolean`},
	}
	for _, tt := range tests {
		got, err := DefaultSettings().Merge(tt.values)
		if err == nil || err.Error() != tt.msg {
			t.Errorf("Merge(%v) error = %v, want %s", tt.values, err, tt.msg)
		}
		if !reflect.DeepEqual(got, DefaultSettings()) {
			t.Errorf("Merge(%v) returned changed settings with an error", tt.values)
		}
	}
}

// TestMergeLikeTheExtension: a value of the wrong type is read as the
// extension's JavaScript reads it, with one warning naming the setting and
// the reading; null is a value (VS Code's merge keeps it over the default).
func TestMergeLikeTheExtension(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		json string // the settings, as a JSON object
		edit func(*Settings)
		warn string // the one warning, "" for none
	}{
		{`{"peacock.affectStatusBar": "false"}`, func(s *Settings) {},
			`setting peacock.affectStatusBar: want a boolean, got string "false"; the extension reads it as true`},
		{`{"peacock.affectStatusBar": 0}`, func(s *Settings) { s.AffectStatusBar = false },
			`setting peacock.affectStatusBar: want a boolean, got number 0; the extension reads it as false`},
		{`{"peacock.affectStatusBar": ""}`, func(s *Settings) { s.AffectStatusBar = false },
			`setting peacock.affectStatusBar: want a boolean, got string ""; the extension reads it as false`},
		{`{"peacock.affectPanelBorder": "yes"}`, func(s *Settings) { s.AffectPanelBorder = true },
			`setting peacock.affectPanelBorder: want a boolean, got string "yes"; the extension reads it as true`},
		{`{"peacock.keepForegroundColor": 1}`, func(s *Settings) { s.KeepForegroundColor = true },
			`setting peacock.keepForegroundColor: want a boolean, got number 1; the extension reads it as true`},
		{`{"peacock.squigglyBeGone": []}`, func(s *Settings) { s.SquigglyBeGone = true },
			`setting peacock.squigglyBeGone: want a boolean, got array; the extension reads it as true`},
		{`{"peacock.affectTitleBar": null}`, func(s *Settings) { s.AffectTitleBar = false },
			`setting peacock.affectTitleBar: want a boolean, got null; the extension reads it as false`},
		{`{"peacock.keepBadgeColor": null}`, func(s *Settings) {},
			`setting peacock.keepBadgeColor: want a boolean, got null; the extension reads it as false`},
		{`{"peacock.darkenLightenPercentage": "7"}`, func(s *Settings) { s.DarkenLightenPercentage = 7 },
			`setting peacock.darkenLightenPercentage: want a number, got string "7"; the extension reads it as 7`},
		{`{"peacock.darkenLightenPercentage": null}`, func(s *Settings) { s.DarkenLightenPercentage = 10 },
			`setting peacock.darkenLightenPercentage: want a number, got null; the extension reads it as 10`},
		{`{"peacock.darkenLightenPercentage": true}`, func(s *Settings) { s.DarkenLightenPercentage = 1 },
			`setting peacock.darkenLightenPercentage: want a number, got boolean true; the extension reads it as 1`},
		{`{"peacock.darkenLightenPercentage": 0}`, func(s *Settings) { s.DarkenLightenPercentage = 0 }, ""},
		{`{"peacock.darkenLightenPercentage": " 0x10 "}`, func(s *Settings) { s.DarkenLightenPercentage = 16 },
			`setting peacock.darkenLightenPercentage: want a number, got string " 0x10 "; the extension reads it as 16`},
		{`{"peacock.darkenLightenPercentage": [3]}`, func(s *Settings) { s.DarkenLightenPercentage = 3 },
			`setting peacock.darkenLightenPercentage: want a number, got array; the extension reads it as 3`},
		{`{"peacock.elementAdjustments": "lighten"}`, func(s *Settings) { s.ActivityBarAdjustment = AdjustNone },
			`setting peacock.elementAdjustments: want an object, got string "lighten"; the extension reads it as no adjustment for any element`},
		{`{"peacock.elementAdjustments": null}`, func(s *Settings) { s.ActivityBarAdjustment = AdjustNone },
			`setting peacock.elementAdjustments: want an object, got null; the extension reads it as no adjustment for any element`},
		{`{"peacock.elementAdjustments": {"activityBar": null, "titleBar": "darken"}}`, func(s *Settings) {
			s.ActivityBarAdjustment, s.TitleBarAdjustment = AdjustNone, AdjustDarken
		}, `setting peacock.elementAdjustments.activityBar: want "none", "lighten" or "darken", got null; the extension reads it as none`},
		{`{"peacock.elementAdjustments": {"titleBar": true}}`, func(s *Settings) {},
			`setting peacock.elementAdjustments.titleBar: want "none", "lighten" or "darken", got boolean true; the extension reads it as none`},
		{`{"peacock.lightForegroundColor": 1}`, func(s *Settings) { s.LightForegroundColor = "#000000" },
			`setting peacock.lightForegroundColor: want a color string, got number 1; the extension reads it as #000000 (tinycolor reads a value that is no string or color object as black)`},
		{`{"peacock.darkForegroundColor": {"r": 255, "g": 0, "b": 0}}`, func(s *Settings) { s.DarkForegroundColor = "#ff0000" },
			`setting peacock.darkForegroundColor: want a color string, got object; the extension reads it as #ff0000 (tinycolor reads an {r, g, b}, {h, s, v} or {h, s, l} object as a color)`},
		{`{"peacock.darkForegroundColor": {"h": 120, "s": 1, "l": 0.25, "a": 0.5}}`, func(s *Settings) { s.DarkForegroundColor = "#00800080" },
			`setting peacock.darkForegroundColor: want a color string, got object; the extension reads it as #00800080 (tinycolor reads an {r, g, b}, {h, s, v} or {h, s, l} object as a color)`},
		{`{"peacock.darkForegroundColor": {"x": 1}}`, func(s *Settings) { s.DarkForegroundColor = "#000000" },
			`setting peacock.darkForegroundColor: want a color string, got object; the extension reads it as #000000 (tinycolor reads a value that is no string or color object as black)`},
		{`{"peacock.darkForegroundColor": null}`, func(s *Settings) { s.DarkForegroundColor = "" },
			`setting peacock.darkForegroundColor: want a color string, got null; the extension reads it as the default #15202b`},
		{`{"peacock.excludedSettings": ["statusBar.background", 1]}`, func(s *Settings) { s.ExcludedSettings = []string{"statusBar.background"} },
			`setting peacock.excludedSettings: want a list of strings, got a list holding number 1; the extension reads it as a list of its strings (nothing else equals a key)`},
		{`{"peacock.excludedSettings": "statusBar.background titleBar.border"}`, func(s *Settings) {
			s.ExcludedSettings = []string{"statusBar.background", "titleBar.border"}
		}, `setting peacock.excludedSettings: want a list of strings, got string "statusBar.background titleBar.border"; the extension reads it as excluding the owned keys it contains (String.prototype.includes): statusBar.background, titleBar.border`},
		{`{"peacock.style": null}`, func(s *Settings) {}, ""},
	}
	for _, tt := range tests {
		var values map[string]any
		d := json.NewDecoder(strings.NewReader(tt.json))
		d.UseNumber()
		if err := d.Decode(&values); err != nil {
			t.Fatal(err)
		}
		got, warns, err := DefaultSettings().MergeWarn(values)
		if err != nil {
			t.Errorf("%s: %v", tt.json, err)
			continue
		}
		want := DefaultSettings()
		tt.edit(&want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got  %+v\n want %+v", tt.json, got, want)
		}
		switch {
		case tt.warn == "" && len(warns) > 0:
			t.Errorf("%s: warnings %v, want none", tt.json, warns)
		case tt.warn != "" && (len(warns) != 1 || warns[0].String() != tt.warn):
			t.Errorf("%s: warnings %v\n want %s", tt.json, warns, tt.warn)
		}
	}

	// 1e400 is Infinity in JavaScript: lighten gives white, darken black.
	got, warns, err := DefaultSettings().MergeWarn(map[string]any{"peacock.darkenLightenPercentage": json.Number("1e400")})
	if err != nil || got.DarkenLightenPercentage != inf || len(warns) != 1 {
		t.Fatalf("1e400: %v, %v, %v", got.DarkenLightenPercentage, warns, err)
	}
	if h := Lighten(MustParse("#42b883"), got.DarkenLightenPercentage).Hex(); h != "#ffffff" {
		t.Errorf("lighten by Infinity = %s, want #ffffff", h)
	}
	if h := Darken(MustParse("#42b883"), got.DarkenLightenPercentage).Hex(); h != "#000000" {
		t.Errorf("darken by Infinity = %s, want #000000", h)
	}
	// A value that is no number is NaN.
	got, _, _ = DefaultSettings().MergeWarn(map[string]any{"peacock.darkenLightenPercentage": "five"})
	if !math.IsNaN(got.DarkenLightenPercentage) {
		t.Errorf(`"five": %v, want NaN`, got.DarkenLightenPercentage)
	}
	// Wrong-typed adjustments derive no adjustment at all.
	s, _, _ := DefaultSettings().MergeWarn(map[string]any{"peacock.elementAdjustments": "darken"})
	if got := Derive(MustParse("#42b883"), s)["activityBar.background"]; got != "#42b883" {
		t.Errorf("elementAdjustments a string: activityBar.background %s, want #42b883", got)
	}
}

func TestUnknownAdjustmentIsNone(t *testing.T) {
	s := DefaultSettings()
	s.ActivityBarAdjustment = "brighten"
	if got := Derive(MustParse("#42b883"), s)["activityBar.background"]; got != "#42b883" {
		t.Errorf("unknown adjustment: %s, want #42b883", got)
	}
}
