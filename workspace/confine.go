package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// OutsideError refuses a write whose target, once every symbolic link is
// resolved, lies outside the directory it was found in: a file reached
// through a repository (a committed link) must not make peacock write
// anywhere else.
type OutsideError struct {
	// Path is the path asked for, Target where its links lead (absolute,
	// resolved) and Root the directory Target had to lie in (resolved).
	Path, Target, Root string
}

func (e *OutsideError) Error() string {
	return fmt.Sprintf("%s leads to %s, which is outside %s; a file found through a repository may not make peacock write outside it, so nothing was written",
		e.Path, e.Target, e.Root)
}

// Resolve returns the absolute path of the file that path names once every
// symbolic link in it, in its directories and the file itself, is
// resolved: the file a write through path would change. A missing file
// resolves through its nearest existing directory; a dangling link, in the
// path or its directories, is an error naming the missing target.
func Resolve(path string) (string, error) {
	return resolveLinks(path)
}

// Within returns Resolve(path) when it lies inside root (itself resolved;
// root counts as inside), else an *OutsideError naming the resolved target.
// It is the check every write of a file found through a repository goes
// through: Update and EditFile make it under the file's lock when their
// Within option is set.
func Within(root, path string) (string, error) {
	target, err := resolveLinks(path)
	if err != nil {
		return "", err
	}
	return target, checkWithin(root, path, target)
}

// checkWithin refuses target, the resolved path, when it is not inside
// root.
func checkWithin(root, path, target string) error {
	if root == "" {
		return nil
	}
	r, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if rr, err := filepath.EvalSymlinks(r); err == nil {
		r = rr
	} else if !os.IsNotExist(err) {
		return err
	}
	if !inside(r, target) {
		return &OutsideError{Path: path, Target: target, Root: r}
	}
	return nil
}

// inside reports whether the path p lies in the directory dir (or is it);
// both are absolute and clean.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	if err != nil || filepath.IsAbs(rel) {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
