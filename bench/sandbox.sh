# sandbox.sh, sourced by bench scripts (bash): builds peacock from this
# checkout into a temporary directory and points HOME, git's global
# configuration and the XDG directories there, so that the real ones are
# never read or changed. It sets src (the checkout) and tmp (removed on
# exit) and puts $tmp/bin first on PATH.
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/bin"
(cd "$src" && go build -o "$tmp/bin/peacock" ./cmd/peacock) # before HOME moves: the real module cache
export HOME="$tmp/home" GIT_CONFIG_GLOBAL="$tmp/gitconfig" GIT_CONFIG_NOSYSTEM=1
export XDG_CONFIG_HOME="$HOME/.config" XDG_STATE_HOME="$HOME/.local/state" XDG_DATA_HOME="$HOME/.local/share"
mkdir -p "$HOME"
git config --global user.name bench
git config --global user.email bench@example.com
git config --global init.defaultBranch main
export PATH="$tmp/bin:$PATH"
