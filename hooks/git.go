package hooks

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"sync"
)

// ExecGit returns the Git that runs the git on PATH in dir, with no stdin,
// with environ (the caller's environment: this package reads none) minus
// the variables that tie a git command to one repository, so that a git
// run from a hook finds the repository of its own directory, and with
// GIT_LITERAL_PATHSPECS=1: the paths peacock gives git are file names a
// repository chose, and a committed ":(icase)x.code-workspace" must name
// that file, not a pathspec matching none (git ls-files would then call a
// tracked file untracked, and a hook would write it). Its error is
// "git SUBCOMMAND: " and what git said on stderr.
func ExecGit(environ []string) Git {
	env := append(cleanGitEnv(environ), "GIT_LITERAL_PATHSPECS=1")
	return func(ctx context.Context, dir string, args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir, cmd.Env = dir, env
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			msg := strings.TrimSpace(errb.String())
			if msg == "" {
				msg = err.Error()
			}
			return "", fmt.Errorf("git %s: %s", args[0], msg)
		}
		return strings.TrimSuffix(out.String(), "\n"), nil
	}
}

// localEnvVars lists the variables git exports to hooks that tie a git
// command to one repository (git rev-parse --local-env-vars), asked once.
var localEnvVars = sync.OnceValue(func() []string {
	out, err := exec.Command("git", "rev-parse", "--local-env-vars").Output()
	if err != nil {
		return []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
			"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"}
	}
	return strings.Fields(string(out))
})

// cleanGitEnv is environ without the repository-local git variables.
func cleanGitEnv(environ []string) []string {
	drop := map[string]bool{}
	for _, v := range localEnvVars() {
		drop[v] = true
	}
	var env []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] && k != "GIT_LITERAL_PATHSPECS" && !strings.HasPrefix(k, "GIT_CONFIG_KEY_") && !strings.HasPrefix(k, "GIT_CONFIG_VALUE_") {
			env = append(env, kv)
		}
	}
	return env
}
