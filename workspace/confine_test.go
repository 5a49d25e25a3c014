package workspace

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestWithin: every link of a path is resolved before it is compared with
// the root, in the file and in its directories, for existing and missing
// files, and the root is compared resolved too. A refusal returns no
// target and names where the links first lead out.
func TestWithin(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/", "repo/sub/", "repo/in.json", "outside/x.json", "outside/dir/")
	repo := filepath.Join(root, "repo")
	link := func(name, to string) {
		t.Helper()
		if err := os.Symlink(to, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("repo/abs.code-workspace", filepath.Join(root, "outside", "x.json"))
	link("repo/sub/rel.code-workspace", "../../outside/x.json")
	link("repo/inner.code-workspace", "in.json")
	link("repo/.vscode", "../outside/dir")
	link("repo/up", "..")
	link("repolink", "repo")
	tests := []struct {
		path, target string
		outside      bool
	}{
		{"repo/in.json", "repo/in.json", false},
		{"repo/inner.code-workspace", "repo/in.json", false},
		{"repo/new.code-workspace", "repo/new.code-workspace", false},
		{"repo/abs.code-workspace", "outside/x.json", true},
		{"repo/sub/rel.code-workspace", "outside/x.json", true},
		{"repo/.vscode/settings.json", "outside/dir/settings.json", true}, // missing, through a linked directory
		{"repo/up/outside/x.json", "outside/x.json", true},
		{"repolink/in.json", "repo/in.json", false},
	}
	for _, tc := range tests {
		got, err := Within(repo, filepath.Join(root, tc.path))
		want := filepath.Join(root, tc.target)
		if !tc.outside && got != want || tc.outside && got != "" {
			t.Errorf("Within(%s) = %s, want %s", tc.path, got, want)
		}
		var oe *OutsideError
		if errors.As(err, &oe) != tc.outside {
			t.Errorf("Within(%s): error %v, want outside=%v", tc.path, err, tc.outside)
			continue
		}
		if tc.outside && (oe.Target != want || oe.Root != repo) {
			t.Errorf("Within(%s): %+v", tc.path, oe)
		}
	}
	// The root itself reached through a link.
	if _, err := Within(filepath.Join(root, "repolink"), filepath.Join(root, "repo", "in.json")); err != nil {
		t.Errorf("root through a link: %v", err)
	}
}

// TestUpdateWithin: Update and EditFile refuse a file whose links lead
// outside Within, writing nothing (and creating nothing), and write one
// inside.
func TestUpdateWithin(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/", "outside/dir/")
	repo := filepath.Join(root, "repo")
	out := filepath.Join(root, "outside", "x.json")
	writeFile(t, out, "{}\n", 0o644)
	if err := os.Symlink("../outside/x.json", filepath.Join(repo, "a.code-workspace")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../outside/dir", filepath.Join(repo, ".vscode")); err != nil {
		t.Fatal(err)
	}
	set := func(d *Document) error { return d.SetSetting("peacock.color", "red") }
	var oe *OutsideError
	if _, err := Update(filepath.Join(repo, "a.code-workspace"), UpdateOptions{Within: repo}, set); !errors.As(err, &oe) {
		t.Errorf("Update through a link out: %v", err)
	}
	if _, err := Update(filepath.Join(repo, ".vscode", "settings.json"), UpdateOptions{Within: repo, Create: true}, set); !errors.As(err, &oe) {
		t.Errorf("Update through a linked directory: %v", err)
	}
	if _, err := EditFile(filepath.Join(repo, "a.code-workspace"), EditOptions{Within: repo}, func(b []byte, _ bool) ([]byte, error) {
		return append(b, 'x'), nil
	}); !errors.As(err, &oe) {
		t.Errorf("EditFile through a link out: %v", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "{}\n" {
		t.Errorf("outside file changed: %q", got)
	}
	if _, err := os.Stat(filepath.Join(root, "outside", "dir", "settings.json")); !os.IsNotExist(err) {
		t.Errorf("a file was created outside: %v", err)
	}
	// Without Within (a path the user named) the link is written through.
	if _, err := Update(filepath.Join(repo, "a.code-workspace"), UpdateOptions{}, set); err != nil {
		t.Fatal(err)
	}
	// Inside: written.
	in := filepath.Join(repo, "sub", "b.code-workspace")
	if _, err := Update(in, UpdateOptions{Within: repo, Create: true}, set); err != nil {
		t.Fatal(err)
	}
}

// TestEditFile: a missing file (and its directory, with MkdirAll) is
// created, an unchanged result writes nothing, an edit keeps the mode.
func TestEditFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "info", "exclude")
	add := func(b []byte, _ bool) ([]byte, error) { return append(append([]byte(nil), b...), "x\n"...), nil }
	if _, err := EditFile(p, EditOptions{}, add); err == nil {
		t.Error("missing directory without MkdirAll: no error")
	}
	changed, err := EditFile(p, EditOptions{MkdirAll: true}, add)
	if err != nil || !changed {
		t.Fatalf("create: %v %v", changed, err)
	}
	if err := os.Chmod(p, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := EditFile(p, EditOptions{}, add); err != nil {
		t.Fatal(err)
	}
	changed, err = EditFile(p, EditOptions{}, func(b []byte, exists bool) ([]byte, error) { return b, nil })
	if err != nil || changed {
		t.Errorf("same bytes: changed=%v err=%v", changed, err)
	}
	got, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(got) != "x\nx\n" || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640) {
		t.Errorf("got %q mode %v", got, fi.Mode())
	}
}

// TestLockTimeoutMessage: a flock may be any program's, so its time-out
// does not say "another peacock"; a lock file is peacock's own.
func TestLockTimeoutMessage(t *testing.T) {
	past := time.Now().Add(-time.Second)
	w := &waiter{ctx: context.Background(), path: "/p/w.code-workspace", deadline: past}
	err := w.wait(func() int { return 42 }, "")
	want := "/p/w.code-workspace: timed out after 10s waiting for the lock on the file, which another program holds (process 42 holds the lock)"
	if err == nil || err.Error() != want {
		t.Errorf("flock:\n got %v\nwant %s", err, want)
	}
	w = &waiter{ctx: context.Background(), path: "/p/w.code-workspace", deadline: past}
	err = w.wait(func() int { return 0 }, " (remove /p/w.code-workspace.lock if no peacock is running)")
	want = "/p/w.code-workspace: timed out after 10s waiting for another peacock to finish (remove /p/w.code-workspace.lock if no peacock is running)"
	if err == nil || err.Error() != want {
		t.Errorf("lock file:\n got %v\nwant %s", err, want)
	}
}

// TestWithinGitDir: a work-tree path whose links lead into a .git below the
// root (any case) is refused, naming that git directory; the git directory
// as the root takes its own files; a name that only starts with .git is a
// work-tree file.
func TestWithinGitDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/hooks/", "repo/.git/config", "repo/sub/.GIT/", "repo/.github/")
	repo := filepath.Join(root, "repo")
	for _, l := range [][2]string{{"repo/cfg.json", ".git/config"}, {"repo/.vscode", ".git"}, {"repo/h", ".git/hooks"}} {
		if err := os.Symlink(l[1], filepath.Join(root, l[0])); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ path, gitDir string }{
		{"repo/cfg.json", "repo/.git"},
		{"repo/.vscode/settings.json", "repo/.git"},
		{"repo/h/post-checkout", "repo/.git"},
		{"repo/sub/.GIT/x", "repo/sub/.GIT"},
		{"repo/.github/x.json", ""},
		{"repo/.gitignore", ""},
	} {
		_, err := Within(repo, filepath.Join(root, tc.path))
		var oe *OutsideError
		switch {
		case tc.gitDir == "" && err != nil:
			t.Errorf("Within(%s): %v, want nil", tc.path, err)
		case tc.gitDir != "" && (!errors.As(err, &oe) || oe.GitDir != filepath.Join(root, tc.gitDir)):
			t.Errorf("Within(%s): %v, want inside the git directory %s", tc.path, err, tc.gitDir)
		}
	}
	if _, err := Within(filepath.Join(repo, ".git"), filepath.Join(repo, "h", "post-checkout")); err != nil {
		t.Errorf("Within(.git, hooks/post-checkout): %v", err)
	}
}

// TestRelInside: a path is inside a directory when it is the directory or
// lies below it as names; "..x" is a name, not the parent.
func TestRelInside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "repo")
	for _, tt := range []struct {
		p    string
		rel  string
		want bool
	}{
		{dir, ".", true},
		{filepath.Join(dir, "a", "b.json"), filepath.Join("a", "b.json"), true},
		{filepath.Join(dir, "..x.code-workspace"), "..x.code-workspace", true},
		{filepath.Dir(dir), "..", false},
		{filepath.Join(filepath.Dir(dir), "other", "f"), filepath.Join("..", "other", "f"), false},
		{"relative", "", false},
	} {
		rel, ok := RelInside(dir, tt.p)
		if ok != tt.want || (tt.rel != "" && rel != tt.rel) {
			t.Errorf("RelInside(%s, %s) = %q, %v; want %q, %v", dir, tt.p, rel, ok, tt.rel, tt.want)
		}
	}
}

// TestReadWithin: a file found through a work tree is read only when its
// links lead inside the root and not into its .git; a refusal is an
// *OutsideError with Read set whose message says nothing was read and
// holds none of the file's bytes. Root "" (a path the user named) reads
// anywhere; a missing file is fs.ErrNotExist, as for ReadFile.
func TestReadWithin(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/", "repo/sub/", "outside/dir/")
	repo := filepath.Join(root, "repo")
	const secret = "SECRET-MARKER"
	writeFile(t, filepath.Join(root, "outside", "x.json"), `{"settings": {"peacock.color": `+secret+`}}`, 0o644)
	writeFile(t, filepath.Join(root, "outside", "dir", "settings.json"), `{"t": "`+secret+`"}`, 0o644)
	writeFile(t, filepath.Join(repo, ".git", "settings.json"), `{"t": "`+secret+`"}`, 0o644)
	writeFile(t, filepath.Join(repo, "sub", "real.code-workspace"), `{"in": 1}`, 0o644)
	link := func(name, to string) {
		t.Helper()
		if err := os.Symlink(to, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("repo/abs.code-workspace", filepath.Join(root, "outside", "x.json"))
	link("repo/sub/rel.code-workspace", "../../outside/x.json")
	link("repo/in.code-workspace", "sub/real.code-workspace")
	link("repo/.vscode", "../outside/dir")
	link("repo/g", ".git")
	tests := []struct {
		path    string
		want    string // content, when read
		outside bool
		gitDir  bool
		missing bool
	}{
		{path: "repo/in.code-workspace", want: `{"in": 1}`},
		{path: "repo/sub/real.code-workspace", want: `{"in": 1}`},
		{path: "repo/abs.code-workspace", outside: true},
		{path: "repo/sub/rel.code-workspace", outside: true},
		{path: "repo/.vscode/settings.json", outside: true},
		{path: "repo/g/settings.json", outside: true, gitDir: true},
		{path: "repo/.git/settings.json", outside: true, gitDir: true},
		{path: "repo/none.code-workspace", missing: true},
		{path: "repo/.vscode/none.json", outside: true}, // missing, but outside: refused all the same
	}
	for _, tc := range tests {
		path := filepath.Join(root, tc.path)
		data, err := ReadWithin(repo, path)
		var oe *OutsideError
		switch {
		case tc.outside:
			if !errors.As(err, &oe) || !oe.Read || (oe.GitDir != "") != tc.gitDir || data != nil {
				t.Errorf("ReadWithin(%s) = %q, %v; want a read refusal (git dir %v)", tc.path, data, err, tc.gitDir)
				continue
			}
			if msg := err.Error(); !strings.HasSuffix(msg, "so nothing was read") || strings.Contains(msg, secret) || !strings.HasPrefix(msg, path+" leads to ") {
				t.Errorf("ReadWithin(%s): message %q", tc.path, msg)
			}
			if err := CheckRead(repo, path); !errors.As(err, &oe) || !oe.Read {
				t.Errorf("CheckRead(%s) = %v, want the read refusal", tc.path, err)
			}
		case tc.missing:
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("ReadWithin(%s): %v, want not exist", tc.path, err)
			}
		default:
			if err != nil || string(data) != tc.want {
				t.Errorf("ReadWithin(%s) = %q, %v; want %q", tc.path, data, err, tc.want)
			}
			if err := CheckRead(repo, path); err != nil {
				t.Errorf("CheckRead(%s) = %v", tc.path, err)
			}
		}
		// Named by the user (root ""): read wherever it leads.
		if tc.outside && !tc.missing {
			if _, err := os.Stat(path); err == nil {
				if data, err := ReadWithin("", path); err != nil || !strings.Contains(string(data), secret) {
					t.Errorf(`ReadWithin("", %s) = %q, %v; want the file`, tc.path, data, err)
				}
			}
		}
	}
	// The write refusal keeps its own words.
	_, err := Within(repo, filepath.Join(repo, "abs.code-workspace"))
	if err == nil || !strings.HasSuffix(err.Error(), "so nothing was written") {
		t.Errorf("Within: %v", err)
	}
}

// TestWithinReadsNoOutsideLink: a path whose links lead out of the root is
// refused where they first leave it, and the links found there (outside)
// are not read: neither where they lead nor whether their target exists
// shows in the error (they are an outside file's content). In-tree chains
// are followed link by link, and a chain into .git is refused as such.
func TestWithinReadsNoOutsideLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/", "repo/sub/", "outside/")
	repo := filepath.Join(root, "repo")
	const secret = "SECRETLINKTARGET"
	link := func(name, to string) {
		t.Helper()
		if err := os.Symlink(to, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(root, secret+"file"), "{}", 0o644)
	link("outside/link", "../"+secret+"file")               // an outside link to an existing file
	link("outside/dangling", "/nonexistent/"+secret)        // an outside link to nothing
	link("outside/dirlink", "../"+secret+"dir")             // an outside directory link to nothing
	link("repo/a.code-workspace", "../outside/link")        // straight out
	link("repo/sub/b", "../c")                              // in-tree chain ...
	link("repo/c", "sub/../../outside/dangling")            // ... then out
	link("repo/d.code-workspace", "sub/b")                  // through the chain
	link("repo/.vscode", "../outside/dirlink")              // a directory out
	link("repo/g", "sub/h")                                 // in-tree chain ...
	link("repo/sub/h", "../.git")                           // ... into .git
	link("repo/e.code-workspace", filepath.Join(repo, "c")) // an absolute link to an in-tree link
	tests := []struct{ path, at, gitDir string }{
		{"repo/a.code-workspace", "outside/link", ""},
		{"repo/d.code-workspace", "outside/dangling", ""},
		{"repo/.vscode/settings.json", "outside/dirlink/settings.json", ""},
		{"repo/g/config", "repo/.git/config", "repo/.git"},
		{"repo/e.code-workspace", "outside/dangling", ""},
	}
	// Out and back in (as /tmp -> /private/tmp on macOS): read, as before.
	link("outside/back", "../repo")
	writeFile(t, filepath.Join(repo, "sub", "real.json"), "{}", 0o644)
	link("repo/f.code-workspace", filepath.Join(root, "outside", "back", "sub", "real.json"))
	if data, err := ReadWithin(repo, filepath.Join(repo, "f.code-workspace")); err != nil || string(data) != "{}" {
		t.Errorf("out and back in: %q, %v", data, err)
	}
	for _, tc := range tests {
		for _, read := range []bool{false, true} {
			var err error
			if read {
				_, err = ReadWithin(repo, filepath.Join(root, tc.path))
			} else {
				_, err = Within(repo, filepath.Join(root, tc.path))
			}
			var oe *OutsideError
			if !errors.As(err, &oe) || oe.Read != read {
				t.Errorf("%s (read %v): %v, want an *OutsideError", tc.path, read, err)
				continue
			}
			if want := filepath.Join(root, tc.at); oe.Target != want {
				t.Errorf("%s: leads to %s, want %s", tc.path, oe.Target, want)
			}
			if want := filepath.Join(root, tc.gitDir); tc.gitDir != "" && oe.GitDir != want {
				t.Errorf("%s: git dir %q, want %s", tc.path, oe.GitDir, want)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "not exist") {
				t.Errorf("%s: %v: shows an outside link's content", tc.path, err)
			}
		}
	}
	// The same files, updated and edited: refused the same way.
	for _, tc := range tests {
		path := filepath.Join(root, tc.path)
		_, err := Update(path, UpdateOptions{Within: repo, Create: true}, func(*Document) error { return nil })
		if err == nil || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "not exist") {
			t.Errorf("Update(%s): %v", tc.path, err)
		}
		_, err = EditFile(path, EditOptions{Within: repo, MkdirAll: true}, func(b []byte, _ bool) ([]byte, error) { return append(b, 'x'), nil })
		if err == nil || strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "not exist") {
			t.Errorf("EditFile(%s): %v", tc.path, err)
		}
	}
}

// TestWithinRace: a link changed after the check and before the file is
// opened (another program on the machine racing peacock) makes the read
// fail saying the file changed, for ReadWithin and for Update, and no byte
// of the outside file it now leads to is read or shown: the final file
// replaced by a link out is caught everywhere (it is no longer the file
// checked), a directory of the path replaced by a link out where the
// system names the file a descriptor holds (Linux).
func TestWithinRace(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	const secret = "SECRET-RACE"
	for _, swap := range []string{"file", "dir"} {
		if swap == "dir" && runtime.GOOS != "linux" {
			continue
		}
		for _, op := range []string{"read", "update"} {
			root := tree(t, "repo/.git/", "repo/sub/", "outside/sub/")
			repo := filepath.Join(root, "repo")
			writeFile(t, filepath.Join(repo, "sub", "real.code-workspace"), `{"settings": {}}`, 0o644)
			writeFile(t, filepath.Join(root, "outside", "sub", "real.code-workspace"), `{"settings": {"peacock.color": `+secret+`}}`, 0o644)
			path := filepath.Join(repo, "a.code-workspace")
			if err := os.Symlink("sub/real.code-workspace", path); err != nil {
				t.Fatal(err)
			}
			testHookWithin = func(p string) {
				if p != path {
					return
				}
				testHookWithin = nil
				var err error
				if swap == "file" {
					f := filepath.Join(repo, "sub", "real.code-workspace")
					if err = os.Remove(f); err == nil {
						err = os.Symlink(filepath.Join(root, "outside", "sub", "real.code-workspace"), f)
					}
				} else if err = os.Rename(filepath.Join(repo, "sub"), filepath.Join(repo, "sub.old")); err == nil {
					err = os.Symlink(filepath.Join(root, "outside", "sub"), filepath.Join(repo, "sub"))
				}
				if err != nil {
					t.Error(err)
				}
			}
			var err error
			if op == "read" {
				var data []byte
				data, err = ReadWithin(repo, path)
				if strings.Contains(string(data), secret) {
					t.Errorf("%s swap, %s: read the outside file", swap, op)
				}
			} else {
				_, err = Update(path, UpdateOptions{Within: repo}, func(d *Document) error { return d.SetSetting("x", 1) })
			}
			testHookWithin = nil
			// (Update may meet the swapped file first as the link it is
			// now, when it locks it: refused all the same.)
			if err == nil || op == "read" && !strings.Contains(err.Error(), "changed while peacock checked where its links lead") || strings.Contains(err.Error(), secret) {
				t.Errorf("%s swap, %s: %v, want the changed error", swap, op, err)
			}
			if got, _ := os.ReadFile(filepath.Join(root, "outside", "sub", "real.code-workspace")); !strings.Contains(string(got), secret) || strings.Contains(string(got), `"x"`) {
				t.Errorf("%s swap, %s: outside file now %q", swap, op, got)
			}
		}
	}
}

// TestLinkDotDot: ".." in a link's text after a link is the parent of
// that link's target, as the system follows it, for the check and for the
// file read and written: a -> sub/../x with sub -> ../outside/deep is
// <outside>/x, refused as outside (before, peacock took it for repo/x,
// refused reads as "changed" and wrote repo/x, another file than the
// link's). A ".." that names a directory of the tree stays in.
func TestLinkDotDot(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "repo/.git/", "repo/in/deep/", "outside/deep/")
	repo := filepath.Join(root, "repo")
	writeFile(t, filepath.Join(root, "outside", "x"), `{"settings": {"peacock.color": SECRET}}`, 0o644)
	writeFile(t, filepath.Join(repo, "x"), `{}`, 0o644)
	writeFile(t, filepath.Join(repo, "in", "y"), `{"y": 1}`, 0o644)
	link := func(name, to string) {
		t.Helper()
		if err := os.Symlink(to, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	link("repo/sub", "../outside/deep")
	link("repo/a.code-workspace", "sub/../x")
	link("repo/down", "in/deep")
	link("repo/b.code-workspace", "down/../y")
	link("repo/c.code-workspace", "down/..")
	if got, err := Resolve(filepath.Join(repo, "a.code-workspace")); err != nil || got != filepath.Join(root, "outside", "x") {
		t.Errorf("Resolve(a) = %s, %v; want outside/x", got, err)
	}
	for _, read := range []bool{false, true} {
		var err error
		if read {
			_, err = ReadWithin(repo, filepath.Join(repo, "a.code-workspace"))
		} else {
			_, err = Update(filepath.Join(repo, "a.code-workspace"), UpdateOptions{Within: repo}, func(d *Document) error { return d.SetSetting("z", 1) })
		}
		var oe *OutsideError
		if !errors.As(err, &oe) || strings.Contains(err.Error(), "SECRET") {
			t.Errorf("a (read %v): %v, want an *OutsideError", read, err)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(repo, "x")); string(got) != "{}" {
		t.Errorf("repo/x written: %q", got)
	}
	data, err := ReadWithin(repo, filepath.Join(repo, "b.code-workspace"))
	if err != nil || string(data) != `{"y": 1}` {
		t.Errorf("b: %q, %v; want in/y", data, err)
	}
	if got, err := Resolve(filepath.Join(repo, "c.code-workspace")); err != nil || got != filepath.Join(repo, "in") {
		t.Errorf("Resolve(c) = %s, %v; want in", got, err)
	}
}
