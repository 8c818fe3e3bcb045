#!/usr/bin/env bash
# End-to-end checks of the chorus CLI: exit codes and messages. Usage: cli_test.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}

"$chorus" brief "$src/examples/harbour-bridge" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "clean input exits 0" test "$rc" -eq 0
check "text output has a headline" grep -q '^HEADLINE' "$tmp/out"
check "no messages on clean input" test ! -s "$tmp/err"

"$chorus" brief --format json "$src/examples/lindmoor-fire" >"$tmp/json"; rc=$?
check "json exits 0" test "$rc" -eq 0
check "json has digest" grep -q '"digest"' "$tmp/json"

printf '{"text": "broken\n' >"$tmp/bad.jsonl"
printf '\x00\x01\x02' >"$tmp/bin.txt"
"$chorus" brief "$src/examples/harbour-bridge" "$tmp/bad.jsonl" "$tmp/bin.txt" "$tmp/missing.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "partial input exits 3" test "$rc" -eq 3
check "brief still printed" grep -q '^DIGEST' "$tmp/out"
check "broken JSON named with line" grep -q 'bad.jsonl:1: skipped: data_loss: broken JSON' "$tmp/err"
check "binary named" grep -q 'bin.txt: skipped: data_loss: binary' "$tmp/err"
check "missing named" grep -q 'missing.txt: skipped: not_found' "$tmp/err"

"$chorus" brief "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "nothing usable exits 1" test "$rc" -eq 1
check "says why" grep -q 'cannot brief' "$tmp/err"

"$chorus" brief --format xml "$src/examples" >/dev/null 2>&1; rc=$?
check "bad flag exits 2" test "$rc" -eq 2

cat "$src/examples/harbour-bridge/wire.jsonl" | "$chorus" brief --format plain - >"$tmp/out"; rc=$?
check "stdin JSONL works" test "$rc" -eq 0 -a -s "$tmp/out"

"$chorus" segment --stats "$src/examples" >"$tmp/out"; rc=$?
check "segment stats" grep -q '^articles 9$' "$tmp/out"

cp "$src/examples/harbour-bridge/courier.txt" "$tmp/copy.txt"
"$chorus" dedup "$src/examples" "$tmp/copy.txt" >"$tmp/out"; rc=$?
check "dedup exits 0" test "$rc" -eq 0
check "dedup finds the copy" grep -q '^10 articles, 1 near-duplicate copies in 1 groups$' "$tmp/out"

"$chorus" events "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "events exits 0" test "$rc" -eq 0
check "events finds two events" test "$(grep -c '^event ' "$tmp/out")" -eq 2
check "events reports its counts" grep -q '9 articles, 0 syndicated copies, 2 events' "$tmp/err"
# A syndicated copy (new headline, an Advertisement line) joins its original's event.
{ printf 'Title: Port Calder bridge falls into estuary\n\nAdvertisement\n\n'; sed '1,/^$/d' "$src/examples/harbour-bridge/courier.txt"; } >"$tmp/copy2.txt"
"$chorus" events --format jsonl "$src/examples/harbour-bridge" "$tmp/copy2.txt" "$tmp/bad.jsonl" "$src/examples/lindmoor-fire" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "events with a bad line exits 3" test "$rc" -eq 3
check "events names the bad line" grep -q 'bad.jsonl:1' "$tmp/err"
check "events jsonl: one line per event" test "$(wc -l <"$tmp/out")" -eq 2
check "events jsonl marks the copy" grep -q '"copy_of":' "$tmp/out"
cat "$src/examples/lindmoor-fire/feed.jsonl" | "$chorus" events --format jsonl - >"$tmp/out" 2>"$tmp/err"; rc=$?
check "events reads a stream on stdin" test "$rc" -eq 0 -a "$(wc -l <"$tmp/out")" -eq 1
"$chorus" events --briefs "$src/examples/lindmoor-fire" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "events --briefs exits 0" test "$rc" -eq 0
check "events --briefs writes the brief" grep -q 'Hallam Polymers' "$tmp/out"
# --format json: one array of the same objects; --sort size puts the biggest event first,
# --sort time the newest (the fire, in June, after the bridge's April).
"$chorus" events --format json "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "events json exits 0" test "$rc" -eq 0
check "events json is one array of two events" test "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$tmp/out")" = 2
"$chorus" events --sort time "$src/examples" >"$tmp/out" 2>/dev/null
check "events --sort time: newest first" test "$(grep -m1 '^event ' "$tmp/out" | grep -c Lindmoor)" -eq 1
"$chorus" events --sort size --format jsonl "$src/examples" >"$tmp/out" 2>/dev/null
check "events --sort size: biggest first" test "$(python3 -c 'import json,sys; s=[json.loads(l)["size"] for l in open(sys.argv[1])]; print(int(s == sorted(s, reverse=True) and s[0] > s[-1]))' "$tmp/out")" = 1
# One outlet is one outlet: a byline's name and the same outlet's domain count once, and
# a file's name is never an outlet.
printf 'Title: Harbour bridge collapse kills seven\nOutlet: Meridian Wire\n\n%s\n' "$(sed -n 's/.*"text": *"\([^"]*\)".*/\1/p' "$src/examples/harbour-bridge/wire.jsonl" | head -1)" >"$tmp/000_906e5495614f4ab8.txt"
"$chorus" events --format jsonl "$src/examples/harbour-bridge" "$tmp/000_906e5495614f4ab8.txt" >"$tmp/out" 2>/dev/null
check "events: a name and its domain are one outlet" test "$(python3 -c 'import json,sys; e=json.loads(open(sys.argv[1]).readline()); print(sorted(e["outlets"]))' "$tmp/out")" = "['Coastline News', 'Meridian Wire', 'Northgate Post', 'Riverside Daily', 'The Calder Courier']"
check "events: a file name is no outlet" test "$(grep -c 000_906e5495614f4ab8\"[:,] "$tmp/out")" -eq 0
{ sed 's/}$/, "event": "bridge"}/' "$src/examples/harbour-bridge/wire.jsonl"
  sed 's/}$/, "event": "fire"}/' "$src/examples/lindmoor-fire/feed.jsonl"; } >"$tmp/labelled.jsonl"
"$chorus" eval clustering --input "$tmp/labelled.jsonl" >"$tmp/out"; rc=$?
check "eval clustering exits 0" test "$rc" -eq 0
check "eval clustering is perfect on two clear events" grep -q 'F1 1.0000' "$tmp/out"

# eval summarize on a small DUC-style set built from the examples.
mkdir -p "$tmp/duc/docs/d1t" "$tmp/duc/models"
for f in "$src"/examples/harbour-bridge/*.txt; do
  { echo "<DOC><DOCNO> EX$(basename "$f" .txt) </DOCNO><TEXT>"; grep -v '^ date\|^Title:\|^Date:\|^Outlet:\|^Byline:\|^By ' "$f"; echo "</TEXT></DOC>"; } \
    >"$tmp/duc/docs/d1t/$(basename "$f" .txt)"
done
printf 'Seven people died when the Old Harbour Bridge in Port Calder collapsed.\nThe mayor ordered an inquiry.\n' \
  >"$tmp/duc/models/D1.M.100.T.A.html"
"$chorus" eval summarize --docs "$tmp/duc/docs" --models "$tmp/duc/models" --words 100 -r 50 --out "$tmp/duc/out" >"$tmp/out"; rc=$?
check "eval summarize exits 0" test "$rc" -eq 0
check "eval summarize prints ROUGE-2" grep -q '^ROUGE-2 ' "$tmp/out"
check "eval summarize keeps summaries" test -s "$tmp/duc/out/d1t.txt"
"$chorus" eval rouge --system "$tmp/duc/out/d1t.txt" --references "$tmp/duc/models/D1.M.100.T.A.html" -n 1 >"$tmp/out"; rc=$?
check "eval rouge exits 0" test "$rc" -eq 0
check "eval rouge prints ROUGE-1" grep -q '^1 ROUGE-1 Average_R: 0\.' "$tmp/out"
"$chorus" eval rouge --system "$tmp/nope.txt" --references "$tmp/nope2.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "eval rouge missing file exits 1" test "$rc" -eq 1

# The store: bad input in an ingest is reported and skipped, the rest is stored.
"$chorus" ingest --db "$tmp/news.db" "$src/examples" "$tmp/bad.jsonl" "$tmp/bin.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest with some bad input exits 3" test "$rc" -eq 3
check "ingest names the broken line" grep -q 'bad.jsonl:1: skipped: data_loss: broken JSON' "$tmp/err"
check "ingest stores the good articles" grep -q '9 articles added, 0 already stored' "$tmp/err"
"$chorus" ingest --db "$tmp/news.db" "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest again exits 0" test "$rc" -eq 0
check "ingest again is a no-op" grep -q '0 articles added, 9 already stored' "$tmp/err"
"$chorus" ingest --db "$tmp/news2.db" "$tmp/bad.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest of nothing usable exits 1" test "$rc" -eq 1
"$chorus" ingest --db "$tmp/no/such/dir/news.db" "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest into an impossible path exits 1" test "$rc" -eq 1
check "and names it" grep -q 'no/such/dir/news.db' "$tmp/err"
"$chorus" serve --db "$tmp/missing.db" --port 0 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "serve of a missing database exits 1" test "$rc" -eq 1
check "and names it" grep -q 'missing.db' "$tmp/err"
"$chorus" serve --db "$tmp/news.db" --port 70000 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "serve with a bad port exits 2" test "$rc" -eq 2
"$chorus" brief --format html "$src/examples/lindmoor-fire" >"$tmp/page.html"; rc=$?
check "brief as HTML exits 0" test "$rc" -eq 0
check "HTML page has sentence anchors" grep -q 'class="s" id="a1-s0"' "$tmp/page.html"
check "HTML page has no script" bash -c "! grep -q '<script' '$tmp/page.html'"

# Articles about several events get a brief each (issue 12): one brief would pair the
# figures of unrelated events as revisions.
"$chorus" brief "$src/examples" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "several events: exits 0" test "$rc" -eq 0
check "several events: one brief each" test "$(grep -c '^EVENT [0-9] of 2' "$tmp/out")" -eq 2
check "several events: says so" grep -q 'report 2 events' "$tmp/err"
check "several events: no figure paired across them" bash -c "! grep -q 'revised from 12 (.*Calder\|Calder.*revised from 12' '$tmp/out'"
"$chorus" brief --one-event "$src/examples" >"$tmp/out" 2>/dev/null
check "--one-event: one brief" test "$(grep -c '^HEADLINE' "$tmp/out")" -eq 1
"$chorus" brief --format json "$src/examples" 2>/dev/null >"$tmp/out"
check "several events as JSON Lines" test "$(wc -l <"$tmp/out")" -eq 2
"$chorus" brief --format html "$src/examples" >/dev/null 2>"$tmp/err"; rc=$?
check "several events as one HTML page: exits 1" test "$rc" -eq 1
check "and says what to do" grep -q 'events --briefs' "$tmp/err"
# The revised injured count: the headline states the current 15, not the 12 it replaced.
"$chorus" brief "$src/examples/lindmoor-fire" >"$tmp/out"
check "headline has the current figure" bash -c "sed -n 2p '$tmp/out' | grep -qi 'fifteen\|15'"

# Web pages (issue 13): extract prints news-please JSON Lines that chorus reads back; every
# reading command takes .html, .html.gz and HTML on stdin; page furniture stays out.
page="$src/tests/data/html/valley-echo.html"
"$chorus" extract "$page" >"$tmp/page.jsonl" 2>"$tmp/err"; rc=$?
check "extract exits 0" test "$rc" -eq 0
check "extract: one JSON line" test "$(wc -l <"$tmp/page.jsonl")" -eq 1
check "extract: the body" grep -q '"maintext":"Inspectors warned Hallam Polymers' "$tmp/page.jsonl"
check "extract: authors as names" grep -q '"authors":\["Grace Whitfield"\]' "$tmp/page.jsonl"
check "extract: the publication date" grep -q '"date_publish":"2026-06-05T11:20:00+01:00"' "$tmp/page.jsonl"
check "extract: no comment, cookie banner or newsletter" bash -c "! grep -q 'ferryroadresident\|twenty years\|cookies\|Sign up\|Share on' '$tmp/page.jsonl'"
"$chorus" segment --stats - <"$tmp/page.jsonl" >"$tmp/out"; rc=$?
check "extract's output is chorus input" test "$rc" -eq 0 -a "$(grep -c '^articles 1$' "$tmp/out")" -eq 1
"$chorus" extract -f text "$page" >"$tmp/out"
check "extract -f text: the text format's header" grep -q '^Outlet: The Valley Echo$' "$tmp/out"
"$chorus" segment --stats - <"$page" >"$tmp/out"; rc=$?
check "HTML on stdin is detected" test "$rc" -eq 0 -a "$(grep -c '^articles 1$' "$tmp/out")" -eq 1
gzip -c "$page" >"$tmp/page.html.gz"
"$chorus" segment --stats "$tmp/page.html.gz" >"$tmp/out"; rc=$?
check "a .html.gz page is read" test "$rc" -eq 0 -a "$(grep -c '^articles 1$' "$tmp/out")" -eq 1
"$chorus" brief "$src/examples/lindmoor-fire" "$page" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "brief with a web page exits 0" test "$rc" -eq 0
check "the page's article is cited" grep -q 'inspectors.*\[5\]' "$tmp/out"
check "no markup or furniture in the brief" bash -c "! grep -q 'Subscribe\|cookies\|Share on\|ferryroadresident\|newsletter\|£1\|100%' '$tmp/out'"
printf '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>' >"$tmp/nav.html"
"$chorus" brief "$src/examples/lindmoor-fire" "$tmp/nav.html" >/dev/null 2>"$tmp/err"; rc=$?
check "a page without an article exits 3" test "$rc" -eq 3
check "and is named" grep -q 'nav.html: skipped: empty: no article text' "$tmp/err"
"$chorus" extract "$tmp/nav.html" >/dev/null 2>&1; rc=$?
check "extract of nothing usable exits 1" test "$rc" -eq 1
printf '<html><body><p>A paragraph long enough to be the article, with a line separator \xe2\x80\xa8 inside it, as pasted text has.</p></body></html>' >"$tmp/u2028.html"
"$chorus" extract "$tmp/u2028.html" >"$tmp/out"
check "extract escapes U+2028 (a line break to many JSON Lines readers)" grep -q 'separator \\u2028 inside' "$tmp/out"
printf 'x' >"$tmp/page.pdf"
"$chorus" segment "$tmp/page.pdf" >/dev/null 2>"$tmp/err"
check "an unknown extension names the flag" grep -q 'use --input-format' "$tmp/err"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
