//go:build unix

package workspace

import (
	"os"
	"os/user"
	"strconv"
	"testing"
)

// TestOwnerText: the text names what the files name, and falls back to
// the bare numbers.
func TestOwnerText(t *testing.T) {
	m := fileMeta{uid: os.Getuid(), gid: os.Getgid()}
	u, g := strconv.Itoa(m.uid), strconv.Itoa(m.gid)
	if x, err := user.LookupId(u); err == nil {
		u += " (" + x.Username + ")"
	}
	if x, err := user.LookupGroupId(g); err == nil {
		g += " (" + x.Name + ")"
	}
	if want := "uid " + u + " and gid " + g; m.owner() != want {
		t.Errorf("owner() = %q, want %q", m.owner(), want)
	}
	// An id no file names.
	m = fileMeta{uid: 2147483645, gid: 2147483646}
	if got, want := m.owner(), "uid 2147483645 and gid 2147483646"; got != want {
		t.Errorf("owner() = %q, want %q", got, want)
	}
}
