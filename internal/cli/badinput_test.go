package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// goPrefix matches a Go package name at the start of a message.
var goPrefix = regexp.MustCompile(`peacock: (workspace|palette|themes|project|hooks|svg): `)

// snapshot records every file under dir: its bytes, or its kind for what
// is not a regular file.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			out[rel] = "link -> " + target
		case d.IsDir():
			out[rel] = "dir"
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				out[rel] = "unreadable"
			} else {
				out[rel] = string(data)
			}
		default:
			out[rel] = "special " + d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBadInputTour runs every refusal the tool knows: each gets a clear
// message naming the file, exit code 1 (2 for usage), and leaves every file
// byte for byte as it was.
func TestBadInputTour(t *testing.T) {
	type setup func(t *testing.T, work string)
	write := func(name string, data []byte) setup {
		return func(t *testing.T, work string) {
			if err := os.WriteFile(filepath.Join(work, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	unix := runtime.GOOS != "windows"
	tests := []struct {
		name  string
		unix  bool // needs Unix special files or links
		root  bool // meaningless as root (root reads anything)
		setup setup
		args  []string
		code  int
		msg   string
	}{
		{name: "unparseable", setup: write("w.code-workspace", []byte("{\n  \"settings\": {,\n}")), args: []string{"set", "red"}, code: 1,
			msg: "w.code-workspace: line 2, column"},
		{name: "settings not an object", setup: write("w.code-workspace", []byte(`{"settings": []}`)), args: []string{"set", "red"}, code: 1,
			msg: `"settings"`},
		{name: "a setting the extension fails on", setup: write("w.code-workspace", []byte(`{"settings": {"peacock.excludedSettings": null}}`)), args: []string{"set", "red"}, code: 1,
			msg: "w.code-workspace: line 1, column 43: setting peacock.excludedSettings: want a list of strings, got null; the extension fails on it"},
		{name: "binary", setup: write("w.code-workspace", []byte("{\"a\": \"\x00\"}")), args: []string{"set", "red"}, code: 1,
			msg: "w.code-workspace"},
		{name: "UTF-16", setup: write("w.code-workspace", []byte("\xff\xfe{\x00}\x00")), args: []string{"set", "red"}, code: 1,
			msg: "UTF-16"},
		{name: "UTF-32LE", setup: write("w.code-workspace", []byte("\xff\xfe\x00\x00{\x00\x00\x00}\x00\x00\x00")), args: []string{"set", "red"}, code: 1,
			msg: "w.code-workspace: line 1, column 1: file is UTF-32 encoded; save it as UTF-8"},
		{name: "UTF-32BE", setup: write("w.code-workspace", []byte("\x00\x00\xfe\xff\x00\x00\x00{\x00\x00\x00}")), args: []string{"set", "red"}, code: 1,
			msg: "file is UTF-32 encoded"},
		{name: "unreadable", unix: true, root: true, setup: func(t *testing.T, work string) {
			write("w.code-workspace", []byte(`{}`))(t, work)
			if err := os.Chmod(filepath.Join(work, "w.code-workspace"), 0o000); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"set", "red"}, code: 1, msg: "permission denied"},
		{name: "FIFO", unix: true, setup: func(t *testing.T, work string) {
			if err := mkfifo(filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"set", "red"}, code: 1, msg: "not a regular file"},
		{name: "device", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink("/dev/null", filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "w.code-workspace", "set", "red"}, code: 1, msg: "not a regular file"},
		{name: "found link to a device", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink("/dev/null", filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"set", "red"}, code: 1, msg: "w.code-workspace leads to /dev/null, which is outside"},
		{name: "endless device", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink("/dev/zero", filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "w.code-workspace", "show"}, code: 1, msg: "not a regular file"},
		// Found, not named: it leads out of the work tree, so it is not
		// even opened.
		{name: "endless device found", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink("/dev/zero", filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"show"}, code: 1, msg: "w.code-workspace leads to /dev/zero, which is outside"},
		{name: "directory", setup: func(t *testing.T, work string) {
			if err := os.Mkdir(filepath.Join(work, "w.code-workspace"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "w.code-workspace", "set", "red"}, code: 1, msg: "directory"},
		{name: "missing directory", args: []string{"--workspace", "typo/w.code-workspace", "set", "red"}, code: 1,
			msg: filepath.FromSlash("typo/w.code-workspace") + ": the directory typo does not exist"},
		// Windows reports a path through a file as not found: the message
		// must still name the file, as on Linux.
		{name: "path through a file", setup: func(t *testing.T, work string) {
			if err := os.WriteFile(filepath.Join(work, "notes.txt"), []byte("notes\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "notes.txt/.vscode/settings.json", "set", "red"}, code: 1,
			msg: filepath.FromSlash("notes.txt/.vscode/settings.json") + ": notes.txt is a file, not a directory"},
		{name: "path through a file, deeper", setup: func(t *testing.T, work string) {
			if err := os.WriteFile(filepath.Join(work, "notes.txt"), []byte("notes\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "notes.txt/sub/w.code-workspace", "set", "red"}, code: 1,
			msg: filepath.FromSlash("notes.txt/sub/w.code-workspace") + ": notes.txt is a file, not a directory"},
		{name: "dangling link", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink(filepath.Join(work, "elsewhere", "x.code-workspace"), filepath.Join(work, "w.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"set", "red"}, code: 1, msg: "x.code-workspace"},
		{name: "link loop", unix: true, setup: func(t *testing.T, work string) {
			if err := os.Symlink("b.code-workspace", filepath.Join(work, "a.code-workspace")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("a.code-workspace", filepath.Join(work, "b.code-workspace")); err != nil {
				t.Fatal(err)
			}
		}, args: []string{"--workspace", "a.code-workspace", "set", "red"}, code: 1, msg: "a.code-workspace"},
		{name: "too large", setup: func(t *testing.T, work string) {
			big := append([]byte(`{"settings": {"x": "`), bytes.Repeat([]byte("a"), 17<<20)...)
			write("w.code-workspace", append(big, []byte(`"}}`)...))(t, work)
		}, args: []string{"set", "red"}, code: 1, msg: "too large"},
		{name: "invalid color", setup: write("w.code-workspace", []byte(`{}`)), args: []string{"set", "notacolor"}, code: 1,
			msg: `invalid color "notacolor"`},
		{name: "invalid stored color", setup: write("w.code-workspace", []byte(`{"settings": {"peacock.color": "nope"}}`)), args: []string{"show"}, code: 1,
			msg: `w.code-workspace: peacock.color: invalid color "nope"`},
		{name: "empty color", setup: write("w.code-workspace", []byte(`{}`)), args: []string{"set", " "}, code: 2,
			msg: "set: the color is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.unix && !unix {
				t.Skip("needs Unix special files")
			}
			if tt.root && os.Geteuid() == 0 {
				t.Skip("root reads any file; CI runs this case as an unprivileged user")
			}
			f, work, out, errOut := testFactory(t)
			if tt.setup != nil {
				tt.setup(t, work)
			}
			before := snapshot(t, filepath.Dir(work))
			if got := runWith(f, tt.args); got != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", got, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.msg) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.msg)
			}
			if !strings.HasPrefix(errOut.String(), "peacock: ") || goPrefix.MatchString(errOut.String()) {
				t.Errorf("stderr %q: want one line starting peacock: and no Go package prefix", errOut)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out)
			}
			after := snapshot(t, filepath.Dir(work))
			if len(after) != len(before) {
				t.Errorf("files before %d, after %d", len(before), len(after))
			}
			for k, v := range before {
				if after[k] != v {
					t.Errorf("%s changed", k)
				}
			}
		})
	}
}
