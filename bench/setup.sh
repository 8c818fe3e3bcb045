# bench/setup.sh: sourced by the bench scripts. Installs what they need (Debian packages,
# GNU time for peak RSS), builds the Release CLI and benchmark, and makes $tmp, removed
# on exit.
tools/deps.sh
command -v /usr/bin/time >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq time >/dev/null; }
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHORUS_BUILD_BENCH=ON >/dev/null
cmake --build build --target chorus_bench chorus_cli >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
