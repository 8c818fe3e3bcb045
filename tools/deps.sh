#!/usr/bin/env bash
# Installs the Debian packages chorus builds with, when any is missing; extra package
# names given as arguments are installed too (tools/test.sh: what the browser test needs).
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
          nlohmann-json3-dev libutf8proc-dev libstemmer-dev libsimdjson-dev libtbb-dev
          libsqlite3-dev libcpp-httplib-dev sqlite3 libxml2-dev zlib1g-dev libcurl4-openssl-dev
          python3 wget  # the CLI tests: JSON checks, a loopback web server, a crawl written as WARC
          perl libxml-dom-perl  # perl + XML::DOM: the reference ROUGE-1.5.5 in the parity test
          "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "chorus: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
