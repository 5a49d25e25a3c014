package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// FindOptions tells Find where to look.
type FindOptions struct {
	// Dir is the working directory, absolute.
	Dir string
	// Home is the user's home directory, never taken as a repository root
	// (see RepoRoot).
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
	// Within is the directory the file must stay in, once its links are
	// resolved, to be read or written (see ReadWithin and
	// UpdateOptions.Within): Root for a file Find found or chose, "" for
	// the file the user named.
	Within string
}

// AmbiguousError is returned by Find when the nearest directory holding
// workspace files holds several and none is named after the directory.
type AmbiguousError struct {
	// Dir is the directory holding the candidates.
	Dir string
	// Candidates are the absolute paths of the workspace files, sorted.
	Candidates []string
	// Outside are the candidates whose links lead out of the work tree
	// (or into its .git): peacock does not read them (see ReadWithin), so
	// the message says so rather than let --workspace be given one of
	// them without knowing.
	Outside []string
}

// Error lists the candidates and tells how to choose one.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%s holds several workspace files (%s); pass --workspace to choose one",
		e.Dir, strings.Join(e.Names(), ", "))
}

// Names are the candidates' base names, each that leads out of the work
// tree followed by a note saying so.
func (e *AmbiguousError) Names() []string {
	names := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		names[i] = filepath.Base(c)
		for _, o := range e.Outside {
			if o == c {
				names[i] += " [leads out of the work tree: not read]"
			}
		}
	}
	return names
}

// Find returns the settings file for opts. An explicit file wins (Exists is
// false when it is missing, to be created; a directory is an error).
// Otherwise Find looks for *.code-workspace files in Dir and then in each
// parent up to the repository root (see RepoRoot); outside a repository it
// looks in Dir only.
// The nearest directory holding any wins: one file is used; of several, the
// one named <directory name>.code-workspace, else an *AmbiguousError. With
// none anywhere, the target is <root>/<base name of root>.code-workspace,
// not existing yet. A workspace file (or the explicit file) that is a
// symbolic link to a missing file inside the work tree, or a loop of links,
// is an error (naming the missing target), never a reason to make a new
// file; a found one whose links lead out of the work tree is a candidate
// without a look at its target (every read of it is then refused, see
// ReadWithin). Directories are compared with Home as files, not by spelling
// (see os.SameFile), so a differently cased or linked spelling of Home is
// still never a repository root. On
// Windows an explicit path rooted without a drive (\x) is on Dir's drive,
// and one relative to another drive's current directory (D:x) is an error.
func Find(opts FindOptions) (Target, error) {
	dir := filepath.Clean(opts.Dir)
	root, inRepo := RepoRoot(dir, opts.Home)
	if opts.Explicit != "" {
		p, err := explicitPath(runtime.GOOS == "windows", dir, opts.Explicit)
		if err != nil {
			return Target{}, err
		}
		p = filepath.Clean(p)
		t := Target{Path: p, Kind: KindOf(p), Root: root}
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return Target{}, fmt.Errorf("%s is a directory; pass a .code-workspace or settings.json file", p)
		case err == nil:
			t.Exists = true
		case os.IsNotExist(err) || errors.Is(err, syscall.ENOTDIR):
			// Not there, or a path through a file (Linux says ENOTDIR,
			// Windows not found): the caller tells a missing directory
			// from a file in the way.
			if link, target, ok := danglingLink(p); ok {
				return Target{}, &danglingError{Path: p, Link: link, Target: target}
			}
		default:
			return Target{}, err
		}
		return t, nil
	}
	for d := dir; ; {
		cands, outside, err := workspaceFiles(d, root)
		if err != nil {
			return Target{}, err
		}
		switch {
		case len(cands) == 1:
			return Target{Path: cands[0], Kind: KindWorkspace, Exists: true, Root: root, Within: root}, nil
		case len(cands) > 1:
			// On a case-insensitive file system Shop.code-workspace is
			// named after the directory shop: compare files, not names.
			pref := filepath.Join(d, filepath.Base(d)+".code-workspace")
			pfi, perr := os.Stat(pref)
			for _, c := range cands {
				if c == pref {
					return Target{Path: c, Kind: KindWorkspace, Exists: true, Root: root, Within: root}, nil
				}
			}
			for _, c := range cands {
				if cfi, err := os.Stat(c); perr == nil && err == nil && os.SameFile(pfi, cfi) {
					return Target{Path: c, Kind: KindWorkspace, Exists: true, Root: root, Within: root}, nil
				}
			}
			return Target{}, &AmbiguousError{Dir: d, Candidates: cands, Outside: outside}
		}
		if !inRepo || d == root {
			// Outside a repository only the working directory is
			// looked in: a parent's workspace file (~/all.code-workspace)
			// is not this directory's project.
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
	return Target{Path: filepath.Join(root, name+".code-workspace"), Kind: KindWorkspace, Root: root, Within: root}, nil
}

// workspaceFiles lists the *.code-workspace files (not directories) in dir,
// and which of them lead out of root (or into its .git) once their links
// are resolved: those are candidates all the same, without a look at what
// they lead to (a link out is not followed: whether its target exists, or
// is a directory, is the outside's), and every read of them is refused
// (ReadWithin).
func workspaceFiles(dir, root string) (cands, outside []string, err error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) || os.IsPermission(err) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	for _, e := range ents {
		if !strings.HasSuffix(strings.ToLower(e.Name()), ".code-workspace") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var oe *OutsideError
		if _, err := resolveWithin(root, p); errors.As(err, &oe) {
			cands, outside = append(cands, p), append(outside, p)
			continue
		}
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			continue
		case err == nil:
			cands = append(cands, p)
		case os.IsNotExist(err):
			// A dangling link: the workspace file is missing, which a new
			// file elsewhere would hide.
			if link, target, ok := danglingLink(p); ok {
				return nil, nil, &danglingError{Path: p, Link: link, Target: target}
			}
		case os.IsPermission(err):
			continue // as for a directory that cannot be listed
		default:
			// A loop of symbolic links: an error, not a reason to make a
			// new file.
			return nil, nil, err
		}
	}
	return cands, outside, nil
}

// RepoRoot returns the nearest of dir and its parents that holds a .git
// directory or file (a linked worktree or submodule has a .git file), and
// true. Home is never taken as a repository root (a dotfiles repository in
// the home directory is not the user's project), and the search stops
// there; outside a repository RepoRoot returns dir and false.
func RepoRoot(dir, home string) (string, bool) {
	dir = filepath.Clean(dir)
	isHome := sameDirFunc(home)
	for d := dir; ; {
		if isHome(d) {
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

// SamePath reports whether a and b name one file. Paths are compared as
// files (os.SameFile) when both can be looked at, so that C:\Users\bob is
// c:\users\bob on Windows and a directory reached through a symbolic link
// is still itself; when neither exists, as cleaned names, ignoring case
// where the file system usually does (goos "windows" or "darwin"). A path
// that exists is never the same as one that does not.
func SamePath(a, b, goos string) bool {
	a, b = filepath.Clean(a), filepath.Clean(b)
	if a == b {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	switch {
	case errA == nil && errB == nil:
		return os.SameFile(fa, fb)
	case errors.Is(errA, fs.ErrNotExist) && errors.Is(errB, fs.ErrNotExist):
		return (goos == "windows" || goos == "darwin") && strings.EqualFold(a, b)
	}
	return false
}

// sameDirFunc returns a function that reports whether a directory is dir
// (SamePath; false for every directory when dir is ""). dir is looked at
// once, not once per directory asked about.
func sameDirFunc(dir string) func(string) bool {
	if dir == "" {
		return func(string) bool { return false }
	}
	dir = filepath.Clean(dir)
	fi, err := os.Stat(dir)
	if err != nil {
		return func(d string) bool { return SamePath(d, dir, runtime.GOOS) }
	}
	return func(d string) bool {
		if d = filepath.Clean(d); d == dir {
			return true
		}
		fd, err := os.Stat(d)
		return err == nil && os.SameFile(fd, fi)
	}
}

// AbsPath makes p, a path the user named (such as Explicit), absolute,
// relative to dir, as Find does with Explicit. Windows rules apply on
// Windows, and on any system when goos is "windows" (for tests): \x is on
// dir's drive, and D:x is relative to dir on dir's own drive and an error
// on another one (whose current directory is not known here).
func AbsPath(goos, dir, p string) (string, error) {
	return explicitPath(goos == "windows" || runtime.GOOS == "windows", dir, p)
}

// explicitPath makes a path named by the user absolute, relative to dir.
// With windows set it follows Windows rules, whatever the system: a path
// rooted without a drive (\x) is on dir's drive (joining it onto dir would
// make C:\dir\x), and a drive-relative path (D:x) is relative to dir only
// on dir's own drive, an error elsewhere (the current directory of another
// drive is not known here).
func explicitPath(windows bool, dir, p string) (string, error) {
	if !windows {
		// Unix paths, on any system (so that tests run everywhere).
		if path.IsAbs(p) {
			return p, nil
		}
		return path.Join(dir, p), nil
	}
	vol := winVolumeName(p)
	rest := p[len(vol):]
	rooted := rest != "" && (rest[0] == '\\' || rest[0] == '/')
	switch {
	case vol != "" && (rooted || len(vol) > 2): // C:\x, \\server\share\x
		return p, nil
	case rooted && len(rest) > 1 && (rest[1] == '\\' || rest[1] == '/'): // \\?\C:\x, \\.\pipe\x
		return p, nil
	case rooted: // \x
		return winVolumeName(dir) + p, nil
	case vol != "": // D:x
		if !strings.EqualFold(vol, winVolumeName(dir)) {
			return "", fmt.Errorf("%s is relative to the current directory of drive %s; pass an absolute path", p, vol)
		}
		return strings.TrimRight(dir, `\/`) + `\` + rest, nil
	}
	return strings.TrimRight(dir, `\/`) + `\` + p, nil
}

// winVolumeName returns the drive (C:) or UNC share (\\server\share) that
// begins the Windows path p, or "".
func winVolumeName(p string) string {
	isSep := func(c byte) bool { return c == '\\' || c == '/' }
	if len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z') {
		return p[:2]
	}
	if len(p) >= 5 && isSep(p[0]) && isSep(p[1]) && !isSep(p[2]) && p[2] != '.' && p[2] != '?' {
		// \\server\share
		i := 3
		for i < len(p) && !isSep(p[i]) {
			i++
		}
		if i+1 < len(p) {
			j := i + 1
			for j < len(p) && !isSep(p[j]) {
				j++
			}
			if j > i+1 {
				return p[:j]
			}
		}
	}
	return ""
}
