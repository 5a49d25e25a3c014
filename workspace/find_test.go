package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree creates files (empty content) and directories (names ending in /)
// under a new temporary directory and returns it.
func tree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	// Resolve /tmp links (macOS) so that paths compare equal.
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if p[len(p)-1] == '/' {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		writeFile(t, full, "{}", 0o644)
	}
	return root
}

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		files    []string
		dir      string // relative to the tree
		home     string // relative to the tree; "" = the tree itself
		explicit string
		want     Target // paths relative to the tree
		wantErr  string // with the tree replaced by $T
	}{
		{
			name:  "single file at repo root",
			files: []string{"repo/.git/", "repo/app.code-workspace", "repo/src/"},
			dir:   "repo/src",
			want:  Target{Path: "repo/app.code-workspace", Kind: KindWorkspace, Exists: true, Root: "repo"},
		},
		{
			name:  "nearest folder wins",
			files: []string{"repo/.git/", "repo/all.code-workspace", "repo/svc/api.code-workspace", "repo/svc/api/"},
			dir:   "repo/svc/api",
			want:  Target{Path: "repo/svc/api.code-workspace", Kind: KindWorkspace, Exists: true, Root: "repo"},
		},
		{
			name:  "several: the one named after the folder",
			files: []string{"shop/.git/", "shop/a.code-workspace", "shop/shop.code-workspace", "shop/z.code-workspace"},
			dir:   "shop",
			want:  Target{Path: "shop/shop.code-workspace", Kind: KindWorkspace, Exists: true, Root: "shop"},
		},
		{
			name:    "several: ambiguous",
			files:   []string{"repo/.git/", "repo/backend.code-workspace", "repo/frontend.code-workspace", "repo/x/"},
			dir:     "repo/x",
			wantErr: "$T/repo holds several workspace files (backend.code-workspace, frontend.code-workspace); pass --workspace to choose one",
		},
		{
			name:  "none: new file named after the repo root",
			files: []string{"proj/.git/", "proj/cmd/tool/"},
			dir:   "proj/cmd/tool",
			want:  Target{Path: "proj/proj.code-workspace", Kind: KindWorkspace, Root: "proj"},
		},
		{
			name:  "worktree: a .git file marks the root",
			files: []string{"all.code-workspace", "wt/.git", "wt/src/"},
			dir:   "wt/src",
			want:  Target{Path: "wt/wt.code-workspace", Kind: KindWorkspace, Root: "wt"},
		},
		{
			name:  "no search above the repo root",
			files: []string{"outer.code-workspace", "repo/.git/"},
			dir:   "repo",
			want:  Target{Path: "repo/repo.code-workspace", Kind: KindWorkspace, Root: "repo"},
		},
		{
			name:  "outside a repo: stops below home",
			files: []string{"home/me/personal.code-workspace", "home/me/scratch/notes/"},
			dir:   "home/me/scratch/notes",
			home:  "home/me",
			want:  Target{Path: "home/me/scratch/notes/notes.code-workspace", Kind: KindWorkspace, Root: "home/me/scratch/notes"},
		},
		{
			// ~/Downloads/x must not recolor ~/Downloads/all.code-workspace.
			name:  "outside a repo: parents are not searched",
			files: []string{"home/me/scratch/s.code-workspace", "home/me/scratch/notes/"},
			dir:   "home/me/scratch/notes",
			home:  "home/me",
			want:  Target{Path: "home/me/scratch/notes/notes.code-workspace", Kind: KindWorkspace, Root: "home/me/scratch/notes"},
		},
		{
			name:  "Dir is home: its parents are not searched",
			files: []string{"home/x.code-workspace", "home/me/"},
			dir:   "home/me",
			home:  "home/me",
			want:  Target{Path: "home/me/me.code-workspace", Kind: KindWorkspace, Root: "home/me"},
		},
		{
			name:  "Dir is home: home is searched",
			files: []string{"home/me/dot.code-workspace"},
			dir:   "home/me",
			home:  "home/me",
			want:  Target{Path: "home/me/dot.code-workspace", Kind: KindWorkspace, Exists: true, Root: "home/me"},
		},
		{
			name:  "outside home: parents are not searched either",
			files: []string{"srv/a.code-workspace", "srv/app/x/"},
			dir:   "srv/app/x",
			home:  "home/me",
			want:  Target{Path: "srv/app/x/x.code-workspace", Kind: KindWorkspace, Root: "srv/app/x"},
		},
		{
			name:  "home is not a repo root (dotfiles)",
			files: []string{"home/me/.git/", "home/me/code/x/"},
			dir:   "home/me/code/x",
			home:  "home/me",
			want:  Target{Path: "home/me/code/x/x.code-workspace", Kind: KindWorkspace, Root: "home/me/code/x"},
		},
		{
			name:  "a directory named like a workspace file is ignored",
			files: []string{"r/.git/", "r/odd.code-workspace/", "r/real.code-workspace"},
			dir:   "r",
			want:  Target{Path: "r/real.code-workspace", Kind: KindWorkspace, Exists: true, Root: "r"},
		},
		{
			name:     "explicit relative settings.json",
			files:    []string{"r/.git/", "r/a.code-workspace", "r/.vscode/settings.json"},
			dir:      "r",
			explicit: ".vscode/settings.json",
			want:     Target{Path: "r/.vscode/settings.json", Kind: KindSettings, Exists: true, Root: "r"},
		},
		{
			name:     "explicit missing file is to be created",
			files:    []string{"r/.git/", "r/sub/"},
			dir:      "r/sub",
			explicit: "../team.code-workspace",
			want:     Target{Path: "r/team.code-workspace", Kind: KindWorkspace, Root: "r"},
		},
		{
			name:     "explicit directory",
			files:    []string{"r/.git/", "r/sub/"},
			dir:      "r",
			explicit: "sub",
			wantErr:  "$T/r/sub is a directory; pass a .code-workspace or settings.json file",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, tc.files...)
			home := filepath.Join(root, filepath.FromSlash(tc.home))
			got, err := Find(FindOptions{Dir: filepath.Join(root, tc.dir), Home: home, Explicit: tc.explicit})
			if tc.wantErr != "" {
				want := tc.wantErr
				if err == nil {
					t.Fatalf("no error; got %+v", got)
				}
				// The paths in the message are the system's: $T/r/sub is
				// $T\r\sub on Windows.
				if msg, want := err.Error(), strings.ReplaceAll(filepath.FromSlash(want), "$T", root); msg != want {
					t.Errorf("error:\n got %s\nwant %s", msg, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			want.Path = filepath.Join(root, filepath.FromSlash(want.Path))
			want.Root = filepath.Join(root, filepath.FromSlash(want.Root))
			if tc.explicit == "" {
				want.Within = want.Root // found, not named: confined to the tree
			}
			if got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestAmbiguousError(t *testing.T) {
	root := tree(t, "r/.git/", "r/a.code-workspace", "r/b.code-workspace")
	_, err := Find(FindOptions{Dir: filepath.Join(root, "r"), Home: root})
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("err = %v, want *AmbiguousError", err)
	}
	want := []string{filepath.Join(root, "r", "a.code-workspace"), filepath.Join(root, "r", "b.code-workspace")}
	if amb.Dir != filepath.Join(root, "r") || len(amb.Candidates) != 2 || amb.Candidates[0] != want[0] || amb.Candidates[1] != want[1] {
		t.Errorf("got %+v", amb)
	}
}

func TestRepoRoot(t *testing.T) {
	root := tree(t, "home/me/.git/", "home/me/p/.git/", "home/me/p/a/b/", "home/me/q/")
	home := filepath.Join(root, "home/me")
	for _, tc := range []struct {
		dir, want string
		ok        bool
	}{
		{"home/me/p/a/b", "home/me/p", true},
		{"home/me/p", "home/me/p", true},
		{"home/me/q", "home/me/q", false},
		{"home/me", "home/me", false},
	} {
		got, ok := RepoRoot(filepath.Join(root, tc.dir), home)
		if got != filepath.Join(root, tc.want) || ok != tc.ok {
			t.Errorf("RepoRoot(%s) = %s, %v; want %s, %v", tc.dir, got, ok, tc.want, tc.ok)
		}
	}
}

func TestKindOf(t *testing.T) {
	for path, want := range map[string]Kind{
		"a/b.code-workspace":     KindWorkspace,
		"B.Code-Workspace":       KindWorkspace,
		".vscode/settings.json":  KindSettings,
		"x.code-workspace.py":    KindSettings,
		"code-workspace":         KindSettings,
		"dir.code-workspace/x.j": KindSettings,
	} {
		if got := KindOf(path); got != want {
			t.Errorf("KindOf(%q) = %v", path, got)
		}
	}
	if FolderSettingsPath("/r") != filepath.Join("/r", ".vscode", "settings.json") {
		t.Errorf("FolderSettingsPath")
	}
}

// TestSamePath: paths are compared as files when they exist (a link to a
// directory is the directory), else as cleaned names, ignoring case only
// where the file system usually does.
func TestSamePath(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	// A link this system supports: wine creates one that cannot be read
	// back (Lstat fails), as a Windows without the privilege refuses one.
	haveLink := os.Symlink(real, link) == nil
	if fi, err := os.Lstat(link); haveLink && (err != nil || fi.Mode()&fs.ModeSymlink == 0) {
		t.Logf("%s: not a usable symbolic link here (%v); the link case is not checked", link, err)
		haveLink = false
	}
	tests := []struct {
		a, b, goos string
		want       bool
	}{
		{real, real + string(filepath.Separator) + ".", "linux", true},
		{real, filepath.Join(dir, "other"), "linux", false},
		{filepath.Join(dir, "Gone"), filepath.Join(dir, "gone"), "windows", true},
		{filepath.Join(dir, "Gone"), filepath.Join(dir, "gone"), "darwin", true},
		{filepath.Join(dir, "Gone"), filepath.Join(dir, "gone"), "linux", false},
		{real, filepath.Join(dir, "REAL-not-there"), "windows", false},
	}
	if haveLink {
		tests = append(tests, struct {
			a, b, goos string
			want       bool
		}{link, real, "linux", true})
	}
	for _, tt := range tests {
		if got := SamePath(tt.a, tt.b, tt.goos); got != tt.want {
			t.Errorf("SamePath(%q, %q, %s) = %v, want %v", tt.a, tt.b, tt.goos, got, tt.want)
		}
	}
}
