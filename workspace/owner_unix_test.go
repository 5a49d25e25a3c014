//go:build unix

package workspace

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// TestLookupName: the parser of /etc/passwd and /etc/group follows
// os/user's pure-Go one.
func TestLookupName(t *testing.T) {
	passwd := "" +
		"# comment: root:x:1:1::/:/bin/sh\n" +
		"\n" +
		"   \t\n" +
		"  #indented comment:x:1:1::/:/bin/sh\n" +
		"root:x:0:0:root:/root:/bin/bash\n" +
		"ten:x:10:10::/home/ten:/bin/sh\n" +
		"short:x:2:2::/home/short\n" + // six fields: skipped
		":x:3:3::/:/bin/sh\n" + // no name
		"+nis:x:4:4::/:/bin/sh\n" +
		"-nis:x:4:4::/:/bin/sh\n" +
		"nis:x:4:4::/:/bin/sh\n" +
		"badgid:x:5:five::/:/bin/sh\n" +
		"goodgid:x:5:5::/:/bin/sh\n" +
		"first:x:6:6::/:/bin/sh\n" +
		"second:x:6:6::/:/bin/sh\n" +
		"crlf:x:7:7::/:/bin/sh\r\n" +
		"  spaced:x:8:8::/:/bin/sh  \n" +
		"extra:x:9:9:a:b:c:d:e\n" +
		"one:x:1:1::/:/bin/sh\n" +
		"garbage line without colons\n" +
		"last:x:11:11::/:/bin/sh" // no final newline
	for _, c := range []struct {
		id, want string
		ok       bool
	}{
		{"0", "root", true},
		{"1", "one", true}, // not the commented-out lines; not 10 or 11
		{"10", "ten", true},
		{"11", "last", true},
		{"2", "", false},
		{"3", "", false},
		{"4", "nis", true},
		{"5", "goodgid", true},
		{"6", "first", true},
		{"7", "crlf", true},
		{"8", "spaced", true},
		{"9", "extra", true},
		{"12", "", false},
		{"x", "", false},
		{"", "", false},
		{"00", "", false}, // compared as text, as os/user does
	} {
		got, ok := lookupName([]byte(passwd), c.id, passwdFields)
		if got != c.want || ok != c.ok {
			t.Errorf("passwd %q: got %q, %v; want %q, %v", c.id, got, ok, c.want, c.ok)
		}
	}

	group := "" +
		"# wheel:x:1:\n" +
		"\n" +
		"root:x:0:\n" +
		"ten:x:10:a,b\n" +
		"short:x:2\n" + // three fields: skipped
		":x:3:\n" +
		"+nis:x:4:\n" +
		"nis:x:4:\n" +
		"first:x:6:\n" +
		"second:x:6:\n" +
		"crlf:x:7:\r\n" +
		"members:x:8:a:b:c\n" + // a fourth colon belongs to the members
		"badgid:x:5:five::/:/bin/sh\n" + // a passwd line: the fourth field is not checked
		"one:x:1:\n" +
		"last:x:11:"
	for _, c := range []struct {
		id, want string
		ok       bool
	}{
		{"0", "root", true},
		{"1", "one", true},
		{"10", "ten", true},
		{"11", "last", true},
		{"2", "", false},
		{"3", "", false},
		{"4", "nis", true},
		{"5", "badgid", true},
		{"6", "first", true},
		{"7", "crlf", true},
		{"8", "members", true},
		{"12", "", false},
	} {
		got, ok := lookupName([]byte(group), c.id, groupFields)
		if got != c.want || ok != c.ok {
			t.Errorf("group %q: got %q, %v; want %q, %v", c.id, got, ok, c.want, c.ok)
		}
	}

	for _, data := range []string{"", "\n", "#\n", "::::::\n"} {
		if got, ok := lookupName([]byte(data), "0", passwdFields); ok {
			t.Errorf("passwd %q: got %q", data, got)
		}
	}
}

// TestLookupFileRefuses: a file that is not regular, or is too large,
// names nothing.
func TestLookupFileRefuses(t *testing.T) {
	dir := t.TempDir()
	if name, ok := lookupFile(filepath.Join(dir, "missing"), "0", passwdFields); ok {
		t.Errorf("missing file: got %q", name)
	}
	if name, ok := lookupFile(dir, "0", passwdFields); ok {
		t.Errorf("directory: got %q", name)
	}
	big := filepath.Join(dir, "big")
	line := "root:x:0:0:root:/root:/bin/sh\n"
	data := make([]byte, 0, maxIDFileSize+len(line))
	data = append(data, line...)
	for len(data) <= maxIDFileSize {
		data = append(data, "# padding\n"...)
	}
	writeFile(t, big, string(data), 0o644)
	if name, ok := lookupFile(big, "0", passwdFields); ok {
		t.Errorf("file over %d bytes: got %q", maxIDFileSize, name)
	}
	small := filepath.Join(dir, "small")
	writeFile(t, small, line, 0o644)
	if name, ok := lookupFile(small, "0", passwdFields); !ok || name != "root" {
		t.Errorf("small file: got %q, %v; want root", name, ok)
	}
}

// TestLookupMatchesOSUser: for this process's uid and gid, when
// /etc/passwd and /etc/group hold them, the names are os/user's. On macOS
// os/user asks Directory Services, which the files only approximate: a
// difference there is logged, not an error.
func TestLookupMatchesOSUser(t *testing.T) {
	check := func(kind, path, id string, fields int, osName func(string) (string, error)) {
		name, ok := lookupFile(path, id, fields)
		if !ok {
			t.Logf("%s %s: not in %s", kind, id, path)
			return
		}
		want, err := osName(id)
		switch {
		case err != nil:
			t.Logf("%s %s: %s names it %q; os/user: %v", kind, id, path, name, err)
		case name != want:
			if runtime.GOOS == "darwin" {
				t.Logf("%s %s: %s names it %q, os/user %q", kind, id, path, name, want)
			} else {
				t.Errorf("%s %s: %s names it %q, os/user %q", kind, id, path, name, want)
			}
		default:
			t.Logf("%s %s: %q, as os/user", kind, id, name)
		}
	}
	check("uid", "/etc/passwd", strconv.Itoa(os.Getuid()), passwdFields, func(id string) (string, error) {
		u, err := user.LookupId(id)
		if err != nil {
			return "", err
		}
		return u.Username, nil
	})
	check("gid", "/etc/group", strconv.Itoa(os.Getgid()), groupFields, func(id string) (string, error) {
		g, err := user.LookupGroupId(id)
		if err != nil {
			return "", err
		}
		return g.Name, nil
	})
}

// TestOwnerText: the text names what the files name, and falls back to
// the bare numbers.
func TestOwnerText(t *testing.T) {
	m := fileMeta{uid: os.Getuid(), gid: os.Getgid()}
	u, g := strconv.Itoa(m.uid), strconv.Itoa(m.gid)
	if x, err := user.LookupId(u); err == nil {
		if _, ok := lookupFile("/etc/passwd", u, passwdFields); ok {
			u += " (" + x.Username + ")"
		}
	}
	if x, err := user.LookupGroupId(g); err == nil {
		if _, ok := lookupFile("/etc/group", g, groupFields); ok {
			g += " (" + x.Name + ")"
		}
	}
	if want := "uid " + u + " and gid " + g; m.owner() != want && runtime.GOOS != "darwin" {
		t.Errorf("owner() = %q, want %q", m.owner(), want)
	}
	// An id no file names.
	m = fileMeta{uid: 2147483645, gid: 2147483646}
	if got, want := m.owner(), "uid 2147483645 and gid 2147483646"; got != want {
		t.Errorf("owner() = %q, want %q", got, want)
	}
}
