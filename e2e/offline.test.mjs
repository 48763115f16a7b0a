// Offline after the first visit (assets/sw.js, registered by boot.js in release builds): the
// page opens without a network, with the data it last had and the day it was kept; also when the
// site answers 5xx or not at all; a new build is picked up on the next visit online, with a
// notice; a deploy whose install does not finish, or another page of the site, never replaces
// the kept copy; under a sub-path too.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, start, newPage, subPathBuild, waitForCharts, CHART_IDS } from "./harness.mjs";

const copies = [];
after(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the build, which a test may deploy a new build over. */
async function copyOfBuild() {
  const dir = await mkdtemp(join(tmpdir(), "tracker-offline-"));
  copies.push(dir);
  await cp(DIST, dir, { recursive: true });
  return dir;
}

/** Waits until the page is controlled by its service worker, with the build's files kept. */
async function kept(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  return page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search) };
  });
}

/** A first visit: a page that opened the site served by `env` and is under its worker, with the
 * build's files kept (`names`, `urls`, as `kept` gives them). */
async function firstVisit(env, options = {}) {
  const opened = await newPage(env.browser, { serviceWorkers: "allow", ...options });
  await opened.page.goto(env.server.url);
  await waitForCharts(opened.page);
  return { ...opened, ...(await kept(opened.page)) };
}

const build = (page) => page.getAttribute('meta[name="build"]', "content");
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Deploys a new build named `next` over the one in `dir`: the page and its worker name it, the
 * dataset has a new version, the page asks for its boot script at a new address (as a new
 * build's page asks for its new files), and the worker lists the new files with their hashes. */
async function deploy(dir, next) {
  const sw = await readFile(join(dir, "sw.js"), "utf8");
  const old = JSON.parse(sw.match(/^const VERSION = (.*);$/m)[1]);
  const dataset = JSON.parse(await readFile(join(dir, "data/dataset.json"), "utf8"));
  dataset.dataset_version = `deploy-${next}`;
  await writeFile(join(dir, "data/dataset.json"), JSON.stringify(dataset));
  const html = await readFile(join(dir, "index.html"), "utf8");
  assert.ok(html.includes(old), "the page names its build");
  await writeFile(join(dir, "index.html"), html.replaceAll(old, next).replace("boot.js?", `boot.js?deploy=${next}&`));
  const files = {};
  const listed = JSON.parse(sw.match(/^const FILES = (.*);$/m)[1]);
  for (const file of Array.isArray(listed) ? listed : Object.keys(listed)) {
    const name = file.startsWith("boot.js?") ? file.replace("boot.js?", `boot.js?deploy=${next}&`) : file;
    const body = await readFile(join(dir, decodeURIComponent(name.split("?")[0])));
    files[name] = createHash("sha256").update(body).digest("hex");
  }
  await writeFile(
    join(dir, "sw.js"),
    sw
      .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(next)};`)
      .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(Array.isArray(listed) ? Object.keys(files) : files)};`),
  );
  return old;
}

const toast = (page) => page.locator(".toasts").innerText();

/** A time zone whose calendar is on another day than UTC's right now (UTC+14 from 10:00 UTC,
 * else UTC-11), so that a date written in UTC instead of the reader's time shows. */
function zoneOnAnotherDay() {
  return new Date().getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
}
const dayIn = (timeZone) => new Date().toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });

test("after a first visit the page opens without a network, with the kept data and the day it was kept, in the reader's time", async () => {
  const env = await start(await copyOfBuild());
  const timezoneId = zoneOnAnotherDay();
  try {
    const { context, page, names, urls } = await firstVisit(env, { timezoneId });
    assert.deepEqual(names, [`displacement-tracker-${await build(page)}`]);
    for (const file of ["/index.html", "/data/dataset.json", "/noscript.css"]) assert.ok(urls.includes(file), `${file} kept`);
    assert.ok(urls.some((u) => u.endsWith(".wasm")) && urls.some((u) => u.startsWith("/boot.js?js=")), "the app kept");
    assert.equal(await page.locator(".toasts").count(), 0, "no notice on a first visit");

    env.server.down(true);
    await page.goto(env.server.url + "?day=26");
    await waitForCharts(page);
    assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
    assert.match(await page.locator("#announcer").innerText(), /3,460,430/);
    const local = dayIn(timezoneId);
    assert.notEqual(local, dayIn("UTC"), `${timezoneId} is on another day than UTC`);
    assert.match(
      await toast(page),
      new RegExp(`The site could not be reached: this is the copy of the page and its data kept on this device on ${local}, dataset version \\S+, figures to \\d+ \\w+ \\d{4}\\. Newer figures appear when the site can be reached again\\.`),
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

test("the kept copy is shown when the site answers 5xx, or has not answered in a few seconds", async () => {
  const env = await start(await copyOfBuild());
  try {
    const { context, page } = await firstVisit(env);
    for (const trouble of [503, 500, "stall"]) {
      env.server.trouble(() => trouble);
      const started = Date.now();
      await page.goto(env.server.url + "?day=26", { timeout: 20_000 });
      await waitForCharts(page);
      const took = Date.now() - started;
      assert.match(await toast(page), /The site could not be reached: this is the copy/, `${trouble}`);
      assert.match(await page.locator("#announcer").innerText(), /3,460,430/);
      assert.ok(took < 20_000, `${trouble}: the copy after ${took} ms`);
      env.server.trouble();
    }
    await context.close();
  } finally {
    env.server.trouble();
    await env.close();
  }
});

test("another page of the site, the dataset or the worker opened in a tab, or a portal's page, never replaces the kept page", async () => {
  const env = await start(await copyOfBuild());
  try {
    const { context, page } = await firstVisit(env);
    const ours = await build(page);
    for (const other of ["data/dataset.json", "sw.js", "about.html", "index.html?from=elsewhere"]) {
      await page.goto(env.server.url + other);
    }
    // A captive portal (or any page) answering the page's address with its own page.
    env.server.replace("", "<!doctype html><title>Sign in to the Wi-Fi</title><p>Accept the terms");
    await page.goto(env.server.url);
    assert.equal(await page.title(), "Sign in to the Wi-Fi", "the network's answer is the reader's");
    env.server.replace("");

    env.server.down(true);
    for (const address of ["", "index.html", "?day=26"]) {
      await page.goto(env.server.url + address);
      await waitForCharts(page);
      assert.equal(await build(page), ours, `${address}: the kept page`);
      assert.match(await toast(page), /The site could not be reached/);
    }
    assert.deepEqual(await cacheNames(page), [`displacement-tracker-${ours}`]);
    await context.close();
  } finally {
    env.server.down(false);
    await env.close();
  }
});

test("a new build is picked up on the next visit online, with a notice, and the old copy dropped", async () => {
  const dir = await copyOfBuild();
  const env = await start(dir);
  try {
    const { context, page, problems } = await firstVisit(env);
    const next = "0123456789abcdef";
    await deploy(dir, next);

    await page.reload();
    await waitForCharts(page);
    assert.equal(await build(page), next);
    assert.match(await toast(page), new RegExp(`This page was updated since your last visit: dataset version deploy-${next}, figures to \\d+ \\w+ \\d{4}\\.`));
    assert.match(await page.locator(".page-footer").innerText(), new RegExp(`Dataset version deploy-${next}`));
    // The new worker takes over and drops the old build's copy.
    let names = [];
    for (let i = 0; i < 100 && names.join() !== `displacement-tracker-${next}`; i++) {
      names = await cacheNames(page);
      await page.waitForTimeout(100);
    }
    assert.deepEqual(names, [`displacement-tracker-${next}`]);
    // Said once: the next visit has no notice; offline, it is the new build's copy.
    await page.reload();
    await waitForCharts(page);
    assert.equal(await page.locator(".toasts").count(), 0);
    env.server.down(true);
    await page.reload();
    await waitForCharts(page);
    assert.equal(await build(page), next);
    assert.match(await page.locator(".page-footer").innerText(), new RegExp(`Dataset version deploy-${next}`));
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    env.server.down(false);
    await env.close();
  }
});

test("a deploy whose worker cannot finish installing leaves the kept copy whole, and is installed later", async () => {
  const dir = await copyOfBuild();
  const env = await start(dir);
  try {
    const { context, page } = await firstVisit(env);
    const next = "fedcba9876543210";
    const old = await deploy(dir, next);
    // One file of the new build cannot be had (a CDN without it yet): the new worker's install
    // fails. The reader online gets the new page, from the network.
    let refused = 0;
    env.server.trouble((path) => (path === "noscript.css" ? (refused++, 503) : undefined));
    await page.reload();
    await waitForCharts(page);
    assert.equal(await build(page), next);
    for (let i = 0; i < 300 && refused === 0; i++) await page.waitForTimeout(100);
    assert.ok(refused > 0, "the new worker asked for the file");
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration && !registration.installing && !registration.waiting;
    }, null, { timeout: 30_000 });
    assert.deepEqual(await cacheNames(page), [`displacement-tracker-${old}`], "the half-filled copy is gone");

    // Offline: the old build whole, its page with its own files.
    env.server.down(true);
    await page.reload();
    await waitForCharts(page);
    assert.equal(await build(page), old);
    assert.match(await toast(page), /The site could not be reached/);
    assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);

    // Online with the whole new build: its worker installs and takes over.
    env.server.down(false);
    env.server.trouble();
    await page.reload();
    await waitForCharts(page);
    let names = [];
    for (let i = 0; i < 150 && names.join() !== `displacement-tracker-${next}`; i++) {
      names = await cacheNames(page);
      await page.waitForTimeout(100);
    }
    assert.deepEqual(names, [`displacement-tracker-${next}`]);
    await context.close();
  } finally {
    env.server.down(false);
    env.server.trouble();
    await env.close();
  }
});

test("offline under a sub-path (trunk build --public-url /tracker/)", async (t) => {
  const sub = await subPathBuild(t);
  if (!sub) return;
  const env = await start(sub, "/tracker/");
  try {
    const { context, page, requests, urls } = await firstVisit(env);
    assert.ok(urls.every((u) => u.startsWith("/tracker/")), "every kept file under /tracker/");
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(new URL(scope).pathname, "/tracker/");
    env.server.down(true);
    await page.reload();
    await waitForCharts(page);
    assert.match(await toast(page), /The site could not be reached/);
    assert.ok(requests.every((u) => u.startsWith("data:") || new URL(u).pathname.startsWith("/tracker/")));
    await context.close();
  } finally {
    env.server.down(false);
    await env.close();
  }
});
