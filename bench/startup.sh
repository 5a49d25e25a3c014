#!/bin/sh
# startup.sh measures what peacock's start-up costs next to a hello-world Go
# binary. It builds both, then runs each N times, interleaved so that load on
# the machine hits both alike, and prints the median wall time per run and the
# ratio of the medians for:
#
#   peacock set '#42b883' --workspace tmp   (in a fresh temp dir, HOME there
#                                            too: opens a project, derives a
#                                            palette, writes one small file)
#   peacock --version                       (start-up alone: package init and
#                                            the command tree)
#
#   sh bench/startup.sh [N]     (from anywhere; N defaults to 300)
#
# The guard: linking the picker (huh, bubbletea, lipgloss) must cost the
# other commands nothing at start-up, so compare the ratios before and after
# a dependency change; `peacock set` should stay within 2x hello world.
set -eu
n=${1:-300}
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
	for range n {
		for i, c := range cmds {
			start := time.Now()
			if err := exec.Command(c[0], c[1:]...).Run(); err != nil {
				fmt.Fprintln(os.Stderr, c, err)
				os.Exit(1)
			}
			times[i] = append(times[i], time.Since(start))
		}
	}
	for i := range cmds {
		slices.Sort(times[i])
		fmt.Printf("%d %d\n", times[i][n/2].Microseconds(), times[i][0].Microseconds())
	}
}
GO
(cd "$tmp/hello" && go build -o "$tmp/hello.bin" .)
(cd "$tmp/timer" && go build -o "$tmp/timer.bin" .)
(cd "$root" && go build -o "$tmp/peacock.bin" ./cmd/peacock)

cd "$tmp/work"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
tab=$(printf '\t')
"$tmp/timer.bin" "$n" >"$tmp/out" <<LIST
$tmp/hello.bin
$tmp/peacock.bin${tab}set${tab}#42b883${tab}--workspace${tab}tmp
$tmp/peacock.bin${tab}--version
LIST
size() { wc -c <"$1" | tr -d ' '; }
awk -v n="$n" -v hs="$(size "$tmp/hello.bin")" -v ps="$(size "$tmp/peacock.bin")" '
	{ med[NR] = $1; fast[NR] = $2 }
	END {
		printf "%d runs each, interleaved; median (fastest) per run\n", n
		printf "hello world        %6.2f ms (%5.2f)   %9d bytes\n", med[1] / 1000, fast[1] / 1000, hs
		printf "peacock set        %6.2f ms (%5.2f)   %9d bytes   ratio %.2fx\n", med[2] / 1000, fast[2] / 1000, ps, med[2] / med[1]
		printf "peacock --version  %6.2f ms (%5.2f)                     ratio %.2fx\n", med[3] / 1000, fast[3] / 1000, med[3] / med[1]
	}' "$tmp/out"
