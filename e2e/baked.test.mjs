// End-to-end: the first view baked into the release build's index.html. A reader sees the
// charts, quotes and sources before the wasm arrives and without JavaScript; the app then takes
// the view's place without a visible jump. Writes test-results/baked-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { ROOT, newPage, start, waitForCharts, CHART_IDS } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
  await mkdir(ROOT + "test-results", { recursive: true });
});

after(async () => {
  await env?.close();
});

/** What the baked view shows: its chart pictures (visible ones), the Kremlin quote, the sources. */
async function bakedContent(page) {
  return page.evaluate(() => ({
    charts: [...document.querySelectorAll("#baked svg.chart-baked")]
      .filter((s) => s.getBoundingClientRect().height > 100)
      .map((s) => s.dataset.chart),
    peskov: [...document.querySelectorAll("#baked li.quote")].some((q) => q.textContent.includes("do the homework")),
    sources: document.querySelector("#baked #sources")?.textContent ?? "",
    title: document.querySelector("#baked svg.chart-baked text")?.textContent.trim() ?? "",
  }));
}

for (const [name, viewport] of [["desktop", { width: 1440, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  test(`without JavaScript the page shows its first view (${name})`, async () => {
    const { context, page, problems } = await newPage(env.browser, { viewport, javaScriptEnabled: false });
    await page.goto(env.server.url);
    const c = await bakedContent(page);
    assert.deepEqual(c.charts, CHART_IDS, "every chart, in the size for the screen");
    assert.equal(c.title, "Border crossings out of Ukraine by receiving country, cumulative");
    assert.ok(c.peskov, "the quotes");
    for (const publisher of ["UNHCR", "OHCHR", "IOM"]) assert.ok(c.sources.includes(publisher), publisher);
    assert.equal(await page.locator(".controls:visible").count(), 0, "no controls that cannot work");
    const inert = await page.locator("#baked button:visible, #baked select:visible, #baked input:visible").count();
    assert.equal(inert, 0, "no button that needs the app");
    assert.equal(await page.locator("#baked .chart-choices:visible").count(), 0, "no chart choices that need the app");
    // Each quote keeps its date and war day, as text; no words ask for a pointer.
    const when = await page.locator("#baked li.quote .quote-when").allTextContents();
    assert.ok(when.length > 20, `${when.length} quotes`);
    for (const w of when) assert.match(w, /^\d{1,2} \w{3} 20\d\d · day [\d,]+$/, w);
    const first = page.locator("#baked li.quote .quote-when").first();
    await first.scrollIntoViewIfNeeded();
    assert.match(await first.innerText(), /^\d{1,2} [A-Z]{3} 20\d\d · DAY \d+$/, "shown");
    assert.doesNotMatch(await page.locator("#baked").innerText(), /\bhover\b/i);
    // Each chart's summary in words is in the page itself.
    assert.match(await page.locator("#baked #chart-refugees .chart-summary").innerText(), /^All countries \(headline\): from 79,209 border crossings/);
    assert.match(await page.locator(".no-script").textContent(), /Without JavaScript this page shows its first view/);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(widths[0] <= widths[1], `no sideways scroll: ${widths}`);
    await page.screenshot({ path: `${ROOT}test-results/baked-nojs-${name}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the baked charts are there before the wasm arrives, in the reader's theme", async () => {
  const { context, page } = await newPage(env.browser, { colorScheme: "dark" });
  // Hold the wasm back (by path: the boot script's query names the wasm too): what the reader
  // sees then is the baked view alone.
  await page.route((url) => url.pathname.endsWith(".wasm"), () => {});
  await page.goto(env.server.url);
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1, null, { timeout: 10_000 });
  const c = await bakedContent(page);
  assert.deepEqual(c.charts, CHART_IDS);
  assert.ok(c.peskov);
  // The pictures take the theme's colours: light text on the dark ground.
  const fill = await page.$eval("#baked svg.chart-baked text", (t) => getComputedStyle(t).fill);
  assert.equal(fill, "rgb(232, 232, 232)", "the dark theme's ink");
  assert.equal(await page.evaluate(() => performance.getEntriesByName("app-ready").length), 0, "the app has not started");
  await page.screenshot({ path: `${ROOT}test-results/baked-before-wasm.png` });
  await context.close();
});

test("the app takes the baked view's place without a visible jump", async () => {
  const { context, page, problems } = await newPage(env.browser);
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(env.server.url);
  await waitForCharts(page);
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => window.shifts);
  assert.ok(shift <= 0.02, `cumulative layout shift ${shift}`);
  const state = await page.evaluate(() => ({
    baked: !!document.getElementById("baked"),
    arriving: document.getElementById("app").classList.contains("arriving"),
    canvases: document.querySelectorAll("canvas.chart-canvas").length,
    first: performance.getEntriesByName("first-chart")[0].startTime,
    ready: performance.getEntriesByName("app-ready")[0].startTime,
  }));
  assert.deepEqual([state.baked, state.arriving, state.canvases], [false, false, CHART_IDS.length], "the app in the view's place");
  assert.ok(state.first < state.ready, `the baked view came first (${state.first} ms, app ${state.ready} ms)`);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1366, height: 900 }]]) {
  test(`each chart's picture in the app is as tall as the baked one (${name})`, async () => {
    const { context, page, problems } = await newPage(env.browser, { viewport });
    // The pictures' heights (CSS px) in the baked view, then in the app. Those of the first two
    // charts: the later ones skip layout until they come near (content-visibility).
    await page.addInitScript(() => {
      window.chartHeights = (root) =>
        [...document.querySelectorAll(`${root} .chart-stack`)].slice(0, 2).map((stack) => {
          const picture = [...stack.querySelectorAll(".chart-canvas")].find((p) => p.getBoundingClientRect().height > 0);
          return [stack.closest("figure").id, Math.round(picture?.getBoundingClientRect().height ?? 0)];
        });
      addEventListener("DOMContentLoaded", () => (window.bakedHeights = chartHeights("#baked")));
    });
    await page.goto(env.server.url);
    await waitForCharts(page);
    const baked = await page.evaluate(() => window.bakedHeights);
    const app = await page.evaluate(() => chartHeights("#app"));
    assert.equal(baked.length, 2);
    assert.deepEqual(app, baked, "the app's charts as tall as the baked ones");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("the app shows once the charts in sight are drawn, and draws the others after", async () => {
  const { context, page, problems } = await newPage(env.browser);
  // When each chart canvas was first drawn (its plot's box is written with each drawing), and
  // what the page held when the app showed.
  await page.addInitScript(() => {
    addEventListener("DOMContentLoaded", () => (window.bakedQuotes = document.querySelectorAll("#baked .quote-list li.quote").length));
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === "app-ready") {
        window.atReady = {
          baked: document.getElementById("baked") !== null,
          parts: ["#share", "section.claims", "#sources", ".quote-list"].filter((s) => document.querySelector(`#app ${s}`) === null),
          quotes: document.querySelectorAll("#app .quote-list li.quote").length,
        };
      }
      return mark(name, ...rest);
    };
    window.drawnAt = new Map();
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target.matches?.("#app canvas.chart-canvas") && !drawnAt.has(r.target)) drawnAt.set(r.target, performance.now());
      }
    }).observe(document, { attributes: true, attributeFilter: ["data-plot"], subtree: true });
  });
  await page.goto(env.server.url);
  await waitForCharts(page);
  const charts = await page.evaluate(() => {
    const ready = performance.getEntriesByName("app-ready")[0].startTime;
    return [...document.querySelectorAll("#app canvas.chart-canvas")].map((c) => {
      const box = c.getBoundingClientRect();
      return { inSight: box.bottom > 0 && box.top < innerHeight, drawn: drawnAt.get(c) ?? null, ready };
    });
  });
  // The sections and quotes below the charts were there all along: the baked view's, until the
  // app's own replaced them.
  const [held, bakedQuotes] = await page.evaluate(() => [window.atReady, window.bakedQuotes]);
  assert.deepEqual([held.baked, held.parts], [false, []], "the sections and quotes in place when the app showed");
  assert.ok(bakedQuotes > 0 && held.quotes === bakedQuotes, `${held.quotes} of the baked view's ${bakedQuotes} quotes when the app showed`);
  assert.equal(await page.locator("[data-adopt], #app .adopting").count(), 0, "the app's own sections once complete");
  assert.equal(charts.length, CHART_IDS.length);
  assert.ok(charts.some((c) => c.inSight) && charts.some((c) => !c.inSight), "charts in sight and out of it");
  for (const [i, c] of charts.entries()) {
    assert.notEqual(c.drawn, null, `chart ${i} drawn`);
    if (c.inSight) assert.ok(c.drawn <= c.ready, `chart ${i}, in sight, drawn before the app showed (${c.drawn} ms, ${c.ready} ms)`);
    else assert.ok(c.drawn > c.ready, `chart ${i}, out of sight, drawn after the app showed (${c.drawn} ms, ${c.ready} ms)`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to one chart drops the baked page at once", async () => {
  const { context, page, problems } = await newPage(env.browser, { viewport: { width: 640, height: 480 } });
  await page.goto(env.server.url + "?embed=idps");
  await waitForCharts(page);
  assert.equal(await page.locator("#baked").count(), 0);
  assert.equal(await page.locator("canvas.chart-canvas").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the app and its data are requested once the first view is on screen, each once", async () => {
  const { context, page, problems } = await newPage(env.browser);
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await waitForCharts(page);
  const t = await page.evaluate(() => {
    const entry = (end) => performance.getEntriesByType("resource").find((e) => e.name.split("?")[0].endsWith(end));
    return {
      css: entry(".css").responseEnd,
      paint: performance.getEntriesByType("paint").find((e) => e.name === "first-paint")?.startTime,
      starts: [".wasm", "_bg.wasm", "data/dataset.json"].map((end) => entry(end)?.startTime),
      glue: performance.getEntriesByType("resource").find((e) => /displacement-tracker-[0-9a-f]+\.js$/.test(e.name))?.startTime,
    };
  });
  // The page cannot be drawn before its stylesheet is in; the app starts after the first frame.
  for (const start of [...t.starts, t.glue]) assert.ok(start > t.css, `requested at ${start} ms, stylesheet in at ${t.css} ms`);
  for (const end of [".wasm", "data/dataset.json"]) {
    assert.equal(requested.filter((p) => p.endsWith(end)).length, 1, `${end} requested once (the preload is used)`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a wasm that fails its integrity check is said on the page, and the first view stays", async () => {
  const { context, page } = await newPage(env.browser);
  await page.route(
    (url) => url.pathname.endsWith(".wasm"),
    async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    },
  );
  await page.goto(env.server.url);
  const panel = page.locator("#boot-error[role=alert]");
  await panel.waitFor({ timeout: 10_000 });
  assert.match(await panel.textContent(), /The interactive page could not start.*What you see is the page as published/s);
  const c = await bakedContent(page);
  assert.deepEqual(c.charts, CHART_IDS, "the first view is still there");
  await context.close();
});
