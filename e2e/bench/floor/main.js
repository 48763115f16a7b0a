// Starts the floor page's wasm; marks `first-chart` two frames after the chart is drawn (the
// same rule as the app's and uPlot's pages).
import init from "./floor.js";
new PerformanceObserver((list, observer) => {
  if (list.getEntriesByName("chart-built").length === 0) return;
  observer.disconnect();
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("first-chart")));
}).observe({ type: "mark", buffered: true });
init({ module_or_path: "./floor_bg.wasm" });
