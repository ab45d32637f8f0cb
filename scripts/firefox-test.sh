#!/usr/bin/env bash
# On-demand Firefox check (not part of CI): installs Firefox ESR and geckodriver when missing, then
# opens dist/tokenlens.html from file:// in headless Firefox and checks a token, a certificate and
# an IIS line (tests/firefox/smoke.mjs). Run `trunk build --release` first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v firefox-esr >/dev/null; then
  echo "[firefox] installing firefox-esr"
  if [ "$(id -u)" = 0 ]; then apt-get install -y firefox-esr; else sudo apt-get install -y firefox-esr; fi
fi
command -v geckodriver >/dev/null || { echo "[firefox] installing geckodriver"; cargo install --locked geckodriver; }
node tests/firefox/smoke.mjs
