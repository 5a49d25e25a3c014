package project

import (
	"net/url"
	"testing"
)

func TestURIPath(t *testing.T) {
	tests := []struct {
		uri, goos, want string
	}{
		{"file:///home/me/my%20proj", "linux", "/home/me/my proj"},
		{"file:///home/me/proj/", "linux", "/home/me/proj"},
		{"file:///Users/me/proj/p.code-workspace", "darwin", "/Users/me/proj/p.code-workspace"},
		{"vscode-remote://ssh-remote%2Bbox/home/me/proj", "linux", ""},
		{"file:///c%3A/Users/me/proj", "windows", `c:\Users\me\proj`},
		{"file://server/share/proj", "windows", `\\server\share\proj`},
		{"file://server/share/proj", "linux", "//server/share/proj"},
	}
	for _, tt := range tests {
		if got := URIPath(tt.uri, tt.goos); got != tt.want {
			t.Errorf("URIPath(%q) = %q, want %q", tt.uri, got, tt.want)
		}
	}
}

func TestFileURIs(t *testing.T) {
	v := map[string]any{
		"profileAssociations": map[string]any{"workspaces": map[string]any{"file:///a": "p"}},
		"backupWorkspaces":    map[string]any{"folders": []any{map[string]any{"folderUri": "file:///b"}}},
		"other":               "not a uri",
	}
	got := map[string]bool{}
	for _, u := range FileURIs(v, nil) {
		got[u] = true
	}
	if len(got) != 2 || !got["file:///a"] || !got["file:///b"] {
		t.Errorf("FileURIs = %v, want file:///a and file:///b", got)
	}
}

// TestParseFileURIMatchesNetURL holds parseFileURI to what net/url's Parse
// gives for the host and path of a file: URI: on the URIs VS Code writes
// both read them, alike; odd ones parseFileURI may refuse, but what it
// accepts net/url reads the same.
func TestParseFileURIMatchesNetURL(t *testing.T) {
	vscode := []string{
		"file:///home/u/p", "file:///c%3A/Users/u/p", "file://server/share/p", "file://localhost/x",
		"file:///a%20b/c%23d", "file:///a#frag", "file:///a?q=1", "file:/x", "FILE:///X",
		"file:///", "file:///%E2%9C%93", "file:///a/../b", "file:///a%2Fb", "file://my-host.corp_1/p",
		"file:///Users/me/My%20Project%20%28old%29/x.code-workspace",
	}
	odd := []string{
		"file:///a%zz", "file:///a%2", "file:x", "http://h/p", "file://h%41st/p", "file://h st/p",
		"file://[::1]/p", "file://user@host/p", "file://host:8080/p", "file:", "file://",
		"vscode-remote://x/y", "file://%zz/p", "file:///a#%zz", "file:///a?%zz", "", "file:\x18",
	}
	check := func(s string, mustParse bool) {
		host, p, ok := parseFileURI(s)
		u, err := url.Parse(s)
		netOK := err == nil && u.Scheme == "file"
		switch {
		case mustParse && (!ok || !netOK):
			t.Errorf("%q: parseFileURI ok %v, net/url err %v", s, ok, err)
		case ok && !netOK:
			t.Errorf("parseFileURI accepts %q, which net/url refuses (%v)", s, err)
		case ok && (host != u.Host || p != u.Path):
			t.Errorf("parseFileURI(%q) = %q, %q; net/url gives %q, %q", s, host, p, u.Host, u.Path)
		}
	}
	for _, s := range vscode {
		check(s, true)
	}
	for _, s := range odd {
		check(s, false)
	}
}

func FuzzParseFileURI(f *testing.F) {
	f.Add("file:///c%3A/Users/u/p")
	f.Add("file://server/share/p")
	f.Fuzz(func(t *testing.T, s string) {
		host, p, ok := parseFileURI(s)
		if !ok {
			return // refusing is always safe: doctor then skips the URI
		}
		u, err := url.Parse(s)
		if err != nil || u.Scheme != "file" {
			t.Fatalf("parseFileURI accepts %q, which net/url refuses (%v)", s, err)
		}
		if host != u.Host || p != u.Path {
			t.Fatalf("parseFileURI(%q) = %q, %q; net/url gives %q, %q", s, host, p, u.Host, u.Path)
		}
	})
}
