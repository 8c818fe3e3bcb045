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

echo "$passed passed, $failed failed"
test "$failed" -eq 0
