package project

// This file gives a project its identity color (peacock auto, and the git
// hooks of package hooks): which color, where the user's other projects are
// remembered, and how a linked worktree gets a color of its own.

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/peacock-cli/peacock/palette"
	"github.com/peacock-cli/peacock/workspace"
)

// Auto methods: how AutoResult.Color was chosen.
const (
	MethodIdentity = "identity" // palette.IdentityColor of the identity
	MethodDistinct = "distinct" // palette.DistinctColor against the other projects
	MethodTheme    = "theme"    // one of a theme's colors, by identity hash
	MethodWorktree = "worktree" // a worktree's variant of the project color
)

// WorktreeMinDelta is the CIEDE2000 difference WorktreeColor looks for
// between a linked worktree's color and its project's: about 20 is two
// colors nobody takes for one another at a glance, twice the 10 the
// hooks promise.
const WorktreeMinDelta = 20

// Checkout is what git says about where a project is checked out. Callers
// fill it in (package hooks asks git); this package never runs git.
type Checkout struct {
	// Root is the top of the working tree.
	Root string
	// Origin is the URL of the remote "origin" ("" when there is none).
	Origin string
	// MainRoot is the main working tree when Root is a linked worktree
	// ("" otherwise) and Worktree the linked worktree's name (the base
	// name of its git directory, .git/worktrees/<name>).
	MainRoot, Worktree string
}

// Identity returns the text the project's color is hashed from: the
// normalized origin URL (NormalizeIdentity), else the name of the
// repository folder (of the main working tree, so that every worktree of a
// clone without a remote shares it). The same origin gives the same
// identity, and so the same color, on every machine.
func (c Checkout) Identity() string {
	if id := NormalizeIdentity(c.Origin); id != "" {
		return id
	}
	root := c.Root
	if c.MainRoot != "" {
		root = c.MainRoot
	}
	return filepath.Base(filepath.Clean(root))
}

// AutoOptions tells Auto how to choose.
type AutoOptions struct {
	// Checkout is where the project is.
	Checkout Checkout
	// Distinct picks, among the identity's candidates (or Pool), the
	// color farthest from the other projects' colors in the state file.
	Distinct bool
	// Pool, when not empty, is the colors to draw from (a theme's), in a
	// fixed order; Auto picks one by a hash of the identity.
	Pool []palette.Color
	// Force recolors a project that already has a color.
	Force bool
	// MainColor is the main checkout's color, for a linked worktree; when
	// nil, Auto reads it from the main checkout's target through
	// OpenMain, else takes the identity's color from the state file, else
	// chooses it as for the main checkout.
	MainColor *palette.Color
	// OpenMain opens the main working tree (a linked worktree's project
	// color is its variant); nil skips that step.
	OpenMain func(dir string) (*Project, error)
}

// AutoResult is what Auto did.
type AutoResult struct {
	// Change is the edit (nil when the project already had a color and
	// nothing was written).
	*Change
	// Identity is the text the color was derived from and Method how
	// (MethodIdentity, MethodDistinct, MethodTheme or MethodWorktree).
	Identity, Method string
	// Existing is the color text the project already had when Auto left
	// it alone ("" otherwise).
	Existing string
	// Base is the main checkout's color a worktree's color varies (zero
	// otherwise).
	Base palette.Color
	// Delta is the CIEDE2000 difference between Color and Base for a
	// worktree, else between Color and the nearest other project's color
	// (0 when there is none).
	Delta float64
}

// Auto gives the project its identity color unless it already has one
// (opts.Force recolors): see chooseColor, and WorktreeColor for a linked
// worktree. It records the color of a main checkout in the state file
// (StatePath) so that later distinct choices keep away from it; worktrees
// are not recorded. With wo.DryRun nothing is written, the state file
// included.
func (p *Project) Auto(opts AutoOptions, wo WriteOptions) (*AutoResult, error) {
	id := opts.Checkout.Identity()
	res := &AutoResult{Identity: id}
	if !opts.Force {
		// Only the target's own color counts: a user-level peacock.color
		// colors every window alike, which is what identity colors undo.
		doc, err := p.Read()
		if err != nil {
			return nil, err
		}
		if doc != nil {
			if v, ok := doc.Setting(ColorKey); ok {
				if text, _ := v.(string); strings.TrimSpace(text) != "" {
					res.Existing = text
					return res, nil
				}
			}
		}
	}
	reg, err := readRegistry(p.StatePath())
	if err != nil {
		return nil, err
	}
	var c palette.Color
	if opts.Checkout.Worktree != "" {
		base, err := p.mainColor(opts, reg)
		if err != nil {
			return nil, err
		}
		c = WorktreeColor(base, id, opts.Checkout.Worktree)
		res.Method, res.Base, res.Delta = MethodWorktree, base, palette.DeltaE00(c, base)
	} else {
		used := reg.Others(id, opts.Checkout.Root)
		c, res.Method = chooseColor(id, opts.Distinct, opts.Pool, used)
		res.Delta = nearest(c, used)
	}
	ch, err := p.Set(Choice{Text: c.Hex6(), Color: c}, false, "", wo)
	if err != nil {
		return nil, err
	}
	res.Change = ch
	// Without a home directory (unset, or missing: peacock never creates
	// it) the project is colored but not remembered.
	if opts.Checkout.Worktree == "" && !wo.DryRun && p.userFile(p.StatePath()) == nil {
		if err := recordProject(p.StatePath(), id, opts.Checkout.Root, c.Hex6()); err != nil {
			return res, err
		}
	}
	return res, nil
}

// mainColor is the color a worktree's color varies: the main checkout's
// stored color, else the identity's recorded color, else its choice.
func (p *Project) mainColor(opts AutoOptions, reg Registry) (palette.Color, error) {
	if opts.MainColor != nil {
		return *opts.MainColor, nil
	}
	id := opts.Checkout.Identity()
	if opts.OpenMain != nil && opts.Checkout.MainRoot != "" {
		if mp, err := opts.OpenMain(opts.Checkout.MainRoot); err == nil {
			if st, err := mp.Stored(false); err == nil {
				return st.Color, nil
			}
		}
	}
	if e, ok := reg[id]; ok {
		if c, err := palette.Parse(e.Color); err == nil {
			return c, nil
		}
	}
	c, _ := chooseColor(id, opts.Distinct, opts.Pool, reg.Others(id, opts.Checkout.MainRoot))
	return c, nil
}

// chooseColor picks the color for identity: from pool when it is not empty
// (with distinct, the pool color farthest in CIEDE2000 from every used
// color; otherwise the one at an index hashed from identity, which is
// also where the distinct search starts, so ties go the same way on every
// machine); else palette.DistinctColor(identity, used) with distinct, and
// palette.IdentityColor(identity) without. It returns the method used.
func chooseColor(identity string, distinct bool, pool []palette.Color, used []palette.Color) (palette.Color, string) {
	if len(pool) > 0 {
		start := int(themeHash(identity) % uint64(len(pool)))
		best, bestD := pool[start], -1.0
		if distinct && len(used) > 0 {
			for i := range pool {
				c := pool[(start+i)%len(pool)]
				if d := nearest(c, used); d > bestD {
					best, bestD = c, d
				}
			}
		}
		return best, MethodTheme
	}
	if distinct {
		return palette.DistinctColor(identity, used), MethodDistinct
	}
	return palette.IdentityColor(identity), MethodIdentity
}

// themeHash is the first 8 bytes, big-endian, of SHA-256 of a salt and the
// identity. It is frozen like the identity colors (palette.IdentityVersion):
// a project keeps its theme color across releases.
func themeHash(identity string) uint64 {
	sum := sha256.Sum256([]byte("peacock-theme-v1\x00" + identity))
	return binary.BigEndian.Uint64(sum[:8])
}

// nearest is the smallest DeltaE00 from c to any of used (0 for none).
func nearest(c palette.Color, used []palette.Color) float64 {
	if len(used) == 0 {
		return 0
	}
	m := math.Inf(1)
	for _, u := range used {
		m = min(m, palette.DeltaE00(c, u))
	}
	return m
}

// WorktreeColor returns the color of the linked worktree named name of
// the project identity whose main checkout has the color base: the first
// of the identity candidates of identity + "\x00worktree\x00" + name that
// differs from base by at least WorktreeMinDelta in CIEDE2000, or, should
// none of palette.DistinctCandidates, the farthest. Being an identity
// candidate, it has readable bar text (palette.IdentityColor); being
// hashed from the worktree's name, one worktree gets one color on every
// machine, and two worktrees of a project usually differ too.
func WorktreeColor(base palette.Color, identity, name string) palette.Color {
	key := identity + "\x00worktree\x00" + name
	// The first few candidates almost always do; compute them all only
	// if not (each costs a hash and a gamut search).
	if c, ok := firstApart(palette.IdentityCandidates(key, 8), base); ok {
		return c
	}
	c, _ := firstApart(palette.IdentityCandidates(key, palette.DistinctCandidates), base)
	return c
}

// firstApart returns the first of cands at least WorktreeMinDelta from
// base and true, else the farthest and false.
func firstApart(cands []palette.Color, base palette.Color) (palette.Color, bool) {
	best, bestD := cands[0], -1.0
	for _, c := range cands {
		d := palette.DeltaE00(c, base)
		if d >= WorktreeMinDelta {
			return c, true
		}
		if d > bestD {
			best, bestD = c, d
		}
	}
	return best, false
}

// StatePath returns the file in which peacock remembers the projects it has
// colored: $XDG_STATE_HOME/peacock/projects.json when XDG_STATE_HOME is
// absolute, else ~/.local/state/peacock/projects.json, on macOS
// ~/Library/Application Support/peacock/projects.json, on Windows
// %LOCALAPPDATA%\peacock\projects.json (falling back to
// %USERPROFILE%\AppData\Local). It asks Getenv for XDG_STATE_HOME and
// LOCALAPPDATA besides the variables Options lists.
func (p *Project) StatePath() string {
	if d := p.UserDir(StateDir); d != "" {
		return filepath.Join(d, "projects.json")
	}
	return ""
}

// RegistryEntry is one project in the state file.
type RegistryEntry struct {
	// Color is the color given, as #rrggbb, and Path the working tree it
	// was given in (the last one, when the project is cloned twice).
	Color string `json:"color"`
	Path  string `json:"path,omitempty"`
}

// Registry is the state file's content: the projects peacock has colored,
// by identity. The file is a JSON object with one member per identity,
// edited like a settings file (workspace.Update: byte-preserving, atomic,
// under the lock of its directory).
type Registry map[string]RegistryEntry

// Others returns the colors of every project but the one of identity id or
// of path root, sorted by identity (a fixed order). Paths are compared as
// files (workspace.SamePath): C:\SRC\APP is C:\src\app on Windows, where
// PowerShell keeps the case the user typed.
func (r Registry) Others(id, root string) []palette.Color {
	ids := make([]string, 0, len(r))
	for k := range r {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	if root != "" {
		root = filepath.Clean(root)
	}
	var out []palette.Color
	for _, k := range ids {
		e := r[k]
		if k == id || (root != "" && workspace.SamePath(e.Path, root, runtime.GOOS)) {
			continue
		}
		if c, err := palette.Parse(e.Color); err == nil {
			out = append(out, c)
		}
	}
	return out
}

// readRegistry reads the state file; a missing file is an empty registry.
// Members that are not a project entry are ignored.
func readRegistry(path string) (Registry, error) {
	if path == "" {
		return Registry{}, nil // no home, no state
	}
	data, err := workspace.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Registry{}, nil
	}
	if err != nil {
		return nil, err
	}
	doc, err := workspace.Parse(path, data)
	if err != nil {
		return nil, err
	}
	reg := Registry{}
	for k, v := range doc.Settings() {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		color, _ := m["color"].(string)
		if color == "" {
			continue
		}
		p, _ := m["path"].(string)
		reg[k] = RegistryEntry{Color: color, Path: p}
	}
	return reg, nil
}

// recordProject stores identity's color and working tree in the state file
// at path, creating it (and its directory) when missing.
func recordProject(path, identity, root, color string) error {
	if strings.TrimSpace(identity) == "" {
		return fmt.Errorf("record %s: empty identity", path)
	}
	_, err := workspace.Update(path, workspace.UpdateOptions{Create: true}, func(d *workspace.Document) error {
		return d.SetSetting(identity, map[string]any{"color": color, "path": filepath.Clean(root)})
	})
	return err
}
