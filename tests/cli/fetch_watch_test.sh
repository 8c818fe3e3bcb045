#!/usr/bin/env bash
# URLs as inputs and `chorus watch` (issue 15), against a loopback news site of the test's
# own (news_server.py: a feed that changes, its pages, a redirect, a slow page, a 500, an
# HTTP-only charset, gzip, a page too big). Never touches another address.
# Usage: fetch_watch_test.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
command -v python3 >/dev/null || { echo "SKIP: needs python3"; exit 77; }
tmp=$(mktemp -d)
server=""
watcher=""
api=""
trap 'for p in $server $watcher $api; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
. "$src/tests/cli/lib.sh"
port=$(free_port)
echo 2 >"$tmp/items"
: >"$tmp/log"
python3 "$src/tests/cli/news_server.py" "$port" "$tmp" &
server=$!
wait_for_port "$port"
site="http://127.0.0.1:$port"

# A page by its URL: the article, its address, the outlet from the page.
"$chorus" segment "$site/story/1.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a page URL is read (exit 0)" test "$rc" -eq 0
check "the page's title, outlet and address" grep -q "^# \[1\] Ellery Gazette | 2026-03-02 | Fire on the Port Ellery ferry: 40 passengers rescued | $site/story/1.html" "$tmp/out"
check "the navigation is not article text" bash -c "! grep -q 'Home' '$tmp/out'"
check "the default User-Agent names chorus" grep -q "^/story/1.html||chorus/" "$tmp/log"
"$chorus" segment --user-agent "newsroom-bot/2" "$site/story/2.html" >/dev/null 2>&1
check "--user-agent is sent" grep -q "^/story/2.html||newsroom-bot/2$" "$tmp/log"

# Redirects are followed; the address is where the page is.
"$chorus" extract "$site/moved" >"$tmp/out" 2>"$tmp/err"
check "a redirect is followed to the page" grep -q '"title":"Fire on the Port Ellery ferry: 40 passengers rescued"' "$tmp/out"
check "extract names the final address" grep -q "\"url\":\"$site/story/1.html\"" "$tmp/out"

# Encodings: the HTTP charset when the page declares none; gzip transfer encoding.
"$chorus" segment "$site/latin1" >"$tmp/out" 2>"$tmp/err"
check "the HTTP charset decodes the page (café)" grep -q "café staff" "$tmp/out"
"$chorus" segment "$site/gzip.html" >"$tmp/out" 2>"$tmp/err"
check "a gzip-encoded page is decoded" grep -q "leaking fuel line" "$tmp/out"

# Failures are named problems, and the rest is still read (exit 3).
"$chorus" segment --timeout 1 "$site/error" "$site/slow" "$site/nope.html" "$site/empty" "http://127.0.0.1:1/feed.rss" \
  --max-fetch-bytes 100000 "$site/big" "$site/story/3.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "failed URLs and a good one exit 3" test "$rc" -eq 3
check "the good URL among failures is read" grep -q "Inspectors board the Aldous Grey" "$tmp/out"
check "a 500 is named" grep -q "$site/error: skipped: unavailable: HTTP status 500" "$tmp/err"
check "a slow host times out" grep -q "$site/slow: skipped: deadline_exceeded: timed out" "$tmp/err"
check "a 404 is not found" grep -q "$site/nope.html: skipped: not_found: HTTP status 404" "$tmp/err"
check "an empty response is empty" grep -q "$site/empty: skipped: empty: empty response" "$tmp/err"
check "a refused connection is unavailable" grep -q "http://127.0.0.1:1/feed.rss: skipped: unavailable: cannot fetch" "$tmp/err"
check "a page over the cap is refused" grep -q "$site/big: skipped: resource_exhausted: larger than the fetch limit of 100000 bytes" "$tmp/err"
"$chorus" segment "http://127.0.0.1:1/x" >/dev/null 2>&1; rc=$?
check "nothing readable exits 1" test "$rc" -eq 1

# A feed URL yields its items; with --fetch the summaries become the linked pages.
"$chorus" segment "$site/feed.rss" >"$tmp/out" 2>"$tmp/err"
check "a feed URL's items are articles" test "$(grep -c '^# \[' "$tmp/out")" -eq 2
check "without --fetch, summary-only items are noted" grep -q "note: 2 of 2 items carry only a summary.*--fetch" "$tmp/err"
"$chorus" segment --fetch "$site/feed.rss" >"$tmp/out" 2>"$tmp/err"
check "--fetch reads the linked pages" grep -q "Three crew members were taken to hospital" "$tmp/out"
check "--fetch notes the pages read" grep -q "note: 2 items read from their linked pages" "$tmp/err"
"$chorus" segment --fetch "$site/relative.rss" >"$tmp/out" 2>"$tmp/err"
check "a relative item link is resolved against the feed's address" grep -q "Three crew members were taken to hospital" "$tmp/out"
"$chorus" brief --fetch "$site/feed.rss" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a brief from a feed URL" test "$rc" -eq 0
check "the brief cites both stories" grep -q "40" "$tmp/out"

# chorus watch: two polls, a conditional GET, then the feed changes.
printf '# the Ellery Gazette\n%s/feed.rss\n\n%s/error  # a broken feed\n' "$site" "$site" >"$tmp/feeds.txt"
: >"$tmp/log"
"$chorus" watch --db "$tmp/news.db" --feeds "$tmp/feeds.txt" --every 1s --host-delay 0.2s --polls 2 2>"$tmp/watch1"; rc=$?
check "watch exits 0 after its polls" test "$rc" -eq 0
check "the first poll adds the feed's two stories" grep -q "$site/feed.rss: 2 new articles" "$tmp/watch1"
check "the second poll is a conditional GET answered 304" grep -q "$site/feed.rss: not modified" "$tmp/watch1"
check "the ETag was sent" grep -q '^/feed.rss|"items-2"|' "$tmp/log"
check "a failing feed is logged and backed off" grep -q "$site/error: unavailable: HTTP status 500 (failed 1 times in a row; next poll in 2 s)" "$tmp/watch1"
check "the failing feed's wait doubles" grep -q "$site/error: unavailable: HTTP status 500 (failed 2 times in a row; next poll in 4 s)" "$tmp/watch1"
check "each page is fetched once" test "$(grep -c '^/story/1.html|' "$tmp/log")" -eq 1
if command -v sqlite3 >/dev/null; then
  sqlite3 "$tmp/news.db" "SELECT url, outlet FROM articles ORDER BY id" >"$tmp/urls"
  check "stored articles keep the feed's links and outlet" grep -qx "$site/story/2.html|Ellery Gazette" "$tmp/urls"
fi
# A server on the database sees what the next poll adds, without a restart.
api_port=$(free_port)
"$chorus" serve --db "$tmp/news.db" --port "$api_port" >/dev/null 2>&1 &
api=$!
wait_for_port "$api_port"
api_articles() {
  python3 -c "import json, urllib.request; d = json.load(urllib.request.urlopen('http://127.0.0.1:$api_port/api/events')); print(sum(e['articles'] for e in d['events']))"
}
check "the server shows the first poll's two articles" test "$(api_articles)" = 2
echo 3 >"$tmp/items"
: >"$tmp/log"
"$chorus" watch --db "$tmp/news.db" "$site/feed.rss" --every 1s --host-delay 0s --polls 1 2>"$tmp/watch2"; rc=$?
check "a restart adds only the new story" grep -q "$site/feed.rss: 1 new articles" "$tmp/watch2"
check "known items' pages are not fetched again" bash -c "! grep -q '^/story/1.html|' '$tmp/log'"
check "the new story's page is fetched" grep -q '^/story/3.html|' "$tmp/log"
check "the database holds the three stories in one event" grep -q "3 articles in 1 events" "$tmp/watch2"
check "the running server shows the new article at once" test "$(api_articles)" = 3
kill "$api" 2>/dev/null

# SIGTERM stops a watcher between steps, with what it added committed.
echo 2 >"$tmp/items"
"$chorus" watch --db "$tmp/fresh.db" "$site/feed.rss" --every 1h --host-delay 0s 2>"$tmp/watch3" &
watcher=$!
for _ in $(seq 100); do grep -q "new articles" "$tmp/watch3" && break; sleep 0.1; done
kill -TERM "$watcher"
wait "$watcher"; rc=$?
watcher=""
check "SIGTERM ends the watcher cleanly (exit 0)" test "$rc" -eq 0
check "it says it was stopped" grep -q "stopped by a signal; 2 articles added" "$tmp/watch3"
"$chorus" watch --db "$tmp/fresh.db" "$site/feed.rss" --every 1s --host-delay 0s --polls 1 2>"$tmp/watch4"
check "what it added was committed (a restart finds it, 304)" grep -q "not modified" "$tmp/watch4"

# Politeness: two feeds on one host are asked at least --host-delay apart.
: >"$tmp/times"
"$chorus" watch --db "$tmp/polite.db" "$site/feed.rss" "$site/relative.rss" --every 1h --host-delay 1s --polls 1 2>/dev/null
gap=$(awk '$1 == "/feed.rss" { a = $2 } $1 == "/relative.rss" { b = $2 } END { print (b - a >= 0.95) ? "kept" : "broken" }' "$tmp/times")
check "one host is asked at most once per --host-delay" test "$gap" = kept

"$chorus" watch --db "$tmp/x.db" --every 5 2>"$tmp/err"; rc=$?
check "watch without feeds is a usage error" test "$rc" -eq 2
printf 'not a url\n' >"$tmp/bad.txt"
"$chorus" watch --db "$tmp/x.db" --feeds "$tmp/bad.txt" 2>"$tmp/err"; rc=$?
check "a bad line in the list is named with its line" grep -q "bad.txt:1: not an http(s) URL" "$tmp/err"
finish
