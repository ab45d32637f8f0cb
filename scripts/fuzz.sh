#!/usr/bin/env bash
# Runs a coverage-guided fuzzing campaign with cargo-afl (stable Rust) over the targets in fuzz/.
#
#   scripts/fuzz.sh [MINUTES] [TARGET...]
#
# MINUTES per target (default 10; FUZZ_SECONDS overrides it for a smoke run), one afl-fuzz at a time; TARGET defaults to all of them:
# inspect inspect_with_keys tokens x509 http errors logs. Seeds come from the inputs of
# tests/fixtures/** (a fixture JSON's "input", or a raw input file), tests/hostile/ and the committed
# corpus tests/fuzz-corpus/<target>/. For each target it prints execs_done, execs_per_sec,
# saved_crashes and saved_hangs from afl's fuzzer_stats, copies crashes and hangs into
# tests/fuzz-crashes/<target>/, and minimises the queue (`cargo afl cmin -e`, inputs up to
# FUZZ_MAX_BYTES, default 1024) back into tests/fuzz-corpus/<target>/, keeping the smallest files up
# to FUZZ_CORPUS_KB (default 48) per target. FUZZ_ONLY_CMIN=1 skips fuzzing and minimises the
# queue a previous run left. Work files go to fuzz/out/ (not committed).
# Set CARGO_TARGET_DIR for the build and CARGO_LOCK to a lock file that builds must hold.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MINUTES=${1:-10}
[ $# -gt 0 ] && shift
ALL=(inspect inspect_with_keys tokens x509 http errors logs)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
SECONDS_EACH=${FUZZ_SECONDS:-$((MINUTES * 60))}
MAX_BYTES=${FUZZ_MAX_BYTES:-1024}
BUDGET=$((${FUZZ_CORPUS_KB:-48} * 1024))
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/fuzz/target}
export AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
OUT=$ROOT/fuzz/out

command -v cargo-afl >/dev/null || cargo install cargo-afl
locked() { if [ -n "${CARGO_LOCK:-}" ]; then flock "$CARGO_LOCK" "$@"; else "$@"; fi; }
cd "$ROOT/fuzz"
# The AFL++ runtime is built once per toolchain; "already built" is not an error.
locked cargo afl config --build >/dev/null 2>&1 || true
locked cargo afl build --release

# Seeds shared by every target: fixture inputs and hostile inputs up to 64 KB each.
SEEDS=$OUT/seeds
[ "${FUZZ_ONLY_CMIN:-0}" = 1 ] || { rm -rf "$SEEDS" && mkdir -p "$SEEDS"; }
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    case "$f" in
    *.json) jq -j '.input // empty' "$f" >"$SEEDS/fixture-$n" 2>/dev/null || rm -f "$SEEDS/fixture-$n" ;;
    *) cp "$f" "$SEEDS/fixture-$n" ;;
    esac
done < <([ "${FUZZ_ONLY_CMIN:-0}" = 1 ] || find "$ROOT/tests/fixtures" "$ROOT/tests/hostile" -type f -size -64k \
    ! -name '*.expected.txt' ! -name '*.md' ! -name '*.rs' -print0 | sort -z)
[ "${FUZZ_ONLY_CMIN:-0}" = 1 ] || find "$SEEDS" -type f -empty -delete

# Minimises a target's queue into tests/fuzz-corpus/<target>/: edges only, small inputs, a budget.
minimise() {
    local t=$1 bin=$2 small=$OUT/small-$1 kept=0
    rm -rf "$small" "$OUT/cmin-$t" && mkdir -p "$small"
    find "$OUT/$t/default/queue" -maxdepth 1 -type f -size -$((MAX_BYTES + 1))c -exec cp {} "$small"/ \;
    if ! AFL_MAP_SIZE=$(AFL_DUMP_MAP_SIZE=1 "$bin") cargo afl cmin -e -i "$small" -o "$OUT/cmin-$t" -t 2000 -- "$bin" >"$OUT/cmin-$t.log" 2>&1; then
        echo "   cmin failed; see $OUT/cmin-$t.log"
        return
    fi
    rm -rf "$ROOT/tests/fuzz-corpus/$t" && mkdir -p "$ROOT/tests/fuzz-corpus/$t"
    while IFS=' ' read -r size f; do
        kept=$((kept + size))
        [ "$kept" -le "$BUDGET" ] || break
        cp "$f" "$ROOT/tests/fuzz-corpus/$t/$(sha1sum "$f" | cut -c1-16)"
    done < <(find "$OUT/cmin-$t" -type f -printf '%s %p\n' | sort -n)
    echo "   corpus: $(ls "$ROOT/tests/fuzz-corpus/$t" | wc -l) of $(ls "$OUT/cmin-$t" | wc -l) minimised files, $(cat "$ROOT/tests/fuzz-corpus/$t"/* | wc -c) bytes"
}

stats=()
for t in "${TARGETS[@]}"; do
    bin=$CARGO_TARGET_DIR/release/$t
    st=$OUT/$t/default/fuzzer_stats
    get() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$st"; }
    if [ "${FUZZ_ONLY_CMIN:-0}" = 1 ]; then
        minimise "$t" "$bin"
        continue
    fi
    in=$OUT/in-$t
    rm -rf "$in" "$OUT/$t" && mkdir -p "$in"
    cp "$SEEDS"/* "$in"/
    if [ -d "$ROOT/tests/fuzz-corpus/$t" ]; then cp "$ROOT/tests/fuzz-corpus/$t"/* "$in"/ 2>/dev/null || true; fi
    if [ "$t" = inspect_with_keys ]; then
        # A few pastes joined to a keys text by the NUL byte the target splits at.
        i=0
        for tok in $(grep -l '"kind": "jwt"' "$ROOT"/tests/fixtures/jwt/*.json | head -8); do
            for key in $(ls "$ROOT"/tests/fixtures/certificate/*.pem "$ROOT"/tests/fixtures/certificate/*.key 2>/dev/null | head -4); do
                i=$((i + 1))
                { jq -j '.input' "$tok"; printf '\0'; cat "$key"; } >"$in/pair-$i"
            done
        done
    fi
    echo "== $t: $(ls "$in" | wc -l) seeds, $SECONDS_EACH s"
    # The instrumented binary reports the coverage map it needs; afl-fuzz must be told.
    AFL_MAP_SIZE=$(AFL_DUMP_MAP_SIZE=1 "$bin") cargo afl fuzz -i "$in" -o "$OUT/$t" -t 2000 -V "$SECONDS_EACH" -- "$bin" >"$OUT/$t.log" 2>&1 || {
        echo "afl-fuzz failed for $t; last lines of $OUT/$t.log:"
        tail -20 "$OUT/$t.log"
        continue
    }
    line="$t: execs_done=$(get execs_done) execs_per_sec=$(get execs_per_sec) saved_crashes=$(get saved_crashes) saved_hangs=$(get saved_hangs) corpus_count=$(get corpus_count)"
    echo "$line"
    stats+=("$line")
    for kind in crashes hangs; do
        for f in "$OUT/$t/default/$kind"/id*; do
            [ -e "$f" ] || continue
            mkdir -p "$ROOT/tests/fuzz-crashes/$t"
            cp "$f" "$ROOT/tests/fuzz-crashes/$t/$kind-$(sha1sum "$f" | cut -c1-12)"
        done
    done
    minimise "$t" "$bin"
done
echo "== summary"
printf '%s\n' "${stats[@]}"
