// A thin W3C WebDriver client for the engines Playwright does not drive here: Firefox (through
// geckodriver) and WebKitGTK, Safari's engine (through WebKitWebDriver, which starts WebKit's
// MiniBrowser; it needs a display, so it runs under xvfb-run). The protocol is a handful of HTTP
// calls with JSON bodies; Node's fetch speaks them, so no client library (and none of the
// driver downloads such libraries attempt) is needed.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { homedir } from "node:os";

/** The key under which WebDriver returns an element reference. */
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Keys as WebDriver spells them (code points of the Private Use Area). */
export const KEYS = { Home: "\uE011", End: "\uE010", ArrowRight: "\uE014", ArrowLeft: "\uE012", Tab: "\uE004", Escape: "\uE00C" };

/** The engines, each with its driver and the capabilities that start it headless (or, for
 * WebKitGTK, on a virtual display). */
export const ENGINES = {
  firefox: {
    name: "Firefox",
    driver: process.env.GECKODRIVER ?? `${homedir()}/.cargo/bin/geckodriver`,
    args: (port) => ["--port", String(port), "--log", "error"],
    capabilities: (locale) => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
        args: ["-headless", "-width=1366", "-height=900"],
        prefs: { "intl.accept_languages": locale, "intl.locale.requested": locale },
      },
    }),
  },
  webkitgtk: {
    name: "WebKitGTK",
    driver: "xvfb-run",
    args: (port) => ["-a", "-s", "-screen 0 1600x1000x24", process.env.WEBKITWEBDRIVER ?? "/usr/bin/WebKitWebDriver", `--port=${port}`],
    capabilities: (locale) => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation", `--geometry=1366x900`, "--ignore-tls-errors"],
      },
    }),
    // WebKitGTK takes the page's languages from the environment it starts in.
    env: (locale) => ({ LANGUAGE: locale.replace("-", "_"), LANG: `${locale.replace("-", "_")}.UTF-8` }),
  },
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `engine`'s driver and a session in it; `close()` ends both. */
export async function open(engine, { locale = "en-GB" } = {}) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const driver = spawn(spec.driver, spec.args(port), {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...(spec.env?.(locale) ?? {}) },
    detached: true,
  });
  let stderr = "";
  driver.stderr.on("data", (d) => (stderr += d));
  driver.on("error", (e) => (stderr += `${spec.driver}: ${e.message}`));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const status = await (await fetch(`${base}/status`)).json();
      if (status.value?.ready) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || driver.exitCode !== null || driver.pid === undefined) {
      driver.kill();
      throw new Error(`${spec.name}'s driver did not start: ${stderr.slice(0, 500)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const capabilities = spec.capabilities(locale);
  const created = await call(base, "POST", "/session", { capabilities: { alwaysMatch: capabilities } });
  const session = new Session(`${base}/session/${created.sessionId}`, spec.name, created.capabilities);
  session.stop = async () => {
    await call(session.base, "DELETE", "").catch(() => {});
    try {
      process.kill(-driver.pid);
    } catch {
      driver.kill();
    }
  };
  await session.call("POST", "/window/rect", { width: 1366, height: 900 }).catch(() => {});
  return session;
}

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok || json.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}

/** One browser session: navigate, run scripts in the page, find, click and type, screenshots. */
export class Session {
  constructor(base, name, capabilities) {
    this.base = base;
    this.name = name;
    this.version = capabilities?.browserVersion ?? "";
  }

  call(method, path, body) {
    return call(this.base, method, path, body);
  }

  go(url) {
    return this.call("POST", "/url", { url });
  }

  /** Runs `body` (a function's body: its arguments are `arguments[i]`) in the page. */
  run(body, ...args) {
    return this.call("POST", "/execute/sync", { script: body, args });
  }

  /** Polls `body` in the page until it returns something truthy; that value, or an error that
   * says what was awaited. */
  async until(body, what, timeout = 30_000, ...args) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      last = await this.run(body, ...args).catch((e) => e);
      if (last && !(last instanceof Error)) return last;
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${what} (${last?.message ?? last})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async find(css) {
    const found = await this.call("POST", "/element", { using: "css selector", value: css });
    return found[ELEMENT];
  }

  click(element) {
    return this.call("POST", `/element/${element}/click`, {});
  }

  type(element, text) {
    return this.call("POST", `/element/${element}/value`, { text });
  }

  /** The page as a PNG (bytes). */
  async screenshot() {
    return Buffer.from(await this.call("GET", "/screenshot"), "base64");
  }
}
