package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
	"github.com/spf13/cobra"
)

// favorite is a named color with where it came from.
type favorite struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Source string `json:"source"` // "config", "user", "starter"
}

// toolConfig is peacock's own config file ($XDG_CONFIG_HOME/peacock/config.json).
// Members this version does not know are kept as they are when it saves.
type toolConfig struct {
	Favorites []palette.Favorite
	other     map[string]json.RawMessage
}

// configPath returns peacock's config file: $XDG_CONFIG_HOME/peacock, else the
// OS config dir (~/.config, ~/Library/Application Support, %APPDATA%).
func (f *factory) configPath() string {
	base := f.Getenv("XDG_CONFIG_HOME")
	if base == "" {
		home := f.home()
		switch f.GOOS {
		case "windows":
			base = f.Getenv("APPDATA")
		case "darwin":
			base = filepath.Join(home, "Library", "Application Support")
		default:
			base = filepath.Join(home, ".config")
		}
	}
	return filepath.Join(base, "peacock", "config.json")
}

// loadConfig reads peacock's config file and also returns its bytes (nil
// when it does not exist). A file that is not valid is an error naming the
// line and column, and is never rewritten.
func (f *factory) loadConfig() (toolConfig, []byte, error) {
	var cfg toolConfig
	path := f.configPath()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil, nil
	}
	if err != nil {
		return cfg, nil, err
	}
	var known struct {
		Favorites []palette.Favorite `json:"favorites"`
	}
	if err := json.Unmarshal(data, &cfg.other); err != nil {
		return cfg, nil, configError(path, data, err)
	}
	if err := json.Unmarshal(data, &known); err != nil {
		return cfg, nil, configError(path, data, err)
	}
	cfg.Favorites = known.Favorites
	delete(cfg.other, "favorites")
	return cfg, data, nil
}

// configError describes a JSON error in the config file with its position.
func configError(path string, data []byte, err error) error {
	var off int64 = -1
	msg := err.Error()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		want := map[string]string{"slice": "a list", "string": "a string", "struct": "an object", "map": "an object"}[te.Type.Kind().String()]
		if want == "" {
			want = te.Type.String()
		}
		msg = fmt.Sprintf("want %s, got %s", want, te.Value)
		if te.Field != "" {
			msg = te.Field + ": " + msg
		}
	}
	if off < 0 {
		return fmt.Errorf("%s: %s", path, msg)
	}
	line, col := 1, 1
	for _, b := range data[:min(int(off), len(data))] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%s: line %d, column %d: %s", path, line, col, msg)
}

// configBytes renders cfg as the config file's bytes.
func configBytes(cfg toolConfig) ([]byte, error) {
	m := map[string]any{}
	for k, v := range cfg.other {
		m[k] = v
	}
	favs := cfg.Favorites
	if favs == nil {
		favs = []palette.Favorite{}
	}
	m["favorites"] = favs
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// saveConfig writes cfg to peacock's config file, or with --dry-run prints
// the diff. It reports what it did (verb is "add", "update" or "remove")
// on stderr, and as JSON on stdout with --json.
func (f *factory) saveConfig(g *globalOptions, cfg toolConfig, before []byte, verb string, fav palette.Favorite) error {
	path := f.configPath()
	after, err := configBytes(cfg)
	if err != nil {
		return err
	}
	changed := !bytes.Equal(before, after)
	if changed && !g.DryRun {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := workspace.WriteFileAtomic(path, after, 0o644); err != nil {
			return err
		}
	}
	if g.JSON {
		data := map[string]any{"name": fav.Name, "file": path, "changed": changed,
			"created": changed && before == nil, "dryRun": g.DryRun}
		if fav.Value != "" {
			data["value"] = fav.Value
		}
		if g.DryRun {
			data["diff"] = workspace.Diff(path, before, after)
		}
		if err := writeJSON(f.IO, data); err != nil {
			return err
		}
	} else if g.DryRun {
		fmt.Fprint(f.IO.Out, workspace.Diff(path, before, after))
	}
	if g.Quiet {
		return nil
	}
	what := fmt.Sprintf("favorite %q", fav.Name)
	if fav.Value != "" {
		what += " = " + fav.Value
	}
	prep := "in"
	if verb == "remove" {
		prep = "from"
	}
	switch {
	case !changed:
		fmt.Fprintf(f.IO.ErrOut, "%s is already in %s; nothing to change\n", what, path)
	case g.DryRun:
		fmt.Fprintf(f.IO.ErrOut, "dry run: would %s %s %s %s; nothing written\n", verb, what, prep, path)
	default:
		past := map[string]string{"add": "added", "update": "updated", "remove": "removed"}[verb]
		fmt.Fprintf(f.IO.ErrOut, "%s %s %s %s\n", past, what, prep, path)
	}
	return nil
}

// checkFavoriteName refuses names that cannot round-trip through the
// tab-separated listing or Peacock's menu.
func checkFavoriteName(cmd, name string) error {
	if name == "" {
		return flagErrorf("%s: the name is empty", cmd)
	}
	if strings.Contains(name, "->") {
		return flagErrorf("%s: a name cannot contain %q (Peacock's menu separator)", cmd, "->")
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return flagErrorf("%s: a name cannot contain control characters such as %q", cmd, r)
		}
	}
	return nil
}

// favorites lists, in lookup order: peacock's config file, the user's
// peacock.favoriteColors, then Peacock's starter set. The first of a name wins
// on lookup; the list keeps them all.
func (s *session) favorites() ([]favorite, error) {
	cfg, _, err := s.f.loadConfig()
	if err != nil {
		return nil, err
	}
	var out []favorite
	for _, fv := range cfg.Favorites {
		out = append(out, favorite{fv.Name, fv.Value, "config"})
	}
	if list, ok := s.User["peacock.favoriteColors"].([]any); ok {
		for _, item := range list {
			m, _ := item.(map[string]any)
			name, _ := m["name"].(string)
			value, _ := m["value"].(string)
			if name != "" && value != "" {
				out = append(out, favorite{name, value, "user"})
			}
		}
	}
	for _, fv := range palette.Starters() {
		out = append(out, favorite{fv.Name, fv.Value, "starter"})
	}
	return out, nil
}

// resolveColor turns what the user typed into color text to store: any
// color palette parses, else a favorite's value by name (case-insensitive).
func (s *session) resolveColor(text string) (string, error) {
	text = strings.TrimSpace(text)
	_, perr := palette.Parse(text)
	if perr == nil {
		return text, nil
	}
	favs, err := s.favorites()
	if err != nil {
		return "", err
	}
	for _, fv := range favs {
		if strings.EqualFold(fv.Name, text) {
			if _, err := palette.Parse(fv.Value); err != nil {
				return "", fmt.Errorf("favorite %q (%s): %w", fv.Name, fv.Source, err)
			}
			return fv.Value, nil
		}
	}
	return "", fmt.Errorf("%w (nor a favorite name: see 'peacock favorites')", perr)
}

func newFavoritesCmd(f *factory, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "favorites",
		Short: "List, add and remove favorite colors",
		Long: `Favorites are named colors you can use anywhere a color is expected
(peacock set "Vue Green"). They come from peacock's config file
($XDG_CONFIG_HOME/peacock/config.json), the peacock.favoriteColors of your
VS Code user settings, and Peacock's starter set, looked up in that order.`,
		Example: `  $ peacock favorites
  $ peacock favorites add "Deep Sea" "#05445e"
  $ peacock favorites remove "Deep Sea"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := f.newSessionNoTarget(g)
			if err != nil {
				return err
			}
			favs, err := s.favorites()
			if err != nil {
				return err
			}
			if g.JSON {
				if favs == nil {
					favs = []favorite{}
				}
				return writeJSON(f.IO, map[string]any{"favorites": favs})
			}
			for _, fv := range favs {
				if f.IO.ColorEnabled() {
					c, _ := palette.Parse(fv.Value)
					fmt.Fprintf(f.IO.Out, "%s  %-22s %-10s %s\n", swatch(c, 4), fv.Name, fv.Value, fv.Source)
				} else {
					fmt.Fprintf(f.IO.Out, "%s\t%s\t%s\n", fv.Name, fv.Value, fv.Source)
				}
			}
			return nil
		},
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "add <name> <color>",
		Short:   "Add a favorite to peacock's config file",
		Example: `  $ peacock favorites add "Deep Sea" "#05445e"`,
		Args:    exactArgs(2, "<name> and <color>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			name, value := strings.TrimSpace(args[0]), strings.TrimSpace(args[1])
			if err := checkFavoriteName("favorites add", name); err != nil {
				return err
			}
			if value == "" {
				return flagErrorf("favorites add: the color is empty")
			}
			if _, err := palette.Parse(value); err != nil {
				return err
			}
			cfg, before, err := f.loadConfig()
			if err != nil {
				return err
			}
			fav := palette.Favorite{Name: name, Value: value}
			verb := "add"
			for i, fv := range cfg.Favorites {
				if strings.EqualFold(fv.Name, name) {
					cfg.Favorites[i] = fav
					verb = "update"
				}
			}
			if verb == "add" {
				cfg.Favorites = append(cfg.Favorites, fav)
			}
			return f.saveConfig(g, cfg, before, verb, fav)
		},
	}, &cobra.Command{
		Use:     "remove <name>",
		Short:   "Remove a favorite from peacock's config file",
		Example: `  $ peacock favorites remove "Deep Sea"`,
		Args:    exactArgs(1, "<name>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.TrimSpace(args[0])
			if name == "" {
				return flagErrorf("favorites remove: the name is empty")
			}
			cfg, before, err := f.loadConfig()
			if err != nil {
				return err
			}
			var kept []palette.Favorite
			for _, fv := range cfg.Favorites {
				if !strings.EqualFold(fv.Name, name) {
					kept = append(kept, fv)
				}
			}
			if len(kept) == len(cfg.Favorites) {
				return fmt.Errorf("no favorite named %q in %s (starter and VS Code favorites are not removed here)", name, f.configPath())
			}
			cfg.Favorites = kept
			return f.saveConfig(g, cfg, before, "remove", palette.Favorite{Name: name})
		},
	})
	return cmd
}
