package cli_test

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/peacock-cli/peacock/internal/cli"
	"github.com/peacock-cli/peacock/internal/huhpick"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// peacock as installed (cmd/peacock).
		"peacock": func() { os.Exit(cli.Main(huhpick.New)) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script. Each runs with
// HOME, XDG_CONFIG_HOME and APPDATA inside its own work directory, so no
// test ever reads the real user's settings. UPDATE_SCRIPTS=1 rewrites the
// expected output in the scripts.
//
// The scripts run on Linux, macOS and Windows alike. Setup gives them:
//
//   - $USERDIR: VS Code's user directory on this OS, where it keeps
//     settings.json and globalStorage/storage.json (a txtar file name cannot
//     use it: files are extracted before Setup runs, so scripts copy their
//     fixtures there with mkdir and cp);
//   - $WORKURI: the file:// URI of $WORK as VS Code writes it in
//     storage.json.
//
// Scripts match a path separator in output with [/\\] (and with (/|\\\\)
// inside JSON strings).
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cmpnonl":  cmdCmpNoNL,
			"lsdir":    cmdLsDir,
			"replace":  cmdReplace,
			"backdate": cmdBackdate,
			"mvq":      cmdMvq,
			// hook scripts: peacock uninstalled
			"nopeacock": cmdNoPeacock,
		},
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			env.Setenv("HOME", home)
			env.Setenv("USERPROFILE", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("APPDATA", filepath.Join(home, "AppData", "Roaming"))
			env.Setenv("USERDIR", codeUserDir(runtime.GOOS, home))
			env.Setenv("WORKURI", fileURI(env.WorkDir))
			env.Setenv("PEACOCK_EDITOR", "")
			env.Setenv("PEACOCK_USER_SETTINGS", "")
			env.Setenv("NO_COLOR", "")
			// Scripts that need git set up a repository themselves.
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "t")
			env.Setenv("GIT_AUTHOR_EMAIL", "t@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "t")
			env.Setenv("GIT_COMMITTER_EMAIL", "t@example.com")
			return nil
		},
	})
}

// codeUserDir is where VS Code keeps its user settings on goos, given the
// HOME, XDG_CONFIG_HOME and APPDATA that Setup sets. It is written out
// rather than taken from workspace.UserSettingsPath, so that the scripts
// check peacock looks where the editor really keeps them.
func codeUserDir(goos, home string) string {
	switch goos {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "Code", "User")
	case "windows":
		return filepath.Join(home, "AppData", "Roaming", "Code", "User")
	default:
		return filepath.Join(home, ".config", "Code", "User")
	}
}

// fileURI returns the file:// URI of an absolute path as VS Code writes it:
// file:///home/u/p, and on Windows file:///c%3A/Users/u/p (drive letter
// lower-cased, colon escaped).
func fileURI(path string) string {
	p, drive := filepath.ToSlash(path), ""
	if v := filepath.VolumeName(path); len(v) == 2 && v[1] == ':' {
		p, drive = p[2:], "/"+strings.ToLower(v[:1])+"%3A"
	}
	return "file://" + drive + (&url.URL{Path: p}).EscapedPath()
}

// cmdLsDir lists a directory as ls -A does, which Windows lacks: lsdir DIR
// prints the names in DIR, dot files included, one a line, sorted.
func cmdLsDir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: lsdir dir")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		fmt.Fprintln(ts.Stdout(), e.Name())
	}
}

// cmdCmpNoNL is cmp for files that end without a newline (VS Code writes new
// workspace files that way, and a txtar file always ends with one): it
// compares the two files after dropping one final newline from the second.
func cmdCmpNoNL(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpnonl got want")
	}
	got := []byte(ts.ReadFile(args[0]))
	want := bytes.TrimSuffix([]byte(ts.ReadFile(args[1])), []byte("\n"))
	eq := bytes.Equal(got, want)
	switch {
	case neg && eq:
		ts.Fatalf("%s and %s do not differ", args[0], args[1])
	case !neg && !eq:
		ts.Fatalf("%s differs from %s:\n--- got\n%q\n--- want\n%q", args[0], args[1], got, want)
	}
}

// cmdReplace edits a file in place: replace OLD NEW FILE replaces every
// occurrence of OLD, and fails when there is none.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace old new file")
	}
	data := ts.ReadFile(args[2])
	if !strings.Contains(data, args[0]) {
		ts.Fatalf("%s does not contain %q", args[2], args[0])
	}
	err := os.WriteFile(ts.MkAbs(args[2]), []byte(strings.ReplaceAll(data, args[0], args[1])), 0o644)
	ts.Check(err)
}

// cmdNoPeacock drops from $PATH every directory holding a peacock
// executable, as if peacock had been uninstalled: git and sh stay.
func cmdNoPeacock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: nopeacock")
	}
	var keep []string
	for _, d := range filepath.SplitList(ts.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(d, "peacock")); err == nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "peacock.exe")); err == nil {
			continue
		}
		keep = append(keep, d)
	}
	ts.Setenv("PATH", strings.Join(keep, string(os.PathListSeparator)))
}

// cmdMvq renames a file to a name written as a Go string literal: mvq OLD
// "NEW" (a name with a line break, which a script cannot spell).
func cmdMvq(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mvq old \"new\"")
	}
	name, err := strconv.Unquote(args[1])
	ts.Check(err)
	ts.Check(os.Rename(ts.MkAbs(args[0]), ts.MkAbs(name)))
}

// cmdBackdate sets the modification time of files a minute back: backdate
// FILE... A script stands for a file written a while ago, which git no
// longer takes for racily clean (written in the second of its index).
func cmdBackdate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: backdate file...")
	}
	t := time.Now().Add(-time.Minute)
	for _, a := range args {
		ts.Check(os.Chtimes(ts.MkAbs(a), t, t))
	}
}
