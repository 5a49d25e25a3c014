package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// OutsideError refuses a write (or, with Read, a read) whose target, once
// every symbolic link is resolved, lies outside the directory it was found
// in: a file reached through a repository (a committed link) must not make
// peacock write anywhere else, nor read anywhere else and show what it read.
type OutsideError struct {
	// Path is the path asked for and Root the directory it had to stay
	// in (resolved). Target is where path's links first lead out of Root
	// (or into its .git), with the rest of path appended as written: the
	// links followed to get there are all inside Root, so that the message
	// shows nothing that lies outside (where an outside link leads is that
	// link's content too); "" when that place could not be told apart.
	Path, Target, Root string
	// GitDir, when not "", is the git directory (a .git inside Root) that
	// Target lies in: a file of the work tree may not lead into git's
	// files (its config, its hooks) either.
	GitDir string
	// Read reports a refused read (see ReadWithin): nothing was read.
	Read bool
}

func (e *OutsideError) Error() string {
	verb, nothing := "write", "written"
	if e.Read {
		verb, nothing = "read", "read"
	}
	leads := "leads to " + e.Target + ", which is"
	if e.Target == "" {
		leads = "leads, through its links,"
	}
	if e.GitDir != "" {
		return fmt.Sprintf("%s %s inside the git directory %s; a file found through a work tree may not make peacock %s git's files, so nothing was %s",
			e.Path, leads, e.GitDir, verb, nothing)
	}
	where := "work tree"
	if !e.Read {
		where = "repository"
	}
	return fmt.Sprintf("%s %s outside %s; a file found through a %s may not make peacock %s outside it, so nothing was %s",
		e.Path, leads, e.Root, where, verb, nothing)
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
// root counts as inside) and not in a .git directory below root, else ""
// and an *OutsideError naming where path's links first lead out (see
// resolveWithin: a link outside root is never read). A work tree holds its git
// directory, but a committed link (.husky/post-merge -> ../.git/config)
// must not turn a write of a work-tree file into a write of git's
// configuration or hooks; git's own files are checked against the git
// directory as root, where no .git lies below.
// It is the check every write of a file found through a repository goes
// through: Update and EditFile make it under the file's lock when their
// Within option is set.
func Within(root, path string) (string, error) {
	return resolveWithin(root, path)
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
	if err := openedWithin(root, path, target, f, fi); err != nil {
		return nil, err
	}
	return readOpen(f, fi, path, MaxFileSize, 0)
}

// openedWithin checks that f, opened through path (with fi its stat),
// is the file target, where path's links led when they were checked
// against root: the same file, still at target itself and not through a
// link put there since, and, where the system tells which file a
// descriptor holds (Linux: /proc/self/fd), inside root and not in a .git
// below it. A link changed in between (another program on the machine
// racing the check) is then an error, not a read; the error says nothing
// of what was opened.
func openedWithin(root, path, target string, f *os.File, fi fs.FileInfo) error {
	changed := func() error {
		return fmt.Errorf("%s changed while peacock checked where its links lead; nothing was read, try again", path)
	}
	lfi, err := os.Lstat(target)
	if err != nil || !lfi.Mode().IsRegular() || !os.SameFile(fi, lfi) {
		return changed()
	}
	at, ok := openedPath(f)
	if !ok {
		return nil // not known here: the checks above are what there is
	}
	r, err := resolvedRoot(root)
	if err != nil {
		return err
	}
	if _, in := RelInside(r, at); !in || gitDirIn(r, at) != "" {
		return changed()
	}
	return nil
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
	target, err := resolveWithin(root, path)
	var oe *OutsideError
	if errors.As(err, &oe) {
		oe.Read = true
	}
	return target, err
}

// resolveWithin is resolveLinks for a path that must stay in root once its
// links are resolved ("" for anywhere): the test of Within, Update and
// EditFile. Its links are followed first one by one from root, reading
// only links that lie inside it, and the first one that leads out of root
// (or into a .git below it) is refused there (escape): an outside link is
// never read, so neither where it leads nor whether its target exists
// shows in a message (a committed x.code-workspace -> ~/.config/link
// would otherwise print that link's content, and a dangling outside
// target would say "does not exist" where an existing one says "outside",
// telling which outside files exist). The full resolution then decides,
// as before, for what that walk cannot follow.
func resolveWithin(root, path string) (string, error) {
	if root == "" {
		return resolveLinks(path)
	}
	r, err := resolvedRoot(root)
	if err != nil {
		return "", err
	}
	if at, ok := escape(root, r, path); ok {
		// Out, and back in (an absolute link spelled through /tmp
		// where that is a link to /private/tmp, as on macOS): inside,
		// as it was before the walk. Otherwise the refusal names the
		// place found, whatever the rest of the links say.
		if t, err := resolveLinks(path); err == nil {
			if _, in := RelInside(r, t); in && gitDirIn(r, t) == "" {
				return t, nil
			}
		}
		return "", outsideAt(path, at, r)
	}
	target, err := resolveLinks(path)
	if err != nil {
		return "", err
	}
	if _, ok := RelInside(r, target); !ok {
		return "", &OutsideError{Path: path, Root: r}
	}
	if g := gitDirIn(r, target); g != "" {
		return "", &OutsideError{Path: path, Root: r, GitDir: g}
	}
	if testHookWithin != nil {
		testHookWithin(path)
	}
	return target, nil
}

// testHookWithin, when set by a test, runs when resolveWithin has passed
// path: what another program could do before the file is opened.
var testHookWithin func(path string)

// resolvedRoot is root, absolute, with its links resolved (as it is when
// it does not exist).
func resolvedRoot(root string) (string, error) {
	r, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if rr, err := filepath.EvalSymlinks(r); err == nil {
		r = rr
	} else if !os.IsNotExist(err) {
		return "", err
	}
	return r, nil
}

// outsideAt is the refusal of path, whose links lead to at: outside r, or
// into a .git directory below it.
func outsideAt(path, at, r string) error {
	if _, ok := RelInside(r, at); !ok {
		return &OutsideError{Path: path, Target: at, Root: r}
	}
	return &OutsideError{Path: path, Target: at, Root: r, GitDir: gitDirIn(r, at)}
}

// escape follows path's links from r, the resolved root (spelled root as
// given), reading only links inside r, and returns the first place they
// lead out of r or into a .git below it, with the rest of path appended as
// written, and true; false when they stay in (as far as this walk can
// tell, or when path is not spelled under root: resolveLinks decides
// the rest).
func escape(root, r, path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, ok := "", false
	if a, err := filepath.Abs(root); err == nil {
		rel, ok = RelInside(a, abs)
	}
	if !ok {
		if rel, ok = RelInside(r, abs); !ok {
			// Spelled another way (through another link to root):
			// left to resolveLinks, and a refusal then names no place.
			return "", false
		}
	}
	out := func(at string) bool {
		_, in := RelInside(r, at)
		return !in || gitDirIn(r, at) != ""
	}
	rest := splitRel(rel)
	cur := r
	for hops := 0; len(rest) > 0; {
		next := filepath.Join(cur, rest[0])
		rest = rest[1:]
		fi, err := os.Lstat(next)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			// A plain name (or a missing one, and so is the rest):
			// it leaves r only by being .git, or "..".
			if cur = next; out(cur) {
				return filepath.Join(append([]string{cur}, rest...)...), true
			}
			continue
		}
		if hops++; hops > 255 {
			return "", false // resolveLinks says it: too many links
		}
		link, err := os.Readlink(next)
		if err != nil {
			return "", false
		}
		if !filepath.IsAbs(link) {
			// Its names are walked from its directory (cur, which has
			// no links left), so that ".." after a link in it is the
			// link target's parent, as the system takes it.
			rest = append(splitRel(link), rest...)
			continue
		}
		link = filepath.Clean(link)
		if out(link) {
			return filepath.Join(append([]string{link}, rest...)...), true
		}
		in, _ := RelInside(r, link)
		rest = append(splitRel(in), rest...)
		cur = r
	}
	return "", false
}

// splitRel splits a relative path into its names ("." is none).
func splitRel(rel string) []string {
	var out []string
	for _, n := range strings.Split(rel, string(filepath.Separator)) {
		if n != "" && n != "." {
			out = append(out, n)
		}
	}
	return out
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
