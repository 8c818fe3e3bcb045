#!/usr/bin/env bash
# B-cubed of chorus's online clustering against the peer clusterers in ../shared/peers
# (TF-IDF + scikit-learn agglomerative / DBSCAN: offline, they see every article at once),
# on every labelled set: DUC 2003 (60 topics: 30 TDT events, 30 TREC topics, together and
# apart), DUC 2006 (25 topic clusters),
# DUC 2007 update (5 topics, three subsets each), MultiLing 2011 English (5 WikiNews
# topics), all of them as one stream, and labelled/events.jsonl. Articles arrive in date
# order (undated last).
# Usage: bench/cluster_quality.sh [--quick]   (--quick: chorus and sklearn-agglo only)
# Needs ../shared; installs the peers' Debian packages once.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
quick=${1:-}
[ -d "$shared/peers" ] || { echo "no $shared/peers"; exit 1; }
python3 -c 'import sklearn' 2>/dev/null || /usr/bin/python3 -c 'import sklearn' 2>/dev/null || bash "$shared/peers/install.sh" >/dev/null
if [ ! -x build/cli/chorus ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
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
  printf '  %-28s ' "chorus, dates withheld"
  build/cli/chorus eval clustering "$@" --no-dates | tail -1
  local peers=("sklearn-agglo" "sklearn-agglo 0.7" "sklearn-agglo 0.95" "sklearn-dbscan" "sklearn-dbscan 0.7")
  [ "$quick" = --quick ] && peers=("sklearn-agglo")
  for peer in "${peers[@]}"; do
    set -- $peer
    printf '  %-28s ' "$peer"
    "$shared/peers/drivers/bin/$1" "$tmp/$name" ${2:-} >"$tmp/out.tsv" && bcubed "$tmp/out.tsv"
  done
}

# MultiLing's English documents are flat files M00TD.english (topic T, document D).
mkdir -p "$tmp/multiling"
for f in "$shared"/data/multiling2011-dev/SourceTexts/M00??.english; do
  topic=$(basename "$f" .english)
  mkdir -p "$tmp/multiling/${topic:0:4}"
  ln -s "$(realpath "$f")" "$tmp/multiling/${topic:0:4}/$topic.txt"
done

# DUC 2003's TDT event clusters (d3xxxxt) and TREC topic clusters (d1xx), apart; and every
# real set above as one stream of 95 topics (the hardest: related topics meet).
mkdir -p "$tmp/tdt" "$tmp/trec" "$tmp/all-real"
for c in "$shared"/data/duc2003/docs/*/; do
  name=$(basename "$c")
  case $name in d3*) ln -s "$(realpath "$c")" "$tmp/tdt/$name" ;; *) ln -s "$(realpath "$c")" "$tmp/trec/$name" ;; esac
done
for c in "$shared"/data/duc2003/docs/*/ "$shared"/data/duc2006-dev/docs/*/ "$shared"/data/duc2007-update-dev/docs/*/ "$tmp"/multiling/*/; do
  ln -s "$(realpath "$c")" "$tmp/all-real/$(basename "$c")"
done

evaluate duc2003 --docs "$shared/data/duc2003/docs" --models "$shared/data/duc2003/models"
evaluate duc2003-tdt --folders "$tmp/tdt"
evaluate duc2003-trec --folders "$tmp/trec"
evaluate duc2006 --folders "$shared/data/duc2006-dev/docs"
evaluate duc2007-update --folders "$shared/data/duc2007-update-dev/docs"
evaluate multiling-en --folders "$tmp/multiling"
evaluate all-real --folders "$tmp/all-real"
evaluate labelled --input labelled/events.jsonl
# The defaults were chosen on the tune half of each set (even-numbered topics by name);
# the test half was not looked at while choosing.
for half in tune test; do
  echo "== chorus on the $half half"
  for set in "duc2003-tdt $tmp/tdt" "duc2003-trec $tmp/trec" "duc2006 $shared/data/duc2006-dev/docs" \
             "duc2007-update $shared/data/duc2007-update-dev/docs" "multiling-en $tmp/multiling"; do
    printf '  %-28s ' "${set%% *}"
    set=--folders\ ${set#* }
    build/cli/chorus eval clustering $set --half $half | tail -1
  done
done
