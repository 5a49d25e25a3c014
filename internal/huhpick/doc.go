// Package huhpick is peacock's color picker: a huh form with a live
// preview, or numbered prompts in accessible mode. New is the
// cli.PickerFunc that cmd/peacock-pick passes to cli.Main; cmd/peacock
// leaves it out, so huh and its dependencies cost its other commands
// nothing at start-up.
package huhpick
