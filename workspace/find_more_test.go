package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFindHomeAsFile: home given through another spelling (here a
// symbolic link; on Windows a different case) still stops the search and
// is still not taken as a repository root.
func TestFindHomeAsFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "top/above.code-workspace", "top/home/proj/", "top/home/.git/")
	home := filepath.Join(root, "homelink")
	if err := os.Symlink(filepath.Join(root, "top", "home"), home); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "top", "home", "proj")
	got, err := Find(FindOptions{Dir: dir, Home: home})
	if err != nil {
		t.Fatal(err)
	}
	want := Target{Path: filepath.Join(dir, "proj.code-workspace"), Kind: KindWorkspace, Root: dir, Within: dir}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if r, ok := RepoRoot(dir, home); r != dir || ok {
		t.Errorf("RepoRoot = %s, %v; want %s, false (home is not a repository root)", r, ok, dir)
	}
}

// TestFindLinks: a workspace file that is a dangling symbolic link or a
// loop of links is an error, not a reason to make a new file.
func TestFindLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := tree(t, "r/.git/", "r/sub/", "loop/.git/")
	r := filepath.Join(root, "r")
	ws := filepath.Join(r, "team.code-workspace")
	if err := os.Symlink("../dotfiles/team.code-workspace", ws); err != nil {
		t.Fatal(err)
	}
	wantDangling := "" + ws + " is a symbolic link to " + filepath.Join(root, "dotfiles", "team.code-workspace") + ", which does not exist"
	_, err := Find(FindOptions{Dir: filepath.Join(r, "sub"), Home: root, Explicit: "../team.code-workspace"})
	if err == nil || err.Error() != wantDangling {
		t.Errorf("dangling link, explicit: err = %v\nwant %s", err, wantDangling)
	}
	// Found, not named: it leads out of the work tree, so whether its
	// target exists is not looked at (that is the outside's); it is the
	// target, and reading it is refused.
	got, err := Find(FindOptions{Dir: filepath.Join(r, "sub"), Home: root})
	if err != nil || got.Path != ws || !got.Exists {
		t.Errorf("dangling link out, found: %+v, %v; want %s, existing", got, err, ws)
	}
	var oe *OutsideError
	if _, err := ReadWithin(got.Within, got.Path); !errors.As(err, &oe) || strings.Contains(err.Error(), "not exist") {
		t.Errorf("dangling link out, read: %v, want an *OutsideError", err)
	}
	// A dangling link that stays in the work tree is an error, as before.
	in := filepath.Join(root, "in")
	if err := os.MkdirAll(filepath.Join(in, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("sub/gone.code-workspace", filepath.Join(in, "in.code-workspace")); err != nil {
		t.Fatal(err)
	}
	wantIn := filepath.Join(in, "in.code-workspace") + " is a symbolic link to " + filepath.Join(in, "sub", "gone.code-workspace") + ", which does not exist"
	if _, err := Find(FindOptions{Dir: in, Home: root}); err == nil || err.Error() != wantIn {
		t.Errorf("dangling link inside: err = %v\nwant %s", err, wantIn)
	}

	loop := filepath.Join(root, "loop")
	a, b := filepath.Join(loop, "a.code-workspace"), filepath.Join(loop, "b.code-workspace")
	if err := os.Symlink("b.code-workspace", a); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.code-workspace", b); err != nil {
		t.Fatal(err)
	}
	for _, explicit := range []string{"", "a.code-workspace"} {
		got, err := Find(FindOptions{Dir: loop, Home: root, Explicit: explicit})
		if err == nil || !strings.Contains(err.Error(), "too many levels of symbolic links") {
			t.Errorf("loop, explicit %q: got %+v, %v; want an error", explicit, got, err)
		}
	}
}

// TestExplicitPath checks how --workspace is made absolute, with Windows
// rules tested on any system.
func TestExplicitPath(t *testing.T) {
	for _, tc := range []struct {
		windows   bool
		dir, p    string
		want, err string
	}{
		{false, "/home/me/p", "x.code-workspace", "/home/me/p/x.code-workspace", ""},
		{false, "/home/me/p", "/etc/x", "/etc/x", ""},
		{true, `C:\Users\me\p`, `x.code-workspace`, `C:\Users\me\p\x.code-workspace`, ""},
		{true, `C:\Users\me\p`, `D:\ws\x.code-workspace`, `D:\ws\x.code-workspace`, ""},
		{true, `C:\Users\me\p`, `\ws\x.code-workspace`, `C:\ws\x.code-workspace`, ""},
		{true, `C:\Users\me\p`, `/ws/x.code-workspace`, `C:/ws/x.code-workspace`, ""},
		{true, `\\srv\share\p`, `\ws\x`, `\\srv\share\ws\x`, ""},
		{true, `C:\Users\me\p`, `\\srv\share\x`, `\\srv\share\x`, ""},
		{true, `C:\Users\me\p`, `\\?\C:\x`, `\\?\C:\x`, ""},
		{true, `C:\Users\me\p`, `c:x`, `C:\Users\me\p\x`, ""},
		{true, `C:\Users\me\p`, `D:x`, "", `D:x is relative to the current directory of drive D:; pass an absolute path`},
	} {
		got, err := explicitPath(tc.windows, tc.dir, tc.p)
		if tc.err != "" {
			if err == nil || err.Error() != tc.err {
				t.Errorf("explicitPath(%v, %q, %q): err = %v, want %q", tc.windows, tc.dir, tc.p, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("explicitPath(%v, %q, %q) = %q, %v; want %q", tc.windows, tc.dir, tc.p, got, err, tc.want)
		}
	}
}
