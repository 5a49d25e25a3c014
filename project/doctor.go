package project

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// Finding levels.
const (
	LevelProblem = "problem" // keeps colors from showing; doctor fails
	LevelNote    = "note"    // worth knowing
)

// Finding is one thing Doctor found.
type Finding struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	// Fix is advice in words; Command, when set, is a command line that
	// fixes it, one argument per element, which the caller quotes for the
	// user's shell and shows after Fix.
	Fix     string   `json:"fix,omitempty"`
	Command []string `json:"command,omitempty"`
}

// Doctor looks for what keeps the colors from showing: a workspace file
// that must be opened as a workspace (and, from the editor's record of
// opened windows, whether it ever was), colors in .vscode/settings.json
// that the workspace file overrides, a native title bar, duplicate keys, an
// invalid stored color, a file that cannot be parsed.
func (p *Project) Doctor() ([]Finding, error) {
	var out []Finding
	name := p.Display(p.Target.Path)
	doc, err := p.Read()
	var pe *workspace.ParseError
	if errors.As(err, &pe) {
		return append(out, Finding{Level: LevelProblem, Message: err.Error(), Fix: "fix the file by hand; peacock never writes a file it cannot parse"}), nil
	}
	if err != nil {
		return nil, err
	}
	const set = "peacock set <color>"
	if doc == nil {
		out = append(out, Finding{Level: LevelNote, Message: fmt.Sprintf("%s does not exist yet", name), Fix: "peacock set <color> creates it"})
	} else {
		dups := doc.DuplicateKeys()
		for i, d := range dups {
			if i == workspace.MaxDuplicateWarnings {
				out = append(out, Finding{Level: LevelProblem,
					Message: fmt.Sprintf("%s: %d more duplicate keys", name, len(dups)-i),
					Fix:     "delete the duplicates you do not want"})
				break
			}
			out = append(out, Finding{Level: LevelProblem,
				Message: fmt.Sprintf("%s: line %d, column %d: duplicate key %q (VS Code uses the last one)", name, d.Line, d.Column, d.Key),
				Fix:     "delete the duplicates you do not want"})
		}
		if err := p.colorTypeError(doc); err != nil {
			out = append(out, Finding{Level: LevelProblem, Message: err.Error(), Fix: set})
		}
		for _, k := range []string{ColorKey, RemoteColorKey} {
			if v, ok := doc.Setting(k); ok {
				text, _ := v.(string)
				if _, err := palette.Parse(text); text != "" && err != nil {
					out = append(out, Finding{Level: LevelProblem, Message: fmt.Sprintf("%s: %s: %v", name, k, err), Fix: set})
				}
			}
		}
		if p.Target.Kind == workspace.KindWorkspace && len(doc.ColorCustomizations()) > 0 {
			open := []string{p.EditorCommand(), p.Runnable(p.Target.Path)}
			folderOpened, fileOpened, known := p.openedAs(filepath.Dir(p.Target.Path), p.Target.Path)
			switch {
			case known && fileOpened:
				// Opened as a workspace: the colors show.
			case known && folderOpened:
				folder := p.Display(filepath.Dir(p.Target.Path))
				if folder == "." {
					folder = filepath.Base(p.Dir)
				}
				out = append(out, Finding{Level: LevelProblem,
					Message: fmt.Sprintf("your editor has opened %s as a folder (code .) but never %s, so the colors in it do not show", folder, name),
					Fix:     "open it with:", Command: open})
			default:
				out = append(out, Finding{Level: LevelNote,
					Message: fmt.Sprintf("the colors live in %s: they show only when VS Code opens that file, not the folder (code .)", name),
					Fix:     "open it with:", Command: open})
			}
		}
	}
	if p.Target.Kind == workspace.KindWorkspace {
		// Found beside the target, not named: its links must stay in the
		// work tree (or, beside a file the user named, in its folder),
		// else doctor fails saying nothing was read.
		folder := workspace.FolderSettingsPath(filepath.Dir(p.Target.Path))
		within := p.Target.Within
		if within == "" {
			within = filepath.Dir(p.Target.Path)
		}
		fd, err := readDocWithin(within, folder)
		switch {
		case errors.As(err, &pe):
			out = append(out, Finding{Level: LevelNote, Message: err.Error()})
		case err != nil:
			return nil, err
		case fd != nil && len(fd.ColorCustomizations()) > 0:
			out = append(out, Finding{Level: LevelProblem,
				Message: fmt.Sprintf("%s has workbench.colorCustomizations, which VS Code ignores while %s is open (the setting is window-scoped)", p.Display(folder), name),
				Command: []string{"peacock", "--workspace", p.Runnable(folder), "reset"}})
		}
	}
	if p.UserSettingsPath != "" {
		us := p.Display(p.UserSettingsPath)
		if v, _ := p.User[titleBarStyleKey].(string); v == "native" {
			out = append(out, Finding{Level: LevelProblem,
				Message: fmt.Sprintf("%s sets \"window.titleBarStyle\": \"native\": title bar colors will not show", us),
				Fix:     `set "window.titleBarStyle": "custom"`})
		}
		if v, _ := p.User[nativeTabsKey].(bool); v && p.opts.GOOS == "darwin" {
			out = append(out, Finding{Level: LevelProblem,
				Message: fmt.Sprintf("%s sets \"window.nativeTabs\": true: macOS draws the title bar, so its colors will not show", us),
				Fix:     `set "window.nativeTabs": false`})
		}
		if v, _ := p.User[ColorKey].(string); v != "" {
			out = append(out, Finding{Level: LevelNote,
				Message: fmt.Sprintf("%s sets a user-level peacock.color (%s): the extension paints every workspace without its own color with it", us, v)})
		}
	}
	return append(out, p.machineFindings(doc)...), nil
}

// machineFindings notes a machine color (peacock set --machine) that the
// target's workspace colors (doc, the target as Doctor read it) hide in
// its windows.
func (p *Project) machineFindings(doc *workspace.Document) []Finding {
	if !hidesMachine(doc) || p.Home == "" {
		return nil
	}
	var files []string
	for _, s := range MachineServers() {
		if path := MachineSettingsPath(p.Home, s); len(MachineColors(path)) > 0 {
			files = append(files, p.Display(path))
		}
	}
	if len(files) == 0 {
		return nil
	}
	return []Finding{{Level: LevelNote,
		Message: fmt.Sprintf("%s has workspace colors, which hide this host's machine color (%s) in its windows: workspace settings override machine settings", p.Display(p.Target.Path), strings.Join(files, ", ")),
		Fix:     "to see the host's color there, remove the workspace colors:", Command: []string{"peacock", "--workspace", p.Runnable(p.Target.Path), "reset"}}}
}

// openedAs tells, from the editor's own record of the windows it has opened
// (User/globalStorage/storage.json beside the user settings), whether it
// has opened folder as a folder and file as a workspace. known is false
// when there is no such record.
func (p *Project) openedAs(folder, file string) (folderOpened, fileOpened, known bool) {
	if p.UserSettingsPath == "" {
		return false, false, false
	}
	data, err := workspace.ReadFile(storagePath(p.UserSettingsPath))
	if err != nil {
		return false, false, false
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false, false, false
	}
	for _, uri := range fileURIs(v, nil) {
		path := uriPath(uri, p.opts.GOOS)
		if path == "" {
			continue
		}
		folderOpened = folderOpened || workspace.SamePath(path, folder, p.opts.GOOS)
		fileOpened = fileOpened || workspace.SamePath(path, file, p.opts.GOOS)
	}
	return folderOpened, fileOpened, true
}

// fileURIs collects every file:// URI among the keys and string values of
// a decoded JSON value (storage.json keeps them in several places: window
// state, backups, profile associations).
func fileURIs(v any, out []string) []string {
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(v, "file://") {
			out = append(out, v)
		}
	case []any:
		for _, x := range v {
			out = fileURIs(x, out)
		}
	case map[string]any:
		for k, x := range v {
			if strings.HasPrefix(k, "file://") {
				out = append(out, k)
			}
			out = fileURIs(x, out)
		}
	}
	return out
}

// uriPath turns a file:// URI into a clean local path for goos ("" if it is
// not one). On Windows a URI with a host (file://server/share/p) is a UNC
// path, \\server\share\p.
func uriPath(uri, goos string) string {
	host, p, ok := parseFileURI(uri)
	if !ok {
		return ""
	}
	if goos == "windows" {
		if host != "" && host != "localhost" {
			return `\\` + host + strings.ReplaceAll(p, "/", `\`)
		}
		p = strings.TrimPrefix(p, "/") // file:///c%3A/x -> c:/x
		return filepath.Clean(strings.ReplaceAll(p, "/", `\`))
	}
	if host != "" && host != "localhost" {
		return "//" + host + p
	}
	return path.Clean(p)
}

// parseFileURI splits a file: URI into its host and its unescaped path
// (net/url). It refuses what VS Code does not write in one: user info and
// ports.
func parseFileURI(uri string) (host, p string, ok bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.User != nil || u.Port() != "" {
		return "", "", false
	}
	return u.Host, u.Path, true
}
