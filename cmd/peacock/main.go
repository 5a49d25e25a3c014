// Command peacock gives every VS Code-family workspace its own accent color.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemStreams()))
}
