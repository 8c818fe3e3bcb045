#!/usr/bin/env bash
# Load on `chorus serve` over loopback with wrk: requests/s and latency percentiles for
# the event list and an event page (HTML and JSON), with N events in the database,
# first with the database at rest (reads answered from the cache), then while an ingest
# adds articles (each commit invalidates the cache). Baseline in the same run: /healthz,
# the cheapest cached route, through the same server.
# Usage: bench/serve.sh [events] [seconds per run]   (defaults 10000 and 10)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-10000}
secs=${2:-10}
source bench/setup.sh
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
chorus=build/cli/chorus

# A stream where about one article in two starts an event (~4.5 articles per event once
# similar ones are merged); the last 4,000 articles are kept for the ingest under load.
articles=$(( events * 46 / 10 + 4000 ))
build/bench/chorus_bench --write_stream="$tmp/stream.jsonl" --stream_articles=$articles --stream_new_event=0.5
head -n $(( articles - 4000 )) "$tmp/stream.jsonl" >"$tmp/base.jsonl"
tail -n 4000 "$tmp/stream.jsonl" >"$tmp/live.jsonl"
echo "== building the database: $(( articles - 4000 )) articles"
/usr/bin/time -f "ingest: %e s, peak RSS %M KB" $chorus ingest --batch 2000 --db "$tmp/news.db" "$tmp/base.jsonl"
echo "database: $(du -h "$tmp/news.db" | cut -f1), $(sqlite3 "$tmp/news.db" 'SELECT count(*) FROM events WHERE merged_into IS NULL') events"

$chorus serve --db "$tmp/news.db" --port 0 --threads 32 >"$tmp/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do grep -q serving "$tmp/serve.out" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.out" | head -1)
id=$(curl -s "$base/api/events?limit=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)

# Requests/s and p50/p99 in ms from wrk's --latency report.
load() {  # load LABEL PATH
  wrk -t2 -c16 -d"${secs}s" --latency "$base$2" >"$tmp/wrk.txt"
  awk -v label="$1" -v path="$2" '
    function ms(x) { if (x ~ /us$/) return x / 1000; if (x ~ /ms$/) return x + 0; if (x ~ /s$/) return x * 1000; return x }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "  %-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms%s\n", label " " path, rps, p50, p99, bad ? "  NON-2XX " bad : "" }' "$tmp/wrk.txt"
}
routes() {
  load baseline /healthz
  load "event list" "/api/events?limit=50"
  load "event list page" "/"
  load "event page" "/events/$id"
  load "event JSON" "/api/events/$id"
}
echo "== at rest: wrk -t2 -c16 ${secs}s per route (the server's 32 workers, this machine's $(nproc) cores)"
routes
before=$(sqlite3 "$tmp/news.db" 'SELECT count(*) FROM articles')
echo "== while an ingest adds articles in batches of 100 (a commit every ~0.3 s)"
# The loop keeps its ingest's process id and stops that one when it is told to stop.
(
  ingest=
  trap '[ -n "$ingest" ] && kill "$ingest" 2>/dev/null; exit 0' TERM
  while true; do
    $chorus ingest -q --batch 100 --db "$tmp/news.db" "$tmp/live.jsonl" &
    ingest=$!
    wait "$ingest"
  done
) >/dev/null 2>&1 &
writer=$!
sleep 1
routes
kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true
echo "articles added by the ingest during the load: $(( $(sqlite3 "$tmp/news.db" 'SELECT count(*) FROM articles') - before ))"
