#!/usr/bin/env bash
# Size floor: how small the page's wasm could get if it had no user interface at all.
#
#   scripts/size-floor.sh
#
# Copies the crate into a temporary folder, removes the one line that mounts the Yew app (so the
# linker drops the whole UI and Yew, and keeps only what the inspection and triage workers call:
# every decoder, explainer, the knowledge tables, triage and the JSON they return), builds it like
# Trunk does (cargo release for wasm32, wasm-bindgen, wasm-opt with the flags of index.html) and
# prints the wasm raw and packed with xz as the page packs it, next to the same numbers for the
# full page built the same way. The packed wasm is most of the single file's gzipped size (base64
# of xz output does not gzip below the xz size), so the core alone bounds how small the page can
# get while it keeps every feature. Builds go to target/size-floor; set CARGO_LOCK to a lock file
# that builds must hold.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. scripts/env.sh
OUT=${CARGO_TARGET_DIR:-$ROOT/target}/size-floor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
locked() { if [ -n "${CARGO_LOCK:-}" ]; then flock "$CARGO_LOCK" "$@"; else "$@"; fi; }
export RUSTFLAGS="-A warnings"
FLAGS=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)

# build NAME SRC: prints "NAME raw=BYTES xz=BYTES" for the crate copy in SRC.
build() {
  local name=$1 src=$2
  (cd "$src" && locked cargo build -q --release --target wasm32-unknown-unknown --bin tokenlens-web --target-dir "$OUT/$name")
  mkdir -p "$WORK/$name"
  wasm-bindgen --target web --no-typescript --out-dir "$WORK/$name" "$OUT/$name/wasm32-unknown-unknown/release/tokenlens-web.wasm"
  # shellcheck disable=SC2086
  wasm-opt -Oz $FLAGS "$WORK/$name/tokenlens-web_bg.wasm" -o "$WORK/$name/opt.wasm"
  local raw xz
  raw=$(stat -c %s "$WORK/$name/opt.wasm")
  xz=$(xz -9e --check=crc32 -c "$WORK/$name/opt.wasm" | wc -c)
  printf '%-10s wasm %9d bytes raw, %8d bytes (%.1f KiB) packed with xz\n' "$name" "$raw" "$xz" "$(echo "$xz / 1024" | bc -l)"
}

mkdir -p "$WORK/core-src"
mkdir -p "$WORK/core-src/tests"
cp -r Cargo.toml Cargo.lock src "$WORK/core-src/"
# The page's examples are test fixtures (include_str!).
cp -r tests/fixtures "$WORK/core-src/tests/"
[ -d examples ] && cp -r examples "$WORK/core-src/"
grep -q 'yew::Renderer::<App>::new().render();' "$WORK/core-src/src/ui/mod.rs" || {
  echo "size-floor: the mount line in src/ui/mod.rs has changed; update this script" >&2
  exit 1
}
sed -i 's/yew::Renderer::<App>::new().render();/let _ = std::mem::size_of::<App>();/' "$WORK/core-src/src/ui/mod.rs"
build page "$ROOT"
build core "$WORK/core-src"
