package project_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/peacock-cli/peacock/project"
)

var normalizeTests = []struct{ in, want string }{
	{"https://github.com/o/r.git", "github.com/o/r"},
	{"git@github.com:o/r.git", "github.com/o/r"},
	{"ssh://git@github.com/o/r", "github.com/o/r"},
	{"ssh://git@github.com:22/o/r.git", "github.com/o/r"},
	{"git://github.com/o/r", "github.com/o/r"},
	{"git+ssh://git@github.com/o/r.git", "github.com/o/r"},
	{"https://GitHub.com/Owner/Repo.git/", "github.com/owner/repo"},
	{"https://github.com/o/r.GIT", "github.com/o/r"},
	{"https://user:token@github.com/o/r", "github.com/o/r"},
	{"https://github.com/o/r?tab=readme#top", "github.com/o/r"},
	{"  https://gitlab.com/group/sub/project.git  ", "gitlab.com/group/sub/project"},
	{"ssh://git@[::1]:2222/o/r.git", "[::1]/o/r"},
	{"github.com:o/r", "github.com/o/r"},
	{"host.xz:/abs/path/r.git/", "host.xz/abs/path/r"},
	{"https://github.com", "github.com"},
	{"file:///home/me/src/Proj/", "/home/me/src/Proj"},
	{"/home/me/src/Proj/", "/home/me/src/Proj"},
	{"/home/me/src/repo.git", "/home/me/src/repo.git"},
	{`C:\Users\Me\Proj\`, `C:\Users\Me\Proj`},
	{"C:/Users/Me/Proj", "C:/Users/Me/Proj"},
	{"  My Project ", "My Project"},
	{"/", "/"},
	{"", ""},
	// A file:// URL whose rest reads as a remote keeps its prefix, so
	// that the result normalizes to itself.
	{"file://00:", "file://00:"},
	{"file://ab:c/", "file://ab:c"},
	{"file://file:///x", "file://file:///x"},
	{"file://https://h/X", "file://https://h/X"},
	{"FILE:///C:/x/", "/C:/x"},
	{"file://C:/x", "C:/x"},
}

func TestNormalizeIdentity(t *testing.T) {
	for _, tt := range normalizeTests {
		if got := project.NormalizeIdentity(tt.in); got != tt.want {
			t.Errorf("NormalizeIdentity(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := project.NormalizeIdentity(tt.want); got != tt.want {
			t.Errorf("NormalizeIdentity(%q) = %q, not stable", tt.want, got)
		}
	}
}

func ExampleNormalizeIdentity() {
	for _, remote := range []string{
		"https://github.com/Peacock-CLI/peacock.git",
		"git@github.com:peacock-cli/peacock.git",
		"ssh://git@github.com:22/peacock-cli/peacock",
		"/home/me/src/Peacock/",
	} {
		fmt.Println(project.NormalizeIdentity(remote))
	}
	// Output:
	// github.com/peacock-cli/peacock
	// github.com/peacock-cli/peacock
	// github.com/peacock-cli/peacock
	// /home/me/src/Peacock
}

// FuzzNormalizeIdentity checks that NormalizeIdentity is idempotent, on any
// bytes, valid UTF-8 or not, and that its result has no surrounding space
// and is UTF-8 whenever its input is.
func FuzzNormalizeIdentity(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	for _, s := range []string{
		"file:///x/", `C:\x\`, "a:b:c", "[::1]:x", "https://[::1", "ab:x://y", " / ", "HTTPS://X/Y.GIT/",
		"git@host:.git", "https://h/ .git", "\u0130:x", "x:\u00a0/",
		"file://00:",        // found by this target: gave "00:", which gives "00"
		"file://\xff\xfe:x", // invalid UTF-8 after file://: gave "\xff\xfe:x", which gives "\ufffd\ufffd/x"
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := project.NormalizeIdentity(s)
		if again := project.NormalizeIdentity(got); again != got {
			t.Errorf("NormalizeIdentity(%q) = %q, but NormalizeIdentity(%q) = %q", s, got, got, again)
		}
		if strings.TrimSpace(got) != got {
			t.Errorf("NormalizeIdentity(%q) = %q has surrounding space", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("NormalizeIdentity(%q) = %q is not UTF-8", s, got)
		}
	})
}
