// End-to-end tests of what a reader takes away (CSV, PNG, citation, embed code) and of the
// embedded view, against the release build in dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ROOT, openAt, start } from "./harness.mjs";

// Poland is the receiving country shown unless the reader chooses.
const VIEW = "?from=2&to=4&measure=per1000";
let env;
let server;

before(async () => {
  env = await start();
  server = env.server;
});

after(async () => {
  await env?.close();
});

const open = (query, options) => openAt(env, query, options);

/** Clicks `selector` and returns the downloaded file's name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("the CSV download is exactly the chosen view, with its sources in the header", async () => {
  const { context, page, problems } = await open(VIEW);
  const { name, bytes } = await download(page, "#download-csv");
  assert.equal(name, "displacement-tracker-days-2-4.csv");
  const csv = bytes.toString("utf8");
  const lines = csv.split("\n");
  assert.equal(lines[0], "# displacement-tracker: what the full-scale invasion of Ukraine did to people, day by day");
  assert.equal(lines[1], `# View: ${server.url}${VIEW}`);
  assert.match(csv, /^# Dataset version [0-9a-f]{16} \(schema 3\)$/m);
  assert.match(csv, /^# Source \[unhcr-pol\]: UNHCR \(from national authorities\), Arrivals from Ukraine: Poland \(via https:\/\/github\.com\/WellsRC\/Ukraine_Displacement\)$/m);
  assert.match(csv, /^# Unit \[ohchr\]: confirmed minimum \(revised upwards later\)$/m);
  assert.match(csv, /^# Source \[worldbank-pop\]: World Bank/m);
  assert.doesNotMatch(csv, /Source \[unhcr-hun\]/, "hidden countries' sources are left out");
  assert.ok(lines.includes("chart,series,date,war_day,value,precision,unit,detail,source"));
  // Each chart's period in the header; what precision means.
  assert.match(csv, /^# Civilian casualties confirmed by OHCHR, cumulative: Figures to 31 Jan 2026\.$/m);
  assert.match(csv, /^# precision: exact \(as published\), rounded .* or at_least \(a lower bound/m);
  const rows = lines.filter((l) => l && !l.startsWith("#")).slice(1);
  const poland = rows.filter((r) => r.startsWith("refugees,Poland,"));
  assert.deepEqual(
    poland.map((r) => r.split(",").slice(2, 4).join(",")),
    ["2022-02-24,1", "2022-02-25,2", "2022-02-26,3", "2022-02-27,4"].filter((d) => d >= "2022-02-25"),
  );
  assert.match(poland[0], /^refugees,Poland,2022-02-25,2,2\.\d+,exact,"per 1,000 residents","[\d,]+ of 36,981,559 residents",/);
  assert.ok(rows.some((r) => r.startsWith("refugees-daily,")) && rows.some((r) => r.startsWith("casualties,")));
  assert.ok(rows.every((r) => { const d = Number(r.split(",")[3]); return d >= 2 && d <= 4; }), "only war days 2 to 4");
  assert.match(await page.locator(".share-status").textContent(), /displacement-tracker-days-2-4\.csv downloaded/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("each chart downloads as a PNG at twice its size, stamped", async () => {
  const { context, page, problems } = await open(VIEW);
  const size = await page.locator("#chart-idps canvas.chart-canvas").evaluate((c) => [c.clientWidth, c.clientHeight]);
  const { name, bytes } = await download(page, "#chart-idps button.png");
  assert.equal(name, "displacement-tracker-idps.png");
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG signature");
  assert.equal(bytes.subarray(12, 16).toString("ascii"), "IHDR");
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size[0] * 2, size[1] * 2]);
  assert.ok(bytes.length > 20_000, `a drawn picture, not a blank one (${bytes.length} bytes)`);
  assert.equal(await page.locator("#chart-idps .chart-error").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the citation and the embed code name the view, and copy to the clipboard", async () => {
  const { context, page, problems } = await open(VIEW);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const citation = await page.locator("#citation").inputValue();
  assert.match(
    citation,
    /^displacement-tracker, “Refugees, civilian casualties and internal displacement in Ukraine, war days 2 to 4 \(25 Feb 2022 to 27 Feb 2022\), refugees per 1,000 residents”, dataset version [0-9a-f]{16} \(schema 3\), http:\/\/127\.0\.0\.1:\d+\/\?from=2&to=4&measure=per1000 \(accessed \d{1,2} [A-Z][a-z]{2} 20\d\d\)\.$/,
  );
  await page.locator("button", { hasText: "Copy citation" }).click();
  await page.locator(".share-status", { hasText: "Citation copied" }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), citation);
  await page.locator("#embed-chart").selectOption("casualties");
  const code = await page.locator("#embed-code").inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?from=2&amp;to=4&amp;measure=per1000&amp;embed=casualties" title="Civilian casualties/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an embed link shows one chart with its sources and a link back, nothing else", async () => {
  const { context, page, problems } = await open("?embed=casualties&from=10&to=60", { viewport: { width: 640, height: 480 } });
  assert.deepEqual(await page.locator("canvas.chart-canvas").evaluateAll((cs) => cs.map((c) => c.dataset.chart)), ["casualties"]);
  for (const other of [".controls", ".quotes", "#sources", "#share", ".claims", "header", "footer"]) {
    assert.equal(await page.locator(other).count(), 0, `${other} is not shown`);
  }
  const back = page.locator(".embed-credit a");
  assert.match(await back.getAttribute("href"), /\/\?from=10&to=60$/);
  const source = page.locator("#chart-casualties figcaption a", { hasText: "OHCHR" });
  assert.match(await source.getAttribute("href"), /\/\?from=10&to=60#source-ohchr$/);
  // The chart is sized by the frame's width (the frame takes the height of what it holds).
  const box = await page.locator("canvas.chart-canvas").boundingBox();
  assert.ok(box.height >= 320 && box.height <= 480, `sized by the width (${box.height})`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the embed code's frame fits what it holds at 320 to 1000 px, with the chart's title, period and credit inside", async () => {
  const { context, page, problems } = await open(VIEW);
  await page.locator("#embed-chart").selectOption("refugees");
  const code = await page.locator("#embed-code").inputValue();
  await context.close();
  for (const width of [320, 360, 640, 1000]) {
    // A host page of another origin (a blank page) with the code as given, in a column `width` wide.
    const host = await env.browser.newContext({ viewport: { width: width + 40, height: 700 } });
    const hostPage = await host.newPage();
    const hostProblems = [];
    hostPage.on("pageerror", (e) => hostProblems.push(e.message));
    await hostPage.setContent(`<!doctype html><body style="margin:20px"><div style="width:${width}px">${code}</div></body>`);
    const frameElement = hostPage.locator("iframe");
    const frame = await (await frameElement.elementHandle()).contentFrame();
    await frame.waitForFunction(() => performance.getEntriesByName("view-complete").length === 1, null, { timeout: 30_000 });
    // The frame's height follows its page's: no scroll bar inside, no empty band below.
    const heights = async () => [
      (await frameElement.boundingBox()).height,
      await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ];
    let [frameHeight, inner] = await heights();
    for (let i = 0; i < 50 && Math.abs(frameHeight - inner) > 1; i++) {
      await hostPage.waitForTimeout(200);
      [frameHeight, inner] = await heights();
    }
    assert.ok(Math.abs(frameHeight - inner) <= 1, `${width} px: the frame is ${frameHeight} px, its page ${inner} px`);
    assert.notEqual(frameHeight, 900, `${width} px: sized by its page, not the code's first height`);
    assert.equal(await frame.evaluate(() => document.documentElement.clientHeight >= document.documentElement.scrollHeight), true, `${width} px: nothing scrolls inside`);
    // Inside the frame: the title, the period, the publishers and a credit with the way back.
    assert.match(await frame.locator("canvas.chart-canvas").getAttribute("aria-label"), /^Border crossings out of Ukraine/);
    assert.match(await frame.locator(".chart-coverage").textContent(), /^Figures to \d+ [A-Z][a-z]{2} 20\d\d/);
    assert.match(await frame.locator(".embed-credit").textContent(), /^Chart: displacement-tracker\. Figures: UNHCR \(from national authorities\), World Bank\. Open the full view/);
    if (width === 360) await hostPage.screenshot({ path: ROOT + "test-results/embed-360.png", fullPage: true });
    assert.deepEqual(hostProblems, []);
    await host.close();
  }
  assert.deepEqual(problems, []);
});
