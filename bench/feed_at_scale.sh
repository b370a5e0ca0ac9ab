#!/usr/bin/env bash
# Benchmark: the personalised For You feed of `dreamfeed serve` at the size issue 5 asks
# for — 1,000,000 published clips, 100,000 viewers, 10,000,000 past events (seeded by
# bench_seed_ranked_catalogue into SQLite and the ranking snapshot) — against the same
# server's GET /healthz, loopback only, with wrk.
# Traffic: signed-in viewers scrolling (bench/feed_scroll.lua): each session is a viewer
# not seen before in the bench, who opens the feed and follows next_cursor for 1 to
# SESSION_PAGES pages (uniform; default 10, so 5.5 pages of 10 clips on average). Every
# wrk connection has its own thread (-tN -cN) so its Lua state can follow its viewer's
# cursor; /healthz is measured with the same wrk shape.
# Three kinds of feed traffic: a passive scroll (no events: the pages prepared at the
# first page serve the whole session), an engaged scroll (after each page the app posts
# its events, FINISHED_PER_PAGE (3) of the 10 clips finished, which makes the ranking
# prepare again every page or so, as real viewers who enjoy the feed do), and first
# pages only (a random viewer's first page, again and again: nearly every page ranked). The
# passive scroll with ?order=newest (session, store read, likes and JSON, no ranking)
# shows how much of the cost is the ranking. A second reference is the floor under any
# feed page: one real page saved as a static file of the web app and scrolled with the
# same script (same wrk threads, Lua, headers and response size; no session, no ranking,
# no records), so feed / static page says how far a page is from costing only its bytes.
# Feed figures count pages only.
#   throughput: 32 connections, feed pages / healthz                (target ≥ 0.4)
#   latency:    4 connections (little queueing on 2 cores), p99      (target < 10 ms)
#   ingest:     POST /api/v1/events (bench/events_post.lua, 20 per batch) with the
#               server's threads pinned to one core                  (target ≥ 20,000/s)
# Medians of RUNS runs taken alternately; figures printed last.
# CLIPS, VIEWERS, EVENTS shrink it for a quick look; SEEDED=DIR reuses a seeding (below);
# SERVE_ARGS adds options to dreamfeed serve (e.g. "--http-threads 8").
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DURATION=${DURATION:-5}
CLIPS=${CLIPS:-1000000}
VIEWERS=${VIEWERS:-100000}
EVENTS=${EVENTS:-10000000}

SESSION_PAGES=${SESSION_PAGES:-10}
FINISHED_PER_PAGE=${FINISHED_PER_PAGE:-3}
CONNECTIONS=${CONNECTIONS:-32}
bash scripts/build.sh dreamfeed bench_seed_ranked_catalogue >/dev/null

source bench/scratch.sh

seed() {
  build/bench/bench_seed_ranked_catalogue "$1" --clips "$CLIPS" --viewers "$VIEWERS" \
    --creators $((CLIPS / 20)) --events "$EVENTS" --sessions "$VIEWERS"
}
# SEEDED=DIR keeps the seeded data there and copies it for each bench, so runs after the
# first skip the seeding (minutes at full size). DIR must be for the same sizes.
if [[ -n ${SEEDED:-} ]]; then
  [[ -f $SEEDED/bench_tokens.txt ]] || seed "$SEEDED"
  cp -a "$SEEDED" "$work/data"
else
  seed "$work/data"
fi
export TOKENS="$work/data/bench_tokens.txt"

# The web root holds only the static reference page (written below) and an index.html,
# without which the server serves no static files.
mkdir -p "$work/web"
echo '<!doctype html><title>bench</title>' >"$work/web/index.html"
port=$(free_port)
url="http://127.0.0.1:$port"
started=$(date +%s.%N)
build/src/cli/dreamfeed serve --listen "127.0.0.1:$port" --data "$work/data" --workers 0 \
  --web "$work/web" --log-level warn ${SERVE_ARGS:-} >"$work/dreamfeed.log" 2>&1 &
pid=$!
pids+=("$pid")
for _ in $(seq 1200); do curl -sf -o /dev/null "$url/healthz" && break; sleep 0.1; done
curl -sf -o /dev/null "$url/healthz" || { cat "$work/dreamfeed.log"; exit 1; }
startup_s=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
token=$(head -1 "$TOKENS")
items=$(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/feed?limit=10" |
  python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[[ "$items" == 10 ]] || { echo "the feed returned $items items, expected 10" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $(sed -n 2p "$TOKENS")" "$url/api/v1/feed?limit=10" \
  >"$work/web/page.json"
curl -sf -o /dev/null "$url/page.json?limit=10" || { echo "the static page is not served" >&2; exit 1; }

# wrk with one thread per connection; prints "req/s" or, with the scroll script, "pages/s
# sessions reused" (pages only: an engaged scroll's event posts are not counted).
wrk_run() {
  local connections=$1 url=$2
  shift 2
  wrk -t"$connections" -c"$connections" -d"${DURATION}s" "$@" "$url" |
    awk '/^Requests\/sec:/ {rps = $2} /^scroll:/ {sessions = $2; reused = $7; rps = $(NF - 1)}
         /^Non-2xx/ {print "wrk: " $0 > "/dev/stderr"; exit 1}
         END {print rps, sessions + 0, reused + 0}'
}
p99_ms() {
  wrk -t"$1" -c"$1" -d"${DURATION}s" --latency "${@:3}" "$2" |
    awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# Each scroll run starts its viewers after the last run's, so no viewer is met twice.
first_token=0
scroll() {
  local connections=$1 query=$2 out
  shift 2
  out=$(THREADS=$connections FIRST_TOKEN=$first_token SESSION_PAGES=$SESSION_PAGES \
    FEED_QUERY=$query FINISHED=${FINISHED:-} wrk_run "$connections" "$url/api/v1/feed" \
    -s bench/feed_scroll.lua "$@")
  read -r rate sessions reused <<<"$out"
  first_token=$((first_token + sessions))
  total_sessions=$((total_sessions + sessions))
  total_reused=$((total_reused + reused))
  echo "$rate"
}
total_sessions=0
total_reused=0

declare -a healthz feed engaged newest static_page feed_p99 healthz_p99 first_pages ingest
for run in $(seq "$RUNS"); do
  healthz+=("$(wrk_run "$CONNECTIONS" "$url/healthz" | cut -d' ' -f1)")
  scroll "$CONNECTIONS" 'limit=10' >"$work/rate"; feed+=("$(cat "$work/rate")")
  FINISHED=$FINISHED_PER_PAGE scroll "$CONNECTIONS" 'limit=10' >"$work/rate"
  engaged+=("$(cat "$work/rate")")
  scroll "$CONNECTIONS" 'order=newest&limit=10' >"$work/rate"; newest+=("$(cat "$work/rate")")
  static_page+=("$(THREADS=$CONNECTIONS FIRST_TOKEN=0 SESSION_PAGES=$SESSION_PAGES FEED_PATH=/page.json \
    wrk_run "$CONNECTIONS" "$url/page.json" -s bench/feed_scroll.lua | cut -d' ' -f1)")
  first_pages+=("$(wrk_run "$CONNECTIONS" "$url/api/v1/feed?limit=10" -s bench/feed_tokens.lua | cut -d' ' -f1)")
  healthz_p99+=("$(p99_ms 4 "$url/healthz")")
  feed_p99+=("$(p99_ms 4 "$url/api/v1/feed?limit=10" -s bench/feed_tokens.lua)")
  # Ingest on one core: the server's threads pinned to core 0, wrk to the others.
  taskset -a -p 1 "$pid" >/dev/null
  ingest+=("$(TOKENS=$TOKENS FIRST_TOKEN=$first_token taskset -c 1-$(($(nproc) - 1)) \
    wrk -t8 -c8 -d"${DURATION}s" -s bench/events_post.lua "$url" |
    awk '/^events:/ {print $(NF - 1)} /^Non-2xx/ {print "wrk: " $0 > "/dev/stderr"; exit 1}')")
  taskset -a -p "$(printf '%x' $(((1 << $(nproc)) - 1)))" "$pid" >/dev/null
  first_token=$((first_token + 8))
  echo "run $run: healthz ${healthz[-1]} req/s; pages/s: scroll ${feed[-1]}, engaged scroll ${engaged[-1]}, newest-first ${newest[-1]}, static page ${static_page[-1]}, first pages only ${first_pages[-1]}; p99 at 4 connections: healthz ${healthz_p99[-1]} ms, first pages ${feed_p99[-1]} ms; events ingested on one core ${ingest[-1]}/s"
done
rss_mib=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")

m_healthz=$(median "${healthz[@]}")
ratio() { python3 -c "print(f'{$1 / $m_healthz:.3f}')"; }
echo
echo "== personalised feed at scale: $CLIPS clips, $VIEWERS viewers, $EVENTS events; wrk -t$CONNECTIONS -c$CONNECTIONS, ${DURATION}s × $RUNS runs, medians, $(nproc) cores"
printf '%-56s %10s s\n' "server start (snapshot + catalogue from SQLite)" "$startup_s"
printf '%-56s %10s MiB\n' "server RSS after the runs" "$rss_mib"
printf '%-56s %10s\n' "scroll sessions (new viewers), pages each at most" "$total_sessions, $SESSION_PAGES"
printf '%-56s %10s\n' "  sessions that met a viewer already used" "$total_reused"
printf '%-56s %10s req/s\n' "GET /healthz" "$m_healthz"
m_feed=$(median "${feed[@]}")
m_engaged=$(median "${engaged[@]}")
m_first=$(median "${first_pages[@]}")
printf '%-56s %10s pages/s  × healthz %s\n' "feed, scrolling" "$m_feed" "$(ratio "$m_feed")"
printf '%-56s %10s pages/s  × healthz %s\n' "feed, scrolling, $FINISHED_PER_PAGE finished a page (+ events)" "$m_engaged" "$(ratio "$m_engaged")"
printf '%-56s %10s pages/s  × healthz %s\n' "feed, first pages of random viewers (mostly ranked)" "$m_first" "$(ratio "$m_first")"
printf '%-56s %10s pages/s  × healthz %s\n' "  reference: ?order=newest, scrolling (no ranking)" "$(median "${newest[@]}")" "$(ratio "$(median "${newest[@]}")")"
m_static=$(median "${static_page[@]}")
printf '%-56s %10s pages/s  × healthz %s\n' "  reference: a feed page as a static file, scrolling" "$m_static" "$(ratio "$m_static")"
printf '%-56s %10s\n' "feed, scrolling / static page" "$(python3 -c "print(f'{$m_feed / $m_static:.3f}')")"
printf '%-56s %10s ms\n' "GET /healthz p99, 4 connections" "$(median "${healthz_p99[@]}")"
printf '%-56s %10s ms   (target < 10)\n' "feed, first pages of random viewers, p99, 4 conn." "$(median "${feed_p99[@]}")"
printf '%-56s %10s events/s (target >= 20000)\n' "POST /api/v1/events, batches of 20, server on one core" "$(median "${ingest[@]}")"
echo "target: feed / healthz >= 0.4 (engaged scroll: $(ratio "$m_engaged"))"
