package project

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/peacock-cli/peacock/workspace"
)

// TestApplyExtensionCases runs Apply on the cases the differential test
// (bench/diff.js) found peacock and the extension disagreeing on, each
// class once or more: a stored color that is no string or no color (the
// extension removes its colors), remoteColor || color with JavaScript's ||,
// dotted keys (peacock.elementAdjustments.titleBar) and a "peacock" object
// in VS Code's settings tree, in file order. The expected colors are the
// extension's own output, recorded by the harness:
//
//	cd bench && npm install && node diff.js -fill ../project/testdata/extension-cases.json
func TestApplyExtensionCases(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "extension-cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name           string
		User, WS       string
		Remote, Cursor bool
		Want           map[string]any
		ExtensionFails bool
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			user := filepath.Join(dir, "user.json")
			ws := filepath.Join(dir, "w.code-workspace")
			if err := os.WriteFile(user, []byte(c.User), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ws, []byte(`{"folders": [{"path": "."}], "settings": `+c.WS+"}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			editor := "code"
			if c.Cursor {
				editor = "cursor"
			}
			var warns []string
			p, err := Open(Options{Dir: dir, Workspace: ws, UserSettings: user, Editor: editor, GOOS: runtime.GOOS,
				Getenv: func(k string) string { return map[string]string{"HOME": dir}[k] }, Warn: func(m string) { warns = append(warns, m) }})
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Apply(c.Remote, WriteOptions{})
			if c.ExtensionFails {
				if err == nil {
					t.Fatal("Apply succeeded; the extension fails on this case")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			out, err := os.ReadFile(ws)
			if err != nil {
				t.Fatal(err)
			}
			d, err := workspace.Parse(ws, out)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := d.Setting("workbench.colorCustomizations")
			if got == nil {
				got = map[string]any{}
			}
			if !reflect.DeepEqual(got, map[string]any(c.Want)) {
				t.Errorf("colors:\n got %v\nwant %v (the extension's)\nwarnings: %q", got, c.Want, warns)
			}
		})
	}
}
