// Package huhpick is peacock's color picker: a huh form with a live
// preview, or numbered prompts in accessible mode. New is the
// cli.PickerFunc that cmd/peacock passes to cli.Main.
package huhpick
