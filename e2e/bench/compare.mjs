// Two builds of the app, cold loads in turn in one browser (headless Chromium, devicePixelRatio
// 2, 1366x900, served as a static host serves them): medians of the start's marks, so that a
// change to the start or the first view is measured against the build before it in the same
// run. Prints figures, asserts nothing.
// Usage: node e2e/bench/compare.mjs <dist before> <dist after> [loads]
// (Integrity hashes pin a build's files: edit a copy's files by hand only with them removed.)
import { chromium } from "playwright-core";
import { serve } from "../server.mjs";

const dirs = process.argv.slice(2, 4);
const loads = Number(process.argv[4] ?? 9);
if (dirs.length !== 2) throw new Error("usage: node e2e/bench/compare.mjs <dist before> <dist after> [loads]");
const marks = ["first-chart", "started", "app-ready", "view-complete"];
const servers = await Promise.all(dirs.map((d) => serve(d)));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = dirs.map(() => Object.fromEntries(marks.map((m) => [m, []])));
for (let load = 0; load < loads; load++) {
  for (const [i, server] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    // `started`: the wasm instantiated and its bindings ready (boot.js's event).
    await page.addInitScript(() => addEventListener("TrunkApplicationStarted", () => performance.mark("started")));
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("view-complete").length > 0, null, { timeout: 60_000 });
    const at = await page.evaluate((ms) => ms.map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN), marks);
    marks.forEach((m, k) => times[i][m].push(at[k]));
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${loads} cold loads of each build, in turn; medians (ms).`);
console.log(`| build | ${marks.join(" | ")} |\n|---|${marks.map(() => "---:").join("|")}|`);
for (const [i, dir] of dirs.entries()) {
  console.log(`| ${dir} | ${marks.map((m) => Math.round(median(times[i][m]))).join(" | ")} |`);
}
for (const s of servers) s.close?.();
await browser.close();
