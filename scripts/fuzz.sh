#!/usr/bin/env bash
# Feeds mutated datasets, URL queries and CSV directories to the pure layers (src/bin/fuzz.rs),
# with overflow checks on, and stops at the first panic, writing its input to
# target/fuzz-failures/. Usage: bash scripts/fuzz.sh [inputs per target] [seed] [target]
# (defaults: 20,000 inputs, a random seed, every target: dataset, query, builder).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo run --offline --quiet --profile fuzz --bin fuzz -- "${1:-20000}" "${2:-}" ${3:+"$3"}
