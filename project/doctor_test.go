package project

import (
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
		{"FILE:///a%20b/c%23d#frag", "linux", "/a b/c#d"},
		{"file:///a%zz", "linux", ""},
		{"file://user@host/p", "linux", ""},
		{"file://host:8080/p", "linux", ""},
		{"http://host/p", "linux", ""},
	}
	for _, tt := range tests {
		if got := uriPath(tt.uri, tt.goos); got != tt.want {
			t.Errorf("uriPath(%q) = %q, want %q", tt.uri, got, tt.want)
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
	for _, u := range fileURIs(v, nil) {
		got[u] = true
	}
	if len(got) != 2 || !got["file:///a"] || !got["file:///b"] {
		t.Errorf("fileURIs = %v, want file:///a and file:///b", got)
	}
}
