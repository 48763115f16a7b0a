#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, native tests, browser tests
# (wasm-bindgen-test in headless Chromium) and end-to-end tests (Playwright against the release
# build). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# trunk 0.21 fails when NO_COLOR=1 is set.
export NO_COLOR=true

# Each step says how long the one before it took, and the end how long all took: where the
# time goes, without a tool.
LAST_STEP="" LAST_AT=$SECONDS
step() {
  if [ -n "$LAST_STEP" ]; then printf '=== %s: %d s\n' "$LAST_STEP" $((SECONDS - LAST_AT)); fi
  LAST_STEP="$*" LAST_AT=$SECONDS
  printf '\n=== %s\n' "$*"
}
step "set-up (bash scripts/setup.sh test: what is missing)"

bash scripts/setup.sh test

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
step "done"
printf '=== every test passed, in %d min %d s with the set-up\n' $((SECONDS / 60)) $((SECONDS % 60))
