package hooks

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// noGit is a Git that must not be called.
func noGit(t *testing.T) Git {
	return func(_ context.Context, dir string, args ...string) (string, error) {
		t.Fatalf("git called: %s %v", dir, args)
		return "", nil
	}
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func verbs(r *Result) string {
	var v []string
	for _, a := range r.Actions {
		v = append(v, a.Hook+":"+a.Verb)
	}
	return strings.Join(v, " ")
}

func TestInstallChainsAndUninstallRestores(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "hooks")
	foreign := "#!/usr/bin/env python3\nprint('mine')\n# no final newline below"
	write(t, filepath.Join(dir, "post-checkout"), foreign, 0o750)
	l := Layout{Dir: dir}
	ctx := context.Background()

	r, err := Install(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:chained post-merge:created" {
		t.Errorf("install: %s", got)
	}
	if got := read(t, filepath.Join(dir, "post-checkout"+ChainedSuffix)); got != foreign {
		t.Errorf("chained hook changed: %q", got)
	}
	if got := Status(l); got[0].State != StateChained || got[1].State != StateInstalled {
		t.Errorf("status: %+v", got)
	}

	r, err = Install(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:unchanged post-merge:unchanged" {
		t.Errorf("install twice: %s", got)
	}

	r, err = Uninstall(ctx, noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:restored post-merge:removed" {
		t.Errorf("uninstall: %s", got)
	}
	if got := read(t, filepath.Join(dir, "post-checkout")); got != foreign {
		t.Errorf("restored hook = %q, want %q", got, foreign)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(filepath.Join(dir, "post-checkout"))
		if err != nil || fi.Mode().Perm() != 0o750 {
			t.Errorf("restored mode = %v, %v; want 0750", fi.Mode(), err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "post-merge")); err == nil {
		t.Error("post-merge left behind")
	}
	if got := Status(l); got[0].State != StateForeign || got[1].State != StateAbsent {
		t.Errorf("status after uninstall: %+v", got)
	}
}

func TestEditedScriptLeftAlone(t *testing.T) {
	dir := t.TempDir()
	edited := string(Script("post-checkout")) + "echo my addition\n"
	write(t, filepath.Join(dir, "post-checkout"), edited, 0o755)
	l := Layout{Dir: dir}
	for _, f := range []func(context.Context, Git, Layout) (*Result, error){Install, Uninstall} {
		r, err := f(context.Background(), noGit(t), l)
		if err != nil {
			t.Fatal(err)
		}
		if r.Actions[0].Verb != "left" {
			t.Errorf("verb = %q, want left", r.Actions[0].Verb)
		}
		if got := read(t, filepath.Join(dir, "post-checkout")); got != edited {
			t.Error("an edited script was changed")
		}
	}
	if got := Status(l)[0].State; got != StateModified {
		t.Errorf("status = %s, want modified", got)
	}
}

func TestInstallRefusesTwoChained(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "post-checkout"), "#!/bin/sh\n", 0o755)
	write(t, filepath.Join(dir, "post-checkout"+ChainedSuffix), "#!/bin/sh\necho old\n", 0o755)
	_, err := Install(context.Background(), noGit(t), Layout{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "both exist and differ") {
		t.Fatalf("err = %v", err)
	}
}

func TestHusky(t *testing.T) {
	husky := filepath.Join(t.TempDir(), ".husky")
	write(t, filepath.Join(husky, "post-checkout"), "npx lint-staged\n", 0o644)
	l := Layout{Dir: filepath.Join(husky, "_"), Manager: ManagerHusky, Config: husky}
	r, err := Install(context.Background(), noGit(t), l)
	if err != nil {
		t.Fatal(err)
	}
	if got := verbs(r); got != "post-checkout:appended post-merge:created" {
		t.Errorf("install: %s", got)
	}
	if got, want := read(t, filepath.Join(husky, "post-checkout")), "npx lint-staged\n"+HuskyLine("post-checkout")+"\n"; got != want {
		t.Errorf("post-checkout = %q, want %q", got, want)
	}
	if _, err := Install(context.Background(), noGit(t), l); err != nil {
		t.Fatal(err)
	}
	if strings.Count(read(t, filepath.Join(husky, "post-checkout")), Fingerprint) != 1 {
		t.Error("the line was added twice")
	}
	if _, err := Uninstall(context.Background(), noGit(t), l); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(husky, "post-checkout")); got != "npx lint-staged\n" {
		t.Errorf("after uninstall: %q", got)
	}
	if _, err := os.Stat(filepath.Join(husky, "post-merge")); err == nil {
		t.Error("post-merge created by install was left")
	}
}

func TestHuskyDir(t *testing.T) {
	for in, want := range map[string]string{
		"/r/.husky/_": "/r/.husky",
		"/r/.husky":   "/r/.husky",
		"/r/.git/hks": "",
	} {
		if got := huskyDir(filepath.FromSlash(in)); got != filepath.FromSlash(want) {
			t.Errorf("huskyDir(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestSnippets(t *testing.T) {
	r, err := Install(context.Background(), noGit(t), Layout{Dir: t.TempDir(), Manager: ManagerLefthook, Config: "lefthook.yml"})
	if err != nil || len(r.Actions) != 0 || !strings.Contains(r.Snippet, "peacock hook run post-checkout {1} {2} {3}") {
		t.Errorf("lefthook: %+v, %v", r, err)
	}
	r, err = Install(context.Background(), noGit(t), Layout{Manager: ManagerPreCommit})
	if err != nil || !strings.Contains(r.Snippet, "id: peacock-post-checkout") {
		t.Errorf("pre-commit: %+v, %v", r, err)
	}
}

func TestGlobalTemplateDir(t *testing.T) {
	tmp := t.TempDir()
	def := filepath.Join(tmp, "tmpl")
	config := ""
	git := func(_ context.Context, _ string, args ...string) (string, error) {
		switch strings.Join(args, " ") {
		case "config --global --type=path --get init.templateDir":
			if config == "" {
				return "", os.ErrNotExist
			}
			return config, nil
		case "config --global init.templateDir " + filepath.ToSlash(def):
			config = def
			return "", nil
		case "config --global --type=path --get core.hooksPath":
			return "", os.ErrNotExist
		case "config --global --unset init.templateDir":
			config = ""
			return "", nil
		}
		t.Fatalf("unexpected git %v", args)
		return "", nil
	}
	ctx := context.Background()
	l, _ := LocateGlobal(ctx, git, def)
	if !l.SetTemplateDir || !l.Own || l.Dir != filepath.Join(def, "hooks") {
		t.Fatalf("layout = %+v", l)
	}
	if _, err := Install(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	if config != def {
		t.Fatalf("init.templateDir = %q", config)
	}
	l, _ = LocateGlobal(ctx, git, def)
	if l.SetTemplateDir {
		t.Fatal("init.templateDir set twice")
	}
	if _, err := Uninstall(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		t.Errorf("init.templateDir still %q", config)
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("template directory left behind")
	}

	// init.templateDir naming peacock's directory in another spelling (a
	// link to it; other case on Windows) is still peacock's own: Uninstall
	// removes the directory itself and unsets the setting.
	config = ""
	l, _ = LocateGlobal(ctx, git, def)
	if _, err := Install(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	alias := strings.ToUpper(def)
	if runtime.GOOS != "windows" {
		alias = filepath.Join(tmp, "template-link")
		if err := os.Symlink(def, alias); err != nil {
			t.Fatal(err)
		}
	}
	config = alias
	l, _ = LocateGlobal(ctx, git, def)
	if !l.Own || l.SetTemplateDir || l.Dir != filepath.Join(def, "hooks") {
		t.Fatalf("init.templateDir %s: layout = %+v", alias, l)
	}
	if _, err := Uninstall(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		t.Errorf("init.templateDir still %q", config)
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("template directory left behind")
	}

	// A template directory of the user's own is never unset or removed.
	own := filepath.Join(tmp, "mine")
	config = own
	write(t, filepath.Join(own, "description"), "x", 0o644)
	l, _ = LocateGlobal(ctx, git, def)
	if l.Own || l.SetTemplateDir {
		t.Fatalf("layout = %+v", l)
	}
	if _, err := Install(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	if _, err := Uninstall(ctx, git, l); err != nil {
		t.Fatal(err)
	}
	if config != own || read(t, filepath.Join(own, "description")) != "x" {
		t.Error("the user's template directory was changed")
	}
}

func TestExcludePattern(t *testing.T) {
	for in, want := range map[string]string{
		"repo.code-workspace":       "/repo.code-workspace",
		"a b.code-workspace":        "/a b.code-workspace",
		"x*[1]?.code-workspace":     `/x\*\[1]\?.code-workspace`,
		"sub/dir/w.code-workspace":  "/sub/dir/w.code-workspace",
		"trailing.code-workspace  ": `/trailing.code-workspace\ \ `,
	} {
		if got := ExcludePattern(in); got != want {
			t.Errorf("ExcludePattern(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAddExclude(t *testing.T) {
	path := filepath.Join(t.TempDir(), "info", "exclude")
	added, err := AddExclude(path, "/a.code-workspace")
	if err != nil || !added {
		t.Fatalf("first: %v %v", added, err)
	}
	added, err = AddExclude(path, "/a.code-workspace")
	if err != nil || added {
		t.Fatalf("second: %v %v", added, err)
	}
	write(t, path, "# git ls-files --others --exclude-from=.git/info/exclude\n*.log", 0o644)
	if _, err := AddExclude(path, "/b.code-workspace"); err != nil {
		t.Fatal(err)
	}
	want := "# git ls-files --others --exclude-from=.git/info/exclude\n*.log\n# peacock: a local workspace file (peacock hook)\n/b.code-workspace\n"
	if got := read(t, path); got != want {
		t.Errorf("exclude = %q, want %q", got, want)
	}
}

func TestQuickLook(t *testing.T) {
	tmp := t.TempDir()
	main := filepath.Join(tmp, "main")
	write(t, filepath.Join(main, ".git", "HEAD"), "ref: refs/heads/main\n", 0o644)
	write(t, filepath.Join(main, ".git", "worktrees", "wt", "commondir"), "../..\n", 0o644)
	wt := filepath.Join(tmp, "wt")
	write(t, filepath.Join(wt, ".git"), "gitdir: "+filepath.Join(main, ".git", "worktrees", "wt")+"\n", 0o644)
	sub := filepath.Join(tmp, "sub")
	write(t, filepath.Join(main, ".git", "modules", "sub", "HEAD"), "x", 0o644)
	write(t, filepath.Join(sub, ".git"), "gitdir: ../main/.git/modules/sub\n", 0o644)
	for _, tt := range []struct {
		dir           string
		linked, known bool
	}{
		{main, false, true},
		{wt, true, true},
		{sub, false, true},
		{tmp, false, false},
	} {
		_, linked, known := quickLook(tt.dir)
		if linked != tt.linked || known != tt.known {
			t.Errorf("quickLook(%s) = %v %v, want %v %v", tt.dir, linked, known, tt.linked, tt.known)
		}
	}
}

func TestRunSkipsFileCheckout(t *testing.T) {
	res, err := Run(context.Background(), RunOptions{Git: noGit(t), Hook: "post-checkout", Args: []string{"a", "b", "0"}})
	if err != nil || res.Action != RunNone {
		t.Fatalf("Run = %+v, %v", res, err)
	}
}
