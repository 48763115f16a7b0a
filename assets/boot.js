// Starts the WebAssembly app without an inline script (see Trunk.toml's pattern_script).
// The script's own URL carries the names of the generated JS and wasm files; both are resolved
// relative to this file, so the app works under any sub-path.
const params = new URL(import.meta.url).searchParams;
const js = new URL(params.get("js"), import.meta.url);
const wasm = new URL(params.get("wasm"), import.meta.url);
const bindings = await import(js.href);
await bindings.default({ module_or_path: wasm.href });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
