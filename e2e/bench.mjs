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
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
const fmt = (xs) => `median ${ms(median(xs))} ms, min ${ms(Math.min(...xs))} ms, max ${ms(Math.max(...xs))} ms`;
console.log(`first-chart (all four charts drawn), ${runs} cold loads from localhost: ${fmt(firstChart)}`);
console.log(`load event end: ${fmt(loaded)}`);

// Redraws: median of performance.measure('redraw') while the pointer sweeps across a chart
// (crosshair layer and tooltip) and while the view changes (full chart redraws).
{
  const explore = await serve(dist);
  const b = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await b.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(explore.url);
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1, null, { timeout: 30_000 });
  await page.evaluate(() => performance.clearMeasures("redraw"));
  const box = await page.locator("#chart-refugees canvas.chart-overlay").boundingBox();
  for (let x = 80; x < box.width - 10; x += 8) await page.mouse.move(box.x + x, box.y + box.height / 2);
  const hover = await page.evaluate(() => performance.getEntriesByName("redraw").map((e) => e.duration));
  await page.evaluate(() => performance.clearMeasures("redraw"));
  for (const m of ["share", "per1000", "absolute"]) {
    await page.locator(`input[name="measure"]`).nth(["absolute", "per1000", "share"].indexOf(m)).check();
    await page.waitForTimeout(100);
  }
  const full = await page.evaluate(() => performance.getEntriesByName("redraw").map((e) => e.duration));
  console.log(`hover redraws (crosshair layers, 4 charts): ${hover.length}, ${fmt(hover)}`);
  console.log(`view-change redraws (whole charts): ${full.length}, ${fmt(full)}`);
  await b.close();
  await explore.close();
}
