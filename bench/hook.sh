#!/usr/bin/env bash
# hook.sh measures what peacock's post-checkout hook adds to a checkout:
# the median time of `git switch` between two branches without the hook and
# with it (the usual case: the project is colored and nothing is written),
# and their ratio.
#
#   bench/hook.sh [RUNS] [FILES] [CHANGED]
#
# RUNS switches per setting (default 41), a repository of FILES files
# (default 2000) whose two branches differ in CHANGED of them (default 200).
# Everything happens in a temporary directory with its own HOME and git
# configuration; the real ones are never read or changed.
set -euo pipefail
runs=${1:-41}
files=${2:-2000}
changed=${3:-200}
. "$(dirname "$0")/sandbox.sh"

repo="$tmp/repo"
git init -q "$repo"
cd "$repo"
mkdir -p src
awk -v n="$files" 'BEGIN { for (i = 1; i <= n; i++) { f = "src/f" i ".txt"; for (j = 1; j <= 20; j++) print "file " i " line " j > f; close(f) } }' 
git add -A && git commit -qm base
git switch -qc other
awk -v n="$changed" 'BEGIN { for (i = 1; i <= n; i++) { f = "src/f" i ".txt"; print "changed" >> f; close(f) } }' 
git commit -qam other
git switch -q main

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# switch HOOKSDIR BRANCH prints the microseconds one switch takes.
switch() {
	local t0 t1
	t0=$(now); git -c core.hooksPath="$1" switch -q "$2"; t1=$(now)
	echo $(((t1 - t0) / 1000))
}

peacock hook install -q
git switch -q other 2>/dev/null && git switch -q main # the first checkout colors the repository
[ -f repo.code-workspace ] || { echo "hook.sh: the hook did not color the repository" >&2; exit 1; }
hooks=$(git rev-parse --path-format=absolute --git-path hooks)
mkdir -p "$tmp/nohooks"
# Runs with and without the hook alternate, so that the load of a shared
# machine weighs on both alike.
for _ in $(seq 1 "$runs"); do
	for mode in without with; do
		dir=$tmp/nohooks
		[ "$mode" = with ] && dir=$hooks
		echo "$mode $(switch "$dir" other)"
		echo "$mode $(switch "$dir" main)"
	done
done >"$tmp/times"
[ -z "$(git status --porcelain)" ] || { echo "hook.sh: git status is not clean" >&2; exit 1; }
without=$(awk '$1 == "without" {print $2}' "$tmp/times" | median)
with=$(awk '$1 == "with" {print $2}' "$tmp/times" | median)

echo "repository: $files files, branches differ in $changed; median of $((2 * runs)) switches each"
echo "without hook: ${without} µs"
echo "with hook:    ${with} µs"
awk -v a="$without" -v b="$with" 'BEGIN { printf "ratio:        %.2fx (+%.1f ms)\n", b / a, (b - a) / 1000 }'
