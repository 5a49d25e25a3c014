// Package palette is the color engine of peacock: pure Go, no I/O, no
// environment, no package state that changes.
//
// It parses every color text the Peacock VS Code extension accepts (with
// tinycolor2 1.6.0's exact semantics) plus CSS Color 4 forms, derives the
// workbench.colorCustomizations Peacock 4.4.1 writes for a color and a set of
// peacock.* settings (or an older release's, see [Version]), and adds what the extension lacks: harmony schemes in
// OKLCH, WCAG contrast and an accessible palette style, and deterministic
// identity colors per project.
//
// # Colors
//
// [Color] keeps its channels the way tinycolor does: R, G and B unrounded in
// 0..255 and A in 0..1, so that every derived value rounds exactly where
// Peacock's does. [Parse] reads a color text as tinycolor would (CSS names,
// hex with or without #, the loose rgb/hsl/hsv forms) and, only where
// tinycolor has no meaning for a text, as CSS Color 4 (oklch(), oklab(),
// hwb()); [ParseCSS] is the strict CSS reading. [Color.Hex] formats as
// Peacock does: "#rrggbb", or "#rrggbbaa" when translucent.
//
// # Peacock's palette
//
// [Derive] returns the keys and values Peacock writes for a color under
// [Settings] (see [DefaultSettings] and [Settings.Merge] for the peacock.*
// settings; [Settings.MergeWarn] reads values of the wrong type as the
// extension's JavaScript does and says how). [OwnedKeys] and [IsOwned]
// list the 39 keys Peacock owns, which a merge may remove; [Version.Owns]
// answers for older releases, and [Releases], [FirstRelease] and
// [DefaultSettingsOf] give the history of the keys and rules (what
// `peacock check` dates a file by). [SortedKeys] orders keys as
// JavaScript's default sort.
// [Lighten], [Darken] and [Complement] are tinycolor's, including its
// truncation of HSL percentages to four decimals. [Random] draws a uniform
// RGB color from the randomness it is given.
//
// # Beyond the extension
//
// [Harmony] computes the [Schemes] in OKLCH and maps out-of-gamut colors
// back by lowering chroma at fixed lightness and hue. [Luminance],
// [Contrast] and [PairContrast] follow WCAG 2.x; [MakeAccessible] (the
// [StyleAccessible] style) nudges foregrounds until every pair in [Pairs]
// reaches [MinContrast]. [IdentityColor] maps a project identity (see
// project.NormalizeIdentity) to a color whose title, activity and status
// bar text all reach [MinContrast] in the palette Peacock derives from it,
// frozen under [IdentityVersion], and [DistinctColor] picks the candidate
// farthest in CIEDE2000 ([DeltaE00]) from colors already in use.
package palette
