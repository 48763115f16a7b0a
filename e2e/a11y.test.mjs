// Everyone can read it: axe-core on every kind of view (0 violations, with the rule that a
// control's name starts with its visible text), each chart's heading, summary in words and
// table of its figures, reachable by keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ROOT, start, newPage, waitForCharts, CHART_IDS } from "./harness.mjs";

let env;
let axeSource;
before(async () => {
  env = await start();
  axeSource = await readFile(ROOT + "node_modules/axe-core/axe.min.js", "utf8");
});
after(() => env?.close());

/** axe-core's violations on the page as it is, one line each (rule, impact, where, why). */
async function violations(page) {
  return page.evaluate(async (source) => {
    // Evaluated by the test harness, not by a script of the page (its CSP allows none inline).
    if (!window.axe) (0, eval)(source);
    const result = await window.axe.run(document, {
      rules: { "label-content-name-mismatch": { enabled: true } },
      resultTypes: ["violations"],
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ").slice(0, 200)}`),
    );
  }, axeSource);
}

const VIEWS = [
  ["the default view", "", {}],
  ["a selected day", "?day=26", {}],
  ["the refugee chart embedded", "?embed=refugees", {}],
  ["the daily chart embedded", "?embed=refugees-daily", {}],
  ["the casualties chart embedded", "?embed=casualties", {}],
  ["the displacement chart embedded", "?embed=idps", {}],
  ["a phone", "?day=26", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
  ["the dark theme", "?day=26", { colorScheme: "dark" }],
  ["the page in Ukrainian", "?lang=uk&day=26", {}],
  ["a chart embedded in Ukrainian", "?lang=uk&embed=refugees", {}],
];

for (const [name, query, options] of VIEWS) {
  test(`axe-core finds nothing on ${name}`, async () => {
    const { context, page } = await newPage(env.browser, options);
    await page.goto(env.server.url + query);
    await waitForCharts(page);
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}

test("axe-core finds nothing on the error panel, nor on an open table", async () => {
  const broken = await newPage(env.browser);
  await broken.page.route("**/data/dataset.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await broken.page.goto(env.server.url);
  await broken.page.locator("#load-error").waitFor();
  assert.deepEqual(await violations(broken.page), []);
  await broken.context.close();

  const { context, page } = await newPage(env.browser);
  await page.goto(env.server.url);
  await waitForCharts(page);
  await page.locator("#chart-refugees").getByRole("button", { name: "Show as table" }).click();
  await page.locator("#table-refugees").waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test("each chart has a heading, a summary in words and its figures as a table", async () => {
  const { context, page, problems } = await newPage(env.browser);
  await page.goto(env.server.url);
  await waitForCharts(page);
  const headings = await page.locator("figure.chart h2").allInnerTexts();
  assert.equal(headings.length, CHART_IDS.length);
  assert.equal(headings[0], "Border crossings out of Ukraine by receiving country, cumulative");
  const summary = await page.locator("#chart-refugees .chart-summary").innerText();
  assert.match(summary, /^All countries \(headline\): from 79,209 border crossings on 24 Feb 2022 \(day 1\) to 6,801,987 on 29 May 2022 \(day 95\)\. Of the other series, Lower bounds ends highest: at least 47,200,000 on 26 Mar 2025 \(day 1,127\)\.$/);

  // By keyboard: the button is reached with Tab and opened with Enter; the table has the
  // dataset's figure for 21 March 2022 (day 26).
  const button = page.locator("#chart-refugees .show-table");
  assert.equal(await button.innerText(), "Show as table");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  await button.focus();
  await page.keyboard.press("Enter");
  const table = page.locator("#table-refugees table");
  await table.waitFor();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  assert.equal(await button.innerText(), "Hide the table");
  const dataset = JSON.parse(await readFile(ROOT + "assets/data/dataset.json", "utf8"));
  const total = dataset.refugees.total.points;
  const figure = total.cumulative[total.dates.indexOf("2022-03-21")];
  assert.equal(figure, 3460430);
  const row = table.locator("tbody tr", { has: page.locator("th", { hasText: /^26$/ }) });
  const cells = await row.locator("th, td").allInnerTexts();
  assert.deepEqual(cells.slice(0, 3), ["26", "21 Mar 2022", "3,460,430"]);
  const header = await table.locator("thead th").allInnerTexts();
  assert.deepEqual(header.slice(0, 3), ["War day", "Date", "All countries: UNHCR's headline “refugees fleeing Ukraine”, to 29 May 2022 (border crossings)"]);
  assert.match(await table.locator("caption").innerText(), /Source: UNHCR/);
  // A row for every day the chart has a figure: the first months' series and the whole war's
  // border crossings (by vintage and by country).
  const crossings = dataset.figures.filter((f) => f.measure === "border_crossings");
  // The first view shows Poland among the receiving countries: its series and its later figures.
  const poland = dataset.refugees.by_country.filter((s) => s.id === "pol");
  const shown = crossings.filter((f) => f.scope === "all_countries" || f.iso3 === "POL");
  const days = new Set([...total.dates, ...poland.flatMap((s) => s.points.dates), ...shown.flatMap((f) => f.points.dates)]);
  assert.equal(await table.locator("tbody tr").count(), days.size);
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#table-refugees").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: skip to the charts, step to day 26, move between series, leave", async () => {
  const { context, page, problems } = await newPage(env.browser);
  await page.goto(env.server.url);
  await waitForCharts(page);
  const active = () => page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent.trim().slice(0, 40) }));
  await page.keyboard.press("Tab");
  assert.equal((await active()).text, "Skip to the charts");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal((await active()).id, "chart-refugees", "the first chart is the next tab stop");
  // Focus is visible: the chart's outline is drawn.
  const outline = await page.locator("#chart-refugees").evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, "solid");
  await page.keyboard.press("Home");
  for (let i = 0; i < 25; i++) await page.keyboard.press("ArrowRight");
  const announcer = page.locator("#announcer");
  await page.waitForFunction(() => /Day 26\b/i.test(document.querySelector("#announcer").textContent));
  assert.match(await announcer.innerText(), /3,460,430/);
  // The tooltip follows the keyboard: the selected day's figures beside the crosshair.
  const tooltip = page.locator("#chart-refugees .tooltip");
  await tooltip.waitFor();
  assert.match(await tooltip.locator(".tooltip-day").innerText(), /21 Mar 2022/);
  // Up and Down move between the series; the chart's live region reads the figure.
  const said = page.locator("#chart-refugees [aria-live]");
  await page.keyboard.press("ArrowDown");
  assert.equal(await said.innerText(), "All countries (headline): 3,460,430 border crossings on 21 Mar 2022 (day 26)");
  // Only the series the day's tooltip lists: UNHCR's revised month-end figures (no report that
  // day, inside their period), then Poland; not the series that begin later.
  await page.keyboard.press("ArrowDown");
  assert.equal(await said.innerText(), "Month-end, revised: no report on 21 Mar 2022 (day 26)");
  await page.keyboard.press("ArrowDown");
  assert.match(await said.innerText(), /^Poland: 2,\d{3},\d{3} border crossings on 21 Mar 2022 \(day 26\)$/);
  assert.equal(await tooltip.locator("tr.hovered th").innerText(), "Poland");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.match(await said.innerText(), /^All countries \(headline\): /);
  // Escape hides the tooltip; Tab leaves the chart (no trap).
  await page.keyboard.press("Escape");
  await tooltip.waitFor({ state: "detached" });
  await page.keyboard.press("Tab");
  assert.notEqual((await active()).id, "chart-refugees");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Listen plays the chart as a tone, says the start, the peak and the end, and stops", async () => {
  const { context, page, problems } = await newPage(env.browser);
  // Counts what the page asks of Web Audio.
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    window.audioLog = { created: 0, closed: 0, started: 0 };
    window.AudioContext = class extends Real {
      constructor(...args) {
        super(...args);
        window.audioLog.created++;
        const create = this.createOscillator.bind(this);
        this.createOscillator = () => {
          const o = create();
          const start = o.start.bind(o);
          o.start = (...a) => (window.audioLog.started++, start(...a));
          return o;
        };
      }
      close() {
        window.audioLog.closed++;
        return super.close();
      }
    };
  });
  await page.goto(env.server.url);
  await waitForCharts(page);
  const button = page.locator("#chart-refugees .listen");
  const said = page.locator("#chart-refugees [aria-live]");
  assert.match(await button.textContent(), /^Listen to the chart as sound$/);
  await button.click();
  assert.match(await button.textContent(), /^Stop the sound$/);
  await page.waitForFunction(() => /^All countries \(headline\), start: 79,209 on 24 Feb 2022 \(day 1\)$/.test(document.querySelector("#chart-refugees [aria-live]").textContent));
  // The tune ends by itself (2 to 6 seconds), having said its end.
  await page.waitForFunction(() => document.querySelector("#chart-refugees .listen").textContent.startsWith("Listen"), null, { timeout: 10_000 });
  assert.match(await said.innerText(), /^end: 6,801,987 on 29 May 2022 \(day 95\)$/);
  assert.deepEqual(await page.evaluate(() => window.audioLog), { created: 1, closed: 1, started: 1 });
  // Started again, the button stops it at once; so does Escape.
  await button.click();
  await button.click();
  assert.match(await button.textContent(), /^Listen to the chart as sound$/);
  await button.click();
  await page.locator("#chart-refugees").press("Escape");
  assert.match(await button.textContent(), /^Listen to the chart as sound$/);
  assert.deepEqual(await page.evaluate(() => window.audioLog), { created: 3, closed: 3, started: 3 });
  // Daily figures peak on the way: the peak is said when its tone plays.
  await page.evaluate(() => {
    window.saidLog = [];
    const region = document.querySelector("#chart-refugees-daily [aria-live]");
    new MutationObserver(() => window.saidLog.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  });
  await page.locator("#chart-refugees-daily .listen").click();
  await page.waitForFunction(() => window.saidLog.some((t) => t.startsWith("end: ")), null, { timeout: 10_000 });
  const saidLog = await page.evaluate(() => window.saidLog);
  assert.deepEqual(saidLog, [
    "Border crossings, start: 79,209 on 24 Feb 2022 (day 1)",
    "peak: 206,004 on 7 Mar 2022 (day 12)",
    "end: 30,024 on 29 May 2022 (day 95)",
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a browser without Web Audio is told so in words, and the chart stays", async () => {
  const { context, page } = await newPage(env.browser);
  await context.addInitScript(() => {
    delete window.AudioContext;
    delete window.webkitAudioContext;
  });
  await page.goto(env.server.url);
  await waitForCharts(page);
  await page.locator("#chart-refugees .listen").click();
  assert.match(await page.locator("#chart-refugees .chart-error").innerText(), /this browser cannot play the chart as sound/);
  assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
  await context.close();
});
