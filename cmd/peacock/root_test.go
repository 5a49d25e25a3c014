package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testFactory returns a factory rooted in a fresh temp dir with an isolated
// HOME, plus the stdout and stderr buffers.
func testFactory(t *testing.T) (*factory, string, *strings.Builder, *strings.Builder) {
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
	tests := []struct {
		name    string
		args    []string
		want    int
		wantErr string
	}{
		{"ok", []string{"set", "red"}, exitOK, ""},
		{"bad color", []string{"set", "nope"}, exitFailure, `peacock: palette: invalid color "nope"`},
		{"missing arg", []string{"set"}, exitUsage, "peacock: peacock set: missing <color>\nRun 'peacock --help' for usage.\n"},
		{"unknown flag", []string{"set", "red", "--bogus"}, exitUsage, "peacock: unknown flag: --bogus\n"},
		{"unknown command", []string{"bogus"}, exitUsage, `peacock: unknown command "bogus" for "peacock"`},
		{"bad style", []string{"set", "red", "--style", "x"}, exitUsage, `peacock: invalid --style "x" (want peacock or accessible)`},
		{"no color to show", []string{"show"}, exitFailure, "peacock: no peacock.color in work.code-workspace; set one first: peacock set <color>\n"},
		{"bad -C", []string{"-C", "nowhere", "show"}, exitFailure, "peacock: -C nowhere: no such file or directory\n"},
		{"bad editor", []string{"--editor", "vim", "show"}, exitUsage, `peacock: unknown editor "vim" (want one of: code, insiders, vscodium, cursor, windsurf)`},
		{"bad scheme", []string{"palette", "red", "--scheme", "plaid"}, exitUsage, `plaid`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _, errOut := testFactory(t)
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
		{"none", []string{}, setOptions{}, "peacock set: missing <color>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _, _ := testFactory(t)
			var got *setOptions
			root := newRootCmd(f)
			// Swap in set with a runF seam.
			for _, c := range root.Commands() {
				if c.Name() == "set" {
					root.RemoveCommand(c)
				}
			}
			root.AddCommand(newSetCmd(f, &globalOptions{}, func(o *setOptions) error { got = o; return nil }))
			root.SetArgs(append([]string{"set"}, tt.args...))
			err := root.Execute()
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if *got != tt.want {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}
