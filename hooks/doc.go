// Package hooks installs peacock's git hooks and does what they do.
//
// It is a package of its own, rather than part of project, because it is
// the only code that knows git: where hooks live (core.hooksPath,
// init.templateDir, linked worktrees), the hook managers that own them
// (husky, lefthook, pre-commit) or share them (git-lfs), and
// .git/info/exclude. It asks git through a Git function the caller
// provides: ExecGit, the git on PATH run with the environment the caller
// passes in, or a test's fake. Like project it never prints, exits,
// prompts or reads the environment.
//
// # Hook files
//
// Install writes post-checkout and post-merge as sh scripts (git for
// Windows runs them with its bash) that call `peacock hook run` from PATH:
// a path recorded at install time would break when the binary moves, and
// with no peacock on PATH the script says so in one line, with the command
// that removes it without peacock, and exits 0 (or with the status of the
// hook it chains, below). Each
// script holds the Fingerprint line. A hook that was there before, not
// peacock's, is chained: it is renamed to <hook>.peacock-chained, and the
// script runs it first, with the same arguments, and exits with its status.
// Uninstall removes the script and renames the chained hook back, so it
// comes back byte for byte with its mode. Installing twice changes
// nothing, and a script whose fingerprint is there but whose text was
// edited is left alone.
//
// With husky (core.hooksPath inside a .husky directory) Install adds one
// line, holding the fingerprint, to .husky/post-checkout and
// .husky/post-merge instead (before a final exit, which would make it dead
// code); Uninstall removes that line, giving back the file byte for byte.
// The line does nothing where peacock is not installed: teammates get it
// too. With lefthook or pre-commit configured, with a core.hooksPath inside
// the work tree (the team's committed hooks) or in the global
// configuration (every repository's), Install writes nothing and returns
// the snippet to add (Snippet). Status tells, for each, whether git runs
// peacock (StateInactive and a reason when it does not).
//
// git-lfs accepts only its own exact hook files: Install chains its
// post-checkout and post-merge like any hook, and AdoptLFS completes its
// hooks (git lfs update, with peacock's scripts stepped aside), at install
// and in a new clone from the global template, where git-lfs stops at
// peacock's post-checkout.
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
