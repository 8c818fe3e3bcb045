#!/usr/bin/env bash
# Throughput of reading web archives: `chorus segment --stats` (inflate each gzip member,
# parse the WARC and HTTP records, extract each HTML page's article, clean, segment) on
# the Common Crawl and ClueWeb slices of ../shared/data/warc, repeated into one larger
# file, against the in-script baseline `gzip -dc` (inflating the same bytes, nothing else).
# Reports MB/s of the compressed file and of its inflated bytes, pages/s and peak RSS.
# Usage: bench/warc.sh [copies]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-20}
shared=${SHARED:-../shared}
[ -d "$shared/data/warc" ] || { echo "no $shared/data/warc"; exit 1; }
source bench/setup.sh
for _ in $(seq "$copies"); do
  cat "$shared/data/warc/resiliparse/warcfile.warc.gz" "$shared/data/warc/resiliparse/clueweb-quirk.warc.gz"
done >"$tmp/big.warc.gz"
packed=$(stat -c %s "$tmp/big.warc.gz")
raw=$(gzip -dc "$tmp/big.warc.gz" | wc -c)
echo "== $copies copies of two CC/ClueWeb slices: $((packed / 1048576)) MB gzipped, $((raw / 1048576)) MB inflated"
# run NAME CMD...: median of three runs' seconds, and peak RSS.
run() {
  local name=$1
  shift
  local times=()
  for _ in 1 2 3; do
    /usr/bin/time -o "$tmp/time" -f "%e %M" "$@" >"$tmp/out" 2>/dev/null || true
    times+=("$(tail -1 "$tmp/time")")  # a non-zero exit adds a line before
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p >"$tmp/median"
  read -r secs kb <"$tmp/median"
  awk -v name="$name" -v s="$secs" -v p="$packed" -v r="$raw" -v kb="$kb" \
    'BEGIN { s = s > 0 ? s : 0.01; printf "  %-34s %6.2f s %7.1f MB/s gzipped %7.1f MB/s inflated %7.1f MB peak RSS\n", name, s, p / s / 1048576, r / s / 1048576, kb / 1024 }'
  last_secs=$secs
}
run "baseline: gzip -dc" gzip -dc "$tmp/big.warc.gz"
baseline=$last_secs
run "chorus segment --stats" build/cli/chorus segment --stats -q "$tmp/big.warc.gz"
pages=$(awk '/^articles/ { print $2 }' "$tmp/out")
awk -v g="$baseline" -v c="$last_secs" -v n="${pages:-0}" \
  'BEGIN { c = c > 0 ? c : 0.01; printf "  %s pages, %.0f pages/s; chorus takes %.1fx the time of inflating alone\n", n, n / c, c / (g > 0 ? g : 0.01) }'
