package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Editor is a VS Code build that reads .code-workspace files and keeps
// user settings in its own directory.
type Editor struct {
	// Name is the editor's directory name: "Code", "Code - Insiders",
	// "VSCodium", "Cursor" or "Windsurf".
	Name string
	// ID is a short name for flags: code, insiders, vscodium, cursor,
	// windsurf.
	ID string
}

// Editors returns the known editors, VS Code first.
func Editors() []Editor {
	return []Editor{
		{Name: "Code", ID: "code"},
		{Name: "Code - Insiders", ID: "insiders"},
		{Name: "VSCodium", ID: "vscodium"},
		{Name: "Cursor", ID: "cursor"},
		{Name: "Windsurf", ID: "windsurf"},
	}
}

// UserSettingsPath returns the user settings.json of editor e on operating
// system goos (runtime.GOOS values): on Linux and other Unix systems
// $XDG_CONFIG_HOME/<Name>/User/settings.json, with xdgConfigHome falling
// back to home/.config; on macOS ~/Library/Application Support/<Name>/User/
// settings.json; on Windows %APPDATA%\<Name>\User\settings.json, with
// appData falling back to home\AppData\Roaming. The values are passed in;
// nothing is read from the environment.
func UserSettingsPath(e Editor, goos, home, appData, xdgConfigHome string) string {
	switch goos {
	case "windows":
		if appData == "" {
			appData = strings.TrimRight(home, `\/`) + `\AppData\Roaming`
		}
		return strings.TrimRight(appData, `\/`) + `\` + e.Name + `\User\settings.json`
	case "darwin", "ios":
		return filepath.Join(home, "Library", "Application Support", e.Name, "User", "settings.json")
	default:
		if xdgConfigHome == "" || !filepath.IsAbs(xdgConfigHome) {
			// The XDG spec says to ignore a relative value.
			xdgConfigHome = filepath.Join(home, ".config")
		}
		return filepath.Join(xdgConfigHome, e.Name, "User", "settings.json")
	}
}

// LoadSettingsFile reads a JSONC settings file that keeps its settings at
// the root (such as user settings.json) and returns them decoded with
// encoding/json. A missing file gives an empty map and no error.
func LoadSettingsFile(path string) (map[string]any, error) {
	m, _, err := LoadSettingsFileKeys(path, "")
	return m, err
}

// LoadSettingsFileKeys is LoadSettingsFile that also returns the names of
// the settings starting with prefix in VS Code's order (see
// Document.SettingKeysWithPrefix).
func LoadSettingsFileKeys(path, prefix string) (map[string]any, []string, error) {
	data, err := ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(path); lerr == nil {
			// A link to nothing: the user meant a file, so say so.
			return nil, nil, err
		}
		return map[string]any{}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	d, err := parseKind(path, KindSettings, data)
	if err != nil {
		return nil, nil, err
	}
	return d.Settings(), d.SettingKeysWithPrefix(prefix), nil
}

// MergeSettings merges settings layers in VS Code's order (package
// defaults, then user, then workspace): a later layer wins, except that
// object values (such as peacock.elementAdjustments) merge key by key. The
// layers are not modified, and the result shares no maps with them.
func MergeSettings(layers ...map[string]any) map[string]any {
	out := map[string]any{}
	for _, l := range layers {
		mergeInto(out, l)
	}
	return out
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			dm, ok := dst[k].(map[string]any)
			if !ok {
				dm = map[string]any{}
				dst[k] = dm
			}
			mergeInto(dm, sm)
			continue
		}
		dst[k] = copyValue(v)
	}
}

func copyValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		mergeInto(m, x)
		return m
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = copyValue(x[i])
		}
		return out
	default:
		return v
	}
}
