package workspace

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, content string, mode fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dirNames lists a directory, to catch temporary or lock files left behind.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func setColor(c string) func(*Document) error {
	return func(d *Document) error { return d.SetSetting(ColorKey, c) }
}

func TestUpdate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "settings.json")
	writeFile(t, p, "{\n  \"a\": 1\n}\n", 0o600)

	res, err := Update(p, UpdateOptions{}, setColor("#123456"))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": 1,\n  \"peacock.color\": \"#123456\"\n}\n"
	if !res.Changed || res.Created || string(res.Before) != "{\n  \"a\": 1\n}\n" || string(res.After) != want || res.Path != p {
		t.Errorf("result = %+v", res)
	}
	if got := readString(t, p); got != want {
		t.Errorf("file = %q", got)
	}
	fi, _ := os.Stat(p)
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
	}

	// No change: no write (the modification time stays).
	old := fi.ModTime()
	res, err = Update(p, UpdateOptions{}, setColor("#123456"))
	if err != nil || res.Changed || !bytes.Equal(res.Before, res.After) {
		t.Errorf("no-op update: %+v, %v", res, err)
	}
	if fi, _ := os.Stat(p); !fi.ModTime().Equal(old) {
		t.Errorf("file rewritten without a change")
	}

	// fn fails: nothing written, the error comes back as is.
	boom := errors.New("boom")
	_, err = Update(p, UpdateOptions{}, func(d *Document) error {
		_ = d.SetSetting(ColorKey, "#ffffff")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	if got := readString(t, p); got != want {
		t.Errorf("file changed after fn failed: %q", got)
	}

	// Dry run: the result, no write.
	res, err = Update(p, UpdateOptions{DryRun: true}, setColor("#654321"))
	if err != nil || !res.Changed || !bytes.Contains(res.After, []byte("#654321")) {
		t.Errorf("dry run: %+v, %v", res, err)
	}
	if got := readString(t, p); got != want {
		t.Errorf("dry run wrote: %q", got)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

func TestUpdateMissing(t *testing.T) {
	dir := t.TempDir()

	// Without Create a missing file is an error.
	_, err := Update(filepath.Join(dir, "x.code-workspace"), UpdateOptions{}, setColor("#123456"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}

	// A new workspace file starts as VS Code's, and gets 0644.
	ws := filepath.Join(dir, "x.code-workspace")
	res, err := Update(ws, UpdateOptions{Create: true}, setColor("#123456"))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n\t\"folders\": [\n\t\t{\n\t\t\t\"path\": \".\"\n\t\t}\n\t],\n\t\"settings\": {\n\t\t\"peacock.color\": \"#123456\"\n\t}\n}"
	if !res.Created || !res.Changed || res.Before != nil || readString(t, ws) != want {
		t.Errorf("created %+v\n%s", res, readString(t, ws))
	}
	if fi, _ := os.Stat(ws); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v", fi.Mode().Perm())
	}

	// A settings file in a missing .vscode directory: created with it, but
	// only when there is something to write.
	sp := FolderSettingsPath(filepath.Join(dir, "proj"))
	res, err = Update(sp, UpdateOptions{Create: true}, func(d *Document) error { return nil })
	if err != nil || res.Changed || res.Created {
		t.Errorf("no-op create: %+v, %v", res, err)
	}
	if _, err := os.Stat(filepath.Dir(sp)); !os.IsNotExist(err) {
		t.Errorf(".vscode created for nothing")
	}
	res, err = Update(sp, UpdateOptions{Create: true, DryRun: true}, setColor("#123456"))
	if err != nil || !res.Created || res.After == nil {
		t.Errorf("dry-run create: %+v, %v", res, err)
	}
	if _, err := os.Stat(filepath.Dir(sp)); !os.IsNotExist(err) {
		t.Errorf(".vscode created by a dry run")
	}
	calls := 0
	res, err = Update(sp, UpdateOptions{Create: true}, func(d *Document) error { calls++; return setColor("#123456")(d) })
	if err != nil || !res.Created {
		t.Fatalf("create: %+v, %v", res, err)
	}
	if got, want := readString(t, sp), "{\n    \"peacock.color\": \"#123456\"\n}\n"; got != want {
		t.Errorf("new settings.json = %q, want %q", got, want)
	}
	if calls != 2 {
		t.Errorf("fn called %d times; want 2 (again under the new directory's lock)", calls)
	}
}

func TestUpdateSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "team.code-workspace")
	writeFile(t, real, "{\n\t\"folders\": [],\n\t\"settings\": {}\n}\n", 0o640)
	link := filepath.Join(dir, "proj", "team.code-workspace")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../dotfiles/team.code-workspace", link); err != nil {
		t.Fatal(err)
	}
	if _, err := Update(link, UpdateOptions{}, setColor("#123456")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link")
	}
	want := "{\n\t\"folders\": [],\n\t\"settings\": {\n\t\t\"peacock.color\": \"#123456\"\n\t}\n}\n"
	if got := readString(t, real); got != want {
		t.Errorf("target = %q", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode = %v", fi.Mode().Perm())
	}
	if names := dirNames(t, filepath.Dir(real)); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}

	// A dangling link is an error naming the missing target, even with
	// Create: nothing is created at its end.
	dangling := filepath.Join(dir, "proj", "settings.json")
	if err := os.Symlink("../dotfiles/new.json", dangling); err != nil {
		t.Fatal(err)
	}
	_, err := Update(dangling, UpdateOptions{Create: true}, setColor("#abcdef"))
	if want := "" + dangling + " is a symbolic link to " + filepath.Join(dir, "dotfiles", "new.json") + ", which does not exist"; err == nil || err.Error() != want {
		t.Errorf("dangling link: err = %v, want %q", err, want)
	}
	if _, err := os.Lstat(filepath.Join(dir, "dotfiles", "new.json")); !os.IsNotExist(err) {
		t.Errorf("the dangling link's target was created")
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.json")
	if err := WriteFileAtomic(p, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, p); got != "{}" {
		t.Errorf("got %q", got)
	}
	if fi, _ := os.Stat(p); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "f.json"), []byte("{}"), 0o644); err == nil {
		t.Errorf("no error for a missing directory")
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestUpdateCounter: 40 goroutines increment a number in one file; with a
// lost update the count would fall short.
func TestUpdateCounter(t *testing.T) {
	p := filepath.Join(t.TempDir(), "settings.json")
	writeFile(t, p, "{\n  \"count\": 0\n}\n", 0o644)
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := Update(p, UpdateOptions{}, func(d *Document) error {
				v, _ := d.Setting("count")
				return d.SetSetting("count", v.(float64)+1)
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := readString(t, p); got != "{\n  \"count\": 40\n}\n" {
		t.Errorf("got %q", got)
	}
}

// TestUpdateConcurrent: 40 goroutines apply different colors to one file;
// the lock serializes them, so the file ends as one complete output and no
// temporary or lock file is left.
func TestUpdateConcurrent(t *testing.T) {
	for _, name := range []string{"settings.json", "team.code-workspace"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, name)
			orig := "{\n  // shared\n  \"editor.tabSize\": 2\n}\n"
			writeFile(t, p, orig, 0o644)
			const n = 40
			colors := func(i int) map[string]string {
				m := map[string]string{}
				for k := range paletteA {
					m[k] = fmt.Sprintf("#%06x", i*4099+len(k))
				}
				return m
			}
			expected := map[string]bool{}
			for i := 0; i < n; i++ {
				d, err := Parse(p, []byte(orig))
				if err != nil {
					t.Fatal(err)
				}
				if err := d.ApplyColors(colors(i), owned, nil); err != nil {
					t.Fatal(err)
				}
				if err := d.SetSetting(ColorKey, fmt.Sprintf("#%06x", i)); err != nil {
					t.Fatal(err)
				}
				// Applied over any other output the result is the same.
				expected[string(d.Bytes())] = true
			}
			var wg sync.WaitGroup
			errs := make(chan error, n)
			for i := 0; i < n; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					_, err := Update(p, UpdateOptions{}, func(d *Document) error {
						if err := d.ApplyColors(colors(i), owned, nil); err != nil {
							return err
						}
						return d.SetSetting(ColorKey, fmt.Sprintf("#%06x", i))
					})
					errs <- err
				}(i)
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Error(err)
				}
			}
			got := readString(t, p)
			if _, err := Parse(p, []byte(got)); err != nil {
				t.Fatal(err)
			}
			if !expected[got] {
				t.Errorf("final file is not one of the expected outputs:\n%s", got)
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("files left behind: %v", names)
			}
		})
	}
}

// TestLockFile exercises the lock-file fallback (used where flock is
// missing): mutual exclusion, a stale lock taken over, nothing left behind.
func TestLockFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "settings.json")
	var inside, done atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unlock, err := lockFile(testWaiter(), dir, file)
			if err != nil {
				t.Error(err)
				return
			}
			if inside.Add(1) != 1 {
				t.Error("two holders of the lock at once")
			}
			time.Sleep(time.Millisecond)
			inside.Add(-1)
			done.Add(1)
			unlock()
		}()
	}
	wg.Wait()
	if done.Load() != 40 {
		t.Errorf("%d of 40 took the lock", done.Load())
	}
	stale := file + ".lock"
	writeFile(t, stale, "", 0o644)
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockFile(testWaiter(), dir, file)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("files left behind: %v", names)
	}
}

// TestWriteFileAtomicPermissions checks that a read-only file is refused,
// not replaced through the rename (which the file's mode does not stop),
// also for root, who could write it; and, for a normal user, that a
// directory that is not writable is named in the error. CI runs it as root
// and again as user nobody.
func TestWriteFileAtomicPermissions(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.code-workspace")
	if err := os.WriteFile(ro, []byte("{}"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(ro, []byte(`{"a": 1}`), 0o644)
	want := "" + ro + ": permission denied: the file is read-only; nothing written"
	if err == nil || err.Error() != want {
		t.Errorf("read-only file: err = %v, want %q", err, want)
	}
	_, err = Update(ro, UpdateOptions{}, setColor("#123456"))
	if err == nil || err.Error() != want {
		t.Errorf("read-only file: Update: err = %v, want %q", err, want)
	}
	if data, _ := os.ReadFile(ro); string(data) != "{}" {
		t.Errorf("read-only file changed: %q", data)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("files left behind: %v", names)
	}

	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Log("root can write into any directory, and Windows ignores a directory's mode: run as a normal Unix user to check a directory that is not writable")
		return
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(locked, "x.code-workspace")
	err = WriteFileAtomic(target, []byte("{}"), 0o644)
	if want := "" + target + ": permission denied: directory " + locked + " is not writable; nothing written"; err == nil || err.Error() != want {
		t.Errorf("locked directory: err = %v, want %q", err, want)
	}
}

// testWaiter returns a waiter as Update makes one.
func testWaiter() *waiter {
	return &waiter{ctx: context.Background(), path: "test", deadline: time.Now().Add(lockTimeout)}
}
