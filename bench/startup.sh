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
#   peacock --version                       (start-up alone)
#
# each built with cgo as `go build` does here and with CGO_ENABLED=0, next to
# the floor built the same way. A hello-world program is timed too, for
# scale.
#
#   sh bench/startup.sh [N [REV]]   (from anywhere; N defaults to 300)
#
# With REV (a commit), the peacock of REV is built too and timed in the same
# interleaved loop, so one run gives the ratios before and after.
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
printf 'module timer\n\ngo 1.26\n' >"$tmp/timer/go.mod"
cat >"$tmp/timer/main.go" <<'GO'
// timer runs each command line (tab-separated arguments, one per line on
// stdin) N times, interleaved, and prints the median and fastest run of each.
package main

import (
	"bufio"
	"fmt"
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
	for range n {
		for i, c := range cmds {
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
if [ -n "$rev" ]; then
	mkdir -p "$tmp/ref"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/ref"
	(cd "$tmp/ref" && go build -o "$tmp/ref.bin" ./cmd/peacock)
fi

cd "$tmp/work"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
tab=$(printf '\t')
set1="set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
"$tmp/peacock.bin" set '#42b883' --workspace tmp.code-workspace -q # the file is up to date from here on
{
	echo "$tmp/floor.bin"
	echo "$tmp/peacock.bin${tab}$set1"
	echo "$tmp/peacock.bin${tab}--version"
	echo "$tmp/sfloor.bin"
	echo "$tmp/static.bin${tab}$set1"
	echo "$tmp/static.bin${tab}--version"
	echo "$tmp/hello.bin"
	if [ -n "$rev" ]; then
		echo "$tmp/ref.bin${tab}$set1"
		echo "$tmp/ref.bin${tab}--version"
	fi
} | "$tmp/timer.bin" "$n" >"$tmp/out"
size() { wc -c <"$1" | tr -d ' '; }
refsize=0
[ -n "$rev" ] && refsize=$(size "$tmp/ref.bin")
awk -v n="$n" -v rev="$rev" -v hs="$(size "$tmp/hello.bin")" -v fs="$(size "$tmp/floor.bin")" -v ps="$(size "$tmp/peacock.bin")" -v sfs="$(size "$tmp/sfloor.bin")" -v ss="$(size "$tmp/static.bin")" -v rs="$refsize" '
	{ med[NR] = $1; fast[NR] = $2; cpu[NR] = $3 }
	function row(name, i, base, size) {
		printf "%-28s %6.2f ms (%5.2f) cpu %5.2f ms  ratio %.2fx (%.2fx) cpu %.2fx", name, med[i] / 1000, fast[i] / 1000, cpu[i] / 1000, med[i] / med[base], fast[i] / fast[base], cpu[i] / cpu[base]
		if (size) printf "  %9d bytes", size
		printf "\n"
	}
	END {
		printf "%d runs each, interleaved: median (fastest) wall time, median CPU time, and their ratios to the stack floor built the same way\n", n
		row("stack floor (cgo)", 1, 1, fs)
		row("peacock set", 2, 1, ps)
		row("peacock --version", 3, 1, 0)
		row("stack floor (static)", 4, 4, sfs)
		row("static peacock set", 5, 4, ss)
		row("static peacock --version", 6, 4, 0)
		row("hello world (vs cgo floor)", 7, 1, hs)
		if (rev != "") {
			row(rev " peacock set (vs cgo floor)", 8, 1, rs)
			row(rev " peacock --version", 9, 1, 0)
		}
		printf "peacock set / stack floor: %.2fx with cgo, %.2fx static (target <= 1.2x)\n", med[2] / med[1], med[5] / med[4]
	}' "$tmp/out"
