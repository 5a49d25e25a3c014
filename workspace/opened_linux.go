package workspace

import (
	"os"
	"path/filepath"
	"strconv"
)

// openedPath returns the path of the file f holds, as the kernel names it
// (/proc/self/fd), and whether it could tell: unlike a path looked up
// again, it is the file opened, whatever links changed since.
func openedPath(f *os.File) (string, bool) {
	p, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(f.Fd())))
	if err != nil || !filepath.IsAbs(p) {
		return "", false
	}
	return p, true
}
