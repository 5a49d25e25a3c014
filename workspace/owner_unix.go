//go:build unix

package workspace

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
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
// numbers, each followed by its name in parentheses when /etc/passwd or
// /etc/group names it.
func (m fileMeta) owner() string {
	u, g := strconv.Itoa(m.uid), strconv.Itoa(m.gid)
	if name, ok := lookupFile("/etc/passwd", u, passwdFields); ok {
		u += " (" + name + ")"
	}
	if name, ok := lookupFile("/etc/group", g, groupFields); ok {
		g += " (" + name + ")"
	}
	return fmt.Sprintf("uid %s and gid %s", u, g)
}

// The number of colon-separated fields of a line of /etc/passwd
// (name:password:uid:gid:gecos:home:shell) and of /etc/group
// (name:password:gid:members).
const (
	passwdFields = 7
	groupFields  = 4
)

// maxIDFileSize bounds what lookupFile reads of /etc/passwd or /etc/group.
const maxIDFileSize = 1 << 20

// lookupFile returns the name that the file at path, /etc/passwd or
// /etc/group (fields is passwdFields or groupFields), gives the user or
// group id. It reads the file through the package's reader, so a file that
// is not a regular one, or is larger than maxIDFileSize, names nothing.
//
// This is what os/user's pure-Go implementation reads; os/user is not used
// because its cgo files make `go install`, with a C compiler present, link
// libc dynamically, and the dynamic loader costs every run about half the
// start-up of a hello-world program, for a name in an error message. Where
// os/user would ask libc or the system, names that only other sources know
// (NSS: LDAP, SSSD, systemd-userdb; on macOS, Directory Services, whose
// /etc files hold only some system accounts) are not found, and the
// message gives just the number, as it did when os/user found no name.
func lookupFile(path, id string, fields int) (string, bool) {
	data, err := ReadFileLimit(path, maxIDFileSize)
	if err != nil {
		return "", false
	}
	return lookupName(data, id, fields)
}

// lookupName returns the name (first field) of the first entry of data
// whose third field is id, data being the content of /etc/passwd (fields
// is passwdFields) or /etc/group (groupFields). It follows os/user's
// pure-Go parser: surrounding blank space is trimmed from each line (which
// takes a CR before the LF), blank lines and lines that begin with '#' are
// skipped, and so is a line with fewer fields than fields, an empty name, a
// name that begins with '+' or '-' (NIS compat entries), an id that is not
// a number, or, in /etc/passwd, a group id that is not a number.
func lookupName(data []byte, id string, fields int) (string, bool) {
	if _, err := strconv.Atoi(id); err != nil {
		return "", false
	}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		f := bytes.SplitN(line, []byte{':'}, fields)
		if len(f) < fields || len(f[0]) == 0 || f[0][0] == '+' || f[0][0] == '-' || string(f[2]) != id {
			continue
		}
		if fields == passwdFields {
			if _, err := strconv.Atoi(string(f[3])); err != nil {
				continue
			}
		}
		return string(f[0]), true
	}
	return "", false
}
