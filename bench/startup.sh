#!/bin/sh
# startup.sh measures what peacock adds to the start-up of its own stack. It
# builds peacock and a "stack floor" program, a cobra command that imports
# huh v2 and go-colorful and prints one color (generated here, built in the
# peacock module so it links the same versions, the same way), then runs each
# N times, interleaved so that load on the machine hits them alike, and prints
# per run the median and fastest wall time and the median CPU time, and their
# ratios to the stack floor, for:
#
#   peacock set '#42b883' --workspace tmp.code-workspace   (in a fresh temp
#          dir, HOME there too: the file is written by the first run and is
#          up to date in every later one: open a project, derive a palette,
#          compare, write nothing)
#   peacock --version                       (start-up and the command tree)
#   the floor with all of peacock linked in, never called   (what peacock's
#          size and package initializers cost before main runs)
#
# each built with cgo as `go build` does here and with CGO_ENABLED=0, next to
# the floor built the same way. Read down a column, the rows split what
# peacock adds: linked (size, package inits), --version (+ the command tree
# and cobra's work for subcommands), set (+ the command's own work). A
# hello-world program is timed too, for scale.
#
#   sh bench/startup.sh [N [REV]]   (from anywhere; N defaults to 300)
#
# With REV (a commit), the peacock of REV is built too, both ways, and timed
# in the same interleaved loop, so one run gives the ratios before and after.
#
# The target: `peacock set` within 1.2x the stack floor built the same way
# (the last lines of the output).
set -eu
n=${1:-300}
rev=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/hello" "$tmp/timer" "$tmp/floor" "$tmp/home" "$tmp/work"
printf 'module hello\n\ngo 1.26\n' >"$tmp/hello/go.mod"
cat >"$tmp/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
GO
cat >"$tmp/floor/main.go" <<'GO'
// floor is the stack floor: a cobra command that links huh v2 and
// go-colorful and prints one color.
package main

import (
	"fmt"
	"os"

	"charm.land/huh/v2"
	"github.com/lucasb-eyer/go-colorful"
	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "floor", SilenceUsage: true}
	var pick bool
	root.Flags().BoolVar(&pick, "pick", false, "ask with huh")
	root.RunE = func(cmd *cobra.Command, args []string) error {
		c, err := colorful.Hex("#42b883")
		if err != nil {
			return err
		}
		if pick {
			s := c.Hex()
			if err := huh.NewInput().Value(&s).Run(); err != nil {
				return err
			}
		}
		fmt.Fprintln(cmd.OutOrStdout(), c.Hex())
		return nil
	}
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
GO
# linked is the floor with peacock linked in: main calls peacock only when
# given --run-peacock, which the bench never gives. It is built in the
# module through an overlay (internal packages), so the checkout is not
# touched.
mkdir -p "$tmp/linked"
sed -e 's#^	"github.com/spf13/cobra"$#	"github.com/peacock-cli/peacock/internal/cli"\
	"github.com/peacock-cli/peacock/internal/huhpick"\
	"github.com/spf13/cobra"#' -e 's#^func main() {$#func main() {\
	if len(os.Args) > 1 \&\& os.Args[1] == "--run-peacock" {\
		os.Exit(cli.Main(huhpick.New))\
	}#' "$tmp/floor/main.go" >"$tmp/linked/main.go"
printf '{"Replace":{"%s/cmd/zz-bench-linked-floor/main.go":"%s/linked/main.go"}}\n' "$root" "$tmp" >"$tmp/overlay.json"
printf 'module timer\n\ngo 1.26\n' >"$tmp/timer/go.mod"
cat >"$tmp/timer/main.go" <<'GO'
// timer runs each command line (tab-separated arguments, one per line on
// stdin) N times, interleaved in a shuffled order, and prints the median and
// fastest run of each.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	var cmds [][]string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		cmds = append(cmds, strings.Split(sc.Text(), "\t"))
	}
	times := make([][]time.Duration, len(cmds))
	cpu := make([][]time.Duration, len(cmds))
	// Each round runs the commands in a new order (a fixed seed, so runs
	// repeat): a program started right after itself finds its pages warm
	// in the CPU caches, and in a fixed order the floor never did (measured:
	// `set` 4-5% faster right after `--version` than after another program).
	rnd := rand.New(rand.NewPCG(1, 2))
	for range n {
		for _, i := range rnd.Perm(len(cmds)) {
			c := cmds[i]
			start := time.Now()
			cmd := exec.Command(c[0], c[1:]...)
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, c, err)
				os.Exit(1)
			}
			times[i] = append(times[i], time.Since(start))
			cpu[i] = append(cpu[i], cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
	}
	for i := range cmds {
		slices.Sort(times[i])
		slices.Sort(cpu[i])
		fmt.Printf("%d %d %d\n", times[i][n/2].Microseconds(), times[i][0].Microseconds(), cpu[i][n/2].Microseconds())
	}
}
GO
(cd "$tmp/hello" && go build -o "$tmp/hello.bin" .)
(cd "$tmp/timer" && go build -o "$tmp/timer.bin" .)
(cd "$root" && go build -o "$tmp/peacock.bin" ./cmd/peacock)
(cd "$root" && go build -o "$tmp/floor.bin" "$tmp/floor/main.go")
(cd "$root" && CGO_ENABLED=0 go build -o "$tmp/static.bin" ./cmd/peacock)
(cd "$root" && CGO_ENABLED=0 go build -o "$tmp/sfloor.bin" "$tmp/floor/main.go")
(cd "$root" && go build -overlay "$tmp/overlay.json" -o "$tmp/linked.bin" ./cmd/zz-bench-linked-floor)
(cd "$root" && CGO_ENABLED=0 go build -overlay "$tmp/overlay.json" -o "$tmp/slinked.bin" ./cmd/zz-bench-linked-floor)
if [ -n "$rev" ]; then
	mkdir -p "$tmp/ref"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/ref"
	(cd "$tmp/ref" && go build -o "$tmp/ref.bin" ./cmd/peacock)
	(cd "$tmp/ref" && CGO_ENABLED=0 go build -o "$tmp/sref.bin" ./cmd/peacock)
fi
# Every binary is copied once with cat, so that each file sits in the page
# cache the same way. The linker writes through a memory map, a copy goes
# through write(2), and the kernel caches the two differently: the same
# bytes started 9-11% apart (linux 6.18, ext4), and the ratio to the floor
# moved by 2-4% with it. go build renames the linker's file into place on
# the same file system and copies it across file systems (GOTMPDIR), so
# without this the result would depend on where the temp dirs are.
for b in "$tmp"/*.bin; do
	cat "$b" >"$b.copy" && mv "$b.copy" "$b" && chmod +x "$b"
done

cd "$tmp/work"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
tab=$(printf '\t')
set1="set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
"$tmp/peacock.bin" set '#42b883' --workspace tmp.code-workspace -q # the file is up to date from here on
{
	echo "$tmp/floor.bin"
	echo "$tmp/linked.bin"
	echo "$tmp/peacock.bin${tab}--version"
	echo "$tmp/peacock.bin${tab}$set1"
	echo "$tmp/sfloor.bin"
	echo "$tmp/slinked.bin"
	echo "$tmp/static.bin${tab}--version"
	echo "$tmp/static.bin${tab}$set1"
	echo "$tmp/hello.bin"
	if [ -n "$rev" ]; then
		echo "$tmp/ref.bin${tab}--version"
		echo "$tmp/ref.bin${tab}$set1"
		echo "$tmp/sref.bin${tab}--version"
		echo "$tmp/sref.bin${tab}$set1"
	fi
} | "$tmp/timer.bin" "$n" >"$tmp/out"
size() { wc -c <"$1" | tr -d ' '; }
refsize=0
[ -n "$rev" ] && refsize=$(size "$tmp/ref.bin")
awk -v n="$n" -v rev="$rev" -v hs="$(size "$tmp/hello.bin")" -v fs="$(size "$tmp/floor.bin")" -v ps="$(size "$tmp/peacock.bin")" -v sfs="$(size "$tmp/sfloor.bin")" -v ss="$(size "$tmp/static.bin")" -v rs="$refsize" '
	{ med[NR] = $1; fast[NR] = $2; cpu[NR] = $3 }
	function row(name, i, base, size) {
		printf "%-34s %6.2f ms (%5.2f) cpu %5.2f ms  ratio %.2fx (%.2fx) cpu %.2fx", name, med[i] / 1000, fast[i] / 1000, cpu[i] / 1000, med[i] / med[base], fast[i] / fast[base], cpu[i] / cpu[base]
		if (size) printf "  %9d bytes", size
		printf "\n"
	}
	END {
		printf "%d runs each, interleaved: median (fastest) wall time, median CPU time, and their ratios to the stack floor built the same way\n", n
		row("stack floor (cgo)", 1, 1, fs)
		row("  + peacock linked, not run", 2, 1, 0)
		row("peacock --version", 3, 1, 0)
		row("peacock set", 4, 1, ps)
		row("stack floor (static)", 5, 5, sfs)
		row("  + peacock linked, not run", 6, 5, 0)
		row("static peacock --version", 7, 5, 0)
		row("static peacock set", 8, 5, ss)
		row("hello world (vs cgo floor)", 9, 1, hs)
		if (rev != "") {
			row(rev " peacock --version", 10, 1, 0)
			row(rev " peacock set", 11, 1, rs)
			row(rev " static --version", 12, 5, 0)
			row(rev " static set", 13, 5, 0)
			printf "%s peacock set / stack floor: %.2fx with cgo, %.2fx static\n", rev, med[11] / med[1], med[13] / med[5]
		}
		printf "peacock set / stack floor: %.2fx with cgo, %.2fx static (target <= 1.2x)\n", med[4] / med[1], med[8] / med[5]
	}' "$tmp/out"
