// Starts the WebAssembly app without an inline script (see Trunk.toml's pattern_script).
// The script's own URL carries the names of the generated JS and wasm files (resolved relative
// to this file, so the app works under any sub-path) and, in release builds, their integrity
// hashes (scripts/post-build.mjs).
// The reader's choice of colours is applied first, so the page does not flash the other theme,
// and the baked view's Colours choice shows it until the app takes its place.
try {
  const theme = localStorage.getItem("theme");
  if (theme === "light" || theme === "dark") {
    document.documentElement.dataset.theme = theme;
    const choice = document.querySelector("#baked #theme");
    if (choice) choice.value = theme;
  }
} catch {
  // Storage blocked: the page follows the system's colours.
}
const params = new URL(import.meta.url).searchParams;
// The site's root is where this file is: a page in a language's folder (uk/) takes the dataset,
// the app and the worker from there. The app reads it from <html data-root>.
const root = new URL(".", import.meta.url).href;
document.documentElement.dataset.root = root;
const asset = (name) => new URL(params.get(name), import.meta.url).href;
const integrity = (name) => params.get(`${name}-integrity`) ?? "";

/** Requests the dataset, the JS glue and the wasm together, then starts the app. */
async function start() {
  // The app's own fetch of the dataset (same origin, credentials same-origin) takes this response.
  const link = (attributes) => document.head.append(Object.assign(document.createElement("link"), attributes));
  link({ rel: "preload", as: "fetch", href: new URL("data/dataset.json", root).href, crossOrigin: "anonymous" });
  link({ rel: "modulepreload", href: asset("js"), integrity: integrity("js") });
  const wasm = fetch(asset("wasm"), { integrity: integrity("wasm") });
  const bindings = await import(asset("js"));
  const exports = await bindings.default({ module_or_path: wasm });
  // For benchmarks and tools: the bindings, and the module's exports (its memory).
  window.wasmBindings = bindings;
  window.wasmExports = exports;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: asset("wasm") } }));
  keepForOffline();
}

/** After the app has started, and when the browser is idle, the service worker (sw.js) keeps
 * the build and its dataset, so that later visits open without a network. Release builds only
 * (they name their build in meta "build"); a browser that refuses it still shows the page. */
function keepForOffline() {
  if (!("serviceWorker" in navigator) || !document.querySelector('meta[name="build"]')) return;
  // When idle, or after 5 s at the latest (a page that is never idle is still kept).
  const idle = window.requestIdleCallback ? (f) => requestIdleCallback(f, { timeout: 5000 }) : (f) => setTimeout(f, 1000);
  idle(() => navigator.serviceWorker.register(new URL("sw.js", root)).catch((e) => console.warn("offline copy unavailable:", e)));
}

/** Says on the page that the app could not start, and why; what is on screen stays. */
function failed(error) {
  const panel = document.createElement("section");
  panel.id = "boot-error";
  panel.className = "error-panel";
  panel.setAttribute("role", "alert");
  const line = (tag, text) => panel.append(Object.assign(document.createElement(tag), { textContent: text }));
  line("h2", "The interactive page could not start");
  line("pre", String(error?.message ?? error));
  line("p", document.getElementById("baked")
    ? "What you see is the page as published; choosing days, countries and measures needs the app. Reload the page to try again."
    : "Reload the page to try again.");
  document.body.prepend(panel);
}

// The first view baked into the page (release builds) is what the reader sees first: the app
// and its data are requested once it is on screen, so that they do not compete with the page
// and its stylesheet; the app takes its place when its own charts are drawn. For the page's
// default view the baked view is the first chart, marked once painted (the second animation
// frame comes after the first is drawn). A link to one chart alone (?embed=) has no use for the
// full page, and a page without a baked view (development builds) starts the app at once.
// The baked view is in the page's language (<html lang>); a reader who will get the page in
// another one starts the app at once instead of reading a view that then changes language. The
// choice is made here, once, and the app starts in it (web::initial_lang reads
// <html data-start-lang>): ?lang=, else the stored choice, else the browser's languages, else
// English. The languages are the app's (i18n::Lang).
function pageLanguage() {
  const spoken = ["en", "uk"];
  const asked = query.get("lang");
  if (spoken.includes(asked)) return asked;
  // The page of a language (uk/index.html) is in that language unless the link asks otherwise.
  const own = document.documentElement.dataset.pageLang;
  if (spoken.includes(own)) return own;
  let stored = null;
  try {
    stored = localStorage.getItem("lang");
  } catch {
    // Storage blocked: the browser's languages decide.
  }
  if (spoken.includes(stored)) return stored;
  const preferred = [...(navigator.languages ?? []), navigator.language ?? ""]
    .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
    .find((primary) => spoken.includes(primary));
  return preferred ?? "en";
}
// A link to a place inside a folded section (a phone folds the claims and the sources) opens
// the folds around it before the browser goes there; so does a page opened at such a place.
function unfold(id) {
  const target = id && document.getElementById(decodeURIComponent(id));
  for (let fold = target?.closest("details:not([open])"); fold; fold = fold.parentElement?.closest("details:not([open])")) {
    fold.open = true;
  }
  return target;
}
document.addEventListener(
  "click",
  (event) => {
    const link = event.target.closest?.("a[href*='#']");
    if (link && link.origin === location.origin && link.pathname === location.pathname) unfold(link.hash.slice(1));
  },
  true,
);
addEventListener("hashchange", () => unfold(location.hash.slice(1))?.scrollIntoView());
// Embedded in another page (?embed=), the page tells its frame's parent how tall it is, each
// time that changes, so that the embed code's script sizes the frame to it (export.rs).
function tellHeight() {
  if (window.parent === window || !("ResizeObserver" in window)) return;
  // The page's own height (scrollHeight is never less than the frame's).
  const html = document.documentElement;
  let told = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(html.getBoundingClientRect().height);
    if (height !== told) window.parent.postMessage({ type: "displacement-tracker:height", height: (told = height) }, "*");
  }).observe(document.body);
}
const baked = document.getElementById("baked");
const query = new URLSearchParams(location.search);
const language = pageLanguage();
if (query.has("embed")) tellHeight();
document.documentElement.dataset.startLang = language;
if (baked && !query.has("embed") && language === document.documentElement.lang) {
  // The page is parsed (this module runs after it): the baked charts are in the document.
  if (query.size === 0) performance.mark("chart-built");
  requestAnimationFrame(() => {
    setTimeout(() => start().catch(failed), 0);
    if (query.size === 0) requestAnimationFrame(() => performance.mark("first-chart"));
  });
} else {
  baked?.remove();
  document.getElementById("app")?.classList.remove("arriving");
  start().catch(failed);
}
