package project

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// A machine color (peacock set --machine) is written, on an SSH host or in
// a container, into the machine settings of the editor's server there:
// ~/<server dir>/data/Machine/settings.json. workbench.colorCustomizations
// declares no scope, so it is window-scoped, and VS Code reads
// window-scoped settings from remote machine settings: every remote window
// on the host shows it, unless a workspace color hides it (workspace
// settings override machine settings).
//
// Only workbench.colorCustomizations is written there, never peacock.color
// or peacock.remoteColor: the extension, running in a remote window, reads
// the merged peacock.remoteColor (machine level included) when a window
// opens and writes its palette into the workspace's own settings, which
// would put the host's color into the repository's files.

// MachineServer is where an editor's server keeps its data in the home
// directory of a remote host or container.
type MachineServer struct {
	// Editor is the editor id (code, insiders, vscodium, cursor, windsurf)
	// and Dir the server's directory in the home directory.
	Editor, Dir string
}

// MachineServers lists the editors' server directories, VS Code first.
func MachineServers() []MachineServer {
	return []MachineServer{
		{"code", ".vscode-server"},
		{"insiders", ".vscode-server-insiders"},
		{"vscodium", ".vscodium-server"},
		{"cursor", ".cursor-server"},
		{"windsurf", ".windsurf-server"},
	}
}

// MachineSettingsPath is the machine settings file of server s under home.
func MachineSettingsPath(home string, s MachineServer) string {
	return filepath.Join(home, s.Dir, "data", "Machine", "settings.json")
}

// NoServerError is returned when no editor server directory exists in the
// home directory and none was named.
type NoServerError struct{ Home string }

func (e *NoServerError) Error() string {
	var dirs []string
	for _, s := range MachineServers() {
		dirs = append(dirs, "~/"+s.Dir)
	}
	return fmt.Sprintf("no editor server on this machine (none of %s exists): run this on the SSH host or in the container, after a first connection, or name the editor with --editor", strings.Join(dirs, ", "))
}

// MachineFiles returns the machine settings files to edit: the named
// editor's (id as for editorByID; its file need not exist yet), else those
// of every server directory that exists in p.Home.
func (p *Project) MachineFiles(editor string) ([]string, error) {
	if err := p.HomeError(); err != nil {
		return nil, err // never a path relative to the working directory
	}
	if editor != "" {
		e, ok := editorByID(editor)
		if !ok {
			return nil, &UsageError{fmt.Sprintf("unknown editor %q (want one of: %s)", editor, strings.Join(EditorIDs(), ", "))}
		}
		for _, s := range MachineServers() {
			if s.Editor == e.ID {
				return []string{MachineSettingsPath(p.Home, s)}, nil
			}
		}
	}
	var out []string
	for _, s := range MachineServers() {
		if st, err := os.Stat(filepath.Join(p.Home, s.Dir)); err == nil && st.IsDir() {
			out = append(out, MachineSettingsPath(p.Home, s))
		}
	}
	if len(out) == 0 {
		return nil, &NoServerError{Home: p.Home}
	}
	return out, nil
}

// SetMachine merges the palette of c into workbench.colorCustomizations of
// the machine settings file at path (created with its directories when
// missing), derived under the file's own peacock.* settings over the
// user's, as a remote window on the host would see them. No peacock.* key
// is written (see above).
func (p *Project) SetMachine(path string, c Choice, wo WriteOptions) (*Change, error) {
	c = c.Portable()
	out := &Change{Key: workspace.ColorCustomizationsKey, Value: c.Text, Color: c.Color}
	err := updateAt(path, wo.update(true), out, p.colorsOnly(c, out))
	if err != nil {
		return nil, err
	}
	return out, nil
}

// colorsOnly is the edit of a file that holds only the colors, no peacock.*
// key (machine settings, devcontainer.json): c's palette, derived under the
// settings that file and the user's give, in workbench.colorCustomizations.
func (p *Project) colorsOnly(c Choice, out *Change) func(*workspace.Document) error {
	return func(d *workspace.Document) error {
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		out.Colors = palette.Derive(c.Color, ps)
		return d.ApplyColors(out.Colors, palette.IsOwned, ps.ExcludedSettings)
	}
}

// ResetMachine removes the owned keys from workbench.colorCustomizations of
// the machine settings file at path (the member too when nothing else is
// left in it); other settings keep every byte. A missing file is skipped.
func (p *Project) ResetMachine(path string, wo WriteOptions) (*Change, error) {
	out := &Change{Key: workspace.ColorCustomizationsKey, Colors: map[string]string{}}
	if _, err := os.Lstat(path); err != nil {
		out.Path, out.Skipped = path, true
		return out, nil
	}
	res, err := workspace.Update(path, wo.update(false), func(d *workspace.Document) error {
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		return d.ApplyColors(nil, palette.IsOwned, ps.ExcludedSettings)
	})
	if err != nil {
		return nil, mapMissing(err, out)
	}
	out.Result = res
	return out, nil
}

// MachineColors returns the owned keys the machine settings file at path
// holds (none when it does not exist or cannot be read).
func MachineColors(path string) map[string]string {
	doc, err := readDoc(path)
	if err != nil {
		return map[string]string{}
	}
	return ownedColors(doc)
}

// ownedColors returns doc's workbench.colorCustomizations of the keys
// peacock owns whose values are strings (nil doc: none).
func ownedColors(doc *workspace.Document) map[string]string {
	out := map[string]string{}
	if doc == nil {
		return out
	}
	for _, m := range doc.ColorCustomizations() {
		if v, ok := m.Value.(string); ok && palette.IsOwned(m.Key) {
			out[m.Key] = v
		}
	}
	return out
}

// HidesMachine reports whether the target holds workspace colors, which
// hide a machine color in the windows that open it.
func (p *Project) HidesMachine() bool {
	if p.Target.Path == "" {
		return false
	}
	doc, err := p.Read()
	return err == nil && hidesMachine(doc)
}

// hidesMachine reports whether doc (nil: no file) has workspace colors of
// the keys peacock owns, which hide a machine color.
func hidesMachine(doc *workspace.Document) bool {
	if doc == nil {
		return false
	}
	for _, m := range doc.ColorCustomizations() {
		if palette.IsOwned(m.Key) {
			return true
		}
	}
	return false
}
