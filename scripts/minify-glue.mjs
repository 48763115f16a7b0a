// Trunk post_build hook: in release builds, minifies wasm-bindgen's JS glue with terser and
// updates the glue's Subresource Integrity hashes in index.html to match. Trunk does not minify
// that file itself; minified, it is about a quarter smaller gzipped.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
const htmlPath = join(dir, "index.html");
let html = await readFile(htmlPath, "utf8");
const glue = (await readdir(dir)).filter((f) => f.endsWith(".js") && html.includes(f) && f !== "boot.js");
if (glue.length === 0) throw new Error(`no wasm-bindgen glue found in ${dir}`);
for (const file of glue) {
  const path = join(dir, file);
  const code = await readFile(path, "utf8");
  const out = await minify(code, { module: true, compress: true, mangle: true });
  const before = sri(code);
  if (html.includes(before)) html = html.replaceAll(before, sri(out.code));
  await writeFile(path, out.code);
  console.log(`minified ${file}: ${code.length} -> ${out.code.length} bytes`);
}
await writeFile(htmlPath, html);
