//go:build unix

package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// fileMeta is what a replacement of a file must keep.
type fileMeta struct {
	mode     fs.FileMode // permission bits and setuid, setgid, sticky
	uid, gid int
	nlink    uint64
}

// metaOf returns the metadata of the file at path, whose Lstat is fi.
func metaOf(path string, fi fs.FileInfo) (fileMeta, error) {
	m := fileMeta{mode: fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky), uid: -1, gid: -1, nlink: 1}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		m.uid, m.gid, m.nlink = int(st.Uid), int(st.Gid), uint64(st.Nlink)
	}
	return m, nil
}

// chownLike gives the new file f the owner and group of m, when they
// differ from those f got. It is done before the mode is set, since
// chown(2) clears the setuid and setgid bits.
func chownLike(f *os.File, m fileMeta) error {
	if m.uid < 0 {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || (int(st.Uid) == m.uid && int(st.Gid) == m.gid) {
		return nil
	}
	return f.Chown(m.uid, m.gid)
}

// owner describes the owner and group of m for an error message: their
// numbers, each followed by its name in parentheses when the system names
// it (os/user: /etc/passwd and /etc/group, or, built with cgo, the C
// library's sources too: LDAP, SSSD, macOS Directory Services).
func (m fileMeta) owner() string {
	u, g := strconv.Itoa(m.uid), strconv.Itoa(m.gid)
	if x, err := user.LookupId(u); err == nil && x.Username != "" {
		u += " (" + x.Username + ")"
	}
	if x, err := user.LookupGroupId(g); err == nil && x.Name != "" {
		g += " (" + x.Name + ")"
	}
	return fmt.Sprintf("uid %s and gid %s", u, g)
}
