// Package cli is the peacock command line: flags, prompts, rendering and
// exit codes, over the project library. It is the only package that talks
// to the terminal.
//
// Two programs run it. cmd/peacock is every command but the picker's
// interface; its `pick` runs cmd/peacock-pick, which is the same command
// line with the picker (huh, bubbletea, lipgloss) linked in. Keeping those
// libraries out of cmd/peacock keeps their package initialization and size
// out of the start-up of every other command (see bench/startup.sh).
package cli
