// Package palette is the color engine of peacock: pure Go, no I/O.
//
// It parses every color text the Peacock VS Code extension accepts (with
// tinycolor2 1.6.0's exact semantics) plus CSS Color 4 forms, derives the
// workbench.colorCustomizations Peacock 4.3.4 writes for a color and a set of
// peacock.* settings, and adds what the extension lacks: harmony schemes in
// OKLCH, WCAG contrast and an accessible palette style, and deterministic
// identity colors per project.
package palette
