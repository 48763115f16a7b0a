// The stack's floor beside the app and uPlot (scripts/floor.sh): cold loads of the three pages
// in turn, in one browser (headless Chromium, devicePixelRatio 2, 1366x900, served as the app
// is, gzip and the page's CSP); medians of when each page's chart is on screen (`first-chart`:
// the second animation frame after it is drawn) and, for the app, `app-ready`. Prints figures,
// asserts nothing.
// Usage: node e2e/bench/floor.mjs <floor dir> <app dist> <uplot dir> [loads]
import { chromium } from "playwright-core";
import { serve } from "../server.mjs";

const [floorDir, appDir, uplotDir, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 7);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const pages = [
  ["the stack's floor", floorDir, ["first-chart"]],
  ["app", appDir, ["first-chart", "app-ready"]],
  ["uPlot", uplotDir, ["first-chart"]],
];
const servers = await Promise.all(pages.map(([, dir]) => serve(dir)));
const times = pages.map(() => ({}));
for (let load = 0; load < loads; load++) {
  for (const [i, [name, , marks]] of pages.entries()) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(servers[i].url);
    const last = marks[marks.length - 1];
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, last, { timeout: 60_000 });
    if (problems.length > 0) throw new Error(`${name}: ${problems.join("; ")}`);
    const at = await page.evaluate((ms) => ms.map((m) => performance.getEntriesByName(m)[0].startTime), marks);
    marks.forEach((m, k) => (times[i][m] ??= []).push(at[k]));
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${loads} cold loads each, median (ms); devicePixelRatio 2.`);
console.log("| page | first chart on screen | app ready |\n|---|---:|---:|");
for (const [i, [name]] of pages.entries()) {
  const t = times[i];
  console.log(`| ${name} | ${Math.round(median(t["first-chart"]))} | ${t["app-ready"] ? Math.round(median(t["app-ready"])) : "-"} |`);
}
const uplot = median(times[2]["first-chart"]);
console.log(
  `Ratios to uPlot's first chart: the stack's floor ${(median(times[0]["first-chart"]) / uplot).toFixed(2)}, ` +
    `the app's app-ready ${(median(times[1]["app-ready"]) / uplot).toFixed(2)}`,
);
for (const s of servers) s.close?.();
await browser.close();
