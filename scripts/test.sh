#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, native tests, browser tests
# (wasm-bindgen-test in headless Chromium) and end-to-end tests (Playwright against the release
# build). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# trunk 0.21 fails when NO_COLOR=1 is set.
export NO_COLOR=true

step() { printf '\n=== %s\n' "$*"; }

step "format and lints (native and wasm32)"
cargo fmt --check
cargo clippy --offline --all-targets -q -- -D warnings
cargo clippy --offline --all-targets -q --target wasm32-unknown-unknown -- -D warnings

step "release build (trunk build --release --offline), also for a sub-path"
trunk build --release --offline
trunk build --release --offline --public-url /tracker/ --dist target/dist-subpath

step "end-to-end tests (release build from dist/): Chromium through Playwright; Firefox and WebKitGTK through WebDriver"
node --test --test-reporter=spec e2e/

step "browser tests (wasm-bindgen-test), in headless Chromium, then headless Firefox"
cargo test --offline --target wasm32-unknown-unknown --test browser --test browser_panic
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --offline --target wasm32-unknown-unknown --test browser --test browser_panic

step "native tests (cargo test)"
cargo test --offline

step "fuzzing, a short run with a fixed seed (bash scripts/fuzz.sh for longer runs)"
bash scripts/fuzz.sh 20000 20261126
