package hooks

import (
	"slices"
	"strings"
	"testing"
)

// TestCleanGitEnv: the variables git exports to a hook never reach the git
// commands peacock runs; the user's own git settings do.
func TestCleanGitEnv(t *testing.T) {
	env := cleanGitEnv([]string{"GIT_DIR=/elsewhere/.git", "GIT_INDEX_FILE=/elsewhere/index", "GIT_CONFIG_GLOBAL=/kept",
		"GIT_CONFIG_KEY_0=core.x", "GIT_CONFIG_VALUE_0=y", "PATH=/bin"})
	for _, kv := range env {
		if strings.HasPrefix(kv, "GIT_DIR=") || strings.HasPrefix(kv, "GIT_INDEX_FILE=") || strings.HasPrefix(kv, "GIT_CONFIG_KEY_") || strings.HasPrefix(kv, "GIT_CONFIG_VALUE_") {
			t.Errorf("%s kept", kv)
		}
	}
	if !slices.Contains(env, "GIT_CONFIG_GLOBAL=/kept") || !slices.Contains(env, "PATH=/bin") {
		t.Errorf("env = %q: GIT_CONFIG_GLOBAL or PATH dropped", env)
	}
}
