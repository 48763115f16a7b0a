// The page's service worker: after a first visit the page opens without a network, with the
// data it last had. Release builds fill in VERSION (a hash of the build) and FILES (each file of
// the build with the SHA-256 of its contents; scripts/post-build.mjs). Each version keeps its own
// copy, and only of its own build:
// - Installing fetches every file of the build and checks each against its hash, so that a page
//   of another build (a deploy under way), a captive portal's page or an error page is never
//   kept. An install that does not finish leaves nothing behind; the worker before it, and its
//   copy, stay in charge.
// - Nothing is kept after that: what the network sends later is the reader's, never the copy's.
// - The page (its address with or without index.html, any query; the page in Ukrainian, uk/,
//   likewise), the dataset and its own words in Ukrainian: the network's
//   answer when it is a good one; the kept copy, marked with the time it was kept
//   (`X-Saved-At`, which the page shows), when the network fails, answers 5xx, or has not
//   answered in STALL_MS.
// - The build's other files (their names or queries change with their contents): the kept copy.
// - Anything else (another page of the site, the worker itself, a file of another build) is left
//   to the network, untouched. Only GET requests are answered.
const VERSION = "development";
const FILES = {};
const CACHE = `displacement-tracker-${VERSION}`;
const SCOPE = new URL("./", self.location.href).href;
const PAGE = new URL("index.html", SCOPE).href;
/** The page in each language (uk/ when the build has it), by its addresses. */
const PAGES = new Map([
  [SCOPE, PAGE],
  [PAGE, PAGE],
  ...("uk/index.html" in FILES ? [new URL("uk/", SCOPE).href, new URL("uk/index.html", SCOPE).href].map((url) => [url, new URL("uk/index.html", SCOPE).href]) : []),
]);
/** The dataset and its own words in Ukrainian, which go with it. */
const DATA = new Set(["data/dataset.json", "data/dataset.uk.json"].map((file) => new URL(file, SCOPE).href));
const KEPT = new Set(Object.keys(FILES).map((file) => new URL(file, SCOPE).href));
/** How long the network has to answer for the page and the data before the copy is shown. */
const STALL_MS = 4000;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        for (const [file, digest] of Object.entries(FILES)) {
          const url = new URL(file, SCOPE).href;
          const response = await fetch(url, { cache: "reload" });
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          const body = await response.arrayBuffer();
          if (hex(await crypto.subtle.digest("SHA-256", body)) !== digest) throw new Error(`${url}: not this build's file`);
          const headers = new Headers(response.headers);
          headers.set("X-Saved-At", new Date().toISOString());
          await cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers }));
        }
      } catch (error) {
        // A half-filled copy is never used: the next visit installs again from the start.
        await caches.delete(CACHE);
        throw error;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("displacement-tracker-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** The network's answer if it is a good one in time, else the copy kept at `key` (if any). */
async function networkFirst(request, key) {
  const copy = await (await caches.open(CACHE)).match(key);
  if (!copy) return fetch(request);
  let timer;
  const stalled = new Promise((resolve) => {
    timer = setTimeout(() => resolve(copy), STALL_MS);
  });
  const network = fetch(request).then(
    (response) => (response.status >= 500 ? copy : response),
    () => copy,
  );
  try {
    return await Promise.race([network, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** The kept copy of a file of this build, else the network's. */
async function keptFirst(request) {
  const copy = await (await caches.open(CACHE)).match(request.url);
  return copy ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || VERSION === "development") return;
  const url = new URL(request.url);
  const bare = url.origin + url.pathname;
  if (PAGES.has(bare)) {
    // A page with any query is the same page.
    event.respondWith(networkFirst(request, PAGES.get(bare)));
  } else if (DATA.has(bare)) {
    event.respondWith(networkFirst(request, bare));
  } else if (KEPT.has(request.url)) {
    event.respondWith(keptFirst(request));
  }
});
