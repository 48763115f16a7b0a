// End-to-end: the page on a phone, a desktop and a 4K screen, in light and dark, against the
// release build in dist/. Writes test-results/screen-<width>-<theme>.png for people to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { ROOT, newPage, openAt, start, waitForCharts } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
  await mkdir(ROOT + "test-results", { recursive: true });
});

after(async () => {
  await env?.close();
});

const SCREENS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
  { name: "4k", width: 3840, height: 2160 },
];

/** Moves the pointer over the refugee chart to the first pixel column whose day is `day` or
 * later (over the whole war a column holds a day or more); returns the pointer and its day. */
async function hoverDay(page, day) {
  const overlay = page.locator("#chart-refugees canvas.chart-canvas");
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  const y = box.y + box.height * 0.35;
  const tip = page.locator("#chart-refugees .tooltip-day");
  const dayAt = async (x) => {
    await page.mouse.move(box.x + x, y);
    if (!(await tip.count())) return null;
    const m = (await tip.textContent()).replace(/[,\u00a0\s]/g, "").match(/^Day(\d+)/);
    return m ? Number(m[1]) : null;
  };
  // Coarse columns first (outside the plot there is no day), then every column near the day.
  let [before, found] = [0, null];
  for (let x = 0; x < box.width && found === null; x += 16) {
    const at = await dayAt(x);
    if (at !== null && at < day) before = x;
    if (at !== null && at >= day) found = x;
  }
  for (let x = before; found !== null && x < found; x += 1) {
    const at = await dayAt(x);
    if (at !== null && at >= day) found = x;
  }
  if (found === null) throw new Error(`no column for day ${day} or later`);
  return { x: box.x + found, y, day: await dayAt(found) };
}

/** The chart's direct labels, as boxes in page pixels. */
async function labelBoxes(page, chart) {
  const canvas = page.locator(`#chart-${chart} canvas.chart-canvas`);
  const box = await canvas.boundingBox();
  const raw = (await canvas.getAttribute("data-labels")) ?? "";
  return raw
    .split(" ")
    .filter(Boolean)
    .map((b) => b.split(",").map(Number))
    .map(([l, t, r, bottom]) => ({ l: box.x + l, t: box.y + t, r: box.x + r, b: box.y + bottom, canvas: box }));
}

for (const screen of SCREENS) {
  for (const scheme of ["light", "dark"]) {
    test(`${screen.name} (${screen.width}x${screen.height}), ${scheme}: no sideways scroll, a tooltip beside its point, labels apart`, async () => {
      const viewport = { width: screen.width, height: screen.height };
      // Every receiving country: the most lines to name.
      const { context, page, problems } = await openAt(env, "?countries=pol,rus,hun,rou,mda,svk,blr,rou-from-mda", { viewport, colorScheme: scheme });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(widths.scroll <= widths.client, `no sideways scroll: ${widths.scroll} > ${widths.client}`);

      // The canvas is drawn in the theme: its ground is the theme's surface colour.
      const corner = await page.$eval("#chart-refugees canvas.chart-canvas", (c) => [...c.getContext("2d").getImageData(2, 2, 1, 1).data]);
      const dark = corner[0] < 80;
      assert.equal(dark, scheme === "dark", `canvas ground ${corner} in the ${scheme} theme`);

      // Line labels never overlap each other, and stay on the canvas.
      for (const chart of ["refugees"]) {
        const boxes = await labelBoxes(page, chart);
        // On a phone the key names the lines (whole); wider, each line is named at its end.
        if (screen.width < 500) assert.equal(boxes.length, 0, `${chart}: the key names the lines`);
        else assert.ok(boxes.length >= 8, `${chart}: every line labelled (${boxes.length})`);
        for (const [i, a] of boxes.entries()) {
          assert.ok(a.l >= a.canvas.x && a.r <= a.canvas.x + a.canvas.width + 1, `label ${i} inside the canvas`);
          for (const b of boxes.slice(i + 1)) {
            const apart = a.r <= b.l || b.r <= a.l || a.b <= b.t || b.b <= a.t;
            assert.ok(apart, `labels overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`);
          }
        }
      }

      // The plot keeps its room however many lines the key names (on a phone, a row each).
      const [, top, , bottom] = (await page.locator("#chart-refugees canvas.chart-canvas").getAttribute("data-plot")).split(",").map(Number);
      const drawnHeight = (await page.locator("#chart-refugees canvas.chart-canvas").boundingBox()).height;
      assert.ok(bottom - top >= Math.min(180, 0.35 * drawnHeight), `a plot ${bottom - top} px high in a ${drawnHeight} px chart`);

      // A tooltip in 2025 (UNHCR's last figure of border crossings, a lower bound, is of day
      // 1,127): beside the crosshair (never over the hovered point) or under the chart.
      const pointer = await hoverDay(page, 1127);
      const tip = await page.locator("#chart-refugees .tooltip").boundingBox();
      const canvas = await page.locator("#chart-refugees canvas.chart-canvas").boundingBox();
      const beside = tip.x > pointer.x || tip.x + tip.width < pointer.x;
      const below = tip.y >= canvas.y + canvas.height;
      assert.ok(beside || below, `the tooltip ${JSON.stringify(tip)} covers the pointer at ${pointer.x}`);
      assert.ok(tip.height <= canvas.height, `the tooltip (${tip.height}) fits the chart's height (${canvas.height})`);
      if (screen.name === "desktop") {
        assert.ok(tip.height <= 0.42 * canvas.height, `desktop: tooltip ${tip.height} px over a ${canvas.height} px chart`);
      }
      const text = await page.locator("#chart-refugees .tooltip").textContent();
      assert.ok(text.replace(/,/g, "").startsWith(`Day ${pointer.day} `), text);
      if (pointer.day === 1127) assert.match(text, /Lower boundsat least 47,200,000/);
      // The whole war on the time axis: the baked and drawn axis reach 2026.
      assert.match(await page.locator("#chart-refugees canvas.chart-canvas").getAttribute("aria-label"), /Border crossings out of Ukraine/);
      await page.screenshot({ path: `${ROOT}test-results/screen-${screen.width}-${scheme}.png` });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("on a phone the controls fold into one line, and every target is at least 24 px", async () => {
  const { context, page, problems } = await openAt(env, "?day=26", { viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `no sideways scroll at 320 px: ${widths}`);
  const summary = page.locator(".more-summary");
  assert.equal(await summary.getAttribute("aria-expanded"), "false", "folded");
  assert.equal(await summary.textContent(), "all days · day 26");
  assert.equal(await page.locator("#chart-refugees .refugee-choices > summary").textContent(), "Poland · cumulative · linear");
  assert.equal(await page.locator("#zoom-from").isVisible(), false);
  await summary.tap();
  assert.equal(await page.locator("#zoom-from").isVisible(), true, "the summary opens the controls");
  assert.equal(await summary.getAttribute("aria-expanded"), "true");
  const small = await page.$$eval(".controls button, .controls select, .controls label, .more-summary, .quote-day, .png, #theme", (list) =>
    list.filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 24).map((e) => `${e.tagName} ${e.textContent.trim().slice(0, 30)}`),
  );
  assert.deepEqual(small, [], "targets under 24 px");
  // The selected day's quotes open from the bottom of the screen.
  const sheet = page.locator(".day-sheet");
  assert.match(await sheet.locator("summary").textContent(), /What was said on day 26 \(\d+\)/);
  await sheet.locator("summary").tap();
  assert.match(await sheet.textContent(), /Dmitry Peskov/);
  await page.screenshot({ path: `${ROOT}test-results/screen-320-open.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the reader's choice of colours is kept, and pictures stay light unless asked", async () => {
  const { context, page, problems } = await openAt(env, "", { colorScheme: "light" });
  await page.locator("#theme").selectOption("dark");
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  const ground = () => page.$eval("#chart-idps canvas.chart-canvas", (c) => c.getContext("2d").getImageData(2, 2, 1, 1).data[0]);
  await page.waitForFunction(() => document.querySelector("#chart-idps canvas.chart-canvas").getContext("2d").getImageData(2, 2, 1, 1).data[0] < 80);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "kept across visits");
  await waitForCharts(page);
  assert.equal(await page.locator("#theme").inputValue(), "dark");
  assert.ok((await ground()) < 80, "the charts are dark");
  // A downloaded picture is light, unless the reader asks for the dark theme.
  const corner = async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#chart-idps button.png").click()]);
    const bytes = await readFile(await download.path());
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = "data:image/png;base64," + b64;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      c.getContext("2d").drawImage(img, 0, 0);
      return c.getContext("2d").getImageData(2, 2, 1, 1).data[0];
    }, bytes.toString("base64"));
  };
  assert.ok((await corner()) > 200, "light picture by default");
  await page.locator("#dark-pictures").check();
  assert.ok((await corner()) < 80, "dark picture when asked");
  // Back to following the system.
  await page.locator("#theme").selectOption("system");
  await page.waitForFunction(() => !document.documentElement.dataset.theme);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an open table scrolls inside its box: the page never widens, and its headers stay short", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    const { context, page, problems } = await openAt(env, "", { viewport });
    for (const id of ["refugees", "recorded-countries", "casualties"]) await page.locator(`#chart-${id} button.show-table`).click();
    const table = page.locator("#chart-refugees .table-scroll");
    await table.waitFor();
    await table.scrollIntoViewIfNeeded();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1], `${viewport.width} px: no sideways scroll of the page (${widths})`);
    // The longest series name in at most four lines.
    const lines = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll("#chart-refugees .chart-data thead th")].map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(th).fontSize) / 1.15);
        }),
      ),
    );
    assert.ok(lines <= 4, `${viewport.width} px: headers of ${lines} lines`);
    await table.screenshot({ path: `${ROOT}test-results/table-${viewport.width}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("what stays pinned at the top is one slim row, and links to places in the page land below it", async () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1366, height: 768 }]) {
    const { context, page, problems } = await openAt(env, "", { viewport });
    await page.evaluate(() => scrollTo(0, 3000));
    await page.waitForTimeout(100);
    // Everything whose box is stuck at the top of the screen after scrolling.
    const pinned = await page.evaluate(() =>
      [...document.querySelectorAll("#app *")]
        .filter((e) => ["sticky", "fixed"].includes(getComputedStyle(e).position) && e.getBoundingClientRect().top <= 1 && e.getBoundingClientRect().height > 0)
        .map((e) => ({ name: e.className, bottom: Math.round(e.getBoundingClientRect().bottom) })),
    );
    const bottom = Math.max(0, ...pinned.map((p) => p.bottom));
    assert.ok(bottom <= 64, `${viewport.width}x${viewport.height}: pinned down to ${bottom} px: ${JSON.stringify(pinned)}`);
    // "Sources and method" in the header and a chart's own sources: their targets in full view.
    for (const [link, target] of [["#app header .to-sources a", "#sources"], ["#app .skip-link", "#charts"]]) {
      await page.evaluate(() => scrollTo(0, 0));
      await page.locator(link).focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((t) => location.hash === t, target);
      await page.waitForTimeout(100);
      const top = await page.locator(target).evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(top >= bottom, `${target} lands at ${top} px, under the pinned bar (${bottom} px)`);
    }
    if (viewport.width === 1440) await page.screenshot({ path: `${ROOT}test-results/pinned-1440.png` });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a tooltip never goes under the bar pinned at the top", async () => {
  const { context, page, problems } = await openAt(env, "", { viewport: { width: 1440, height: 900 } });
  const canvas = page.locator("#chart-casualties canvas.chart-canvas");
  await canvas.scrollIntoViewIfNeeded();
  // The chart's top 60 px scrolled under the pinned bar.
  await page.evaluate(() => {
    const top = document.querySelector("#chart-casualties canvas.chart-canvas").getBoundingClientRect().top + scrollY;
    scrollTo(0, top + 60);
  });
  await page.waitForTimeout(100);
  const box = await canvas.boundingBox();
  const bar = await page.locator("#app .timeline-bar").boundingBox();
  assert.ok(box.y < bar.y + bar.height, "the chart's top is under the bar");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
  const tip = page.locator("#chart-casualties .tooltip");
  await tip.waitFor();
  const top = (await tip.boundingBox()).y;
  assert.ok(top >= bar.y + bar.height, `the tooltip starts at ${top} px, under the bar's ${bar.y + bar.height} px`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens `query` with every text drawn on a chart's canvas recorded (the drawing is pixels),
 * and returns a function that gives the texts of a chart's last full draw. */
async function openRecordingText(query, options) {
  const { context, page, problems } = await newPage(env.browser, options);
  await context.addInitScript(() => {
    const fill = CanvasRenderingContext2D.prototype.fillText;
    const clear = CanvasRenderingContext2D.prototype.clearRect;
    CanvasRenderingContext2D.prototype.clearRect = function (...args) {
      if (args[0] === 0 && args[1] === 0 && args[2] >= this.canvas.width) this.canvas.__texts = [];
      return clear.apply(this, args);
    };
    CanvasRenderingContext2D.prototype.fillText = function (text, ...args) {
      (this.canvas.__texts ??= []).push(String(text));
      return fill.call(this, text, ...args);
    };
  });
  await page.goto(env.server.url + query);
  await waitForCharts(page);
  const texts = (chart) => page.$eval(`canvas.chart-canvas[data-chart="${chart}"]`, (c) => c.__texts ?? []);
  return { context, page, problems, texts };
}

test("the country chart reads at a glance: the totals and the largest country; on a phone every line named whole and at least three dates", async () => {
  for (const { width, height } of [{ width: 390, height: 844 }, { width: 360, height: 740 }, { width: 1440, height: 900 }]) {
    const { context, page, problems, texts } = await openRecordingText("", { viewport: { width, height } });
    const shown = await page.$$eval("#chart-refugees input[data-series]", (list) => list.filter((i) => i.checked).map((i) => i.dataset.series));
    assert.deepEqual(shown, ["pol"], "the largest receiving country, the others one choice away");
    const drawn = await texts("refugees");
    assert.ok(drawn.length > 10, `${width} px: the drawing's texts are recorded: ${drawn}`);
    assert.deepEqual(drawn.filter((t) => t.includes("…")), [], `${width} px: no name is cut`);
    for (const name of ["All countries (headline), to May 2022", "Month-end, revised, to Dec 2022", "Poland, to May 2022", "Poland, later, to Feb 2023"]) {
      assert.ok(drawn.includes(name), `${width} px: "${name}" is drawn whole: ${drawn}`);
    }
    const dates = drawn.filter((t) => /^((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( 20\d\d)?|20\d\d)$/.test(t));
    assert.ok(dates.length >= 3, `${width} px: at least three dates on the axis: ${dates}`);
    // Zoomed to a month on a phone, still three dates at least.
    if (width < 400) {
      await page.goto(env.server.url + "?from=20&to=50");
      await waitForCharts(page);
      const month = (await texts("refugees")).filter((t) => /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( 20\d\d)?$/.test(t));
      assert.ok(month.length >= 3, `${width} px, days 20-50: at least three dates: ${month}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on a phone the quotes are in reach from the start, and the claims and sources are folded", async () => {
  const { context, page, problems } = await openAt(env, "", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  // Every part laid out (the page skips what is far from view): the page's whole height.
  const laidOut = () => page.evaluate(() => {
    document.querySelectorAll("*").forEach((e) => e.style.setProperty("content-visibility", "visible", "important"));
    const top = (selector) => Math.round(document.querySelector(selector).getBoundingClientRect().top + scrollY);
    return { height: document.documentElement.scrollHeight, quotes: top("#quotes-heading") };
  });
  const folds = page.locator("details.section-fold");
  await folds.nth(1).waitFor({ state: "attached" });
  assert.deepEqual(await folds.evaluateAll((list) => list.map((d) => d.open)), [false, false], "the claims and the sources are folded");
  const { height, quotes } = await laidOut();
  console.log(`phone page: ${height} px laid out, the quotes at ${quotes} px`);
  assert.ok(height < 25_000, `the phone page is ${height} px`);
  assert.ok(quotes < 10_000, `the quotes start at ${quotes} px`);
  // A line at the foot of the screen leads to the quotes from the start.
  const jump = page.locator("a.quotes-jump");
  assert.match(await jump.textContent(), /^What was said: \d+ quotes, in date order/);
  const box = await jump.boundingBox();
  assert.ok(box.y + box.height <= 844 && box.y > 844 - 80, `at the foot of the screen: ${JSON.stringify(box)}`);
  await jump.tap();
  await page.waitForFunction(() => Math.abs(document.querySelector("#quotes-heading").getBoundingClientRect().top) < 100);
  // A chart's link to a source opens the fold it is in and lands on it.
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('#chart-refugees .chart-sources a[href="#source-unhcr-total"]').tap();
  await page.waitForFunction(() => {
    const target = document.getElementById("source-unhcr-total");
    const r = target.getBoundingClientRect();
    return target.closest("details").open && r.top > -2 && r.top < innerHeight;
  });
  assert.deepEqual(problems, []);
  await context.close();
  // On a desktop nothing is folded.
  const wide = await openAt(env, "", { viewport: { width: 1440, height: 900 } });
  await wide.page.locator("details.section-fold").nth(1).waitFor({ state: "attached" });
  assert.deepEqual(await wide.page.locator("details.section-fold").evaluateAll((list) => list.map((d) => d.open)), [true, true]);
  await wide.context.close();
});
