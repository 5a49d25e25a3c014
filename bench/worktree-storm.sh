#!/bin/bash
# worktree-storm.sh BIN...: for each peacock binary, 20 new worktrees of one
# repository checked out at once with its hook installed; prints how many of
# the 20 workspace files .git/info/exclude ignores and how many worktrees
# git status shows clean (issue 16: 20/20 and 20/20). Run a baseline binary
# first for a before/after in the same run:
#   go build -o /tmp/new ./cmd/peacock && bench/worktree-storm.sh /tmp/old /tmp/new
set -u
for bin in "$@"; do
	bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
	( # each binary in a shell of its own: its HOME, PATH and directory
		w=$(mktemp -d); mkdir $w/bin $w/home; cp $bin $w/bin/peacock
		export HOME=$w/home GIT_CONFIG_GLOBAL=$w/gc PATH=$w/bin:$PATH GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@e GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@e
		cd $w && git init -q repo && echo a > repo/a.txt && git -C repo add -A && git -C repo commit -qm first && peacock -C repo hook install 2>/dev/null
		for i in $(seq -w 1 20); do git -C repo worktree add --no-checkout -q ../wt$i; done
		for i in $(seq -w 1 20); do git -C wt$i checkout -q -f --detach 2>/dev/null & done; wait
		n=0; for i in $(seq -w 1 20); do [ -z "$(git -C wt$i status --porcelain)" ] && n=$((n+1)); done
		echo "$(basename $bin): $(grep -c '^/wt' repo/.git/info/exclude)/20 ignored, $n/20 clean"
		rm -rf $w
	)
done
