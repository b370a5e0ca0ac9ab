#!/usr/bin/env bash
# Benchmark: peak memory of `dreamfeed generate` at 1080p, 12 s (issue 3's target: under
# 300 MB), with the default ("automatic") encoder threads that `serve` also uses, for a
# few prompts (a stack of figures, rain with a spoken line, a flock at night in the
# snow). The reference, in the same run, is the same showcase clip with one encoder
# thread; max RSS from /usr/bin/time, the largest of RUNS runs, figures printed last.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
bash scripts/build.sh dreamfeed >/dev/null
source bench/scratch.sh

prompts=(
  'a man rides a horse that is standing on another horse at sunset'
  'a man rides a horse that is standing on another horse while a girl says "look at them go" in the rain'
  'a thousand birds fly over a city street at night in the snow while a robot says "hello world"'
)
# Largest max RSS (MB, 10^6 bytes) and median wall time of RUNS runs of generate with extra args.
measure() {
  local prompt=$1; shift
  local rss=0 walls=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%M %e' -o "$work/time" build/src/cli/dreamfeed generate "$prompt" \
      -o "$work/clip.mp4" --seconds 12 --resolution 1080p "$@" >/dev/null 2>&1
    read -r kb wall <"$work/time"
    (( kb > rss )) && rss=$kb
    walls+=("$wall")
  done
  printf '%s %s\n' "$((rss * 1024 / 1000000))" "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")"
}

read -r ref_rss ref_wall < <(measure "${prompts[0]}" --encoder-threads 1)
results=()
for prompt in "${prompts[@]}"; do
  read -r rss wall < <(measure "$prompt")
  results+=("$(printf '%5d MB  %5.1f s  %s' "$rss" "$wall" "${prompt:0:60}")")
done

echo
echo "== dreamfeed generate, 1080p 12 s, default encoder threads: peak memory ($RUNS runs, largest)"
printf '%5d MB  %5.1f s  reference: showcase with --encoder-threads 1\n' "$ref_rss" "$ref_wall"
printf '%s\n' "${results[@]}"
worst=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | sort -n | tail -1)
echo "largest / target 300 MB:  $(python3 -c "print(f'{$worst / 300:.2f}')")   (target < 1.0)"
echo "largest / reference:      $(python3 -c "print(f'{$worst / $ref_rss:.2f}')")"
