// A static file server for the release build in dist/, on 127.0.0.1 and a free port, sending
// the same Content-Security-Policy as the page's meta tag, and gzip-compressed (level 9) to a
// browser that accepts it, as a static host sends it. For the end-to-end tests and benchmarks.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serves `root` at `prefix` (e.g. "/tracker/" for sub-path hosting); anything else is a 404.
 * `down(true)` makes it drop every request, as a network that does not answer; `replace(path,
 * body)` serves `body` for `path` (under the prefix) instead of its file, `replace(path)` stops;
 * `trouble(rule)` answers a request whose path (under the prefix, "" for the folder) `rule`
 * gives a status for with that status, and one it gives "stall" for not at all (the connection
 * stays open), `trouble()` stops. */
export async function serve(root, prefix = "/") {
  const compressed = new Map();
  const replaced = new Map();
  let unreachable = false;
  let rule = () => undefined;
  const server = createServer(async (req, res) => {
    if (unreachable) {
      req.socket.destroy();
      return;
    }
    const full = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (!full.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const path = "/" + full.slice(prefix.length);
    const trouble = rule(path.slice(1));
    if (trouble === "stall") return;
    if (typeof trouble === "number") {
      res.writeHead(trouble, { "content-type": "text/plain" }).end(`HTTP ${trouble}`);
      return;
    }
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const name = path.slice(1);
      const body = replaced.has(name) ? Buffer.from(replaced.get(name)) : await readFile(file);
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-security-policy": CSP,
        // Asked again each time (a test may serve another dataset at the same address).
        "cache-control": "no-cache",
        vary: "accept-encoding",
      };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && extname(file) !== ".png") {
        // Compressed once per version of the file (a test may change it while serving).
        if (!compressed.get(file)?.body.equals(body)) compressed.set(file, { body, gzip: gzipSync(body, { level: 9 }) });
        res.writeHead(200, { ...headers, "content-encoding": "gzip" }).end(compressed.get(file).gzip);
      } else {
        res.writeHead(200, headers).end(body);
      }
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    down: (on) => {
      unreachable = on;
      if (on) server.closeIdleConnections();
    },
    replace: (path, body) => (body === undefined ? replaced.delete(path) : replaced.set(path, body)),
    trouble: (given) => {
      rule = given ?? (() => undefined);
      if (!given) server.closeAllConnections();
    },
    close: () => {
      const closed = new Promise((r) => server.close(r));
      server.closeAllConnections();
      return closed;
    },
  };
}
