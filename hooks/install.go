package hooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/peacock-cli/peacock/workspace"
)

// Git runs git with args in dir ("" for the current directory) and returns
// its standard output without the final newline. Any failure, a non-zero
// exit included, is an error; this package treats them all alike.
type Git func(ctx context.Context, dir string, args ...string) (string, error)

// Fingerprint marks peacock's hook scripts and husky lines.
const Fingerprint = "# peacock-hook v1"

// ChainedSuffix is appended to the name of a hook peacock found in place
// and chained.
const ChainedSuffix = ".peacock-chained"

// Names are the hooks peacock installs.
var Names = []string{"post-checkout", "post-merge"}

// Managers.
const (
	ManagerHusky     = "husky"
	ManagerLefthook  = "lefthook"
	ManagerPreCommit = "pre-commit"
	// ManagerTracked is a core.hooksPath inside the work tree: the team's
	// hooks, committed. peacock writes nothing there (that would change
	// tracked files for everyone) and prints the line to add instead.
	ManagerTracked = "core.hooksPath"
	// ManagerGlobalHooksPath is a core.hooksPath set in the global (or
	// system) configuration: its hooks run in every repository, so a
	// per-repository install writes nothing there and prints the line
	// to add instead.
	ManagerGlobalHooksPath = "global core.hooksPath"
)

// Hook states reported by Status.
const (
	StateAbsent    = "absent"    // no hook file (or, for a manager, peacock is not in its configuration)
	StateInstalled = "installed" // peacock's script (or husky line, or manager entry), and git runs it
	StateChained   = "chained"   // peacock's script, running a chained hook first
	StateForeign   = "foreign"   // someone else's hook, without peacock
	StateModified  = "modified"  // peacock's fingerprint in a script that is not peacock's text
	StateInactive  = "inactive"  // peacock is there but git does not run it; HookStatus.Reason says why
)

// Layout is where Install puts the hooks, and how.
type Layout struct {
	// Dir is the hooks directory, absolute: the repository's (git
	// rev-parse --git-path hooks, which honours core.hooksPath and linked
	// worktrees) or the template directory's hooks.
	Dir string
	// Root is the top of the working tree ("" for a global layout).
	Root string
	// Manager is one of the Manager constants or "". Config is, for
	// husky, its directory (.husky), for lefthook and pre-commit their
	// configuration file, and for a core.hooksPath its directory.
	Manager, Config string
	// LocalConfig is lefthook's personal configuration
	// (lefthook-local.yml and its variants) when there is one.
	LocalConfig string
	// Global is true for init.templateDir; TemplateDir is that directory
	// and SetTemplateDir tells Install to set init.templateDir to it
	// (it was unset).
	Global         bool
	TemplateDir    string
	SetTemplateDir bool
	// HooksPath is a core.hooksPath set in the global configuration: git
	// then runs the hooks there and ignores the template's (global
	// layouts only).
	HooksPath string
	// Own reports that TemplateDir is peacock's default directory, which
	// Uninstall may remove (and unset init.templateDir) once it holds
	// nothing else.
	Own bool
	// LFS reports that the repository uses git-lfs (a filter=lfs
	// attribute, or git-lfs's hooks in Dir): Install then makes sure
	// git-lfs's hooks are all there, the ones peacock shares chained.
	// Locate sets it only for git's own hooks directory (no Manager), the
	// one layout Install does that in.
	LFS bool
	// Rev is the peacock revision (a tag or a commit) pre-commit's
	// snippet pins; "" prints a placeholder.
	Rev string
	// DryRun makes Install and Uninstall report what they would do
	// without writing anything or running git.
	DryRun bool
}

// ErrNotRepo is the error of Locate outside a git working tree.
var ErrNotRepo = errors.New("not in a git working tree")

// Locate returns the layout of the repository holding dir.
func Locate(ctx context.Context, git Git, dir string) (Layout, error) {
	out, err := git(ctx, dir, "rev-parse", "--path-format=absolute", "--show-toplevel", "--git-path", "hooks")
	if err != nil {
		return Layout{}, fmt.Errorf("%w: %w", ErrNotRepo, err)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 2 {
		return Layout{}, fmt.Errorf("unexpected git rev-parse output %q", out)
	}
	l := Layout{Root: filepath.Clean(lines[0]), Dir: filepath.Clean(lines[1])}
	gitHooks := l.Dir
	if scope, hp := hooksPathScope(ctx, git, dir); hp != "" {
		if scope == "global" || scope == "system" {
			l.Manager, l.Config = ManagerGlobalHooksPath, l.Dir
			return l, nil
		}
		if !filepath.IsAbs(hp) && !strings.HasPrefix(hp, "~") {
			// Relative to the work tree, as git reads it, but with its
			// links left unresolved: a committed link (.husky -> ~/x)
			// must not turn the repository's hooks into outside files.
			l.Dir = filepath.Join(l.Root, hp)
		}
		if h := huskyDir(l.Dir); h != "" {
			l.Manager, l.Config = ManagerHusky, h
			return l, nil
		}
		if inside(l.Root, l.Dir) {
			l.Manager, l.Config = ManagerTracked, l.Dir
			return l, nil
		}
	}
	if main, local := lefthookConfigs(l.Root); main != "" || local != "" {
		l.Manager, l.Config, l.LocalConfig = ManagerLefthook, main, local
		if main == "" {
			l.Config = local
		}
		return l, nil
	}
	for _, n := range []string{".pre-commit-config.yaml", ".pre-commit-config.yml"} {
		if fileExists(filepath.Join(l.Root, n)) {
			l.Manager, l.Config = ManagerPreCommit, filepath.Join(l.Root, n)
			return l, nil
		}
	}
	// A hooks directory whose links lead into the work tree (a setup
	// script's ln -s ../githooks .git/hooks) holds the team's committed
	// hooks, as a core.hooksPath there does: writing would change tracked
	// files for everyone.
	if r, err := workspace.Resolve(l.Dir); err == nil {
		if root, err := workspace.Resolve(l.Root); err == nil && inside(root, r) {
			l.Manager, l.Config = ManagerTracked, l.Dir
		}
	}
	if l.Manager == "" {
		l.LFS = usesLFS(l.Root, gitHooks)
	}
	return l, nil
}

// hooksPathScope returns core.hooksPath and the scope of the configuration
// that sets it ("local", "global", "system", "worktree", "command").
func hooksPathScope(ctx context.Context, git Git, dir string) (scope, value string) {
	out, err := git(ctx, dir, "config", "--show-scope", "--get", "core.hooksPath")
	if err != nil {
		return "", ""
	}
	scope, value, ok := strings.Cut(out, "\t")
	if !ok {
		return "", strings.TrimSpace(out)
	}
	return scope, strings.TrimSpace(value)
}

// inside reports that path is in the work tree at root, and not in its .git.
func inside(root, path string) bool {
	rel, ok := workspace.RelInside(root, path)
	if !ok {
		return false
	}
	return rel != ".git" && !strings.HasPrefix(rel, ".git"+string(filepath.Separator))
}

// huskyDir returns the .husky directory when hooksDir is husky's (husky 9
// sets core.hooksPath to .husky/_, husky 5 to 8 to .husky), or "".
func huskyDir(hooksDir string) string {
	d := filepath.Clean(hooksDir)
	if filepath.Base(d) == "_" {
		d = filepath.Dir(d)
	}
	if filepath.Base(d) == ".husky" {
		return d
	}
	return ""
}

// LocateGlobal returns the global layout: the hooks directory of git's
// init.templateDir, or of defaultTemplate (to be set as init.templateDir)
// when that is unset.
func LocateGlobal(ctx context.Context, git Git, defaultTemplate string) (Layout, error) {
	l := Layout{Global: true}
	out, err := git(ctx, "", "config", "--global", "--type=path", "--get", "init.templateDir")
	if err == nil && strings.TrimSpace(out) != "" {
		l.TemplateDir = filepath.Clean(strings.TrimSpace(out))
	} else {
		l.TemplateDir, l.SetTemplateDir = filepath.Clean(defaultTemplate), true
	}
	// Compared as files: the value may name peacock's directory in another
	// spelling (a link to it; other case on Windows and macOS), and then
	// peacock's own spelling is used, so that Uninstall removes the
	// directory itself.
	if l.Own = workspace.SamePath(l.TemplateDir, defaultTemplate, runtime.GOOS); l.Own {
		l.TemplateDir = filepath.Clean(defaultTemplate)
	}
	if hp, err := git(ctx, "", "config", "--global", "--type=path", "--get", "core.hooksPath"); err == nil {
		l.HooksPath = strings.TrimSpace(hp)
	}
	l.Dir = filepath.Join(l.TemplateDir, "hooks")
	return l, nil
}

// Action is one thing Install or Uninstall did (or found done, or, with
// Layout.DryRun, would do).
type Action struct {
	// Hook is the hook's name and Path the file acted on.
	Hook, Path string
	// Verb is one of:
	//   - "created", "chained" (the hook there was renamed to
	//     <hook>.peacock-chained and runs first), "appended" (husky: the
	//     line added at the end), "inserted" (husky: the line added before
	//     the hook's final exit), "updated" (an earlier peacock script or
	//     line replaced by the current one), "unchanged";
	//   - "removed", "restored" (the chained hook renamed back),
	//     "orphan" (a <hook>.peacock-chained left by an earlier uninstall,
	//     identical to the hook in place, removed);
	//   - "left": peacock's fingerprint in an edited script, or a chained
	//     hook that differs from the one now in place: not touched;
	//   - "stale": peacock's script that a hook manager renamed away
	//     (lefthook's <hook>.old), which no longer runs;
	//   - "lfs": git-lfs's hooks written by git lfs update, the ones peacock
	//     shares chained (Path is the hooks directory);
	//   - "config": init.templateDir set or unset (Path is the directory).
	Verb string
	// Note is a detail for the user ("" when none).
	Note string
}

// Result is what Install or Uninstall did.
type Result struct {
	Layout  Layout
	Actions []Action
	// Snippet, for lefthook, pre-commit and a core.hooksPath peacock does
	// not write in, is what to add to their configuration or hook files;
	// nothing was written for those hooks.
	Snippet string
	// Warnings are problems that did not stop the install (git-lfs's
	// hooks could not be written, say).
	Warnings []string
}

// Script returns peacock's hook script for hook.
//
// The chained hook runs first. When there was none, and peacock hook run
// has just chained one (git-lfs's hooks, in a clone made from the global
// template), that one runs after it. Without peacock on PATH the script
// says so in one line, with the command that removes it without peacock.
func Script(hook string) []byte {
	return []byte(`#!/bin/sh
` + Fingerprint + `: gives the checkout its color (peacock hook install).
# A hook that was here before runs first, from ` + hook + ChainedSuffix + `,
# and its exit status is this hook's. Remove this hook with: peacock hook
# uninstall (or, without peacock: mv ` + hook + ChainedSuffix + ` ` + hook + `).
chained="$(dirname "$0")/` + hook + ChainedSuffix + `"
status=0
ran=
if [ -f "$chained" ] && [ -x "$chained" ]; then
	"$chained" "$@"
	status=$?
	ran=1
fi
if command -v peacock >/dev/null 2>&1; then
	peacock hook run ` + hook + ` "$@" </dev/null || :
	if [ -z "$ran" ] && [ -f "$chained" ] && [ -x "$chained" ]; then
		"$chained" "$@"
		status=$?
	fi
elif [ -f "$chained" ]; then
	echo "peacock: not on PATH; no colors after ` + hook + ` (to remove this hook: mv \"$chained\" \"$0\")" >&2
else
	echo "peacock: not on PATH; no colors after ` + hook + ` (to remove this hook: rm \"$0\")" >&2
fi
exit $status
`)
}

// legacyScripts are the scripts earlier peacock releases installed:
// Install replaces them, Uninstall removes them, Status reports them as
// installed.
func legacyScripts(hook string) [][]byte {
	return [][]byte{[]byte(`#!/bin/sh
` + Fingerprint + `: gives the checkout its color (peacock hook install).
# Remove it with: peacock hook uninstall. A hook that was here before runs
# first, from ` + hook + ChainedSuffix + `, and its exit status is this hook's.
chained="$(dirname "$0")/` + hook + ChainedSuffix + `"
status=0
if [ -f "$chained" ] && [ -x "$chained" ]; then
	"$chained" "$@"
	status=$?
fi
if command -v peacock >/dev/null 2>&1; then
	peacock hook run ` + hook + ` "$@" </dev/null || :
else
	echo "peacock: not on PATH; no colors after ` + hook + ` (peacock hook uninstall removes this hook)" >&2
fi
exit $status
`)}
}

// isScript reports that data is peacock's script for hook, current or
// from an earlier release.
func isScript(data []byte, hook string) bool {
	if bytes.Equal(data, Script(hook)) {
		return true
	}
	for _, s := range legacyScripts(hook) {
		if bytes.Equal(data, s) {
			return true
		}
	}
	return false
}

// Install installs peacock's hooks in l (see the package doc).
func Install(ctx context.Context, git Git, l Layout) (*Result, error) {
	res := &Result{Layout: l}
	switch l.Manager {
	case ManagerLefthook:
		res.Snippet = Snippet(l)
		res.Actions = lefthookStale(l)
		return res, nil
	case ManagerPreCommit, ManagerTracked, ManagerGlobalHooksPath:
		res.Snippet = Snippet(l)
		return res, nil
	case ManagerHusky:
		// Every hook file is checked before any is written: a refused
		// install leaves no hook half done.
		for _, h := range Names {
			if _, err := workspace.Within(l.Root, filepath.Join(l.Config, h)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return res, err
			}
		}
		for _, h := range Names {
			a, err := huskyInstall(l.Root, l.Config, h, l.DryRun)
			if err != nil {
				return res, err
			}
			res.Actions = append(res.Actions, a)
		}
		return res, nil
	}
	// A hook that runs by its own name ($0: husky 4, overcommit, yorkie)
	// would stop working under the chained name: refuse before writing
	// anything, and say what to add to it instead.
	for _, h := range Names {
		if data, err := workspace.ReadFile(filepath.Join(l.Dir, h)); err == nil &&
			!bytes.Contains(data, []byte(Fingerprint)) && dispatchesOnName(data) {
			return res, fmt.Errorf("%s runs by its own name ($0), which chaining would change; nothing written: add this line to it instead:\n%s",
				filepath.Join(l.Dir, h), HuskyLine(h))
		}
	}
	if !l.DryRun {
		if err := os.MkdirAll(l.Dir, 0o755); err != nil {
			return res, err
		}
	}
	for _, h := range Names {
		a, err := installScript(l.Dir, h, l.DryRun)
		if err != nil {
			return res, err
		}
		res.Actions = append(res.Actions, a)
	}
	if l.LFS && !l.Global {
		a, err := AdoptLFS(ctx, git, l.Root, l.Dir, l.DryRun)
		if err != nil {
			res.Warnings = append(res.Warnings, err.Error())
		}
		if a != nil {
			res.Actions = append(res.Actions, *a)
		}
	}
	if l.Global && l.SetTemplateDir {
		if !l.DryRun {
			if _, err := git(ctx, "", "config", "--global", "init.templateDir", configPath(l.TemplateDir)); err != nil {
				return res, fmt.Errorf("setting init.templateDir: %w", err)
			}
		}
		res.Actions = append(res.Actions, Action{Verb: "config", Path: l.TemplateDir})
	}
	return res, nil
}

// configPath is a path as written in git's configuration: forward slashes,
// which git for Windows reads too.
func configPath(p string) string { return filepath.ToSlash(p) }

// dispatchesOnName reports whether a hook script looks at the name it was
// run by ($0), as hook managers that install one script under every hook
// name do.
func dispatchesOnName(script []byte) bool {
	return bytes.Contains(script, []byte("$0")) || bytes.Contains(script, []byte("${0")) ||
		bytes.Contains(script, []byte("$PROGRAM_NAME")) || bytes.Contains(script, []byte("__file__"))
}

func installScript(dir, hook string, dryRun bool) (Action, error) {
	path := filepath.Join(dir, hook)
	chained := path + ChainedSuffix
	a := Action{Hook: hook, Path: path}
	want := Script(hook)
	data, err := workspace.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return a, err
	case bytes.Equal(data, want):
		a.Verb = "unchanged"
		return a, nil
	case isScript(data, hook):
		a.Verb = "updated"
	case bytes.Contains(data, []byte(Fingerprint)):
		a.Verb = "left"
		return a, nil
	default:
		if old, err := workspace.ReadFile(chained); err == nil {
			// A chained hook is already there, and the hook in place is
			// not peacock's: git lfs update --force (or another manager)
			// put its hook back over peacock's. The same hook twice is
			// chained once more; two different ones are not peacock's to
			// choose between.
			if !sameHook(old, data, hook) {
				return a, fmt.Errorf("%s and %s both exist and differ; peacock chains one hook: merge them into %s (or remove one) and run peacock hook install again",
					path, chained, filepath.Base(path))
			}
			a.Note = "it replaces an identical " + filepath.Base(chained)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return a, err
		}
		if !dryRun {
			if err := os.Rename(path, chained); err != nil {
				return a, err
			}
		}
		a.Verb = "chained"
		if isLFSHook(data, hook) {
			if a.Note != "" {
				a.Note += "; "
			}
			a.Note += "git-lfs's"
		}
	}
	if dryRun && a.Verb == "" {
		// a new file: where it cannot be written is known without writing
		if err := writeHook(dir, path, false, nil, want, true); err != nil {
			return a, err
		}
	} else if !dryRun {
		var old []byte
		if a.Verb == "updated" {
			old = data
		}
		if err := writeHook(dir, path, a.Verb == "updated", old, want, false); err != nil {
			return a, err
		}
	}
	if a.Verb == "" {
		a.Verb = "created"
	}
	return a, nil
}

// writeHook replaces the hook file at path, which held old (when existed),
// with data, under its lock (a new file gets mode 0777 less the
// umask; an existing one keeps its mode). It refuses a path whose links
// lead outside within: the hooks directory or, for a hook file committed
// in the work tree (husky), the work tree; a hook file linked to ~/.bashrc
// must not get peacock's line. A file that changed since it was read is
// not written. With dryRun it refuses what it would refuse, and writes
// nothing.
func writeHook(within, path string, existed bool, old, data []byte, dryRun bool) error {
	_, err := workspace.EditFile(path, workspace.EditOptions{Within: within, Perm: 0o777, DryRun: dryRun}, func(cur []byte, exists bool) ([]byte, error) {
		if exists != existed || !bytes.Equal(cur, old) {
			return nil, fmt.Errorf("%s changed while peacock edited it; nothing written, try again", path)
		}
		return data, nil
	})
	return err
}

// sameHook reports whether two hook files do the same: equal bytes, or
// both git-lfs's hook for hook (of whatever git-lfs release).
func sameHook(a, b []byte, hook string) bool {
	return bytes.Equal(a, b) || (isLFSHook(a, hook) && isLFSHook(b, hook))
}

// Uninstall removes what Install added to l and restores chained hooks.
func Uninstall(ctx context.Context, git Git, l Layout) (*Result, error) {
	res := &Result{Layout: l}
	switch l.Manager {
	case ManagerLefthook:
		res.Snippet = Snippet(l)
		for _, h := range Names {
			// lefthook install renamed peacock's script to <hook>.old:
			// remove it, and put the hook it chained where lefthook would
			// have put it.
			a, err := uninstallScriptAt(filepath.Join(l.Dir, h+".old"), filepath.Join(l.Dir, h)+ChainedSuffix, h, l.DryRun)
			if err != nil {
				return res, err
			}
			if a.Verb != "" {
				res.Actions = append(res.Actions, a)
			}
			a, err = uninstallScript(l.Dir, h, l.DryRun)
			if err != nil {
				return res, err
			}
			if a.Verb != "" {
				res.Actions = append(res.Actions, a)
			}
		}
		return res, nil
	case ManagerPreCommit, ManagerTracked, ManagerGlobalHooksPath:
		res.Snippet = Snippet(l)
		return res, nil
	case ManagerHusky:
		for _, h := range Names {
			a, err := huskyUninstall(l.Root, l.Config, h, l.DryRun)
			if err != nil {
				return res, err
			}
			if a.Verb != "" {
				res.Actions = append(res.Actions, a)
			}
		}
		return res, nil
	}
	for _, h := range Names {
		a, err := uninstallScript(l.Dir, h, l.DryRun)
		if err != nil {
			return res, err
		}
		if a.Verb != "" {
			res.Actions = append(res.Actions, a)
		}
	}
	if l.Global && l.Own && !l.DryRun && emptyTree(l.TemplateDir) {
		// Peacock's own template directory, now holding nothing: remove
		// it, and unset init.templateDir if it names it.
		if !l.SetTemplateDir {
			if _, err := git(ctx, "", "config", "--global", "--unset", "init.templateDir"); err != nil {
				return res, fmt.Errorf("unsetting init.templateDir: %w", err)
			}
			res.Actions = append(res.Actions, Action{Verb: "config", Path: l.TemplateDir})
		}
		_ = os.RemoveAll(l.TemplateDir)
	}
	return res, nil
}

// emptyTree reports that dir holds only directories, at any depth.
func emptyTree(dir string) bool {
	empty := true
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			empty = false
			return fs.SkipAll
		}
		return nil
	})
	return empty
}

func uninstallScript(dir, hook string, dryRun bool) (Action, error) {
	path := filepath.Join(dir, hook)
	return uninstallScriptAt(path, path+ChainedSuffix, hook, dryRun)
}

// uninstallScriptAt removes peacock's script for hook at path and renames
// the hook it chained (at chained) back to path. A chained hook whose
// script is gone is an orphan: identical to the hook now at path, it is
// removed; with no hook at path, it is renamed back.
func uninstallScriptAt(path, chained, hook string, dryRun bool) (Action, error) {
	a := Action{Hook: hook, Path: path}
	data, err := workspace.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !fileExists(chained) || filepath.Base(path) != hook {
			return a, nil
		}
		a.Verb = "restored"
		if dryRun {
			return a, nil
		}
		return a, os.Rename(chained, path)
	}
	if err != nil {
		return a, err
	}
	if !isScript(data, hook) {
		if bytes.Contains(data, []byte(Fingerprint)) {
			a.Verb = "left"
			return a, nil
		}
		old, err := workspace.ReadFile(chained)
		if err != nil || filepath.Base(path) != hook {
			return a, nil
		}
		if !sameHook(old, data, hook) {
			a.Path, a.Verb = chained, "left"
			a.Note = "it differs from " + filepath.Base(path) + ", which is no longer peacock's: compare them and remove one"
			return a, nil
		}
		a.Path, a.Verb = chained, "orphan"
		if dryRun {
			return a, nil
		}
		return a, os.Remove(chained)
	}
	if fileExists(chained) {
		a.Verb = "restored"
		if dryRun {
			return a, nil
		}
		return a, os.Rename(chained, path)
	}
	a.Verb = "removed"
	if dryRun {
		return a, nil
	}
	return a, os.Remove(path)
}

// HookStatus is the state of one hook.
type HookStatus struct {
	Hook  string `json:"hook"`
	Path  string `json:"path"`
	State string `json:"state"`
	// Reason says why a hook is inactive or absent, when that is known.
	Reason string `json:"reason,omitempty"`
}

// Status reports the state of each hook of l. For lefthook and pre-commit
// the state is whether peacock is in their configuration and whether the
// manager's hook is installed in git's hooks directory; for husky and a
// core.hooksPath, whether the line is in the hook file and git runs it.
func Status(l Layout) []HookStatus {
	var out []HookStatus
	for _, h := range Names {
		switch l.Manager {
		case ManagerLefthook:
			out = append(out, lefthookStatus(l, h))
			continue
		case ManagerPreCommit:
			out = append(out, preCommitStatus(l, h))
			continue
		case ManagerHusky:
			out = append(out, huskyStatus(l, h))
			continue
		case ManagerTracked, ManagerGlobalHooksPath:
			within := "" // a global core.hooksPath: the user's own
			if l.Manager == ManagerTracked {
				within = l.Root
			}
			out = append(out, lineStatus(within, filepath.Join(l.Dir, h), h))
			continue
		}
		out = append(out, scriptStatus(l.Dir, h))
	}
	return out
}

func scriptStatus(dir, h string) HookStatus {
	path := filepath.Join(dir, h)
	s := HookStatus{Hook: h, Path: path, State: StateAbsent}
	data, err := workspace.ReadFile(path)
	if err != nil {
		return s
	}
	switch {
	case isScript(data, h) && !executable(path):
		s.State, s.Reason = StateInactive, "not executable: git does not run it"
	case isScript(data, h) && fileExists(path+ChainedSuffix):
		s.State = StateChained
	case isScript(data, h):
		s.State = StateInstalled
	case bytes.Contains(data, []byte(Fingerprint)):
		s.State = StateModified
	default:
		s.State = StateForeign
	}
	return s
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
