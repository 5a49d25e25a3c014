package project

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/themes"
	"github.com/peacock-cli/peacock/workspace"
)

// Favorite sources.
const (
	SourceUser    = "user"    // peacock.favoriteColors in the editor's user settings
	SourceConfig  = "config"  // peacock's own config file
	SourceStarter = "starter" // Peacock's starter set
)

// Favorite is a named color and where it comes from.
type Favorite struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// configFavoritesKey is the member of peacock's config file that holds
// favorites.
const configFavoritesKey = "favorites"

// FavoritesStore is the file favorites are read from and saved to.
type FavoritesStore struct {
	// Path is the file; Key the member holding the list.
	Path, Key string
	// Source is SourceUser (the editor's user settings, shared with the
	// extension) or SourceConfig (peacock's own config file, used only
	// when no editor is found).
	Source string
}

// ConfigPath returns peacock's own config file:
// $XDG_CONFIG_HOME/peacock/config.json when XDG_CONFIG_HOME is absolute,
// else the OS config directory (~/.config, ~/Library/Application Support,
// %APPDATA%, falling back to %USERPROFILE%\AppData\Roaming).
func (p *Project) ConfigPath() string {
	if d := p.UserDir(ConfigDir); d != "" {
		return filepath.Join(d, "config.json")
	}
	return ""
}

// FavoritesStore returns where favorites live: the editor's user settings
// (peacock.favoriteColors, where the extension keeps them) when an editor
// or a user settings file applies, else peacock's own config file.
func (p *Project) FavoritesStore() FavoritesStore {
	if p.UserSettingsPath != "" {
		return FavoritesStore{Path: p.UserSettingsPath, Key: FavoritesKey, Source: SourceUser}
	}
	return FavoritesStore{Path: p.ConfigPath(), Key: configFavoritesKey, Source: SourceConfig}
}

// decodeFavorites reads a favorites list as JSON decodes it: a list of
// {"name": "...", "value": "..."} objects. Entries with an empty name or
// value are skipped, as the extension skips them; an entry of the wrong
// shape is an error naming its index.
func decodeFavorites(v any, source string) ([]Favorite, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf(": want a list of {\"name\", \"value\"} objects, got %s", jsonKind(v))
	}
	var out []Favorite
	for i, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("[%d]: want an object, got %s", i, jsonKind(item))
		}
		for _, k := range []string{"name", "value"} {
			if _, ok := m[k].(string); !ok && m[k] != nil {
				return nil, fmt.Errorf("[%d].%s: want a string, got %s", i, k, jsonKind(m[k]))
			}
		}
		name, _ := m["name"].(string)
		value, _ := m["value"].(string)
		if name != "" && value != "" {
			out = append(out, Favorite{name, value, source})
		}
	}
	return out, nil
}

// storedFavorites returns the list in the store's document and whether
// the member is present.
func (p *Project) storedFavorites(st FavoritesStore, doc *workspace.Document) ([]Favorite, bool, error) {
	if doc == nil {
		return nil, false, nil
	}
	v, ok := doc.Setting(st.Key)
	if !ok || v == nil {
		return nil, false, nil
	}
	favs, err := decodeFavorites(v, st.Source)
	if err != nil {
		return nil, true, fmt.Errorf("%s: %s%w", p.Display(st.Path), st.Key, err)
	}
	return favs, true, nil
}

// Favorites lists the favorites in lookup order, each name once (the first
// wins, compared case-insensitively). From the editor's user settings:
// peacock.favoriteColors, or Peacock's starter set when the setting is
// absent (the extension's default). From peacock's config file the same:
// its favorites, or the starters when it has none.
func (p *Project) Favorites() ([]Favorite, error) {
	st := p.FavoritesStore()
	var list []Favorite
	if st.Source == SourceUser {
		v, ok := p.User[FavoritesKey]
		if l, isList := v.([]any); isList && len(l) == 0 {
			// An explicit []: the extension fills it with the starters
			// when a window opens, so it reads as them.
			ok = false
		}
		if ok && v != nil {
			favs, err := decodeFavorites(v, SourceUser)
			if err != nil {
				return nil, fmt.Errorf("%s: %s%w", p.Display(st.Path), FavoritesKey, err)
			}
			list = favs
		} else {
			list = starters()
		}
	} else {
		doc, err := readDoc(st.Path)
		if err != nil {
			return nil, err
		}
		favs, present, err := p.storedFavorites(st, doc)
		if err != nil {
			return nil, err
		}
		// As in the editor's settings: an absent list is the starters.
		list = favs
		if !present {
			list = starters()
		}
	}
	return dedupe(list), nil
}

// sameName compares favorite names as every name is compared (see
// themes.Key): case-insensitively, with spaces, dashes and underscores
// alike, so that a name that lists is a name that set finds.
func sameName(a, b string) bool { return themes.Key(a) == themes.Key(b) }

// dedupe keeps the first favorite of each name (see sameName).
func dedupe(list []Favorite) []Favorite {
	return dedupeBy(list, themes.Key)
}

// dedupeBy keeps the first favorite of each key(name).
func dedupeBy(list []Favorite, key func(string) string) []Favorite {
	seen := map[string]bool{}
	var out []Favorite
	for _, f := range list {
		k := key(f.Name)
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// CheckFavoriteName refuses names that cannot round-trip through the
// tab-separated listing or Peacock's menu ("name -> value"), and names that
// are themselves colors (a favorite named "red" could never be chosen by
// name: the color wins).
func CheckFavoriteName(name string) error {
	if name == "" {
		return &UsageError{"the name is empty"}
	}
	if strings.Contains(name, "->") {
		return &UsageError{fmt.Sprintf("a name cannot contain %q (Peacock's menu separator)", "->")}
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return &UsageError{fmt.Sprintf("a name cannot contain control characters such as %q", r)}
		}
	}
	if c, err := palette.Parse(name); err == nil {
		return &UsageError{fmt.Sprintf("%q is itself a color (%s), so it cannot name a favorite; choose another name, such as %q", name, c.Hex(), name+" favorite")}
	}
	return nil
}

// FavoriteChange is what AddFavorite or RemoveFavorite did.
type FavoriteChange struct {
	workspace.Result
	// Verb is "add", "update", "remove" or "recommended".
	Verb string
	// Favorite is the entry added, updated or removed (Value is empty for
	// a removal).
	Favorite Favorite
	// Store is the file edited.
	Store FavoritesStore
}

// emptyList reports whether d's peacock.favoriteColors is an explicit [],
// which the extension fills with the starters when a window opens.
func emptyList(d *workspace.Document) bool {
	v, ok := d.Setting(FavoritesKey)
	l, isList := v.([]any)
	return ok && isList && len(l) == 0
}

// editFavorites edits the store's list under its file lock. fn gets the
// current list (the starters when the list is absent, as the extension
// materializes them on its first save) and returns the new one.
func (p *Project) editFavorites(wo WriteOptions, fn func([]Favorite) ([]Favorite, error)) (workspace.Result, FavoritesStore, error) {
	st := p.FavoritesStore()
	if st.Source == SourceConfig {
		if err := p.userFile(st.Path); err != nil {
			return workspace.Result{}, st, err
		}
	}
	res, err := workspace.Update(st.Path, wo.update(true), func(d *workspace.Document) error {
		list, present, err := p.storedFavorites(st, d)
		if err != nil {
			return err
		}
		// The default, in either store; an explicit [] in the editor's
		// settings too, which the extension fills with the starters.
		if !present || len(list) == 0 && st.Source == SourceUser && emptyList(d) {
			list = starters()
		}
		list, err = fn(list)
		if err != nil {
			return err
		}
		v := make([]any, 0, len(list))
		for _, f := range list {
			v = append(v, map[string]any{"name": f.Name, "value": f.Value})
		}
		return d.SetSetting(st.Key, v)
	})
	return res, st, err
}

// AddFavorite adds name = value to the favorites store, or updates the
// value of an entry of that name (compared case-insensitively).
func (p *Project) AddFavorite(name, value string, wo WriteOptions) (*FavoriteChange, error) {
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if err := CheckFavoriteName(name); err != nil {
		return nil, err
	}
	c, err := palette.Parse(value)
	if err != nil {
		return nil, err
	}
	value = Choice{Text: value, Color: c}.Portable().Text
	out := &FavoriteChange{Verb: "add", Favorite: Favorite{name, value, ""}}
	res, st, err := p.editFavorites(wo, func(list []Favorite) ([]Favorite, error) {
		out.Verb = "add"
		for i, f := range list {
			if sameName(f.Name, name) {
				list[i].Value = value
				out.Verb, out.Favorite.Name = "update", f.Name
			}
		}
		if out.Verb == "add" {
			list = append(list, Favorite{Name: name, Value: value})
		}
		return list, nil
	})
	if err != nil {
		return nil, err
	}
	out.Result, out.Store, out.Favorite.Source = res, st, st.Source
	return out, nil
}

// AddCurrentFavorite saves the project's current color (see Stored) under
// name: the extension's "Save Current Color to Favorites".
func (p *Project) AddCurrentFavorite(name string, remote bool, wo WriteOptions) (*FavoriteChange, error) {
	if err := CheckFavoriteName(strings.TrimSpace(name)); err != nil {
		return nil, err
	}
	s, err := p.Stored(remote)
	if err != nil {
		return nil, err
	}
	return p.AddFavorite(name, s.Text, wo)
}

// AddRecommended puts Peacock's starter set first in the favorites,
// followed by the existing ones, each name once, the first occurrence
// winning: the extension's "Add the Recommended Favorites", which compares
// names exactly. (In peacock's own config file, where the starters are
// always listed after the user's favorites, the starters are written
// first the same way.)
func (p *Project) AddRecommended(wo WriteOptions) (*FavoriteChange, error) {
	out := &FavoriteChange{Verb: "recommended", Favorite: Favorite{Name: "recommended"}}
	res, st, err := p.editFavorites(wo, func(list []Favorite) ([]Favorite, error) {
		return dedupeBy(append(starters(), list...), func(s string) string { return s }), nil
	})
	if err != nil {
		return nil, err
	}
	out.Result, out.Store = res, st
	return out, nil
}

// RemoveFavorite removes every favorite named name (compared as sameName does) from
// the store. Removing a name the store does not hold is an error.
func (p *Project) RemoveFavorite(name string, wo WriteOptions) (*FavoriteChange, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, &UsageError{"the name is empty"}
	}
	out := &FavoriteChange{Verb: "remove", Favorite: Favorite{Name: name}}
	res, st, err := p.editFavorites(wo, func(list []Favorite) ([]Favorite, error) {
		var kept []Favorite
		for _, f := range list {
			if !sameName(f.Name, name) {
				kept = append(kept, f)
			}
		}
		if len(kept) == len(list) {
			return nil, fmt.Errorf("no favorite named %q in %s", name, p.Display(p.FavoritesStore().Path))
		}
		return kept, nil
	})
	if err != nil {
		return nil, err
	}
	out.Result, out.Store, out.Favorite.Source = res, st, st.Source
	return out, nil
}

// Portable returns c with a text the Peacock extension reads: a CSS Color 4
// form that tinycolor has no meaning for (oklch(), hwb(), ...) becomes its
// hex, so that a file or a favorites list shared with the extension never
// holds a color the extension would drop.
func (c Choice) Portable() Choice {
	if !palette.PeacockReads(c.Text) {
		c.Text = c.Color.Hex()
	}
	return c
}

// Choice is a color text resolved once: what to store and what it means.
type Choice struct {
	// Text is what gets stored in peacock.color: the color text as typed
	// (trimmed), or the value of the favorite or theme color it names.
	Text string
	// Color is Text parsed.
	Color palette.Color
	// Favorite is the name of the favorite or theme color the input named
	// ("" for a color text), and Theme the theme holding it.
	Favorite, Theme string
}
