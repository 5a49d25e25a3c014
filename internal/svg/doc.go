// Package svg draws peacock's pictures as SVG: a mock VS Code window painted
// with a set of workbench.colorCustomizations, and a sheet of color
// swatches. The functions are pure: they take values, return bytes, and
// give the same bytes for the same arguments, so their output can be
// golden-tested and diffed.
//
// All text is escaped as encoding/xml's EscapeText escapes it (by a copy
// of it, so that the package does not link encoding/xml). Colors are read with
// palette.Parse and written as "#rrggbb"; a translucent color (such as
// Peacock's "#rrggbbaa" inactive foregrounds) becomes a fill with a
// fill-opacity, so it blends over what is drawn beneath it as it does in
// the editor.
package svg
