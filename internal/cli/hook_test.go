package cli

import (
	"context"
	"errors"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// swap replaces the command named name under parent with c.
// parseWith runs "peacock name args..." through a fresh command tree in
// which the command is the one build makes around a runF seam, and returns
// the options runF received (nil when it was not called) and the error.
func parseWith[T any](t *testing.T, name string, build func(f *factory, runF func(*T) error) *cobra.Command, args []string) (*T, error) {
	t.Helper()
	f, _, _, _ := testFactory(t)
	var got *T
	root := newRootCmd(f)
	for _, old := range root.Commands() {
		if old.Name() == name {
			root.RemoveCommand(old)
		}
	}
	root.AddCommand(build(f, func(o *T) error { got = o; return nil }))
	root.SetArgs(append([]string{name}, args...))
	return got, root.Execute()
}

func TestNewAutoCmd(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    autoOptions
		wantErr string
	}{
		{"plain", nil, autoOptions{}, ""},
		{"distinct", []string{"--distinct"}, autoOptions{Distinct: true}, ""},
		{"theme", []string{"--theme", "okabe-ito", "--force"}, autoOptions{Theme: "okabe-ito", Force: true}, ""},
		{"arg", []string{"red"}, autoOptions{}, `auto: unexpected argument "red"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWith(t, "auto", func(f *factory, runF func(*autoOptions) error) *cobra.Command {
				return newAutoCmd(f, &globalOptions{}, runF)
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
			if got.Distinct != tt.want.Distinct || got.Theme != tt.want.Theme || got.Force != tt.want.Force {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestNewHookCmd(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		global   bool
		hook     string
		hookArgs []string
		wantErr  string
	}{
		{"install", []string{"install"}, false, "", nil, ""},
		{"install global", []string{"install", "--global"}, true, "", nil, ""},
		{"uninstall global", []string{"uninstall", "--global"}, true, "", nil, ""},
		{"status", []string{"status"}, false, "", nil, ""},
		{"run", []string{"run", "post-checkout", "a", "b", "1"}, false, "post-checkout", []string{"a", "b", "1"}, ""},
		{"run merge", []string{"run", "post-merge", "0"}, false, "post-merge", []string{"0"}, ""},
		{"run unknown", []string{"run", "pre-push"}, false, "", nil, `hook run: unknown hook "pre-push" (want post-checkout or post-merge)`},
		{"run none", []string{"run"}, false, "", nil, "hook run: missing <post-checkout|post-merge>"},
		{"install arg", []string{"install", "x"}, false, "", nil, `hook install: unexpected argument "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseWith(t, "hook", func(f *factory, runF func(*hookOptions) error) *cobra.Command {
				return newHookCmd(f, &globalOptions{}, runF)
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
			if got.GlobalScope != tt.global || got.Hook != tt.hook || !slices.Equal(got.Args, tt.hookArgs) {
				t.Errorf("options = global %v hook %q args %q", got.GlobalScope, got.Hook, got.Args)
			}
		})
	}
}

// TestRunHookRunNeverFails: whatever goes wrong, the hook exits 0 and says
// so in one line.
func TestRunHookRunNeverFails(t *testing.T) {
	f, _, _, errOut := testFactory(t)
	opts := &hookOptions{baseOptions: newBase(f, &globalOptions{}), Getwd: f.Getwd, Getenv: f.Getenv, Hook: "post-checkout",
		OpenAt: openAt(f, &globalOptions{}),
		Git:    func(context.Context, string, ...string) (string, error) { return "", errors.New("git: not found") }}
	if err := runHookRun(context.Background(), opts); err != nil {
		t.Fatalf("err = %v", err)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "peacock: hook: ") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr = %q, want one line", got)
	}
}

func TestRevOf(t *testing.T) {
	vcs := func(rev, modified string) *debug.BuildInfo {
		return &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}}
	}
	for _, tt := range []struct {
		version string
		bi      *debug.BuildInfo
		want    string
	}{
		{"v1.2.3", nil, "v1.2.3"},
		{"v1.2.3", vcs("abc", "true"), "v1.2.3"},
		{"v0.0.0-20261208010000-0123456789ab", vcs("0123456789abcdef", "false"), "0123456789abcdef"},
		{"v1.2.4-0.20261208010000-0123456789ab", vcs("0123456789abcdef", "false"), "0123456789abcdef"},
		{"v1.2.4-0.20261208010000-0123456789ab+dirty", vcs("0123456789abcdef", "true"), ""},
		{"dev", vcs("0123456789abcdef", "false"), "0123456789abcdef"},
		{"dev", vcs("0123456789abcdef", "true"), ""},
		{"dev", nil, ""},
		{"dev", &debug.BuildInfo{}, ""},
	} {
		if got := revOf(tt.version, tt.bi); got != tt.want {
			t.Errorf("revOf(%q, %v) = %q, want %q", tt.version, tt.bi, got, tt.want)
		}
	}
}
