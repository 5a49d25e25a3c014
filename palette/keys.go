package palette

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// ownedKeys are the 39 workbench.colorCustomizations keys Peacock 4.4.1
// owns (ColorSettings), sorted. Peacock deletes an owned key it does not
// currently write (unless excluded) and never touches any other key.
var ownedKeys = [...]string{
	"activityBar.activeBackground",
	"activityBar.activeBorder",
	"activityBar.background",
	"activityBar.foreground",
	"activityBar.inactiveForeground",
	"activityBarBadge.background",
	"activityBarBadge.foreground",
	"activityBarTop.activeBackground",
	"activityBarTop.activeBorder",
	"activityBarTop.background",
	"activityBarTop.foreground",
	"activityBarTop.inactiveForeground",
	"commandCenter.border",
	"commandCenter.foreground",
	"editorError.foreground",
	"editorGroup.border",
	"editorInfo.foreground",
	"editorWarning.foreground",
	"panel.border",
	"sash.hoverBorder",
	"sideBar.border",
	"statusBar.background",
	"statusBar.border",
	"statusBar.debuggingBackground",
	"statusBar.debuggingBorder",
	"statusBar.debuggingForeground",
	"statusBar.foreground",
	"statusBarItem.hoverBackground",
	"statusBarItem.remoteBackground",
	"statusBarItem.remoteForeground",
	"tab.activeBackground",
	"tab.activeBorder",
	"titleBar.activeBackground",
	"titleBar.activeForeground",
	"titleBar.border",
	"titleBar.inactiveBackground",
	"titleBar.inactiveForeground",
	"window.activeBorder",
	"window.inactiveBorder",
}

// OwnedKeys returns the 39 workbench.colorCustomizations keys Peacock 4.4.1
// owns, sorted in byte order. The slice is a fresh copy.
//
// activityBar.activeBorder is owned again since 4.4.1 (3.2 to 4.0 wrote it
// as the badge color, 4.1.0 to 4.4.0 left it alone), so an old file's copy
// is replaced. Keys such as sideBar.background (the side bar darkness
// command) are not owned. Version.Owns answers for older releases.
func OwnedKeys() []string { return slices.Clone(ownedKeys[:]) }

// IsOwned reports whether key is one of the keys Peacock owns.
func IsOwned(key string) bool {
	_, found := slices.BinarySearch(ownedKeys[:], key)
	return found
}

// SortedKeys returns the keys of m in JavaScript's default sort order, the
// order Peacock writes new keys in: strings compared as UTF-16 code units.
// For ASCII keys that is plain byte order.
func SortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareUTF16)
	return keys
}

// compareUTF16 compares a and b as JavaScript compares strings. It differs
// from byte order only when a character outside the Basic Multilingual
// Plane (a surrogate pair in UTF-16, 0xD800..0xDBFF first) meets one in
// U+E000..U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnit(ra), firstUnit(rb)
			if ua != ub {
				return cmp.Compare(ua, ub)
			}
			return cmp.Compare(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xd800 + (r-0x10000)>>10
	}
	return r
}
