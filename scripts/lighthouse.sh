#!/usr/bin/env bash
# Lighthouse (mobile preset: simulated slow 4G and a 4x slower CPU) on the release build served
# locally as a static host serves it (gzip, the page's CSP), run N times; prints each run's
# performance score and metrics. Lighthouse is fetched by npx on first use (not a dev
# dependency: no test needs it). Usage: bash scripts/lighthouse.sh [runs] [extra lighthouse flags]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" NO_COLOR=true
runs=${1:-3}
shift || true
[ -f dist/index.html ] || trunk build --release --offline >/dev/null 2>&1
out=target/lighthouse
mkdir -p "$out"
node --input-type=module -e '
  import { serve } from "./e2e/server.mjs";
  const s = await serve("dist");
  console.log(s.url);
  setInterval(() => {}, 1 << 30);
' >"$out/url" &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 50); do [ -s "$out/url" ] && break; sleep 0.1; done
url=$(cat "$out/url")
for i in $(seq "$runs"); do
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} npx --yes lighthouse@12.8.2 "$url" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" --only-categories=performance \
    --output=json --output-path="$out/run-$i.json" "$@"
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const a = (k) => r.audits[k].numericValue;
    console.log(`run ${process.argv[2]}: performance ${Math.round(r.categories.performance.score * 100)}, ` +
      `FCP ${(a("first-contentful-paint") / 1000).toFixed(2)} s, LCP ${(a("largest-contentful-paint") / 1000).toFixed(2)} s, ` +
      `TBT ${Math.round(a("total-blocking-time"))} ms, CLS ${a("cumulative-layout-shift").toFixed(3)}, ` +
      `Speed Index ${(a("speed-index") / 1000).toFixed(2)} s, TTI ${(a("interactive") / 1000).toFixed(2)} s`);
  ' "$out/run-$i.json" "$i"
done
