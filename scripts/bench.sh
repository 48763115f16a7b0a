#!/usr/bin/env bash
# Benchmark: this app and a uPlot page drawing the same refugee chart, in one run, on the real
# dataset and on a synthetic one of about 200,000 refugee points (made by the project's builder
# from generated CSVs, never committed). Prints one table of figures, passes or fails nothing:
# see BENCHMARKS.md for recorded results. Usage: bash scripts/bench.sh [cold loads per page]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" NO_COLOR=true
out=target/bench
rm -rf "$out" && mkdir -p "$out"
trunk build --release --offline >/dev/null 2>&1
node e2e/bench/synthetic.mjs ../shared/data "$out/synthetic-csv" >/dev/null
cargo run --release --offline -q --bin build-dataset -- "$out/synthetic-csv" "$out/dataset-200k.json" >/dev/null
# The app on each dataset, and the uPlot page beside the same files.
cp -r dist "$out/app-real"
cp -r dist "$out/app-200k" && cp "$out/dataset-200k.json" "$out/app-200k/data/dataset.json"
# The 200k page opens with its own first view, baked as the release build bakes the real one.
cargo run --release --offline -q --bin bake -- "$out/app-200k/index.html" "$out/dataset-200k.json"
for set in real 200k; do
  mkdir -p "$out/uplot-$set/data"
  cp e2e/bench/uplot/index.html e2e/bench/uplot/page.js node_modules/uplot/dist/uPlot.iife.min.js \
     node_modules/uplot/dist/uPlot.min.css "$out/uplot-$set/"
done
cp dist/data/dataset.json "$out/uplot-real/data/dataset.json"
cp "$out/dataset-200k.json" "$out/uplot-200k/data/dataset.json"
bash scripts/sizes.sh
echo
node e2e/bench/run.mjs "$out/app-real" "$out/app-200k" "$out/uplot-real" "$out/uplot-200k" "${1:-7}"
