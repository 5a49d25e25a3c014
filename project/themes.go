package project

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/themes"
	"github.com/peacock-cli/peacock/workspace"
)

// ThemesDir returns the directory of the user's themes: themes/ beside
// peacock's config file (see ConfigPath).
func (p *Project) ThemesDir() string {
	if p.ConfigPath() == "" {
		return "" // no home: no user themes (never ./themes)
	}
	return filepath.Join(filepath.Dir(p.ConfigPath()), "themes")
}

// Themes returns the built-in themes with the user's own over them (a user
// theme shadows a built-in one of the same name). They are loaded on the
// first call only; a user theme file that cannot be used is passed once to
// Options.Warn, with its path and line:column, and skipped.
func (p *Project) Themes() ([]themes.Theme, error) {
	if p.themes != nil {
		return p.themes, nil
	}
	builtin, err := themes.Builtin()
	if err != nil {
		return nil, err
	}
	var user []themes.Theme
	var problems []error
	if dir := p.ThemesDir(); dir != "" {
		user, problems = themes.LoadDir(dir, func(path string) ([]byte, error) {
			return workspace.ReadFileLimit(path, themes.MaxFileSize)
		})
	}
	for _, e := range problems {
		var le *themes.LoadError
		if errors.As(e, &le) && le.Line > 0 {
			p.warn(fmt.Sprintf("%s: line %d, column %d: %s (skipped)", p.Display(le.Path), le.Line, le.Column, le.Msg))
		} else if errors.As(e, &le) {
			p.warn(fmt.Sprintf("%s: %s (skipped)", p.Display(le.Path), le.Msg))
		} else {
			p.warn(e.Error())
		}
	}
	p.themes = themes.Merge(builtin, user)
	return p.themes, nil
}

func (p *Project) warn(msg string) {
	if p.opts.Warn != nil {
		p.opts.Warn(msg)
	}
}

// Theme returns the theme called name (compared by themes.Key).
func (p *Project) Theme(name string) (themes.Theme, error) {
	all, err := p.Themes()
	if err != nil {
		return themes.Theme{}, err
	}
	t, ok := themes.Lookup(all, name)
	if !ok {
		var names []string
		for _, t := range all {
			names = append(names, t.Name)
		}
		return themes.Theme{}, fmt.Errorf("no theme %q (themes: %s)", name, strings.Join(names, ", "))
	}
	return t, nil
}

// starters returns Peacock's starter favorites: the built-in "peacock"
// theme.
func starters() []Favorite {
	all, err := themes.Builtin()
	if err != nil {
		return nil
	}
	t, _ := themes.Lookup(all, "peacock")
	var out []Favorite
	for _, c := range t.Colors {
		out = append(out, Favorite{c.Name, c.Value, SourceStarter})
	}
	return out
}

// Resolve turns what the user typed into the color to store, reading it,
// in order, as: a color text palette.Parse reads (so a CSS name always
// wins, as the extension reads it); a favorite's name; a theme color's name
// ("vue green" or "peacock/vue-green"). Names compare as themes.Key does:
// case-insensitively, with spaces, dashes and underscores alike. A name
// several themes define differently is an error listing the candidates.
// Themes and favorites are read only when the text is not a color.
func (p *Project) Resolve(input string) (Choice, error) {
	text := strings.TrimSpace(input)
	c, perr := palette.Parse(text)
	if perr == nil {
		return Choice{Text: text, Color: c}, nil
	}
	favs, err := p.Favorites()
	if err != nil {
		// A broken favorites list must not hide the themes: say so and go on.
		p.warn(err.Error())
	}
	key := themes.Key(text)
	for _, f := range favs {
		if themes.Key(f.Name) == key {
			c, err := palette.Parse(f.Value)
			if err != nil {
				return Choice{}, fmt.Errorf("favorite %q (%s): %w", f.Name, f.Source, err)
			}
			return Choice{Text: f.Value, Color: c, Favorite: f.Name}, nil
		}
	}
	all, err := p.Themes()
	if err != nil {
		return Choice{}, err
	}
	m, err := themes.Resolve(all, text)
	var amb *themes.AmbiguousError
	switch {
	case err == nil:
		return Choice{Text: m.Color.Value, Color: m.Parsed, Theme: m.Theme, Favorite: m.Color.Name}, nil
	case errors.As(err, &amb):
		return Choice{}, &UsageError{fmt.Sprintf("%q names colors in several themes: %s; choose one as theme/color", text, strings.Join(amb.Candidates, ", "))}
	case errors.Is(err, themes.ErrNotFound) && strings.Contains(text, "/"):
		return Choice{}, fmt.Errorf("%w (see 'peacock themes')", err)
	}
	return Choice{}, fmt.Errorf("%w (nor a favorite or theme color: see 'peacock favorites' and 'peacock themes')", perr)
}

// ThemeColorNames lists the theme color names a shell should complete
// for a color argument (see themes.Names).
func (p *Project) ThemeColorNames() []string {
	all, err := p.Themes()
	if err != nil {
		return nil
	}
	return themes.Names(all)
}
