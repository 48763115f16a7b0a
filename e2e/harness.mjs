// What the end-to-end tests share: the release build served locally, Debian's Chromium driven by
// playwright-core, and pages that record console errors, page errors and requests.
import { fileURLToPath } from "node:url";
import { access } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The charts of the page, in page order: the measures of the whole war, each its own chart. */
export const CHART_IDS = ["refugees", "recorded", "recorded-countries", "casualties", "idps", "protection", "refugees-daily"];
export const DIST = process.env.DIST ?? ROOT + "dist";

/** Serves `dir` (at `base`) and starts a headless Chromium; `close()` stops both. */
export async function start(dir = DIST, base = "/") {
  const server = await serve(dir, base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page (1366 x 900 unless `options` say otherwise) recording problems and requests. Its
 * service worker is blocked unless `options` allow it (`serviceWorkers: "allow"`): a page routed
 * by a test must get what the test serves, not a copy the worker kept. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: "block", ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { context, page, problems, requests };
}

/** Waits until the app has taken the place of the first view baked into the page
 * (`performance.mark('app-ready')`, once the charts in sight are drawn), drawn every chart and
 * rendered the whole view (`view-complete`: the charts out of sight, the sections and the
 * quotes come after it shows). */
export function waitForCharts(page) {
  return page.waitForFunction(() => performance.getEntriesByName("view-complete").length === 1, null, {
    timeout: 30_000,
  });
}

/** Opens the page at `query` and waits for its charts. */
export async function openAt(env, query = "", options = {}) {
  const opened = await newPage(env.browser, options);
  await opened.page.goto(env.server.url + query);
  await waitForCharts(opened.page);
  return opened;
}

/** The sub-path build (`--public-url /tracker/`, which scripts/test.sh makes in
 * target/dist-subpath), or null with the test `t` skipped when there is none. */
export async function subPathBuild(t) {
  const dir = ROOT + "target/dist-subpath";
  try {
    await access(dir + "/index.html");
    return dir;
  } catch {
    t.skip("no sub-path build in target/dist-subpath (scripts/test.sh makes one)");
    return null;
  }
}
