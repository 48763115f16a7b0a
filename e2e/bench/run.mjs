// Benchmark (prints figures, asserts nothing): this app and a uPlot page drawing the same
// refugee chart, side by side in one run, on the real dataset and on a synthetic one of about
// 200,000 refugee points. Headless Chromium at devicePixelRatio 2, pages served locally with the
// app's Content-Security-Policy.
//
// For each page and dataset: time to `performance.mark('first-chart')` (median of cold loads;
// for the app, the first view baked into the page) and to `app-ready` (the app has taken over),
// main-thread time per hover step (the pointer sweeps across the chart in 100 moves; Chrome
// DevTools Protocol `Performance.getMetrics` TaskDuration over the sweep, divided by 100; the
// median of one sweep on each of as many fresh pages as cold loads), DOM
// mutation records over the sweep, bytes (gzip -9) fetched in full before the first chart, and
// of the whole load (raw and gzip), JS heap and wasm memory after the first chart.
//
// Usage: node e2e/bench/run.mjs <app dist> <app dist, 200k> <uplot dir> <uplot dir, 200k> [loads]
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../server.mjs";

const [appReal, app200k, uplotReal, uplot200k, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 7);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const viewport = { width: 1366, height: 900 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The files a page fetches before its first chart, from its own list of requests. */
async function bytes(dir, requested) {
  let raw = 0;
  let gzip = 0;
  for (const path of requested) {
    const body = await readFile(join(dir, path));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function firstChart(url) {
  const times = [];
  const ready = [];
  const parse = [];
  let requested = [];
  let early = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const seen = [];
    page.on("request", (r) => seen.push(new URL(r.url())));
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("first-chart").length > 0, null, { timeout: 60_000 });
    const first = await page.evaluate(() => performance.getEntriesByName("first-chart")[0].startTime);
    times.push(first);
    // The app's own view (if it has one beside a baked first view), and what was fetched in
    // full before the first chart.
    await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0 || !window.wasmBindings, null, { timeout: 60_000 }).catch(() => {});
    await page.waitForTimeout(50);
    const t = await page.evaluate(() => ({
      ready: performance.getEntriesByName("app-ready")[0]?.startTime ?? null,
      parse: performance.getEntriesByName("parse-dataset")[0]?.duration ?? null,
      before: performance
        .getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"))
        .filter((e) => e.responseEnd <= performance.getEntriesByName("first-chart")[0].startTime)
        .map((e) => new URL(e.name).pathname),
    }));
    if (t.ready !== null) ready.push(t.ready);
    if (t.parse !== null) parse.push(t.parse);
    requested = seen.filter((u) => u.protocol === "http:").map((u) => decodeURIComponent(u.pathname).slice(1) || "index.html");
    early = t.before.map((p) => decodeURIComponent(p).slice(1) || "index.html");
    await context.close();
  }
  return { ms: median(times), ready: ready.length ? median(ready) : null, parse: parse.length ? median(parse) : null, requested: [...new Set(requested)], early: [...new Set(early)] };
}

async function hover(url, target) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length > 0, null, { timeout: 60_000 });
  // The app's hover once the app has taken over from the baked view.
  await page.waitForFunction(() => performance.getEntriesByName("app-ready").length > 0 || !window.wasmBindings, null, { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(300);
  const box = await page.locator(target).first().boundingBox();
  const client = await context.newCDPSession(page);
  await client.send("Performance.enable");
  const memory = await client.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.wasmExports?.memory?.buffer.byteLength ?? 0);
  await page.evaluate(() => {
    window.mutations = 0;
    new MutationObserver((records) => (window.mutations += records.length)).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const task = async () => (await client.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const before = await task();
  const y = box.y + box.height * 0.4;
  for (let i = 0; i < 100; i++) await page.mouse.move(box.x + box.width * (0.05 + (0.9 * i) / 99), y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await task();
  const mutations = await page.evaluate(() => window.mutations);
  await context.close();
  return { perStep: ((after - before) * 1000) / 100, mutations, heap: memory.usedSize, wasm };
}

const rows = [];
for (const [name, dir, target] of [
  ["app", appReal, "#chart-refugees canvas.chart-canvas"],
  ["uPlot", uplotReal, ".u-over"],
  ["app, 200k points", app200k, "#chart-refugees canvas.chart-canvas"],
  ["uPlot, 200k points", uplot200k, ".u-over"],
]) {
  const server = await serve(dir);
  const first = await firstChart(server.url);
  const size = await bytes(dir, first.requested);
  const early = await bytes(dir, first.early);
  // Hover: a sweep on each of `loads` fresh pages, median per step (one sweep varies by a
  // third from run to run on a shared machine).
  const sweeps = [];
  for (let i = 0; i < loads; i++) sweeps.push(await hover(server.url, target));
  const h = { ...sweeps[0], perStep: median(sweeps.map((s) => s.perStep)), mutations: median(sweeps.map((s) => s.mutations)) };
  rows.push({ name, first: first.ms, ready: first.ready, parse: first.parse, ...h, ...size, early: early.gzip, files: first.requested.length });
  await server.close();
}
await browser.close();

const mb = (v) => (v / 1048576).toFixed(1);
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
console.log(`${loads} cold loads each, median; hover: 100 pointer moves across the refugee chart, median of ${loads} sweeps; devicePixelRatio 2.`);
console.log("| page | first chart (ms) | app ready (ms) | dataset read (ms) | main-thread ms per hover step | DOM mutations per 100 steps | gzip before the first chart | files | bytes | gzip | JS heap (MB) | wasm memory (MB) |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const ready = r.ready === null ? "-" : ms(r.ready);
  const parse = r.parse === null ? "-" : ms(r.parse);
  console.log(`| ${r.name} | ${ms(r.first)} | ${ready} | ${parse} | ${ms(r.perStep)} | ${r.mutations} | ${r.early} | ${r.files} | ${r.raw} | ${r.gzip} | ${mb(r.heap)} | ${mb(r.wasm)} |`);
}
const by = Object.fromEntries(rows.map((r) => [r.name, r]));
const ratio = (a, b) => (a / b).toFixed(2);
console.log("");
console.log(`Ratios app / uPlot, real dataset: first chart ${ratio(by.app.first, by.uPlot.first)}, hover ${ratio(by.app.perStep, by.uPlot.perStep)}`);
console.log(
  `Ratios app / uPlot, 200k points: first chart ${ratio(by["app, 200k points"].first, by["uPlot, 200k points"].first)}, hover ${ratio(by["app, 200k points"].perStep, by["uPlot, 200k points"].perStep)}`,
);
console.log(`App hover, 200k points / real dataset: ${ratio(by["app, 200k points"].perStep, by.app.perStep)}`);
