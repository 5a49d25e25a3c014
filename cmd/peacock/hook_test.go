package main

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// swap replaces the command named name under parent with c.
func swap(parent *cobra.Command, name string, c *cobra.Command) {
	for _, old := range parent.Commands() {
		if old.Name() == name {
			parent.RemoveCommand(old)
		}
	}
	parent.AddCommand(c)
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
			f, _, _, _ := testFactory(t)
			var got *autoOptions
			root := newRootCmd(f)
			swap(root, "auto", newAutoCmd(f, &globalOptions{}, func(o *autoOptions) error { got = o; return nil }))
			root.SetArgs(append([]string{"auto"}, tt.args...))
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
		{"dry run", []string{"uninstall", "--dry-run"}, false, "", nil, "hook uninstall: --dry-run is not supported; peacock hook status shows what is installed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _, _, _ := testFactory(t)
			var got *hookOptions
			root := newRootCmd(f)
			swap(root, "hook", newHookCmd(f, &globalOptions{}, func(o *hookOptions) error { got = o; return nil }))
			root.SetArgs(append([]string{"hook"}, tt.args...))
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

// TestGitEnv: the variables git exports to a hook never reach the git
// commands peacock runs.
func TestGitEnv(t *testing.T) {
	t.Setenv("GIT_DIR", "/elsewhere/.git")
	t.Setenv("GIT_INDEX_FILE", "/elsewhere/index")
	t.Setenv("GIT_CONFIG_GLOBAL", "/kept")
	env := gitEnv()
	for _, kv := range env {
		if strings.HasPrefix(kv, "GIT_DIR=") || strings.HasPrefix(kv, "GIT_INDEX_FILE=") {
			t.Errorf("%s kept", kv)
		}
	}
	if !slices.Contains(env, "GIT_CONFIG_GLOBAL=/kept") {
		t.Error("GIT_CONFIG_GLOBAL dropped")
	}
}
