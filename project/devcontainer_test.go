package project

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacock-cli/peacock/workspace"
)

// TestDevcontainerGolden edits each testdata/devcontainer/<name>.input.json
// (copied to a devcontainer.json) with SetDevcontainer and compares the
// bytes with <name>.golden.json; then ResetDevcontainer must give back the
// input, or <name>.reset.json where the input held an empty object of the
// settings path (the documented exception). A second set changes nothing.
// UPDATE_GOLDEN=1 rewrites the goldens.
func TestDevcontainerGolden(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "devcontainer", "*.input.json"))
	if len(inputs) < 5 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	c, err := PersonalChoice("#42b883")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input.json")
		t.Run(name, func(t *testing.T) {
			orig, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, ".devcontainer.json")
			if err := os.WriteFile(path, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			p := &Project{Dir: dir, User: map[string]any{}}
			ch, err := p.SetDevcontainer(path, c, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if !ch.Changed {
				t.Fatal("set changed nothing")
			}
			got, _ := os.ReadFile(path)
			compareGolden(t, filepath.Join("testdata", "devcontainer", name+".golden.json"), got)
			doc, err := workspace.Parse(path, got)
			if err != nil {
				t.Fatalf("the edit does not parse: %v", err)
			}
			if v, _ := doc.Setting(ColorKey); v != nil {
				t.Errorf("peacock.color written: %v", v)
			}
			var n int
			for _, m := range doc.ColorCustomizations() {
				if v, ok := ch.Colors[m.Key]; ok && m.Value == v {
					n++
				}
			}
			if n != len(ch.Colors) {
				t.Errorf("%d of %d colors in customizations.vscode.settings", n, len(ch.Colors))
			}
			if ch, err := p.SetDevcontainer(path, c, WriteOptions{}); err != nil || ch.Changed {
				t.Errorf("a second set: changed %v, err %v", ch != nil && ch.Changed, err)
			}
			if _, err := p.ResetDevcontainer(path, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			back, _ := os.ReadFile(path)
			want := orig
			if r, err := os.ReadFile(filepath.Join("testdata", "devcontainer", name+".reset.json")); err == nil {
				want = r
			} else if !errors.Is(err, os.ErrNotExist) {
				t.Fatal(err)
			}
			if !bytes.Equal(back, want) {
				t.Errorf("reset did not give back the bytes:\n%s", back)
			}
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
