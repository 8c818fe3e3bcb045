#!/usr/bin/env bash
# Speed and memory of chorus on this machine, as ratios against baselines run in the
# same script: Google Benchmark (ingest+clean+segment vs a plain line reader; brief
# latency for 3/10/500 articles), then peak RSS of the CLI vs the input size.
# Usage: bench/run.sh [corpus_mb]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
source bench/setup.sh

echo "== Google Benchmark (corpus ${mb} MB of ~600-word JSONL articles)"
build/bench/chorus_bench --corpus_mb="$mb" --benchmark_format=console | tee "$tmp/bench.txt"
awk '/BM_Baseline_ReadLines/ {for(i=1;i<=NF;i++) if($i ~ /bytes_per_second=/){split($i,a,"="); base=a[2]}}
     /BM_IngestCleanSegment\/|BM_IngestCleanSegment / {for(i=1;i<=NF;i++) if($i ~ /bytes_per_second=/){split($i,a,"="); ours=a[2]}}
     function mbps(x){ if (x ~ /G\/s$/) return x*1024; if (x ~ /M\/s$/) return x+0; return x/1024 }
     /BM_IngestCleanSegmentFacts/ {for(i=1;i<=NF;i++) if($i ~ /bytes_per_second=/){split($i,a,"="); facts=a[2]}}
     END { printf "ingest+clean+segment: %.1f MB/s = %.3f x the line-reader baseline (%.0f MB/s)\n", mbps(ours), mbps(ours)/mbps(base), mbps(base)
           printf "with facts (figures + quotes): %.1f MB/s = %.2f x ingest+clean+segment\n", mbps(facts), mbps(facts)/mbps(ours) }' "$tmp/bench.txt"

echo "== Peak memory of the CLI (/usr/bin/time), against an empty run as baseline"
build/bench/chorus_bench --write_corpus="$tmp/big.jsonl" --corpus_mb="$mb" >/dev/null
build/bench/chorus_bench --write_corpus="$tmp/500.jsonl" --corpus_mb=2 >/dev/null
head -n 500 "$tmp/500.jsonl" >"$tmp/event500.jsonl"
echo '{"text":"The council met on Monday and approved the new budget for the year."}' >"$tmp/one.jsonl"
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
base=$(rss build/cli/chorus brief -q "$tmp/one.jsonl")
seg=$(rss build/cli/chorus segment --stats -q "$tmp/big.jsonl")
brief=$(rss build/cli/chorus brief -q "$tmp/event500.jsonl")
big_kb=$(( $(stat -c %s "$tmp/big.jsonl") / 1024 ))
e500_kb=$(( $(stat -c %s "$tmp/event500.jsonl") / 1024 ))
echo "baseline (1 tiny article): ${base} KB peak RSS"
echo "segment --stats on ${big_kb} KB: ${seg} KB peak RSS = $(awk -v a="$seg" -v b="$big_kb" 'BEGIN{printf "%.3f", a/b}') x input (streams)"
echo "brief of 500 articles (${e500_kb} KB): ${brief} KB peak RSS; above baseline $(( brief - base )) KB = $(awk -v a="$brief" -v c="$base" -v b="$e500_kb" 'BEGIN{printf "%.2f", (a-c)/b}') x input"
