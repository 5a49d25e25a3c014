#!/bin/sh
# diff.sh: the differential test of peacock against the Peacock extension's
# own code (bench/diff.js). Builds bench/extdiff from this tree, installs
# tinycolor2 and typescript in bench/node_modules when missing, and prints
# the agreement per seed and per class of disagreement.
#
#   sh bench/diff.sh [-seeds 1,2,3,4] [-n 3000] [-out mismatches.json]
#
# EXT_GIT names the git directory of a copy of
# github.com/johnpapa/vscode-peacock (default: the search tool's fetch of
# it, /work/.mirror/johnpapa+vscode-peacock/repo); it is read, not copied.
set -e
cd "$(dirname "$0")/.."
go build -o bench/extdiff/extdiff ./bench/extdiff
cd bench
[ -d node_modules/typescript ] && [ -d node_modules/tinycolor2 ] || npm install --no-audit --no-fund >/dev/null
exec node diff.js "$@"
