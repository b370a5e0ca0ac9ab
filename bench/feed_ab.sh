#!/usr/bin/env bash
# Benchmark: two builds of `dreamfeed serve` side by side on the same seeded For You data
# (see feed_at_scale.sh), to measure what a change does to a feed page. Both servers are
# up at once, each on its own copy of the seeding, and short wrk runs alternate between
# them (bench/feed_scroll.lua, new viewers every run), so both meet the same load from
# the rest of the machine. Besides pages/s it reports the server's CPU per page (its
# utime + stime over the run / pages), which moves much less with that load.
#   BEFORE, AFTER   the two dreamfeed binaries (e.g. a copy of main's and this tree's)
#   SEEDED          a seeding made by feed_at_scale.sh (SEEDED=DIR there), reused here
#   KIND            scroll (passive, default), engaged (3 finished a page + events), newest
#   ROUNDS, DURATION  pairs of runs (default 5) of DURATION seconds (default 5)
# Medians printed last, with after / before.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?the binary before the change}" "${AFTER:?the binary after it}"
: "${SEEDED:?a seeding made by SEEDED=DIR bash bench/feed_at_scale.sh}"
KIND=${KIND:-scroll}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-5}
export TOKENS="$SEEDED/bench_tokens.txt"
[[ -f $TOKENS ]] || { echo "no seeding in $SEEDED" >&2; exit 1; }

query=limit=10 finished=
[[ $KIND == newest ]] && query='order=newest&limit=10'
[[ $KIND == engaged ]] && finished=3

source bench/scratch.sh

declare -A port pid
for side in before after; do
  binary=$BEFORE
  [[ $side == after ]] && binary=$AFTER
  cp -a "$SEEDED" "$work/$side"
  port[$side]=$(free_port)
  "$binary" serve --listen "127.0.0.1:${port[$side]}" --data "$work/$side" --workers 0 \
    --web "$work/no-web" --log-level warn >"$work/$side.log" 2>&1 &
  pid[$side]=$!
  pids+=("$!")
done
for side in before after; do
  for _ in $(seq 1200); do curl -sf -o /dev/null "http://127.0.0.1:${port[$side]}/healthz" && break; sleep 0.1; done
  curl -sf -o /dev/null "http://127.0.0.1:${port[$side]}/healthz" || { cat "$work/$side.log"; exit 1; }
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# One run against `side`: prints "pages/s µs-of-server-CPU-per-page".
run() {
  local side=$1 first=$2 start end rate
  start=$(cpu_ticks "${pid[$side]}")
  rate=$(THREADS=32 FIRST_TOKEN=$first SESSION_PAGES=10 FEED_QUERY=$query FINISHED=$finished \
    wrk -t32 -c32 -d"${DURATION}s" -s bench/feed_scroll.lua "http://127.0.0.1:${port[$side]}/api/v1/feed" |
    awk '/^scroll:/ {print $(NF - 1)} /^Non-2xx/ {print "wrk: " $0 > "/dev/stderr"; exit 1}')
  end=$(cpu_ticks "${pid[$side]}")
  python3 -c "print(f'{$rate:.0f} {($end - $start) * 1e6 / $(getconf CLK_TCK) / ($rate * $DURATION):.0f}')"
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

declare -a rate_before cpu_before rate_after cpu_after
for r in $(seq "$ROUNDS"); do
  read -r rate cpu <<<"$(run before $((r * 9000)))"; rate_before+=("$rate"); cpu_before+=("$cpu")
  read -r rate cpu <<<"$(run after $((r * 9000)))"; rate_after+=("$rate"); cpu_after+=("$cpu")
  echo "round $r: before ${rate_before[-1]} pages/s, ${cpu_before[-1]} µs/page; after ${rate_after[-1]} pages/s, ${cpu_after[-1]} µs/page"
done

rb=$(median "${rate_before[@]}") ra=$(median "${rate_after[@]}")
cb=$(median "${cpu_before[@]}") ca=$(median "${cpu_after[@]}")
echo
echo "== For You feed A/B, $KIND, $ROUNDS pairs of ${DURATION}s runs, wrk -t32 -c32, medians"
printf '%-34s %10s %10s %8s\n' "" before after "after/before"
printf '%-34s %10s %10s %8s\n' "pages/s" "$rb" "$ra" "$(python3 -c "print(f'{$ra / $rb:.2f}')")"
printf '%-34s %10s %10s %8s\n' "server CPU per page (µs)" "$cb" "$ca" "$(python3 -c "print(f'{$ca / $cb:.2f}')")"
