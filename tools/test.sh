#!/usr/bin/env bash
# Installs what is missing, then builds and runs every test twice: a Release build, and
# a Debug build under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser test drives Debian's Chromium with playwright-core (npm, pinned in
# tests/browser/package-lock.json); Node comes from Debian unless one is installed.
browser=(chromium)
command -v node >/dev/null || browser+=(nodejs)
command -v npm >/dev/null || browser+=(npm)
tools/deps.sh "${browser[@]}"
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
jobs=$(nproc)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_TESTS=ON -DCHORUS_BUILD_BENCH=ON >/dev/null
cmake --build build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCHORUS_SANITIZE=ON -DCHORUS_BUILD_TESTS=ON \
      -DCHORUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j "$jobs")
