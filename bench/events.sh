#!/usr/bin/env bash
# Scale of `chorus events` (ingest -> dedup -> cluster, briefs off) on a synthetic labelled
# stream of many events (~1,000 articles a day, ~300 words each, 5% syndicated copies):
# articles/s and peak RSS at 1k, 10k, 100k and 200k articles, with one and two worker threads
# beside the clustering thread, with and without dedup, against `chorus segment --stats` on the same file as
# the in-script baseline (ingest + clean + segment only, one core).
# Usage: bench/events.sh [max_articles]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-200000}
source bench/setup.sh
build/bench/chorus_bench --write_stream="$tmp/stream.jsonl" --stream_articles="$max"

# run NAME FILE N ARGS...: prints articles/s and peak RSS of one run.
run() {
  local name=$1 file=$2 n=$3
  shift 3
  local out
  /usr/bin/time -o "$tmp/time" -f "%e %M" "$@" "$file" >/dev/null 2>&1
  out=$(tail -1 "$tmp/time")
  local secs=${out% *} kb=${out#* }
  awk -v name="$name" -v n="$n" -v s="$secs" -v kb="$kb" \
    'BEGIN { printf "  %-42s %8.2f s %9.0f articles/s %7.1f MB peak RSS\n", name, s, n / (s > 0 ? s : 0.001), kb / 1024 }'
}

for n in 1000 10000 100000 200000; do
  [ "$n" -le "$max" ] || continue
  f="$tmp/s$n.jsonl"
  head -n "$n" "$tmp/stream.jsonl" >"$f"
  echo "== $n articles ($(( $(stat -c %s "$f") / 1048576 )) MB)"
  run "baseline: segment --stats (1 core)" "$f" "$n" build/cli/chorus segment --stats -q
  run "events (default: 1 worker + clusterer)" "$f" "$n" build/cli/chorus events -q --format jsonl
  run "events -j 2 (2 workers + clusterer)" "$f" "$n" build/cli/chorus events -q -j 2 --format jsonl
  run "events pinned to one core (taskset)" "$f" "$n" taskset -c 0 build/cli/chorus events -q --format jsonl
  run "events --no-dedup" "$f" "$n" build/cli/chorus events -q --no-dedup --format jsonl
done
n=$(( max < 10000 ? max : 10000 ))
head -n "$n" "$tmp/stream.jsonl" >"$tmp/q.jsonl"
echo "== B-cubed on the first $n synthetic articles (gold = the generator's event)"
build/cli/chorus eval clustering --input "$tmp/q.jsonl"
