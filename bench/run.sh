#!/usr/bin/env bash
# run.sh compares palette.Derive with Peacock's own derivation on node:
# one full default palette (parse + every key) per op, same 16 colors.
#
#   bench/run.sh [N]    N = palettes for the node run (default 200000)
#
# Installs tinycolor2@1.6.0 into bench/node_modules (git-ignored) on first use.
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-200000}

if [ ! -d node_modules/tinycolor2 ]; then
	npm install --no-audit --no-fund --no-save tinycolor2@1.6.0 >&2
fi

node_ns=$(node derive.js "$n" | awk '/ns\/palette/ {print $NF}')
go_ns=$(cd .. && go test ./palette -run '^$' -bench '^BenchmarkDerive$' -benchtime 2s -count 1 |
	awk '/^BenchmarkDerive/ {print $3}')

echo "node (tinycolor2 1.6.0, Peacock helpers): ${node_ns} ns/palette"
echo "go   (palette.Parse + palette.Derive):    ${go_ns} ns/palette"
awk -v n="$node_ns" -v g="$go_ns" 'BEGIN { printf "go is %.1fx faster\n", n / g }'
