#!/usr/bin/env bash
# Installs what is missing, builds chorus (Release) and briefs the shipped example events.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_TESTS=OFF -DCHORUS_BUILD_BENCH=OFF >/dev/null
cmake --build build --target chorus_cli
for event in examples/*/; do
  echo "=== chorus brief $event"
  build/cli/chorus brief "$event"
  echo
done
