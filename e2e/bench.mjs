// Benchmark (prints figures, asserts nothing): loads the release build in dist/ in headless
// Chromium N times and prints the time from navigation start to performance.mark('first-chart'),
// and to the end of the load. Usage: node e2e/bench.mjs [runs]
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const runs = Number(process.argv[2] ?? 10);
const dist = fileURLToPath(new URL("../dist", import.meta.url));
const server = await serve(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const firstChart = [];
const loaded = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1, null, { timeout: 30_000 });
  const t = await page.evaluate(() => ({
    firstChart: performance.getEntriesByName("first-chart")[0].startTime,
    load: performance.getEntriesByType("navigation")[0].loadEventEnd,
  }));
  firstChart.push(t.firstChart);
  loaded.push(t.load);
  await context.close();
}
await browser.close();
await server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`first-chart (all four charts drawn), ${runs} cold loads from localhost: ${fmt(firstChart)}`);
console.log(`load event end: ${fmt(loaded)}`);
