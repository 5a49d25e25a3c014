// Package themes holds named collections of colors that peacock's commands
// draw from: the built-in themes shipped in the binary and the user's own
// themes read from JSON files. It imports only palette, internal/textpos,
// tidwall/jsonc and the standard library, and like palette it never prints,
// exits or reads the environment: the caller passes in the directory of
// user themes.
//
// # Built-in themes
//
// Builtin returns the themes embedded from this package's data/ directory:
// Peacock's starter favorites, language and framework brand colors, the
// color-blind-safe Okabe-Ito and Paul Tol sets, and the accents of popular
// editor palettes. Every theme notes its Source (and License where one
// applies), and colors taken from different places cite their own Source.
// The data is parsed on the first call to Builtin, never at package load, so
// commands that do not need themes pay nothing for them.
//
// # User themes
//
// LoadDir reads every *.json file of a directory as one theme:
//
//	{
//		"name": "work",
//		"source": "optional: where the colors come from",
//		"colors": [
//			{"name": "Ocean", "value": "#0077be"},
//			{"name": "Sunset", "value": "hsl(20, 90%, 55%)"}
//		]
//	}
//
// A value is any color text palette.Parse accepts. Other keys are ignored.
// As in every JSON file VS Code reads, comments (// and /* */) and trailing
// commas are allowed: github.com/tidwall/jsonc blanks them, keeping every
// offset, and encoding/json reads the rest, so errors keep the line and
// column of the file as written. (The workspace package's own scanner reads
// the files peacock edits: on 1 to 10 MB settings files it finds the colors
// 5x to 11x faster than tidwall/jsonc and encoding/json decode them
// (workspace's BenchmarkLargeParseVsJSONC), and it refuses what VS Code
// refuses, such as "{,}", which tidwall/jsonc lets through.)
// A file that cannot be used is reported with its path and the line and
// column of the problem and skipped; the other files still load. Merge puts
// the user's themes over the built-in ones: a user theme shadows a built-in
// theme of the same name.
//
// # Names
//
// Theme and color names compare by Key: case does not matter and runs of
// spaces, dashes and underscores are all one separator, so "vue green",
// "Vue-Green" and "vue_green" are the same name. Theme names and color names
// never contain "/", so "theme/color" always names one color; qualified names
// are written in key form, such as "peacock/vue-green".
//
// Resolve finds the color a name stands for. A name that palette.Parse
// accepts is a color in its own right, as the Peacock extension reads it:
// "red" is CSS red even though Dracula has a Red. Callers therefore try
// palette.Parse first and call Resolve only when it fails; a theme's own
// color is always reachable as "theme/color" ("dracula/red").
package themes
