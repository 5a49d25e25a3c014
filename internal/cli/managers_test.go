package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestManagers runs testdata/managers: peacock with the real hook managers
// (husky and lefthook from npm, pre-commit and git-lfs from Debian; .ci/run
// installs them) and real git, in the operations a team does: install,
// checkout, switch, pull, worktree add, uninstall, and a teammate's clone
// without peacock. A script whose tool is not on PATH skips, saying which.
func TestManagers(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "managers"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"replace":    cmdReplace,
			"nopeacock":  cmdNoPeacock,
			"peacocksrc": cmdPeacockSrc,
			"envgit":     cmdEnvGit,
			"writable":   cmdWritable,
		},
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			for k, v := range map[string]string{
				"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config"), "NO_COLOR": "1",
				"PEACOCK_EDITOR": "", "PEACOCK_USER_SETTINGS": "",
				"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": filepath.Join(env.WorkDir, "gitconfig"),
				"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
				"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
			} {
				env.Setenv(k, v)
			}
			// pre-commit builds peacock with go install: from this
			// machine's caches and module proxy.
			for k, v := range goEnv() {
				env.Setenv(k, v)
			}
			return nil
		},
	})
}

var goEnv = sync.OnceValue(func() map[string]string {
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPROXY", "GOSUMDB", "GOFLAGS", "GOTOOLCHAIN").Output()
	m := map[string]string{}
	if err == nil {
		_ = json.Unmarshal(out, &m)
	}
	return m
})

// cmdPeacockSrc copies this repository's files (tracked and new, as they
// are in the working tree) to DIR: peacocksrc DIR. pre-commit then builds
// the peacock being tested from a clone of it.
func cmdPeacockSrc(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: peacocksrc DIR")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	ts.Check(err)
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	ts.Check(err)
	dst := ts.MkAbs(args[0])
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, filepath.FromSlash(name))
		fi, err := os.Lstat(src)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		data, err := os.ReadFile(src)
		ts.Check(err)
		to := filepath.Join(dst, filepath.FromSlash(name))
		ts.Check(os.MkdirAll(filepath.Dir(to), 0o755))
		ts.Check(os.WriteFile(to, data, fi.Mode().Perm()))
	}
}

// cmdEnvGit sets an environment variable to git's output: envgit VAR ARGS...
func cmdEnvGit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: envgit VAR ARGS...")
	}
	cmd := exec.Command("git", args[1:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range []string{"HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "PATH"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	out, err := cmd.Output()
	ts.Check(err)
	ts.Setenv(args[0], strings.TrimSpace(string(out)))
}

// cmdWritable succeeds when FILE's owner may write it: writable FILE.
func cmdWritable(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: writable FILE")
	}
	fi, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if w := fi.Mode().Perm()&0o200 != 0; w == neg {
		ts.Fatalf("%s: mode %v", args[0], fi.Mode().Perm())
	}
}
