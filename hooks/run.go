package hooks

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/peacock-cli/peacock/project"
	"github.com/peacock-cli/peacock/workspace"
)

// Repo is what git says about a working tree.
type Repo struct {
	project.Checkout
	// GitDir is the working tree's git directory and CommonDir the one
	// its worktrees share (equal for the main working tree).
	GitDir, CommonDir string
	// Exclude is the info/exclude file git reads for this working tree
	// (in CommonDir: linked worktrees share it).
	Exclude string
}

// Inspect asks git about the working tree holding dir.
func Inspect(ctx context.Context, git Git, dir string) (*Repo, error) {
	out, err := git(ctx, dir, "rev-parse", "--path-format=absolute",
		"--show-toplevel", "--git-dir", "--git-common-dir", "--git-path", "info/exclude")
	if err != nil {
		return nil, fmt.Errorf("not in a git working tree: %w", err)
	}
	f := strings.Split(out, "\n")
	if len(f) != 4 {
		return nil, fmt.Errorf("unexpected git rev-parse output %q", out)
	}
	// git resolves links in the info/exclude path it prints (f[3]); the
	// file it reads is <common dir>/info/exclude, whose links AddExclude
	// checks.
	r := &Repo{GitDir: filepath.Clean(f[1]), CommonDir: filepath.Clean(f[2])}
	r.Exclude = filepath.Join(r.CommonDir, "info", "exclude")
	r.Root = filepath.Clean(f[0])
	if r.GitDir != r.CommonDir {
		r.Worktree = filepath.Base(r.GitDir)
		if filepath.Base(r.CommonDir) == ".git" {
			r.MainRoot = filepath.Dir(r.CommonDir)
		} else {
			// A bare repository's worktree: no main checkout; its name
			// stands for the project.
			r.MainRoot = strings.TrimSuffix(r.CommonDir, ".git")
		}
	}
	if o, err := git(ctx, r.Root, "remote", "get-url", "origin"); err == nil {
		r.Origin = strings.TrimSpace(o)
	}
	return r, nil
}

// RunOptions tells Run where it runs.
type RunOptions struct {
	Git Git
	// Dir is the working directory: git runs hooks at the top of the
	// working tree.
	Dir string
	// Hook is "post-checkout" or "post-merge" and Args the arguments git
	// passed.
	Hook string
	Args []string
	// Open opens the project in dir, with workspace as the target when
	// not "".
	Open func(dir, workspace string) (*project.Project, error)
}

// Run outcomes.
const (
	RunNone      = "none"      // nothing to do
	RunReapplied = "reapplied" // the stored color's keys had drifted and were written again
	RunColored   = "colored"   // the checkout got a color in a git-ignored file
	RunDrift     = "drift"     // a tracked file's colors drifted; nothing written
)

// RunResult is what Run did.
type RunResult struct {
	// Action is RunNone, RunReapplied or RunColored; Reason says why
	// nothing was done.
	Action, Reason string
	// Path is the file written.
	Path string
	// Change is the re-applied edit and Auto the coloring.
	Change *project.Change
	Auto   *project.AutoResult
	// Excluded is the pattern added to info/exclude ("" when none was).
	Excluded string
	// Drift, for RunDrift, says what drifted in the tracked file Path.
	Drift string
	// LFS, after a clone of a repository that uses git-lfs, is what
	// AdoptLFS did (nil when nothing), and LFSErr why it could not.
	LFS    *Action
	LFSErr error
}

// Run does what peacock's post-checkout and post-merge hooks do:
//
//   - a post-checkout of files (third argument "0") does nothing;
//   - a project whose target has a stored color gets its keys written again
//     only when project.Check finds drift (normally nothing is written),
//     and only in a file git does not track: a tracked file is never
//     modified by a hook (RunDrift says what drifted instead);
//   - a main checkout without a workspace file gets its identity color in
//     <root>/<folder>.code-workspace, which is added to info/exclude first
//     so that git status stays clean; a workspace file without a color is
//     the team's or the user's and is left alone;
//   - a linked worktree gets a variant of the project's color
//     (project.WorktreeColor, at least 10 CIEDE2000 away from the main
//     checkout's) in its own git-ignored <worktree folder>.code-workspace:
//     a copy of the tracked workspace file when there is one, which is
//     never modified, else a new file.
//
// It runs git only when it has something to find out: a main checkout, or
// a worktree with its own file, whose colors are in place costs reading two
// or three small files.
//
// After a clone (post-checkout from the null commit) of a repository whose
// .gitattributes uses git-lfs, it first completes git-lfs's hooks
// (AdoptLFS): git-lfs writes them during the checkout, but stops at
// peacock's post-checkout, which the global template put there.
func Run(ctx context.Context, o RunOptions) (*RunResult, error) {
	if o.Hook == "post-checkout" && len(o.Args) >= 3 && o.Args[2] == "0" {
		return &RunResult{Action: RunNone, Reason: "a checkout of files"}, nil
	}
	var lfs *Action
	var lfsErr error
	if o.Hook == "post-checkout" && len(o.Args) >= 1 && isNullRev(o.Args[0]) {
		lfs, lfsErr = adoptOnClone(ctx, o)
	}
	res, err := run(ctx, o)
	if res != nil {
		res.LFS, res.LFSErr = lfs, lfsErr
	}
	return res, err
}

// isNullRev reports whether rev is git's null object name (a clone's
// post-checkout gets it as the previous HEAD).
func isNullRev(rev string) bool {
	return len(rev) >= 40 && strings.Trim(rev, "0") == ""
}

func adoptOnClone(ctx context.Context, o RunOptions) (*Action, error) {
	if !attributesUseLFS(o.Dir) {
		return nil, nil
	}
	out, err := o.Git(ctx, o.Dir, "rev-parse", "--path-format=absolute", "--git-common-dir", "--git-path", "hooks")
	if err != nil {
		return nil, err
	}
	common, dir, ok := strings.Cut(out, "\n")
	if !ok {
		return nil, fmt.Errorf("unexpected git rev-parse output %q", out)
	}
	dir = filepath.Clean(dir)
	// A clone's .gitattributes is the repository's: it may make peacock
	// complete git-lfs's hooks only in the clone's own hooks directory.
	// A global core.hooksPath (the user's hooks for every repository)
	// is left alone: git lfs update would write pre-push there, and
	// peacock would rename the user's hooks.
	if _, err := workspace.Within(filepath.Clean(common), dir); err != nil {
		return nil, nil
	}
	return AdoptLFS(ctx, o.Git, o.Dir, dir, false)
}

func run(ctx context.Context, o RunOptions) (*RunResult, error) {
	root, linked, known := quickLook(o.Dir)
	if known && !linked {
		return runMain(ctx, o, root, nil)
	}
	if known {
		// A worktree that already has its own file (named after its
		// folder, as runWorktree makes them) needs no git either.
		local := filepath.Join(root, filepath.Base(root)+".code-workspace")
		if fileExists(local) {
			p, err := o.Open(root, "")
			if err != nil {
				return nil, err
			}
			if p.Target.Path == local {
				return recheck(ctx, o, p, false)
			}
		}
	}
	repo, err := Inspect(ctx, o.Git, o.Dir)
	if err != nil {
		return nil, err
	}
	if repo.Worktree == "" {
		return runMain(ctx, o, repo.Root, repo)
	}
	return runWorktree(ctx, o, repo)
}

// quickLook tells, without running git, whether dir is the top of a main
// working tree (a .git directory, or a .git file of a submodule) or of a
// linked worktree (a .git file naming a git directory that has a
// commondir file). known is false when dir holds no .git.
func quickLook(dir string) (root string, linked, known bool) {
	gd, isDir, ok := project.DotGit(dir)
	if !ok {
		return "", false, false
	}
	if isDir {
		return dir, false, true
	}
	return dir, fileExists(filepath.Join(gd, "commondir")), true
}

func runMain(ctx context.Context, o RunOptions, root string, repo *Repo) (*RunResult, error) {
	p, err := o.Open(root, "")
	if err != nil {
		return nil, err
	}
	if p.Target.Exists {
		return recheck(ctx, o, p, false)
	}
	if repo == nil {
		if repo, err = Inspect(ctx, o.Git, root); err != nil {
			return nil, err
		}
	}
	return colorLocal(p, repo, project.AutoOptions{Checkout: repo.Checkout})
}

// recheck re-applies the target's stored color when its keys drifted,
// unless the target is tracked by git (then see driftTracked). untracked
// is true when the caller already asked git and the target is not tracked.
func recheck(ctx context.Context, o RunOptions, p *project.Project, untracked bool) (*RunResult, error) {
	// A target whose links lead out of the work tree is neither read nor
	// written by a hook: p.Read refuses it (nothing was read).
	doc, err := p.Read()
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return &RunResult{Action: RunNone, Reason: "no target"}, nil
	}
	if v, ok := doc.Setting(project.ColorKey); !ok || v == "" {
		return &RunResult{Action: RunNone, Reason: p.Display(p.Target.Path) + " has no color"}, nil
	}
	rep, err := p.CheckDoc(doc, false)
	if err != nil {
		return nil, err
	}
	if rep.Status != project.StatusDrift {
		return &RunResult{Action: RunNone, Reason: "colors in place"}, nil
	}
	tracked := false
	if !untracked {
		if tracked, err = isTracked(ctx, o.Git, p.Target.Root, p.Target.Path); err != nil {
			return nil, err
		}
	}
	if tracked {
		// A hook never modifies a tracked file: that would dirty every
		// clone and checkout. Say what drifted and how to fix it.
		d := rep.Drift[0].String()
		if n := len(rep.Drift) - 1; n > 0 {
			d += fmt.Sprintf(" (and %d more)", n)
		}
		return &RunResult{Action: RunDrift, Path: p.Target.Path, Drift: d}, nil
	}
	ch, err := p.Apply(false, project.WriteOptions{})
	if err != nil {
		return nil, err
	}
	return &RunResult{Action: RunReapplied, Path: ch.Path, Change: ch}, nil
}

// isTracked reports whether git tracks the file at path in the work tree
// at root.
//
// The file a write would change is the one path's links lead to: git
// tracks paths, not what links lead to, so .vscode/settings.json through
// a committed .vscode -> conf is untracked to git while the file written,
// conf/settings.json, is tracked. Both the path and its target are asked
// about; either tracked is tracked.
func isTracked(ctx context.Context, git Git, root, path string) (bool, error) {
	paths := []string{path}
	if res, err := workspace.Resolve(path); err == nil {
		if r, err := workspace.Resolve(root); err == nil {
			if rel, err := filepath.Rel(r, res); err == nil {
				paths = append(paths, filepath.Join(root, rel))
			}
		}
	}
	for _, p := range paths {
		rel, ok := workspace.RelInside(root, p)
		if !ok {
			continue // outside the work tree: not git's
		}
		out, err := git(ctx, root, "ls-files", "--", filepath.ToSlash(rel))
		if err != nil {
			return false, err
		}
		if out != "" {
			return true, nil
		}
	}
	return false, nil
}

// colorLocal excludes p's target (which does not exist yet, or is a copy
// peacock just made) from git and colors it.
func colorLocal(p *project.Project, repo *Repo, ao project.AutoOptions) (*RunResult, error) {
	res := &RunResult{Action: RunColored, Path: p.Target.Path}
	rel, ok := workspace.RelInside(repo.Root, p.Target.Path)
	if !ok {
		return &RunResult{Action: RunNone, Reason: "the target is outside the working tree"}, nil
	}
	pat := ExcludePattern(rel)
	added, err := AddExclude(repo.Exclude, pat)
	if err != nil {
		return nil, err
	}
	if added {
		res.Excluded = pat
	}
	a, err := p.Auto(ao, project.WriteOptions{})
	if err != nil {
		return nil, err
	}
	res.Auto = a
	if a.Change == nil {
		res.Action, res.Reason = RunNone, "already colored"
	}
	return res, nil
}

func runWorktree(ctx context.Context, o RunOptions, repo *Repo) (*RunResult, error) {
	p, err := o.Open(repo.Root, "")
	if err != nil {
		return nil, err
	}
	ao := project.AutoOptions{
		Checkout: repo.Checkout,
		OpenMain: func(dir string) (*project.Project, error) { return o.Open(dir, "") },
	}
	if !p.Target.Exists {
		return colorLocal(p, repo, ao)
	}
	_, ok := workspace.RelInside(repo.Root, p.Target.Path)
	if !ok {
		return &RunResult{Action: RunNone, Reason: "the target is outside the working tree"}, nil
	}
	tracked, err := isTracked(ctx, o.Git, repo.Root, p.Target.Path)
	if err != nil {
		return nil, err
	}
	if !tracked {
		return recheck(ctx, o, p, true)
	}
	// The team's file is tracked: the worktree gets a copy of it of its
	// own, named after its folder, which Find prefers over the tracked one
	// from now on.
	local := filepath.Join(repo.Root, filepath.Base(repo.Root)+".code-workspace")
	if local == p.Target.Path {
		return &RunResult{Action: RunNone, Reason: "the tracked workspace file is named after the worktree's folder"}, nil
	}
	lrel, _ := filepath.Rel(repo.Root, local)
	pat := ExcludePattern(lrel)
	added, err := AddExclude(repo.Exclude, pat)
	if err != nil {
		return nil, err
	}
	// The tracked file is read only inside the work tree: a committed
	// link must not copy an outside file into the checkout.
	data, err := workspace.ReadWithin(repo.Root, p.Target.Path)
	if err != nil {
		return nil, err
	}
	if _, err := workspace.EditFile(local, workspace.EditOptions{Within: repo.Root}, func(old []byte, exists bool) ([]byte, error) {
		if exists {
			return old, nil // already made: left as it is
		}
		return data, nil
	}); err != nil {
		return nil, err
	}
	lp, err := o.Open(repo.Root, local)
	if err != nil {
		return nil, err
	}
	lp.Target.Within = repo.Root // named here, but found through the repository
	ao.Force = true
	res, err := colorLocal(lp, repo, ao)
	if res != nil && added {
		res.Excluded = pat
	}
	return res, err
}

// OneLine refuses a line for the git file at path (info/exclude,
// info/attributes) that holds a line break or another control character:
// it names a file, and the repository that named it must not add lines of
// its own to the user's git files.
func OneLine(path, line string) error {
	if i := strings.IndexFunc(line, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }); i >= 0 {
		return fmt.Errorf("%s: cannot name %q there: it holds a control character (a line break would add lines of the repository's choosing); nothing written", path, line)
	}
	return nil
}

// ExcludePattern returns the gitignore pattern that matches exactly the
// file at rel (a path relative to the top of the working tree): anchored
// with a leading slash, with the pattern characters escaped.
func ExcludePattern(rel string) string {
	var b strings.Builder
	b.WriteByte('/')
	s := filepath.ToSlash(rel)
	for i, r := range s {
		switch {
		case r == '\\' || r == '*' || r == '?' || r == '[':
			b.WriteByte('\\')
		case r == ' ' && strings.TrimRight(s[i:], " ") == "":
			b.WriteByte('\\') // trailing spaces are dropped unless escaped
		}
		b.WriteRune(r)
	}
	return b.String()
}

// AddExclude appends pattern as a line of its own to the exclude file at
// path, <git dir>/info/exclude (created with its directory when missing),
// unless a line already holds it. It reports whether it added the line.
// The file is read, edited and written under its lock (workspace.EditFile),
// so that hooks running at once (git worktree add in parallel) each add
// their line; and a path whose links lead outside the git directory is
// refused (a *workspace.OutsideError), writing nothing.
//
// A pattern holding a line break (a file name a repository chose) is
// refused: gitignore has no quoting, and the rest would be lines of their
// own, patterns the repository wrote into the user's file.
func AddExclude(path, pattern string) (bool, error) {
	if err := OneLine(path, pattern); err != nil {
		return false, err
	}
	gitDir := filepath.Dir(filepath.Dir(path))
	return workspace.EditFile(path, workspace.EditOptions{Within: gitDir, MkdirAll: true}, func(data []byte, _ bool) ([]byte, error) {
		for _, line := range bytes.Split(data, []byte("\n")) {
			if string(bytes.TrimRight(line, "\r")) == pattern {
				return data, nil
			}
		}
		out := append([]byte(nil), data...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		return append(out, "# peacock: a local workspace file (peacock hook)\n"+pattern+"\n"...), nil
	})
}
