package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/themes"
	"github.com/peacock-cli/peacock/workspace"
)

// Setting keys with a meaning to this package. peacock.color and
// peacock.remoteColor are workspace's; they are repeated here so that
// callers need one import.
const (
	ColorKey          = workspace.ColorKey
	RemoteColorKey    = workspace.RemoteColorKey
	StyleKey          = "peacock.style"
	FavoritesKey      = "peacock.favoriteColors"
	FavoritesOnlyKey  = "peacock.surpriseMeFromFavoritesOnly"
	SideBarKey        = "sideBar.background"
	titleBarStyleKey  = "window.titleBarStyle"
	nativeTabsKey     = "window.nativeTabs"
	shareColorKey     = "peacock.vslsShareColor"
	joinColorKey      = "peacock.vslsJoinColor"
	peacockPrefix     = "peacock."
	defaultEditorName = "code"
)

// colorKeyFor returns the setting that holds the color: peacock.remoteColor
// for remote windows, else peacock.color.
func colorKeyFor(remote bool) string {
	if remote {
		return RemoteColorKey
	}
	return ColorKey
}

// Options tells Open where the project is and whose settings apply. The
// library reads no environment variable itself: Getenv is asked for HOME,
// USERPROFILE, APPDATA, LOCALAPPDATA and the XDG_CONFIG_HOME,
// XDG_STATE_HOME and XDG_DATA_HOME directories only.
type Options struct {
	// Dir is the working directory, absolute.
	Dir string
	// Chdir is a directory to work in instead (-C), absolute or relative
	// to Dir; it must exist (a *UsageError otherwise).
	Chdir string
	// Workspace is a target file named by the user, absolute or relative
	// to Dir; "" to search for one.
	Workspace string
	// Editor is an editor id or name (code, insiders, vscodium, cursor,
	// windsurf) whose user settings apply; "" for the first installed.
	Editor string
	// UserSettings is a user settings file to read instead of the
	// editor's; it must exist.
	UserSettings string
	// GOOS is the operating system (runtime.GOOS values).
	GOOS string
	// Getenv looks up an environment variable.
	Getenv func(string) string
	// NoTarget skips the search for a target file: for commands that use
	// only the user's settings (favorites, completion).
	NoTarget bool
	// Warn, when set, is told about problems that do not stop a command,
	// such as a user theme file that cannot be read.
	Warn func(msg string)
}

// Project is what a command resolved about where it runs: the working
// directory, the target file, and whose user settings apply. Opening one
// reads a few small files and never writes.
type Project struct {
	// Dir is the working directory and Home the user's home directory.
	Dir, Home string
	// Target is the settings file the commands read and edit (zero when
	// opened with NoTarget).
	Target workspace.Target
	// Editor is the editor whose user settings apply; nil when none is
	// installed and none was named.
	Editor *workspace.Editor
	// UserSettingsPath is the user settings file read ("" when none) and
	// User its decoded content (never nil).
	UserSettingsPath string
	User             map[string]any

	// userKeys are the user settings' peacock keys in VS Code's order
	// (see workspace.Document.SettingKeysWithPrefix).
	userKeys []string

	opts   Options
	themes []themes.Theme  // loaded by Themes
	warned map[string]bool // the settings warnings given, once each
}

// UsageError is an error in what the caller asked for (an unknown editor
// name, say), as opposed to a problem met on disk. Callers may report it as
// a usage error.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Open resolves the target file, the editor and the user settings for
// opts. The target is, in order: opts.Workspace; the nearest
// *.code-workspace from Dir up to the repository root (see workspace.Find);
// the project's .vscode/settings.json when it already holds Peacock state;
// a new <repo>.code-workspace at the repository root.
func Open(opts Options) (*Project, error) {
	if opts.Getenv == nil {
		opts.Getenv = func(string) string { return "" }
	}
	if opts.Chdir != "" {
		d, err := workspace.AbsPath(opts.GOOS, opts.Dir, opts.Chdir)
		if err != nil {
			return nil, &UsageError{fmt.Sprintf("-C %v", err)}
		}
		st, err := os.Stat(d)
		if err != nil {
			return nil, &UsageError{fmt.Sprintf("-C %s: %v", opts.Chdir, unwrapPath(err))}
		}
		if !st.IsDir() {
			return nil, &UsageError{fmt.Sprintf("-C %s: not a directory", opts.Chdir)}
		}
		opts.Dir = d
	}
	for _, p := range []*string{&opts.Workspace, &opts.UserSettings} {
		if *p != "" {
			abs, err := workspace.AbsPath(opts.GOOS, opts.Dir, *p)
			if err != nil {
				return nil, err
			}
			*p = abs
		}
	}
	p := &Project{Dir: filepath.Clean(opts.Dir), Home: home(opts), User: map[string]any{}, opts: opts}
	if !filepath.IsAbs(p.Home) {
		// Every per-user file would land relative to the working
		// directory, in the user's repository: without a home, there are
		// none (no user settings, favorites, state), and a command that
		// needs one fails then (HomeError); the target file needs none.
		p.Home = ""
	}
	if !opts.NoTarget {
		if err := p.findTarget(); err != nil {
			return nil, err
		}
	}
	if err := p.loadUserSettings(); err != nil {
		return nil, err
	}
	return p, nil
}

func home(opts Options) string { return HomeDir(opts.GOOS, opts.Getenv) }

// HomeDir is the user's home directory as getenv tells it: USERPROFILE on
// Windows (HOME when that is unset), HOME elsewhere.
func HomeDir(goos string, getenv func(string) string) string {
	if goos == "windows" {
		if h := getenv("USERPROFILE"); h != "" {
			return h
		}
	}
	return getenv("HOME")
}

func (p *Project) findTarget() error {
	t, err := workspace.Find(workspace.FindOptions{Dir: p.Dir, Home: p.Home, Explicit: p.opts.Workspace})
	if err != nil {
		return err
	}
	p.Target = t
	if p.opts.Workspace != "" {
		if !t.Exists {
			// A typo must not create files or directories: a new file is a
			// *.code-workspace or a settings.json, and its directory must
			// exist, except the .vscode folder of an existing one, which VS
			// Code itself creates for folder settings.
			if base := filepath.Base(t.Path); t.Kind != workspace.KindWorkspace && !strings.EqualFold(base, "settings.json") {
				return fmt.Errorf("%s does not exist, and a new target must be a *.code-workspace or a settings.json file", p.Display(t.Path))
			}
			dir := filepath.Dir(t.Path)
			if filepath.Base(dir) == ".vscode" && filepath.Base(t.Path) == "settings.json" {
				dir = filepath.Dir(dir)
			}
			if f := fileInPath(dir); f != "" {
				return fmt.Errorf("%s: %s is a file, not a directory", p.Display(t.Path), p.Display(f))
			}
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return fmt.Errorf("%s: the directory %s does not exist", p.Display(t.Path), p.Display(dir))
			}
		}
		return nil
	}
	if !t.Exists {
		p.preferFolderSettings()
	}
	return nil
}

// fileInPath returns dir, or the nearest of its parents that exists, when
// that is not a directory; else "". (Windows reports a path through a file,
// notes.txt\.vscode, as not found, Linux as not a directory: both are
// told the same.)
func fileInPath(dir string) string {
	for d := dir; ; {
		if fi, err := os.Stat(d); err == nil {
			if fi.IsDir() {
				return ""
			}
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// preferFolderSettings switches a target that would be created to the
// project's .vscode/settings.json when that file already holds Peacock
// state: a team that uses the extension on the folder keeps its file.
//
// The file is found through the repository, so it is read only when its
// links stay in the work tree (workspace.ReadWithin). One that leads out
// (a committed .vscode -> ~/.config/Code/User, or settings.json -> a token
// file) cannot be looked into, so whether it holds state is not known: it
// becomes the target anyway, existing, and every command then fails on it
// with the refusal (nothing was read; a write is refused as before). Taking
// it as stateless instead would quietly create a second file beside the
// settings file VS Code reads for the folder, and check would report on
// that new file rather than say what is wrong; --workspace names the file
// when the link is the user's own.
func (p *Project) preferFolderSettings() {
	path := workspace.FolderSettingsPath(p.Target.Root)
	doc, err := readDocWithin(p.Target.Within, path)
	var oe *workspace.OutsideError
	if errors.As(err, &oe) {
		p.Target = workspace.Target{Path: path, Kind: workspace.KindSettings, Exists: true, Root: p.Target.Root, Within: p.Target.Within}
		return
	}
	if err != nil || doc == nil {
		return
	}
	_, hasColor := doc.Setting(ColorKey)
	_, hasRemote := doc.Setting(RemoteColorKey)
	if hasColor || hasRemote || len(doc.ColorCustomizations()) > 0 {
		p.Target = workspace.Target{Path: path, Kind: workspace.KindSettings, Exists: true, Root: p.Target.Root, Within: p.Target.Root}
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

// EditorIDs lists the editor ids, VS Code first.
func EditorIDs() []string {
	var ids []string
	for _, e := range workspace.Editors() {
		ids = append(ids, e.ID)
	}
	return ids
}

func (p *Project) userSettingsPathFor(e workspace.Editor) string {
	path := workspace.UserSettingsPath(e, p.opts.GOOS, p.Home, p.opts.Getenv("APPDATA"), xdgConfigHome(p.opts.Getenv))
	if !isAbs(p.opts.GOOS, path) {
		return "" // no home: never a path relative to the working directory
	}
	return path
}

// isAbs is filepath.IsAbs, or for goos windows a drive or UNC path too,
// so that the rules can be tested on any system.
func isAbs(goos, path string) bool {
	if filepath.IsAbs(path) || goos != "windows" {
		return filepath.IsAbs(path)
	}
	return len(path) >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/') || strings.HasPrefix(path, `\\`)
}

// HomeError says why a per-user file cannot be used: HOME (USERPROFILE on
// Windows) is not set to an absolute path, or names a directory that does
// not exist, which peacock never creates. It is nil when the home
// directory exists.
func (p *Project) HomeError() error {
	v := "HOME"
	if p.opts.GOOS == "windows" {
		v = "USERPROFILE"
	}
	if p.Home == "" {
		return fmt.Errorf("cannot find your home directory: %s is not set to an absolute path", v)
	}
	if st, err := os.Stat(p.Home); err != nil || !st.IsDir() {
		return fmt.Errorf("your home directory %s (%s) does not exist; peacock does not create it", p.Home, v)
	}
	return nil
}

// userFile checks, before a per-user file at path is written, that it has
// a place: a path (not "" for want of a home) whose directories peacock
// may create, which excludes the home directory itself.
func (p *Project) userFile(path string) error {
	if path == "" {
		return p.HomeError()
	}
	if p.Home != "" && inDir(p.Home, path) {
		return p.HomeError()
	}
	return nil
}

// inDir reports whether path lies below dir, as filepath.Rel sees it: on
// Windows, whatever the case and the separators (%LOCALAPPDATA% spelled
// c:\users\bob\AppData\Local is in a USERPROFILE of C:/Users/Bob).
func inDir(dir, path string) bool {
	rel, ok := workspace.RelInside(dir, path)
	return ok && rel != "."
}

// Kinds of per-user directories (see Project.UserDir).
const (
	ConfigDir = "config" // settings the user edits: XDG_CONFIG_HOME, APPDATA
	StateDir  = "state"  // what peacock remembers: XDG_STATE_HOME, LOCALAPPDATA
	DataDir   = "data"   // files peacock provides: XDG_DATA_HOME, LOCALAPPDATA
)

// UserDir returns peacock's per-user directory of a kind: on Linux and
// other Unix systems $XDG_CONFIG_HOME, $XDG_STATE_HOME or $XDG_DATA_HOME
// when absolute (the XDG spec says to ignore a relative one), else
// ~/.config, ~/.local/state or ~/.local/share; on macOS ~/Library/Application
// Support (the XDG variables win there too); on Windows %APPDATA% for
// config and %LOCALAPPDATA% otherwise, falling back to
// %USERPROFILE%\AppData\Roaming or \Local. The result ends in "peacock".
// It is "" when it would be relative (no home directory; see HomeError).
func (p *Project) UserDir(kind string) string {
	xdg := map[string]string{ConfigDir: "XDG_CONFIG_HOME", StateDir: "XDG_STATE_HOME", DataDir: "XDG_DATA_HOME"}[kind]
	if v := p.opts.Getenv(xdg); filepath.IsAbs(v) {
		return filepath.Join(v, "peacock")
	}
	var base string
	switch p.opts.GOOS {
	case "windows":
		v, def := "LOCALAPPDATA", "Local"
		if kind == ConfigDir {
			v, def = "APPDATA", "Roaming"
		}
		if base = p.opts.Getenv(v); !filepath.IsAbs(base) {
			base = filepath.Join(p.Home, "AppData", def)
		}
	case "darwin":
		base = filepath.Join(p.Home, "Library", "Application Support")
	default:
		base = filepath.Join(p.Home, map[string]string{ConfigDir: ".config", StateDir: ".local/state", DataDir: ".local/share"}[kind])
	}
	if !isAbs(p.opts.GOOS, base) {
		return "" // no home
	}
	return filepath.Join(base, "peacock")
}

// xdgConfigHome returns $XDG_CONFIG_HOME when it is absolute; the XDG spec
// says a relative one is invalid and to be ignored.
func xdgConfigHome(getenv func(string) string) string {
	if v := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(v) {
		return v
	}
	return ""
}

// editorInstalled reports that an editor's user directory holds its
// settings, or its record of opened windows (a user who never changed a
// setting has no settings.json).
func editorInstalled(settingsPath string) bool {
	if _, err := os.Stat(settingsPath); err == nil {
		return true
	}
	_, err := os.Stat(storagePath(settingsPath))
	return err == nil
}

// storagePath is the editor's record of opened windows beside its user
// settings.
func storagePath(userSettings string) string {
	return filepath.Join(filepath.Dir(userSettings), "globalStorage", "storage.json")
}

func (p *Project) loadUserSettings() error {
	if id := p.opts.Editor; id != "" {
		e, ok := editorByID(id)
		if !ok {
			return &UsageError{fmt.Sprintf("unknown editor %q (want one of: %s)", id, strings.Join(EditorIDs(), ", "))}
		}
		p.Editor = &e
	}
	path := p.opts.UserSettings
	switch {
	case path != "":
		// A file named on purpose must exist: a typo should not quietly
		// mean "no user settings".
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			// In words of ours: the system's differ (Windows: "The
			// system cannot find the file specified.").
			return fmt.Errorf("user settings %s: no such file", p.Display(path))
		} else if err != nil {
			return fmt.Errorf("user settings %s: %w", p.Display(path), unwrapPath(err))
		}
	case p.Editor != nil:
		path = p.userSettingsPathFor(*p.Editor)
	default:
		for _, e := range workspace.Editors() {
			if sp := p.userSettingsPathFor(e); editorInstalled(sp) {
				p.Editor, path = &e, sp
				break
			}
		}
	}
	if path == "" {
		return nil
	}
	m, keys, err := workspace.LoadSettingsFileKeys(path, "peacock")
	if err != nil {
		return err
	}
	p.UserSettingsPath, p.User, p.userKeys = path, m, keys
	return nil
}

// unwrapPath drops the operation and path of a *fs.PathError (the caller
// names the file itself).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Display returns how to show path in messages: relative to the working
// directory when it lies in the working directory or the project, else
// under ~ when it lies in the home directory, else absolute.
func (p *Project) Display(path string) string {
	return DisplayPath(p.Dir, p.Target.Root, p.Home, path)
}

// DisplayPath is Display for a working directory dir, a project root
// ("" for none) and a home directory ("" for none): also for a command
// whose project could not be opened.
func DisplayPath(dir, root, home, path string) string {
	within := func(d string) bool {
		_, ok := workspace.RelInside(d, path)
		return d != "" && ok
	}
	if within(dir) || within(root) {
		if rel, err := filepath.Rel(dir, path); err == nil {
			return rel
		}
	}
	if within(home) {
		rel, _ := filepath.Rel(home, path)
		return "~" + string(filepath.Separator) + rel
	}
	return path
}

// Runnable returns path as it should appear in a command meant to be run:
// as Display does, relative to the working directory when it lies in the
// working directory or the project, else absolute. It never uses ~, which
// a shell does not expand inside quotes.
func (p *Project) Runnable(path string) string {
	if d := p.Display(path); !strings.HasPrefix(d, "~") {
		return d
	}
	return path
}

// EditorCommand is the command that opens a file in the project's editor.
func (p *Project) EditorCommand() string {
	if p.Editor == nil {
		return defaultEditorName
	}
	switch p.Editor.ID {
	case "insiders":
		return "code-insiders"
	case "vscodium":
		return "codium"
	default:
		return p.Editor.ID
	}
}

// Read parses the target file; nil and no error when it does not exist.
// A target found through the repository (Target.Within set) is read only
// when its links stay in the work tree and out of its .git: otherwise the
// error is a *workspace.OutsideError saying nothing was read (see
// workspace.ReadWithin), so that a committed link cannot make a command
// show an outside file's content. Every read of the target goes through
// here.
func (p *Project) Read() (*workspace.Document, error) {
	return readDocWithin(p.Target.Within, p.Target.Path)
}

// readDoc parses the file at path, one of the user's own (user settings,
// peacock's config, machine settings); nil and no error when it does not
// exist.
func readDoc(path string) (*workspace.Document, error) {
	return readDocWithin("", path)
}

// readDocWithin is readDoc for a file whose links must stay in within
// ("" for anywhere; see workspace.ReadWithin).
func readDocWithin(within, path string) (*workspace.Document, error) {
	data, err := workspace.ReadWithin(within, path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return workspace.Parse(path, data)
}

// docPeacock returns the peacock.* settings of doc (none for nil).
func docPeacock(doc *workspace.Document) map[string]any {
	if doc == nil {
		return map[string]any{}
	}
	return doc.SettingsWithPrefix(peacockPrefix)
}

// SettingsFor merges package defaults < user settings < doc's own settings,
// as VS Code does, and returns the derivation settings, read as the
// extension reads them (see palette.Settings.MergeWarn): a value of the
// wrong type is a warning, once per setting, naming the file it comes
// from and how the extension reads it. doc may be nil (no target file).
// Only a value the extension fails on (an excludedSettings that is no
// list or string) or a bad peacock.style is an error, naming its file.
func (p *Project) SettingsFor(doc *workspace.Document) (palette.Settings, error) {
	own := docPeacock(doc)
	merged := p.merged(doc)
	ps, warns, err := palette.DefaultSettings().MergeWarn(merged)
	if err != nil {
		// Name the file the bad value comes from: the target's own
		// settings when they are wrong by themselves, else the user's.
		if _, _, derr := palette.DefaultSettings().MergeWarn(own); derr != nil {
			return ps, fmt.Errorf("%s: %w", p.settingAt(p.Target.Path, doc, derr), derr)
		}
		if p.UserSettingsPath != "" {
			err = fmt.Errorf("%s: %w", p.settingAt(p.UserSettingsPath, nil, err), err)
		}
		return ps, err
	}
	for _, w := range warns {
		top, _, _ := strings.Cut(strings.TrimPrefix(w.Key, peacockPrefix), ".")
		from, fromDoc := p.UserSettingsPath, (*workspace.Document)(nil)
		if _, ok := own[peacockPrefix+top]; ok || from == "" {
			from, fromDoc = p.Target.Path, doc
		}
		msg := fmt.Sprintf("%s: %s", p.settingAt(from, fromDoc, &palette.SettingError{Key: peacockPrefix + top}), w)
		if !p.warned[msg] {
			if p.warned == nil {
				p.warned = map[string]bool{}
			}
			p.warned[msg] = true
			p.warn(msg)
		}
	}
	if p.Editor != nil && p.Editor.ID == "cursor" {
		ps.Cursor = true
	}
	return ps, nil
}

// settingAt names where the setting of err (a *palette.SettingError) is
// in the file at path, parsed as doc (nil: read it again, as for the user
// settings, which are kept decoded): "FILE: line L, column C", or "FILE"
// when the setting cannot be found.
func (p *Project) settingAt(path string, doc *workspace.Document, err error) string {
	name := p.Display(path)
	var se *palette.SettingError
	if !errors.As(err, &se) {
		return name
	}
	// A nested key (peacock.elementAdjustments.activityBar) is in its
	// top-level setting.
	key := se.Key
	if rest, ok := strings.CutPrefix(key, peacockPrefix); ok {
		top, _, _ := strings.Cut(rest, ".")
		key = peacockPrefix + top
	}
	if doc == nil {
		within := ""
		if path == p.Target.Path {
			within = p.Target.Within
		}
		var rerr error
		if doc, rerr = readDocWithin(within, path); rerr != nil || doc == nil {
			return name
		}
	}
	if line, col, ok := doc.SettingPosition(key); ok {
		return fmt.Sprintf("%s: line %d, column %d", name, line, col)
	}
	return name
}

// Settings returns the derivation settings that apply to the target (see
// SettingsFor), reading the target file.
func (p *Project) Settings() (palette.Settings, error) {
	doc, err := p.Read()
	if err != nil {
		return palette.Settings{}, err
	}
	return p.SettingsFor(doc)
}

// merged returns the peacock.* settings that apply to doc, as VS Code's
// configuration service computes them (configurationModels.ts): each layer
// (package defaults, user settings, doc's settings) becomes a tree, its
// keys split at the dots and added in file order (addToValueTree: so
// "peacock.elementAdjustments.activityBar" sets a key of that object, and
// "peacock": {...} holds settings too); the trees merge in that order, an
// object key by key into an object and anything else (null, a string)
// replacing. A user value that is no object thus ends the chain from the
// package default of peacock.elementAdjustments, and a workspace object
// then stands alone, its missing keys no adjustment.
func (p *Project) merged(doc *workspace.Document) map[string]any {
	defaults := map[string]any{"elementAdjustments": map[string]any{
		"activityBar": string(palette.AdjustLighten), "statusBar": string(palette.AdjustNone), "titleBar": string(palette.AdjustNone)}}
	var docKeys []string
	if doc != nil {
		docKeys = doc.SettingKeysWithPrefix("peacock")
	}
	// The chain: a layer whose "peacock" is no object replaces the tree
	// (an array too: it is no object to the merge).
	tree, broken := defaults, false
	var scalar any
	isScalar := false
	for _, l := range []layerTree{valuesTree(p.User, p.userKeys), valuesTree(docPeacockAll(doc), docKeys)} {
		switch {
		case l.empty:
		case l.isScalar:
			scalar, isScalar = l.scalar, true
		case l.replace || isScalar:
			tree, broken, isScalar = workspace.MergeSettings(l.tree), true, false
		default:
			tree = workspace.MergeSettings(tree, l.tree)
		}
	}
	if isScalar {
		// get(key, def) of a "peacock" that is no object: a falsy one
		// (false, 0, "", null) is every setting's value (lookUp stops at
		// it); a truthy one has none, so each call's own default applies
		// (isAffectedSettingSelected(x, false): nothing colored; no color).
		tree = map[string]any{}
		if palette.Truthy(scalar) {
			broken = true
		} else {
			for _, k := range peacockSettingNames {
				tree[k] = scalar
			}
		}
	}
	if broken {
		// No package defaults below: a missing setting is the call's own
		// default, false for the affect* settings, {} for the adjustments.
		for _, k := range []string{"affectActivityBar", "affectStatusBar", "affectTitleBar", "affectSashHover"} {
			if _, ok := tree[k]; !ok {
				tree[k] = false
			}
		}
		if _, ok := tree["elementAdjustments"]; !ok {
			tree["elementAdjustments"] = map[string]any{}
		}
	}
	out := make(map[string]any, len(tree))
	for k, v := range tree {
		out[peacockPrefix+k] = v
	}
	const adj = "elementAdjustments"
	if ap, ok := tree[adj].(arrayProps); ok {
		tree[adj] = workspace.MergeSettings(ap)
		out[peacockPrefix+adj] = tree[adj]
	}
	if m, ok := tree[adj].(map[string]any); ok {
		for _, k := range []string{"activityBar", "statusBar", "titleBar"} {
			if _, ok := m[k]; !ok {
				m[k] = string(palette.AdjustNone)
			}
		}
	}
	return out
}

// docPeacockAll returns doc's settings named "peacock" or "peacock.*".
func docPeacockAll(doc *workspace.Document) map[string]any {
	if doc == nil {
		return map[string]any{}
	}
	return doc.SettingsWithPrefix("peacock")
}

// peacockSettingNames are the peacock.* settings the extension reads for
// its payload.
var peacockSettingNames = []string{"color", "remoteColor", "excludedSettings", "elementAdjustments", "darkForegroundColor",
	"lightForegroundColor", "darkenLightenPercentage", "affectActivityBar", "affectStatusBar", "affectTitleBar",
	"affectSashHover", "affectEditorGroupBorder", "affectPanelBorder", "affectSideBarBorder", "affectStatusAndTitleBorders",
	"affectDebuggingStatusBar", "affectTabActiveBorder", "affectTabActiveBackground", "affectWindowBorder",
	"keepForegroundColor", "keepBadgeColor", "squigglyBeGone"}

// layerTree is one settings layer's tree below "peacock" (see valuesTree).
type layerTree struct {
	tree     map[string]any
	empty    bool // no peacock setting in the layer
	replace  bool // "peacock" is an array: it replaces what is below
	isScalar bool // "peacock" is no object or array: scalar
	scalar   any
}

// arrayProps is an array given properties by dotted keys (see valuesTree).
type arrayProps map[string]any

// valuesTree builds VS Code's settings tree below "peacock" from the flat
// settings in values, taking the keys in order (keys missing from order
// follow, sorted): addToValueTree, where a key whose parent is not an
// object (null, a string, an array) is ignored.
func valuesTree(values map[string]any, order []string) layerTree {
	keys := make([]string, 0, len(values))
	seen := map[string]bool{}
	for _, k := range order {
		if _, ok := values[k]; ok && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range values {
		// Only "peacock" and peacock.* make the tree (the loop below
		// skips the rest): the user's other settings are not sorted.
		if !seen[k] && (k == "peacock" || strings.HasPrefix(k, peacockPrefix)) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	keys = append(keys, rest...)
	root := map[string]any{}
	l := layerTree{empty: true}
	for _, k := range keys {
		v := values[k]
		if k == "peacock" {
			l = layerTree{}
			switch x := v.(type) {
			case map[string]any:
				root = workspace.MergeSettings(x)
			case []any:
				root, l.replace = map[string]any{}, true
			default:
				l.isScalar, l.scalar = true, v
			}
			continue
		}
		name, ok := strings.CutPrefix(k, peacockPrefix)
		if !ok || name == "" {
			continue
		}
		if l.isScalar {
			continue // addToValueTree: its parent is no object
		}
		l.empty = false
		segs := strings.Split(name, ".")
		curr := root
		for i, s := range segs[:len(segs)-1] {
			next, present := curr[s]
			if !present {
				m := map[string]any{}
				curr[s] = m
				curr = m
				continue
			}
			m, isObj := next.(map[string]any)
			if _, isArray := next.([]any); isArray && s == "elementAdjustments" && i == 0 {
				// JavaScript sets the key as a property of the array,
				// which getElementAdjustment reads: what is read is an
				// object of the properties (the elements never match a
				// name).
				// It is no object to VS Code's merge, which replaces it
				// (merged turns it into a map at the end).
				m, isObj = map[string]any{}, true
				curr[s] = arrayProps(m)
			}
			if ap, ok := next.(arrayProps); ok {
				m, isObj = ap, true
			}
			if !isObj {
				curr = nil
				break
			}
			curr = m
		}
		if curr != nil {
			// A copy: a later dotted key must not change the caller's map.
			curr[segs[len(segs)-1]] = workspace.MergeSettings(map[string]any{"v": v})["v"]
		}
	}
	l.tree = root
	return l
}

// StoredColor returns the color text that applies to doc and the setting
// it comes from: with remote, peacock.remoteColor falling back to
// peacock.color (as the extension does at activation). User-level values
// apply when the file has none. text is "" when no color is set; key is
// then the setting that would hold one.
func (p *Project) StoredColor(doc *workspace.Document, remote bool) (text, key string) {
	merged := p.merged(doc)
	keys := []string{ColorKey}
	if remote {
		keys = []string{RemoteColorKey, ColorKey}
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
func (p *Project) colorTypeError(doc *workspace.Document) error {
	if doc == nil {
		return nil
	}
	for _, k := range []string{ColorKey, RemoteColorKey} {
		v, ok := doc.Setting(k)
		if _, isString := v.(string); !ok || isString {
			continue
		}
		return fmt.Errorf("%s: %s: want a color string, got %s", p.Display(p.Target.Path), k, jsonKind(v))
	}
	return nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	}
	return "a number"
}

// Stored is a project's stored color, read and parsed.
type Stored struct {
	// Doc is the parsed target (nil when the file does not exist).
	Doc *workspace.Document
	// Text is the stored color text and Key the setting holding it.
	Text, Key string
	// Color is Text parsed.
	Color palette.Color
	// Colors are the owned keys the file holds, with their values.
	Colors map[string]string
}

// NoColorError is returned when a command needs a stored color and the
// project has none.
type NoColorError struct {
	// Key is the setting looked for and File the target, as displayed.
	Key, File string
	// Missing: the file does not exist (yet).
	Missing bool
}

func (e *NoColorError) Error() string {
	if e.Missing {
		return fmt.Sprintf("%s does not exist yet, so there is no %s", e.File, e.Key)
	}
	return fmt.Sprintf("no %s in %s", e.Key, e.File)
}

// Stored reads the target and returns its env-aware stored color (see
// StoredColor), parsed. It is a *NoColorError when there is none.
func (p *Project) Stored(remote bool) (*Stored, error) {
	doc, err := p.Read()
	if err != nil {
		return nil, err
	}
	return p.storedIn(doc, remote)
}

// storedIn is Stored on a document already read (nil: no file).
func (p *Project) storedIn(doc *workspace.Document, remote bool) (*Stored, error) {
	if err := p.colorTypeError(doc); err != nil {
		return nil, err
	}
	text, key := p.StoredColor(doc, remote)
	if text == "" {
		return nil, &NoColorError{Key: key, File: p.Display(p.Target.Path), Missing: doc == nil || !p.Target.Exists}
	}
	c, err := palette.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", p.Display(p.Target.Path), key, err)
	}
	s := &Stored{Doc: doc, Text: text, Key: key, Color: c, Colors: map[string]string{}}
	if doc != nil {
		for _, m := range doc.ColorCustomizations() {
			if v, ok := m.Value.(string); ok && palette.IsOwned(m.Key) {
				s.Colors[m.Key] = v
			}
		}
	}
	return s, nil
}
