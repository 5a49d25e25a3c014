package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
type toolConfig struct {
	Favorites []palette.Favorite `json:"favorites"`
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

func (f *factory) loadConfig() (toolConfig, error) {
	var cfg toolConfig
	path := f.configPath()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, err
	}
	if err := json.Unmarshal(data, &cfg); err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

func (f *factory) saveConfig(cfg toolConfig) error {
	path := f.configPath()
	data, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return workspace.WriteFileAtomic(path, append(data, '\n'), 0o644)
}

// favorites lists, in lookup order: peacock's config file, the user's
// peacock.favoriteColors, then Peacock's starter set. The first of a name wins
// on lookup; the list keeps them all.
func (s *session) favorites() ([]favorite, error) {
	cfg, err := s.f.loadConfig()
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
			if name == "" {
				return flagErrorf("favorites add: the name is empty")
			}
			if strings.Contains(name, "->") {
				return flagErrorf("favorites add: a name cannot contain %q (Peacock's menu separator)", "->")
			}
			if _, err := palette.Parse(value); err != nil {
				return err
			}
			cfg, err := f.loadConfig()
			if err != nil {
				return err
			}
			replaced := false
			for i, fv := range cfg.Favorites {
				if strings.EqualFold(fv.Name, name) {
					cfg.Favorites[i] = palette.Favorite{Name: name, Value: value}
					replaced = true
				}
			}
			if !replaced {
				cfg.Favorites = append(cfg.Favorites, palette.Favorite{Name: name, Value: value})
			}
			if g.DryRun {
				fmt.Fprintf(f.IO.ErrOut, "dry run: would save favorite %q = %s in %s\n", name, value, f.configPath())
				return nil
			}
			if err := f.saveConfig(cfg); err != nil {
				return err
			}
			if !g.Quiet {
				verb := "added"
				if replaced {
					verb = "updated"
				}
				fmt.Fprintf(f.IO.ErrOut, "%s favorite %q = %s in %s\n", verb, name, value, f.configPath())
			}
			return nil
		},
	}, &cobra.Command{
		Use:     "remove <name>",
		Short:   "Remove a favorite from peacock's config file",
		Example: `  $ peacock favorites remove "Deep Sea"`,
		Args:    exactArgs(1, "<name>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.TrimSpace(args[0])
			cfg, err := f.loadConfig()
			if err != nil {
				return err
			}
			kept := cfg.Favorites[:0]
			for _, fv := range cfg.Favorites {
				if !strings.EqualFold(fv.Name, name) {
					kept = append(kept, fv)
				}
			}
			if len(kept) == len(cfg.Favorites) {
				return fmt.Errorf("no favorite named %q in %s (starter and VS Code favorites are not removed here)", name, f.configPath())
			}
			cfg.Favorites = kept
			if g.DryRun {
				fmt.Fprintf(f.IO.ErrOut, "dry run: would remove favorite %q from %s\n", name, f.configPath())
				return nil
			}
			if err := f.saveConfig(cfg); err != nil {
				return err
			}
			if !g.Quiet {
				fmt.Fprintf(f.IO.ErrOut, "removed favorite %q from %s\n", name, f.configPath())
			}
			return nil
		},
	})
	return cmd
}
