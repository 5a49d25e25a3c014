package hooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
)

// Hook states reported by Status.
const (
	StateAbsent    = "absent"    // no hook file
	StateInstalled = "installed" // peacock's script (or husky line)
	StateChained   = "chained"   // peacock's script, running a chained hook first
	StateForeign   = "foreign"   // someone else's hook, without peacock
	StateModified  = "modified"  // peacock's fingerprint in a script that is not peacock's text
)

// Layout is where Install puts the hooks.
type Layout struct {
	// Dir is the hooks directory, absolute: the repository's (git
	// rev-parse --git-path hooks, which honours core.hooksPath and linked
	// worktrees) or the template directory's hooks.
	Dir string
	// Root is the top of the working tree ("" for a global layout).
	Root string
	// Manager is ManagerHusky, ManagerLefthook, ManagerPreCommit or "".
	// Config is, for husky, its directory (.husky) and for the others
	// their configuration file.
	Manager, Config string
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
}

// Locate returns the layout of the repository holding dir.
func Locate(ctx context.Context, git Git, dir string) (Layout, error) {
	out, err := git(ctx, dir, "rev-parse", "--path-format=absolute", "--show-toplevel", "--git-path", "hooks")
	if err != nil {
		return Layout{}, fmt.Errorf("not in a git working tree: %w", err)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 2 {
		return Layout{}, fmt.Errorf("unexpected git rev-parse output %q", out)
	}
	l := Layout{Root: filepath.Clean(lines[0]), Dir: filepath.Clean(lines[1])}
	if hp, err := git(ctx, dir, "config", "--get", "core.hooksPath"); err == nil && hp != "" {
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
		if rel, err := filepath.Rel(l.Root, l.Dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) &&
			rel != ".git" && !strings.HasPrefix(rel, ".git"+string(filepath.Separator)) {
			l.Manager, l.Config = ManagerTracked, l.Dir
			return l, nil
		}
	}
	for _, n := range []string{"lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml", "lefthook.json", ".lefthook.json", "lefthook.toml", ".lefthook.toml"} {
		if fileExists(filepath.Join(l.Root, n)) {
			l.Manager, l.Config = ManagerLefthook, filepath.Join(l.Root, n)
			return l, nil
		}
	}
	for _, n := range []string{".pre-commit-config.yaml", ".pre-commit-config.yml"} {
		if fileExists(filepath.Join(l.Root, n)) {
			l.Manager, l.Config = ManagerPreCommit, filepath.Join(l.Root, n)
			return l, nil
		}
	}
	return l, nil
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
	l.Own = l.TemplateDir == filepath.Clean(defaultTemplate)
	if hp, err := git(ctx, "", "config", "--global", "--type=path", "--get", "core.hooksPath"); err == nil {
		l.HooksPath = strings.TrimSpace(hp)
	}
	l.Dir = filepath.Join(l.TemplateDir, "hooks")
	return l, nil
}

// Action is one thing Install or Uninstall did (or found done).
type Action struct {
	// Hook is the hook's name and Path the file acted on.
	Hook, Path string
	// Verb is "created", "chained", "appended", "unchanged", "removed",
	// "restored", "left" (a modified script, not touched) or "config"
	// (init.templateDir set or unset; Path is the directory).
	Verb string
}

// Result is what Install or Uninstall did.
type Result struct {
	Layout  Layout
	Actions []Action
	// Snippet, for lefthook and pre-commit, is what to add to their
	// configuration; nothing was written.
	Snippet string
}

// Script returns peacock's hook script for hook.
func Script(hook string) []byte {
	return []byte(`#!/bin/sh
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
`)
}

// HuskyLine returns the line Install appends to a husky hook file.
func HuskyLine(hook string) string {
	return `if command -v peacock >/dev/null 2>&1; then peacock hook run ` + hook + ` "$@" </dev/null || :; else echo "peacock: not on PATH; no colors after ` + hook + `" >&2; fi ` + Fingerprint
}

// huskyNew is the content of a husky hook file Install creates.
func huskyNew(hook string) []byte { return []byte("#!/bin/sh\n" + HuskyLine(hook) + "\n") }

// Snippet returns the configuration to add for a hook manager.
func Snippet(manager string) string {
	switch manager {
	case ManagerLefthook:
		return `post-checkout:
  commands:
    peacock:
      run: peacock hook run post-checkout {1} {2} {3}
post-merge:
  commands:
    peacock:
      run: peacock hook run post-merge {1}
`
	case ManagerPreCommit:
		return `default_install_hook_types: [pre-commit, post-checkout, post-merge]
repos:
  - repo: https://github.com/peacock-cli/peacock
    rev: main  # or a release tag
    hooks:
      - id: peacock-check
      - id: peacock-post-checkout
# then run: pre-commit install
`
	case ManagerTracked:
		var b strings.Builder
		for _, h := range Names {
			fmt.Fprintf(&b, "# in %s:\n%s\n", h, HuskyLine(h))
		}
		return b.String()
	}
	return ""
}

// Install installs peacock's hooks in l (see the package doc).
func Install(ctx context.Context, git Git, l Layout) (*Result, error) {
	res := &Result{Layout: l}
	switch l.Manager {
	case ManagerLefthook, ManagerPreCommit, ManagerTracked:
		res.Snippet = Snippet(l.Manager)
		return res, nil
	case ManagerHusky:
		for _, h := range Names {
			a, err := huskyInstall(l.Root, l.Config, h)
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
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return res, err
	}
	for _, h := range Names {
		a, err := installScript(l.Dir, h)
		if err != nil {
			return res, err
		}
		res.Actions = append(res.Actions, a)
	}
	if l.Global && l.SetTemplateDir {
		if _, err := git(ctx, "", "config", "--global", "init.templateDir", configPath(l.TemplateDir)); err != nil {
			return res, fmt.Errorf("setting init.templateDir: %w", err)
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

func installScript(dir, hook string) (Action, error) {
	path := filepath.Join(dir, hook)
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
	case bytes.Contains(data, []byte(Fingerprint)):
		a.Verb = "left"
		return a, nil
	default:
		chained := path + ChainedSuffix
		if fileExists(chained) {
			return a, fmt.Errorf("%s and %s both exist; remove one", path, chained)
		}
		if err := os.Rename(path, chained); err != nil {
			return a, err
		}
		a.Verb = "chained"
	}
	if err := writeHook(dir, path, false, nil, want); err != nil {
		return a, err
	}
	if a.Verb == "" {
		a.Verb = "created"
	}
	return a, nil
}

func huskyInstall(root, dir, hook string) (Action, error) {
	path := filepath.Join(dir, hook)
	a := Action{Hook: hook, Path: path}
	data, err := workspace.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.Verb = "created"
		return a, writeHook(root, path, false, nil, huskyNew(hook))
	case err != nil:
		return a, err
	case bytes.Contains(data, []byte(Fingerprint)):
		a.Verb = "unchanged"
		return a, nil
	}
	old := data
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data[:len(data):len(data)], '\n')
	}
	data = append(data[:len(data):len(data)], HuskyLine(hook)+"\n"...)
	a.Verb = "appended"
	return a, writeHook(root, path, true, old, data)
}

// writeHook replaces the hook file at path, which held old (when existed),
// with data, under its lock (a new file gets mode 0777 less the
// umask; an existing one keeps its mode). It refuses a path whose links
// lead outside within: the hooks directory or, for a hook file committed
// in the work tree (husky), the work tree; a hook file linked to ~/.bashrc
// must not get peacock's line. A file that changed since it was read is
// not written.
func writeHook(within, path string, existed bool, old, data []byte) error {
	_, err := workspace.EditFile(path, workspace.EditOptions{Within: within, Perm: 0o777}, func(cur []byte, exists bool) ([]byte, error) {
		if exists != existed || !bytes.Equal(cur, old) {
			return nil, fmt.Errorf("%s changed while peacock edited it; nothing written, try again", path)
		}
		return data, nil
	})
	return err
}

// Uninstall removes what Install added to l and restores chained hooks.
func Uninstall(ctx context.Context, git Git, l Layout) (*Result, error) {
	res := &Result{Layout: l}
	switch l.Manager {
	case ManagerLefthook, ManagerPreCommit, ManagerTracked:
		res.Snippet = Snippet(l.Manager)
		return res, nil
	case ManagerHusky:
		for _, h := range Names {
			a, err := huskyUninstall(l.Root, l.Config, h)
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
		a, err := uninstallScript(l.Dir, h)
		if err != nil {
			return res, err
		}
		if a.Verb != "" {
			res.Actions = append(res.Actions, a)
		}
	}
	if l.Global && l.Own && emptyTree(l.TemplateDir) {
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

func uninstallScript(dir, hook string) (Action, error) {
	path := filepath.Join(dir, hook)
	a := Action{Hook: hook, Path: path}
	data, err := workspace.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	if !bytes.Equal(data, Script(hook)) {
		if bytes.Contains(data, []byte(Fingerprint)) {
			a.Verb = "left"
		}
		return a, nil
	}
	chained := path + ChainedSuffix
	if fileExists(chained) {
		if err := os.Rename(chained, path); err != nil {
			return a, err
		}
		a.Verb = "restored"
		return a, nil
	}
	if err := os.Remove(path); err != nil {
		return a, err
	}
	a.Verb = "removed"
	return a, nil
}

func huskyUninstall(root, dir, hook string) (Action, error) {
	path := filepath.Join(dir, hook)
	a := Action{Hook: hook, Path: path}
	data, err := workspace.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	if bytes.Equal(data, huskyNew(hook)) {
		a.Verb = "removed"
		return a, os.Remove(path)
	}
	line := []byte(HuskyLine(hook) + "\n")
	if !bytes.Contains(data, line) {
		return a, nil
	}
	a.Verb = "removed"
	return a, writeHook(root, path, true, data, bytes.ReplaceAll(data, line, nil))
}

// HookStatus is the state of one hook.
type HookStatus struct {
	Hook  string `json:"hook"`
	Path  string `json:"path"`
	State string `json:"state"`
}

// Status reports the state of each hook of l. For lefthook and pre-commit
// it reports nothing: their configuration says.
func Status(l Layout) []HookStatus {
	var out []HookStatus
	for _, h := range Names {
		switch l.Manager {
		case ManagerLefthook, ManagerPreCommit, ManagerTracked:
			continue
		case ManagerHusky:
			path := filepath.Join(l.Config, h)
			s := HookStatus{Hook: h, Path: path, State: StateAbsent}
			if data, err := workspace.ReadFile(path); err == nil {
				s.State = StateForeign
				if bytes.Contains(data, []byte(HuskyLine(h))) {
					s.State = StateInstalled
				} else if bytes.Contains(data, []byte(Fingerprint)) {
					s.State = StateModified
				}
			}
			out = append(out, s)
			continue
		}
		path := filepath.Join(l.Dir, h)
		s := HookStatus{Hook: h, Path: path, State: StateAbsent}
		if data, err := workspace.ReadFile(path); err == nil {
			switch {
			case bytes.Equal(data, Script(h)) && fileExists(path+ChainedSuffix):
				s.State = StateChained
			case bytes.Equal(data, Script(h)):
				s.State = StateInstalled
			case bytes.Contains(data, []byte(Fingerprint)):
				s.State = StateModified
			default:
				s.State = StateForeign
			}
		}
		out = append(out, s)
	}
	return out
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
