package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// testFactory returns a factory rooted in a fresh temp dir with an isolated
// HOME, plus the stdout and stderr buffers.
func testFactory(t testing.TB) (*factory, string, *strings.Builder, *strings.Builder) {
	t.Helper()
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	work := filepath.Join(dir, "work")
	for _, d := range []string{home, work} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	io, _, _, _ := testStreams()
	out, errOut := &strings.Builder{}, &strings.Builder{}
	io.Out, io.ErrOut = out, errOut
	f := newFactory(io)
	f.Getwd = func() (string, error) { return work, nil }
	env := map[string]string{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config")}
	f.Getenv = func(k string) string { return env[k] }
	f.GOOS = "linux"
	return f, work, out, errOut
}

func TestExitCodes(t *testing.T) {
	drifted := `{"peacock.color": "red", "workbench.colorCustomizations": {"titleBar.activeBackground": "#000000"}}`
	tests := []struct {
		name    string
		files   map[string]string // relative to the working directory
		args    []string
		want    int
		wantErr string
	}{
		{"ok", nil, []string{"set", "red"}, exitOK, ""},
		{"check drift", map[string]string{".vscode/settings.json": drifted}, []string{"check"}, exitFailure, filepath.FromSlash(".vscode/settings.json") + ": 2 key(s) drifted; run 'peacock apply' to fix"},
		{"check missing file", nil, []string{"check"}, exitFailure, "work.code-workspace does not exist; nothing to check"},
		{"doctor problem", map[string]string{"home/.config/Code/User/settings.json": `{"window.titleBarStyle": "native"}`}, []string{"doctor"}, exitFailure, ""},
		{"doctor fine", nil, []string{"doctor"}, exitOK, ""},
		{"parse error", map[string]string{"work.code-workspace": "{\n  \"settings\": {,\n}"}, []string{"set", "red"}, exitFailure, "work.code-workspace: line 2, column"},
		{"favorite not in config", nil, []string{"favorites", "remove", "Deep Sea"}, exitFailure, `no favorite named "Deep Sea"`},
		// A name that is looked up and not found is a failure (1); a value
		// outside a fixed list is a usage error (2, below: sidebar, --style,
		// --editor, completion).
		{"unknown theme", nil, []string{"themes", "show", "nope"}, exitFailure, `peacock: no theme "nope" (themes: peacock,`},
		{"unknown theme for random", nil, []string{"random", "--theme", "nope"}, exitFailure, `peacock: no theme "nope"`},
		{"a starter is removed from config", nil, []string{"favorites", "remove", "vue-green"}, exitOK, `removed favorite "vue-green" from ` + filepath.FromSlash("~/.config/peacock/config.json")},
		{"favorites add missing name", nil, []string{"favorites", "add"}, exitUsage, "peacock: favorites add: missing <name>\n"},
		{"favorites add without a stored color", nil, []string{"favorites", "add", "x"}, exitFailure, "peacock: work.code-workspace does not exist yet, so there is no peacock.color; set one first"},
		{"completion bad shell", nil, []string{"completion", "tcsh"}, exitUsage, `unknown shell "tcsh"`},
		{"darken bad by", nil, []string{"darken", "--by", "0"}, exitUsage, `peacock: invalid argument "0" for "--by" flag: want a number of percent between 0 and 100, got "0"`},
		{"lighten by a word", nil, []string{"lighten", "--by", "abc"}, exitUsage, `peacock: invalid argument "abc" for "--by" flag: want a number of percent between 0 and 100, got "abc"`},
		{"lighten without color", nil, []string{"lighten"}, exitFailure, "work.code-workspace does not exist yet, so there is no peacock.color; set one first"},
		{"palette missing color", nil, []string{"palette"}, exitUsage, "missing <color>"},
		{"reset missing file", nil, []string{"reset"}, exitOK, ""},
		{"apply missing file", nil, []string{"apply"}, exitOK, ""},
		{"extra argument", nil, []string{"reset", "now"}, exitUsage, `unexpected argument "now"`},
		{"bad color", nil, []string{"set", "nope"}, exitFailure, `peacock: invalid color "nope"`},
		{"missing arg", nil, []string{"set"}, exitUsage, "peacock: set: missing <color>\nRun 'peacock --help' for usage.\n"},
		{"unknown flag", nil, []string{"set", "red", "--bogus"}, exitUsage, "peacock: unknown flag: --bogus\n"},
		{"unknown command", nil, []string{"bogus"}, exitUsage, `peacock: unknown command "bogus" for "peacock"`},
		{"bad style", nil, []string{"set", "red", "--style", "x"}, exitUsage, `peacock: invalid --style "x" (want peacock or accessible)`},
		{"no color to show", nil, []string{"show"}, exitFailure, "peacock: work.code-workspace does not exist yet, so there is no peacock.color; set one first: peacock set <color>\n"},
		{"bad -C", nil, []string{"-C", "nowhere", "show"}, exitUsage, "peacock: -C nowhere: "},
		{"--workspace in a missing directory", nil, []string{"--workspace", "typo/x.code-workspace", "set", "red"}, exitFailure, "peacock: " + filepath.FromSlash("typo/x.code-workspace") + ": the directory typo does not exist\n"},
		{"sidebar without a color", nil, []string{"sidebar", "dark"}, exitFailure, "peacock: work.code-workspace does not exist yet, so there is no peacock.color; set one first"},
		{"sidebar bad level", nil, []string{"sidebar", "pitch"}, exitUsage, `peacock: sidebar: unknown side bar level "pitch" (want dark, darker, darkest or remove)`},
		{"copy off a terminal", map[string]string{"work.code-workspace": `{"settings": {"peacock.color": "red"}}`}, []string{"show", "--copy"}, exitFailure, "peacock: show --copy needs a terminal"},
		{"bad editor", nil, []string{"--editor", "vim", "show"}, exitUsage, `peacock: unknown editor "vim" (want one of: code, insiders, vscodium, cursor, windsurf)`},
		{"bad scheme", nil, []string{"palette", "red", "--scheme", "plaid"}, exitUsage, `plaid`},
		{"palette empty color", nil, []string{"palette", " "}, exitUsage, "peacock: palette: the color is empty\n"},
		{"darken by NaN", nil, []string{"darken", "--by", "NaN"}, exitUsage, `got "NaN"`},
		{"empty --workspace", nil, []string{"--workspace", "", "set", "red"}, exitUsage, "peacock: --workspace: the value is empty\n"},
		{"empty -C", nil, []string{"-C", " ", "show"}, exitUsage, "peacock: -C: the value is empty\n"},
		{"favorites add empty color", nil, []string{"favorites", "add", "x", ""}, exitUsage, "peacock: favorites add: the color is empty\n"},
		{"favorites add newline in name", nil, []string{"favorites", "add", "a\nb", "red"}, exitUsage, `a name cannot contain control characters such as '\n'`},
		{"--machine with --personal", nil, []string{"set", "--machine", "--personal", "teal"}, exitUsage, "peacock: --machine and --personal do not go together\n"},
		{"--machine with --workspace", nil, []string{"--workspace", "x.code-workspace", "reset", "--machine"}, exitUsage, "peacock: --machine and --workspace do not go together\n"},
		{"show --personal --remote", nil, []string{"show", "--personal", "--remote"}, exitUsage, "peacock: --personal and --remote do not go together\n"},
		{"non-string color", map[string]string{"work.code-workspace": `{"settings": {"peacock.color": true}}`}, []string{"check"}, exitFailure, "peacock: work.code-workspace: peacock.color: want a color string, got a boolean\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, work, _, errOut := testFactory(t)
			for name, content := range tt.files {
				path := filepath.Join(work, name)
				if strings.HasPrefix(name, "home/") {
					path = filepath.Join(f.Getenv("HOME"), strings.TrimPrefix(name, "home/"))
				}
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := runWith(f, tt.args); got != tt.want {
				t.Errorf("exit code = %d, want %d (stderr %q)", got, tt.want, errOut.String())
			}
			if tt.wantErr == "" && tt.want == exitOK {
				return
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.wantErr)
			}
		})
	}
}

func TestNewSetCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    setOptions
		wantErr string
	}{
		{"color", []string{"#42b883"}, setOptions{Color: "#42b883"}, ""},
		{"trimmed", []string{"  navy "}, setOptions{Color: "navy"}, ""},
		{"remote", []string{"red", "--remote"}, setOptions{Color: "red", Remote: true}, ""},
		{"style", []string{"red", "--style", "accessible"}, setOptions{Color: "red", Style: "accessible"}, ""},
		{"empty", []string{"  "}, setOptions{}, "set: the color is empty"},
		{"none", []string{}, setOptions{}, "set: missing <color>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWith(t, "set", func(f *factory, runF func(*setOptions) error) *cobra.Command {
				return newSetCmd(f, &globalOptions{}, runF)
			}, tt.args)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Color != tt.want.Color || got.Remote != tt.want.Remote || got.Style != tt.want.Style {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// TestReadOnlyTarget checks that a read-only file is refused, not replaced
// through the atomic rename (which the file's mode does not stop), as root
// too: the mode bits decide, not what the writer could do.
func TestReadOnlyTarget(t *testing.T) {
	f, work, _, errOut := testFactory(t)
	path := filepath.Join(work, "work.code-workspace")
	orig := []byte(`{"folders": [{"path": "."}]}`)
	if err := os.WriteFile(path, orig, 0o444); err != nil {
		t.Fatal(err)
	}
	if got := runWith(f, []string{"set", "red"}); got != exitFailure {
		t.Fatalf("exit code = %d, want %d", got, exitFailure)
	}
	if want := "peacock: " + path + ": permission denied: the file is read-only; nothing written\n"; errOut.String() != want {
		t.Errorf("stderr = %q, want %q", errOut.String(), want)
	}
	if data, _ := os.ReadFile(path); string(data) != string(orig) {
		t.Errorf("the file changed:\n%s", data)
	}
	// A dry run fails as the real run would: its exit code tells a
	// script whether the write would go through.
	errOut.Reset()
	if got := runWith(f, []string{"set", "red", "--dry-run"}); got != exitFailure {
		t.Fatalf("dry run: exit code = %d, want %d (stderr %q)", got, exitFailure, errOut.String())
	}
	if want := "peacock: " + path + ": permission denied: the file is read-only; nothing written\n"; errOut.String() != want {
		t.Errorf("dry run: stderr = %q, want %q", errOut.String(), want)
	}
}

// TestGlobalFlagsBeforeCommand checks that global flags, with values and
// run together as shorthands, may come before the command.
func TestGlobalFlagsBeforeCommand(t *testing.T) {
	f, work, out, _ := testFactory(t)
	if code := runWith(f, []string{"-C", work, "--json", "set", "--style", "accessible", "red"}); code != exitOK {
		t.Fatalf("exit code %d", code)
	}
	if !strings.Contains(out.String(), `"peacock.color"`) {
		t.Errorf("stdout = %q", out.String())
	}
	// -qC DIR: -q, then -C reading the next word as its value.
	f, work, out, errOut := testFactory(t)
	if code := runWith(f, []string{"-qC", work, "set", "navy"}); code != exitOK {
		t.Fatalf("-qC: exit code %d, stderr %q", code, errOut.String())
	}
	if out.Len() != 0 || errOut.Len() != 0 {
		t.Errorf("-qC: stdout %q, stderr %q; want both empty", out.String(), errOut.String())
	}
	if b, err := os.ReadFile(filepath.Join(work, filepath.Base(work)+".code-workspace")); err != nil || !strings.Contains(string(b), `"peacock.color": "navy"`) {
		t.Errorf("-qC: workspace file = %q, %v", b, err)
	}
}
