// Package project is what a peacock command does to a project: open it,
// resolve a color, and set, apply, reset, lighten, darken or check its
// colors, diagnose why they might not show, and keep favorites.
//
// It sits between the CLI and the two libraries below it: palette (color
// math, no I/O) and workspace (finding, parsing and editing settings files
// byte for byte). Everything a command needs to decide lives here, so the
// command line, the picker and the git hook all see the same target and
// the same settings; internal/cli, the command line, only parses flags and
// renders results.
//
// The logic is a package of its own rather than part of workspace because
// it joins both libraries: workspace knows files, not colors, and palette
// knows colors, not files.
//
// # Opening a project
//
// Open takes plain Options: the working directory, an explicit target
// file, the editor whose user settings apply, the operating system and an
// environment lookup function (asked only for the home and per-user
// directories: HOME, USERPROFILE, APPDATA, LOCALAPPDATA, XDG_CONFIG_HOME,
// XDG_STATE_HOME, XDG_DATA_HOME). The target is, in order: the explicit file; the
// nearest *.code-workspace up to the repository root; the project's
// .vscode/settings.json when it already holds Peacock state; a new
// <repo>.code-workspace at the repository root. The peacock.* settings
// merge as in VS Code: package defaults, then the user's, then the target
// file's (SettingsFor).
//
// # Editing
//
// Resolve turns a color text or a favorite's name into a Choice (text and
// parsed color) once; Set, SetRandom, Apply, Reset, Adjust and SideBar
// build on it. Every edit goes through workspace.Update: read and parse
// once, edit, write atomically under the file's lock, and never write a
// file that cannot be parsed. A Change reports what happened; nothing is
// printed.
//
// # Checking
//
// Check compares the owned keys with what the stored color derives. When
// they differ it looks for what explains the file: other peacock.*
// settings, the remote color, or an older extension version. Only what
// nothing explains is drift. Doctor lists Findings, each with advice or a
// command line (as arguments, for the caller to quote).
//
// # Personal, machine and dev container colors
//
// Personalize and Depersonalize are the smudge and clean of the git filter
// behind set --personal: the personal palette spliced into the committed
// bytes, and the committed bytes given back exactly (docs/personal.md);
// SetPersonal and ResetPersonal edit the working copy. The library runs no
// git: the CLI hands it what git stores. SetMachine and ResetMachine edit
// an editor server's machine settings (MachineFiles, under the home
// directory Open was given); SetDevcontainer and ResetDevcontainer edit
// customizations.vscode.settings of the project's devcontainer.json. Both
// write workbench.colorCustomizations only, never a peacock.* key.
//
// # Favorites
//
// Favorites live where the extension keeps them, in peacock.favoriteColors
// of the editor's user settings, so the two share one list; peacock's own
// config file holds them only when no editor is found (FavoritesStore).
//
// # What a command uses
//
// Open (Options) gives a *Project. Its methods are the commands' verbs:
// Resolve, Set, SetRandom, Adjust, Apply, Reset, ResetUser, SideBar,
// Auto; Check (a CheckReport, Status*) and Doctor (Findings); Favorites,
// AddFavorite, AddCurrentFavorite, AddRecommended, RemoveFavorite; Themes,
// Theme, ThemeColorNames, Suggestions (for pick); SetPersonal,
// ResetPersonal, Personalize, Depersonalize; SetMachine, ResetMachine,
// SetDevcontainer, ResetDevcontainer; and the reads Read, Stored,
// StoredColor, Settings, SettingsFor, Display, UserDir. Edits take
// WriteOptions and return a Change (a FavoriteChange for favorites);
// errors a caller tells apart are UsageError and NoColorError.
// WorktreeColor and Checkout serve the hooks. Everything else is
// unexported.
//
// The package never prints, exits, prompts or reads the environment
// directly.
package project
