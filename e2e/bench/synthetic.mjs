// Writes a directory of CSVs in the format of ../shared/data whose refugee series (the total and
// every receiving country) run for `days` days: about 200,000 refugee points for the benchmark.
// The other files are copied, the whole war's (whole-war/) as they are. The builder turns it into a dataset like any other; nothing of it
// is committed. Usage: node e2e/bench/synthetic.mjs <shared data dir> <out dir> [days]
import { mkdir, readFile, writeFile, copyFile, readdir } from "node:fs/promises";
import { join } from "node:path";

const [src, out, daysArg] = process.argv.slice(2);
const days = Number(daysArg ?? 22_222);
await mkdir(out, { recursive: true });
for (const dir of ["", "whole-war"]) {
  await mkdir(join(out, dir), { recursive: true });
  for (const f of await readdir(join(src, dir))) if (f.endsWith(".csv")) await copyFile(join(src, dir, f), join(out, dir, f));
}

const start = Date.UTC(2022, 1, 24);
const iso = (day) => new Date(start + (day - 1) * 86_400_000).toISOString().slice(0, 10);
// A deterministic daily figure: a slow wave and a weekly ripple, always positive.
const daily = (day, scale) => Math.round(scale * (1.4 + Math.sin(day / 37) + 0.3 * Math.sin(day / 7)));

const total = ["date,war_day,individuals_cumulative,daily"];
let sum = 0;
for (let day = 1; day <= days; day++) {
  const d = daily(day, 20_000);
  sum += d;
  total.push(`${iso(day)},${day},${sum},${d}`);
}
await writeFile(join(out, "refugees_total.csv"), total.join("\n") + "\n");

// One series per (country, series) of the real file, with its columns kept; cumulative figures
// are running sums, so the builder finds no anomaly; series without daily figures keep none.
const lines = (await readFile(join(src, "refugees_by_country.csv"), "utf8")).trim().split(/\r?\n/);
const header = lines[0];
const cols = header.split(",");
const at = (name) => cols.indexOf(name);
const seen = new Map();
for (const line of lines.slice(1)) {
  // The file quotes no field; a quoted one would need a CSV reader here.
  if (line.includes('"')) throw new Error(`quoted field in refugees_by_country.csv: ${line}`);
  const cells = line.split(",");
  const key = `${cells[at("iso3")]}|${cells[at("series")]}`;
  if (!seen.has(key)) seen.set(key, { cells, hasDaily: false });
  if (cells[at("daily")] !== "") seen.get(key).hasDaily = true;
}
const rows = [header];
let k = 0;
for (const { cells, hasDaily } of seen.values()) {
  k += 1;
  let cumulative = 0;
  for (let day = 1; day <= days; day++) {
    const d = daily(day + k * 11, 2_000 + 700 * k);
    cumulative += d;
    const row = [...cells];
    row[at("date")] = iso(day);
    row[at("war_day")] = String(day);
    row[at("individuals_cumulative")] = String(cumulative);
    row[at("daily")] = hasDaily ? String(d) : "";
    rows.push(row.join(","));
  }
}
await writeFile(join(out, "refugees_by_country.csv"), rows.join("\n") + "\n");
console.log(`${out}: ${days} days x ${seen.size + 1} refugee series = ${days * (seen.size + 1)} points`);
