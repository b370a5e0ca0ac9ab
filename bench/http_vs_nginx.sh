#!/usr/bin/env bash
# Benchmark: `dreamfeed serve` against nginx on this machine, loopback only, with
# wrk (2 threads, 64 connections). In one run it measures:
#   1. GET /healthz                 vs nginx serving a small static file   (target ≥ 1.0)
#   2. GET /api/v1/feed (20 items of 10,000 published videos) vs /healthz   (target ≥ 0.5)
#      as a visitor (served from the short-lived public page cache) and, for the
#      record, signed in (a database read and serialisation on every request)
#   3. an 8 MiB MP4 by random 1 MiB ranges vs nginx on the same file       (target ≥ 0.8)
# Each figure is the median of RUNS runs of DURATION seconds, measured alternately so
# drift on a noisy machine hits both sides; the ratios are printed last.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-64}

bash scripts/build.sh dreamfeed bench_seed_feed >/dev/null

source bench/scratch.sh
chmod 755 "$work"  # nginx's workers run as an unprivileged user and must read its files
wait_for() { for _ in $(seq 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }

echo "seeding 10,000 published videos…"
build/bench/bench_seed_feed "$work/data" --count 10000 >/dev/null
mkdir -p "$work/data/media/videos" "$work/nginx/html/videos" "$work/nginx/tmp"
head -c 8388608 /dev/urandom >"$work/data/media/videos/vid_benchmark00000.mp4"
cp "$work/data/media/videos/vid_benchmark00000.mp4" "$work/nginx/html/videos/"
printf '{"status":"ok"}' >"$work/nginx/html/healthz.json"

nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/tmp;
  proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp;
  uwsgi_temp_path $work/nginx/tmp;
  scgi_temp_path $work/nginx/tmp;
  types { application/json json; video/mp4 mp4; }
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/html; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

dreamfeed_port=$(free_port)
build/src/cli/dreamfeed serve --listen "127.0.0.1:$dreamfeed_port" --data "$work/data" \
  --workers 0 --web "$work/no-web" --log-level warn >"$work/dreamfeed.log" 2>&1 &
pids+=($!)

nginx_url="http://127.0.0.1:$nginx_port"
dreamfeed_url="http://127.0.0.1:$dreamfeed_port"
wait_for "$nginx_url/healthz.json"
wait_for "$dreamfeed_url/healthz"
items=$(curl -sf "$dreamfeed_url/api/v1/feed" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[[ "$items" == 20 ]] || { echo "feed returned $items items, expected 20" >&2; exit 1; }
token=$(curl -sf -H 'Content-Type: application/json' -d '{"handle":"bench_reader","password":"bench password 1"}' \
  "$dreamfeed_url/api/v1/auth/signup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -sf -H 'Range: bytes=0-1048575' -o /dev/null -w '%{http_code}' "$dreamfeed_url/media/videos/vid_benchmark00000.mp4" | grep -q 206

# Requests per second of one wrk run.
rps() {
  local url=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "$@" "$url" | awk '/^Requests\/sec:/ {print $2}'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

declare -a nginx_small healthz feed feed_signed_in nginx_range dreamfeed_range
for run in $(seq "$RUNS"); do
  nginx_small+=("$(rps "$nginx_url/healthz.json")")
  healthz+=("$(rps "$dreamfeed_url/healthz")")
  feed+=("$(rps "$dreamfeed_url/api/v1/feed")")
  feed_signed_in+=("$(rps "$dreamfeed_url/api/v1/feed" -H "Authorization: Bearer $token")")
  nginx_range+=("$(rps "$nginx_url/videos/vid_benchmark00000.mp4" -s bench/range_requests.lua)")
  dreamfeed_range+=("$(rps "$dreamfeed_url/media/videos/vid_benchmark00000.mp4" -s bench/range_requests.lua)")
  echo "run $run: nginx small ${nginx_small[-1]}, healthz ${healthz[-1]}, feed ${feed[-1]}, feed signed in ${feed_signed_in[-1]}, nginx ranges ${nginx_range[-1]}, dreamfeed ranges ${dreamfeed_range[-1]} req/s"
done

m_nginx_small=$(median "${nginx_small[@]}")
m_healthz=$(median "${healthz[@]}")
m_feed=$(median "${feed[@]}")
m_feed_signed_in=$(median "${feed_signed_in[@]}")
m_nginx_range=$(median "${nginx_range[@]}")
m_dreamfeed_range=$(median "${dreamfeed_range[@]}")
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo
echo "== dreamfeed serve vs nginx: wrk -t2 -c$CONNECTIONS, ${DURATION}s × $RUNS runs, medians, $(nproc) cores"
printf '%-44s %12s req/s\n' "nginx, small static file" "$m_nginx_small"
printf '%-44s %12s req/s\n' "dreamfeed GET /healthz" "$m_healthz"
printf '%-44s %12s req/s\n' "dreamfeed GET /api/v1/feed (20 of 10,000)" "$m_feed"
printf '%-44s %12s req/s\n' "  the same, signed in (not cached)" "$m_feed_signed_in"
printf '%-44s %12s req/s (1 MiB each)\n' "nginx, 8 MiB MP4 by ranges" "$m_nginx_range"
printf '%-44s %12s req/s (1 MiB each)\n' "dreamfeed, 8 MiB MP4 by ranges" "$m_dreamfeed_range"
echo "ratio healthz / nginx small file:   $(ratio "$m_healthz" "$m_nginx_small")   (target >= 1.0)"
echo "ratio feed / healthz:               $(ratio "$m_feed" "$m_healthz")   (target >= 0.5)"
echo "ratio signed-in feed / healthz:     $(ratio "$m_feed_signed_in" "$m_healthz")   (no target)"
echo "ratio ranges dreamfeed / nginx:     $(ratio "$m_dreamfeed_range" "$m_nginx_range")   (target >= 0.8)"
