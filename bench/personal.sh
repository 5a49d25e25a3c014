#!/usr/bin/env bash
# personal.sh measures what the --personal filter adds to git: the median
# time of `git status` right after the personal file was touched (git runs
# the clean filter) and of `git switch` between two branches that differ in
# the personal file (clean, then smudge), without the filter and with it,
# and their ratios.
#
#   bench/personal.sh [RUNS]
#
# RUNS per setting (default 31). Everything happens in a temporary directory
# with its own HOME and git configuration; the real ones are never read or
# changed.
set -euo pipefail
runs=${1:-31}
. "$(dirname "$0")/sandbox.sh"

make_repo() { # make_repo DIR: a repository whose branches differ in .vscode/settings.json
	git init -q "$1"
	(
		cd "$1"
		mkdir -p .vscode src
		for i in $(seq 1 200); do echo "file $i" >"src/f$i.txt"; done
		printf '{\n  "editor.tabSize": 2,\n  "files.eol": "\\n"\n}\n' >.vscode/settings.json
		peacock -q --workspace .vscode/settings.json set '#42b883'
		git add -A && git commit -qm base
		git switch -qc other
		sed -i 's/"editor.tabSize": 2/"editor.tabSize": 4/' .vscode/settings.json
		git commit -qam other
		git switch -q main
	)
}
make_repo "$tmp/plain"
make_repo "$tmp/personal"
peacock -q -C "$tmp/personal" set --personal '#ff1493'
git -C "$tmp/personal" status --porcelain | grep . && { echo "personal.sh: git status is not clean" >&2; exit 1; }

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for _ in $(seq 1 "$runs"); do
	for mode in plain personal; do
		r=$tmp/$mode
		touch -d '-1 minute' "$r/.vscode/settings.json"
		t0=$(now); git -C "$r" status --porcelain >/dev/null; t1=$(now)
		echo $(((t1 - t0) / 1000)) >>"$tmp/status-$mode"
		t0=$(now); git -C "$r" switch -q other; git -C "$r" switch -q main; t1=$(now)
		echo $(((t1 - t0) / 2000)) >>"$tmp/switch-$mode"
	done
done
git -C "$tmp/personal" status --porcelain | grep . && { echo "personal.sh: git status is not clean" >&2; exit 1; }
grep -q '#ff1493' "$tmp/personal/.vscode/settings.json" || { echo "personal.sh: the personal color is gone" >&2; exit 1; }
for what in status switch; do
	a=$(median <"$tmp/$what-plain")
	b=$(median <"$tmp/$what-personal")
	awk -v w="$what" -v a="$a" -v b="$b" 'BEGIN { printf "git %-7s without the filter %6.1f ms, with it %6.1f ms: %.2fx (+%.1f ms)\n", w, a/1000, b/1000, b/a, (b-a)/1000 }'
done
