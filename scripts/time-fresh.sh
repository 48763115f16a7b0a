#!/usr/bin/env bash
# Times the README's two commands as on a fresh machine, as near as one already set up allows:
# a fresh clone of this repository in a new directory, with an empty home (no cargo home, so no
# trunk, wasm-bindgen-cli, geckodriver or crates; no npm cache), only the rustup toolchain and
# Debian's packages (the browsers, whose install is not timed) taken from this machine.
#   bash scripts/time-fresh.sh serve   seconds from `bash scripts/serve.sh` to the served page
#   bash scripts/time-fresh.sh test    seconds for `bash scripts/test.sh` (set-up and every test)
# The log is in the new directory (printed); the set-up's lines carry their seconds.
set -euo pipefail
WHAT=${1:-}
case "$WHAT" in serve | test) ;; *) echo "usage: bash scripts/time-fresh.sh serve|test" >&2; exit 2 ;; esac
REPO=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(mktemp -d /tmp/time-fresh.XXXXXX)
mkdir -p "$DIR/home" "$DIR/bin"
for tool in cargo rustc rustup rustfmt cargo-fmt cargo-clippy clippy-driver rustdoc; do
  ln -s "$(command -v "$tool" || echo "$HOME/.cargo/bin/$tool")" "$DIR/bin/$tool"
done
git clone -q "$REPO" "$DIR/main"
# The sourced data beside the clone, as in CI.
[ -d "$REPO/../shared" ] && ln -s "$(cd "$REPO/../shared" && pwd)" "$DIR/shared"
cd "$DIR/main"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" HOME="$DIR/home" PATH="$DIR/bin:/usr/local/bin:/usr/bin:/bin"
LOG="$DIR/$WHAT.log"
START=$SECONDS
if [ "$WHAT" = test ]; then
  bash scripts/test.sh > "$LOG" 2>&1 && status=0 || status=$?
  echo "bash scripts/test.sh: exit $status after $((SECONDS - START)) s (log: $LOG)"
  exit "$status"
fi
setsid bash scripts/serve.sh > "$LOG" 2>&1 &
SERVER=$!
trap 'kill -- -$SERVER 2>/dev/null || true' EXIT
until curl -fs http://127.0.0.1:8080/ 2>/dev/null | grep -q "boot.js"; do
  kill -0 "$SERVER" 2>/dev/null || { echo "scripts/serve.sh ended before serving (log: $LOG)"; exit 1; }
  sleep 2
done
echo "bash scripts/serve.sh: the page served after $((SECONDS - START)) s (log: $LOG)"
grep "^\[setup" "$LOG"
