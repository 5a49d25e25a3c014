// Package workspace finds, reads, edits and writes the files in which VS Code
// keeps workspace settings: *.code-workspace files (settings under the
// top-level "settings" member), .vscode/settings.json (settings at the
// root) and devcontainer.json (settings in customizations.vscode.settings,
// KindDevcontainer). It also reads user settings files and merges settings
// layers.
//
// # Editing without losing a byte
//
// Users commit these files, so an edit must change nothing but its target.
// The file is read once by a scanner that checks the syntax and locates
// members (byte offsets) without building a tree: only the root, the
// settings object and workbench.colorCustomizations are laid out, other
// values are skipped at scanning speed (github.com/tailscale/hujson only
// words the error for a file that is refused). Every edit is then a splice
// of the original bytes, and the text is checked again where it changed
// before the edit is accepted. New text follows the file's
// own style: indentation (the sibling members' indentation, else a guess in
// the manner of VS Code's guessIndentation), the line ending of the first
// line break (LF, CRLF, or a lone CR as in old Mac files: like VS Code, the
// package ends lines and line comments at a lone CR), the key/value
// separator of the neighbours, trailing commas, one-line objects staying on
// one line (with the spacing after commas and inside braces of the
// neighbours). A UTF-8 byte order mark is kept. Comments anywhere survive
// an edit, including a comment on the same line as the member after which
// a new member is appended: the comma goes right after the value, before
// the comment. When the closing brace sits on the last member's line, new
// members go on lines of their own before it. Keys are compared unescaped,
// as VS Code reads them: "workbench\u002ecolorCustomizations" is
// workbench.colorCustomizations.
//
// Inserting a member and removing it again are exact inverses, so applying
// colors and then resetting them gives back the original bytes of a file
// that held no Peacock state. The exceptions, where two inputs give the same
// edited text and nothing is remembered, are: an empty settings object
// spelled with whitespace (`{ }`, or a brace on each line) comes back as
// `{}`, and one holding only a comment with no line break after it gets
// one; an empty or comment-only file comes back with a `{}` root object; a workspace file
// that had no "settings" member keeps an empty `"settings": {}` (as VS Code
// itself writes).
//
// Removing a member removes its whole line(s) when it sits on lines of its
// own, including a comment on the same line after it and comments on its
// lines between its name, colon, value and comma (those comments belong to
// the member). Comments on lines of their own are never removed, even
// between a member's name and its comma. An object left with only comments
// is kept, comments and all. When ApplyColors both adds keys and removes
// stale ones, it adds first, so that removing what was the last member
// does not move its neighbour's comma.
//
// # Refused input
//
// Parse refuses (see ParseError) what cannot be edited safely: text that is
// not JSONC, binary content, a top-level value that is not an object,
// objects and arrays nested more than 10000 deep, and a "settings" or
// workbench.colorCustomizations that is not an object. That includes null:
// VS Code reads a null there as no settings, but its own editing code
// refuses to add a property inside a null, and replacing the user's null
// would edit a member that is not ours to decide about.
//
// # Duplicate keys
//
// VS Code reads the last of duplicate keys. Parse accepts duplicates and
// edits the last occurrence, like VS Code reads it; removals remove every
// occurrence. Duplicates along the edited path (the root object, the
// settings object and workbench.colorCustomizations) are reported by
// Document.DuplicateKeys and Document.Warnings.
//
// # Files
//
// ReadFile is the package's one reader, meant for any file a user may
// name: it reads only regular files (a FIFO, a device, a socket or a
// directory is refused without blocking on it or reading it), at most
// MaxFileSize (16 MiB),
// following symbolic links; a dangling link is an error naming its missing
// target. Update reads, edits and writes a file under a lock that covers
// that one file (flock on the file itself on Unix systems, LockFileEx on a
// lock file outside the project on Windows, a lock file next to the file
// elsewhere; no lock file is left in the project where flock or LockFileEx
// work) and gives up after 10 seconds; UpdateOptions.OnWait tells a caller
// who holds it, and UpdateOptions.Context cancels an update. Writes
// (Update and WriteFileAtomic) go through a temporary file
// .<name>.peacock-tmp-<digits> and a rename, keep the file's mode
// (setuid, setgid and sticky bits included), owner and group, and write
// through symbolic links. They refuse, writing nothing: a target that is
// not a regular file, a dangling link, a read-only file (by its mode bits,
// even for root), a file with several hard links, an owner or group the
// writer cannot keep, and a result over MaxFileSize. Temporary files left
// by a killed writer are removed by the next writer of the file. Before
// its rename a write checks that the file is still the one it read (same
// file, size, modification time and content) and redoes the edit if
// another program saved it meanwhile. New files get 0666 (or, for
// scripts, 0777) less the umask. EditFile is Update for files that are not
// JSONC. Find locates the workspace file for a directory.
//
// # Files found through a repository
//
// A repository is untrusted input: a committed link must not make peacock
// write outside it. Resolve follows every link of a path; Within checks
// that the result lies in a directory (the work tree, or the git
// directory for git's files) and returns an *OutsideError naming where the
// path leads otherwise. UpdateOptions.Within and EditOptions.Within make
// that check part of the write, and Target.Within says which directory a
// target Find found must stay in ("" for a path the user named, which may
// lead anywhere). Reading is held to the same test: ReadWithin reads a
// file found through a repository only when its links stay inside (else
// an *OutsideError with Read set: nothing was read, so none of an outside
// file's bytes can reach a parse error or a printed value), and CheckRead
// makes the test alone. docs/security.md states the rules.
//
// The package never prints, exits, prompts or reads environment variables:
// directories and the operating system are passed in.
package workspace
