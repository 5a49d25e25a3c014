package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// maxFileSize bounds what ReadFile reads: settings files are small, and a
// huge file is a mistake.
const maxFileSize = 16 << 20

// ReadFile returns the content of the file at path. A missing file gives an
// error that matches fs.ErrNotExist.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("workspace: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("workspace: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("workspace: %s is a directory", path)
	}
	if fi.Size() > maxFileSize {
		return nil, fmt.Errorf("workspace: %s is too large (%d bytes) for a settings file", path, fi.Size())
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, fmt.Errorf("workspace: %s: %w", path, err)
	}
	return buf.Bytes(), nil
}

// NewWorkspaceFile returns what VS Code writes for a new workspace file:
// JSON.stringify({folders: [{path: "."}], settings: {}}, null, "\t"), with
// no final newline.
func NewWorkspaceFile() []byte {
	return []byte("{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t],\n\t\"settings\": {}\n}")
}

// UpdateOptions controls Update.
type UpdateOptions struct {
	// Create allows a missing file (and its directory) to be created: a
	// workspace file starts as NewWorkspaceFile, a settings file empty.
	Create bool
	// DryRun does everything but write.
	DryRun bool
}

// Result tells what Update did.
type Result struct {
	// Path is the path given to Update.
	Path string
	// Before is the content before the edit (nil for a missing file);
	// After the content after it (equal to Before when nothing changed).
	Before, After []byte
	// Changed reports that After differs from Before (and was written,
	// unless DryRun).
	Changed bool
	// Created reports that the file did not exist and was (or, with
	// DryRun, would have been) created.
	Created bool
}

// Update edits the file at path under a lock: it reads the file, parses it
// (see Parse), calls fn and, only if the bytes changed, writes the result
// atomically (see WriteFileAtomic), keeping the file mode (new files get
// 0644) and writing through a symbolic link to its target. Nothing is
// written when reading, parsing or fn fails. A missing file is an error
// matching fs.ErrNotExist unless opts.Create is set; a missing directory is
// created only when there is something to write. fn is called again, on the
// fresh content, if the directory had to be created, so it must only edit
// the Document it is given.
//
// The lock serializes Update calls on files of one directory, across
// goroutines and processes: flock(2) on the directory on Unix systems, so
// that no lock file is ever left behind or stale; elsewhere, and on file
// systems without flock, a lock file <name>.lock next to the file, created
// exclusively and taken over when older than 30 seconds. Waiting for the
// lock gives up after 10 seconds.
func Update(path string, opts UpdateOptions, fn func(*Document) error) (Result, error) {
	target, err := resolveLinks(path)
	if err != nil {
		return Result{}, err
	}
	dir := filepath.Dir(target)
	for attempt := 0; attempt < 8; attempt++ {
		lockDir, err := nearestDir(dir)
		if err != nil {
			return Result{}, err
		}
		unlock, err := lock(lockDir, target)
		if err != nil {
			return Result{}, err
		}
		if again, _ := nearestDir(dir); again != lockDir {
			unlock() // the directory appeared meanwhile: lock that one
			continue
		}
		res, mkdir, err := update(path, target, opts, fn, lockDir == dir)
		if err == nil && mkdir && !opts.DryRun {
			err = os.MkdirAll(dir, 0o755)
			unlock()
			if err != nil {
				return Result{}, fmt.Errorf("workspace: %w", err)
			}
			continue // redo the edit under the new directory's lock
		}
		unlock()
		return res, err
	}
	return Result{}, fmt.Errorf("workspace: %s: the directory keeps changing; giving up", path)
}

// update does the work of Update under the lock. It returns mkdir=true,
// writing nothing, when the file must be written but its directory is
// missing.
func update(path, target string, opts UpdateOptions, fn func(*Document) error, dirExists bool) (Result, bool, error) {
	res := Result{Path: path}
	data, err := ReadFile(target)
	missing := errors.Is(err, fs.ErrNotExist)
	mode := fs.FileMode(0o644)
	switch {
	case missing && !opts.Create:
		return res, false, err
	case missing:
		if KindOf(path) == KindWorkspace {
			data = NewWorkspaceFile()
		} else {
			data = nil
		}
	case err != nil:
		return res, false, err
	default:
		res.Before = data
		if fi, err := os.Stat(target); err == nil {
			mode = fi.Mode().Perm()
		}
	}
	doc, err := Parse(path, data)
	if err != nil {
		return res, false, err
	}
	if err := fn(doc); err != nil {
		return res, false, err
	}
	after := doc.Bytes()
	if bytes.Equal(after, data) {
		res.After = res.Before
		return res, false, nil
	}
	res.After, res.Changed, res.Created = after, true, missing
	if opts.DryRun {
		return res, false, nil
	}
	if !dirExists {
		return res, true, nil
	}
	if err := WriteFileAtomic(target, after, mode); err != nil {
		return res, false, err
	}
	return res, false, nil
}

// nearestDir returns dir or its nearest existing parent.
func nearestDir(dir string) (string, error) {
	for d := dir; ; {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				return "", fmt.Errorf("workspace: %s is not a directory", d)
			}
			return d, nil
		}
		if !os.IsNotExist(err) {
			return "", fmt.Errorf("workspace: %w", err)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("workspace: %w", err)
		}
		d = parent
	}
}

// resolveLinks follows symbolic links from path to the file they name
// (which may not exist yet), so that writes replace the target and the
// link stays a link.
func resolveLinks(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("workspace: %w", err)
	}
	for i := 0; i < 40; i++ {
		fi, err := os.Lstat(p)
		if err != nil {
			if os.IsNotExist(err) {
				// The directory part may itself hold links.
				if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
					return filepath.Join(d, filepath.Base(p)), nil
				}
				return p, nil
			}
			return "", fmt.Errorf("workspace: %w", err)
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				return r, nil
			}
			return p, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", fmt.Errorf("workspace: %w", err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", fmt.Errorf("workspace: %s: too many levels of symbolic links", path)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory, synced and then renamed over path, so that readers see the old
// or the new content and never a part. The file gets mode perm. path is
// replaced as it is: callers that want to write through a symbolic link
// resolve it first (Update does).
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	dir := filepath.Dir(path)
	// The rename would replace a file the user marked read-only (it needs
	// only a writable directory): refuse what a plain write would refuse.
	switch f, err := os.OpenFile(path, os.O_WRONLY, 0); {
	case err == nil:
		f.Close()
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("workspace: %s: permission denied: the file is read-only; nothing written", path)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("workspace: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("workspace: %s: permission denied: directory %s is not writable; nothing written", path, dir)
		}
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("workspace: %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// lockTimeout bounds the wait for a lock.
const lockTimeout = 10 * time.Second

// backoff sleeps before the next attempt to take a lock: 1ms doubling to
// 10ms. An update holds the lock for about as long as an fsync takes.
func backoff(i int) {
	d := time.Millisecond << min(i, 4)
	if d > 10*time.Millisecond {
		d = 10 * time.Millisecond
	}
	time.Sleep(d)
}
