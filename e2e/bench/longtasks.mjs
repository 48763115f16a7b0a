// The main thread's long tasks (over 50 ms) while the page starts, under a 4x slower CPU (as
// Lighthouse's mobile preset simulates): each build given on the command line is opened `runs`
// times, alternately, in one run; prints every task, and per build the median of the total
// blocking time (the sum of each task's time beyond 50 ms) and of the longest task.
// Usage: node e2e/bench/longtasks.mjs <runs> <dist dir> [<dist dir> ...]
import { chromium } from "playwright-core";
import { serve } from "../server.mjs";

const [runs = "5", ...dirs] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const servers = await Promise.all(dirs.map((dir) => serve(dir)));
const results = dirs.map(() => []);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (let run = 0; run < Number(runs); run++) {
  for (const [i, server] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration));
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName("app-ready").length === 1, null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const tasks = await page.evaluate(() => window.longTasks);
    const blocking = tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
    results[i].push({ tasks, blocking, longest: Math.max(0, ...tasks) });
    console.log(`${dirs[i]} run ${run + 1}: blocking ${blocking} ms, tasks ${tasks.join(", ")} ms`);
    await context.close();
  }
}
console.log("\nbuild | median blocking time (ms) | median longest task (ms) | runs");
for (const [i, dir] of dirs.entries()) {
  const r = results[i];
  console.log(`${dir} | ${median(r.map((x) => x.blocking))} | ${median(r.map((x) => x.longest))} | ${r.length}`);
}
await Promise.all(servers.map((s) => s.close()));
await browser.close();
