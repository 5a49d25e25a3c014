package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The editor race with a fixed interleaving: an "editor" saves the file
// between Update's read and its rename (in the hook that runs right after
// the fsync). Update must notice, redo the edit on what the editor wrote,
// and never rename an edit of the old content over it.

const raceBase = "{\n\t\"folders\": [{\"path\": \".\"}],\n\t\"settings\": {\n\t\t\"editor.fontSize\": 12\n\t}\n}\n"

// editorSave writes content the way an editor saves: in place (truncate,
// then write) or by writing a new file and renaming it over the old.
func editorSave(t *testing.T, path, content string, inPlace bool) {
	t.Helper()
	if inPlace {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	tmp := path + ".editor-tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func TestUpdateEditorSavesBeforeRename(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		name := map[bool]string{false: "by rename", true: "in place"}[inPlace]
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "w.code-workspace")
			writeFile(t, p, raceBase, 0o644)
			// The editor's save keeps the same size (12 -> 13), as a
			// one-character edit does: only the content tells.
			saved := strings.Replace(raceBase, "12", "13", 1)
			calls, renames := 0, 0
			testHookBeforeRename = func(string) {
				renames++
				if renames == 1 {
					editorSave(t, p, saved, inPlace)
				}
			}
			defer func() { testHookBeforeRename = nil }()
			res, err := Update(p, UpdateOptions{}, func(d *Document) error {
				calls++
				return d.SetSetting("peacock.color", "#42b883")
			})
			if err != nil {
				t.Fatal(err)
			}
			got := readString(t, p)
			if !strings.Contains(got, `"editor.fontSize": 13`) || !strings.Contains(got, `"peacock.color": "#42b883"`) {
				t.Errorf("the editor's save was lost or the edit not redone:\n%s", got)
			}
			if calls != 2 || renames != 2 || string(res.After) != got {
				t.Errorf("fn called %d times, %d renames tried; want 2 and 2", calls, renames)
			}
		})
	}
}

// TestUpdateEditorKeepsSaving: a file that changes before every rename is
// given up after a few tries with a clear error, and the editor's last
// save stays.
func TestUpdateEditorKeepsSaving(t *testing.T) {
	p := filepath.Join(t.TempDir(), "w.code-workspace")
	writeFile(t, p, raceBase, 0o644)
	n := 0
	last := ""
	testHookBeforeRename = func(string) {
		n++
		last = strings.Replace(raceBase, "12", strings.Repeat("1", n+2), 1)
		editorSave(t, p, last, n%2 == 0)
	}
	defer func() { testHookBeforeRename = nil }()
	_, err := Update(p, UpdateOptions{}, setColor("#123456"))
	if err == nil || !strings.Contains(err.Error(), "another program kept changing the file while peacock edited it") || !strings.Contains(err.Error(), p) {
		t.Fatalf("err = %v", err)
	}
	if n != maxStale || readString(t, p) != last {
		t.Errorf("%d tries (want %d); file %q, want the editor's last save", n, maxStale, readString(t, p))
	}
	if names := dirNames(t, filepath.Dir(p)); len(names) != 1 {
		t.Errorf("files left: %v", names)
	}
}

// TestUpdateEmptyWhileSaving: a file read empty because an editor has just
// truncated it is read again after a pause, and the edit goes into what
// the editor wrote: folders and settings kept, no minimal file renamed
// over them. One that stays empty is still a new workspace file.
func TestUpdateEmptyWhileSaving(t *testing.T) {
	p := filepath.Join(t.TempDir(), "w.code-workspace")
	writeFile(t, p, "", 0o644)
	pauses := 0
	testHookEmptyPause = func() {
		pauses++
		if pauses == 1 {
			editorSave(t, p, raceBase, true) // the editor's write after its truncate
		}
	}
	defer func() { testHookEmptyPause = nil }()
	if _, err := Update(p, UpdateOptions{Create: true}, setColor("#123456")); err != nil {
		t.Fatal(err)
	}
	got := readString(t, p)
	if !strings.Contains(got, `"editor.fontSize": 12`) || !strings.Contains(got, `"peacock.color": "#123456"`) {
		t.Errorf("the editor's content was replaced:\n%s", got)
	}
	if pauses != 1 {
		t.Errorf("%d pauses, want 1", pauses)
	}

	// Empty and staying empty: what VS Code writes for a new file.
	writeFile(t, p, "", 0o644)
	pauses = 1
	if _, err := Update(p, UpdateOptions{Create: true}, setColor("#123456")); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, p); !strings.Contains(got, `"folders"`) {
		t.Errorf("an empty file got no folders:\n%s", got)
	}
}

// TestEmptyPauseReal: without the test hook the pause is real and short.
func TestEmptyPauseReal(t *testing.T) {
	p := filepath.Join(t.TempDir(), "e")
	writeFile(t, p, "", 0o644)
	_, s, err := readSnapshotWithin("", "", p, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if !s.settled(p) {
		t.Error("an empty file that stays empty is not settled")
	}
	if d := time.Since(start); d < emptyPause {
		t.Errorf("paused %v, want at least %v", d, emptyPause)
	}
}

// TestEditFileEditorSavesBeforeRename: EditFile (info/exclude, hook
// scripts, peacock's state) redoes its edit on what another program saved
// between its read and its rename, as Update does, and keeps that save.
func TestEditFileEditorSavesBeforeRename(t *testing.T) {
	for _, inPlace := range []bool{false, true} {
		name := map[bool]string{false: "by rename", true: "in place"}[inPlace]
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "exclude")
			writeFile(t, p, "/a.code-workspace\n", 0o644)
			calls, renames := 0, 0
			testHookBeforeRename = func(string) {
				renames++
				if renames == 1 {
					editorSave(t, p, "/b.code-workspace\n", inPlace) // same size: only the content tells
				}
			}
			defer func() { testHookBeforeRename = nil }()
			wrote, err := EditFile(p, EditOptions{}, func(data []byte, _ bool) ([]byte, error) {
				calls++
				return append(append([]byte(nil), data...), "/c.code-workspace\n"...), nil
			})
			if err != nil || !wrote {
				t.Fatalf("EditFile = %v, %v", wrote, err)
			}
			if got, want := readString(t, p), "/b.code-workspace\n/c.code-workspace\n"; got != want {
				t.Errorf("file = %q, want %q (the other save kept, the edit redone on it)", got, want)
			}
			if calls != 2 || renames != 2 {
				t.Errorf("fn called %d times, %d renames tried; want 2 and 2", calls, renames)
			}
		})
	}
}
