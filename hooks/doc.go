// Package hooks installs peacock's git hooks and does what they do.
//
// It is a package of its own, rather than part of project, because it is
// the only code that knows git: where hooks live (core.hooksPath,
// init.templateDir, linked worktrees), the hook managers that own them
// (husky, lefthook, pre-commit), and .git/info/exclude. It asks git
// through a Git function the caller provides, so it runs no process of
// its own choosing, and like project it never prints, exits, prompts or
// reads the environment.
//
// # Hook files
//
// Install writes post-checkout and post-merge as sh scripts (git for
// Windows runs them with its bash) that call `peacock hook run` from PATH:
// a path recorded at install time would break when the binary moves, and
// with no peacock on PATH the script says so in one line and exits 0 (or
// with the status of the hook it chains, below). Each
// script holds the Fingerprint line. A hook that was there before, not
// peacock's, is chained: it is renamed to <hook>.peacock-chained, and the
// script runs it first, with the same arguments, and exits with its status.
// Uninstall removes the script and renames the chained hook back, so it
// comes back byte for byte with its mode. Installing twice changes
// nothing, and a script whose fingerprint is there but whose text was
// edited is left alone.
//
// With husky (core.hooksPath inside a .husky directory) Install appends
// one line, holding the fingerprint, to .husky/post-checkout and
// .husky/post-merge instead; Uninstall removes that line. With lefthook or
// pre-commit configured, Install writes nothing and returns the snippet to
// add to their configuration.
//
// Install with a global Layout writes into the hooks directory of git's
// init.templateDir, which git copies into every new clone and init; when
// init.templateDir is unset it is set to a directory of peacock's own. A
// global core.hooksPath is never set: it would switch off every
// repository's own hooks.
//
// # Running
//
// Run is what the hook does; see its doc comment. It is quick when there is
// nothing to do: in a main checkout whose colors are in place it runs no
// git command and writes nothing.
package hooks
