#!/bin/sh
# pick.sh measures how quickly `peacock pick` answers a person: it drives the
# picker in tmux, as a user at a 120x40 terminal would, and prints
#
#   first frame   from starting the program to its first full frame on the
#                 screen (the help line drawn), with the CPU time it took;
#   keys          from sending a key to the screen changing: arrow keys
#                 (cursor and preview redrawn) and filter keys (/blue typed
#                 and erased), the median and the slowest of each.
#
# The project offers 200 colors (favorites are added to reach that count),
# with a stored color so that every kind of suggestion is listed.
#
#   sh bench/pick.sh [N [REV]]   (from anywhere; N rounds, default 5)
#
# With REV (a commit, such as main before a change), the peacock of REV is
# built too and run in the same interleaved rounds, and each figure is also
# given as a ratio to REV's. Needs tmux; Linux (/proc for the CPU time).
#
# The times include what tmux adds (starting the pane, drawing, the
# capture-pane polls every 2 ms), the same for both builds.
set -eu
n=${1:-5}
rev=${2:-}
size=${SIZE:-120x40}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v tmux >/dev/null || { echo "pick.sh: needs tmux" >&2; exit 1; }
tmp=$(mktemp -d)
sock="peacock-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

mkdir -p "$tmp/driver" "$tmp/home/.config/Code/User" "$tmp/work" "$tmp/new" "$tmp/ref"
printf 'module driver\n\ngo 1.26\n' >"$tmp/driver/go.mod"
cat >"$tmp/driver/main.go" <<'GO'
// driver runs each picker (one command line per argument, words split on
// tabs) in a tmux session, round after round, and prints its timings.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

var sock, size string

func tmux(args ...string) []byte {
	out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tmux", args, err)
		os.Exit(1)
	}
	return out
}

func capture(s string) []byte { return tmux("capture-pane", "-p", "-t", s) }

// waitFor polls the pane until ok says yes, and returns when it did.
func waitFor(s string, ok func([]byte) bool) time.Time {
	deadline := time.Now().Add(20 * time.Second)
	for {
		p := capture(s)
		if ok(p) {
			return time.Now()
		}
		if time.Now().After(deadline) {
			fmt.Fprintf(os.Stderr, "timed out; the pane shows:\n%s\n", p)
			os.Exit(1)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// cpu is the user+system time of process pid so far (Linux).
func cpu(pid string) time.Duration {
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+2:]))
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut+st) * (time.Second / 100)
}

type result struct{ first, cpu, moves, filters []time.Duration }

// floor is the least a program can do in the pane: print the marker, then
// a line per key, with no terminal library. Its figures are what tmux and
// the polling cost.
func floor() {
	stty := exec.Command("stty", "raw", "-echo")
	stty.Stdin = os.Stdin
	stty.Run()
	fmt.Print("esc cancel")
	var b [64]byte
	n := 0
	for {
		k, err := os.Stdin.Read(b[:])
		if err != nil || bytes.IndexByte(b[:k], 3) >= 0 {
			return
		}
		n++
		fmt.Printf("\r\nkey %d", n)
	}
}

func main() {
	if os.Args[1] == "floor" {
		floor()
		return
	}
	sock, size = os.Args[1], os.Args[2]
	rounds, _ := strconv.Atoi(os.Args[3])
	cmds := os.Args[4:]
	w, h, _ := strings.Cut(size, "x")
	res := make([]result, len(cmds))
	moves := []string{"Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Down", "Up", "Up", "Up", "Up", "Up"}
	filters := []string{"/", "b", "l", "u", "e", "BSpace", "BSpace", "BSpace", "BSpace"}
	for r := range rounds {
		for i, c := range cmds {
			s := fmt.Sprintf("r%dc%d", r, i)
			start := time.Now()
			tmux(append([]string{"new-session", "-d", "-x", w, "-y", h, "-s", s}, strings.Split(c, "\t")...)...)
			pid := strings.TrimSpace(string(tmux("display-message", "-p", "-t", s, "#{pane_pid}")))
			at := waitFor(s, func(p []byte) bool { return bytes.Contains(p, []byte("esc cancel")) })
			res[i].first = append(res[i].first, at.Sub(start))
			res[i].cpu = append(res[i].cpu, cpu(pid))
			key := func(k string) time.Duration {
				before := capture(s)
				t := time.Now()
				tmux("send-keys", "-t", s, k)
				return waitFor(s, func(p []byte) bool { return !bytes.Equal(p, before) }).Sub(t)
			}
			time.Sleep(100 * time.Millisecond) // let start-up work settle
			for _, k := range moves {
				res[i].moves = append(res[i].moves, key(k))
			}
			for _, k := range filters {
				res[i].filters = append(res[i].filters, key(k))
			}
			tmux("send-keys", "-t", s, "C-c")
			time.Sleep(50 * time.Millisecond)
			exec.Command("tmux", "-L", sock, "kill-session", "-t", s).Run()
		}
	}
	for _, r := range res {
		med := func(d []time.Duration) float64 { slices.Sort(d); return float64(d[len(d)/2].Microseconds()) / 1000 }
		worst := func(d []time.Duration) float64 { return float64(slices.Max(d).Microseconds()) / 1000 }
		fmt.Println(med(r.first), med(r.cpu), med(r.moves), worst(r.moves), med(r.filters), worst(r.filters))
	}
}
GO
(cd "$tmp/driver" && go build -o "$tmp/driver.bin" .)
(cd "$root" && go build -o "$tmp/new/" ./cmd/...)
if [ -n "$rev" ]; then
	mkdir -p "$tmp/refsrc"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/refsrc"
	(cd "$tmp/refsrc" && go build -o "$tmp/ref/" ./cmd/...)
fi

# 200 colors: count what the picker lists with no favorites (its numbered
# accessible prompt), then add favorites until there are 200.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
cd "$tmp/work"
printf '{"folders": [{"path": "."}], "settings": {"peacock.color": "#832561"}}\n' >work.code-workspace
if command -v git >/dev/null; then
	git init -q . && git remote add origin https://github.com/peacock-cli/example.git
fi
count=$("$tmp/new/peacock" pick --accessible </dev/null 2>&1 | grep -c '^[0-9][0-9]*\. ' || true)
favs=$((200 - count))
{
	printf '{"peacock.favoriteColors": ['
	i=0
	while [ "$i" -lt "$favs" ]; do
		[ "$i" -gt 0 ] && printf ', '
		printf '{"name": "Bench %d", "value": "#%02x%02x%02x"}' "$i" $((i * 37 % 256)) $((i * 91 % 256)) $((i * 53 % 256))
		i=$((i + 1))
	done
	printf ']}\n'
} >"$tmp/home/.config/Code/User/settings.json"
count=$("$tmp/new/peacock" pick --accessible </dev/null 2>&1 | grep -c '^[0-9][0-9]*\. ' || true)
[ "$count" = 200 ] || { echo "pick.sh: the picker lists $count colors, not 200" >&2; exit 1; }

tmux -L "$sock" new-session -d -s keep sleep 100000
set -- "$tmp/driver.bin	floor" "$tmp/new/peacock	pick"
[ -n "$rev" ] && set -- "$@" "$tmp/ref/peacock	pick"
"$tmp/driver.bin" "$sock" "$size" "$n" "$@" >"$tmp/out"
awk -v n="$n" -v rev="$rev" -v count="$count" -v size="$size" '
	{ first[NR] = $1; cpu[NR] = $2; mmed[NR] = $3; mmax[NR] = $4; fmed[NR] = $5; fmax[NR] = $6 }
	function row(name, i) {
		printf "%-12s first frame %7.1f ms (cpu %5.0f ms)  arrow key %6.1f ms (max %6.1f)  filter key %6.1f ms (max %6.1f)\n", name, first[i], cpu[i], mmed[i], mmax[i], fmed[i], fmax[i]
	}
	END {
		printf "peacock pick at %s with %d colors, %d rounds, interleaved: medians (cpu: to the first frame, 10 ms ticks)\n", size, count, n
		row("floor", 1)
		row("this tree", 2)
		if (rev != "") {
			row(rev, 3)
			printf "%-12s first frame %6.2fx               arrow key %6.2fx              filter key %6.2fx\n", "ratio", first[2] / first[3], mmed[2] / mmed[3], fmed[2] / fmed[3]
		}
		printf "floor: a program that only prints a line per key, for what tmux and the 2 ms polling add\n"
	}' "$tmp/out"
