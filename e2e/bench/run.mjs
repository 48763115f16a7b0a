// Benchmark (prints figures, asserts nothing): this app and a uPlot page drawing the same
// refugee chart, side by side in one run, on the real dataset and on a synthetic one of about
// 200,000 refugee points. Headless Chromium at devicePixelRatio 2, pages served locally with the
// app's Content-Security-Policy.
//
// For each page and dataset (medians of cold loads): when the chart is in the document
// (`chart-built`: for the app, boot.js running after the page with its baked first view is
// parsed; for uPlot, its constructor returned) and on screen (`first-chart`: on both pages the
// second animation frame after that, once a frame has painted it), and `app-ready` (the app has
// taken over from the baked view, the charts in sight drawn) and `view-complete` (every chart
// drawn and the whole view rendered, what is out of sight after the app shows); main-thread
// time per hover step (the pointer sweeps across the chart in 100 moves; Chrome DevTools
// Protocol `Performance.getMetrics` TaskDuration over the sweep, divided by 100; the median of
// one sweep on each of as many fresh pages as cold loads), DOM mutation records over the sweep, bytes (gzip -9) of the files requested before
// the chart was in the document, and of the whole load (raw and gzip), JS heap and wasm memory.
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
/** A second for the browser to finish closing the last page (a large page's teardown would
 * otherwise slow the next page's load, which is another page's). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
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

/** One cold load: when the chart was in the document and on screen, when the app was ready,
 * and which files the page requested (all of them, and those before the chart was in the
 * document: what the first chart needed). */
async function firstChart(url) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const seen = [];
  page.on("request", (r) => seen.push(new URL(r.url())));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length > 0, null, { timeout: 60_000 });
  // The app's own view (if it has one beside a baked first view), all of it.
  await page.waitForFunction(() => performance.getEntriesByName("view-complete").length > 0 || !window.wasmBindings, null, { timeout: 60_000 }).catch(() => {});
  await page.waitForTimeout(50);
  const t = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const built = at("chart-built");
    return {
      ms: at("first-chart"),
      built,
      ready: at("app-ready"),
      drawn: at("view-complete"),
      // Read in steps, a task each: the sum of the steps.
      parse: performance.getEntriesByName("parse-dataset").reduce((sum, step) => sum + step.duration, 0) || null,
      before: performance
        .getEntriesByType("navigation")
        .concat(performance.getEntriesByType("resource"))
        .filter((e) => built === null || e.startTime <= built)
        .map((e) => new URL(e.name).pathname),
    };
  });
  await context.close();
  await settle();
  const requested = seen.filter((u) => u.protocol === "http:").map((u) => decodeURIComponent(u.pathname).slice(1) || "index.html");
  const early = t.before.map((p) => decodeURIComponent(p).slice(1) || "index.html");
  return { ...t, requested: [...new Set(requested)], early: [...new Set(early)] };
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
  await settle();
  return { perStep: ((after - before) * 1000) / 100, mutations, heap: memory.usedSize, wasm };
}

// Each page, then each pair (app and uPlot on the same data) measured in turn: a cold load of
// one, then of the other, and so on, and likewise their hover sweeps, so that a slower minute
// of a shared machine falls on both.
const pages = [
  ["app", appReal, "#chart-refugees canvas.chart-canvas"],
  ["uPlot", uplotReal, ".u-over"],
  ["app, 200k points", app200k, "#chart-refugees canvas.chart-canvas"],
  ["uPlot, 200k points", uplot200k, ".u-over"],
];
const servers = await Promise.all(pages.map(([, dir]) => serve(dir)));
const firsts = pages.map(() => []);
const sweeps = pages.map(() => []);
for (let i = 0; i < loads; i++) {
  for (const p of pages.keys()) firsts[p].push(await firstChart(servers[p].url));
}
// Hover: a sweep on each of `loads` fresh pages, median per step (one sweep varies by a third
// from run to run on a shared machine).
for (let i = 0; i < loads; i++) {
  for (const [p, [, , target]] of pages.entries()) sweeps[p].push(await hover(servers[p].url, target));
}
await Promise.all(servers.map((s) => s.close()));
const rows = [];
for (const [p, [name, dir]] of pages.entries()) {
  const loaded = firsts[p];
  const pick = (key) => {
    const values = loaded.map((l) => l[key]).filter((v) => v !== null);
    return values.length ? median(values) : null;
  };
  const first = { ...loaded[loaded.length - 1], ms: pick("ms"), built: pick("built"), ready: pick("ready"), drawn: pick("drawn"), parse: pick("parse") };
  const size = await bytes(dir, first.requested);
  const early = await bytes(dir, first.early);
  const h = { ...sweeps[p][0], perStep: median(sweeps[p].map((s) => s.perStep)), mutations: median(sweeps[p].map((s) => s.mutations)) };
  rows.push({ name, first: first.ms, built: first.built, ready: first.ready, drawn: first.drawn, parse: first.parse, ...h, ...size, early: early.gzip, files: first.requested.length });
}
await browser.close();

const mb = (v) => (v / 1048576).toFixed(1);
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
console.log(`${loads} cold loads each, median; hover: 100 pointer moves across the refugee chart, median of ${loads} sweeps; devicePixelRatio 2.`);
console.log("| page | chart in the document (ms) | first chart on screen (ms) | app ready (ms) | whole view (ms) | dataset read (ms) | main-thread ms per hover step | DOM mutations per 100 steps | gzip requested before the chart | files | bytes | gzip | JS heap (MB) | wasm memory (MB) |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const ready = r.ready === null ? "-" : ms(r.ready);
  const parse = r.parse === null ? "-" : ms(r.parse);
  const drawn = r.drawn === null ? "-" : ms(r.drawn);
  console.log(`| ${r.name} | ${r.built === null ? "-" : ms(r.built)} | ${ms(r.first)} | ${ready} | ${drawn} | ${parse} | ${ms(r.perStep)} | ${r.mutations} | ${r.early} | ${r.files} | ${r.raw} | ${r.gzip} | ${mb(r.heap)} | ${mb(r.wasm)} |`);
}
const by = Object.fromEntries(rows.map((r) => [r.name, r]));
const ratio = (a, b) => (a / b).toFixed(2);
console.log("");
for (const [label, app, peer] of [["real dataset", by.app, by.uPlot], ["200k points", by["app, 200k points"], by["uPlot, 200k points"]]]) {
  console.log(`Ratios app / uPlot, ${label}: first chart ${ratio(app.first, peer.first)} (in the document ${ratio(app.built, peer.built)}), app ready / uPlot's first chart ${ratio(app.ready, peer.first)} (whole view ${ratio(app.drawn, peer.first)}), hover ${ratio(app.perStep, peer.perStep)}, whole load gzip ${app.gzip} B (${ratio(app.gzip, peer.gzip)})`);
}
console.log(`App hover, 200k points / real dataset: ${ratio(by["app, 200k points"].perStep, by.app.perStep)}`);
