package hooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/peacock-cli/peacock/workspace"
)

// LFSHooks are the hooks git lfs install writes, in its order.
var LFSHooks = []string{"pre-push", "post-checkout", "post-commit", "post-merge"}

// isLFSHook reports whether data is git-lfs's hook for hook (the script
// git lfs install writes runs `git lfs <hook> "$@"`).
func isLFSHook(data []byte, hook string) bool {
	return !bytes.Contains(data, []byte(Fingerprint)) && bytes.Contains(data, []byte("git lfs "+hook))
}

// usesLFS reports whether the repository at root uses git-lfs: a filter=lfs
// attribute in its top .gitattributes, or one of git-lfs's hooks (chained
// or not) in its hooks directory.
func usesLFS(root, dir string) bool {
	if attributesUseLFS(root) {
		return true
	}
	for _, h := range LFSHooks {
		for _, p := range []string{filepath.Join(dir, h), filepath.Join(dir, h) + ChainedSuffix} {
			if data, err := workspace.ReadFile(p); err == nil && isLFSHook(data, h) {
				return true
			}
		}
	}
	return false
}

// attributesUseLFS reports whether the top .gitattributes of the work tree
// at root gives a filter=lfs attribute. It is found through the
// repository, so a .gitattributes that links out of the work tree is not
// read (workspace.ReadWithin): git does not follow it either, and an
// outside file must not decide what peacock runs.
func attributesUseLFS(root string) bool {
	data, err := workspace.ReadWithin(root, filepath.Join(root, ".gitattributes"))
	return err == nil && bytes.Contains(data, []byte("filter=lfs"))
}

// lfsMissing returns git-lfs's hooks that are not in dir: absent, or the
// name held by peacock's script with nothing chained. (A hook of someone
// else's is not counted: git-lfs would refuse it as well.)
func lfsMissing(dir string) (missing []string) {
	for _, h := range LFSHooks {
		path := filepath.Join(dir, h)
		data, err := workspace.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = append(missing, h)
		case err != nil:
		case isScript(data, h) && !fileExists(path+ChainedSuffix):
			missing = append(missing, h)
		}
	}
	return missing
}

// AdoptLFS makes git-lfs's hooks complete in the hooks directory dir of the
// working tree at root: where one is missing, it steps peacock's scripts
// aside, runs git lfs update (git-lfs writes its hooks only where no hook
// is), chains what git-lfs wrote under the names peacock uses, and puts
// peacock's scripts back. So git-lfs's post-checkout, post-commit and
// post-merge run as they would without peacock, lockable files included.
// It returns nil, nil when nothing is missing (and then runs no git).
func AdoptLFS(ctx context.Context, git Git, root, dir string, dryRun bool) (*Action, error) {
	missing := lfsMissing(dir)
	if len(missing) == 0 {
		return nil, nil
	}
	a := &Action{Hook: strings.Join(missing, ", "), Path: dir, Verb: "lfs"}
	if dryRun {
		return a, nil
	}
	var aside []string
	restore := func() {
		for _, h := range aside {
			_ = os.Rename(filepath.Join(dir, h)+".peacock-aside", filepath.Join(dir, h))
		}
	}
	for _, h := range Names {
		if !slices.Contains(missing, h) || !fileExists(filepath.Join(dir, h)) {
			continue
		}
		if err := os.Rename(filepath.Join(dir, h), filepath.Join(dir, h)+".peacock-aside"); err != nil {
			restore()
			return nil, err
		}
		aside = append(aside, h)
	}
	_, lfsErr := git(ctx, root, "lfs", "update")
	for _, h := range aside {
		path := filepath.Join(dir, h)
		if data, err := workspace.ReadFile(path); err == nil && isLFSHook(data, h) {
			if err := os.Rename(path, path+ChainedSuffix); err != nil {
				restore()
				return nil, err
			}
		}
		if err := os.Rename(path+".peacock-aside", path); err != nil {
			return nil, err
		}
	}
	left := lfsMissing(dir)
	if lfsErr != nil && len(left) > 0 {
		return nil, fmt.Errorf("this repository uses git-lfs, and its %s hook(s) could not be written: %v", strings.Join(left, ", "), lfsErr)
	}
	if len(left) == len(missing) {
		return nil, nil
	}
	return a, nil
}
