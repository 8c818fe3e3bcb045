#!/usr/bin/env bash
# HTML extraction side by side, on the two public benchmarks in ../shared/data/html:
#  1. speed: chorus's pages/s in one process on one core (bench/extract_bench.cc, beside
#     libxml2's bare SAX parse of the same pages in the same run) and the peers' pages/s
#     (each driver is one process for all pages; its start-up, timed on one page, is
#     taken off), with chorus's peak memory;
#  2. quality: `chorus eval extract` on AEB (chorus, the published outputs of 8 tools and
#     the peers run here) and on trafilatura's set (chorus and the peers run here).
# Usage: bench/extract.sh [all|tune|test]   (the fixed half of each set to score; default all)
# A peer that is not installed (../shared/peers/install.sh) is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
half=${1:-all}
shared=$(cd .. && pwd)/shared
html="$shared/data/html"
peers_dir="$shared/peers/drivers/bin"
[ -d "$html/aeb" ] || { echo "bench/extract.sh: no $html/aeb" >&2; exit 1; }
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_BENCH=ON >/dev/null
cmake --build build --target chorus_cli chorus_extract_bench >/dev/null
chorus=build/cli/chorus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }

echo "== speed on AEB's 181 pages, one process, one core (medians of 5), $(date -u +%F)"
# The last core: the first takes the VM's interrupts here. Medians of 5 repetitions.
core=$(($(nproc) - 1))
taskset -c "$core" build/bench/chorus_extract_bench --benchmark_min_time=2 --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true --benchmark_format=console 2>/dev/null | sed -n 's/_median / /p' |
  awk '/^BM_/ {for (i = 1; i <= NF; ++i) if ($i ~ /^items_per_second=/) {split($i, a, "="); r[$1] = a[2]}
               for (i = 1; i <= NF; ++i) if ($i ~ /^peak_rss_mb=/) {split($i, b, "="); m[$1] = b[2]}}
       END {printf "%-28s %10s %10s\n", "system", "pages/s", "peak MB";
            printf "%-28s %10.0f %10.1f\n", "chorus extract", r["BM_Extract"], m["BM_Extract"];
            printf "%-28s %10.0f %10s\n", "libxml2 SAX parse (floor)", r["BM_Baseline_LibxmlSaxParse"], "";
            printf "chorus / bare parse: %.2fx\n", r["BM_Extract"] / r["BM_Baseline_LibxmlSaxParse"];
            print r["BM_Extract"] > "'"$tmp/chorus_rate"'"}'
chorus_rate=$(cat "$tmp/chorus_rate")
pages=("$html"/aeb/html/*.html.gz)
peer_args=()
for peer in readability-lxml mozilla-readability; do
  driver="$peers_dir/extract-$peer"
  if [ ! -x "$driver" ]; then echo "$peer: not installed (run ../shared/peers/install.sh); skipped"; continue; fi
  # A driver whose libraries are missing fails on its first page: skipped, not timed.
  t0=$(now); rc=0; taskset -c "$core" "$driver" "${pages[0]}" >"$tmp/$peer.probe" 2>/dev/null || rc=$?; t1=$(now)
  if [ "$rc" -ne 0 ] || ! grep -q '^### ' "$tmp/$peer.probe"; then
    echo "$peer: does not run here (exit $rc; run ../shared/peers/install.sh); skipped"
    continue
  fi
  taskset -c "$core" "$driver" "${pages[@]}" >"$tmp/$peer.aeb" 2>/dev/null || true; t2=$(now)
  awk -v n=${#pages[@]} -v a="$t0" -v b="$t1" -v c="$t2" -v chorus="$chorus_rate" -v p="$peer" 'BEGIN {
        rate = (n - 1) / ((c - b) - (b - a)); printf "%-28s %10.1f %10s   chorus is %.0fx faster\n", p, rate, "", chorus / rate }'
  peer_args+=(--peer "$peer=$tmp/$peer.aeb")
done

echo
echo "== quality ($half half)"
published=()
for f in "$html"/aeb/peer-output/*.json.gz; do published+=(--aeb-output "$(basename "$f" .json.gz) (published)=$f"); done
"$chorus" eval extract --aeb "$html/aeb" --half "$half" "${published[@]}" "${peer_args[@]}"
traf_args=()
traf_pages=("$html"/trafilatura/html/*.gz)
for peer in readability-lxml mozilla-readability; do
  driver="$peers_dir/extract-$peer"
  [ -x "$driver" ] || continue
  rc=0; "$driver" "${traf_pages[@]}" >"$tmp/$peer.traf" 2>/dev/null || rc=$?
  if [ "$rc" -ne 0 ]; then  # Mozilla Readability's jsdom runs out of heap on some page
    echo "$peer: exited $rc after $(grep -c '^### ' "$tmp/$peer.traf") of ${#traf_pages[@]} pages of trafilatura's set; not scored"
    continue
  fi
  traf_args+=(--peer "$peer=$tmp/$peer.traf")
done
echo
"$chorus" eval extract --trafilatura "$html/trafilatura" --half "$half" "${traf_args[@]}"
echo "published (PROVENANCE.txt): trafilatura 2.2 F1 0.924, news-please 0.836, readability-lxml 0.826 on this set"
