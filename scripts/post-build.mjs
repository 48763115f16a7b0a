// Trunk post_build hook for release builds, on the staging directory:
// - minifies wasm-bindgen's JS glue and boot.js with terser (trunk does not minify them;
//   minified the glue is about a quarter smaller gzipped);
// - runs wasm-opt once more with assumptions trunk cannot pass to it, both true of a
//   wasm-bindgen module: memory starts zero-filled, and the first 1 KB of it is unused (Rust puts
//   the stack first, at 1 MiB); about 0.8 KB gzipped less;
// - gives boot.js the Subresource Integrity hashes of both files (query parameters of its URL:
//   it requests them itself, once the first view is on screen);
// - bakes the first view into index.html: the app's own components, rendered natively with the
//   bundled dataset by the project's `bake` command (charts as SVG from the same chart code).
import { readFile, readdir, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");
const files = (await readdir(dir)).filter((f) => html.includes(f) && f !== "boot.js");

/** Rewrites one file of the build; returns its new contents. */
async function rewrite(file, transform) {
  const path = join(dir, file);
  const before = await readFile(path);
  const after = await transform(path, before);
  await writeFile(path, after);
  console.log(`${file}: ${before.length} -> ${after.length} bytes`);
  return after;
}

const glue = files.filter((f) => f.endsWith(".js"));
const wasm = files.filter((f) => f.endsWith(".wasm"));
if (glue.length !== 1 || wasm.length !== 1) throw new Error(`expected one JS glue and one wasm file in ${dir}`);
const minified = async (_, code) => {
  const out = await minify(code.toString("utf8"), { module: true, compress: true, mangle: true });
  return Buffer.from(out.code);
};
const glueBytes = await rewrite(glue[0], minified);
await rewrite("boot.js", minified);
const wasmBytes = await rewrite(wasm[0], async (path) => {
  execFileSync("wasm-opt", ["-Oz", "--low-memory-unused", "--zero-filled-memory", "--converge", path, "-o", path + ".opt"]);
  const out = await readFile(path + ".opt");
  execFileSync("rm", [path + ".opt"]);
  return out;
});
const boot = /(boot\.js\?js=[^"'\s>]+)/;
if (!boot.test(html)) throw new Error("index.html has no boot.js script to give the integrity hashes to");
const hashes = `&js-integrity=${encodeURIComponent(sri(glueBytes))}&wasm-integrity=${encodeURIComponent(sri(wasmBytes))}`;
html = html.replace(boot, `$1${hashes}`);
await writeFile(htmlPath, html);
execFileSync("cargo", ["run", "--offline", "--quiet", "--bin", "bake", "--", htmlPath, join(dir, "data", "dataset.json")], {
  stdio: "inherit",
});

// The service worker (assets/sw.js) learns the build's files and its version: a hash of every
// file it keeps, so that a new build is a new worker with its own cache. The page learns the
// version too (meta "build"), to say when it was updated since the reader's last visit.
html = await readFile(htmlPath, "utf8");
const base = process.env.TRUNK_PUBLIC_URL || "/";
// The pages (the English one, and the Ukrainian one the bake wrote in uk/), the dataset and its
// own words in Ukrainian, the app (which boot.js requests) and what the page links to itself.
const pages = ["index.html", "uk/index.html"];
const kept = new Set([...pages, "data/dataset.json", "data/dataset.uk.json", glue[0], wasm[0]]);
for (const [, quoted, bare] of html.matchAll(/\s(?:src|href)=(?:"([^"]*)"|([^\s>"']+))/g)) {
  const url = (quoted ?? bare).replaceAll("&amp;", "&");
  // Not a file of the build: another site, a place or query of this page, a page's folder
  // (the other language's page, uk/, is kept as uk/index.html).
  if (url === "" || /^(?:[a-z]+:|#|\?|\/\/)/i.test(url) || url.endsWith("/")) continue;
  kept.add(url.startsWith(base) ? url.slice(base.length) : url);
}
const version = createHash("sha256");
for (const file of [...kept].sort()) {
  const path = join(dir, decodeURIComponent(file.split("?")[0]));
  version.update(file).update(await readFile(path));
}
const build = version.digest("hex").slice(0, 16);
for (const page of pages) {
  const path = join(dir, page);
  const text = (await readFile(path, "utf8")).replace(/<meta charset=[^>]*>/i, (charset) => `${charset}<meta name="build" content="${build}">`);
  if (!text.includes(`content="${build}"`)) throw new Error(`${page} has no <meta charset> to put the build's meta after`);
  await writeFile(path, text);
}
// Each kept file with the SHA-256 of its contents as served (the page with its build's meta):
// the worker keeps a file only if it is this build's.
const digests = {};
for (const file of [...kept].sort()) {
  const path = join(dir, decodeURIComponent(file.split("?")[0]));
  digests[file] = createHash("sha256").update(await readFile(path)).digest("hex");
}
const swPath = join(dir, "sw.js");
const sw = (await readFile(swPath, "utf8"))
  .replace(/^const VERSION = "development";$/m, `const VERSION = ${JSON.stringify(build)};`)
  .replace(/^const FILES = \{\};$/m, `const FILES = ${JSON.stringify(digests)};`);
if (!sw.includes(build) || sw.includes("const FILES = {};")) throw new Error("sw.js has no VERSION or FILES to fill in");
await writeFile(swPath, sw);
console.log(`sw.js: version ${build}, ${kept.size} files kept for offline visits`);
