package palette

import (
	"encoding/json"
	"reflect"
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
		{map[string]any{"peacock.affectTitleBar": "yes"}, "setting peacock.affectTitleBar: want a boolean, got string"},
		{map[string]any{"peacock.elementAdjustments": "lighten"}, "setting peacock.elementAdjustments: want an object, got string"},
		{map[string]any{"peacock.elementAdjustments": map[string]any{"titleBar": true}}, `setting peacock.elementAdjustments.titleBar: want "none", "lighten" or "darken", got boolean`},
		{map[string]any{"peacock.excludedSettings": []any{"a", 1.0}}, "setting peacock.excludedSettings: want a list of strings, got array"},
		{map[string]any{"peacock.excludedSettings": "a"}, "setting peacock.excludedSettings: want a list of strings, got string"},
		{map[string]any{"peacock.darkenLightenPercentage": "5"}, "setting peacock.darkenLightenPercentage: want a number, got string"},
		{map[string]any{"peacock.lightForegroundColor": 1.0}, "setting peacock.lightForegroundColor: want a string, got number"},
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

func TestUnknownAdjustmentIsNone(t *testing.T) {
	s := DefaultSettings()
	s.ActivityBarAdjustment = "brighten"
	if got := Derive(MustParse("#42b883"), s)["activityBar.background"]; got != "#42b883" {
		t.Errorf("unknown adjustment: %s, want #42b883", got)
	}
}
