// Command peacock gives every VS Code-family workspace its own accent color.
//
// Its `pick` command runs the peacock-pick program, installed beside it.
package main

import (
	"os"

	"github.com/peacock-cli/peacock/internal/cli"
)

func main() {
	os.Exit(cli.Main(nil))
}
