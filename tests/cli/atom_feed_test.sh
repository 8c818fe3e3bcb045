#!/usr/bin/env bash
# The Atom feeds of events (issue 16): `chorus events --format atom` and the server's
# /feed.atom, checked against RFC 4287's rules by tests/cli/atom_check.py (Python's XML
# parser), with permanent ids, update entries and links a feed reader follows.
# Usage: atom_feed_test.sh CHORUS SOURCE_DIR
set -u
chorus=$1
src=$2
command -v python3 >/dev/null || { echo "SKIP: needs python3"; exit 77; }
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
. "$src/tests/cli/lib.sh"
atom_check() { python3 "$src/tests/cli/atom_check.py" "$@"; }
valid() { atom_check "$@" >/dev/null; }
bridge="$src/examples/harbour-bridge"

"$chorus" events --format atom "$src/examples" >"$tmp/cli.atom" 2>/dev/null
check "events --format atom is valid Atom" valid "$tmp/cli.atom"
atom_check "$tmp/cli.atom" >"$tmp/cli.entries" 2>/dev/null
check "one entry per event (two in the examples)" test "$(wc -l <"$tmp/cli.entries")" -eq 2
check "entry ids are tag: URIs of the event id" grep -q "^tag:chorus,2026:event/1	" "$tmp/cli.entries"
check "the brief's citations link to the sources" grep -q "href=&quot;https://www.meridianwire.example/world/port-calder-bridge&quot;" "$tmp/cli.atom"
check "each source is a related link" grep -q '<link rel="related" href="https://coastline.example/news/bridge-what-we-know"/>' "$tmp/cli.atom"

# The server: a database built in two steps, so the bridge event has two versions.
"$chorus" ingest --db "$tmp/news.db" "$bridge/wire.jsonl" 2>/dev/null
"$chorus" ingest --db "$tmp/news.db" "$bridge/courier.txt" "$bridge/northgate-post.txt" "$bridge/riverside-daily.txt" \
  "$src/examples/lindmoor-fire" 2>/dev/null
port=$(free_port)
"$chorus" serve --db "$tmp/news.db" --port "$port" >/dev/null 2>&1 &
server=$!
wait_for_port "$port"
get() { python3 -c "import sys, urllib.request; r = urllib.request.urlopen('http://127.0.0.1:$port$1'); print(r.headers['Content-Type']); sys.stdout.write(r.read().decode())"; }
get /feed.atom >"$tmp/served" 2>/dev/null
head -1 "$tmp/served" >"$tmp/type"; tail -n +2 "$tmp/served" >"$tmp/feed.atom"
check "/feed.atom is served as application/atom+xml" grep -q "^application/atom+xml" "$tmp/type"
check "/feed.atom is valid Atom with a self link" valid "$tmp/feed.atom" --self
atom_check "$tmp/feed.atom" >"$tmp/entries" 2>/dev/null
check "one entry per event" test "$(wc -l <"$tmp/entries")" -eq 2
check "entries link to the event pages" grep -q "<link rel=\"alternate\" type=\"text/html\" href=\"http://127.0.0.1:$port/events/[0-9]*\"/>" "$tmp/feed.atom"
bridge_id=$(grep 'Calder' "$tmp/entries" | cut -f1)
get "/feed.atom?updates=1" 2>/dev/null | tail -n +2 >"$tmp/updates.atom"
check "/feed.atom?updates=1 is valid Atom" valid "$tmp/updates.atom" --self
atom_check "$tmp/updates.atom" >"$tmp/update.entries" 2>/dev/null
check "an update is its own entry, titled Updated:" grep -q "/v2	.*	Updated: " "$tmp/update.entries"
check "the update entry links to what is new since v1" grep -q "/events/[0-9]*?since=1\"/>" "$tmp/updates.atom"
check "the update says what the known articles were" grep -q "New since the 2 articles read before" "$tmp/updates.atom"
get "/feed.atom?q=bridge" 2>/dev/null | tail -n +2 >"$tmp/search.atom"
atom_check "$tmp/search.atom" >"$tmp/search.entries" 2>/dev/null
check "?q= follows a search" test "$(wc -l <"$tmp/search.entries")" -eq 1

# A new version keeps the entry's id and bumps updated.
sleep 1.1  # updated is to the second
printf 'Title: Port Calder bridge: engineers begin inspection of cables\nDate: 2026-04-16\nOutlet: Harbour Gazette\n\nEngineers began inspecting the cables of the Old Harbour Bridge in Port Calder on Thursday, three days after its central span collapsed into the estuary, killing seven people.\n\nMayor Elena Varga said the independent inquiry into the collapse would hear its first evidence next month.\n' >"$tmp/gazette.txt"
"$chorus" ingest --db "$tmp/news.db" "$tmp/gazette.txt" 2>"$tmp/gazette.log"
get /feed.atom 2>/dev/null | tail -n +2 >"$tmp/later.atom"
atom_check "$tmp/later.atom" >"$tmp/later.entries" 2>/dev/null
before=$(grep "^$bridge_id	" "$tmp/entries" | cut -f2)
after=$(grep "^$bridge_id	" "$tmp/later.entries" | cut -f2)
check "the event keeps its entry id after a new version" test -n "$after"
check "its updated time moves on" test "$after" \> "$before"
finish
