#!/usr/bin/env bash
# Benchmark: two builds of bench_generate_vs_x264 in turn, to measure what a change does
# to issue 3's one-core ratio (generate's CPU over libx264 alone's on the same frames).
# This machine's speed drifts by ±15 % over seconds, more than most changes move the
# ratio, so rounds alternate the two builds, and every run's ratio is paired with the
# libx264 run just before it in the same process; the pairs of all rounds are pooled.
#   BEFORE, AFTER   the two bench_generate_vs_x264 binaries (e.g. a copy of main's and
#                   this tree's build/bench/bench_generate_vs_x264)
#   ROUNDS          rounds of each (default 8), RUNS runs a round (default 4)
# Pinned to one core with --threads 1. Medians and quartiles printed last.
set -euo pipefail
: "${BEFORE:?the bench_generate_vs_x264 binary before the change}"
: "${AFTER:?the bench_generate_vs_x264 binary after it}"
ROUNDS=${ROUNDS:-8}
RUNS=${RUNS:-4}
((ROUNDS * RUNS >= 2)) || { echo "ROUNDS x RUNS must be at least 2 for quartiles" >&2; exit 2; }

source "$(dirname "$0")/scratch.sh"

# Appends "libx264-cpu generate-cpu" for each run of `binary` to `file`.
runs() {
  local binary=$1 file=$2
  taskset -c 0 "$binary" --runs "$RUNS" --threads 1 |
    sed -nE 's/^run [0-9]+: .*\(cpu ([0-9.]+) s\), generate .*\(cpu ([0-9.]+) s\)$/\1 \2/p' >>"$file"
}

for r in $(seq "$ROUNDS"); do
  runs "$BEFORE" "$work/before"
  runs "$AFTER" "$work/after"
  echo "round $r of $ROUNDS done"
done

python3 - "$work/before" "$work/after" "$ROUNDS" "$RUNS" <<'EOF'
import statistics, sys

def pairs(path):
    rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
    ratios = sorted(generate / x264 for x264, generate in rows)
    extra_ms = statistics.median((generate - x264) * 1e3 for x264, generate in rows)
    x264_ms = statistics.median(x264 * 1e3 for x264, _ in rows)
    quartiles = statistics.quantiles(ratios, n=4)
    return len(rows), statistics.median(ratios), quartiles, extra_ms, x264_ms

before, after = pairs(sys.argv[1]), pairs(sys.argv[2])
print(f"\n== generate vs libx264 alone, one core, A/B: {sys.argv[3]} rounds x {sys.argv[4]} runs "
      f"each, pairs pooled ({before[0]} and {after[0]})")
quartiles = lambda side: f"{side[2][0]:.3f}-{side[2][2]:.3f}"
print(f"{'':32} {'before':>12} {'after':>12} {'after/before':>13}")
print(f"{'median pair ratio':32} {before[1]:12.3f} {after[1]:12.3f} {after[1] / before[1]:13.3f}")
print(f"{'quartiles of the pair ratios':32} {quartiles(before):>12} {quartiles(after):>12}")
print(f"{'CPU over libx264 (ms, median)':32} {before[3]:12.0f} {after[3]:12.0f}"
      f" {after[3] / before[3]:13.2f}")
print(f"{'libx264 alone (ms, median)':32} {before[4]:12.0f} {after[4]:12.0f}")
EOF
