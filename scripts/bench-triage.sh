#!/usr/bin/env bash
# Benchmark of `tokenlens triage` (profile `release-cli`: release at opt-level 3) on synthetic
# Exchange front-end IIS logs of 100 MB and 500 MB (examples/gen_logs.rs, seed 1), next to
# `rg -c 'error_category='` on the same file in the same run as the yardstick. Prints seconds (best
# of 3, page cache warm), MB/s, the ratio to rg, peak memory (/usr/bin/time -v) and whether the
# counts are exact (the generator's true counts, and rg's line count against the x-ms-diagnostics
# groups). Sizes in MB can be given as arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v rg >/dev/null; then
  apt-get install -y ripgrep >/dev/null || { apt-get update >/dev/null && apt-get install -y ripgrep >/dev/null; }
fi
target=${CARGO_TARGET_DIR:-target}
cargo build --profile release-cli --bin tokenlens --example gen_logs
bin=$target/release-cli/tokenlens
gen=$target/release-cli/examples/gen_logs
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 500)

# Best wall time of three runs of a command, in seconds.
best_of_3() {
  local best="" t0 t1 t
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    "$@" >/dev/null || true # triage exits 1 when it finds errors
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  printf '%.3f' "$best"
}

# Peak resident memory of one run, in MB.
peak_mb() {
  (/usr/bin/time -v "$@" 2>&1 >/dev/null || true) |
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }'
}

printf '%-8s %10s %9s %9s %8s %12s %10s %s\n' size triage_s MB/s rg_s ratio triage_peak rg_peak counts
for mb in "${sizes[@]}"; do
  log=/tmp/tokenlens-bench-$mb.log
  if [ ! -s "$log.truth.json" ] || [ ! -s "$log" ]; then
    "$gen" "$mb" 1 "$log" >"$log.truth.json"
  fi
  cat "$log" >/dev/null
  bytes=$(stat -c %s "$log")
  rg_count=$(rg -c 'error_category=' "$log" || true)
  t_rg=$(best_of_3 rg -c 'error_category=' "$log")
  t_tl=$(best_of_3 "$bin" triage "$log")
  p_tl=$(peak_mb "$bin" triage "$log")
  p_rg=$(peak_mb rg -c 'error_category=' "$log")
  "$bin" triage --json "$log" >"$log.out.json" || true
  exact=$(python3 - "$log.truth.json" "$log.out.json" "$rg_count" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))
out = json.load(open(sys.argv[2]))
rg = int(sys.argv[3] or 0)
diag = {g["key"]: g["count"] for g in out["groups"]["diagnostic"]}
status = {g["key"]: 0 for g in out["groups"]["status"]}
for g in out["groups"]["status"]:
    status[g["key"]] += g["count"]
ok = (
    out["requests"] == truth["requests"]
    and out["failures"] == truth["failures"]
    and out["errors"] == truth["errors"]
    and diag == {k: v for k, v in truth["diagnostics"].items()}
    and status == truth["statuses"]
    and sum(diag.values()) == rg
)
print(("exact" if ok else "WRONG") + f" ({out['failures']} failures, {sum(diag.values())} x-ms-diagnostics = rg {rg})")
PY
)
  mbs=$(echo "$bytes / 1000000 / $t_tl" | bc -l)
  ratio=$(echo "$t_tl / $t_rg" | bc -l)
  printf '%-8s %10s %9.0f %9s %7.1fx %10s MB %7s MB %s\n' "${mb}MB" "$t_tl" "$mbs" "$t_rg" "$ratio" "$p_tl" "$p_rg" "$exact"
done
