package project

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// WriteOptions controls how an edit is written.
type WriteOptions struct {
	// DryRun computes the edit and writes nothing.
	DryRun bool
	// Context, when done, stops an edit before it is written (the
	// temporary file is removed); nil means never.
	Context context.Context
	// OnWait, when set, is called once when another process holds the
	// file's lock (see workspace.UpdateOptions).
	OnWait func(path string, holderPID int)
	// BeforeWrite, when set, is called just before a file is written (see
	// workspace.UpdateOptions).
	BeforeWrite func()
}

func (wo WriteOptions) update(create bool) workspace.UpdateOptions {
	// In place: the edit reuses the buffer the file was read into (a dry
	// run keeps the original for its diff).
	return workspace.UpdateOptions{Create: create, DryRun: wo.DryRun, InPlace: true, Context: wo.Context, OnWait: wo.OnWait, BeforeWrite: wo.BeforeWrite}
}

// Change is what an edit of the target did.
type Change struct {
	workspace.Result
	// Key is the setting holding the color (peacock.color or
	// peacock.remoteColor) and Value the color text stored or applied (""
	// when there was none).
	Key, Value string
	// Color is Value parsed (zero when Value is "").
	Color palette.Color
	// Colors is the derived palette that was merged (empty for a strip or
	// a reset).
	Colors map[string]string
	// Warnings are notes about the file, such as duplicate keys.
	Warnings []string
	// Skipped reports that the target does not exist and the edit, which
	// only changes existing files, did nothing.
	Skipped bool
	// Removed reports that the edit removed the file (reset --personal
	// of a file peacock created).
	Removed bool
}

// update runs fn on the target under its file lock and collects the
// document's warnings.
func (p *Project) update(wo WriteOptions, create bool, out *Change, fn func(*workspace.Document) error) error {
	uo := wo.update(create)
	uo.Within = p.Target.Within
	return updateAt(p.Target.Path, uo, out, fn)
}

// updateAt runs fn on the file at path under its file lock, and puts the
// document's warnings and the write's result in out. A file found through
// the repository (uo.Within set) is first held to the read rule
// (workspace.CheckRead): an edit reads before it writes, and its refusal
// says that nothing was read (Update refuses the write again, under the
// lock).
func updateAt(path string, uo workspace.UpdateOptions, out *Change, fn func(*workspace.Document) error) error {
	if err := workspace.CheckRead(uo.Within, path); err != nil {
		return err
	}
	res, err := workspace.Update(path, uo, func(d *workspace.Document) error {
		out.Warnings = d.Warnings()
		return fn(d)
	})
	if err != nil {
		return err
	}
	out.Result = res
	return nil
}

// skipMissing fills out for a target that does not exist.
func (p *Project) skipMissing(out *Change) bool {
	if p.Target.Exists {
		return false
	}
	out.Path, out.Skipped = p.Target.Path, true
	return true
}

// Set derives the palette for c and merges it into the target (created
// when missing, as VS Code writes a new workspace file), storing c.Text in
// peacock.color, or peacock.remoteColor with remote. A non-empty style is
// remembered in the file as peacock.style (StylePeacock removes it).
func (p *Project) Set(c Choice, remote bool, style palette.Style, wo WriteOptions) (*Change, error) {
	return p.setWith(func(*workspace.Document) (Choice, error) { return c, nil }, remote, style, wo)
}

// setWith is Set with the color chosen from the document being edited, so
// that a command that needs the current color (lighten, darken, random)
// still reads and parses the file once. choose may be called again if the
// target's directory had to be created.
func (p *Project) setWith(choose func(*workspace.Document) (Choice, error), remote bool, style palette.Style, wo WriteOptions) (*Change, error) {
	out := &Change{Key: colorKeyFor(remote)}
	err := p.update(wo, true, out, func(d *workspace.Document) error {
		c, err := choose(d)
		if err != nil {
			return err
		}
		c = c.Portable()
		out.Value, out.Color = c.Text, c.Color
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		if style != "" {
			ps.Style = style
		}
		out.Colors = palette.Derive(c.Color, ps)
		if err := d.ApplyColors(out.Colors, palette.IsOwned, ps.ExcludedSettings); err != nil {
			return err
		}
		if err := d.SetSetting(out.Key, c.Text); err != nil {
			return err
		}
		switch style {
		case palette.StylePeacock:
			return d.RemoveSetting(StyleKey)
		case "":
			return nil
		default:
			return d.SetSetting(StyleKey, string(style))
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Apply does what the extension does when a window opens
// (addRemoteIntegration): derive the palette from the stored color and the
// current settings and merge it into the target. The color is read as the
// extension reads it: peacock.color, or with remote peacock.remoteColor
// when it is truthy (JavaScript's ||), else peacock.color. Without a color
// that the extension (or peacock, see palette.Parse) reads, the owned keys
// are stripped, as the extension's unapplyColors does: a color that is no
// string (a number, true, an object) or text that is no color is then a
// warning, not an error. A missing target is skipped.
func (p *Project) Apply(remote bool, wo WriteOptions) (*Change, error) {
	out := &Change{Key: colorKeyFor(remote), Colors: map[string]string{}}
	if p.skipMissing(out) {
		return out, nil
	}
	err := p.update(wo, false, out, func(d *workspace.Document) error {
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		v, key := p.envColor(d, remote)
		out.Key, out.Value, out.Color = key, "", palette.Color{}
		out.Colors = map[string]string{}
		text, isString := v.(string)
		switch {
		case !isString && v != nil:
			p.warn(fmt.Sprintf("%s: %s: want a color string, got %s; the extension reads no color from it and removes its colors, and so does peacock", p.settingAt(p.Target.Path, d, &palette.SettingError{Key: key}), key, jsonKind(v)))
		case strings.TrimSpace(text) != "":
			c, err := palette.Parse(text)
			if err != nil {
				p.warn(fmt.Sprintf("%s: %s: %v; the extension removes its colors for a color it cannot read, and so does peacock", p.settingAt(p.Target.Path, d, &palette.SettingError{Key: key}), key, err))
				break
			}
			out.Value, out.Color = text, c
			out.Colors = palette.Derive(c, ps)
		}
		return d.ApplyColors(out.Colors, palette.IsOwned, ps.ExcludedSettings)
	})
	return out, mapMissing(err, out)
}

// envColor returns the stored color value the extension applies when a
// window opens, as it is in the merged settings (any JSON value, nil when
// none), and the setting it comes from: peacock.color, or with remote
// peacock.remoteColor || peacock.color (JavaScript's ||: an empty string,
// null, false or 0 falls through, any other value, even " " or 5, is used).
func (p *Project) envColor(doc *workspace.Document, remote bool) (any, string) {
	merged := p.merged(doc)
	if remote {
		if v := merged[RemoteColorKey]; palette.Truthy(v) {
			return v, RemoteColorKey
		}
	}
	return merged[ColorKey], ColorKey
}

// mapMissing turns a target that vanished between Open and the edit into a
// skip.
func mapMissing(err error, out *Change) error {
	if errors.Is(err, fs.ErrNotExist) {
		out.Skipped = true
		return nil
	}
	return err
}

// Reset removes the owned keys (except excluded ones) from
// workbench.colorCustomizations, the member itself when nothing else is
// left in it, and peacock.color, peacock.remoteColor and peacock.style. A
// missing target is skipped.
func (p *Project) Reset(wo WriteOptions) (*Change, error) {
	out := &Change{Key: ColorKey, Colors: map[string]string{}}
	if p.skipMissing(out) {
		return out, nil
	}
	err := p.update(wo, false, out, func(d *workspace.Document) error {
		ps, err := p.SettingsFor(d)
		if err != nil {
			return err
		}
		if err := d.ResetColors(palette.IsOwned, ps.ExcludedSettings); err != nil {
			return err
		}
		return d.RemoveSetting(StyleKey)
	})
	return out, mapMissing(err, out)
}

// ResetUser removes the user-level Peacock colors from the editor's user
// settings: peacock.color, peacock.remoteColor and the Live Share colors
// (the extension's "Remove All Global and Workspace Colors" together with
// Reset). It edits only those members, byte-preserving; with no user
// settings file it does nothing and returns nil.
func (p *Project) ResetUser(wo WriteOptions) (*workspace.Result, error) {
	if p.UserSettingsPath == "" {
		return nil, nil
	}
	res, err := workspace.Update(p.UserSettingsPath, wo.update(false), func(d *workspace.Document) error {
		for _, k := range []string{ColorKey, RemoteColorKey, shareColorKey, joinColorKey} {
			if err := d.RemoveSetting(k); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &res, nil
}

// Adjust lightens (or, with darken, darkens) the stored color by percent of
// HSL lightness, as the extension's commands do, and stores the result as
// hex. percent 0 means peacock.darkenLightenPercentage.
func (p *Project) Adjust(darken bool, percent float64, remote bool, wo WriteOptions) (*Change, error) {
	return p.setWith(func(d *workspace.Document) (Choice, error) {
		s, err := p.storedIn(d, remote)
		if err != nil {
			return Choice{}, err
		}
		by := percent
		if by == 0 {
			ps, err := p.SettingsFor(d)
			if err != nil {
				return Choice{}, err
			}
			by = ps.DarkenLightenPercentage
		}
		var c palette.Color
		switch {
		case math.IsNaN(by):
			// The setting is no number: tinycolor's lightness becomes
			// NaN, which reads as black (alpha kept), as in the extension.
			c = palette.Color{A: s.Color.A}
		case darken:
			c = palette.Darken(s.Color, by)
		default:
			c = palette.Lighten(s.Color, by)
		}
		return Choice{Text: c.Hex(), Color: c}, nil
	}, remote, "", wo)
}

// ErrNoFavorites is returned by SetRandom when it must draw from favorites
// and there are none.
var ErrNoFavorites = errors.New("no favorites to choose from")

// RandomOptions says what SetRandom draws from.
type RandomOptions struct {
	// FavoritesOnly draws from the favorites, as the
	// peacock.surpriseMeFromFavoritesOnly setting does.
	FavoritesOnly bool
	// Theme, when set, draws from that theme.
	Theme string
}

// SetRandom draws a color and sets it (see Set): from a theme, from the
// favorites (with FavoritesOnly or the peacock.surpriseMeFromFavoritesOnly
// setting), or a uniform RGB color as the extension's "Surprise me". A
// draw from a list differs from the current color when the list has more
// than one (the extension's rule).
func (p *Project) SetRandom(r *rand.Rand, ro RandomOptions, remote bool, wo WriteOptions) (*Change, error) {
	// A theme's colors are known now; the favorites are drawn from only
	// when the file (peacock.surpriseMeFromFavoritesOnly) says so.
	var pool []Choice
	if ro.Theme != "" {
		t, err := p.Theme(ro.Theme)
		if err != nil {
			return nil, err
		}
		for _, c := range t.Colors {
			if pc, err := palette.Parse(c.Value); err == nil {
				pool = append(pool, Choice{Text: c.Value, Color: pc, Theme: t.Name, Favorite: c.Name})
			}
		}
	}
	return p.setWith(func(d *workspace.Document) (Choice, error) {
		if ro.Theme == "" {
			only := ro.FavoritesOnly
			if !only {
				only, _ = p.merged(d)[FavoritesOnlyKey].(bool)
			}
			if !only {
				c := palette.Random(r)
				return Choice{Text: c.Hex(), Color: c}, nil
			}
			if pool == nil {
				favs, err := p.Favorites()
				if err != nil {
					return Choice{}, err
				}
				for _, f := range favs {
					if pc, err := palette.Parse(f.Value); err == nil {
						pool = append(pool, Choice{Text: f.Value, Color: pc, Favorite: f.Name})
					}
				}
			}
		}
		if len(pool) == 0 {
			return Choice{}, ErrNoFavorites
		}
		current, _ := p.StoredColor(d, remote)
		var pick Choice
		for i := 0; i < 64; i++ {
			pick = pool[r.IntN(len(pool))]
			if len(pool) == 1 || !strings.EqualFold(pick.Text, current) {
				break
			}
		}
		return pick, nil
	}, remote, "", wo)
}

// SideBarLevel is a darkness level of the extension's "Set SideBar Darkness
// Level": the number of times the color is darkened by 10; 0 removes the
// side bar color.
type SideBarLevel int

// The side bar levels.
const (
	SideBarRemove  SideBarLevel = 0
	SideBarDark    SideBarLevel = 1
	SideBarDarker  SideBarLevel = 2
	SideBarDarkest SideBarLevel = 3
)

// ParseSideBarLevel reads "dark", "darker", "darkest" or "remove".
func ParseSideBarLevel(s string) (SideBarLevel, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "dark":
		return SideBarDark, nil
	case "darker":
		return SideBarDarker, nil
	case "darkest":
		return SideBarDarkest, nil
	case "remove", "none":
		return SideBarRemove, nil
	}
	return 0, &UsageError{fmt.Sprintf("unknown side bar level %q (want dark, darker, darkest or remove)", s)}
}

// SideBar writes sideBar.background as the extension does: the stored color
// darkened by 10 once, twice or three times (hex after each step). It is
// not an owned key, so Reset and Apply leave it alone. SideBarRemove
// removes it (and workbench.colorCustomizations if nothing else is left).
// A missing target is skipped for SideBarRemove.
func (p *Project) SideBar(level SideBarLevel, remote bool, wo WriteOptions) (*Change, error) {
	out := &Change{Key: SideBarKey, Colors: map[string]string{}}
	if level == SideBarRemove && p.skipMissing(out) {
		return out, nil
	}
	err := p.update(wo, false, out, func(d *workspace.Document) error {
		if level == SideBarRemove {
			return d.ApplyColors(nil, func(k string) bool { return k == SideBarKey }, nil)
		}
		s, err := p.storedIn(d, remote)
		if err != nil {
			return err
		}
		c := s.Color
		for i := 0; i < int(level); i++ {
			c = palette.MustParse(palette.Darken(c, 10).Hex())
		}
		out.Value, out.Color = c.Hex(), c
		out.Colors[SideBarKey] = out.Value
		return d.ApplyColors(out.Colors, func(string) bool { return false }, nil)
	})
	if errors.Is(err, fs.ErrNotExist) && level != SideBarRemove {
		return nil, &NoColorError{Key: colorKeyFor(remote), File: p.Display(p.Target.Path), Missing: true}
	}
	return out, mapMissing(err, out)
}
