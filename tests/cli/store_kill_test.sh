#!/usr/bin/env bash
# Kills `chorus ingest` in the middle of a large ingest and checks that the database is
# intact and consistent (whole batches only), and that running the ingest again finishes
# the job without storing anything twice.
# Usage: store_kill_test.sh CHORUS_BINARY SOURCE_DIR
set -uo pipefail
chorus=$1
src=$2
command -v sqlite3 >/dev/null || { echo "sqlite3 (the CLI) is needed: apt-get install sqlite3"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() {  # check NAME CONDITION_EXIT_CODE
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

# 4,800 distinct articles: the labelled stream 200 times over, each copy with its own
# title and dateline so every one is a new article (most become syndicated copies).
awk '{ for (i = 1; i <= 200; i++) { line = $0; sub(/"title": "/, "\"title\": \"Part " i ": ", line);
       sub(/"maintext": "/, "\"maintext\": \"Update " i ". ", line); print line } }' \
    "$src/labelled/events.jsonl" >"$tmp/big.jsonl"
total=$(wc -l <"$tmp/big.jsonl")
db=$tmp/news.db
batch=50

"$chorus" ingest -q --batch $batch --db "$db" "$tmp/big.jsonl" &
pid=$!
# Kill once at least one batch is committed (or give up after 20 s).
for _ in $(seq 1 200); do
  n=$(sqlite3 "$db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge $((batch * 2)) ] && break
  sleep 0.1
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
killed=$?
check "ingest was still running when killed (exit $killed)" $([ $killed -eq 137 ]; echo $?)

integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
check "integrity_check after kill: $integrity" $([ "$integrity" = ok ]; echo $?)
stored=$(sqlite3 "$db" "SELECT count(*) FROM articles")
check "whole batches only ($stored articles, batches of $batch)" $([ $((stored % batch)) -eq 0 ] && [ "$stored" -gt 0 ] && [ "$stored" -lt "$total" ]; echo $?)
in_events=$(sqlite3 "$db" "SELECT coalesce(sum(articles), 0) FROM events WHERE merged_into IS NULL")
check "every stored article is counted in one live event ($in_events of $stored)" $([ "$in_events" -eq "$stored" ]; echo $?)
orphans=$(sqlite3 "$db" "SELECT count(*) FROM articles WHERE event_id NOT IN (SELECT id FROM events WHERE merged_into IS NULL)")
check "no article outside a live event ($orphans)" $([ "$orphans" -eq 0 ]; echo $?)
versions=$(sqlite3 "$db" "SELECT count(*) FROM events e WHERE version <> (SELECT count(*) FROM brief_history h WHERE h.event_id = e.id)")
check "each event's version has its history row ($versions mismatched)" $([ "$versions" -eq 0 ]; echo $?)

# Again: the committed articles are recognised, the rest are added.
"$chorus" ingest --batch 500 --db "$db" "$tmp/big.jsonl" 2>"$tmp/again.err"
rc=$?
check "second ingest exits 0 (got $rc: $(cat "$tmp/again.err"))" $rc
grep -q "$((total - stored)) articles added, $stored already stored" "$tmp/again.err"
check "second ingest adds only what the first did not commit: $(cat "$tmp/again.err")" $?
final=$(sqlite3 "$db" "SELECT count(*) FROM articles")
check "all $total articles stored once ($final)" $([ "$final" -eq "$total" ]; echo $?)
check "integrity_check at the end" $([ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ]; echo $?)

# Two ingests into one database at once take turns batch by batch; nothing is lost.
head -n 2400 "$tmp/big.jsonl" >"$tmp/first.jsonl"
tail -n +2401 "$tmp/big.jsonl" >"$tmp/second.jsonl"
"$chorus" ingest -q --batch 200 --db "$tmp/shared.db" "$tmp/first.jsonl" & one=$!
"$chorus" ingest -q --batch 200 --db "$tmp/shared.db" "$tmp/second.jsonl" & two=$!
wait $one; rc1=$?
wait $two; rc2=$?
check "two concurrent ingests both exit 0 ($rc1, $rc2)" $([ $rc1 -eq 0 ] && [ $rc2 -eq 0 ]; echo $?)
both=$(sqlite3 "$tmp/shared.db" "SELECT count(*) FROM articles")
counted=$(sqlite3 "$tmp/shared.db" "SELECT coalesce(sum(articles), 0) FROM events WHERE merged_into IS NULL")
check "both ingests' articles stored and counted once ($both, $counted of $total)" $([ "$both" -eq "$total" ] && [ "$counted" -eq "$total" ]; echo $?)

# A database file that is not one is reported, not overwritten.
head -c 5000 /dev/urandom >"$tmp/junk.db"
cp "$tmp/junk.db" "$tmp/junk.orig"
"$chorus" ingest -q --db "$tmp/junk.db" "$src/examples" 2>"$tmp/junk.err"
rc=$?
check "ingest into a non-database exits 1 (got $rc)" $([ $rc -eq 1 ]; echo $?)
grep -q "junk.db" "$tmp/junk.err"
check "the message names the file: $(cat "$tmp/junk.err")" $?
cmp -s "$tmp/junk.db" "$tmp/junk.orig"
check "the file is left as it was" $?

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
