#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is already there at the right version.
# Debian (root or sudo), Rust by rustup, Node.js with npm; only the package registries are needed.
#   bash scripts/setup.sh serve   what building and serving the app needs: the wasm target, trunk,
#                                 wasm-bindgen-cli, the npm tools and the crates
#   bash scripts/setup.sh [test]  that, and what the tests add: Chromium and its driver, Firefox
#                                 ESR, WebKitGTK, xvfb and geckodriver
set -euo pipefail
cd "$(dirname "$0")/.."
NEED=${1:-test}
case "$NEED" in serve | test) ;; *) echo "usage: bash scripts/setup.sh [serve|test]" >&2; exit 2 ;; esac

TRUNK_VERSION=0.21.14
# geckodriver drives Firefox ESR for the end-to-end tests in other engines.
GECKODRIVER_VERSION=0.37.1
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[setup %4d s] %s\n' "$SECONDS" "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if command -v trunk >/dev/null && [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (compiles from crates.io, several minutes)"
  # Without its default features, which are TLS for downloading the tools it is given here and
  # a check for updates: 16 crates fewer, 5 min 41 s against 5 min 56 s on 2 idle cores from an
  # empty cargo home (BENCHMARKS.md, "Set-up").
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles from crates.io, several minutes)"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Serving needs only the above, the npm tools and the crates (at the end); the browsers are for
# the tests.
if [ "$NEED" = test ]; then
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium and chromedriver: present"
else
  say "installing Debian's chromium and chromium-driver"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The other engines: Firefox ESR (through geckodriver) and WebKitGTK, Safari's engine (through
# WebKitWebDriver and its MiniBrowser, on a virtual display from xvfb).
if [ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && command -v xvfb-run >/dev/null; then
  say "firefox-esr, webkit2gtk-driver and xvfb: present"
else
  say "installing Debian's firefox-esr, webkit2gtk-driver and xvfb"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb >/dev/null
fi

if command -v geckodriver >/dev/null && [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d ' ' -f 1-2)" = "geckodriver $GECKODRIVER_VERSION" ]; then
  say "geckodriver $GECKODRIVER_VERSION: present"
else
  say "installing geckodriver $GECKODRIVER_VERSION (compiles from crates.io, a few minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi
fi

if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/terser ] && [ -d node_modules/uplot ] && [ -d node_modules/axe-core ] \
   && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm dev tools (binaryen, playwright-core, terser, uplot, axe-core): present"
else
  say "installing npm dev tools (binaryen, playwright-core, terser, uplot, axe-core)"
  npm ci --no-audit --no-fund
fi

say "fetching crates for offline builds"
cargo fetch --locked -q
cargo fetch --locked -q --target wasm32-unknown-unknown
say "ready ($NEED)"
