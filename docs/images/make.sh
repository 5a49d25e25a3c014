#!/bin/sh
# make.sh regenerates the pictures in the README from the current source:
# the window `peacock show --svg` draws for Vue Green, and the swatch sheet
# `peacock themes show okabe-ito --svg` draws.
#
#   sh docs/images/make.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/peacock" ./cmd/peacock)
mkdir -p "$tmp/home" "$tmp/webshop"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" PEACOCK_EDITOR= PEACOCK_USER_SETTINGS=
cd "$tmp/webshop"
"$tmp/peacock" set "Vue Green" -q
"$tmp/peacock" show --svg "$root/docs/images/window.svg" -q
"$tmp/peacock" themes show okabe-ito --svg "$root/docs/images/okabe-ito.svg" -q
echo "wrote docs/images/window.svg and docs/images/okabe-ito.svg"
