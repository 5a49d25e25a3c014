// Command peacock gives every VS Code-family workspace its own accent color.
package main

import (
	"os"

	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/internal/huhpick"
)

func main() {
	os.Exit(cli.Main(huhpick.New))
}
