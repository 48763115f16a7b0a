// End-to-end tests of the interactive view (selected and hovered day, keyboard, URL state),
// against the release build in dist/. Writes test-results/explore-view.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { ROOT, openAt, start } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const open = (_t, query = "") => openAt(env, query);

/** Moves the pointer over a chart at the pixel column of a war day. */
async function hoverDay(page, chart, day) {
  const overlay = page.locator(`#chart-${chart} canvas.chart-canvas`);
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  // Try columns until the tooltip names the wanted day.
  for (let x = 20; x < box.width - 5; x += 2) {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    const tip = page.locator(`#chart-${chart} .tooltip-day`);
    if ((await tip.count()) && (await tip.textContent()).startsWith(`Day ${day} `)) return;
  }
  throw new Error(`no column for day ${day}`);
}

test("hovering a chart shows the exact dataset figure of that day with its source", async (t) => {
  const { context, page, problems } = await open(t);
  await hoverDay(page, "refugees", 25);
  const tip = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(tip, /Day 25 · 20 Mar 2022/);
  assert.match(tip, /All countries3,401,677/);
  assert.match(tip, /Poland2,082,046/);
  // The unit once, and each publisher once, at the foot.
  assert.equal(tip.match(/border crossings \(not unique people\)/g).length, 1);
  assert.match(tip, /Source: UNHCR; UNHCR \(from national authorities\)$/);
  await hoverDay(page, "casualties", 26);
  const c = await page.locator("#chart-casualties .tooltip").textContent();
  assert.match(c, /Killedno report/);
  await hoverDay(page, "casualties", 25);
  const c25 = await page.locator("#chart-casualties .tooltip").textContent();
  await hoverDay(page, "idps", 26);
  assert.match(await page.locator("#chart-idps .tooltip").textContent(), /Event: Russia-Ukraine talks by video link.*\(republicworld\.com\)/);
  // Each report's own page is named as its source.
  assert.match(c25, /Killed925to 24:00 on 20 Mar 2022/);
  assert.match(c25, /confirmed minimum \(revised upwards later\)/);
  assert.match(c25, /Source: OHCHR .*\(reliefweb\.int\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard stepping changes the announced day and the URL", async (t) => {
  const { context, page, problems } = await open(t, "?day=26");
  assert.match(await page.locator("#announcer").textContent(), /^Day 26, 21 Mar 2022\. 3,460,430 border crossings/);
  await page.locator("#chart-refugees").focus();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.search.includes("day=27"));
  assert.match(await page.locator("#announcer").textContent(), /^Day 27, 22 Mar 2022\./);
  await page.keyboard.press("PageUp");
  await page.waitForFunction(() => location.search.includes("day=34"));
  await page.keyboard.press("End");
  await page.waitForFunction(() => location.search.includes("day=120"));
  await page.keyboard.press("Home");
  await page.waitForFunction(() => location.search.includes("day=1"));
  assert.equal(await page.locator("#announcer").getAttribute("aria-live"), "polite");
  assert.deepEqual(problems, []);
  await context.close();
});

test("clicking a quote's date selects its day in the URL and highlights it", async (t) => {
  const { context, page, problems } = await open(t);
  const peskov = page.locator("li.quote", { hasText: "do the homework" });
  await peskov.locator("button.quote-day").click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("day") === "26");
  assert.equal(await peskov.getAttribute("aria-current"), "true");
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("day="));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link with a chosen view reopens that view", async (t) => {
  const { context, page, problems } = await open(t, "?day=26&countries=pol%2Chun&measure=per1000&scale=log&from=10&to=60");
  assert.equal(await page.locator('input[data-series="pol"]').isChecked(), true);
  assert.equal(await page.locator('input[data-series="rus"]').isChecked(), false);
  assert.equal(await page.locator('input[name="measure"]:checked').evaluate((e) => e.parentElement.textContent), "Per 1,000 residents");
  assert.equal(await page.locator("#timeline").inputValue(), "26");
  assert.match(await page.locator(".selected-day").textContent(), /Day 26 · 21 Mar 2022/);
  // The side panel names the events of the selected day with their sources.
  const events = page.locator(".quotes .panel-events li");
  assert.match(await events.first().textContent(), /^Event that day: Russia-Ukraine talks by video link.*\(republicworld\.com\)$/);
  assert.match(await events.first().locator("a").getAttribute("href"), /^https:\/\/www\.republicworld\.com\//);
  await hoverDay(page, "refugees", 26);
  const per1000 = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(per1000, /Poland57\.102,111,547 of 36,981,559 residents/);
  assert.match(per1000, /per 1,000 residents · border crossings \(not unique people\)/);
  await mkdir(ROOT + "test-results", { recursive: true });
  await page.screenshot({ path: ROOT + "test-results/explore-view.png" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link full of nonsense still loads, with a notice that shows the values as text", async (t) => {
  const { context, page, problems } = await open(t, "?day=abc&scale=%3Cimg%20src%3Dx%3E&zz=1&countries=xx");
  const notices = await page.locator(".notices").textContent();
  assert.match(notices, /Ignored day="abc": not a war day\./);
  assert.match(notices, /Ignored scale="<img src=x>": use linear or log\./);
  assert.match(notices, /Ignored unknown parameter "zz"\./);
  assert.equal(await page.locator(".notices img").count(), 0, "never echoed as HTML");
  assert.equal(await page.locator("canvas.chart-canvas").count(), 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dragging across a chart zooms to the dragged days; a click still selects a day", async (t) => {
  const { context, page, problems } = await open(t);
  // Hovering the day of a quote's marker names who was quoted.
  await hoverDay(page, "refugees", 26);
  assert.match(await page.locator("#chart-refugees .tooltip").textContent(), /Quoted: .*Dmitry Peskov/);
  const overlay = page.locator("#chart-refugees canvas.chart-canvas");
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  for (let f = 0.32; f <= 0.6; f += 0.04) await page.mouse.move(box.x + box.width * f, y);
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).has("from"));
  const q = new URLSearchParams(new URL(page.url()).search);
  const [from, to] = [Number(q.get("from")), Number(q.get("to"))];
  assert.ok(from > 1 && to > from + 10 && to < 120, `zoomed to ${from}..${to}`);
  assert.equal(q.get("day"), null, "the drag did not also select a day");
  assert.equal(await page.locator("#zoom-from").inputValue(), String(from));
  // A plain click selects the clicked day, inside the zoomed range.
  await page.mouse.click(box.x + box.width / 2, y);
  await page.waitForFunction(() => new URLSearchParams(location.search).has("day"));
  const day = Number(new URLSearchParams(new URL(page.url()).search).get("day"));
  assert.ok(day >= from && day <= to, `selected ${day}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("tapping a chart on a touch screen shows that day's tooltip", async (t) => {
  const { context, page, problems } = await openAt(env, "", { viewport: { width: 412, height: 860 }, hasTouch: true, isMobile: true });
  const overlay = page.locator("#chart-refugees canvas.chart-canvas");
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height / 2);
  const tip = page.locator("#chart-refugees .tooltip");
  await tip.waitFor({ timeout: 5_000 });
  assert.match(await tip.textContent(), /^Day \d+ · .*border crossings/);
  await page.waitForFunction(() => new URLSearchParams(location.search).has("day"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the earlier vintage overlays the total; claims and caveats show on their figures", async (t) => {
  const { context, page, problems } = await open(t);
  await page.locator("#earlier-vintage").check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("vintage") === "earlier");
  await hoverDay(page, "refugees", 1);
  const tip = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(tip, /All countries79,209/);
  assert.match(tip, /Earlier vintage79,982current vintage 79,209: -773 \(-0\.97%\)/);
  // A claim in one line: the arithmetic first; the full words are in the claims section.
  await hoverDay(page, "refugees", 26);
  assert.match(
    await page.locator("#chart-refugees .tooltip").textContent(),
    /◇ Claim: more than 3,380,000; data 3,460,430: holds \(Republic World/,
  );
  await hoverDay(page, "refugees", 14);
  assert.match(await page.locator("#chart-refugees .tooltip").textContent(), /○ Russian Federation: The cumulative figure falls from 99,300/);
  assert.match(await page.locator("#chart-refugees .chart-notes").textContent(), /◇ marks a figure stated at the time/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reopens exactly the view it was copied from", async (t) => {
  const { context, page, problems } = await open(t);
  // Hiding every country: the link says so, and reopens with none shown.
  for (const box of await page.locator("input[data-series]").all()) await box.uncheck();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("countries") === "");
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1);
  assert.equal(await page.locator("input[data-series]:checked").count(), 0, "no country shown after reopening");
  assert.match(await page.locator("#chart-refugees .chart-notes").textContent(), /8 of 8 receiving-country series hidden/);
  // Every day, written as a range, is no zoom: "Show all days" has nothing to do.
  await page.goto(env.server.url + "?from=1&to=120");
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1);
  assert.equal(await page.locator(".zoom button").isDisabled(), true, "Show all days is disabled");
  assert.equal(new URL(page.url()).search, "", "the link is the plain page's");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the range handles push each other and always show the view's range", async (t) => {
  const { context, page, problems } = await open(t, "?from=10&to=60");
  const from = page.locator("#zoom-from");
  const to = page.locator("#zoom-to");
  // Dragging "from" past "to" moves "to" along.
  await from.fill("80");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("from") === "80");
  const q = new URLSearchParams(new URL(page.url()).search);
  assert.equal(q.get("to"), "81");
  assert.deepEqual([await from.inputValue(), await to.inputValue()], ["80", "81"]);
  // And "to" below "from" moves "from".
  await to.fill("20");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("to") === "20");
  assert.equal(new URLSearchParams(new URL(page.url()).search).get("from"), "19");
  assert.deepEqual([await from.inputValue(), await to.inputValue()], ["19", "20"]);
  assert.match(await page.locator(".zoom").textContent(), /Day 19 · 14 Mar 2022.*Day 20 · 15 Mar 2022/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the per-1,000 view names each unit of a chart once", async (t) => {
  const { context, page, problems } = await open(t, "?measure=per1000");
  const badges = await page.locator("#chart-refugees figcaption .unit-badge").allTextContents();
  assert.deepEqual(badges, ["border crossings (not unique people)", "residents"]);
  assert.deepEqual(problems, []);
  await context.close();
});
