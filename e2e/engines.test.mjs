// The core paths in Firefox and WebKitGTK (Safari's engine), through W3C WebDriver
// (e2e/webdriver.mjs); Chromium runs the whole suite through Playwright. Each engine: the page
// with every chart drawn and the quotes; keyboard stepping to day 26; a chosen view's link; the
// error panel of a broken dataset; the dark theme; the Ukrainian page; a chart's table; Listen
// (sound or, where the engine has none, the reason in words); the offline reload.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { ROOT, DIST, CHART_IDS } from "./harness.mjs";
import { serve } from "./server.mjs";
import { open, KEYS } from "./webdriver.mjs";

const NBSP = "\u00a0";

/** The page's state in one call: whether the app is ready, its charts drawn (the share of
 * non-background pixels of each canvas), quotes, error panels and the announcer. */
const STATE = `
  const inked = (c) => {
    const { width, height } = c;
    if (!width || !height) return 0;
    const data = c.getContext("2d").getImageData(0, 0, width, height).data;
    let ink = 0;
    const background = [data[0], data[1], data[2]];
    for (let i = 0; i < data.length; i += 16) {
      if (Math.abs(data[i] - background[0]) + Math.abs(data[i + 1] - background[1]) + Math.abs(data[i + 2] - background[2]) > 60) ink++;
    }
    return ink / (data.length / 16);
  };
  return {
    ready: performance.getEntriesByName("view-complete").length === 1,
    charts: [...document.querySelectorAll("#app canvas.chart-canvas")].map(inked),
    quotes: document.querySelectorAll("#app li.quote").length,
    errors: [...document.querySelectorAll("#load-error, #boot-error, .chart-error")].map((e) => e.textContent),
    announcer: document.querySelector("#announcer")?.textContent ?? "",
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme ?? "",
  };`;

const READY = `return performance.getEntriesByName("view-complete").length === 1;`;

for (const engine of ["firefox", "webkitgtk"]) {
  describe(`in ${engine === "firefox" ? "Firefox" : "WebKitGTK"}`, () => {
    let server;
    let browser;
    before(async () => {
      server = await serve(DIST);
      browser = await open(engine);
    });
    after(async () => {
      await browser?.stop();
      await server?.close();
    });

    // Opens the page at `query` and waits for the app. A page that is not ready in 20 s is
    // opened once more, and what it showed is reported (WebKitGTK's MiniBrowser under xvfb has,
    // rarely, not started a page's app, which no other engine and no repeat showed).
    const load = async (query = "", t = undefined, again = true) => {
      await browser.go(server.url + query);
      try {
        await browser.until(READY, "the app's charts", 20_000);
      } catch (error) {
        // Say where the page stands: whether it is visible, the app started, a chart failed.
        const where = await browser
          .run(`return JSON.stringify({
            visibility: document.visibilityState,
            started: "wasmBindings" in window,
            baked: !!document.getElementById("baked"),
            marks: performance.getEntries().filter((e) => e.entryType === "mark").map((e) => e.name),
            errors: [...document.querySelectorAll(".chart-error, #load-error, #boot-error")].map((e) => e.textContent),
          });`)
          .catch((e) => e.message);
        if (!again) throw new Error(`${error.message}; the page: ${where}`);
        const note = `${browser.name}: not ready after 20 s, opened again; the page: ${where}`;
        if (t) t.diagnostic(note);
        else console.log(note);
        return load(query, t, false);
      }
      return browser.run(STATE);
    };

    test("the page loads with every chart drawn and the quotes, and no error", async (t) => {
      t.diagnostic(`${browser.name} ${browser.version}`);
      const state = await load();
      assert.equal(state.charts.length, CHART_IDS.length, "every chart's canvas");
      for (const ink of state.charts) assert.ok(ink > 0.01 && ink < 0.6, `a drawn chart, not blank nor filled: ${ink}`);
      assert.ok(state.quotes > 10, `${state.quotes} quotes`);
      assert.deepEqual(state.errors, []);
      await writeFile(`${ROOT}test-results/engine-${engine}.png`, await browser.screenshot());
    });

    test("keyboard stepping on a chart to day 26 announces its figures", async () => {
      await load();
      const chart = await browser.find("#chart-refugees");
      await browser.type(chart, KEYS.Home + KEYS.ArrowRight.repeat(25));
      const said = await browser.until(
        `const t = document.querySelector("#announcer").textContent; return t.startsWith("Day 26,") && t;`,
        "day 26 announced",
      );
      assert.ok(said.includes("3,460,430 border crossings out of Ukraine so far (UNHCR)"), said);
      assert.equal(await browser.run(`return document.querySelector("#timeline").value;`), "26");
    });

    test("a chosen view's link reopens it", async () => {
      const query = "?day=26&from=10&to=60&countries=pol%2Chun&mode=daily";
      await load(query);
      const view = await browser.run(`return {
        link: document.querySelector("#share-link").value,
        day: document.querySelector("#timeline").value,
        daily: document.querySelector('input[name="mode"]:checked')?.parentElement.textContent.trim(),
        shown: [...document.querySelectorAll(".countries input[data-series]")].filter((i) => i.checked).map((i) => i.dataset.series),
      };`);
      assert.equal(view.link, server.url + query);
      assert.equal(view.day, "26");
      assert.equal(view.daily, "Daily");
      assert.deepEqual(view.shown, ["pol", "hun"]);
    });

    test("a broken dataset gets the error panel, saying what and where", async () => {
      server.replace("data/dataset.json", '{"schema_version": 3, "dataset_version": ');
      try {
        await browser.go(server.url);
        const text = await browser.until(`return document.querySelector("#load-error")?.textContent;`, "the error panel");
        assert.match(text, /The dataset is not valid: the dataset cannot be read: the text ends before its JSON does/);
        assert.match(text, /Where: http:\/\/127\.0\.0\.1:\d+\/data\/dataset\.json/);
      } finally {
        server.replace("data/dataset.json");
      }
    });

    test("the dark theme draws dark charts and is kept", async () => {
      await load();
      await browser.run(`const s = document.querySelector("#app #theme"); s.value = "dark"; s.dispatchEvent(new Event("change", { bubbles: true }));`);
      const corner = `const c = document.querySelector("#chart-idps canvas.chart-canvas"); return c.getContext("2d").getImageData(2, 2, 1, 1).data[0] < 80;`;
      await browser.until(corner, "a dark chart");
      const state = await load();
      assert.equal(state.theme, "dark", "kept across visits");
      await browser.until(corner, "a dark chart after reloading");
      await writeFile(`${ROOT}test-results/engine-${engine}-dark.png`, await browser.screenshot());
      await browser.run(`const s = document.querySelector("#app #theme"); s.value = "system"; s.dispatchEvent(new Event("change", { bubbles: true }));`);
    });

    test("the Ukrainian page: words, numbers and dates as uk-UA writes them", async () => {
      const state = await load("?lang=uk&day=26");
      assert.equal(state.lang, "uk");
      assert.ok(state.announcer.startsWith("День 26, 21 бер. 2022 р."), state.announcer);
      assert.ok(state.announcer.includes(`3${NBSP}460${NBSP}430`), state.announcer);
      const heading = await browser.run(`return document.querySelector("#app figure.chart h2").textContent;`);
      assert.equal(heading, "Перетини кордону з України за країнами, що приймають, наростаючим підсумком");
      await writeFile(`${ROOT}test-results/engine-${engine}-uk.png`, await browser.screenshot());
    });

    test("a chart's table has the dataset's figure for 21 March 2022", async () => {
      await load();
      await browser.click(await browser.find("#chart-refugees button.show-table"));
      const cells = await browser.until(
        `const row = [...document.querySelectorAll("#table-refugees tbody tr")].find((r) => r.querySelector("th").textContent === "26");
         return row && [...row.querySelectorAll("td")].map((td) => td.textContent);`,
        "the table's row of day 26",
      );
      assert.deepEqual(cells.slice(0, 2), ["21 Mar 2022", "3,460,430"]);
    });

    test("Listen plays the chart, or says in words why it cannot", async (t) => {
      await load();
      const listen = await browser.find("#chart-refugees button.listen");
      await browser.click(listen);
      const outcome = await browser.until(
        `const chart = document.querySelector("#chart-refugees");
         const error = chart.querySelector(".chart-error")?.textContent;
         const said = chart.querySelector("p[aria-live]").textContent;
         return error ? { error } : said ? { said } : null;`,
        "sound or a reason",
      );
      t.diagnostic(`${browser.name}: ${outcome.error ? `no sound: ${outcome.error}` : `playing: ${outcome.said}`}`);
      if (outcome.error) {
        assert.match(outcome.error, /sound/i, "the reason names the sound");
      } else {
        assert.ok(outcome.said.startsWith("All countries (headline), start: 79,209 on 24 Feb 2022 (day 1)"), outcome.said);
        await browser.click(listen);
      }
    });

    test("after a visit, the page opens again without a network", async (t) => {
      await load();
      const kept = await browser.run(`return "serviceWorker" in navigator;`);
      if (!kept) {
        // Without service workers the page still works online; it cannot be kept.
        t.skip(`${browser.name} offers no service workers here`);
        return;
      }
      // The worker is registered when the browser is idle after the app started.
      await browser.run(`navigator.serviceWorker.ready.then(() => (window.keptForTest = true));`);
      try {
        await browser.until(`return window.keptForTest === true;`, "the service worker, ready", 60_000);
      } catch (error) {
        const state = await browser.run(`return navigator.serviceWorker.getRegistrations().then((all) =>
          JSON.stringify(all.map((r) => ({ scope: r.scope, installing: r.installing?.state, waiting: r.waiting?.state, active: r.active?.state }))));`);
        throw new Error(`${error.message}; registrations: ${state}`);
      }
      await load();
      await browser.until(`return navigator.serviceWorker.controller !== null;`, "the page under the worker");
      server.down(true);
      try {
        const state = await load();
        assert.equal(state.charts.length, CHART_IDS.length);
        const toast = await browser.until(`return document.querySelector(".toasts")?.textContent;`, "the offline notice");
        assert.match(toast, /The site could not be reached: this is the copy of the page and its data kept on this device/);
      } finally {
        server.down(false);
      }
    });
  });
}
