package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// OutsideError refuses a write (or, with Read, a read) whose target, once
// every symbolic link is resolved, lies outside the directory it was found
// in: a file reached through a repository (a committed link) must not make
// peacock write anywhere else, nor read anywhere else and show what it read.
type OutsideError struct {
	// Path is the path asked for, Target where its links lead (absolute,
	// resolved) and Root the directory Target had to lie in (resolved).
	Path, Target, Root string
	// GitDir, when not "", is the git directory (a .git inside Root) that
	// Target lies in: a file of the work tree may not lead into git's
	// files (its config, its hooks) either.
	GitDir string
	// Read reports a refused read (see ReadWithin): nothing was read.
	Read bool
}

func (e *OutsideError) Error() string {
	switch {
	case e.Read && e.GitDir != "":
		return fmt.Sprintf("%s leads to %s, which is inside the git directory %s; a file found through a work tree may not make peacock read git's files, so nothing was read",
			e.Path, e.Target, e.GitDir)
	case e.Read:
		return fmt.Sprintf("%s leads to %s, which is outside %s; a file found through a work tree may not make peacock read outside it, so nothing was read",
			e.Path, e.Target, e.Root)
	case e.GitDir != "":
		return fmt.Sprintf("%s leads to %s, which is inside the git directory %s; a file found through a work tree may not make peacock write git's files, so nothing was written",
			e.Path, e.Target, e.GitDir)
	}
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
// root counts as inside) and not in a .git directory below root, else an
// *OutsideError naming the resolved target. A work tree holds its git
// directory, but a committed link (.husky/post-merge -> ../.git/config)
// must not turn a write of a work-tree file into a write of git's
// configuration or hooks; git's own files are checked against the git
// directory as root, where no .git lies below.
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

// ReadWithin is ReadFile for a file found through a repository: it reads
// path only when its links, once resolved, lead inside root and not into a
// .git directory below it, the test Within makes before a write. Otherwise
// it returns an *OutsideError with Read set, having opened nothing: a
// committed link (x.code-workspace -> ~/.git-credentials) must not make
// peacock show an outside file's content in a parse error, a color error or
// a value it prints. The file opened is checked to be the one the links
// were resolved to (os.SameFile), so a link changed in between is an error,
// not a read. With root "" (a path the user named) it is ReadFile. A
// missing file, or a link to one, matches fs.ErrNotExist as with ReadFile.
func ReadWithin(root, path string) ([]byte, error) {
	if root == "" {
		return ReadFile(path)
	}
	target, err := withinRead(root, path)
	if err != nil {
		return nil, err
	}
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if tfi, err := os.Stat(target); err != nil || !os.SameFile(fi, tfi) {
		return nil, fmt.Errorf("%s changed while peacock checked where its links lead; nothing was read, try again", path)
	}
	return readOpen(f, fi, path, MaxFileSize, 0)
}

// CheckRead makes the test of ReadWithin without reading: nil when path
// may be read as a file found through the work tree root, else the
// *OutsideError (Read set) ReadWithin would return. A read-modify-write of
// such a file calls it first, so that its refusal says nothing was read.
func CheckRead(root, path string) error {
	if root == "" {
		return nil
	}
	_, err := withinRead(root, path)
	return err
}

// withinRead is Within with a refusal that is a read's.
func withinRead(root, path string) (string, error) {
	target, err := resolveLinks(path)
	if err != nil {
		return "", err
	}
	if err := checkWithin(root, path, target); err != nil {
		var oe *OutsideError
		if errors.As(err, &oe) {
			oe.Read = true
		}
		return "", err
	}
	return target, nil
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
	if _, ok := RelInside(r, target); !ok {
		return &OutsideError{Path: path, Target: target, Root: r}
	}
	if g := gitDirIn(r, target); g != "" {
		return &OutsideError{Path: path, Target: target, Root: r, GitDir: g}
	}
	return nil
}

// gitDirIn returns the first directory named .git (in any case: macOS and
// Windows volumes ignore it) on the way from root down to target, or "".
func gitDirIn(root, target string) string {
	rel, err := filepath.Rel(root, target)
	if err != nil || rel == "." {
		return ""
	}
	d := root
	for _, name := range strings.Split(rel, string(filepath.Separator)) {
		d = filepath.Join(d, name)
		if strings.EqualFold(name, ".git") {
			return d
		}
	}
	return ""
}

// RelInside returns p relative to dir (filepath.Rel) and whether p is dir
// or lies below it, as names: no link is followed (Within follows them).
func RelInside(dir, p string) (rel string, ok bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || filepath.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel, false
	}
	return rel, true
}
