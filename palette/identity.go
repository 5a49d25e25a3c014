package palette

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"strings"

	colorful "github.com/lucasb-eyer/go-colorful"
)

// IdentityVersion is the version of the identity-to-color mapping of
// IdentityColor, IdentityCandidates and DistinctColor. The mapping is frozen:
// a project must keep its color across releases (the Window Colors extension
// recolored every user's windows in an update, its issue #71). Any change to
// the colors these functions return, however small, needs a new version
// (kept selectable) and a new golden file; the golden test in
// testdata/identity-golden.json fails otherwise.
const IdentityVersion = 1

// identitySalt prefixes every hashed identity, so that version 2 can use a
// new salt and leave version 1 untouched.
const identitySalt = "peacock-identity-v1\x00"

// DistinctCandidates is how many candidates of IdentityCandidates
// DistinctColor chooses from.
const DistinctCandidates = 64

// Lightness and chroma ranges of identity colors in OKLCH. Each candidate is
// either dark, under Peacock's light #e7e7e7 text, or light, under its dark
// #15202b text; mid lightness is avoided because neither reads well on it
// (see AccessibleForeground). Within a tier, L and C vary so that candidates
// differ in more than hue, which DistinctColor needs to keep two dozen
// projects apart.
const (
	identityDarkL0, identityDarkL1   = 0.36, 0.50
	identityLightL0, identityLightL1 = 0.72, 0.86
	identityC0, identityC1           = 0.08, 0.20
	identityLStep                    = 0.01
)

// NormalizeIdentity turns a git remote URL or a folder into the identity
// string that IdentityColor hashes, so that every spelling of one remote
// gives one color:
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
// only surrounding white space and trailing slashes or backslashes ("file://"
// itself is dropped). The result is stable: NormalizeIdentity of it is
// itself.
func NormalizeIdentity(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := cutFold(s, "file://"); ok {
		return trimPath(rest)
	}
	if scheme, rest, ok := strings.Cut(s, "://"); ok && isURLScheme(scheme) {
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

// IdentityColor returns the color of a project identity (see
// NormalizeIdentity; the text is hashed as given, so normalize it first).
// It is IdentityCandidates(identity, 1)[0]: a hue uniform on the OKLCH circle
// and a lightness and chroma that Peacock's own foreground reads on with a
// contrast of at least MinContrast. The result is opaque and exact in 8 bits
// (what its Hex() says), and frozen under IdentityVersion.
func IdentityColor(identity string) Color {
	return identityCandidate(identity, 0)
}

// IdentityCandidates returns the first n colors of the deterministic sequence
// of candidate colors for identity; the first is IdentityColor(identity).
// Candidate i is derived from SHA-256 (FIPS 180-4) of the salt
// "peacock-identity-v1\x00", i as 4 big-endian bytes, and identity:
//
//   - bytes 0..7 give the OKLCH hue h = (first 53 bits)/2⁵³ × 360°;
//   - byte 8 chooses the tier: below 128 dark (L from 0.36 to 0.50), else
//     light (L from 0.72 to 0.86);
//   - byte 9 places L in its tier, L0 + (L1−L0) × byte/255;
//   - byte 10 gives the chroma, 0.08 + 0.12 × byte/255, lowered at fixed L
//     and h if sRGB cannot show it (FromOKLCH).
//
// The color is rounded to 8 bits, then, while the foreground Peacock would
// write on it (#15202b if IsLight, else #e7e7e7) has a WCAG contrast below
// MinContrast, L moves by 0.01 away from that foreground (up for a light
// color, down for a dark one) and the color is made again; black and white
// always pass. n ≤ 0 gives nil.
func IdentityCandidates(identity string, n int) []Color {
	if n <= 0 {
		return nil
	}
	out := make([]Color, n)
	for i := range out {
		out[i] = identityCandidate(identity, uint32(i))
	}
	return out
}

func identityCandidate(identity string, i uint32) Color {
	h := sha256.New()
	h.Write([]byte(identitySalt))
	h.Write(binary.BigEndian.AppendUint32(nil, i))
	h.Write([]byte(identity))
	sum := h.Sum(nil)

	hue := float64(binary.BigEndian.Uint64(sum[0:8])>>11) / (1 << 53) * 360
	l0, l1 := identityDarkL0, identityDarkL1
	if sum[8] >= 128 {
		l0, l1 = identityLightL0, identityLightL1
	}
	l := l0 + (l1-l0)*float64(sum[9])/255
	c := identityC0 + (identityC1-identityC0)*float64(sum[10])/255

	for {
		col := rounded8(FromOKLCH(l, c, hue))
		light := IsLight(col)
		fg := peacockLightForeground
		if light {
			fg = peacockDarkForeground
		}
		if Contrast(col, fg) >= MinContrast {
			return col
		}
		// Terminates: L reaches 1 (white, contrast 16.5 with #15202b)
		// or 0 (black, 17 with #e7e7e7), both of which pass.
		if light {
			l = math.Min(1, l+identityLStep)
		} else {
			l = math.Max(0, l-identityLStep)
		}
	}
}

// DistinctColor returns the color for identity that stands out most from the
// colors already in use: among IdentityCandidates(identity,
// DistinctCandidates), the one whose smallest DeltaE00 to any used color is
// largest, the earliest on ties. With nothing used it returns
// IdentityColor(identity). Use it to give each project of a multi-root
// workspace or of one machine its own color, assigning them one at a time
// in a stable order.
func DistinctColor(identity string, used []Color) Color {
	if len(used) == 0 {
		return IdentityColor(identity)
	}
	var best Color
	bestD := -1.0
	for _, c := range IdentityCandidates(identity, DistinctCandidates) {
		d := math.Inf(1)
		for _, u := range used {
			d = math.Min(d, DeltaE00(c, u))
		}
		if d > bestD {
			best, bestD = c, d
		}
	}
	return best
}

// DeltaE00 returns the CIEDE2000 color difference of a and b (CIE 142-2001;
// Sharma, Wu and Dalal 2005) in textbook units, where about 1 is a
// just-noticeable difference and 100 is black against white. The colors are
// converted to CIELAB under D65 by go-colorful, whose DistanceCIEDE2000
// works with L in 0..1 and so returns one hundredth of this. Alpha is
// ignored and the channels are read unrounded.
func DeltaE00(a, b Color) float64 {
	ca := colorful.Color{R: a.R / 255, G: a.G / 255, B: a.B / 255}
	cb := colorful.Color{R: b.R / 255, G: b.G / 255, B: b.B / 255}
	return ca.DistanceCIEDE2000(cb) * 100
}
