// The page's service worker: after a first visit the page opens without a network, with the
// data it last had. Release builds fill in VERSION (a hash of every file of the build) and FILES
// (scripts/post-build.mjs); each version keeps its own cache and drops the others once active.
// - The page and the dataset: from the network when it answers (the copy is kept), else the
//   kept copy, marked with the time it was kept (`X-Saved-At`), which the page shows.
// - Every other file of the build has its hash in its name or its URL: from the kept copy.
// Only GET requests to this page's own folder are answered; nothing else is touched.
const VERSION = "development";
const FILES = [];
const CACHE = `displacement-tracker-${VERSION}`;
const SCOPE = new URL("./", self.location.href).href;
const FRESH = [new URL("./", SCOPE).href, new URL("index.html", SCOPE).href, new URL("data/dataset.json", SCOPE).href];

/** A response as kept: the same body and headers, and when it was kept. */
async function kept(response) {
  const headers = new Headers(response.headers);
  headers.set("X-Saved-At", new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const file of FILES) {
        const url = new URL(file, SCOPE).href;
        const response = await fetch(url, { cache: "reload" });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        await cache.put(url, await kept(response));
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

/** The network's answer, kept for later; the kept copy when the network does not answer. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, await kept(response.clone()));
    return response;
  } catch (error) {
    const copy = await cache.match(key);
    if (copy) return copy;
    throw error;
  }
}

/** The kept copy of a file whose name changes with its contents, else the network's. */
async function keptFirst(request) {
  const copy = await (await caches.open(CACHE)).match(request);
  return copy ?? fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) || VERSION === "development") return;
  const url = new URL(request.url);
  const bare = url.origin + url.pathname;
  if (request.mode === "navigate" || FRESH.includes(bare)) {
    // A page with any query is the same page: its kept copy is the page's.
    const key = request.mode === "navigate" || bare === FRESH[0] ? FRESH[1] : bare;
    event.respondWith(networkFirst(request, key));
  } else {
    event.respondWith(keptFirst(request));
  }
});
