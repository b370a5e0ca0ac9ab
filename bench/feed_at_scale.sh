#!/usr/bin/env bash
# Benchmark: the personalised For You feed of `dreamfeed serve` at the size issue 5 asks
# for — 1,000,000 published clips, 100,000 viewers, 10,000,000 past events (seeded by
# bench_seed_ranked_catalogue into SQLite and the ranking snapshot) — against the same
# server's GET /healthz, loopback only, with wrk (2 threads). Each feed request is the
# first page of 10 for a random one of 2,000 signed-in viewers (bench/feed_tokens.lua).
# The same request with ?order=newest (session, store read, likes and JSON, no ranking)
# shows how much of the cost is the ranking.
#   throughput: -c64, feed / healthz                      (target ≥ 0.4)
#   latency:    -c4 (little queueing on 2 cores), p99      (target < 10 ms)
# Medians of RUNS runs taken alternately; figures printed last.
# CLIPS, VIEWERS, EVENTS shrink it for a quick look.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DURATION=${DURATION:-5}
CLIPS=${CLIPS:-1000000}
VIEWERS=${VIEWERS:-100000}
EVENTS=${EVENTS:-10000000}

bash scripts/build.sh dreamfeed bench_seed_ranked_catalogue >/dev/null

work=$(mktemp -d)
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

build/bench/bench_seed_ranked_catalogue "$work/data" --clips "$CLIPS" --viewers "$VIEWERS" \
  --creators $((CLIPS / 20)) --events "$EVENTS" --sessions 2000
export TOKENS="$work/data/bench_tokens.txt"

port=$(free_port)
url="http://127.0.0.1:$port"
started=$(date +%s.%N)
build/src/cli/dreamfeed serve --listen "127.0.0.1:$port" --data "$work/data" --workers 0 \
  --web "$work/no-web" --log-level warn >"$work/dreamfeed.log" 2>&1 &
pid=$!
for _ in $(seq 1200); do curl -sf -o /dev/null "$url/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "$url/healthz" || { cat "$work/dreamfeed.log"; exit 1; }
startup_s=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
token=$(head -1 "$TOKENS")
items=$(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/feed?limit=10" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[[ "$items" == 10 ]] || { echo "the feed returned $items items, expected 10" >&2; exit 1; }

rps() { wrk -t2 -c"$1" -d"${DURATION}s" "${@:3}" "$2" | awk '/^Requests\/sec:/ {print $2}'; }
p99_ms() {
  wrk -t2 -c"$1" -d"${DURATION}s" --latency "${@:3}" "$2" |
    awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

declare -a healthz feed newest feed_p99 healthz_p99
for run in $(seq "$RUNS"); do
  healthz+=("$(rps 64 "$url/healthz")")
  feed+=("$(rps 64 "$url/api/v1/feed?limit=10" -s bench/feed_tokens.lua)")
  newest+=("$(FEED_QUERY='order=newest&limit=10' rps 64 "$url/api/v1/feed" -s bench/feed_tokens.lua)")
  healthz_p99+=("$(p99_ms 4 "$url/healthz")")
  feed_p99+=("$(p99_ms 4 "$url/api/v1/feed?limit=10" -s bench/feed_tokens.lua)")
  echo "run $run: healthz ${healthz[-1]} req/s, feed ${feed[-1]} req/s, newest-first ${newest[-1]} req/s, p99 at 4 connections: healthz ${healthz_p99[-1]} ms, feed ${feed_p99[-1]} ms"
done
rss_mib=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")

m_healthz=$(median "${healthz[@]}")
m_feed=$(median "${feed[@]}")
echo
echo "== personalised feed at scale: $CLIPS clips, $VIEWERS viewers, $EVENTS events; wrk -t2, ${DURATION}s × $RUNS runs, medians, $(nproc) cores"
printf '%-52s %10s s\n' "server start (snapshot + catalogue from SQLite)" "$startup_s"
printf '%-52s %10s MiB\n' "server RSS after the runs" "$rss_mib"
printf '%-52s %10s req/s\n' "GET /healthz, 64 connections" "$m_healthz"
printf '%-52s %10s req/s\n' "GET /api/v1/feed?limit=10 signed in, 64 connections" "$m_feed"
printf '%-52s %10s req/s\n' "  reference: ?order=newest, signed in (no ranking)" "$(median "${newest[@]}")"
printf '%-52s %10s ms\n' "GET /healthz p99, 4 connections" "$(median "${healthz_p99[@]}")"
printf '%-52s %10s ms   (target < 10)\n' "feed page of 10 p99, 4 connections" "$(median "${feed_p99[@]}")"
echo "ratio feed / healthz:   $(python3 -c "print(f'{$m_feed / $m_healthz:.3f}')")   (target >= 0.4)"
