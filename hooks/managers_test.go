package hooks

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHuskyRoundTrip: install then uninstall gives back the hook file byte
// for byte, whatever its last line; a final exit keeps the line reachable.
func TestHuskyRoundTrip(t *testing.T) {
	line := HuskyLine("post-checkout")
	for _, tt := range []struct {
		name, before, installed, verb string
	}{
		{"final newline", "npx lint-staged\n", "npx lint-staged\n" + line + "\n", "appended"},
		{"no final newline", "npx lint-staged", "npx lint-staged\n" + line, "appended"},
		{"empty", "", line + "\n", "appended"},
		{"exit 0", "npx lint-staged\nexit 0\n", "npx lint-staged\n" + line + "\nexit 0\n", "inserted"},
		{"exit, comment and blank lines after", "a\nexit 1 # done\n\n# end\n", "a\n" + line + "\nexit 1 # done\n\n# end\n", "inserted"},
		{"bare exit without newline", "a\nexit", "a\n" + line + "\nexit", "inserted"},
		{"indented exit is not final", "if x; then\n  exit 0\nfi\n", "if x; then\n  exit 0\nfi\n" + line + "\n", "appended"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			husky := filepath.Join(t.TempDir(), ".husky")
			path := filepath.Join(husky, "post-checkout")
			write(t, path, tt.before, 0o644)
			write(t, filepath.Join(husky, "_", "post-checkout"), "#!/bin/sh\n", 0o755)
			l := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky}
			r, err := Install(context.Background(), noGit(t), l)
			if err != nil {
				t.Fatal(err)
			}
			if r.Actions[0].Verb != tt.verb {
				t.Errorf("verb = %s, want %s", r.Actions[0].Verb, tt.verb)
			}
			if got := read(t, path); got != tt.installed {
				t.Errorf("installed = %q, want %q", got, tt.installed)
			}
			if s := Status(l)[0]; s.State != StateInstalled {
				t.Errorf("status = %+v", s)
			}
			if _, err := Uninstall(context.Background(), noGit(t), l); err != nil {
				t.Fatal(err)
			}
			if got := read(t, path); got != tt.before {
				t.Errorf("after uninstall = %q, want %q", got, tt.before)
			}
		})
	}
}

func TestHuskyRefusesComputedExit(t *testing.T) {
	husky := filepath.Join(t.TempDir(), ".husky")
	path := filepath.Join(husky, "post-checkout")
	write(t, path, "npx x\nexit $?\n", 0o644)
	l := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky}
	_, err := Install(context.Background(), noGit(t), l)
	if err == nil || !strings.Contains(err.Error(), `ends with "exit $?"`) || !strings.Contains(err.Error(), HuskyLine("post-checkout")) {
		t.Fatalf("err = %v", err)
	}
	if got := read(t, path); got != "npx x\nexit $?\n" {
		t.Errorf("file changed: %q", got)
	}
}

// TestHuskyStatusInactive: the line is there but git does not run it.
func TestHuskyStatusInactive(t *testing.T) {
	husky := filepath.Join(t.TempDir(), ".husky")
	l := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky}
	// after an exit the user added below peacock's line... above it
	write(t, filepath.Join(husky, "post-checkout"), "exit 0\n"+HuskyLine("post-checkout")+"\n", 0o644)
	write(t, filepath.Join(husky, "_", "post-checkout"), "#!/bin/sh\n", 0o755)
	if s := Status(l)[0]; s.State != StateInactive || !strings.Contains(s.Reason, "line 1 exits before") {
		t.Errorf("after exit: %+v", s)
	}
	// a linked worktree: .husky/_ is not committed, so it is not there
	write(t, filepath.Join(husky, "post-checkout"), HuskyLine("post-checkout")+"\n", 0o644)
	if err := os.RemoveAll(filepath.Join(husky, "_")); err != nil {
		t.Fatal(err)
	}
	if s := Status(l)[0]; s.State != StateInactive || !strings.Contains(s.Reason, "husky is not set up in this working tree") {
		t.Errorf("no stub: %+v", s)
	}
}

// TestHuskyLegacyLine: the line of an earlier release is replaced, and
// uninstall removes either.
func TestHuskyLegacyLine(t *testing.T) {
	husky := filepath.Join(t.TempDir(), ".husky")
	path := filepath.Join(husky, "post-merge")
	old := huskyLines("post-merge")[1]
	write(t, path, "echo team\n"+old+"\n", 0o755)
	write(t, filepath.Join(husky, "_", "post-merge"), "#!/bin/sh\n", 0o755)
	l := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky}
	if got := Status(l)[1].State; got != StateInstalled {
		t.Errorf("legacy line status = %s", got)
	}
	r, err := Install(context.Background(), noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:created post-merge:updated" {
		t.Errorf("install: %s", got)
	}
	if got := read(t, path); got != "echo team\n"+HuskyLine("post-merge")+"\n" {
		t.Errorf("updated = %q", got)
	}
	write(t, path, "echo team\n"+old+"\n", 0o755)
	if _, err := Uninstall(context.Background(), noGit(t), l); err != nil {
		t.Fatal(err)
	}
	if got := read(t, path); got != "echo team\n" {
		t.Errorf("uninstalled = %q", got)
	}
}

func TestLegacyScriptUpdated(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "post-checkout"), string(legacyScripts("post-checkout")[0]), 0o755)
	l := Layout{Dir: dir}
	if got := Status(l)[0].State; got != StateInstalled {
		t.Errorf("legacy status = %s", got)
	}
	r, err := Install(context.Background(), noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:updated post-merge:created" {
		t.Errorf("install: %s", got)
	}
	if got := read(t, filepath.Join(dir, "post-checkout")); got != string(Script("post-checkout")) {
		t.Error("legacy script not replaced")
	}
}

const lfsPostCheckout = "#!/bin/sh\ncommand -v git-lfs >/dev/null 2>&1 || { echo >&2 \"no lfs\"; exit 2; }\ngit lfs post-checkout \"$@\"\n"

// TestChainedOrphans: after git lfs update --force put git-lfs's hook back
// over peacock's, install chains it again without complaint, and
// uninstall removes the duplicate it left.
func TestChainedOrphans(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pc := filepath.Join(dir, "post-checkout")
	write(t, pc, lfsPostCheckout, 0o755)
	write(t, pc+ChainedSuffix, lfsPostCheckout, 0o755)
	l := Layout{Dir: dir}
	r, err := Install(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:chained post-merge:created" || !strings.Contains(r.Actions[0].Note, "git-lfs's") {
		t.Errorf("install: %s %+v", got, r.Actions[0])
	}
	if read(t, pc+ChainedSuffix) != lfsPostCheckout || read(t, pc) != string(Script("post-checkout")) {
		t.Error("not chained")
	}

	// --force again: uninstall finds the copy, identical, and removes it
	write(t, pc, lfsPostCheckout, 0o755)
	r, err = Uninstall(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:orphan post-merge:removed" {
		t.Errorf("uninstall: %s", got)
	}
	if fileExists(pc+ChainedSuffix) || read(t, pc) != lfsPostCheckout {
		t.Error("orphan left, or the hook in place changed")
	}

	// a chained hook that differs from the one in place is left, and said
	write(t, pc+ChainedSuffix, "#!/bin/sh\necho other\n", 0o755)
	r, err = Uninstall(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actions) != 1 || r.Actions[0].Verb != "left" || r.Actions[0].Path != pc+ChainedSuffix {
		t.Errorf("differing chained: %+v", r.Actions)
	}

	// a chained hook with nothing in place is renamed back
	if err := os.Remove(pc); err != nil {
		t.Fatal(err)
	}
	r, err = Uninstall(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:restored" || read(t, pc) != "#!/bin/sh\necho other\n" {
		t.Errorf("restore: %s", got)
	}
}

// fakeLFS is a Git whose `git lfs update` writes git-lfs's hooks where none
// is, as git-lfs does, and stops at the first name taken by another hook.
func fakeLFS(t *testing.T, dir string, calls *int) Git {
	return func(_ context.Context, _ string, args ...string) (string, error) {
		if strings.Join(args, " ") != "lfs update" {
			t.Fatalf("unexpected git %v", args)
		}
		*calls++
		for _, h := range LFSHooks {
			p := filepath.Join(dir, h)
			if data, err := os.ReadFile(p); err == nil {
				if !isLFSHook(data, h) {
					return "", errors.New("Hook already exists: " + h)
				}
				continue
			}
			write(t, p, "#!/bin/sh\ngit lfs "+h+" \"$@\"\n", 0o755)
		}
		return "", nil
	}
}

func TestAdoptLFS(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dir := filepath.Join(root, ".git", "hooks")
	write(t, filepath.Join(root, ".gitattributes"), "*.psd filter=lfs diff=lfs merge=lfs -text lockable\n", 0o644)
	// a clone from the global template: git-lfs wrote pre-push, then
	// stopped at peacock's post-checkout
	write(t, filepath.Join(dir, "pre-push"), "#!/bin/sh\ngit lfs pre-push \"$@\"\n", 0o755)
	write(t, filepath.Join(dir, "post-checkout"), string(Script("post-checkout")), 0o755)
	write(t, filepath.Join(dir, "post-merge"), string(Script("post-merge")), 0o755)
	calls := 0
	git := fakeLFS(t, dir, &calls)
	a, err := AdoptLFS(ctx, git, root, dir, false)
	if err != nil || a == nil || a.Hook != "post-checkout, post-commit, post-merge" {
		t.Fatalf("adopt = %+v, %v", a, err)
	}
	for _, h := range Names {
		if read(t, filepath.Join(dir, h)) != string(Script(h)) || !isLFSHook([]byte(read(t, filepath.Join(dir, h)+ChainedSuffix)), h) {
			t.Errorf("%s: not peacock's with git-lfs's chained", h)
		}
	}
	if !isLFSHook([]byte(read(t, filepath.Join(dir, "post-commit"))), "post-commit") {
		t.Error("post-commit missing")
	}
	// complete: nothing to do, and no git
	if a, err := AdoptLFS(ctx, noGit(t), root, dir, false); a != nil || err != nil {
		t.Errorf("second adopt = %+v, %v", a, err)
	}
	// install in that repository: nothing changes
	l := Layout{Dir: dir, Root: root, LFS: usesLFS(root, dir)}
	if !l.LFS {
		t.Fatal("usesLFS = false")
	}
	r, err := Install(ctx, noGit(t), l)
	if err != nil || verbs(r) != "post-checkout:unchanged post-merge:unchanged" {
		t.Errorf("install = %s, %v", verbs(r), err)
	}
	// uninstall gives git-lfs's hooks back
	if _, err := Uninstall(ctx, noGit(t), l); err != nil {
		t.Fatal(err)
	}
	for _, h := range LFSHooks {
		if !isLFSHook([]byte(read(t, filepath.Join(dir, h))), h) || fileExists(filepath.Join(dir, h)+ChainedSuffix) {
			t.Errorf("%s after uninstall is not git-lfs's", h)
		}
	}
	if calls != 1 {
		t.Errorf("git lfs update ran %d times", calls)
	}
}

// TestAdoptLFSFails: without git-lfs, peacock's scripts are put back and the
// error names the missing hooks.
func TestAdoptLFSFails(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "hooks")
	write(t, filepath.Join(dir, "post-checkout"), string(Script("post-checkout")), 0o755)
	git := func(context.Context, string, ...string) (string, error) {
		return "", errors.New("git: 'lfs' is not a git command")
	}
	_, err := AdoptLFS(context.Background(), git, root, dir, false)
	if err == nil || !strings.Contains(err.Error(), "pre-push, post-checkout, post-commit, post-merge") {
		t.Fatalf("err = %v", err)
	}
	if read(t, filepath.Join(dir, "post-checkout")) != string(Script("post-checkout")) {
		t.Error("peacock's script not put back")
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "hooks")
	write(t, filepath.Join(dir, "post-checkout"), "#!/bin/sh\necho mine\n", 0o755)
	l := Layout{Dir: dir, DryRun: true}
	r, err := Install(ctx, noGit(t), l)
	if err != nil || verbs(r) != "post-checkout:chained post-merge:created" {
		t.Fatalf("dry run = %s, %v", verbs(r), err)
	}
	if fileExists(filepath.Join(dir, "post-merge")) || fileExists(filepath.Join(dir, "post-checkout"+ChainedSuffix)) ||
		read(t, filepath.Join(dir, "post-checkout")) != "#!/bin/sh\necho mine\n" {
		t.Error("dry run wrote")
	}
	husky := filepath.Join(t.TempDir(), ".husky")
	hl := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky, DryRun: true}
	if r, err := Install(ctx, noGit(t), hl); err != nil || verbs(r) != "post-checkout:created post-merge:created" || fileExists(husky) {
		t.Errorf("husky dry run = %s, %v", verbs(r), err)
	}
}

// gitConfig answers Locate's questions for a repository at root.
func gitConfig(t *testing.T, root, hooksDir, scope string) Git {
	return func(_ context.Context, _ string, args ...string) (string, error) {
		switch strings.Join(args, " ") {
		case "rev-parse --path-format=absolute --show-toplevel --git-path hooks":
			return root + "\n" + hooksDir, nil
		case "config --show-scope --get core.hooksPath":
			if scope == "" {
				return "", errors.New("exit 1")
			}
			return scope + "\t" + hooksDir, nil
		}
		t.Fatalf("unexpected git %v", args)
		return "", nil
	}
}

func TestLocate(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	git := filepath.Join(root, ".git", "hooks")

	// a global core.hooksPath is never the per-repository install's
	global := filepath.Join(t.TempDir(), "myhooks")
	l, err := Locate(ctx, gitConfig(t, root, global, "global"), root)
	if err != nil || l.Manager != ManagerGlobalHooksPath || l.Config != global {
		t.Fatalf("global hooksPath: %+v, %v", l, err)
	}
	r, err := Install(ctx, noGit(t), l)
	if err != nil || len(r.Actions) != 0 || !strings.Contains(r.Snippet, HuskyLine("post-checkout")) {
		t.Errorf("global hooksPath install: %+v, %v", r, err)
	}
	if fileExists(filepath.Join(global, "post-checkout")) {
		t.Error("wrote into the global core.hooksPath")
	}
	// husky's, set in the repository
	l, _ = Locate(ctx, gitConfig(t, root, filepath.Join(root, ".husky", "_"), "local"), root)
	if l.Manager != ManagerHusky || l.Config != filepath.Join(root, ".husky") {
		t.Errorf("husky: %+v", l)
	}
	// lefthook, each place and format
	for _, name := range []string{".config/lefthook.yml", "lefthook.toml", ".lefthook.json", "lefthook-local.yml"} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			write(t, filepath.Join(root, filepath.FromSlash(name)), "", 0o644)
			l, _ := Locate(ctx, gitConfig(t, root, git, ""), root)
			if l.Manager != ManagerLefthook || l.Config != filepath.Join(root, filepath.FromSlash(name)) {
				t.Errorf("layout = %+v", l)
			}
		})
	}
}

func TestLefthookSnippets(t *testing.T) {
	for cfg, want := range map[string]string{
		"lefthook.yml":  "post-checkout:\n  commands:\n    peacock:\n      run: 'command -v peacock >/dev/null 2>&1 && peacock hook run post-checkout {1} {2} {3} </dev/null || true'\n",
		"lefthook.toml": "[post-merge.commands.peacock]\nrun = \"command -v peacock >/dev/null 2>&1 && peacock hook run post-merge {1} </dev/null || true\"\n",
		"lefthook.json": "\"post-checkout\": {\n  \"commands\": {\n    \"peacock\": {\n      \"run\": \"command -v peacock",
	} {
		if got := Snippet(Layout{Manager: ManagerLefthook, Config: cfg}); !strings.Contains(got, want) {
			t.Errorf("%s snippet:\n%s\nwant it to hold:\n%s", cfg, got, want)
		}
	}
	if got := Snippet(Layout{Manager: ManagerPreCommit, Rev: "0123abc"}); !strings.HasPrefix(got, "  - repo: https://github.com/peacock-cli/peacock\n    rev: 0123abc\n") || strings.Contains(got, "repos:") {
		t.Errorf("pre-commit snippet:\n%s", got)
	}
}

// TestLefthookStatusAndOld: status reads lefthook's configuration and hook
// file; uninstall removes peacock's script lefthook renamed to .old and
// puts the hook it chained there, where lefthook would have put it.
func TestLefthookStatusAndOld(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, ".git", "hooks")
	cfg := filepath.Join(root, ".config", "lefthook.yml")
	write(t, cfg, "pre-commit:\n  commands: {}\n", 0o644)
	l := Layout{Root: root, Dir: dir, Manager: ManagerLefthook, Config: cfg}
	if s := Status(l)[0]; s.State != StateAbsent || !strings.Contains(s.Reason, "peacock is not in lefthook.yml") {
		t.Errorf("absent: %+v", s)
	}
	write(t, cfg, "post-checkout:\n  commands:\n    peacock:\n      run: peacock hook run post-checkout {1} {2} {3}\n", 0o644)
	if s := Status(l)[0]; s.State != StateInactive || !strings.Contains(s.Reason, "run lefthook install") {
		t.Errorf("inactive: %+v", s)
	}
	write(t, filepath.Join(dir, "post-checkout"), "#!/bin/sh\ncall_lefthook run \"post-checkout\" \"$@\" # lefthook\n", 0o755)
	if s := Status(l)[0]; s.State != StateInstalled || s.Path != cfg {
		t.Errorf("installed: %+v", s)
	}

	write(t, filepath.Join(dir, "post-checkout.old"), string(Script("post-checkout")), 0o755)
	write(t, filepath.Join(dir, "post-checkout"+ChainedSuffix), "#!/bin/sh\necho mine\n", 0o700)
	r, err := Install(context.Background(), noGit(t), l)
	if err != nil || verbs(r) != "post-checkout:stale" || !strings.Contains(r.Snippet, "post-merge:") {
		t.Errorf("install: %s %v", verbs(r), err)
	}
	r, err = Uninstall(context.Background(), noGit(t), l)
	if err != nil || verbs(r) != "post-checkout:restored" {
		t.Fatalf("uninstall: %s %v", verbs(r), err)
	}
	if read(t, filepath.Join(dir, "post-checkout.old")) != "#!/bin/sh\necho mine\n" || fileExists(filepath.Join(dir, "post-checkout"+ChainedSuffix)) {
		t.Error("the chained hook is not at post-checkout.old")
	}
	if !strings.Contains(read(t, filepath.Join(dir, "post-checkout")), "call_lefthook") {
		t.Error("lefthook's hook changed")
	}
}

func TestPreCommitStatus(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, ".git", "hooks")
	cfg := filepath.Join(root, ".pre-commit-config.yaml")
	write(t, cfg, "repos:\n  - repo: https://github.com/peacock-cli/peacock\n    rev: x\n    hooks:\n      - id: peacock-post-checkout\n", 0o644)
	l := Layout{Root: root, Dir: dir, Manager: ManagerPreCommit, Config: cfg}
	if s := Status(l)[1]; s.State != StateInactive || !strings.Contains(s.Reason, "pre-commit install --hook-type post-merge") {
		t.Errorf("inactive: %+v", s)
	}
	write(t, filepath.Join(dir, "post-merge"), "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nARGS=(hook-impl)\n", 0o755)
	if s := Status(l)[1]; s.State != StateInstalled {
		t.Errorf("installed: %+v", s)
	}
}

// TestLefthookJSONSnippet: the JSON snippet is the members of lefthook's
// top-level object, so wrapped in braces it parses, as lefthook reads it.
func TestLefthookJSONSnippet(t *testing.T) {
	var cfg map[string]map[string]map[string]map[string]string
	snippet := Snippet(Layout{Manager: ManagerLefthook, Config: ".config/lefthook.jsonc"})
	if err := json.Unmarshal([]byte("{"+snippet+"}"), &cfg); err != nil {
		t.Fatalf("%v in:\n%s", err, snippet)
	}
	for _, h := range Names {
		if got := cfg[h]["commands"]["peacock"]["run"]; got != lefthookRun(h) {
			t.Errorf("%s: run = %q", h, got)
		}
	}
}
