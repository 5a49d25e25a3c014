// Package cli is the peacock command line: flags, prompts, rendering and
// exit codes, over the project library. It is the only package that talks
// to the terminal.
//
// cmd/peacock runs it with the picker of `pick` (internal/huhpick, on huh
// v2) passed to Main as a PickerFunc; tests pass a fake instead.
package cli
