#!/usr/bin/env bash
# Builds a database of the examples, serves it on a free loopback port and runs the
# Chromium check (highlight.mjs). Exit 77 (skipped) when Chromium, Node or the npm
# packages are missing, unless CI=true: there they must be installed (tools/test.sh).
# Usage: run.sh CHORUS_BINARY SOURCE_DIR
set -uo pipefail
chorus=$1
src=$2
here=$src/tests/browser
missing=""
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing="chromium"
command -v node >/dev/null || missing="$missing node"
[ -d "$here/node_modules/playwright-core" ] || missing="$missing playwright-core (npm ci in tests/browser)"
if [ -n "$missing" ]; then
  echo "browser test needs: $missing"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
"$chorus" ingest -q --db "$tmp/news.db" "$src/examples" || exit 1
"$chorus" serve --db "$tmp/news.db" --port 0 >"$tmp/serve.out" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  grep -q "serving" "$tmp/serve.out" 2>/dev/null && break
  sleep 0.1
done
base=$(grep -o 'http://[0-9.]*:[0-9]*' "$tmp/serve.out" | head -1)
[ -n "$base" ] || { echo "server did not start: $(cat "$tmp/serve.out")"; exit 1; }
node "$here/highlight.mjs" "$base" "${BROWSER_SHOTS:-}"
