// The page in Ukrainian: chosen by the link, the browser's language or the switch (and then
// remembered); every interface word, number and date in Ukrainian, the dataset's own words
// (quotes, source titles) as printed and marked as English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ROOT, start, newPage, openAt, waitForCharts } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

const NBSP = "\u00a0";

test("?lang=uk shows the Ukrainian page: headings, uk-UA numbers and dates, lang attributes", async () => {
  const { context, page, problems } = await openAt(env, "?lang=uk&day=26&from=1&to=120");
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  // The tab names the war's years, in Ukrainian.
  assert.equal(await page.title(), "Україна 2022–2026, день за днем: перетини кордону, біженці, цивільні жертви, внутрішнє переміщення");
  assert.equal(await page.locator("h1").innerText(), "Що повномасштабне вторгнення в Україну зробило з людьми, день за днем");
  const headings = await page.locator("figure.chart h2").allTextContents();
  assert.deepEqual(headings, [
    "Перетини кордону з України за країнами, що приймають, наростаючим підсумком",
    "Біженці з України, зареєстровані в Європі та у світі",
    "Біженці з України, зареєстровані в 6 країнах, де їх найбільше",
    "Цивільні жертви, підтверджені УВКПЛ ООН, наростаючим підсумком",
    "Внутрішньо переміщені особи в Україні",
    "Рішення про надання тимчасового захисту в ЄС, за місяць",
    "Щоденні перетини кордону з України",
  ]);
  const sections = await page.locator("section h2, aside h2").allTextContents();
  for (const heading of ["Забрати це подання із собою", "Джерела та методика", "Що казали", "Цифри, названі тоді, поруч із даними"]) {
    assert.ok(sections.includes(heading), `${heading} in ${sections}`);
  }
  // The selected day, in the timeline and in the live region, with uk-UA digit groups.
  assert.equal(await page.locator("output.selected-day").innerText(), "День 26 · 21 бер. 2022 р.");
  const announced = await page.locator("#announcer").textContent();
  assert.ok(announced.startsWith("День 26, 21 бер. 2022 р. Перетинів кордону з України на цей час (УВКБ ООН): "), announced);
  assert.ok(announced.includes(`3${NBSP}460${NBSP}430`), announced);
  const summary = await page.locator("#chart-refugees .chart-summary").textContent();
  assert.ok(summary.startsWith(`Усі країни (показник) (перетини кордону): 79${NBSP}209 станом на 24 лют. 2022 р. (день 1)`), summary);
  // The dataset's own words stay as printed, marked as English.
  const quote = page.locator("li.quote blockquote").first();
  assert.equal(await quote.getAttribute("lang"), "en");
  assert.equal(await page.locator(".source-title > span").first().getAttribute("lang"), "en", "a source's title stays as published");
  // The link of the view keeps the language.
  assert.ok((await page.inputValue("#share-link")).includes("lang=uk"));
  assert.ok((await page.inputValue("#citation")).startsWith("displacement-tracker, «Біженці, цивільні жертви"));
  // The tooltip: hovering the refugee chart names the day and figures in Ukrainian.
  const box = await page.locator("#chart-refugees .chart-canvas").first().boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const tip = page.locator("#chart-refugees .tooltip");
  await tip.waitFor();
  assert.match(await tip.locator(".tooltip-day").innerText(), /^День [\d\u00a0]+ · \d+ [а-яіїє]+\. 20\d\d р\.$/);
  assert.match(await tip.locator(".tooltip-sources").innerText(), /^Джерело: /);
  // Every cell inside the tooltip's box, the longer Ukrainian words of a gap's line included.
  assert.match(await tip.locator(".detail").first().textContent(), /^лінія з'єднує звіти від /);
  const overflow = await tip.evaluate((box) => {
    const edge = box.getBoundingClientRect().right;
    return [...box.querySelectorAll("th, td, p")].filter((c) => c.getBoundingClientRect().right > edge + 1).map((c) => c.textContent);
  });
  assert.deepEqual(overflow, [], "text past the tooltip's edge");
  await page.screenshot({ path: `${ROOT}test-results/ukrainian-1366.png`, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reader who gets the page in Ukrainian never sees the English first view baked into it", async () => {
  for (const [query, options] of [["?lang=uk", {}], ["", { locale: "uk-UA" }]]) {
    const { context, page, problems } = await newPage(env.browser, options);
    await page.goto(env.server.url + query, { waitUntil: "domcontentloaded" });
    assert.equal(await page.locator("#baked").count(), 0, `no baked view for ${query || "a browser in Ukrainian"}`);
    await waitForCharts(page);
    assert.equal(await page.getAttribute("html", "lang"), "uk");
    assert.deepEqual(problems, []);
    await context.close();
  }
  // An English reader still gets it.
  const { context, page } = await newPage(env.browser);
  await page.goto(env.server.url, { waitUntil: "domcontentloaded" });
  assert.equal(await page.locator("#baked").count(), 1);
  await context.close();
});

test("the first chart's table in Ukrainian has the dataset's figure for 21 March 2022", async () => {
  const { context, page, problems } = await openAt(env, "?lang=uk");
  await page.locator("#chart-refugees").getByRole("button", { name: "Показати таблицею" }).click();
  const table = page.locator("#table-refugees table");
  await table.waitFor();
  const heads = await table.locator("thead th").allInnerTexts();
  assert.deepEqual(heads.slice(0, 3), ["День війни", "Дата", "Усі країни: показник УВКБ ООН «біженці, що залишили Україну», до 29 травня 2022 р. (перетини кордону)"]);
  const row = table.locator("tbody tr").filter({ has: page.locator("th", { hasText: /^26$/ }) });
  const cells = await row.locator("td").allInnerTexts();
  assert.equal(cells[0], "21 бер. 2022 р.");
  assert.equal(cells[1], `3${NBSP}460${NBSP}430`);
  await page.locator("#table-refugees").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ROOT}test-results/ukrainian-table.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a browser in Ukrainian gets the Ukrainian page; the switch changes it and is remembered", async () => {
  const { context, page, problems } = await newPage(env.browser, { locale: "uk-UA" });
  await page.goto(env.server.url);
  await waitForCharts(page);
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.ok(new URL(page.url()).searchParams.get("lang") === "uk", page.url());

  // The switch names the other language in that language.
  const toEnglish = page.getByRole("button", { name: "English" });
  assert.equal(await toEnglish.getAttribute("lang"), "en");
  await toEnglish.click();
  await page.locator("h1", { hasText: "What the full-scale invasion of Ukraine did to people, day by day" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(new URL(page.url()).searchParams.get("lang"), null);
  assert.equal(await page.locator("figure.chart h2").first().innerText(), "Border crossings out of Ukraine by receiving country, cumulative");

  // Reopened without a language in the link, the reader's choice wins over the browser's.
  await page.goto(env.server.url);
  await waitForCharts(page);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await page.getByRole("button", { name: "Українська" }).click();
  await page.locator("h1", { hasText: "день за днем" }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get("lang"), "uk");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Back and Forward change the view, never the language the reader chose", async () => {
  const { context, page, problems } = await openAt(env, "");
  // A view the reader chose (a new entry in the history), then the language.
  await page.getByRole("button", { name: "First 120 days" }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("to") === "120");
  await page.getByRole("button", { name: "Українська" }).click();
  await page.locator("h1", { hasText: "день за днем" }).waitFor();
  // Back: the entry from before the choice, whose link names no language.
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("to"));
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.match(await page.locator("h1").innerText(), /день за днем/);
  assert.equal(new URL(page.url()).searchParams.get("lang"), "uk", "the link says the language shown");
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("to") === "120");
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a phone in Ukrainian: the folded controls and the chart's choices summarise the view in Ukrainian", async () => {
  const { context, page, problems } = await openAt(env, "?lang=uk&day=26", {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  assert.equal(await page.locator("button.more-summary").innerText(), "усі дні · день 26");
  assert.equal(await page.locator("#chart-refugees .refugee-choices > summary").innerText(), "Польща · наростаючим підсумком · лінійна шкала");
  await page.screenshot({ path: `${ROOT}test-results/ukrainian-390.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link the page does not understand is explained in Ukrainian", async () => {
  const { context, page } = await openAt(env, "?lang=uk&mode=weekly&lang2=x");
  const notices = await page.locator(".notices li").allInnerTexts();
  assert.deepEqual(notices, [
    "Пропущено mode=\"weekly\": можливі значення — cumulative або daily.",
    "Пропущено невідомий параметр «lang2».",
  ]);
  await context.close();
});

test("an engine without Intl's number formats writes the same numbers, in both languages", async () => {
  const { context, page, problems } = await newPage(env.browser);
  await context.addInitScript(() => {
    delete Intl.NumberFormat;
  });
  for (const [query, figure] of [["?day=26", "3,460,430"], ["?lang=uk&day=26", `3${NBSP}460${NBSP}430`]]) {
    await page.goto(env.server.url + query);
    await waitForCharts(page);
    assert.equal(await page.evaluate(() => typeof Intl.NumberFormat), "undefined");
    const said = await page.locator("#announcer").textContent();
    assert.ok(said.includes(figure), said);
    await page.locator("#chart-refugees").getByRole("button", { name: /^(Show as table|Показати таблицею)$/ }).click();
    const row = page.locator("#table-refugees tbody tr").filter({ has: page.locator("th", { hasText: /^26$/ }) });
    assert.equal((await row.locator("td").allInnerTexts())[1], figure);
    assert.equal(await page.locator("#chart-refugees canvas.chart-canvas").count(), 1);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reader without JavaScript gets the page in Ukrainian at uk/, and each page links to the other", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(env.server.url + "uk/");
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.match(await page.title(), /^Україна 2022–20\d\d, день за днем/);
  assert.match(await page.locator('meta[name="description"]').getAttribute("content"), /^Перетини кордону з України/);
  assert.equal(await page.locator("#baked h1").textContent(), "Що повномасштабне вторгнення в Україну зробило з людьми, день за днем");
  assert.ok((await page.locator("#baked svg").count()) >= 7, "the charts are in the page");
  assert.equal(await page.locator("#baked #sources-heading").textContent(), "Джерела та методика");
  // Its own files from the root: the style applies, the icon is there.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).margin), "0px", "the stylesheet applies");
  assert.deepEqual(failed, [], "every file of the page is found");
  const alternate = (lang) => page.locator(`head link[rel="alternate"][hreflang="${lang}"]`).evaluate((l) => l.href);
  assert.equal(await alternate("en"), env.server.url);
  assert.equal(await alternate("uk"), env.server.url + "uk/");
  const toEnglish = page.locator("p.no-script a");
  assert.equal(await toEnglish.textContent(), "English");
  await toEnglish.click();
  await page.waitForURL(env.server.url);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await alternate("uk"), env.server.url + "uk/");
  assert.equal(await page.locator("p.no-script a").textContent(), "Українська");
  await context.close();
});

test("with JavaScript, uk/ starts in Ukrainian and reads the dataset from the site's root", async () => {
  const { context, page, problems, requests } = await openAt(env, "uk/");
  assert.equal(await page.getAttribute("html", "lang"), "uk");
  assert.equal(await page.locator("#app h1").textContent(), "Що повномасштабне вторгнення в Україну зробило з людьми, день за днем");
  assert.ok(requests.includes(env.server.url + "data/dataset.json"), requests.filter((r) => r.includes("dataset")).join(", "));
  assert.ok(!requests.some((r) => r.includes("/uk/data/")), "nothing from uk/data/");
  // The link asks for English: English, on the same page.
  await page.goto(env.server.url + "uk/?lang=en");
  await waitForCharts(page);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.deepEqual(problems, []);
  await context.close();
});

test("in Ukrainian, publishers and units have their Ukrainian names, one name per organisation", async () => {
  const { context, page, problems } = await openAt(env, "?lang=uk");
  const cyrillic = /[\u0400-\u04ff]/;
  const badges = await page.locator("#chart-refugees .unit-badge").evaluateAll((list) => list.map((b) => [b.textContent, b.lang]));
  assert.deepEqual(badges, [["перетини кордону (не окремі особи)", "uk"], ["перетини кордону (переміщення, а не особи)", "uk"]]);
  const publishers = await page.locator("#app .chart-sources a").allTextContents();
  assert.ok(publishers.length >= 7 && publishers.every((p) => cyrillic.test(p)), publishers.join(" | "));
  assert.ok(publishers.includes("УВКБ ООН") && !publishers.includes("UNHCR"), publishers.join(" | "));
  const first = page.locator("#source-unhcr-total .source-title strong");
  assert.equal(await first.textContent(), "УВКБ ООН");
  assert.equal(await first.getAttribute("lang"), "uk");
  // The document's title stays as published, marked as English.
  await page.waitForFunction(() => document.querySelector("#source-unhcr-total .source-title > span")?.lang === "en");
  assert.deepEqual(problems, []);
  await context.close();
});

/** Every text of the app's view that reads as English (a run of lower-case Latin letters, no
 * Cyrillic; not an address), with whether it is something quoted: a quote or claim, a source's
 * title as published, a speaker's name, a repository's name, the switch to English. */
function englishTexts(page) {
  return page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector("#app"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!/[a-z]{3}/.test(text) || /[\u0400-\u04ff]/.test(text)) continue;
      // An address or an outlet's name ("jurist.org") is in no language.
      if (/^[\w.\-/@]+$/.test(text) && text.includes(".")) continue;
      const el = node.parentElement;
      if (el.closest("script, style, svg, canvas, [hidden]")) continue;
      const link = el.closest("a");
      const quoted =
        !!el.closest("blockquote, .source-title > span, .quote-who strong, .lang-switch") ||
        (link !== null && /^[\w.\-/@]+ \([\w.\-]+\)$/.test(text));
      found.push({ text: text.slice(0, 90), lang: el.closest("[lang]")?.lang, quoted });
    }
    return found;
  });
}

test("in Ukrainian, every text of our own is Ukrainian; only what is quoted stays English, marked so", async () => {
  const { context, page, problems } = await openAt(env, "?lang=uk&day=26");
  // Open every fold, so that what a reader can unfold is read too.
  await page.evaluate(() => document.querySelectorAll("#app details").forEach((d) => (d.open = true)));
  const english = await englishTexts(page);
  const ours = english.filter((t) => !t.quoted);
  assert.deepEqual(ours, [], "English words of ours in the Ukrainian page");
  const unmarked = english.filter((t) => t.lang !== "en");
  assert.deepEqual(unmarked, [], `English text not marked lang=en: ${JSON.stringify(unmarked.slice(0, 8))}`);
  assert.ok(english.length > 50, `the quotes, titles and names stay as printed (${english.length})`);
  // A speaker's role, the day's event, a claim's attribution, a caveat: in Ukrainian, marked so.
  const who = page.locator("li.quote .quote-who").first();
  assert.equal(await who.getAttribute("lang"), "uk");
  assert.equal(await who.textContent(), "Filippo Grandi, Верховний комісар ООН у справах біженців");
  const event = page.locator("li", { hasText: "Подія того дня:" }).first();
  assert.match(await event.textContent(), /Російсько-українські переговори по відеозв'язку тривають 90 хвилин/);
  const caveat = page.locator("#source-unhcr-total .caveats li").first();
  assert.equal(await caveat.getAttribute("lang"), "uk");
  assert.equal(await caveat.textContent(), "Перетини кордону з України, а не окремі особи; повернення в Україну не віднімаються.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an English reader never loads the Ukrainian words; switching loads them and keeps the view", async () => {
  const { context, page, problems } = await newPage(env.browser);
  const asked = [];
  page.on("request", (r) => r.url().includes("dataset.uk.json") && asked.push(r.url()));
  await page.goto(env.server.url + "?day=26");
  await waitForCharts(page);
  assert.equal(await page.locator("li.quote .quote-who").first().textContent(), "Filippo Grandi, UN High Commissioner for Refugees");
  assert.deepEqual(asked, [], "the Ukrainian words are not part of the English page's load");
  await page.getByRole("button", { name: "Українська" }).click();
  await page.locator("li.quote .quote-who", { hasText: "Верховний комісар ООН у справах біженців" }).first().waitFor();
  assert.equal(asked.length, 1, asked.join(" "));
  assert.equal(await page.locator("output.selected-day").innerText(), "День 26 · 21 бер. 2022 р.", "the selected day is kept");
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the Ukrainian words cannot be had, the page says so and shows ours in English, marked so", async () => {
  const { context, page, problems } = await newPage(env.browser);
  await page.route("**/data/dataset.uk.json", (route) => route.fulfill({ status: 503, body: "unavailable" }));
  await page.goto(env.server.url + "?lang=uk");
  await waitForCharts(page);
  const note = page.locator(".toasts");
  await note.waitFor();
  assert.match(await note.textContent(), /Наші примітки, назви подій і застереження показано англійською: їхній український текст не вдалося використати \(could not fetch .*dataset\.uk\.json: HTTP 503/);
  const who = page.locator("li.quote .quote-who").first();
  assert.equal(await who.textContent(), "Filippo Grandi, UN High Commissioner for Refugees");
  assert.equal(await who.getAttribute("lang"), "en");
  assert.equal(await page.locator("h1").innerText(), "Що повномасштабне вторгнення в Україну зробило з людьми, день за днем");
  // The browser reports the failed request; nothing else went wrong.
  assert.ok(problems.every((p) => /503/.test(p)), problems.join("\n"));
  await context.close();
});
