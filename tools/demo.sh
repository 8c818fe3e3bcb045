#!/usr/bin/env bash
# Installs what is missing, builds chorus (Release) and runs it on the shipped examples:
# the articles as one stream, grouped into events, each with its brief (digest with
# citations, key figures, who said what, entities, timeline); then the 24-article labelled
# stream of eight fictional events, grouped; then both into a SQLite database that
# `chorus serve` can serve (the command to start it is printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCH=OFF >/dev/null
cmake --build build --target chorus_cli
echo "=== chorus events --briefs examples"
build/cli/chorus events --briefs examples
echo
echo "=== chorus brief examples/lindmoor-fire tests/data/html/valley-echo.html   (a web page joins the event)"
build/cli/chorus brief examples/lindmoor-fire tests/data/html/valley-echo.html
echo
echo "=== chorus events labelled/events.jsonl"
build/cli/chorus events labelled/events.jsonl
echo
echo "=== chorus ingest --db build/demo.db examples labelled/events.jsonl"
rm -f build/demo.db build/demo.db-wal build/demo.db-shm
build/cli/chorus ingest --db build/demo.db examples labelled/events.jsonl
echo "serve it:  build/cli/chorus serve --db build/demo.db   # then open http://127.0.0.1:8080/"
