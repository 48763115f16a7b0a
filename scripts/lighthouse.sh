#!/usr/bin/env bash
# Lighthouse (mobile preset: simulated slow 4G and a 4x slower CPU) on the release build served
# locally as a static host serves it (gzip, the page's CSP), run N times; prints each run's
# performance score and metrics, and the long tasks after the first contentful paint (start
# in ms: simulated duration in ms, in the order they ran; they make the Total Blocking Time).
# BUILDS="target/dist-before dist" compares builds: each run opens them alternately. Lighthouse
# is fetched by npx on first use (not a dev dependency: no test needs it).
# Usage: [BUILDS="dir ..."] bash scripts/lighthouse.sh [runs] [extra lighthouse flags]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" NO_COLOR=true
runs=${1:-3}
shift || true
read -r -a builds <<<"${BUILDS:-dist}"
[ -f dist/index.html ] || trunk build --release --offline >/dev/null 2>&1
out=target/lighthouse
mkdir -p "$out"
servers=()
for i in "${!builds[@]}"; do
  node --input-type=module -e '
    import { serve } from "./e2e/server.mjs";
    const s = await serve(process.argv[1]);
    console.log(s.url);
    setInterval(() => {}, 1 << 30);
  ' "${builds[$i]}" >"$out/url-$i" &
  servers+=($!)
done
trap 'kill "${servers[@]}"' EXIT
for i in "${!builds[@]}"; do
  for _ in $(seq 50); do [ -s "$out/url-$i" ] && break; sleep 0.1; done
done
for run in $(seq "$runs"); do
  for i in "${!builds[@]}"; do
    CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} npx --yes lighthouse@12.8.2 "$(cat "$out/url-$i")" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" --only-categories=performance \
      --output=json --output-path="$out/run-$run-$i.json" "$@"
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const a = (k) => r.audits[k].numericValue;
      const fcp = a("first-contentful-paint");
      const tasks = (r.audits["long-tasks"].details?.items ?? [])
        .filter((t) => t.startTime >= fcp)
        .sort((x, y) => x.startTime - y.startTime)
        .map((t) => `${Math.round(t.startTime)}:${Math.round(t.duration)}`);
      console.log(`${process.argv[3]} run ${process.argv[2]}: performance ${Math.round(r.categories.performance.score * 100)}, ` +
        `FCP ${(fcp / 1000).toFixed(2)} s, LCP ${(a("largest-contentful-paint") / 1000).toFixed(2)} s, ` +
        `TBT ${Math.round(a("total-blocking-time"))} ms, CLS ${a("cumulative-layout-shift").toFixed(3)}, ` +
        `Speed Index ${(a("speed-index") / 1000).toFixed(2)} s, TTI ${(a("interactive") / 1000).toFixed(2)} s; ` +
        `long tasks ${tasks.join(" ") || "none"}`);
    ' "$out/run-$run-$i.json" "$run" "${builds[$i]}"
  done
done
