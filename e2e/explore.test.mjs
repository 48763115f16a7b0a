// End-to-end tests of the interactive view (selected and hovered day, keyboard, URL state),
// against the release build in dist/. Writes test-results/explore-view.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { ROOT, openAt, start, waitForCharts, CHART_IDS } from "./harness.mjs";

let env;

before(async () => {
  env = await start();
});

after(async () => {
  await env?.close();
});

const open = (_t, query = "") => openAt(env, query);

/** Moves the pointer over a chart at the pixel column of a war day (days grow to the right). */
async function hoverDay(page, chart, day) {
  const overlay = page.locator(`#chart-${chart} canvas.chart-canvas`);
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  const tip = page.locator(`#chart-${chart} .tooltip-day`);
  const dayAt = async (x) => {
    await page.mouse.move(box.x + x, box.y + box.height / 2);
    if (!(await tip.count())) return null;
    const m = (await tip.textContent()).replace(/[,\u00a0\s]/g, "").match(/^Day(\d+)/);
    return m ? Number(m[1]) : null;
  };
  // Coarse columns first (outside the plot there is no day), then every column near the day.
  let [from, to] = [null, box.width];
  for (let x = 0; x < box.width; x += 16) {
    const at = await dayAt(x);
    if (at === day) return;
    if (at !== null && from === null) from = Math.max(0, x - 16);
    if (at !== null && at < day) from = x;
    if (at !== null && at > day) {
      to = x;
      break;
    }
  }
  for (let x = from ?? 0; x < to; x += 1) if ((await dayAt(x)) === day) return;
  throw new Error(`no column for day ${day}`);
}

test("hovering a chart shows the exact dataset figure of that day with its source", async (t) => {
  // The first 120 days (a named range): a pixel column for every day.
  const { context, page, problems } = await open(t, "?from=1&to=120");
  await hoverDay(page, "refugees", 25);
  const tip = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(tip, /Day 25 · 20 Mar 2022/);
  assert.match(tip, /All countries \(headline\)3,401,677/);
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
  // A month on (22 Apr 2022), a year on (22 Apr 2023), a week back: the whole war by the calendar.
  await page.keyboard.press("PageUp");
  await page.waitForFunction(() => location.search.includes("day=58"));
  await page.keyboard.press("Shift+PageUp");
  await page.waitForFunction(() => location.search.includes("day=423"));
  assert.match(await page.locator("#announcer").textContent(), /^Day 423, 22 Apr 2023\./);
  await page.keyboard.press("Shift+ArrowLeft");
  await page.waitForFunction(() => location.search.includes("day=416"));
  await page.keyboard.press("End");
  await page.waitForFunction(() => location.search.includes("day=1619"));
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
  assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dragging across a chart zooms to the dragged days; a click still selects a day", async (t) => {
  const { context, page, problems } = await open(t, "?from=1&to=120");
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
  await page.waitForFunction(() => new URLSearchParams(location.search).get("from") !== "1");
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
  const { context, page, problems } = await open(t, "?from=1&to=120&countries=pol%2Crus");
  await page.locator("#chart-refugees .refugee-choices > summary").click();
  await page.locator("#earlier-vintage").check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("vintage") === "earlier");
  await hoverDay(page, "refugees", 1);
  const tip = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(tip, /All countries \(headline\)79,209/);
  assert.match(tip, /Earlier vintage79,982current vintage 79,209: -773 \(-0\.97%\)/);
  // A claim in one line: the arithmetic first; the full words are in the claims section.
  await hoverDay(page, "refugees", 26);
  assert.match(
    await page.locator("#chart-refugees .tooltip").textContent(),
    /◇ Claim: more than 3,380,000; UNHCR's figure 3,460,430 \(Republic World/,
  );
  await hoverDay(page, "refugees", 14);
  assert.match(await page.locator("#chart-refugees .tooltip").textContent(), /○ Russian Federation: The cumulative figure falls from 99,300/);
  assert.match(await page.locator("#chart-refugees .chart-notes").textContent(), /◇ marks a figure stated at the time/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reopens exactly the view it was copied from", async (t) => {
  const { context, page, problems } = await open(t);
  // Hiding every country (at the chart): the link says so, and reopens with none shown.
  await page.locator("#chart-refugees .refugee-choices > summary").click();
  for (const box of await page.locator("input[data-series]").all()) await box.uncheck();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("countries") === "");
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1);
  assert.equal(await page.locator("input[data-series]:checked").count(), 0, "no country shown after reopening");
  assert.match(await page.locator("#chart-refugees .chart-notes").textContent(), /8 of 8 receiving-country series not shown/);
  // Every day, written as a range, is no zoom: "Show all days" has nothing to do.
  await page.goto(env.server.url + "?from=1&to=1619");
  await page.waitForFunction(() => performance.getEntriesByName("first-chart").length === 1);
  assert.equal(await page.getByRole("button", { name: "Show all days" }).isDisabled(), true, "Show all days is disabled");
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
  assert.deepEqual(badges, ["border crossings (not unique people)", "residents", "border crossings (movements, not people)"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the whole war: figures of 2023 to 2026 read at their days, with their precision and source", async (t) => {
  // 26 Mar 2025 (day 1,127), UNHCR's last figure of border crossings found: a lower bound.
  const { context, page, problems } = await open(t, "?from=1100&to=1160&day=1127");
  assert.match(
    await page.locator("#announcer").textContent(),
    /^Day 1,127, 26 Mar 2025\. Border crossings out of Ukraine, UNHCR's latest figure by then \(26 Mar 2025\): at least 47,200,000\./,
  );
  await hoverDay(page, "refugees", 1127);
  const tip = await page.locator("#chart-refugees .tooltip").textContent();
  assert.match(tip, /Lower boundsat least 47,200,000/);
  assert.match(tip, /border crossings \(movements, not people\)/);
  assert.doesNotMatch(tip, /Poland/, "series that ended long before are not listed");
  // The table says the same, in words.
  await page.locator("#chart-refugees button.show-table").click();
  const row = await page.locator("#chart-refugees tbody tr", { has: page.locator("th", { hasText: /^1127$/ }) }).innerText();
  assert.match(row, /26 Mar 2025.*at least 47,200,000/s);
  // Each chart states its period, and where later figures are.
  assert.match(await page.locator("#chart-refugees .chart-coverage").textContent(), /Figures to 26 Mar 2025\..*Later figures: UNHCR/s);
  assert.match(await page.locator("#chart-casualties .chart-coverage").textContent(), /^Figures to 31 Jan 2026\./);

  // 31 Jan 2026 (day 1,438): OHCHR's latest figures.
  await page.goto(env.server.url + "?from=1420&to=1470");
  await waitForCharts(page);
  await hoverDay(page, "casualties", 1438);
  const c = await page.locator("#chart-casualties .tooltip").textContent();
  assert.match(c, /Killed15,172/);
  assert.match(c, /Injured41,378/);
  assert.match(c, /Source: OHCHR/);
  // 28 Feb 2026 (day 1,466): refugees recorded globally, rounded as published.
  await hoverDay(page, "recorded", 1466);
  assert.match(await page.locator("#chart-recorded .tooltip").textContent(), /Globally, restated \(USA for UNHCR\)5,900,000 \(rounded\)/);
  // 21 Nov 2023 (day 636): OHCHR's "at least 10,000" killed is a lower bound everywhere.
  await page.goto(env.server.url + "?from=620&to=650&day=636");
  await waitForCharts(page);
  assert.match(await page.locator("#announcer").textContent(), /at least 10,000 killed, at least 18,500 injured/);
  // Any receiving country's refugees recorded, chosen at its chart: Malta, 13 Sep 2022 (day 202).
  await page.goto(env.server.url + "?from=190&to=215");
  await waitForCharts(page);
  await page.locator("#chart-recorded-countries .chart-choices summary").click();
  await page.locator('#chart-recorded-countries input[data-recorded="MLT"]').check();
  await page.waitForFunction(() => (new URLSearchParams(location.search).get("recorded") ?? "").includes("mlt"));
  assert.match(await page.locator("#chart-recorded-countries h2").textContent(), /^Refugees from Ukraine recorded, by receiving country \(7 of \d+ chosen\)$/);
  await hoverDay(page, "recorded-countries", 202);
  assert.match(await page.locator("#chart-recorded-countries .tooltip").textContent(), /Malta1,518/);
  // July 2026 (day 1,619): EU temporary protection decisions, a figure of the month.
  await page.goto(env.server.url + "?from=1590&to=1619");
  await waitForCharts(page);
  await hoverDay(page, "protection", 1619);
  assert.match(await page.locator("#chart-protection .tooltip").textContent(), /Decisions44,750a figure for Jul 2026, its day not given/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("keys inside an open table scroll the table; they do not move the selected day", async (t) => {
  const { context, page, problems } = await open(t, "?day=26");
  await page.locator("#chart-refugees .show-table").click();
  const region = page.locator("#table-refugees");
  await region.waitFor();
  await region.focus();
  await page.keyboard.press("PageDown");
  await page.keyboard.press("End");
  await page.waitForFunction(() => document.querySelector("#table-refugees").scrollTop > 0);
  assert.equal(new URLSearchParams(new URL(page.url()).search).get("day"), "26", "the selected day stays");
  // On the chart itself the same key moves the day.
  await page.locator("#chart-refugees").focus();
  await page.keyboard.press("End");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("day") === "1619");
  assert.deepEqual(problems, []);
  await context.close();
});

test("while the timeline plays, the live region speaks at most once a second", async (t) => {
  const { context, page, problems } = await open(t, "?from=1&to=300");
  await page.evaluate(() => {
    window.announced = 0;
    new MutationObserver(() => window.announced++).observe(document.querySelector("#announcer"), {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.locator("button.play").click();
  await page.waitForTimeout(3000);
  await page.locator("button.play").click();
  const day = Number(new URLSearchParams(new URL(page.url()).search).get("day"));
  const announced = await page.evaluate(() => window.announced);
  assert.ok(day > 15, `the timeline played (day ${day})`);
  assert.ok(announced >= 2 && announced <= 5, `${announced} announcements in 3 seconds of play`);
  // Paused, the day is said.
  await page.waitForFunction((d) => document.querySelector("#announcer").textContent.startsWith(`Day ${d},`), day);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the tooltip wraps its editorial lines instead of cutting them, and says how a line crosses a day without a report", async (t) => {
  const { context, page, problems } = await open(t, "?from=1&to=120");
  // Day 26: two people quoted and the talks by video link, longer than the tooltip is wide.
  await hoverDay(page, "refugees", 26);
  const said = page.locator("#chart-refugees .tooltip-said");
  assert.match(await said.textContent(), /Quoted: Dmitry Peskov, OHCHR \(UN Human Rights Office\) · Event: Russia-Ukraine talks by video link .* Kremlin reports no significant progress \(/);
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll("#chart-refugees .tooltip .tooltip-line")]
      .filter((p) => p.textContent)
      .map((p) => ({ text: p.textContent.slice(0, 40), cut: p.scrollWidth > p.clientWidth + 1, height: p.getBoundingClientRect().height })),
  );
  assert.ok(lines.length >= 2, JSON.stringify(lines));
  for (const line of lines) assert.equal(line.cut, false, `cut: ${line.text}`);
  assert.ok(lines.some((l) => l.height > 20), "a long line takes two rows");
  // Day 11 has no OHCHR report: the row says between which reports the day falls.
  await hoverDay(page, "casualties", 11);
  const rows = await page.locator("#chart-casualties .tooltip tr").allTextContents();
  assert.ok(rows.some((r) => /^Killedno reportreports on 5 Mar 2022 and 7 Mar 2022$/.test(r)), rows.join(" | "));
  assert.deepEqual(problems, []);
  await context.close();
});
