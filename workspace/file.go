package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MaxFileSize is the size limit, in bytes, of the files the package reads
// and writes: 16 MiB. Settings files are small; a larger file is a mistake
// (or not a settings file), and reading it whole would waste memory.
const MaxFileSize = 16 << 20

// ReadFile returns the content of the regular file at path, following
// symbolic links. It is the package's one reader, safe on any path a user
// may name: it refuses, without reading or blocking, anything that is not
// a regular file ("PATH is a FIFO, not a regular file"; also directories,
// devices and sockets), checking the type both before opening (on Unix
// systems the file is opened non-blocking) and on the opened file, and it
// refuses a file larger than MaxFileSize ("PATH is too large (N bytes; the
// limit is 16 MiB)"), also when the file grows while it is read. A missing
// file, including a symbolic link whose target is missing (the error then
// names the target), gives an error that matches fs.ErrNotExist.
func ReadFile(path string) ([]byte, error) {
	return ReadFileLimit(path, MaxFileSize)
}

// ReadFileLimit is ReadFile with a size limit of limit bytes instead of
// MaxFileSize.
func ReadFileLimit(path string, limit int64) ([]byte, error) {
	return readFile(path, limit, 0)
}

// readFile is ReadFileLimit with room for up to extra more bytes in the
// returned slice's capacity, so that an edit in place does not copy the
// file: as many as the file holds, and at least minRoom. (Copying a small
// file costs less than clearing room it will not use: a run that changes
// nothing touched 64 KiB of fresh memory for a file of one.)
func readFile(path string, limit int64, extra int) ([]byte, error) {
	f, fi, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, fi, path, limit, extra)
}

// minRoom is the least room readFile leaves for an edit in place when
// asked for room: more than the colors `peacock set` adds to a file that
// has none (about 1.5 KB).
const minRoom = 4 << 10

// readOpen is readFile on f, the regular file at path open for reading at
// offset 0, with fi its current stat.
func readOpen(f *os.File, fi fs.FileInfo, path string, limit int64, extra int) ([]byte, error) {
	if fi.Size() > limit {
		return nil, tooLargeError(path, fi.Size(), limit)
	}
	// Room for the file, the room asked for and the bytes.MinRead free bytes
	// ReadFrom wants before each read, so that reading to the end (the
	// last read finds EOF) grows nothing.
	extra = min(extra, max(int(fi.Size()), minRoom))
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead + extra)
	n, err := buf.ReadFrom(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if n > limit {
		return nil, tooLargeError(path, n, limit)
	}
	return buf.Bytes(), nil
}

// openRegular opens the regular file at path for reading, refusing any
// other type of file before and after opening it.
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, statError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, notRegularError(path, fi.Mode())
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, statError(path, err)
	}
	fi, err = f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, nil, notRegularError(path, fi.Mode())
	}
	return f, fi, nil
}

// statError describes a failure to stat or open path: a dangling symbolic
// link names its missing target (and still matches fs.ErrNotExist).
func statError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if link, target, ok := danglingLink(path); ok {
			return &danglingError{Path: path, Link: link, Target: target}
		}
	}
	return err
}

// danglingError reports a symbolic link whose target does not exist.
type danglingError struct {
	Path, Link, Target string
}

func (e *danglingError) Error() string {
	if abs, err := filepath.Abs(e.Path); e.Link == e.Path || (err == nil && abs == e.Link) {
		return fmt.Sprintf("%s is a symbolic link to %s, which does not exist", e.Path, e.Target)
	}
	return fmt.Sprintf("%s: symbolic link %s points to %s, which does not exist", e.Path, e.Link, e.Target)
}

func (e *danglingError) Unwrap() error { return fs.ErrNotExist }

// danglingLink reports whether path, or one of its directories, is a
// symbolic link (possibly through other links) to a missing file, and
// returns that link and its missing target.
func danglingLink(path string) (link, target string, ok bool) {
	p := filepath.Clean(path)
	var rest []string
	for i := 0; i < 255; i++ {
		fi, err := os.Lstat(p)
		switch {
		case err == nil && fi.Mode()&fs.ModeSymlink != 0:
			dest, err := os.Readlink(p)
			if err != nil {
				return "", "", false
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(p), dest)
			}
			full := filepath.Join(append([]string{dest}, rest...)...)
			if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
				if l, t, ok := danglingLink(dest); ok {
					return l, t, true // a link in dest's directories
				}
				return p, dest, true
			}
			p, rest = full, nil
			continue
		case err == nil:
			return "", "", false
		case !errors.Is(err, fs.ErrNotExist):
			return "", "", false
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", "", false
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
	return "", "", false
}

// notRegularError reports a file that is not a regular file.
func notRegularError(path string, m fs.FileMode) error {
	return fmt.Errorf("%s is %s, not a regular file", path, fileType(m))
}

// fileType names the type of a file that is not a regular file.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// tooLargeError reports a file over the size limit.
func tooLargeError(path string, n, limit int64) error {
	return fmt.Errorf("%s is too large (%d bytes; the limit is %s)", path, n, sizeString(limit))
}

// sizeString writes a size limit in MiB or KiB when it is a whole number of
// them.
func sizeString(n int64) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
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
	// An existing but empty (0-byte) workspace file also starts as
	// NewWorkspaceFile, and one of only whitespace or comments gets it
	// after them.
	Create bool
	// DryRun does everything but write, and fails as the write would for
	// the reasons known without writing (see checkWritable).
	DryRun bool
	// BeforeWrite, if not nil, is called once, under the lock, right
	// before the temporary file is created: not for a dry run, nor when
	// nothing changes. A caller can arm what Context needs (a signal
	// handler, say) only when there is something to interrupt.
	BeforeWrite func()
	// InPlace lets the edit work in the buffer the file was read into
	// instead of a copy of it, which halves the memory an edit of a large
	// file needs. Result.Before is then nil (the before-content is gone)
	// unless DryRun is set, which always keeps it.
	InPlace bool
	// Context, if not nil, cancels the update: when it is done while
	// Update waits for the lock, or before the temporary file is renamed
	// over the file, Update removes its temporary file, writes nothing and
	// returns an error that wraps Context.Err() (context.Canceled or
	// context.DeadlineExceeded). Once the rename is done the update is
	// complete and the context is no longer looked at.
	Context context.Context
	// OnWait, if not nil, is called once, before Update starts waiting,
	// when another process or goroutine holds the lock on the file: path is
	// the file to be locked (links resolved) and holderPID the process
	// holding the lock, or 0 when it cannot be told (Linux tells it from
	// /proc/locks; a lock file records it). It is called on the goroutine
	// that called Update. The library never prints; a CLI can say here
	// what it is waiting for.
	OnWait func(path string, holderPID int)
	// Within, when not "", is the directory the file must lie in once
	// every symbolic link is resolved (see Within): the work tree of the
	// repository through which the file was found. A file outside it is
	// refused with an *OutsideError, writing nothing. Leave it "" only for
	// a path the user named.
	Within string
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

// Update edits the file at path under a lock: it reads the file (see
// ReadFile), parses it (see Parse), calls fn and, only if the bytes
// changed, writes the result atomically (see WriteFileAtomic, whose
// refusals apply: a read-only file, an owner or group the writer cannot
// keep, a result over MaxFileSize). Nothing is written when reading,
// parsing or fn fails, or when the edited file would be larger than
// MaxFileSize.
//
// A file with several hard links is refused with an error saying so,
// not written: replacing it by a rename would split it from its other
// names, and writing it in place would lose atomicity (a crash or a full
// disk midway would leave a truncated file shared by every name).
//
// A symbolic link is written through: its target is edited and the link
// stays a link. A link whose target (or one of whose directories) does not
// exist is an error naming the missing target, even with opts.Create: no
// file or directory is created at the end of a dangling link. A target
// that is not a regular file (a device, a FIFO, a directory) is an error.
// A missing file is an error matching fs.ErrNotExist unless opts.Create is
// set: then a workspace file starts as NewWorkspaceFile and a settings file
// empty, the new file gets mode 0666 less the umask, and a missing
// directory is created (0777 less the umask) only when there is something
// to write. With opts.Within set, a path whose links lead outside that
// directory is refused (see Within) before anything is read.
//
// Another program may write the file while Update works (an editor saving,
// in place or by a rename, takes no lock). Right before its rename, after
// the fsync, Update checks that the path still names the file it read,
// with the same size, modification time and content; if not, it redoes
// the edit on the new content (calling fn again), and gives up after 10
// tries with an error saying the file kept changing. A file read as empty,
// or that does not parse, is read again when it changed meanwhile (an
// editor saving in place truncates the file first): it is taken as empty
// only when it is still empty 50 ms later. fn is called again,
// on the fresh content, if the directory had to be created, so it must
// only edit the Document it is given.
//
// The lock covers the one file, across goroutines and processes: Update
// calls on other files, in the same directory or not, do not wait for it.
// On Unix systems it is flock(2) on the file itself (the lock goes with the
// open file, so a lock taken on a file that another writer has meanwhile
// replaced is dropped and taken again on the new one) or, while the file
// does not exist yet, on its nearest existing directory; no lock file is
// ever left behind or stale, since the kernel drops the lock when the
// process exits. On Windows it is LockFileEx on a lock file kept outside
// the project, under the user's local application data folder
// (peacock\locks, one small file per edited path, never in the
// repository), also released by the system when the process exits. On file
// systems without flock (including NFS mounts that emulate it with POSIX
// locks), on Windows when that folder cannot be used, and on other systems
// it is a lock file <name>.lock next to the file, created exclusively,
// holding the holder's process id, removed on unlock and taken over (by
// one waiter only) when older than 30 seconds. Waiting for the lock gives up after 10
// seconds with an error naming the file and, when known, the process
// holding the lock; opts.OnWait is told when a wait begins.
//
// Update must not be called for a file from within an Update (or
// WriteFileAtomic) of the same file: the second call waits for the lock
// that the first holds, and fails after 10 seconds.
func Update(path string, opts UpdateOptions, fn func(*Document) error) (Result, error) {
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	target, err := resolveWithin(opts.Within, path)
	if err != nil {
		return Result{}, err
	}
	dir := filepath.Dir(target)
	stale := 0
	for attempt := 0; attempt < 8+maxStale; attempt++ {
		unlock, held, dirExists, err := lockPath(ctx, target, opts.OnWait)
		if err != nil {
			return Result{}, linkedError(path, target, err)
		}
		res, mkdir, err := update(ctx, path, target, opts, fn, held, dirExists)
		if err == nil && mkdir && !opts.DryRun {
			err = os.MkdirAll(dir, 0o777)
			unlock()
			if err != nil {
				return Result{}, err
			}
			continue // redo the edit under the new directory's lock
		}
		unlock()
		if errors.Is(err, errChanged) {
			// Another program (an editor saving) changed the file
			// between the read and the rename: redo the edit on what
			// it wrote.
			if stale++; stale < maxStale {
				continue
			}
			return Result{}, changingError(path)
		}
		return res, linkedError(path, target, err)
	}
	return Result{}, fmt.Errorf("%s: the directory keeps changing; giving up", path)
}

// maxStale is how many times Update and EditFile redo an edit because
// another program changed the file meanwhile before they give up.
const maxStale = 10

// errChanged is what writeLocked returns, writing nothing, when the file
// it would replace is no longer the one that was read.
var errChanged = errors.New("the file changed while it was edited")

// changingError gives up on a file that another program keeps changing.
func changingError(path string) error {
	return fmt.Errorf("%s: another program kept changing the file while peacock edited it (%d tries; an editor saving?); nothing written, try again", path, maxStale)
}

// linkedError adds to err, about target, the link path that led there.
func linkedError(path, target string, err error) error {
	if err == nil || path == target {
		return err
	}
	if abs, e := filepath.Abs(path); e == nil && abs == target {
		return err
	}
	if !strings.Contains(err.Error(), target) {
		return err
	}
	return &linkError{path: path, target: target, err: err}
}

// linkError is an error about the target of the symbolic link path.
type linkError struct {
	path, target string
	err          error
}

func (e *linkError) Error() string {
	return fmt.Sprintf("%s links to %s: %s", e.path, e.target, strings.TrimPrefix(e.err.Error(), ""))
}

func (e *linkError) Unwrap() error { return e.err }

// update does the work of Update under the lock. It returns mkdir=true,
// writing nothing, when the file must be written but its directory is
// missing. held, if not nil, is the file the lock holds open, which is
// read instead of opening target again.
func update(ctx context.Context, path, target string, opts UpdateOptions, fn func(*Document) error, held *lockedFile, dirExists bool) (Result, bool, error) {
	res := Result{Path: path}
	inPlace, extra := opts.InPlace && !opts.DryRun, 0
	if inPlace {
		extra = 64 << 10 // room for the colors an edit adds
	}
	data, snap, err := readSnapshotWithin(opts.Within, path, target, held, extra)
	missing := errors.Is(err, fs.ErrNotExist)
	if err == nil && len(data) == 0 && !snap.settled(target) {
		// Read empty while another program writes it (an editor saving
		// in place truncates first): redo on what it writes.
		return res, false, errChanged
	}
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
	case !inPlace:
		res.Before = data
	}
	base := data
	if len(data) == 0 && !missing && opts.Create && KindOf(path) == KindWorkspace {
		// An empty workspace file (touch x.code-workspace) gets what VS
		// Code writes for a new one: without "folders" it opens no folder.
		data = NewWorkspaceFile()
	}
	var doc *Document
	owned := inPlace && len(data) > 0 && len(base) > 0
	var seed maphash.Seed
	var sum0 uint64
	if owned {
		// The buffer is edited in place, so remember what it held by a
		// hash: edits that cancel out (add then remove) change nothing.
		seed = maphash.MakeSeed()
		sum0 = maphash.Bytes(seed, data)
		doc, err = parseOwned(path, data)
	} else {
		doc, err = Parse(path, data)
	}
	if err == nil && doc.root < 0 && !missing && len(data) > 0 && opts.Create && KindOf(path) == KindWorkspace {
		// Only whitespace or comments: like an empty file, it gets what
		// VS Code writes for a new one (without "folders" it opens no
		// folder), after its comments.
		nd := append([]byte(nil), doc.Bytes()...)
		if last := nd[len(nd)-1]; last != '\n' && last != '\r' {
			nd = append(nd, '\n')
		}
		doc, err = Parse(path, append(nd, NewWorkspaceFile()...))
		owned = false
	}
	if err != nil {
		if !missing && !snap.unchanged(target) {
			// Read while another program wrote it: redo on what it
			// wrote rather than refuse a file that is fine.
			return res, false, errChanged
		}
		return res, false, err
	}
	if err := fn(doc); err != nil {
		return res, false, err
	}
	after := doc.Bytes()
	// Edited in place, base holds the new text too: ask the Document,
	// then the hash.
	if owned && (!doc.Modified() || len(after) == len(data) && maphash.Bytes(seed, after) == sum0) {
		res.After = after
		return res, false, nil
	}
	if !owned && bytes.Equal(after, base) {
		res.After = res.Before
		return res, false, nil
	}
	if len(after) > MaxFileSize {
		return res, false, fmt.Errorf("%s: the edited file would be too large (%d bytes; the limit is %s); nothing written",
			path, len(after), sizeString(MaxFileSize))
	}
	res.After, res.Changed, res.Created = after, true, missing
	if opts.DryRun {
		// Fail as the write would, for the reasons known without writing.
		_, err := checkWritable(target, after)
		return res, false, err
	}
	if !dirExists {
		return res, true, nil
	}
	if opts.BeforeWrite != nil {
		opts.BeforeWrite()
	}
	if err := writeLocked(ctx, target, after, 0o666, &snap, opts.Within == ""); err != nil {
		return res, false, err
	}
	return res, false, nil
}

// snapshot is what a reader saw of a file, so that the writer can tell,
// right before its rename, that the path still names that file with that
// content: no other program (an editor saving in place or by a rename)
// wrote it meanwhile.
type snapshot struct {
	fi   fs.FileInfo // nil when the file did not exist
	seed maphash.Seed
	sum  uint64
}

// readSnapshotWithin reads target (from held when not nil; see readFile
// for extra) and returns its content and snapshot; a missing file gives an
// error matching fs.ErrNotExist and the snapshot of a missing file. path's
// links led to target inside within when they were checked (within "":
// anywhere): the file read is checked to be that one (openedWithin) before
// a byte is read.
func readSnapshotWithin(within, path, target string, held *lockedFile, extra int) ([]byte, snapshot, error) {
	snap := snapshot{seed: maphash.MakeSeed()}
	f, fi := (*os.File)(nil), fs.FileInfo(nil)
	if held != nil {
		f, fi = held.f, held.fi
	} else {
		var err error
		if f, fi, err = openRegular(target); err != nil {
			return nil, snap, err
		}
		defer f.Close()
	}
	if within != "" {
		if err := openedWithin(within, path, target, f, fi); err != nil {
			return nil, snap, err
		}
	}
	data, err := readOpen(f, fi, target, MaxFileSize, extra)
	if err != nil {
		return nil, snap, err
	}
	snap.fi, snap.sum = fi, maphash.Bytes(snap.seed, data)
	return data, snap, nil
}

// unchanged reports whether path still names the file of the snapshot,
// with the same size, modification time and content (or, for a snapshot of
// a missing file, still names nothing).
func (s *snapshot) unchanged(path string) bool {
	if s.fi == nil {
		_, err := os.Lstat(path)
		return errors.Is(err, fs.ErrNotExist)
	}
	// The modification time may not tell two writes in one clock tick
	// apart: compare the content too (a read of a small file costs less
	// than the fsync before it), and stat last, so that the rename
	// follows the last look as closely as it can: a save between the read
	// and the stat changes the file's identity or its time.
	data, err := readFile(path, MaxFileSize, 0)
	if err != nil || maphash.Bytes(s.seed, data) != s.sum {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(now, s.fi) && now.Size() == s.fi.Size() && now.ModTime().Equal(s.fi.ModTime())
}

// emptyPause is how long a writer waits, on reading an existing file as
// empty, before it takes the file as empty: an editor saving in place
// truncates the file, then writes it.
const emptyPause = 50 * time.Millisecond

// testHookEmptyPause, when set by a test, replaces the sleep of emptyPause.
var testHookEmptyPause func()

// settled reports whether the file of the snapshot, read empty, is still
// empty and unchanged after emptyPause.
func (s *snapshot) settled(path string) bool {
	if testHookEmptyPause != nil {
		testHookEmptyPause()
	} else {
		time.Sleep(emptyPause)
	}
	return s.unchanged(path)
}

// checkWritable refuses what writeLocked refuses before it writes: content
// over the size cap, a target that is not a regular file, a read-only file
// (even for root), a file this process cannot open for writing, a file
// with several hard links. It returns the existing file's metadata (nil
// when it does not exist). A dry run checks this too, so that it fails as
// the real run would; what it cannot tell without writing is whether the
// directory takes a new file and the new file can get the old one's owner.
func checkWritable(path string, data []byte) (*fileMeta, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: the new content is too large (%d bytes; the limit is %s); nothing written",
			path, len(data), sizeString(MaxFileSize))
	}
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%w; nothing written", notRegularError(path, fi.Mode()))
	}
	m, err := metaOf(path, fi)
	if err != nil {
		return nil, err
	}
	// The rename would replace a file the user marked read-only (it needs
	// only a writable directory): refuse what a plain write would refuse,
	// and what root could write only by ignoring the mode.
	if m.mode&0o222 == 0 {
		return nil, readOnlyError(path)
	}
	switch err := openWriteOnly(path); {
	case err == nil:
	case errors.Is(err, fs.ErrPermission):
		return nil, readOnlyError(path)
	default:
		return nil, err
	}
	if m.nlink > 1 {
		return nil, fmt.Errorf("%s has %d hard links; replacing it would split it from the others, so nothing was written (copy the file to break the links, or edit the file the links share by hand)", path, m.nlink)
	}
	return &m, nil
}

// nearestDir returns dir or its nearest existing parent.
func nearestDir(dir string) (string, error) {
	for d := dir; ; {
		fi, err := os.Stat(d)
		if err == nil {
			if !fi.IsDir() {
				return "", fmt.Errorf("%s is not a directory", d)
			}
			return d, nil
		}
		if !os.IsNotExist(err) {
			return "", err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", err
		}
		d = parent
	}
}

// resolveLinks follows symbolic links from path to the absolute path of the
// file they name, so that writes replace the target and the link stays a
// link. A missing path is resolved through the links of its directories;
// a dangling link, in the path or its directories, is an error naming the
// missing target.
func resolveLinks(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	last := ""
	for i := 0; i < 40; i++ {
		fi, err := os.Lstat(p)
		if err != nil {
			if !os.IsNotExist(err) {
				return "", err
			}
			if link, target, ok := danglingLink(p); ok {
				return "", &danglingError{Path: path, Link: link, Target: target}
			}
			if last != "" {
				return "", &danglingError{Path: path, Link: last, Target: p}
			}
			// The directory part may itself hold links.
			d, err := nearestDir(filepath.Dir(p))
			if err != nil {
				return p, nil
			}
			r, err := filepath.EvalSymlinks(d)
			if err != nil {
				return "", err
			}
			rel, err := filepath.Rel(d, p)
			if err != nil {
				return p, nil
			}
			return filepath.Join(r, rel), nil
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			r, err := evalNotLink(p)
			if err != nil {
				return "", err
			}
			return r, nil
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = joinLink(filepath.Dir(p), link)
		}
		last, p = p, link
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// joinLink returns where the relative link text rel, found in the
// directory dir, leads, as the system follows it: each name of rel is
// taken from the directory the names before it lead to, with their links
// resolved, so that ".." after a link is that link target's parent (a
// link sub/../x with sub -> ../elsewhere/deep names ../elsewhere/x, where
// joining the names as text would give x). Its last name is joined as it
// is (the caller follows it). A name that cannot be resolved (missing)
// ends the walk: the rest is joined as text.
func joinLink(dir, rel string) string {
	names := strings.Split(rel, string(filepath.Separator))
	if filepath.Separator != '/' {
		names = strings.FieldsFunc(rel, func(r rune) bool { return r == '/' || r == filepath.Separator })
	}
	if !slices.Contains(names, "..") {
		return filepath.Join(dir, rel) // no ".." that a link could change
	}
	d, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return filepath.Join(dir, rel)
	}
	for i, n := range names[:len(names)-1] {
		switch n {
		case "", ".":
			continue
		case "..":
			d = filepath.Dir(d)
			continue
		}
		d = filepath.Join(d, n)
		r, err := filepath.EvalSymlinks(d)
		if err != nil {
			return filepath.Join(append([]string{d}, names[i+1:]...)...)
		}
		d = r
	}
	return filepath.Join(d, names[len(names)-1])
}

// WriteFileAtomic writes data to the file at path, atomically: it takes the
// lock that Update takes, writes a temporary file in the same directory,
// syncs it and renames it over the file, so that readers see the old or
// the new content and never a part. A symbolic link is written through
// (the link stays; a dangling link is an error naming its missing target,
// and nothing is created). A new file gets mode perm less the umask; an
// existing file
// keeps its mode, including the setuid, setgid and sticky bits, and its
// owner and group (perm is then not used).
//
// Nothing is written, and an error says why, when: the path is not a
// regular file; the file is read-only, by its mode bits (no write bit set,
// checked even for root, who could otherwise replace it) or for this
// user; the file has several hard links (replacing one name would split it
// from the others, so the file is refused rather than rewritten in place,
// which would not be atomic); the writer cannot give the new file the
// original owner and group (on Unix systems, for a non-root writer, a file
// owned by someone else or by a group the writer is not in); data is
// larger than MaxFileSize; the directory is not writable.
//
// The temporary file is named .<name>.peacock-tmp-<digits>. One left
// behind by a writer that was killed is removed by the next writer of the
// same file, under the lock (by WriteFileAtomic, and by Update and
// EditFile without Within: a file found through a repository never makes
// peacock delete a file beside it, which a repository may have committed
// under such a name). On Windows a rename refused because another
// process has the file open is retried for about 2 seconds.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	target, err := resolveLinks(path)
	if err != nil {
		return err
	}
	unlock, _, _, err := lockPath(context.Background(), target, nil)
	if err != nil {
		return linkedError(path, target, err)
	}
	defer unlock()
	return linkedError(path, target, writeLocked(context.Background(), target, data, perm, nil, true))
}

// tempMarker is what the names of temporary files hold after the name of
// the file they replace: .<name>.peacock-tmp-<digits>.
const tempMarker = ".peacock-tmp-"

// testHookBeforeRename, when set by a test, is called with the temporary
// file's name just before the rename.
var testHookBeforeRename func(tmp string)

// writeLocked writes data to path (links resolved) through a temporary file
// and a rename; the caller holds the lock. sweep removes the temporary
// files killed writers of path left (removeStaleTemps): only for a path
// the user named or a per-user file, never for a file found through a
// repository (Within set), where a committed file may bear such a name
// and a hook must not delete it.
func writeLocked(ctx context.Context, path string, data []byte, perm fs.FileMode, snap *snapshot, sweep bool) error {
	dir := filepath.Dir(path)
	meta, err := checkWritable(path, data)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w; nothing written", path, err)
	}
	if sweep {
		removeStaleTemps(dir, filepath.Base(path))
	}
	// A new file gets perm less the umask, as the system gives it at
	// creation; a replacement gets the old file's mode, set below.
	createPerm := perm
	if meta != nil {
		createPerm = 0o600
	}
	f, err := createTemp(dir, "."+filepath.Base(path)+tempMarker, createPerm)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%s: permission denied: directory %s is not writable; nothing written", path, dir)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if meta != nil {
		if err := chownLike(f, *meta); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is the temporary file's
			}
			return fail(fmt.Errorf("%s belongs to %s, and this process cannot give the new file that owner and group (%w); nothing written",
				path, meta.owner(), err))
		}
	}
	if _, err := f.Write(data); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if meta != nil {
		if err := f.Chmod(meta.mode); err != nil {
			return fail(fmt.Errorf("%s: %w", path, err))
		}
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if testHookBeforeRename != nil {
		testHookBeforeRename(tmp)
	}
	if err := ctx.Err(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w; nothing written", path, err)
	}
	if snap != nil && !snap.unchanged(path) {
		// Another program wrote the file since it was read: renaming
		// now would replace its content with an edit of the old one.
		os.Remove(tmp)
		return errChanged
	}
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// readOnlyError refuses to replace a read-only file.
func readOnlyError(path string) error {
	return fmt.Errorf("%s: permission denied: the file is read-only; nothing written", path)
}

// removeStaleTemps removes the temporary files of the file named name in
// dir (.<name>.peacock-tmp-<digits>, regular files only), left by writers
// that were killed before they could. The caller holds the file's lock, so
// no live writer of that file has one.
func removeStaleTemps(dir, name string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + name + tempMarker
	for _, e := range ents {
		n := e.Name()
		if !strings.HasPrefix(n, prefix) || !e.Type().IsRegular() {
			continue
		}
		digits := n[len(prefix):]
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		os.Remove(filepath.Join(dir, n))
	}
}

// createTemp creates a new file in dir named prefix followed by digits,
// opened for writing with mode perm (less the umask), as os.CreateTemp
// does with mode 0600.
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

// EditOptions controls EditFile.
type EditOptions struct {
	// Within, when not "", is the directory the file must lie in once
	// every symbolic link is resolved, as UpdateOptions.Within: a file
	// outside it is an *OutsideError and nothing is written.
	Within string
	// Perm is the mode of a new file, less the umask: 0o666 when zero
	// (0o777 for a script). An existing file keeps its mode.
	Perm fs.FileMode
	// MkdirAll creates the file's missing directories (mode 0777 less the
	// umask) when there is something to write.
	MkdirAll bool
	// DryRun does everything but write.
	DryRun bool
}

// EditFile is Update for a file that is not JSONC, such as git's
// info/exclude or a hook script: under the file's lock (the lock Update
// takes) it reads the file, calls fn with its content (nil and exists
// false when it does not exist) and, when fn returns other bytes, writes
// them as WriteFileAtomic does, with the same refusals. As in Update, the
// write is checked before its rename: if another program changed the file
// since it was read, the edit is done again on the new content (fn is
// called again, so it must depend only on what it is given), a few times,
// then given up with an error. Links are written through, and with
// opts.Within set a file whose links lead outside that directory is
// refused (see Within). It reports whether the file was (or, with DryRun,
// would have been) written.
func EditFile(path string, opts EditOptions, fn func(data []byte, exists bool) ([]byte, error)) (bool, error) {
	target, err := resolveWithin(opts.Within, path)
	if err != nil {
		return false, err
	}
	perm := opts.Perm
	if perm == 0 {
		perm = 0o666
	}
	ctx := context.Background()
	stale := 0
	for attempt := 0; attempt < 8+maxStale; attempt++ {
		unlock, held, dirExists, err := lockPath(ctx, target, nil)
		if err != nil {
			return false, linkedError(path, target, err)
		}
		changed, mkdir, err := editLocked(target, opts, perm, fn, held, dirExists)
		unlock()
		switch {
		case err == nil && mkdir:
			if err := os.MkdirAll(filepath.Dir(target), 0o777); err != nil {
				return false, err
			}
			continue
		case errors.Is(err, errChanged):
			if stale++; stale < maxStale {
				continue
			}
			return false, changingError(path)
		}
		return changed, linkedError(path, target, err)
	}
	return false, fmt.Errorf("%s: the directory keeps changing; giving up", path)
}

// editLocked does the work of EditFile under the lock.
func editLocked(target string, opts EditOptions, perm fs.FileMode, fn func([]byte, bool) ([]byte, error), held *lockedFile, dirExists bool) (changed, mkdir bool, err error) {
	data, snap, err := readSnapshotWithin(opts.Within, target, target, held, 0)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, false, err
	}
	if exists && len(data) == 0 && !snap.settled(target) {
		return false, false, errChanged
	}
	after, err := fn(data, exists)
	if err != nil {
		return false, false, err
	}
	if exists && bytes.Equal(after, data) {
		return false, false, nil
	}
	if opts.DryRun {
		_, err := checkWritable(target, after)
		return true, false, err
	}
	if !dirExists {
		if !opts.MkdirAll {
			return false, false, fmt.Errorf("%s: the directory %s does not exist", target, filepath.Dir(target))
		}
		return false, true, nil
	}
	return true, false, writeLocked(context.Background(), target, after, perm, &snap, opts.Within == "")
}
