#!/usr/bin/env bash
# B-cubed of chorus's online clustering against the peer clusterers in ../shared/peers
# (TF-IDF + scikit-learn agglomerative / DBSCAN: offline, they see every article at once),
# on DUC 2003 (60 TDT/TREC topics, articles in date order) and on labelled/events.jsonl.
# Usage: bench/cluster_quality.sh   (needs ../shared; installs the peers' Debian packages)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
[ -d "$shared/peers" ] || { echo "no $shared/peers"; exit 1; }
python3 -c 'import sklearn' 2>/dev/null || /usr/bin/python3 -c 'import sklearn' 2>/dev/null || bash "$shared/peers/install.sh" >/dev/null
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target chorus_cli >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# bcubed FILE: B-cubed of "<gold>__NNNNN.txt<TAB>cluster" lines.
bcubed() {
  awk -F'\t' '{ split($1, p, "__"); g[NR] = p[1]; c[NR] = $2; gs[p[1]]++; cs[$2]++; both[p[1] SUBSEP $2]++ }
    END { for (i = 1; i <= NR; i++) { s = both[g[i] SUBSEP c[i]]; P += s / cs[c[i]]; R += s / gs[g[i]] }
          P /= NR; R /= NR; n = 0; for (k in cs) n++
          printf "predicted events %4d  B-cubed precision %.4f  recall %.4f  F1 %.4f\n", n, P, R, 2 * P * R / (P + R) }' "$1"
}

evaluate() {
  local name=$1
  shift
  echo "== $name"
  printf '  %-28s ' "chorus (online, defaults)"
  build/cli/chorus eval clustering "$@" --export-docs "$tmp/$name" | tail -1
  printf '  %-28s ' "chorus --window-days 0"
  build/cli/chorus eval clustering "$@" --window-days 0 | tail -1
  for peer in "sklearn-agglo" "sklearn-agglo 0.7" "sklearn-agglo 0.95" "sklearn-dbscan" "sklearn-dbscan 0.7"; do
    set -- $peer
    printf '  %-28s ' "$peer"
    "$shared/peers/drivers/bin/$1" "$tmp/$name" ${2:-} >"$tmp/out.tsv" && bcubed "$tmp/out.tsv"
  done
}

evaluate duc2003 --docs "$shared/data/duc2003/docs" --models "$shared/data/duc2003/models"
evaluate labelled --input labelled/events.jsonl
