package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// A personal color (peacock set --personal) lives in one clone only. The
// team's file stays in git as committed; the working copy holds the
// personal colors. A clean/smudge filter set in the clone's own
// $GIT_DIR/info/attributes and .git/config does the translation: smudge
// (git writing the file) is Personalize, clean (git reading it) is
// Depersonalize. See docs/personal.md for why this mechanism.

// FilterName is the git filter driver of personal colors
// (filter.<FilterName>.clean/smudge in the clone's config).
const FilterName = "peacock-personal"

// PersonalState is what a clone with a personal color remembers, in
// <git common dir>/peacock/personal.json: enough for show to name the file
// and for reset to remove every trace.
type PersonalState struct {
	// Color is the personal color text, as stored in the file.
	Color string `json:"color"`
	// File is the personal file, relative to the top of the working
	// tree, with forward slashes.
	File string `json:"file"`
	// Attributes is the line added to info/attributes.
	Attributes string `json:"attributes"`
	// Excluded is the pattern added to info/exclude ("" when none was).
	Excluded string `json:"excluded,omitempty"`
	// Created reports that peacock created the file (it was neither
	// tracked nor present): reset removes it when nothing else is left.
	Created bool `json:"created,omitempty"`
}

// ReadPersonalState reads the state file at path; nil and no error when it
// does not exist.
func ReadPersonalState(path string) (*PersonalState, error) {
	data, err := workspace.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var s PersonalState
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if s.File == "" || s.Color == "" {
		return nil, fmt.Errorf("%s: want a color and a file", path)
	}
	return &s, nil
}

// Marshal returns the state as the file holds it.
func (s *PersonalState) Marshal() []byte {
	b, _ := json.MarshalIndent(s, "", "  ")
	return append(b, '\n')
}

// Personalize returns data, the team's content of a settings or workspace
// file (nil or empty: no file), with the personal color c applied as set
// would apply it: the palette merged into workbench.colorCustomizations
// (values replaced in place, missing keys appended, owned keys c does not
// derive removed) and c.Text stored in peacock.color, and in
// peacock.remoteColor when the team's file has one, so that the personal
// color wins in every window. The derivation settings are the user's and
// the file's own, as for set. Every edit is a byte splice, so that
// Depersonalize can give back data exactly.
func (p *Project) Personalize(path string, data []byte, c Choice) ([]byte, error) {
	d, err := workspace.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if _, err := p.personalize(d, c); err != nil {
		return nil, err
	}
	return append([]byte(nil), d.Bytes()...), nil
}

// Depersonalize returns the content git should see for work, the working
// copy of a file with the personal color c, given team, the content git
// has for it (the index's; nil when git has none). It never fails: what it
// cannot take apart it gives back as it is.
//
//   - When work is what Personalize makes of team (the file as git wrote
//     it, or as set --personal made it), the result is team itself, byte
//     for byte.
//   - When the personal colors in work are stale (user settings changed
//     since), they are derived again first.
//   - An edit of the rest of the file (a setting added by hand) is carried
//     over to team when it lies outside the bytes the personal color
//     changed: the result is team with that edit.
//   - Otherwise the personal keys of work are set back to team's values
//     (removed where team has none).
//
// With no team content (an untracked file), the personal colors are
// removed as reset removes them.
//
// Git converts line ends around the filter (core.autocrlf, the eol and
// text attributes): what it stores with LF line ends, clean gets and smudge
// gave with CRLF. When work has CRLF line ends and team has no CR, team is
// compared in its CRLF form, and the result has CRLF line ends for git to
// convert back.
func (p *Project) Depersonalize(path string, work, team []byte, c Choice) []byte {
	if team == nil {
		return p.stripPersonal(path, work, nil)
	}
	if bytes.Contains(work, []byte("\r\n")) && !bytes.Contains(team, []byte("\r")) {
		team = bytes.ReplaceAll(team, []byte("\n"), []byte("\r\n"))
	}
	mine, err := p.Personalize(path, team, c)
	if err != nil {
		return p.stripPersonal(path, work, team)
	}
	if bytes.Equal(mine, work) {
		return team
	}
	fresh := work
	if w, err := p.Personalize(path, work, c); err == nil {
		fresh = w
	}
	if bytes.Equal(mine, fresh) {
		return team
	}
	if out, ok := carryEdit(mine, fresh, team); ok {
		if _, err := workspace.Parse(path, out); err == nil {
			return out
		}
	}
	return p.stripPersonal(path, fresh, team)
}

// carryEdit applies to team the edit that turns mine into work, when it is
// one change that lies where mine and team are the same bytes: before the
// first byte the personal color changed, or after the last.
func carryEdit(mine, work, team []byte) ([]byte, bool) {
	pre := commonPrefix(mine, work)
	suf := commonSuffix(mine[pre:], work[pre:])
	from, to := pre, len(mine)-suf // the bytes of mine that changed
	ins := work[pre : len(work)-suf]
	tPre := commonPrefix(mine, team)
	tSuf := commonSuffix(mine[tPre:], team[tPre:])
	shift := len(team) - len(mine)
	var out []byte
	switch {
	case to <= tPre:
		out = append(append(append(out, team[:from]...), ins...), team[to:]...)
	case from >= len(mine)-tSuf:
		out = append(append(append(out, team[:from+shift]...), ins...), team[to+shift:]...)
	default:
		return nil, false
	}
	return out, true
}

func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// stripPersonal sets the personal keys of work (the owned colors,
// peacock.color, peacock.remoteColor) back to their values in team, or
// removes them where team has none (team nil: no file). work is returned
// as it is when either does not parse.
func (p *Project) stripPersonal(path string, work, team []byte) []byte {
	d, err := workspace.Parse(path, work)
	if err != nil {
		return work
	}
	var td *workspace.Document
	if team != nil {
		if td, err = workspace.Parse(path, team); err != nil {
			return work
		}
	}
	teamColors := ownedColors(td)
	ps, _ := p.SettingsFor(td)
	if err := d.ApplyColors(teamColors, palette.IsOwned, ps.ExcludedSettings); err != nil {
		return work
	}
	for _, k := range []string{ColorKey, RemoteColorKey} {
		var err error
		if v, ok := teamSetting(td, k); ok {
			err = d.SetSetting(k, v)
		} else {
			err = d.RemoveSetting(k)
		}
		if err != nil {
			return work
		}
	}
	return append([]byte(nil), d.Bytes()...)
}

func teamSetting(td *workspace.Document, key string) (any, bool) {
	if td == nil {
		return nil, false
	}
	return td.Setting(key)
}

// PersonalChoice is the Choice a personal filter stores: text parsed.
func PersonalChoice(text string) (Choice, error) {
	c, err := palette.Parse(strings.TrimSpace(text))
	if err != nil {
		return Choice{}, err
	}
	return Choice{Text: strings.TrimSpace(text), Color: c}, nil
}

// personalize applies c to d as Personalize does.
func (p *Project) personalize(d *workspace.Document, c Choice) (map[string]string, error) {
	ps, err := p.SettingsFor(d)
	if err != nil {
		return nil, err
	}
	colors := palette.Derive(c.Color, ps)
	if err := d.ApplyColors(colors, palette.IsOwned, ps.ExcludedSettings); err != nil {
		return nil, err
	}
	if err := d.SetSetting(ColorKey, c.Text); err != nil {
		return nil, err
	}
	if _, ok := d.Setting(RemoteColorKey); ok {
		if err := d.SetSetting(RemoteColorKey, c.Text); err != nil {
			return nil, err
		}
	}
	return colors, nil
}

// SetPersonal writes the personal color c into the working copy of the
// target (created when missing), as the filter's smudge would write it:
// team is the content git has for the file (nil for none), from which the
// personal file is made again, so that a stale personal color in the file
// is replaced and a hand edit of the rest is kept.
func (p *Project) SetPersonal(c Choice, old *Choice, team []byte, wo WriteOptions) (*Change, error) {
	out := &Change{Key: ColorKey, Value: c.Text, Color: c.Color}
	err := p.update(wo, true, out, func(d *workspace.Document) error {
		work := append([]byte(nil), d.Bytes()...)
		if old != nil {
			// Back to the team's bytes (and the user's own edits) first.
			if base := p.Depersonalize(d.Path(), work, team, *old); !bytes.Equal(base, work) {
				if err := d.ReplaceAll(base); err != nil {
					return err
				}
			}
		}
		colors, err := p.personalize(d, c)
		out.Colors = colors
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ResetPersonal takes the personal color c out of the working copy of the
// target: what git has for it (team) with the user's own edits, as
// Depersonalize gives it. With remove (peacock created the file), the file
// is removed when nothing but the personal color was ever in it. A missing
// target is skipped.
func (p *Project) ResetPersonal(c Choice, team []byte, remove bool, wo WriteOptions) (*Change, error) {
	out := &Change{Key: ColorKey, Colors: map[string]string{}}
	if p.skipMissing(out) {
		return out, nil
	}
	err := p.update(wo, false, out, func(d *workspace.Document) error {
		work := append([]byte(nil), d.Bytes()...)
		base := p.Depersonalize(d.Path(), work, team, c)
		if bytes.Equal(base, work) {
			return nil
		}
		return d.ReplaceAll(base)
	})
	if err != nil {
		return nil, mapMissing(err, out)
	}
	if remove && !wo.DryRun && !out.Skipped {
		var fresh []byte
		if p.Target.Kind == workspace.KindWorkspace {
			fresh = workspace.NewWorkspaceFile()
		}
		if mine, err := p.Personalize(p.Target.Path, fresh, c); err == nil && bytes.Equal(p.Depersonalize(p.Target.Path, mine, nil, c), out.After) {
			if err := removeFile(p.Target.Path, p.Target.Within); err != nil {
				return nil, err
			}
			if dir := filepath.Dir(p.Target.Path); filepath.Base(dir) == ".vscode" {
				_ = os.Remove(dir) // only when empty
			}
			out.Removed = true
		}
	}
	return out, nil
}

// removeFile removes the file at path (a link itself, never its target),
// when its links lead inside within ("" for anywhere).
func removeFile(path, within string) error {
	if _, err := workspace.Within(within, path); err != nil {
		return err
	}
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// PersonalFile returns the file that holds this clone's personal color
// when the target lies in a working tree of a clone that has one (the
// main working tree or a linked one: they share the state), else "". It
// reads one small file (two in a linked worktree) and runs no git.
func (p *Project) PersonalFile() string {
	root := p.Target.Root
	if root == "" {
		return ""
	}
	common, ok := CommonDir(root)
	if !ok {
		return ""
	}
	s, err := ReadPersonalState(StateFile(common))
	if err != nil || s == nil {
		return ""
	}
	return filepath.Join(root, filepath.FromSlash(s.File))
}

// StateFile is the file that keeps a clone's personal color, in git's
// common directory, which the clone's linked worktrees share.
func StateFile(commonDir string) string {
	return filepath.Join(commonDir, "peacock", "personal.json")
}

// CommonDir returns git's common directory for the working tree at root,
// read as git lays it out, without running git: root/.git when that is a
// directory, else the directory its gitdir: line names, or the one that
// directory's commondir file names (a linked worktree). ok is false when
// root/.git is neither.
func CommonDir(root string) (string, bool) {
	gd, isDir, ok := DotGit(root)
	if !ok || isDir {
		return gd, ok
	}
	if c, err := workspace.ReadFile(filepath.Join(gd, "commondir")); err == nil {
		cd := strings.TrimSpace(string(c))
		if !filepath.IsAbs(cd) {
			cd = filepath.Join(gd, cd)
		}
		return filepath.Clean(cd), true
	}
	return gd, true
}

// DotGit reads dir/.git as git lays it out, without running git: gitDir
// is dir/.git when that is a directory (isDir), else the directory its
// "gitdir:" line names (relative to dir when not absolute). ok is false
// when dir/.git is neither.
func DotGit(dir string) (gitDir string, isDir, ok bool) {
	gp := filepath.Join(dir, ".git")
	fi, err := os.Stat(gp)
	if err != nil {
		return "", false, false
	}
	if fi.IsDir() {
		return gp, true, true
	}
	data, err := workspace.ReadFile(gp)
	if err != nil {
		return "", false, false
	}
	gd, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return "", false, false
	}
	gd = strings.TrimSpace(gd)
	if !filepath.IsAbs(gd) {
		gd = filepath.Join(dir, gd)
	}
	return gd, false, true
}

// PersonalTarget switches a target that would be created, and was not
// named by the user, to the project's .vscode/settings.json, existing or
// not: a personal color should show when the folder is opened (code .),
// and a new workspace file would show only when it is.
func (p *Project) PersonalTarget() {
	if p.Target.Exists || p.opts.Workspace != "" || p.Target.Root == "" {
		return
	}
	path := workspace.FolderSettingsPath(p.Target.Root)
	_, err := os.Stat(path)
	p.Target = workspace.Target{Path: path, Kind: workspace.KindSettings, Exists: err == nil, Root: p.Target.Root, Within: p.Target.Root}
}
