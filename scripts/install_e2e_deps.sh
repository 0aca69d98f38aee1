#!/usr/bin/env bash
# Install what the end-to-end tests (tests/e2e/) need, without downloading any browser build:
#   - Debian's `chromium` package (apt-get, only when running as root and it is missing);
#   - the npm package `configurable-http-proxy` into the git-ignored folder .e2e/node_modules.
# Idempotent: when both are present it only prints what it found (well under a second).
# Exit status 1 when a component is still missing afterwards, with the command that fixes it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="$ROOT/.e2e"
CHROMIUM="${MGDLEARN_CHROMIUM:-/usr/bin/chromium}"
# configurable-http-proxy 5 needs node >= 20; override with CHP_SPEC=configurable-http-proxy@4 on older node.
CHP_SPEC="${CHP_SPEC:-configurable-http-proxy@5}"
CHP_BIN="$E2E_DIR/node_modules/.bin/configurable-http-proxy"
missing=0

# --- Chromium (Debian package; Playwright is told its path, `playwright install` is never run) ---
if [ -x "$CHROMIUM" ]; then
    echo "install_e2e_deps: chromium present at $CHROMIUM"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "install_e2e_deps: installing Debian chromium with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends chromium; then
        apt-get update
        apt-get install -y --no-install-recommends chromium
    fi
else
    echo "install_e2e_deps: chromium missing; install it with: sudo apt-get install chromium" >&2
    missing=1
fi

# --- configurable-http-proxy (npm registry, local folder, nothing global) ---
if [ -x "$CHP_BIN" ]; then
    echo "install_e2e_deps: configurable-http-proxy present at $CHP_BIN"
elif command -v npm >/dev/null 2>&1; then
    echo "install_e2e_deps: installing $CHP_SPEC into $E2E_DIR"
    mkdir -p "$E2E_DIR"
    npm install --prefix "$E2E_DIR" --no-audit --no-fund --loglevel=error "$CHP_SPEC"
else
    echo "install_e2e_deps: npm missing; install Node.js 20+ and npm (e.g. sudo apt-get install nodejs npm), then re-run" >&2
    missing=1
fi

if [ ! -x "$CHP_BIN" ] && [ "$missing" = "0" ]; then
    echo "install_e2e_deps: configurable-http-proxy did not install at $CHP_BIN" >&2
    missing=1
fi
exit "$missing"
