// Starts the WebAssembly app without an inline script (see Trunk.toml's pattern_script).
// The script's own URL carries the names of the generated JS and wasm files; both are resolved
// relative to this file, so the app works under any sub-path.
// The reader's choice of colours is applied first, so the page does not flash the other theme.
try {
  const theme = localStorage.getItem("theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage blocked: the page follows the system's colours.
}
// The first view baked into the page (release builds) is what the reader sees first. For the
// page's default view it is the first chart, marked once painted; the app takes its place when
// its own charts are drawn. A link to one chart alone (?embed=) has no use for the full page.
const baked = document.getElementById("baked");
if (baked) {
  const query = new URLSearchParams(location.search);
  if (query.has("embed")) {
    baked.remove();
    document.getElementById("app")?.classList.remove("arriving");
  } else if (query.size === 0) {
    // After the frame that shows it (the second animation frame comes after the first is drawn).
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("first-chart")));
  }
}
const params = new URL(import.meta.url).searchParams;
const js = new URL(params.get("js"), import.meta.url);
const wasm = new URL(params.get("wasm"), import.meta.url);
const bindings = await import(js.href);
const exports = await bindings.default({ module_or_path: wasm.href });
// For benchmarks and tools: the bindings, and the module's exports (its memory).
window.wasmBindings = bindings;
window.wasmExports = exports;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
