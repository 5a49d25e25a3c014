// Command peacock-pick is peacock with its color picker linked in: `peacock
// pick` runs it, with the same command line. Run alone, with no arguments,
// it is `peacock pick`.
//
// The picker's libraries (huh, bubbletea, lipgloss) live in this program
// only, so that they cost the start-up of no other peacock command.
package main

import (
	"os"

	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/internal/huhpick"
)

func main() {
	if len(os.Args) == 1 {
		os.Args = append(os.Args, "pick")
	}
	os.Exit(cli.Main(huhpick.New))
}
