package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// FindOptions tells Find where to look.
type FindOptions struct {
	// Dir is the working directory, absolute.
	Dir string
	// Home is the user's home directory; outside a repository the search
	// stops below it.
	Home string
	// Explicit is a file named by the user (--workspace), absolute or
	// relative to Dir. When set, no search happens.
	Explicit string
}

// Target is the settings file to edit.
type Target struct {
	// Path is the absolute path of the file.
	Path string
	// Kind is where the file keeps its settings.
	Kind Kind
	// Exists is false when the file is still to be created.
	Exists bool
	// Root is the repository root holding Dir, or Dir outside a repository.
	Root string
}

// AmbiguousError is returned by Find when the nearest directory holding
// workspace files holds several and none is named after the directory.
type AmbiguousError struct {
	// Dir is the directory holding the candidates.
	Dir string
	// Candidates are the absolute paths of the workspace files, sorted.
	Candidates []string
}

// Error lists the candidates and tells how to choose one.
func (e *AmbiguousError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		names[i] = filepath.Base(c)
	}
	return fmt.Sprintf("workspace: %s holds several workspace files (%s); pass --workspace to choose one",
		e.Dir, strings.Join(names, ", "))
}

// Find returns the settings file for opts. An explicit file wins (Exists is
// false when it is missing, to be created; a directory is an error).
// Otherwise Find looks for *.code-workspace files in Dir and then in each
// parent up to the repository root (see RepoRoot), or, outside a repository,
// up to but not including Home (Home itself only when it is Dir; up to "/"
// when Dir is not below Home).
// The nearest directory holding any wins: one file is used; of several, the
// one named <directory name>.code-workspace, else an *AmbiguousError. With
// none anywhere, the target is <root>/<base name of root>.code-workspace,
// not existing yet.
func Find(opts FindOptions) (Target, error) {
	dir := filepath.Clean(opts.Dir)
	root, inRepo := RepoRoot(dir, opts.Home)
	if opts.Explicit != "" {
		p := opts.Explicit
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		p = filepath.Clean(p)
		t := Target{Path: p, Kind: KindOf(p), Root: root}
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return Target{}, fmt.Errorf("workspace: %s is a directory; pass a .code-workspace or settings.json file", p)
		case err == nil:
			t.Exists = true
		case !os.IsNotExist(err):
			return Target{}, fmt.Errorf("workspace: %w", err)
		}
		return t, nil
	}
	home := filepath.Clean(opts.Home)
	for d := dir; ; {
		if !inRepo && opts.Home != "" && d == home && d != dir {
			break
		}
		cands, err := workspaceFiles(d)
		if err != nil {
			return Target{}, err
		}
		switch {
		case len(cands) == 1:
			return Target{Path: cands[0], Kind: KindWorkspace, Exists: true, Root: root}, nil
		case len(cands) > 1:
			pref := filepath.Join(d, filepath.Base(d)+".code-workspace")
			for _, c := range cands {
				if c == pref {
					return Target{Path: c, Kind: KindWorkspace, Exists: true, Root: root}, nil
				}
			}
			return Target{}, &AmbiguousError{Dir: d, Candidates: cands}
		}
		if (inRepo && d == root) || (!inRepo && opts.Home != "" && d == home) {
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	name := filepath.Base(root)
	if name == string(filepath.Separator) || name == "." {
		name = "workspace"
	}
	return Target{Path: filepath.Join(root, name+".code-workspace"), Kind: KindWorkspace, Root: root}, nil
}

// workspaceFiles lists the *.code-workspace files (not directories) in dir.
func workspaceFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) || os.IsPermission(err) {
			return nil, nil
		}
		return nil, fmt.Errorf("workspace: %w", err)
	}
	var out []string
	for _, e := range ents {
		if !strings.HasSuffix(strings.ToLower(e.Name()), ".code-workspace") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// RepoRoot returns the nearest of dir and its parents that holds a .git
// directory or file (a linked worktree or submodule has a .git file), and
// true. Home is never taken as a repository root (a dotfiles repository in
// the home directory is not the user's project), and the search stops
// there; outside a repository RepoRoot returns dir and false.
func RepoRoot(dir, home string) (string, bool) {
	dir = filepath.Clean(dir)
	if home != "" {
		home = filepath.Clean(home)
	}
	for d := dir; ; {
		if home != "" && d == home {
			return dir, false
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir, false
		}
		d = parent
	}
}

// FolderSettingsPath returns root/.vscode/settings.json, the settings file
// VS Code uses when the folder is opened without a workspace file.
func FolderSettingsPath(root string) string {
	return filepath.Join(root, ".vscode", "settings.json")
}
