#!/usr/bin/env bash
# Sets up what is missing, then serves the app at http://127.0.0.1:8080/ with trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline "$@"
