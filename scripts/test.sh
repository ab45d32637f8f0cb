#!/usr/bin/env bash
# Runs every check and test: format, lints (native and wasm32), unit and golden tests,
# the release build, browser tests in headless Chromium, and the benchmark. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
. scripts/env.sh

step() { printf '\n==== %s ====\n' "$*"; }
step "cargo fmt --check"
cargo fmt --all -- --check
step "clippy (native)"
cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "unit, golden and architecture tests"
cargo test
step "release build (trunk build --release)"
trunk build --release
step "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
step "benchmark"
node tests/browser/bench.mjs
node tests/browser/triage-bench.mjs 100
