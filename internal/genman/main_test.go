package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenMan writes the pages and checks that every command has one, with
// its own text and examples, and that two runs give the same bytes.
func TestGenMan(t *testing.T) {
	dir := t.TempDir()
	if err := genMan(dir); err != nil {
		t.Fatal(err)
	}
	set, err := os.ReadFile(filepath.Join(dir, "peacock-set.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".TH \"PEACOCK\" \"1\"", "Color the workspace", "peacock set \"Vue Green\"", "peacock set <color>", "derive Peacock's palette from <color>"} {
		if !strings.Contains(string(set), want) {
			t.Errorf("peacock-set.1 lacks %q", want)
		}
	}
	for _, page := range []string{"peacock.1", "peacock-favorites-add.1", "peacock-hook-install.1", "peacock-version.1"} {
		if _, err := os.Stat(filepath.Join(dir, page)); err != nil {
			t.Errorf("no %s: %v", page, err)
		}
	}
	again := t.TempDir()
	if err := genMan(again); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(again, "peacock-set.1")); string(b) != string(set) {
		t.Error("a second run wrote other bytes")
	}
}
