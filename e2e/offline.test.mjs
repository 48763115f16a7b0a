// Offline after the first visit (assets/sw.js, registered by boot.js in release builds): the
// page opens without a network, with the data it last had and the day it was kept; a new build
// is picked up on the next visit online, with a notice; under a sub-path too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, start, newPage, subPathBuild, waitForCharts, CHART_IDS } from "./harness.mjs";

let dir;
before(async () => {
  // A copy of the build, which the deploy test changes.
  dir = await mkdtemp(join(tmpdir(), "tracker-offline-"));
  await cp(DIST, dir, { recursive: true });
});
after(() => rm(dir, { recursive: true, force: true }));

/** Waits until the page is controlled by its service worker, with the build's files kept. */
async function kept(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  return page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search) };
  });
}

const toast = (page) => page.locator(".toasts").innerText();

test("after a first visit the page opens without a network, with the kept data and its day", async () => {
  const env = await start(dir);
  try {
    const { context, page } = await newPage(env.browser, { serviceWorkers: "allow" });
    await page.goto(env.server.url);
    await waitForCharts(page);
    const { names, urls } = await kept(page);
    const build = await page.getAttribute('meta[name="build"]', "content");
    assert.deepEqual(names, [`displacement-tracker-${build}`]);
    for (const file of ["/index.html", "/data/dataset.json", "/noscript.css"]) assert.ok(urls.includes(file), `${file} kept`);
    assert.ok(urls.some((u) => u.endsWith(".wasm")) && urls.some((u) => u.startsWith("/boot.js?js=")), "the app kept");
    assert.equal(await page.locator(".toasts").count(), 0, "no notice on a first visit");

    env.server.down(true);
    await page.goto(env.server.url + "?day=26");
    await waitForCharts(page);
    assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
    assert.match(await page.locator("#announcer").innerText(), /3,460,430/);
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    assert.match(
      await toast(page),
      new RegExp(`You are offline: this is the copy of the page and its data kept on this device on ${today}, dataset version \\S+, figures to \\d+ \\w+ \\d{4}\\. Newer figures appear when you are online again\\.`),
    );
    await page.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await page.locator(".toasts").count(), 0);

    // Online again: the network's page and data, no notice.
    env.server.down(false);
    await page.reload();
    await waitForCharts(page);
    assert.equal(await page.locator(".toasts").count(), 0);
    await context.close();
  } finally {
    env.server.down(false);
    await env.close();
  }
});

test("a new build is picked up on the next visit online, with a notice, and the old copy dropped", async () => {
  const env = await start(dir);
  try {
    const { context, page, problems } = await newPage(env.browser, { serviceWorkers: "allow" });
    await page.goto(env.server.url);
    await waitForCharts(page);
    await kept(page);
    const old = await page.getAttribute('meta[name="build"]', "content");
    // A new deploy: a new build name for the page and its worker, new data.
    const next = "0123456789abcdef";
    for (const file of ["index.html", "sw.js"]) {
      const text = await readFile(join(dir, file), "utf8");
      assert.ok(text.includes(old), `${file} names the build`);
      await writeFile(join(dir, file), text.replaceAll(old, next));
    }
    const dataset = JSON.parse(await readFile(join(dir, "data/dataset.json"), "utf8"));
    dataset.dataset_version = "next-deploy";
    await writeFile(join(dir, "data/dataset.json"), JSON.stringify(dataset));

    await page.reload();
    await waitForCharts(page);
    assert.match(await toast(page), /This page was updated since your last visit: dataset version next-deploy, figures to \d+ \w+ \d{4}\./);
    assert.match(await page.locator(".page-footer").innerText(), /Dataset version next-deploy/);
    // The new worker takes over and drops the old build's copy.
    let names = [];
    for (let i = 0; i < 100 && names.join() !== `displacement-tracker-${next}`; i++) {
      names = await page.evaluate(() => caches.keys());
      await page.waitForTimeout(100);
    }
    assert.deepEqual(names, [`displacement-tracker-${next}`]);
    // Said once: the next visit has no notice.
    await page.reload();
    await waitForCharts(page);
    assert.equal(await page.locator(".toasts").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await env.close();
  }
});

test("offline under a sub-path (trunk build --public-url /tracker/)", async (t) => {
  const sub = await subPathBuild(t);
  if (!sub) return;
  const env = await start(sub, "/tracker/");
  try {
    const { context, page, requests } = await newPage(env.browser, { serviceWorkers: "allow" });
    await page.goto(env.server.url);
    await waitForCharts(page);
    const { urls } = await kept(page);
    assert.ok(urls.every((u) => u.startsWith("/tracker/")), "every kept file under /tracker/");
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(new URL(scope).pathname, "/tracker/");
    env.server.down(true);
    await page.reload();
    await waitForCharts(page);
    assert.match(await toast(page), /You are offline/);
    assert.ok(requests.every((u) => u.startsWith("data:") || new URL(u).pathname.startsWith("/tracker/")));
    await context.close();
  } finally {
    env.server.down(false);
    await env.close();
  }
});
