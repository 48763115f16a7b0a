#!/usr/bin/env bash
# The stack's floor: the smallest page the project's stack (Yew, serde, plotters-canvas, built
# and optimised as the app is) can make of the first chart, reading the real dataset
# (e2e/bench/floor/). Prints its weight beside the app's and, in one run, when its chart is on
# screen beside the app's app-ready and uPlot's first chart: what of the app's weight and start
# is the stack's, and what is the app's own. Figures, not tests.
# Usage: bash scripts/floor.sh [cold loads per page]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" NO_COLOR=true
out=target/floor-bench
rm -rf "$out" && mkdir -p "$out/floor/data" "$out/uplot/data"
trunk build --release --offline >/dev/null 2>&1
(cd e2e/bench/floor && CARGO_TARGET_DIR=../../../target/floor cargo build --release --offline --target wasm32-unknown-unknown -q)
wasm-bindgen --target web --out-dir "$out/floor" target/floor/wasm32-unknown-unknown/release/floor.wasm
# The app's release optimisations: wasm-opt as scripts/post-build.mjs runs it, the glue minified.
wasm-opt -Oz --low-memory-unused --zero-filled-memory --converge "$out/floor/floor_bg.wasm" -o "$out/floor/floor_bg.wasm"
terser "$out/floor/floor.js" --module --compress --mangle -o "$out/floor/floor.js"
cp e2e/bench/floor/index.html e2e/bench/floor/main.js "$out/floor/"
cp dist/data/dataset.json "$out/floor/data/"
cp e2e/bench/uplot/index.html e2e/bench/uplot/page.js node_modules/uplot/dist/uPlot.iife.min.js \
   node_modules/uplot/dist/uPlot.min.css "$out/uplot/"
cp dist/data/dataset.json "$out/uplot/data/"
gz() { gzip -9 -c "$1" | wc -c; }
printf '%-40s %10s %10s\n' file bytes gzip
for f in "$out"/floor/floor_bg.wasm "$out"/floor/floor.js dist/*_bg.wasm dist/displacement-tracker-*.js; do
  printf '%-40s %10d %10d\n' "$(basename "$f")" "$(wc -c <"$f")" "$(gz "$f")"
done
echo
node e2e/bench/floor.mjs "$out/floor" dist "$out/uplot" "${1:-7}"
