#!/bin/sh
# startup.sh measures what peacock's start-up costs next to a hello-world Go
# binary. It builds both, then runs each N times, interleaved so that load on
# the machine hits both alike, and prints per run the median and fastest wall
# time and the median CPU time, and their ratios to hello world, for:
#
#   peacock set '#42b883' --workspace tmp.code-workspace (in a fresh temp dir, HOME there
#                                            too: opens a project, derives a
#                                            palette, writes one small file)
#   peacock --version                       (start-up alone: package init and
#                                            the command tree)
#
#   sh bench/startup.sh [N [REV]]   (from anywhere; N defaults to 300)
#
# With REV (a commit, such as the one before a dependency was added), the
# peacock of REV is built too and timed in the same interleaved loop, so one
# run gives the ratios before and after.
#
# The guard: the picker's libraries (huh, bubbletea, lipgloss) live in
# peacock-pick only, so they cost the other commands nothing at start-up
# (the peacock-pick row shows what they would cost); `peacock set` should
# stay within 1.5x hello world.
set -eu
n=${1:-300}
rev=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/hello" "$tmp/timer" "$tmp/home" "$tmp/work"
printf 'module hello\n\ngo 1.26\n' >"$tmp/hello/go.mod"
cat >"$tmp/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello") }
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
# The same with CGO_ENABLED=0: nothing in peacock uses cgo, so both are
# static and should time alike (a difference means a cgo package crept in,
# and with it the dynamic loader on every run).
(cd "$root" && CGO_ENABLED=0 go build -o "$tmp/static.bin" ./cmd/peacock)
# peacock-pick is the same command line with the picker (huh, bubbletea,
# lipgloss) linked in: what every command would cost if peacock held it.
(cd "$root" && CGO_ENABLED=0 go build -o "$tmp/pick.bin" ./cmd/peacock-pick)
if [ -n "$rev" ]; then
	mkdir -p "$tmp/ref"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/ref"
	(cd "$tmp/ref" && go build -o "$tmp/ref.bin" ./cmd/peacock)
fi

cd "$tmp/work"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
tab=$(printf '\t')
{
	echo "$tmp/hello.bin"
	echo "$tmp/peacock.bin${tab}set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
	echo "$tmp/peacock.bin${tab}--version"
	echo "$tmp/static.bin${tab}set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
	echo "$tmp/static.bin${tab}--version"
	echo "$tmp/pick.bin${tab}set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
	if [ -n "$rev" ]; then
		echo "$tmp/ref.bin${tab}set${tab}#42b883${tab}--workspace${tab}tmp.code-workspace"
		echo "$tmp/ref.bin${tab}--version"
	fi
} | "$tmp/timer.bin" "$n" >"$tmp/out"
size() { wc -c <"$1" | tr -d ' '; }
refsize=0
[ -n "$rev" ] && refsize=$(size "$tmp/ref.bin")
awk -v n="$n" -v rev="$rev" -v hs="$(size "$tmp/hello.bin")" -v ps="$(size "$tmp/peacock.bin")" -v ss="$(size "$tmp/static.bin")" -v ps2="$(size "$tmp/pick.bin")" -v rs="$refsize" '
	{ med[NR] = $1; fast[NR] = $2; cpu[NR] = $3 }
	function row(name, i, size) {
		printf "%-26s %6.2f ms (%5.2f) cpu %5.2f ms  ratio %.2fx (%.2fx) cpu %.2fx", name, med[i] / 1000, fast[i] / 1000, cpu[i] / 1000, med[i] / med[1], fast[i] / fast[1], cpu[i] / cpu[1]
		if (size) printf "  %9d bytes", size
		printf "\n"
	}
	END {
		printf "%d runs each, interleaved: median (fastest) wall time, median CPU time, and their ratios to hello world\n", n
		row("hello world", 1, hs)
		row("peacock set", 2, ps)
		row("peacock --version", 3, 0)
		row("static peacock set", 4, ss)
		row("static peacock --version", 5, 0)
		row("static peacock-pick set", 6, ps2)
		if (rev != "") {
			row(rev " peacock set", 7, rs)
			row(rev " peacock --version", 8, 0)
		}
	}' "$tmp/out"
