#!/usr/bin/env bash
# large.sh: time and peak memory of peacock set/show/check/reset on large
# generated settings files (100 KB, 1 MB, 10 MB) of three shapes:
#   keys      one string setting per line
#   array     one object per line, with arrays and nested objects
#   comments  settings each under a large block of comments
# (the shapes of BenchmarkLarge* in workspace/bench_test.go).
#
# Usage: bench/large.sh            builds ./cmd/peacock and runs it
#        PEACOCK=/path/bin bench/large.sh   runs that binary instead (to
#                                  compare with an older build)
#        LIB=1 bench/large.sh      runs a small driver of package workspace
#                                  alone (read, Parse, SettingsWithPrefix,
#                                  the edit or reads, Bytes, write): what the
#                                  commands cost without the rest of the CLI
# Prints one row per shape, size and command: seconds and peak RSS (KB,
# from /usr/bin/time -f %M, else from Go's rusage), then the 1 MB -> 10 MB
# time ratio of each shape and command.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bin=${PEACOCK:-}
if [ -n "${LIB:-}" ]; then
	mkdir -p "$tmp/driver"
	cat >"$tmp/driver/go.mod" <<EOF
module driver

go 1.26

require github.com/peacock-cli/peacock v0.0.0

replace github.com/peacock-cli/peacock => $root
EOF
	cat >"$tmp/driver/main.go" <<'EOF'
// Command driver runs what peacock set/show/check/reset ask of package
// workspace: driver --workspace FILE CMD [color].
package main

import (
	"os"
	"strings"

	"github.com/peacock-cli/peacock/workspace"
)

func main() {
	path, cmd := os.Args[2], os.Args[3]
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	d, err := workspace.Parse(path, data)
	if err != nil {
		panic(err)
	}
	_ = d.SettingsWithPrefix("peacock.")
	owned := func(k string) bool {
		return strings.HasPrefix(k, "activityBar") || strings.HasPrefix(k, "statusBar") || strings.HasPrefix(k, "titleBar")
	}
	switch cmd {
	case "set":
		colors := map[string]string{}
		for _, k := range []string{"activityBar.activeBackground", "activityBar.background", "activityBar.foreground",
			"activityBar.inactiveForeground", "activityBarBadge.background", "activityBarBadge.foreground",
			"statusBar.background", "statusBar.foreground", "statusBarItem.hoverBackground",
			"titleBar.activeBackground", "titleBar.activeForeground", "titleBar.inactiveBackground",
			"titleBar.inactiveForeground"} {
			colors[k] = "#dd0531"
		}
		if err := d.ApplyColors(colors, owned, nil); err != nil {
			panic(err)
		}
		if err := d.SetSetting(workspace.ColorKey, "#dd0531"); err != nil {
			panic(err)
		}
	case "show", "check":
		_ = d.ColorCustomizations()
		_, _ = d.Setting(workspace.ColorKey)
		_ = d.Warnings()
		return
	case "reset":
		if err := d.ResetColors(owned, nil); err != nil {
			panic(err)
		}
	}
	if err := os.WriteFile(path, d.Bytes(), 0o644); err != nil {
		panic(err)
	}
}
EOF
	bin=$tmp/driver/driver
	(cd "$tmp/driver" && GOFLAGS=-mod=mod go build -o "$bin" .)
elif [ -z "$bin" ]; then
	bin=$tmp/peacock
	(cd "$root" && go build -o "$bin" ./cmd/peacock)
fi

# measure CMD...: runs CMD, prints "seconds rss_kb".
if [ -x /usr/bin/time ]; then
	measure() {
		local s e
		s=$(date +%s%N)
		/usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>"$tmp/err" || { echo "FAILED: $*" >&2; cat "$tmp/err" >&2; }
		e=$(date +%s%N)
		printf '%s %s\n' "$(awk -v n=$((e - s)) 'BEGIN{printf "%.3f", n/1e9}')" "$(tail -n1 "$tmp/rss")"
	}
else
	cat >"$tmp/rss.go" <<'EOF'
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "FAILED:", os.Args[1:], err)
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	rss := int64(0)
	if ru != nil {
		rss = int64(ru.Maxrss)
	}
	fmt.Printf("%.3f %d\n", time.Since(start).Seconds(), rss)
}
EOF
	(cd "$tmp" && go build -o "$tmp/rss" rss.go)
	measure() { "$tmp/rss" "$@"; }
fi

# gen SHAPE BYTES: a settings.json of about BYTES bytes on stdout.
gen() {
	awk -v shape="$1" -v size="$2" 'BEGIN {
		printf "{\n"; n = 2
		for (i = 0; n < size; i++) {
			if (shape == "keys") {
				l = sprintf("    \"section%06d.setting\": \"value %06d lorem ipsum dolor sit amet, consectetur\",\n", i, i)
			} else if (shape == "array") {
				l = sprintf("    \"object%06d\": {\"name\": \"item %06d\", \"tags\": [\"a\", \"b\", 3, true, null], \"nested\": {\"list\": [{\"x\": 1}, {\"y\": [2, 3.5]}]}},\n", i, i)
			} else {
				l = "    /*\n"
				for (j = 0; j < 40; j++) l = l "     * A long explanation of the setting below, kept by the team for reference.\n"
				l = l "     */\n"
				for (j = 0; j < 40; j++) l = l "    // Another line of commentary with \"quotes\", {braces} and [brackets].\n"
				l = l sprintf("    \"section%06d.setting\": \"value %06d\", // trailing note\n", i, i)
			}
			printf "%s", l; n += length(l)
		}
		printf "    \"editor.fontSize\": 14\n}\n"
	}'
}

export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME"
printf '%-9s %-6s %-6s %8s %10s\n' shape size cmd seconds rss_kb
for shape in keys array comments; do
	for size in 100KB:102400 1MB:1048576 10MB:10485760; do
		name=${size%%:*}
		dir=$tmp/$shape-$name
		mkdir -p "$dir/.vscode"
		gen "$shape" "${size#*:}" >"$dir/.vscode/settings.json"
		for cmd in set show check reset; do
			args=("$cmd")
			[ "$cmd" = set ] && args=(set '#dd0531')
			read -r secs rss < <(cd "$dir" && measure "$bin" --workspace .vscode/settings.json "${args[@]}")
			printf '%-9s %-6s %-6s %8s %10s\n' "$shape" "$name" "$cmd" "$secs" "$rss"
			echo "$shape $name $cmd $secs" >>"$tmp/times"
		done
	done
done
echo
echo "1MB -> 10MB time ratio (goal: at most 12)"
awk '{ t[$1 " " $3 " " $2] = $4 }
	END {
		split("keys array comments", shapes, " "); split("set show check reset", cmds, " ")
		for (i = 1; i <= 3; i++) for (j = 1; j <= 4; j++) {
			a = t[shapes[i] " " cmds[j] " 1MB"]; b = t[shapes[i] " " cmds[j] " 10MB"]
			printf "%-9s %-6s %6.1f\n", shapes[i], cmds[j], (a > 0 ? b / a : 0)
		}
	}' "$tmp/times"
