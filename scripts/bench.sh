#!/usr/bin/env bash
# Prints the release build's first-load sizes and its time to first chart in headless Chromium.
# Figures, not pass/fail: see BENCHMARKS.md for recorded results.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" NO_COLOR=true
trunk build --release --offline >/dev/null 2>&1
bash scripts/sizes.sh
node e2e/bench.mjs "${1:-10}"
