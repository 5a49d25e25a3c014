package cmdline

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// testFlags defines the same flags on a FlagSet and a pflag.FlagSet.
func testFlags() (*FlagSet, *pflag.FlagSet) {
	ours := &FlagSet{}
	var s1, s2 string
	var b1, b2 bool
	var u64 uint64
	ours.StringVarP(&s1, "chdir", "C", "", "run as if started in `dir`")
	ours.StringVar(&s2, "theme", "dark", "`theme` to pick from")
	ours.BoolVarP(&b1, "quiet", "q", false, "print no status messages")
	ours.BoolVar(&b2, "dry-run", false, "print a diff; write nothing")
	ours.Uint64Var(&u64, "seed", 0, "seed of the generator")
	ours.Uint("count", 3, "how many")
	var b3 bool
	ours.BoolVarP(&b3, "all", "a", true, "everything")

	theirs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	theirs.SetOutput(io.Discard)
	theirs.StringP("chdir", "C", "", "run as if started in `dir`")
	theirs.String("theme", "dark", "`theme` to pick from")
	theirs.BoolP("quiet", "q", false, "print no status messages")
	theirs.Bool("dry-run", false, "print a diff; write nothing")
	theirs.Uint64("seed", 0, "seed of the generator")
	theirs.Uint("count", 3, "how many")
	theirs.BoolP("all", "a", true, "everything")
	return ours, theirs
}

// TestParseMatchesPflag holds FlagSet.Parse to pflag's: the same error
// text, arguments left, and values and Changed state.
func TestParseMatchesPflag(t *testing.T) {
	vectors := [][]string{
		{},
		{""},
		{"-"},
		{"--"},
		{"--", "--"},
		{"a", "--", "-q", "b"},
		{"-C", "dir", "x"},
		{"-Cdir"},
		{"-C=dir"},
		{"-C="},
		{"-C", ""},
		{"-C", "-q"},
		{"-C", "--"},
		{"-qC", "dir"},
		{"-qCdir"},
		{"-qCq"},
		{"-Cq"},
		{"-qq"},
		{"-qa"},
		{"-qaC"},
		{"-q=false"},
		{"-q=", "x"},
		{"-qa=false"},
		{"-a=0"},
		{"-C"},
		{"-qC"},
		{"-z"},
		{"-qz"},
		{"-=x"},
		{"-=", "x"},
		{"--chdir", "dir"},
		{"--chdir=dir"},
		{"--chdir=a=b"},
		{"--chdir="},
		{"--chdir"},
		{"--theme", "-x"},
		{"--quiet=maybe"},
		{"--quiet=", "x"},
		{"--quiet=F"},
		{"--quiet", "false"},
		{"--dry-run=t", "--dry-run=0"},
		{"--all=false"},
		{"--seed=-1"},
		{"--seed=0x10"},
		{"--seed=0b11"},
		{"--seed=017"},
		{"--seed=0o17"},
		{"--seed=1_000"},
		{"--seed", "18446744073709551615"},
		{"--seed", "18446744073709551616"},
		{"--seed", " 1"},
		{"--count=4294967296"},
		{"--count", "-0"},
		{"--bogus"},
		{"--bogus=1"},
		{"---x"},
		{"--=x"},
		{"--="},
		{"--q"},
		{"-h"},
		{"--help"},
		{"-qh"},
		{"--help=1"},
		{"x", "-q", "y", "--chdir", "d", "z"},
	}
	for _, args := range vectors {
		ours, theirs := testFlags()
		oerr := ours.Parse(slices.Clone(args))
		terr := theirs.Parse(slices.Clone(args))
		switch {
		case errors.Is(terr, pflag.ErrHelp):
			if !errors.Is(oerr, errHelp) {
				t.Errorf("%q: error %v, pflag's ErrHelp", args, oerr)
			}
			continue
		case errText(oerr) != errText(terr):
			t.Errorf("%q: error\n  %s\npflag's\n  %s", args, errText(oerr), errText(terr))
			continue
		}
		if oerr != nil {
			continue
		}
		if o, p := ours.Args(), theirs.Args(); !slices.Equal(o, p) {
			t.Errorf("%q: args %q, pflag's %q", args, o, p)
		}
		var o, p []string
		ours.VisitAll(func(fl *Flag) { o = append(o, fmt.Sprintf("%s=%q %v", fl.Name, fl.Value.String(), fl.Changed)) })
		theirs.VisitAll(func(fl *pflag.Flag) { p = append(p, fmt.Sprintf("%s=%q %v", fl.Name, fl.Value.String(), fl.Changed)) })
		if !slices.Equal(o, p) {
			t.Errorf("%q: flags\n  %s\npflag's\n  %s", args, strings.Join(o, "\n  "), strings.Join(p, "\n  "))
		}
	}
}

// TestParseAgain: a second Parse starts a new list of arguments and keeps
// what the first one set (as pflag does).
func TestParseAgain(t *testing.T) {
	ours, _ := testFlags()
	if err := ours.Parse([]string{"a", "-q", "b"}); err != nil {
		t.Fatal(err)
	}
	if err := ours.Parse([]string{"c"}); err != nil {
		t.Fatal(err)
	}
	if got := ours.Args(); !slices.Equal(got, []string{"c"}) || ours.NArg() != 1 {
		t.Errorf("Args = %q", got)
	}
	if !ours.Changed("quiet") || ours.Changed("chdir") || ours.Changed("nonesuch") {
		t.Errorf("Changed: quiet %v, chdir %v", ours.Changed("quiet"), ours.Changed("chdir"))
	}
}

const flagUsagesGolden = `  -a, --all           everything (default true)
  -C, --chdir dir     run as if started in dir
      --count uint    how many (default 3)
      --dry-run       print a diff; write nothing
  -q, --quiet         print no status messages
      --seed uint     seed of the generator
      --theme theme   theme to pick from (default "dark")
`

func TestFlagUsages(t *testing.T) {
	ours, theirs := testFlags()
	got := ours.FlagUsages()
	if got != flagUsagesGolden {
		t.Errorf("FlagUsages:\n%s\nwant:\n%s", got, flagUsagesGolden)
	}
	if want := theirs.FlagUsages(); got != want {
		t.Errorf("FlagUsages:\n%s\npflag's:\n%s", got, want)
	}
	// Hidden flags are left out, and do not widen the column.
	ours.Lookup("theme").Hidden = true
	theirs.Lookup("theme").Hidden = true
	if got, want := ours.FlagUsages(), theirs.FlagUsages(); got != want || strings.Contains(got, "theme") {
		t.Errorf("FlagUsages with --theme hidden:\n%s\npflag's:\n%s", got, want)
	}
	if (&FlagSet{}).FlagUsages() != "" {
		t.Error("FlagUsages of an empty set is not empty")
	}
}

// The help of the differential test's tree, as cobra v1.10.2 prints it
// (TestCobraDiffExecute compares the two; this pins the layout itself).
const rootHelpGolden = `prog paints the title bar of a workspace.

The target file is, in order: --workspace FILE; the nearest workspace file.

Usage:
  prog [command]

Examples:
  $ prog set navy
  $ prog random --seed 7

Available Commands:
  completion  Print a shell completion script
  favorites   List, add and remove favorite colors
  help        Help about any command
  random      Set a random color
  set         Set the accent color

Flags:
  -C, --chdir dir        run as if started in dir
      --dry-run          print a unified diff of what would change; write nothing
  -h, --help             help for prog
      --json             print the result as JSON on stdout
  -q, --quiet            print no status messages
  -v, --version          version for prog
      --workspace file   target file: a *.code-workspace, or a settings.json

Use "prog [command] --help" for more information about a command.
`

const randomHelpGolden = `Set a random color

Usage:
  prog random [flags]

Flags:
      --count uint    how many colors to try (default 3)
  -h, --help          help for random
      --seed uint     seed of the generator (0: any)
      --theme theme   theme to pick from (default "dark")

Global Flags:
  -C, --chdir dir        run as if started in dir
      --dry-run          print a unified diff of what would change; write nothing
      --json             print the result as JSON on stdout
  -q, --quiet            print no status messages
      --workspace file   target file: a *.code-workspace, or a settings.json
`

func TestHelpLayout(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, rootHelpGolden},
		{[]string{"help", "random"}, randomHelpGolden},
		{[]string{"random", "-h"}, randomHelpGolden},
	} {
		tree := newOursTree(tc.args)
		if err := tree.root.Execute(); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if got := tree.out.String(); got != tc.want {
			t.Errorf("%q:\n%s\nwant:\n%s", tc.args, got, tc.want)
		}
	}
}
