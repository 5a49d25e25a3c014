//go:build !unix && !windows

package workspace

import (
	"io/fs"
	"os"
)

// fileMeta is what a replacement of a file must keep.
type fileMeta struct {
	mode  fs.FileMode
	nlink uint64
}

// metaOf returns the mode of the file whose Lstat is fi.
func metaOf(path string, fi fs.FileInfo) (fileMeta, error) {
	return fileMeta{mode: fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky), nlink: 1}, nil
}

// chownLike does nothing where files have no owner to keep.
func chownLike(*os.File, fileMeta) error { return nil }

// owner is not used here.
func (m fileMeta) owner() string { return "" }
