#!/usr/bin/env bash
# Builds and runs every benchmark; each prints its figures and ratios last.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh bench_generate_vs_x264 bench_sketch_parts >/dev/null
build/bench/bench_sketch_parts --runs "${RUNS:-5}"
build/bench/bench_generate_vs_x264 --runs "${RUNS:-5}"
bash bench/generate_memory.sh
bash bench/http_vs_nginx.sh
bash scripts/build.sh bench_ranking_at_scale bench_ranking_simulation >/dev/null
build/bench/bench_ranking_simulation
build/bench/bench_ranking_at_scale --runs "${RUNS:-5}"
bash bench/feed_at_scale.sh
# The web app: navigation to first clip playing, and the feed's gzipped JavaScript.
bash scripts/build.sh dreamfeed >/dev/null
bash scripts/build-web.sh >/dev/null
DREAMFEED_BINARY=build/src/cli/dreamfeed node bench/web_first_play.mjs
