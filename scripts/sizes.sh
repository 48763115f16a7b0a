#!/usr/bin/env bash
# Prints the raw and gzip -9 sizes of everything the first load fetches (html, js, wasm, css,
# dataset) and their total. Run after `trunk build --release --offline`.
set -euo pipefail
cd "$(dirname "$0")/../dist"
mapfile -t files < <(ls index.html ./*.js ./*.wasm ./*.css data/dataset.json 2>/dev/null | sed 's|^\./||' | grep -v '^noscript.css$' | sort -u)
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' file bytes gzip
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$f" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
# With the first view baked into index.html, the first chart needs only the page, its
# stylesheet and boot.js (which applies the reader's colours); boot.js requests the app (JS,
# wasm) and the dataset once the first view is on screen.
first_raw=0
first_gz=0
for f in index.html boot.js ./*.css; do
  case "$f" in */noscript.css) continue ;; esac
  first_raw=$((first_raw + $(wc -c <"$f")))
  first_gz=$((first_gz + $(gzip -9 -c "$f" | wc -c)))
done
printf '%-44s %10d %10d\n' "before the first chart (page, css, boot.js)" "$first_raw" "$first_gz"
