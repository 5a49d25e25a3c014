package workspace

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestUserSettingsPath(t *testing.T) {
	code := Editors()[0]
	cursor := Editor{Name: "Cursor", ID: "cursor"}
	// The Unix cases use this system's absolute paths (C:\home\u on
	// Windows), as they would there; the Windows cases are Windows paths
	// everywhere.
	u := hostAbs
	tests := []struct {
		e                        Editor
		goos, home, appData, xdg string
		want                     string
	}{
		{code, "linux", u("/home/u"), "", "", u("/home/u/.config/Code/User/settings.json")},
		{code, "linux", u("/home/u"), "", u("/xdg"), u("/xdg/Code/User/settings.json")},
		{code, "linux", u("/home/u"), "", "rel/xdg", u("/home/u/.config/Code/User/settings.json")},
		{cursor, "freebsd", u("/home/u"), "", "", u("/home/u/.config/Cursor/User/settings.json")},
		{Editor{Name: "Code - Insiders"}, "darwin", u("/Users/u"), "", u("/ignored"), u("/Users/u/Library/Application Support/Code - Insiders/User/settings.json")},
		{code, "windows", `C:\Users\u`, `C:\Users\u\AppData\Roaming`, "", `C:\Users\u\AppData\Roaming\Code\User\settings.json`},
		{Editor{Name: "VSCodium"}, "windows", `C:\Users\u`, "", "", `C:\Users\u\AppData\Roaming\VSCodium\User\settings.json`},
	}
	for _, tc := range tests {
		got := UserSettingsPath(tc.e, tc.goos, tc.home, tc.appData, tc.xdg)
		if got != tc.want {
			t.Errorf("UserSettingsPath(%s, %s) = %q, want %q", tc.e.Name, tc.goos, got, tc.want)
		}
	}
	var ids []string
	for _, e := range Editors() {
		ids = append(ids, e.ID+"="+e.Name)
	}
	if got := strings.Join(ids, ","); got != "code=Code,insiders=Code - Insiders,vscodium=VSCodium,cursor=Cursor,windsurf=Windsurf" {
		t.Errorf("Editors() = %s", got)
	}
}

func TestLoadSettingsFile(t *testing.T) {
	dir := t.TempDir()
	got, err := LoadSettingsFile(filepath.Join(dir, "missing.json"))
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("missing: %v, %v", got, err)
	}
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "\ufeff// user\n{\n  \"peacock.affectTitleBar\": false, // no\n  \"peacock.elementAdjustments\": {\"statusBar\": \"darken\"},\n}\n", 0o644)
	got, err = LoadSettingsFile(p)
	want := map[string]any{
		"peacock.affectTitleBar":     false,
		"peacock.elementAdjustments": map[string]any{"statusBar": "darken"},
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, %v", got, err)
	}
	writeFile(t, p, "{\n  \"a\": \n}\n", 0o644)
	if _, err := LoadSettingsFile(p); err == nil || err.Error() != ""+p+": line 3, column 1: invalid JSONC: invalid character '}' at start of value" {
		t.Errorf("err = %v", err)
	}
	// A user settings file is read as settings at the root, whatever its name.
	p2 := filepath.Join(dir, "x.code-workspace")
	writeFile(t, p2, "{\"settings\": 1}", 0o644)
	if got, err := LoadSettingsFile(p2); err != nil || got["settings"] != float64(1) {
		t.Errorf("got %v, %v", got, err)
	}
	if err := os.Remove(p2); err != nil {
		t.Fatal(err)
	}
}

func TestMergeSettings(t *testing.T) {
	defaults := map[string]any{
		"peacock.affectActivityBar":  true,
		"peacock.elementAdjustments": map[string]any{"activityBar": "lighten", "statusBar": "none", "titleBar": "none"},
		"peacock.favoriteColors":     []any{"a"},
	}
	user := map[string]any{
		"peacock.elementAdjustments": map[string]any{"statusBar": "darken"},
		"peacock.affectActivityBar":  false,
	}
	ws := map[string]any{
		"peacock.elementAdjustments": map[string]any{"titleBar": "lighten"},
		"peacock.favoriteColors":     []any{"b"},
	}
	got := MergeSettings(defaults, user, ws)
	want := map[string]any{
		"peacock.affectActivityBar":  false,
		"peacock.elementAdjustments": map[string]any{"activityBar": "lighten", "statusBar": "darken", "titleBar": "lighten"},
		"peacock.favoriteColors":     []any{"b"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	if defaults["peacock.elementAdjustments"].(map[string]any)["statusBar"] != "none" {
		t.Errorf("a layer was modified")
	}
	if len(MergeSettings()) != 0 {
		t.Errorf("MergeSettings() not empty")
	}
}

// hostAbs returns the Unix absolute path p as an absolute path of this
// system: /x is C:\x on Windows.
func hostAbs(p string) string {
	if runtime.GOOS == "windows" {
		return "C:" + filepath.FromSlash(p)
	}
	return p
}
