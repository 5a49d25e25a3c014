package workspace

import (
	"io/fs"
	"os"
	"syscall"
)

// fileMeta is what a replacement of a file must keep.
type fileMeta struct {
	mode  fs.FileMode // read-only or not
	nlink uint64
}

// metaOf returns the metadata of the file at path, whose Lstat is fi; the
// number of hard links needs an open handle.
func metaOf(path string, fi fs.FileInfo) (fileMeta, error) {
	m := fileMeta{mode: fi.Mode().Perm(), nlink: 1}
	f, err := os.Open(path)
	if err != nil {
		return m, err
	}
	defer f.Close()
	var d syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(syscall.Handle(f.Fd()), &d); err != nil {
		return m, &os.PathError{Op: "GetFileInformationByHandle", Path: path, Err: err}
	}
	m.nlink = uint64(d.NumberOfLinks)
	return m, nil
}

// chownLike does nothing: a file's owner on Windows is in its security
// descriptor, which the new file gets from the directory.
func chownLike(*os.File, fileMeta) error { return nil }

// owner is not used on Windows.
func (m fileMeta) owner() string { return "" }
