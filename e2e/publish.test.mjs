// What a page needs to be published: link previews, an icon, a credit line, a way from the
// header to the sources, and a printed copy that is a document (no controls, the quotes whole).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ROOT, start, openAt } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(() => env?.close());

test("link previews have a title, a description and a picture of the first chart, and the page has an icon of its own", async () => {
  const { context, page, problems } = await openAt(env);
  const meta = (selector) => page.locator(`head meta[${selector}]`).getAttribute("content");
  assert.match(await meta('property="og:title"'), /^Ukraine 2022–2026, day by day/);
  assert.match(await meta('property="og:description"'), /each figure with its source\.$/);
  assert.equal(await meta('property="og:type"'), "website");
  assert.equal(await meta('name="twitter:card"'), "summary_large_image");
  // The picture: the first chart, drawn at build time by the chart code, for each language.
  const [title, coverage] = [await page.locator("#chart-refugees h2").textContent(), await page.locator("#chart-refugees .chart-coverage").first().textContent()];
  const described = await meta('property="og:image:alt"');
  assert.ok(described.startsWith(`${title}. `) && coverage.startsWith(described.slice(title.length + 2)), described);
  const pictures = [];
  for (const [address, alt] of [[env.server.url, /^Border crossings out of Ukraine/], [env.server.url + "uk/", /^Перетини кордону з України/]]) {
    await page.goto(address);
    const image = await meta('property="og:image"');
    assert.match(await meta('property="og:image:alt"'), alt);
    const response = await page.request.get(new URL(image, page.url()).href);
    assert.equal(response.status(), 200, `${image} from ${address}`);
    const png = await response.body();
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    assert.deepEqual([await meta('property="og:image:width"'), await meta('property="og:image:height"')], ["1200", "630"]);
    pictures.push(png);
  }
  assert.ok(!pictures[0].equals(pictures[1]), "each language has its own picture");
  const icon = await page.locator('head link[rel="icon"]').getAttribute("href");
  assert.ok(!icon.startsWith("data:"), `an icon, not ${icon}`);
  const response = await page.request.get(new URL(icon, page.url()).href);
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-type"], /^image\/svg\+xml/);
  assert.match(await response.text(), /^<svg /);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the header leads to the sources, and the footer credits the page and the publishers", async () => {
  const { context, page, problems } = await openAt(env);
  const link = page.locator("#app header .to-sources a");
  assert.equal(await link.innerText(), "Sources and method");
  await link.click();
  await page.waitForFunction(() => location.hash === "#sources");
  assert.ok(await page.locator("#sources").isVisible());
  const credit = await page.locator("#app .page-footer .credit").innerText();
  assert.match(credit, /^Charts and text: displacement-tracker\. Figures: their publishers \(UNHCR, OHCHR, IOM, Eurostat and others\), each credited, with its terms of use where it states them, in Sources and method\.$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("printed, the page has no controls and its quotes are whole", async () => {
  const { context, page, problems } = await openAt(env, "", { viewport: { width: 1440, height: 900 } });
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".controls", ".page-tools", ".share", ".chart-actions", ".chart-choices"]) {
    const shown = await page.locator(`#app ${hidden}`).evaluateAll((all) => all.filter((e) => getComputedStyle(e).display !== "none").length);
    assert.equal(shown, 0, `${hidden} not printed`);
  }
  const quotes = await page.locator("#app .quotes").evaluate((q) => ({ clipped: q.scrollHeight > q.clientHeight + 1, overflow: getComputedStyle(q).overflowY }));
  assert.deepEqual(quotes, { clipped: false, overflow: "visible" });
  await page.pdf({ path: `${ROOT}test-results/print.pdf`, format: "A4" });
  assert.deepEqual(problems, []);
  await context.close();
});

test("sources are for readers: the publisher first, a copy named as the way the figures came, the method in plain words", async () => {
  // textContent: the sections far down the page are not laid out until they are near.
  for (const [query, publisher, via, which] of [
    ["", "UNHCR", "Via WellsRC/Ukraine_Displacement (github.com)", "Which copy: version, file and licence"],
    ["?lang=uk", "УВКБ ООН", "Через WellsRC/Ukraine_Displacement (github.com)", "Яка копія: версія, файл і ліцензія"],
  ]) {
    const { context, page, problems } = await openAt(env, query);
    const method = await page.locator("#sources .method").textContent();
    assert.doesNotMatch(method, /cargo|--check|\.csv|CSV|schema|схема/i, "no command, file or schema in the method");
    assert.match(method, /^(How this page is made|Як зроблено цю сторінку): /);
    const first = page.locator("#source-unhcr-total");
    assert.equal(await first.locator(".source-title strong").textContent(), publisher, "the publisher first");
    const line = first.locator(".source-via");
    assert.ok((await line.textContent()).startsWith(via), await line.textContent());
    assert.equal(await line.locator("a").getAttribute("href"), "https://github.com/WellsRC/Ukraine_Displacement");
    const fold = line.locator("details.source-copy");
    assert.equal(await fold.getAttribute("open"), null, "the copy's version, file and licence are folded");
    assert.equal(await fold.locator("summary").textContent(), which);
    assert.match(await fold.locator("p").textContent(), /b421cb49.*GPL-3\.0/);
    // Outside the folds, no repository licence and no "inference": the reader's words only.
    const visible = await page.locator("#sources").evaluate((s) => {
      const copy = s.cloneNode(true);
      copy.querySelectorAll("details.source-copy").forEach((d) => d.remove());
      return copy.textContent;
    });
    assert.doesNotMatch(visible, /GPL|MIT\b|inference|@ [0-9a-f]{8}/);
    assert.match(await first.locator(".source-meta").textContent(), query ? /Цифри до 29 трав(ня|\.) 2022/ : /Figures to 29 May 2022\./);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
