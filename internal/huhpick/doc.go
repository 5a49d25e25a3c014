// Package huhpick is peacock's color picker: a huh form whose first page
// is a color field of its own (the list, its filter and a live preview of
// the highlighted color, sized to the terminal), with huh's input for
// typing a color on the second; or huh's numbered prompts in accessible
// mode. New is the cli.PickerFunc that cmd/peacock passes to cli.Main;
// Model is the form as a bubbletea model, which tests drive.
package huhpick
