// End-to-end: the release build in dist/, served locally, in Debian's Chromium driven by
// playwright-core. Writes test-results/screenshot.png for people to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { DIST, ROOT, newPage, start, subPathBuild, waitForCharts, CHART_IDS } from "./harness.mjs";

const SCREENSHOT = ROOT + "test-results/screenshot.png";
const PESKOV_URL =
  "https://www.republicworld.com/world-news/russia-ukraine-crisis/russia-ukraine-latest-peace-negotiations-last-for-90-minutes-no-significant-progress-made-articleshow.html";

let env;
let server;
let browser;

before(async () => {
  env = await start();
  ({ server, browser } = env);
});

after(async () => {
  await env?.close();
});

const open = (options) => newPage(browser, options);

/** Every chart canvas: its id, CSS and backing-store width, and the share of non-white pixels. */
function canvases(page) {
  return page.$$eval("canvas.chart-canvas", (list) =>
    list.map((c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
      return { id: c.dataset.chart, css: c.clientWidth, backing: c.width, share: n / (c.width * c.height) };
    }),
  );
}


test("the release build shows every chart, the quotes and the sources, from the page's origin only", async () => {
  const { context, page, problems, requests } = await open();
  await page.goto(server.url);
  await waitForCharts(page);

  // Every chart canvas is drawn: a real share of its pixels is not white.
  const ink = await canvases(page);
  assert.deepEqual(
    ink.map((c) => c.id), CHART_IDS);
  for (const c of ink) assert.ok(c.share > 0.02, `${c.id} is drawn (${c.share})`);

  // The Kremlin spokesperson's 21 March 2022 quote, with its source link.
  const peskov = page.locator("li.quote", { hasText: "it’s necessary to do the homework" });
  await assert.doesNotReject(peskov.waitFor());
  const text = await peskov.textContent();
  assert.match(text, /Dmitry Peskov/);
  assert.match(text, /Kremlin spokesperson/);
  assert.match(text, /21 Mar 2022/);
  assert.match(text, /day 26/);
  const link = peskov.locator("a", { hasText: "republicworld.com" });
  assert.equal(await link.getAttribute("href"), PESKOV_URL);
  assert.equal(await link.getAttribute("target"), "_blank");

  // The sources section lists UNHCR, OHCHR and IOM.
  const sources = await page.locator("#sources").textContent();
  for (const publisher of ["UNHCR", "OHCHR", "IOM Displacement Tracking Matrix"]) {
    assert.ok(sources.includes(publisher), `sources list ${publisher}`);
  }
  // The seed article's claim appears with the data figure beside it, not judged: when its count
  // was taken is not known. No percentage of a "more than".
  const seed = page.locator("li.claim", { hasText: "3.38 million" });
  const claim = await seed.textContent();
  assert.match(claim, /21 Mar 2022 · day 26/);
  assert.match(claim, /Claim: more than 3,380,000 border crossings out of Ukraine \(cumulative\)\. UNHCR's figure, 21 Mar 2022: 3,460,430 \(difference \+80,430\)\./);
  assert.match(claim, /set beside the data, not judged/);
  assert.equal(await seed.locator(".claim-verdict.not-judged").count(), 1);
  // Another counter's count is never called right or wrong by OHCHR's, and is never red or green.
  const ministry = page.locator("li.claim", { hasText: "352 Ukrainian civilians" });
  const words = await ministry.textContent();
  assert.match(words, /Claim: exactly 352 civilians killed, counted by Ukraine's Interior Ministry\. A different count: OHCHR's confirmed minimum, 27 Feb 2022, is 102\. Neither is judged by the other\./);
  assert.doesNotMatch(words, /hold|%/);
  assert.equal(await ministry.locator(".claim-verdict").count(), 0);
  // OHCHR's own figure, matched by its cut-off, is judged against that report.
  const ohchr = page.locator("li.claim", { hasText: "1,006" });
  assert.match(await ohchr.textContent(), /OHCHR's confirmed minimum, 3 Mar 2022: 1,006 \(difference 0, 0\.0%\)\.“exactly” holds against OHCHR's confirmed minimum of the same cut-off\./);
  // Nothing claims a verdict it has no ground for.
  const verdicts = await page.locator(".claim-verdict.holds, .claim-verdict.does-not-hold").count();
  assert.equal(verdicts, 8);
  // Every source of the dataset is listed with a link, and each chart links to its sources with unit badges.
  const dataset = JSON.parse(await (await page.request.get(server.url + "data/dataset.json")).text());
  for (const s of dataset.sources) {
    const entry = page.locator(`#source-${s.id}`);
    assert.equal(await entry.count(), 1, `source ${s.id} listed`);
    if (s.url || s.via_url) assert.ok((await entry.locator("a").count()) > 0, `source ${s.id} has a link`);
  }
  const caption = await page.locator("#chart-casualties figcaption").textContent();
  assert.match(caption, /confirmed minimum \(revised upwards later\)/);
  assert.equal(await page.locator('#chart-casualties figcaption a[href="#source-ohchr"]').count(), 1);
  assert.match(await page.locator("#chart-refugees figcaption").textContent(), /border crossings \(not unique people\)/);
  assert.match(await page.locator("#chart-idps figcaption").textContent(), /survey estimate/);
  // The footer gives the dataset version, its date range and changelog.
  const footer = await page.locator("footer").textContent();
  assert.match(footer, /Dataset version [0-9a-f]{16} \(schema 3\), figures from 24 Feb 2022 to 31 Jul 2026/);
  assert.match(footer, /What changed in the dataset/);
  assert.match(footer, /earlier vintage of UNHCR's total/);
  // The header states the data's date range.
  assert.match(await page.locator("header").innerText(), /Figures from 24 Feb 2022 \(day 1\) to 31 Jul 2026 \(day 1,619\) \(each chart gives its own last date\); dataset updated 4 Dec 2026\./);

  await mkdir(ROOT + "test-results", { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  assert.deepEqual(problems, [], "no console errors");
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith("data:") && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], "no request leaves the page's origin");
  assert.ok(requests.some((u) => u.endsWith("/data/dataset.json")), "the bundled dataset was fetched");
  await context.close();
});

test("charts are sized for high-DPI screens and redrawn when the window is resized", async () => {
  const { context, page, problems } = await open({ deviceScaleFactor: 2 });
  await page.goto(server.url);
  await waitForCharts(page);
  const sizes = () => canvases(page);
  for (const s of await sizes()) assert.equal(s.backing, Math.round(s.css * 2), "backing store = CSS width x 2");
  const before = (await sizes())[0].css;
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForFunction(
    (w) => [...document.querySelectorAll("canvas.chart-canvas")].every((c) => c.clientWidth !== w && c.width === Math.round(c.clientWidth * 2)),
    before,
  );
  for (const s of await sizes()) assert.ok(s.share > 0.02, "redrawn after the resize");
  // Every resize redraws, not only the first.
  const second = (await sizes())[0].css;
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.waitForFunction(
    (w) => [...document.querySelectorAll("canvas.chart-canvas")].every((c) => c.clientWidth !== w && c.width === Math.round(c.clientWidth * 2)),
    second,
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test("the quote's source link opens its page", async () => {
  const { context, page } = await open();
  // The outside world is not reachable here: answer for the source's host so the click can land.
  await context.route("https://www.republicworld.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>source</title>" }),
  );
  await page.goto(server.url);
  await waitForCharts(page);
  const link = page.locator("li.quote", { hasText: "do the homework" }).locator("a").first();
  const [popup] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), PESKOV_URL);
  await context.close();
});

/** The shipped dataset, changed by `edit`, as text. */
async function edited(edit) {
  const real = JSON.parse(await readFile(DIST + "/data/dataset.json", "utf8"));
  edit(real);
  return JSON.stringify(real);
}

/**
 * Opens the page with `response` (fulfil options) served in place of the dataset; resolves when
 * the error panel is shown, with its text, the page (still open), every dialog the page opened,
 * and its context to close.
 */
async function panelFor(response) {
  const { context, page } = await open();
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.route("**/data/dataset.json", (route) => route.fulfill({ contentType: "application/json", ...response }));
  await page.goto(server.url);
  const panel = page.locator("#load-error");
  await panel.waitFor({ timeout: 30_000 });
  return { text: await panel.innerText(), page, dialogs, context };
}

test("a broken dataset shows the error panel with its messages", async () => {
  const body = await edited((real) => {
    real.casualties.points[2].total = 1;
    real.quotes[0].source = "nobody";
  });
  const { text, page, context } = await panelFor({ body });
  assert.match(text, /The dataset is not valid: the dataset has 2 problem\(s\)/);
  assert.match(text, /casualties\.points\[2\]: killed 102 \+ injured 304 is not total 1/);
  assert.match(text, /quotes\[0\]\.source: unknown source id "nobody"/);
  assert.match(text, /data\/dataset\.json/);
  assert.equal(await page.locator("canvas").count(), 0, "no chart drawn from invalid data");
  await context.close();
});

test("a dataset that is not JSON is named with the place where it stops being JSON", async () => {
  const { text, context } = await panelFor({ body: '{"schema_version": 3, "sources": [}' });
  assert.match(text, /The dataset is not valid: the dataset cannot be read: the text is not JSON: at line 1, column 35, expected value/);
  await context.close();
});

test("a dataset of the wrong shape is named by the path of the field, in the browser", async () => {
  const body = await edited((real) => (real.refugees.by_country[3].points.cumulative[17] = "many"));
  const { text, context } = await panelFor({ body });
  assert.match(
    text,
    /at refugees\.by_country\[3\]\.points\.cumulative\[17\]: expected a whole number \(0 or more\), found the string "many"/,
  );
  await context.close();
});

test("a dataset with a javascript: link is refused, the link named, nothing clickable", async () => {
  const body = await edited((real) => {
    real.quotes[0].source_url = "javascript:alert(3)";
    real.sources[0].via_url = " javascript:alert(3)";
  });
  const { text, page, dialogs, context } = await panelFor({ body });
  assert.match(text, /sources\[0\]\.via_url: " javascript:alert\(3\)" is not a web link \(http:\/\/ or https:\/\/\)/);
  assert.match(text, /quotes\[0\]\.source_url: "javascript:alert\(3\)" is not a web link/);
  const scripted = await page.locator('a[href*="javascript:" i]').count();
  assert.equal(scripted, 0, "no javascript: link on the page");
  assert.deepEqual(dialogs, []);
  await context.close();
});

test("a missing dataset says what failed and where", async () => {
  const { text, context } = await panelFor({ status: 404, body: "not found" });
  assert.match(text, /The dataset could not be loaded/);
  assert.match(text, /HTTP 404/);
  await context.close();
});

test("a build for a sub-path works there (trunk build --public-url /tracker/)", async (t) => {
  const dir = await subPathBuild(t);
  if (!dir) return;
  const sub = await start(dir, "/tracker/");
  try {
    const { context, page, problems, requests } = await newPage(sub.browser);
    await page.goto(sub.server.url);
    await waitForCharts(page);
    assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
    assert.deepEqual(problems, [], "no console errors");
    assert.ok(requests.every((u) => u.startsWith("data:") || new URL(u).pathname.startsWith("/tracker/")), "every request stays under /tracker/");
    // The page in Ukrainian, one level down, takes its files from the same root.
    requests.length = 0;
    await page.goto(sub.server.url + "uk/");
    await waitForCharts(page);
    assert.equal(await page.getAttribute("html", "lang"), "uk");
    assert.ok(requests.includes(sub.server.url + "data/dataset.json"), "the dataset from /tracker/");
    assert.ok(requests.every((u) => u.startsWith("data:") || new URL(u).pathname.startsWith("/tracker/")), "every request stays under /tracker/");
    assert.deepEqual(problems, [], "no console errors");
    await context.close();
  } finally {
    await sub.close();
  }
});

test("a chart that cannot be drawn says why, and the app still takes the first view's place", async () => {
  const { context, page, problems } = await open();
  // This browser gives the casualties chart no 2D canvas.
  await context.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (...args) {
      return this.dataset.chart === "casualties" ? null : real.apply(this, args);
    };
  });
  await page.goto(server.url);
  await waitForCharts(page);
  assert.equal(await page.locator("#baked").count(), 0, "the app in the first view's place");
  const error = page.locator("#chart-casualties .chart-error");
  assert.equal(await error.getAttribute("role"), "alert");
  assert.match(await error.textContent(), /^This chart could not be drawn: this browser gives no 2D canvas/);
  await error.scrollIntoViewIfNeeded();
  assert.ok(await error.isVisible(), "the message is seen");
  // The other charts are drawn and answer as ever.
  assert.equal(await page.locator("#chart-refugees .chart-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
