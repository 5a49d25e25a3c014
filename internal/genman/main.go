// Command genman writes peacock's man pages (spf13/cobra/doc) into a
// directory, one page per command:
//
//	go run ./internal/genman DIR
//
// It is a tool of the repository, not part of the peacock program, so the
// man page libraries (go-md2man, blackfriday) are not linked into peacock.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/genman DIR")
		os.Exit(2)
	}
	if err := genMan(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
}

func genMan(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root := cli.RootCommand()
	root.DisableAutoGenTag = true // no date: the pages are reproducible
	escapeTags(root)
	return doc.GenManTree(root, &doc.GenManHeader{Title: "PEACOCK", Section: "1", Source: "peacock"}, dir)
}

// escapeTags keeps "<color>" in the pages: cobra/doc goes through
// markdown, where an unescaped "<" starts an HTML tag that is dropped.
func escapeTags(c *cobra.Command) {
	esc := strings.NewReplacer("<", "\\<")
	c.Use, c.Long, c.Short = esc.Replace(c.Use), esc.Replace(c.Long), esc.Replace(c.Short)
	for _, sub := range c.Commands() {
		escapeTags(sub)
	}
}
