//go:build !unix

package workspace

import "path/filepath"

// evalNotLink is filepath.EvalSymlinks(p) for a path p that is not a
// symbolic link.
func evalNotLink(p string) (string, error) {
	return filepath.EvalSymlinks(p)
}
