//go:build unix

package workspace

import "path/filepath"

// evalNotLink is filepath.EvalSymlinks(p) for a clean absolute path p that
// an Lstat has just shown is not a symbolic link: only its directories may
// be links. EvalSymlinks walks p one name at a time, and after the
// directory's names it is where EvalSymlinks(dir) ends; the last name, not
// a link, is then joined on after one more Lstat of p, which is skipped
// here. (On Windows, EvalSymlinks also fixes the case of every name,
// the last one included, so it is called as it is.)
func evalNotLink(p string) (string, error) {
	dir := filepath.Dir(p)
	if dir == p {
		return filepath.EvalSymlinks(p) // the root
	}
	r, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(r, filepath.Base(p)), nil
}
