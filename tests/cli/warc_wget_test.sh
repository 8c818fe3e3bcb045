#!/usr/bin/env bash
# A web archive written by a crawler, read back (issue 15): Debian's wget crawls pages
# served on loopback into a WARC (--warc-file), and chorus reads the pages out of it with
# their addresses. Never touches another address. Usage: warc_wget_test.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
command -v wget >/dev/null && command -v python3 >/dev/null || { echo "SKIP: needs wget and python3"; exit 77; }
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
. "$src/tests/cli/lib.sh"
mkdir -p "$tmp/site"
cp "$src/tests/data/html/valley-echo.html" "$tmp/site/valley-echo.html"
printf '<html><body><a href="valley-echo.html">story</a> <a href="logo.png">logo</a></body></html>' >"$tmp/site/index.html"
printf '\x89PNG\r\n' >"$tmp/site/logo.png"
port=$(free_port)
(cd "$tmp/site" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
wait_for_port "$port"
(cd "$tmp" && wget -q -r -l 1 --no-host-directories -P "$tmp/mirror" --warc-file="$tmp/crawl" "http://127.0.0.1:$port/index.html")
check "wget wrote a compressed WARC" test -s "$tmp/crawl.warc.gz"
"$chorus" segment "$tmp/crawl.warc.gz" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "reading the crawl exits 3 (the index page is no article)" test "$rc" -eq 3
check "the index page is named as empty, with its address" grep -q "skipped: empty: record at byte [0-9]* (http://127.0.0.1:$port/index.html)" "$tmp/err"
check "the story is the one article" test "$(grep -c '^# \[' "$tmp/out")" -eq 1
check "the story's title and date are read" grep -q "^# \[1\] The Valley Echo | 2026-06-05 | Lindmoor blast" "$tmp/out"
check "robots.txt's 404 is counted, not read" grep -q "1 non-200 responses" "$tmp/err"
check "the request and metadata records are counted" grep -q "passed over: .*request records" "$tmp/err"
"$chorus" extract "$tmp/crawl.warc.gz" >"$tmp/pages" 2>/dev/null
check "extract gives the story's url" grep -q "\"url\":\"http://127.0.0.1:$port/valley-echo.html\"" "$tmp/pages"
# The same crawl cut in half: what is whole is read, the cut is named with its offset.
head -c $(( $(stat -c %s "$tmp/crawl.warc.gz") / 2 )) "$tmp/crawl.warc.gz" >"$tmp/cut.warc.gz"
"$chorus" segment "$tmp/cut.warc.gz" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a cut archive exits 1 or 3, not 0 and not a crash" test "$rc" -eq 1 -o "$rc" -eq 3
check "a cut archive names the offset" grep -q "record at byte [0-9]" "$tmp/err"
finish
