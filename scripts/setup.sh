#!/usr/bin/env bash
# Installs what building and testing tokenlens needs, skipping whatever is already there.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium for the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1
say() { printf '[setup] %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { echo "[setup] cargo is missing: install Rust with rustup first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

trunk_version="0.21.14"
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $trunk_version" ]; then
  say "installing trunk $trunk_version (about 10 minutes the first time)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate version in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi
if ! grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml; then
  echo "[setup] Trunk.toml [tools] wasm_bindgen must be \"$wb_version\" (the Cargo.lock version)" >&2
  exit 1
fi

# xz (xz-utils) packs the wasm that the single-file page inlines (scripts/inline-wasm.mjs).
if ! command -v xz >/dev/null; then
  say "installing xz-utils"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xz-utils
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xz-utils
  fi
fi

command -v node >/dev/null || { echo "[setup] node is missing (needed for wasm-opt and the browser tests)" >&2; exit 1; }
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/xz-decompress ]; then
  say "installing binaryen (wasm-opt), xz-decompress, playwright-core and axe-core from npm"
  npm install --no-audit --no-fund --loglevel=error
fi

if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi
say "tools ready"
