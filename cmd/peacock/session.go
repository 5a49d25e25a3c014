package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// session is what a command resolved about where it runs: the working
// directory, the target file, and whose user settings apply. Building one
// reads a few small files and never writes.
type session struct {
	f *factory
	g *globalOptions

	Dir    string // absolute working directory (after -C)
	Home   string
	Target workspace.Target

	Editor           *workspace.Editor // nil: no editor's user settings found
	UserSettingsPath string            // "" when none
	User             map[string]any    // decoded user settings (never nil)
}

func (f *factory) home() string {
	if f.GOOS == "windows" {
		if h := f.Getenv("USERPROFILE"); h != "" {
			return h
		}
	}
	return f.Getenv("HOME")
}

// workDir returns the absolute directory the command acts in (-C applied).
func (f *factory) workDir(g *globalOptions) (string, error) {
	wd, err := f.Getwd()
	if err != nil {
		return "", err
	}
	if g.Dir != "" {
		d := g.Dir
		if !filepath.IsAbs(d) {
			d = filepath.Join(wd, d)
		}
		st, err := os.Stat(d)
		if err != nil {
			return "", fmt.Errorf("-C %s: %w", g.Dir, errors.Unwrap(err))
		}
		if !st.IsDir() {
			return "", fmt.Errorf("-C %s: not a directory", g.Dir)
		}
		wd = d
	}
	return filepath.Clean(wd), nil
}

// newSession resolves the working directory, target file and user settings.
func (f *factory) newSession(g *globalOptions) (*session, error) {
	dir, err := f.workDir(g)
	if err != nil {
		return nil, err
	}
	s := &session{f: f, g: g, Dir: dir, Home: f.home(), User: map[string]any{}}
	s.Target, err = workspace.Find(workspace.FindOptions{Dir: dir, Home: s.Home, Explicit: g.Workspace})
	if err != nil {
		return nil, err
	}
	if !s.Target.Exists && g.Workspace == "" {
		s.preferFolderSettings()
	}
	if err := s.loadUserSettings(); err != nil {
		return nil, err
	}
	return s, nil
}

// preferFolderSettings switches a target that would be created to the
// project's .vscode/settings.json when that file already holds Peacock
// state: a team that uses the extension on the folder keeps its file.
func (s *session) preferFolderSettings() {
	path := workspace.FolderSettingsPath(s.Target.Root)
	data, err := workspace.ReadFile(path)
	if err != nil {
		return
	}
	doc, err := workspace.Parse(path, data)
	if err != nil {
		return
	}
	_, hasColor := doc.Setting("peacock.color")
	_, hasRemote := doc.Setting("peacock.remoteColor")
	if hasColor || hasRemote || len(doc.ColorCustomizations()) > 0 {
		s.Target = workspace.Target{Path: path, Kind: workspace.KindSettings, Exists: true, Root: s.Target.Root}
	}
}

// editorByID finds an editor by its id (code, insiders, vscodium, cursor,
// windsurf) or its name, case-insensitively.
func editorByID(id string) (workspace.Editor, bool) {
	for _, e := range workspace.Editors() {
		if strings.EqualFold(e.ID, id) || strings.EqualFold(e.Name, id) {
			return e, true
		}
	}
	return workspace.Editor{}, false
}

func editorIDs() []string {
	var ids []string
	for _, e := range workspace.Editors() {
		ids = append(ids, e.ID)
	}
	return ids
}

func (s *session) userSettingsPathFor(e workspace.Editor) string {
	f := s.f
	return workspace.UserSettingsPath(e, f.GOOS, s.Home, f.Getenv("APPDATA"), f.Getenv("XDG_CONFIG_HOME"))
}

func (s *session) loadUserSettings() error {
	f, g := s.f, s.g
	id := g.Editor
	if id == "" {
		id = f.Getenv("PEACOCK_EDITOR")
	}
	if id != "" {
		e, ok := editorByID(id)
		if !ok {
			return flagErrorf("unknown editor %q (want one of: %s)", id, strings.Join(editorIDs(), ", "))
		}
		s.Editor = &e
	}
	path := g.UserSettings
	if path == "" {
		path = f.Getenv("PEACOCK_USER_SETTINGS")
	}
	switch {
	case path != "":
		if !filepath.IsAbs(path) {
			path = filepath.Join(s.Dir, path)
		}
		// A file named on purpose must exist: a typo should not quietly
		// mean "no user settings".
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("user settings %s: %w", s.display(path), errors.Unwrap(err))
		}
	case s.Editor != nil:
		path = s.userSettingsPathFor(*s.Editor)
	default:
		for _, e := range workspace.Editors() {
			p := s.userSettingsPathFor(e)
			if _, err := os.Stat(p); err == nil {
				e := e
				s.Editor, path = &e, p
				break
			}
		}
	}
	if path == "" {
		return nil
	}
	m, err := workspace.LoadSettingsFile(path)
	if err != nil {
		return err
	}
	s.UserSettingsPath, s.User = path, m
	return nil
}

// peacockValues keeps the peacock.* members of a settings map.
func peacockValues(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if strings.HasPrefix(k, "peacock.") {
			out[k] = v
		}
	}
	return out
}

// settingsFor merges package defaults < user settings < the document's own
// settings, as VS Code does, and returns the derivation settings.
func (s *session) settingsFor(doc *workspace.Document) (palette.Settings, error) {
	layers := []map[string]any{peacockValues(s.User)}
	if doc != nil {
		layers = append(layers, peacockValues(doc.Settings()))
	}
	ps, err := palette.DefaultSettings().Merge(workspace.MergeSettings(layers...))
	if err != nil {
		// Name the file the bad value comes from: the target's own
		// settings when they are wrong by themselves, else the user's.
		if doc != nil {
			if _, derr := palette.DefaultSettings().Merge(layers[1]); derr != nil {
				return ps, fmt.Errorf("%s: %w", s.display(s.Target.Path), derr)
			}
		}
		if s.UserSettingsPath != "" {
			err = fmt.Errorf("%s: %w", s.display(s.UserSettingsPath), err)
		}
		return ps, err
	}
	if s.Editor != nil && s.Editor.ID == "cursor" {
		ps.Cursor = true
	}
	return ps, nil
}

// readTarget parses the target file; nil, nil when it does not exist.
func (s *session) readTarget() (*workspace.Document, error) {
	data, err := workspace.ReadFile(s.Target.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return workspace.Parse(s.Target.Path, data)
}

// display returns how to show path in messages: relative to the working
// directory when it lies in the working directory or the project, else
// under ~ when it lies in the home directory, else absolute.
func (s *session) display(path string) string {
	within := func(root string) bool {
		rel, err := filepath.Rel(root, path)
		return root != "" && err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	if within(s.Dir) || within(s.Target.Root) {
		if rel, err := filepath.Rel(s.Dir, path); err == nil {
			return rel
		}
	}
	if within(s.Home) {
		rel, _ := filepath.Rel(s.Home, path)
		return "~" + string(filepath.Separator) + rel
	}
	return path
}

// editorCommand is the shell command that opens a file in the session's editor.
func (s *session) editorCommand() string {
	if s.Editor == nil {
		return "code"
	}
	switch s.Editor.ID {
	case "insiders":
		return "code-insiders"
	case "vscodium":
		return "codium"
	default:
		return s.Editor.ID
	}
}

// colorKey is the setting that holds the color: peacock.remoteColor for
// remote windows, else peacock.color.
func colorKey(remote bool) string {
	if remote {
		return "peacock.remoteColor"
	}
	return "peacock.color"
}

// storedColor returns the env-aware color text stored in doc: with remote,
// peacock.remoteColor falling back to peacock.color (as the extension does
// at activation). User-level values apply when the file has none.
func (s *session) storedColor(doc *workspace.Document, remote bool) (text, key string) {
	merged := s.User
	if doc != nil {
		merged = workspace.MergeSettings(s.User, doc.Settings())
	}
	keys := []string{"peacock.color"}
	if remote {
		keys = []string{"peacock.remoteColor", "peacock.color"}
	}
	for _, k := range keys {
		if v, ok := merged[k].(string); ok && strings.TrimSpace(v) != "" {
			return v, k
		}
	}
	return "", keys[0]
}

// colorTypeError reports a peacock.color or peacock.remoteColor in doc that
// is not a string (VS Code ignores it; the extension cannot read it).
func (s *session) colorTypeError(doc *workspace.Document) error {
	if doc == nil {
		return nil
	}
	for _, k := range []string{"peacock.color", "peacock.remoteColor"} {
		v, ok := doc.Setting(k)
		if _, isString := v.(string); !ok || isString {
			continue
		}
		kind := "a number"
		switch v.(type) {
		case nil:
			kind = "null"
		case bool:
			kind = "a boolean"
		case map[string]any:
			kind = "an object"
		case []any:
			kind = "an array"
		}
		return fmt.Errorf("%s: %s: want a color string, got %s", s.display(s.Target.Path), k, kind)
	}
	return nil
}

// newSessionNoTarget resolves the working directory and user settings only,
// for commands that never touch a workspace file.
func (f *factory) newSessionNoTarget(g *globalOptions) (*session, error) {
	dir, err := f.workDir(g)
	if err != nil {
		return nil, err
	}
	s := &session{f: f, g: g, Dir: dir, Home: f.home(), User: map[string]any{}}
	return s, s.loadUserSettings()
}

// requireColor reads the target and returns it with its parsed env-aware
// color; an error when there is no stored color or it does not parse.
func (s *session) requireColor(remote bool) (*workspace.Document, string, string, palette.Color, error) {
	doc, err := s.readTarget()
	if err != nil {
		return nil, "", "", palette.Color{}, err
	}
	if err := s.colorTypeError(doc); err != nil {
		return nil, "", "", palette.Color{}, err
	}
	text, key := s.storedColor(doc, remote)
	if text == "" {
		return nil, "", "", palette.Color{}, fmt.Errorf("no %s in %s; set one first: peacock set <color>", key, s.display(s.Target.Path))
	}
	c, err := palette.Parse(text)
	if err != nil {
		return nil, "", "", palette.Color{}, fmt.Errorf("%s: %s: %w", s.display(s.Target.Path), key, err)
	}
	return doc, text, key, c, nil
}

// skipMissing reports (and returns true) when the target does not exist,
// for commands that only change existing files.
func (s *session) skipMissing(verb string) (bool, error) {
	if _, err := os.Stat(s.Target.Path); !errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	s.status("%s does not exist; nothing to %s", s.display(s.Target.Path), verb)
	if s.g.JSON {
		return true, writeJSON(s.f.IO, map[string]any{"file": s.Target.Path, "changed": false, "created": false, "dryRun": s.g.DryRun})
	}
	return true, nil
}
