package project

import "strings"

// NormalizeIdentity turns a git remote URL or a folder into the identity
// string that palette.IdentityColor hashes, so that every spelling of one
// remote gives one color:
//
//	https://github.com/o/r.git             → github.com/o/r
//	git@github.com:o/r.git                 → github.com/o/r
//	ssh://git@github.com:22/o/r.git        → github.com/o/r
//	git://GitHub.com/O/R/                  → github.com/o/r
//	/home/me/src/Proj/                     → /home/me/src/Proj
//	  Proj                                 → Proj
//
// A URL (scheme://…, except file://) loses its scheme, user, password,
// port, query, fragment, trailing slashes and one ".git" suffix, and is
// lowercased entirely: hosts are case-insensitive, and so are owner and
// repository names on GitHub, GitLab and Bitbucket, which would otherwise
// give "github.com/Me/Repo" and "github.com/me/repo" two colors. An scp-like
// remote, "[user@]host:path" with no slash before the colon (git's own rule,
// see git-clone(1) "GIT URLS"; a one-letter host is a Windows drive instead),
// is handled the same way. Anything else, a file:// URL or a file path or
// folder name, keeps its case (file systems may be case-sensitive) and loses
// only surrounding white space and trailing slashes or backslashes. "file://"
// itself is dropped, unless what follows it would then read as a URL or an
// scp-like remote ("file://host:x" stays as it is). The result is stable:
// NormalizeIdentity of it is itself, for any bytes, valid UTF-8 or not.
func NormalizeIdentity(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := cutFold(s, "file://"); ok {
		// Dropping "file://" must not leave text that reads as a remote
		// or as another file:// URL ("file://ab:c" would give "ab:c",
		// then "ab/c"): such a rest keeps its prefix.
		if p := trimPath(rest); !readsAsURL(p) {
			return p
		}
		return trimPath(s)
	}
	if rest, ok := cutURL(s); ok {
		if i := strings.IndexAny(rest, "?#"); i >= 0 {
			rest = rest[:i]
		}
		authority, path, _ := strings.Cut(rest, "/")
		if i := strings.LastIndexByte(authority, '@'); i >= 0 {
			authority = authority[i+1:]
		}
		return joinRemote(stripPort(authority), path)
	}
	if host, path, ok := cutSCP(s); ok {
		return joinRemote(host, path)
	}
	return trimPath(s)
}

// readsAsURL reports whether NormalizeIdentity reads the trimmed text s as
// a file:// URL, another URL or an scp-like remote rather than as a path.
func readsAsURL(s string) bool {
	if _, ok := cutFold(s, "file://"); ok {
		return true
	}
	if _, ok := cutURL(s); ok {
		return true
	}
	_, _, ok := cutSCP(s)
	return ok
}

// cutURL returns what follows "scheme://" when s starts with an RFC 3986
// scheme and "://".
func cutURL(s string) (rest string, ok bool) {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || !isURLScheme(scheme) {
		return "", false
	}
	return rest, true
}

// cutFold is strings.CutPrefix ignoring ASCII case.
func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// isURLScheme reports whether s is an RFC 3986 scheme: a letter, then
// letters, digits, "+", "-" or ".".
func isURLScheme(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// stripPort drops a ":port" from a host, keeping bracketed IPv6 addresses.
func stripPort(host string) string {
	if strings.HasPrefix(host, "[") {
		if i := strings.IndexByte(host, ']'); i >= 0 {
			return host[:i+1]
		}
		return host
	}
	// The first colon, not the last: a host never has one, and leaving
	// one in ("a:b:22" → "a:b") would read as scp syntax next time.
	if i := strings.IndexByte(host, ':'); i >= 0 {
		return host[:i]
	}
	return host
}

// cutSCP splits git's scp-like syntax "[user@]host:path": there must be a
// colon, no slash or backslash before it, and a host of two or more
// characters (a single letter is a Windows drive, "C:\src" or "C:/src").
func cutSCP(s string) (host, path string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i < 0 || strings.ContainsAny(s[:i], `/\`) {
		return "", "", false
	}
	host = s[:i]
	if j := strings.LastIndexByte(host, '@'); j >= 0 {
		host = host[j+1:]
	}
	if len(host) < 2 || strings.HasPrefix(host, "[") {
		return "", "", false
	}
	return host, s[i+1:], true
}

// joinRemote builds "host/path" for a remote, lowercased, with the path's
// surrounding slashes and one ".git" suffix removed.
func joinRemote(host, path string) string {
	path = strings.ToLower(strings.Trim(strings.TrimSpace(path), "/"))
	path = strings.TrimRight(strings.TrimSuffix(path, ".git"), "/")
	id := strings.ToLower(strings.TrimSpace(host))
	if path != "" {
		id += "/" + path
	}
	// Trim again: a result that ends in white space or a slash would not
	// normalize to itself.
	return trimPath(id)
}

// trimPath trims white space and trailing path separators, keeping a root
// made only of separators.
func trimPath(s string) string {
	for {
		t := strings.TrimSpace(strings.TrimRight(s, `/\`))
		if t == "" {
			return strings.TrimSpace(s)
		}
		if t == s {
			return s
		}
		s = t
	}
}
