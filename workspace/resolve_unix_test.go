//go:build unix

package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// evalNotLink gives what filepath.EvalSymlinks gives, through directory
// links of every kind.
func TestEvalNotLinkMatchesEvalSymlinks(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "real", "sub", "deep"), 0o755))
	for _, f := range []string{"real/a.json", "real/sub/b.json", "real/sub/deep/c.json"} {
		must(os.WriteFile(filepath.Join(root, f), nil, 0o644))
	}
	links := map[string]string{
		"abs":       filepath.Join(root, "real"),
		"rel":       "real",
		"dotdot":    "real/sub/..",
		"up":        "real/sub/deep/../..",
		"chain":     "rel",
		"real/back": "..",
		"real/self": ".",
		"real/s2":   "sub/deep",
		"slash":     "/",
		"trailing":  "real/sub/",
	}
	for name, dest := range links {
		must(os.Symlink(dest, filepath.Join(root, name)))
	}
	var paths []string
	must(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		paths = append(paths, p)
		return nil
	}))
	for name := range links {
		for _, rest := range []string{"a.json", "sub/b.json", "sub/deep/c.json", "b.json", "c.json", "real/a.json", "back/a.json", "self/s2/c.json", "tmp", "s2"} {
			paths = append(paths, filepath.Join(root, name, rest))
		}
	}
	paths = append(paths, "/", "/tmp", root)
	checked := 0
	for _, p := range paths {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
			continue
		}
		checked++
		got, gerr := evalNotLink(p)
		want, werr := filepath.EvalSymlinks(p)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("evalNotLink(%s) = %q, %v; EvalSymlinks gives %q, %v", p, got, gerr, want, werr)
		}
	}
	if checked < 30 {
		t.Fatalf("only %d paths checked", checked)
	}
}
