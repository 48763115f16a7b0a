// Hostile and broken dataset files: each served in place of the published dataset, and each
// opened as a reader's own file (by the file picker, and one dropped on the page). Every one
// gives a located message or works: never a blank page, a dialog, a frozen tab or anything
// injected; a file that cannot be shown leaves the data on screen as it was.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ROOT, start, newPage, waitForCharts, CHART_IDS } from "./harness.mjs";

let env;
let real;
before(async () => {
  env = await start();
  real = await readFile(ROOT + "assets/data/dataset.json", "utf8");
});
after(() => env?.close());

/** The published dataset with `edit` applied to a copy of it, as JSON text. */
function edited(edit) {
  const value = JSON.parse(real);
  edit(value);
  return JSON.stringify(value);
}

/** The published dataset's text with its first `from` replaced by `to`. */
function replaced(from, to) {
  assert.ok(real.includes(from), `the dataset has ${from}`);
  return real.replace(from, to);
}

const utf16 = (text, bigEndian) => {
  const bytes = Buffer.from("\ufeff" + text, "utf16le");
  if (bigEndian) bytes.swap16();
  return bytes;
};

const firstQuote = () => JSON.parse(real).quotes[0];
const CANNOT_READ = "the dataset cannot be read: ";

// [name, the file's bytes (or text), what the page must say: a pattern, or "works"].
const CORPUS = [
  ["empty", "", /the text ends before its JSON does, at line 1, column 0 \(is the file complete\?\)/],
  ["only spaces", "  \n\t ", /the text ends before its JSON does, at line 2/],
  ["null", "null", /the text is not a JSON object with a numeric schema_version/],
  ["a list", "[]", /the text is not a JSON object with a numeric schema_version/],
  ["a string", '"dataset"', /the text is not a JSON object with a numeric schema_version/],
  ["an empty object", "{}", /has no numeric schema_version \(this app reads 3\)/],
  ["another schema", () => edited((d) => (d.schema_version = 1)), /has schema_version 1, but this app reads schema_version 3/],
  ["the schema as text", () => edited((d) => (d.schema_version = "2")), /not a JSON object with a numeric schema_version/],
  ["the schema alone", '{"schema_version": 3}', /at \.?: ?missing field `dataset_version`|missing field `dataset_version`/],
  ["truncated in half", () => real.slice(0, real.length / 2), /the text ends before its JSON does, at line 1, column \d+ \(is the file complete\?\)/],
  ["one byte short", () => real.trimEnd().slice(0, -1), /the text ends before its JSON does/],
  ["HTML instead", "<!doctype html><html><body>404</body></html>", /the text is not JSON: at line 1, column 1, expected value/],
  ["a PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /not UTF-8 text: byte 0 \(counting from 0\)/],
  ["UTF-16, little-endian", () => utf16(real, false), /not UTF-8 text: it is UTF-16/],
  ["UTF-16, big-endian", () => utf16(real, true), /not UTF-8 text: it is UTF-16/],
  ["Latin-1 text", () => Buffer.concat([Buffer.from(real.slice(0, 40)), Buffer.from([0xfc]), Buffer.from(real.slice(40))]), /not UTF-8 text: byte 40 \(counting from 0\)/],
  ["a UTF-8 byte-order mark", () => "\ufeff" + real, "works"],
  ["NaN", () => replaced('"killed":25,', '"killed":NaN,'), /the text is not JSON: at line 1, column \d+, expected value/],
  ["Infinity", () => replaced('"injured":102,', '"injured":Infinity,'), /the text is not JSON: at line 1, column \d+, expected value/],
  ["a number beyond floats", () => replaced('"killed":25,', '"killed":1e400,'), /at casualties\.points\[0\]\.killed: number out of range/],
  ["a negative count", () => edited((d) => (d.casualties.points[0].killed = -1)), /at casualties\.points\[0\]\.killed: expected a whole number \(0 or more\), found the number `-1`/],
  ["a fractional count", () => edited((d) => (d.casualties.points[0].injured = 1.5)), /at casualties\.points\[0\]\.injured: expected a whole number \(0 or more\), found the number `1\.5`/],
  ["a count beyond people", () => edited((d) => (d.casualties.points[0].killed = 10000000001)), /casualties\.points\[0\]\.killed: 10000000001 is more than any count of people can be/],
  ["a count beyond 64 bits", () => replaced('"killed":25,', '"killed":18446744073709551616,'), /at casualties\.points\[0\]\.killed: expected a whole number \(0 or more\)/],
  ["a sum that would wrap", () => replaced('"killed":25,"injured":102,"total":127', '"killed":18446744073709551615,"injured":1,"total":0'), /casualties\.points\[0\]\.killed: 18446744073709551615 is more than any count of people can be/],
  ["a figure of the wrong type", () => edited((d) => (d.refugees.by_country[3].points.cumulative[17] = "many")), /at refugees\.by_country\[3\]\.points\.cumulative\[17\]: expected a whole number \(0 or more\), found the string "many"/],
  ["a missing list", () => edited((d) => delete d.sources), /missing field `sources`/],
  ["nested 200,000 deep", () => replaced('"events":[', `"events":[${"[".repeat(200_000)}${"]".repeat(200_000)},`), /it is JSON, but not of the shape of schema_version 3: at events\[0\]\[0\]: expected a string, found a list/],
  ["a date not in the calendar", () => edited((d) => (d.casualties.points[0].date = "2022-02-30")), /casualties\.points\[0\]\.date/],
  ["a last date in 9999", () => edited((d) => (d.last_date = "9999-12-31")), /last_date: date 9999-12-31 is outside 2014-01-01 to 2099-12-31/],
  ["a lone surrogate", () => replaced('"speaker":"', '"speaker":"\\ud800'), /at quotes\[0\]\.speaker: a \\u escape that is not a whole character/],
  ["a javascript: link", () => edited((d) => (d.quotes[0].source_url = "javascript:alert(3)")), /quotes\[0\]\.source_url: "javascript:alert\(3\)" is not a web link/],
  ["a data: link", () => edited((d) => (d.sources[0].url = "data:text/html,<script>alert(4)</script>")), /sources\[0\]\.url: "data:text\/html,<script>alert\(4\)<\/script>" is not a web link/],
  ["a link with spaces before javascript:", () => edited((d) => (d.events[0].source_url = "  JaVaScRiPt:alert(5)")), /events\[0\]\.source_url: "  JaVaScRiPt:alert\(5\)" is not a web link/],
  ["HTML in a quote", () => edited((d) => (d.quotes[0].text = '<img src=x onerror="alert(6)"><b>bold</b>')), "works"],
  ["a script in a name", () => edited((d) => (d.quotes[0].speaker = "<script>alert(7)</script>")), "works"],
  ["a script in a source title", () => edited((d) => (d.sources[0].title = '"><svg onload=alert(8)>')), "works"],
  ["direction and zero-width marks", () => edited((d) => (d.quotes[0].speaker = "\u202e\u200bPeskov\u0000")), "works"],
  ["a quote of 1 MB", () => edited((d) => (d.quotes[0].text = "word ".repeat(209_716))), "works"],
  ["text after the JSON", () => real.trimEnd() + "<script>alert(9)</script>", /the text is not JSON: at line 1, column \d+, trailing characters/],
  ["a last date before the figures", () => edited((d) => (d.last_date = "2022-05-29")), /last_date: is 2022-05-29, but the last figure is of 2026-07-31/],
  ["a comma in a series id", () => edited((d) => (d.refugees.by_country[0].id = "pol,hun")), /refugees\.by_country\[0\]\.id: the series id "pol,hun" is empty or has a comma or a space/],
  ["a repeated source id", () => edited((d) => (d.sources[1].id = d.sources[0].id)), /sources\[1\]\.id: duplicate source id "unhcr-total"/],
  ["a first date after the figures", () => edited((d) => (d.first_date = "2022-03-01")), /first_date: is 2022-03-01, but the first figure is of 2022-02-2\d/],
  ["a space in a figure's id", () => edited((d) => (d.figures[0].id = d.figures[0].id + " x")), /figures\[0\]\.id: the series id ".+ x" is empty or has a comma or a space/],
  ["a repeated series id", () => edited((d) => (d.figures[1].id = d.figures[0].id)), /figures\[1\]\.id: duplicate series id/],
  ["a repeated country code", () => edited((d) => (d.countries[1].iso3 = d.countries[0].iso3)), /countries\[1\]\.iso3: duplicate country code/],
  ["formulas in a source's title and a quote", () => edited((d) => {
    d.sources[0].title = '=HYPERLINK("https://example.org","click")';
    d.quotes[0].speaker = "@SUM(A1:A9)";
  }), "works"],
  ["30 MB", () => real + " ".repeat(30 * 1_048_576), /the file is 31,\d\d\d,\d\d\d bytes \(30\.\d MB\); the page reads datasets of at most 10,485,760 bytes/],
];

function bytesOf(content) {
  const value = typeof content === "function" ? content() : content;
  return Buffer.isBuffer(value) ? value : Buffer.from(value, "utf8");
}

/** What the page holds that a hostile file could have injected: scripts, handlers, dialogs. */
async function injected(page) {
  return page.evaluate(() => {
    const found = [];
    for (const s of document.querySelectorAll("script")) if (!s.src) found.push("an inline script");
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
    }
    for (const a of document.querySelectorAll("a[href]")) {
      if (!/^(https?:|#|\?|\/)/i.test(a.getAttribute("href")) && a.getAttribute("href") !== "") found.push(`a link to ${a.getAttribute("href").slice(0, 40)}`);
    }
    for (const el of document.querySelectorAll("img[src='x'], svg[onload]")) found.push(`${el.tagName}`);
    return found;
  });
}

/** How many times the app has drawn a whole view (`view-complete`). */
const drawnViews = (page) => page.evaluate(() => performance.getEntriesByName("view-complete").length);

/** Waits until the app has drawn a whole view again, after `before` views. */
const drawnAgain = (page, before) =>
  page.waitForFunction((n) => performance.getEntriesByName("view-complete").length > n, before, { timeout: 30_000 });

/** A page that counts dialogs (and dismisses them). */
async function watchedPage() {
  const opened = await newPage(env.browser);
  opened.dialogs = [];
  opened.page.on("dialog", (d) => {
    opened.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return opened;
}

// Every way the page can refuse a dataset (data::DatasetError, in the page's English), each of
// which some file of the corpus must bring to the reader's screen.
const REFUSALS = {
  "not JSON, or not of the dataset's shape": /The dataset is not valid: the dataset cannot be read: /,
  "another schema": /The dataset is not valid: the dataset has schema_version \d+, but this app reads schema_version 3/,
  "no schema": /The dataset is not valid: the dataset has no numeric schema_version \(this app reads 3\)/,
  "inconsistent, with each problem's place": /The dataset is not valid: the dataset has \d+ problem\(s\)/,
  "too large": /The dataset is not valid: the file is [\d,]+ bytes \([\d.]+ MB\); the page reads datasets of at most/,
  "UTF-16": /The dataset is not valid: the file is not UTF-8 text: it is UTF-16/,
  "not UTF-8": /The dataset is not valid: the file is not UTF-8 text: byte [\d,]+ \(counting from 0\) is not part of a UTF-8 character/,
};

test("each hostile file served in place of the dataset gives a located message or works; every kind of refusal is seen", async () => {
  const failures = [];
  const seen = new Set();
  for (const [name, content, expected] of CORPUS) {
    const body = bytesOf(content);
    const { context, page, problems, dialogs } = await watchedPage();
    await page.route("**/data/dataset.json", (route) => route.fulfill({ contentType: "application/json", body }));
    await page.goto(env.server.url);
    try {
      if (expected === "works") {
        await waitForCharts(page);
        assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length, "every chart");
      } else {
        const panel = page.locator("#load-error");
        await panel.waitFor({ timeout: 30_000 });
        const said = await panel.innerText();
        assert.match(said, expected);
        for (const [kind, words] of Object.entries(REFUSALS)) if (words.test(said)) seen.add(kind);
        assert.equal(await page.locator("canvas").count(), 0, "no chart drawn from a broken file");
      }
      // The tab answers at once: not frozen.
      assert.equal(await Promise.race([page.evaluate(() => 1), new Promise((r) => setTimeout(() => r("frozen"), 5_000))]), 1);
      assert.deepEqual(dialogs, [], "no dialog");
      assert.deepEqual(await injected(page), [], "nothing injected");
      assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), [], "no script error");
    } catch (e) {
      failures.push(`${name}: ${e.message.split("\n").slice(0, 6).join(" ")}`);
    }
    await context.close();
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(Object.keys(REFUSALS).filter((kind) => !seen.has(kind)), [], "kinds of refusal no file brought to the screen");
});

/** Opens `files` ({name, buffer}) one after another as the reader's own, on one page. */
async function openedOneByOne(check) {
  const opened = await watchedPage();
  const { page } = opened;
  await page.goto(env.server.url);
  await waitForCharts(page);
  const published = await page.locator(".page-footer").innerText();
  await check(opened, published);
  await opened.context.close();
}

test("each hostile file opened as the reader's own gives a located message or works; the data on screen stays", async () => {
  await openedOneByOne(async ({ page, dialogs, problems }, published) => {
    const failures = [];
    for (const [name, content, expected] of CORPUS) {
      const buffer = bytesOf(content);
      try {
        const views = await drawnViews(page);
        await page.setInputFiles("#open-data-file", { name: `${name}.json`, mimeType: "application/json", buffer });
        if (expected === "works") {
          await page.locator(".own-data", { hasText: `Showing your file ${name}.json` }).waitFor({ timeout: 30_000 });
          await drawnAgain(page, views);
          assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length, "every chart");
          await page.getByRole("button", { name: "Back to the published data" }).click();
          await page.locator(".own-data").waitFor({ state: "detached" });
        } else {
          const panel = page.locator("#own-error");
          await panel.waitFor({ timeout: 30_000 });
          const text = await panel.innerText();
          assert.match(text, new RegExp(`Your file ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.json was not opened`));
          assert.match(text, expected);
          assert.match(text, /The data on screen is unchanged/);
          // What was shown stays: the published data's four charts and its footer.
          assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length, "the charts stay");
          assert.equal(await page.locator(".page-footer").innerText(), published);
          await page.getByRole("button", { name: "Dismiss" }).click();
          await panel.waitFor({ state: "detached" });
        }
        assert.equal(await Promise.race([page.evaluate(() => 1), new Promise((r) => setTimeout(() => r("frozen"), 5_000))]), 1);
        assert.deepEqual(await injected(page), [], "nothing injected");
      } catch (e) {
        failures.push(`${name}: ${e.message.split("\n").slice(0, 6).join(" ")}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(dialogs, [], "no dialog");
    assert.deepEqual(problems, [], "no script error");
  });
});

/** The published dataset cut after `last` (by default 30 April 2022, day 66), as a reader's own. */
function smallDataset(last = "2022-04-30") {
  const d = JSON.parse(real);
  d.dataset_version = "reader-2";
  d.last_date = last;
  {
    const keep = (p) => p.date <= last;
    d.casualties.points = d.casualties.points.filter(keep);
    d.idps.rounds = d.idps.rounds.filter(keep);
    d.events = d.events.filter(keep);
    d.quotes = d.quotes.filter(keep);
    d.claims = d.claims.filter(keep);
    for (const s of [d.refugees.total, d.refugees.earlier_total, ...d.refugees.by_country].filter(Boolean)) {
      const n = s.points.dates.filter((date) => date <= last).length;
      for (const key of Object.keys(s.points)) if (Array.isArray(s.points[key])) s.points[key] = s.points[key].slice(0, n);
    }
    d.refugees.by_country = d.refugees.by_country.filter((s) => s.points.dates.length > 0);
    for (const f of d.figures) {
      const n = f.points.dates.filter((date) => date <= last).length;
      for (const key of Object.keys(f.points)) f.points[key] = f.points[key].slice(0, n);
    }
    d.figures = d.figures.filter((f) => f.points.dates.length > 0);
  }
  return JSON.stringify(d);
}

test("a reader's own file replaces the view and says so; the view is kept within its days; back to the published data", async () => {
  const { context, page, problems } = await watchedPage();
  await page.goto(env.server.url + "?day=100");
  await waitForCharts(page);
  await page.setInputFiles("#open-data-file", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(smallDataset()) });
  const banner = page.locator(".own-data");
  await banner.waitFor();
  await drawnAgain(page, 1);
  const text = await banner.innerText();
  assert.match(text, /Showing your file mine\.json, dataset version reader-2, figures from 24 Feb 2022 to 30 Apr 2022\./);
  assert.match(text, /It is read on this device and never leaves it\./);
  assert.match(await page.locator(".page-footer").innerText(), /Dataset version reader-2/);
  // Day 100 is not in the file: the view keeps to its days and says why.
  assert.match(await page.locator(".notices").innerText(), /Ignored day=100: the data covers war days 1 to 66\./);
  assert.doesNotMatch(page.url(), /day=100/);
  await page.getByRole("button", { name: "Back to the published data" }).click();
  await banner.waitFor({ state: "detached" });
  await drawnAgain(page, 2);
  assert.doesNotMatch(await page.locator(".page-footer").innerText(), /reader-2/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a file dropped on the page opens like a chosen one", async () => {
  const { context, page, problems } = await watchedPage();
  await page.goto(env.server.url);
  await waitForCharts(page);
  const text = smallDataset();
  // A drag of files over the page shows where to drop, and what happens to the file.
  const transfer = await page.evaluateHandle((text) => {
    const t = new DataTransfer();
    t.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return t;
  }, text);
  await page.dispatchEvent("main.charts", "dragover", { dataTransfer: transfer });
  assert.match(await page.locator(".drop-zone").innerText(), /Drop a dataset file to open it\. It is read on this device and never leaves it\./);
  await page.dispatchEvent("main.charts", "drop", { dataTransfer: transfer });
  await page.locator(".own-data", { hasText: "Showing your file dropped.json" }).waitFor();
  assert.equal(await page.locator(".drop-zone").count(), 0);
  await drawnAgain(page, 1);
  // Dropping a broken file keeps the reader's file on screen.
  const broken = await page.evaluateHandle(() => {
    const t = new DataTransfer();
    t.items.add(new File(["{"], "broken.json"));
    return t;
  });
  await page.dispatchEvent("main.charts", "drop", { dataTransfer: broken });
  assert.match(await page.locator("#own-error").innerText(), /Your file broken\.json was not opened: the dataset cannot be read: the text ends before its JSON does/);
  assert.match(await page.locator(".own-data").innerText(), /Showing your file dropped\.json/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the published dataset fails, a reader can still open their own", async () => {
  const { context, page } = await watchedPage();
  await page.route("**/data/dataset.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(env.server.url);
  await page.locator("#load-error").waitFor();
  await page.setInputFiles("#open-data-file", { name: "mine.json", buffer: Buffer.from(smallDataset()) });
  await page.locator(".own-data", { hasText: "Showing your file mine.json" }).waitFor();
  await drawnAgain(page, 0);
  assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
  await context.close();
});

test("a dataset of one day opens, with nothing to zoom", async () => {
  const { context, page, problems } = await watchedPage();
  await page.goto(env.server.url);
  await waitForCharts(page);
  const oneDay = smallDataset("2022-02-24");
  await page.setInputFiles("#open-data-file", { name: "one-day.json", buffer: Buffer.from(oneDay) });
  await page.locator(".own-data", { hasText: "Showing your file one-day.json" }).waitFor();
  await drawnAgain(page, 1);
  assert.equal(await page.locator("canvas.chart-canvas").count(), CHART_IDS.length);
  assert.equal(await page.locator("#zoom-from, #zoom-to").count(), 0, "no zoom handles");
  assert.match(await page.locator(".zoom").innerText(), /The data covers too few days to zoom\./);
  assert.deepEqual(problems, []);
  await context.close();
});
