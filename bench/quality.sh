#!/usr/bin/env bash
# Quality side by side: chorus, its baselines and every peer summarizer in
# ../shared/peers on the same clusters, all scored by chorus's ROUGE-1.5.5 (which the
# parity test checks against the perl scorer) with the DUC settings
# -n 2 -2 4 -u -m -l WORDS -c 95 -r 1000 -f A -p 0.5. Prints one table per data set.
# Usage: bench/quality.sh [duc2003|heldout|duc2006|all] [peer...]
# heldout: DUC 2003's 30 task-3 clusters (d100a..d129j), never used to choose defaults.   (peers: all by default)
# PEER_TIMEOUT (seconds per cluster, default 300) bounds slow peers: sumy KL takes ~10 min
# per 25-document DUC 2006 cluster here.
set -euo pipefail
cd "$(dirname "$0")/.."
which_set=${1:-all}; shift || true
shared=$(cd .. && pwd)/shared
peers_dir="$shared/peers/drivers/bin"
peers=("$@")
# sumy and gensim no longer install here: a peer whose driver is missing, or fails on the
# first cluster, is skipped with a message (its measured figures stay in the README).
[ ${#peers[@]} -gt 0 ] || peers=(lexrankr ots gensim-textrank sumy-lex-rank sumy-text-rank sumy-lsa sumy-luhn sumy-sum-basic sumy-kl)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build --target chorus_cli >/dev/null
chorus=build/cli/chorus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run_set() {  # run_set NAME DOCS MODELS WORDS MATCH
  local name=$1 docs=$2 models=$3 words=$4 match=$5
  echo "== $name ($words words), $(date -u +%F)"
  printf '%-22s %-8s %-8s %-8s %s\n' system R1 R2 SU4 s/cluster
  local summ=(eval summarize --docs "$docs" --models "$models" --words "$words" --match "$match")
  local row
  for variant in "coverage" "centroid" "lead" "random"; do
    local args=(--method coverage); local label="chorus"
    case $variant in
      centroid) args=(--method centroid); label="chorus --method centroid" ;;
      lead) args=(--baseline lead); label="baseline lead" ;;
      random) args=(--baseline random); label="baseline random" ;;
    esac
    local start=$(date +%s%N)
    "$chorus" "${summ[@]}" "${args[@]}" --export-docs "$tmp/$name/docs" >"$tmp/out.txt"
    local secs=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN{print (b-a)/1e9}')
    local n=$(awk '/^system:/ {print $5}' "$tmp/out.txt")
    row=$(awk -v l="$label" -v t="$secs" -v n="$n" '/^ROUGE-1 /{r1=$2} /^ROUGE-2 /{r2=$2} /^ROUGE-SU4 /{su=$2}
          END {printf "%-22s %-8s %-8s %-8s %.3f\n", l, r1, r2, su, t/n}' "$tmp/out.txt")
    echo "$row"
  done
  # Peers read the same documents as plain text; the pairs file names their references.
  for peer in "${peers[@]}"; do
    if [ ! -x "$peers_dir/$peer" ]; then echo "$peer: not installed here; skipped"; continue; fi
    local first=$(ls -d "$tmp/$name/docs"/*/ | head -1)
    timeout "${PEER_TIMEOUT:-300}" "$peers_dir/$peer" "$first" "$words" >"$tmp/probe.txt" 2>/dev/null || true
    if ! grep -q '[[:alpha:]]' "$tmp/probe.txt"; then
      echo "$peer: does not run here (run ../shared/peers/install.sh); skipped"; continue
    fi
    local out="$tmp/$name/$peer"; mkdir -p "$out"; : >"$tmp/pairs.txt"
    local start=$(date +%s%N) n=0 timeouts=0
    for cdir in "$tmp/$name/docs"/*/; do
      local id=$(basename "$cdir"); local key=$(echo "$id" | tr a-z A-Z | sed 's/[A-Z]$//')
      timeout "${PEER_TIMEOUT:-300}" "$peers_dir/$peer" "$cdir" "$words" >"$out/$id.txt" 2>/dev/null || timeouts=$((timeouts + 1))
      echo "$id $out/$id.txt $(ls "$models" | grep "^$key\.M\.$words\." | sed "s#^#$models/#" | tr '\n' ' ')" >>"$tmp/pairs.txt"
      n=$((n + 1))
    done
    local secs=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN{print (b-a)/1e9}')
    "$chorus" eval rouge --pairs "$tmp/pairs.txt" -n 2 -x -2 4 -u -m -l "$words" -c 95 -r 1000 -f A -p 0.5 >"$tmp/r.txt"
    awk -v l="$peer" -v t="$secs" -v n="$n" -v to="$timeouts" '/ROUGE-1 Average_R/{r1=$4} /ROUGE-2 Average_R/{r2=$4} /ROUGE-SU4 Average_R/{su=$4}
        END {printf "%-22s %-8s %-8s %-8s %.3f%s\n", l, r1, r2, su, t/n, (to > 0 ? "  (" to " clusters failed or timed out: scored empty)" : "")}' "$tmp/r.txt"
  done
}
case $which_set in
  duc2003|all) run_set duc2003 "$shared/data/duc2003/docs" "$shared/data/duc2003/models" 100 't$' ;;
esac
case $which_set in
  heldout|all) run_set duc2003-task3-heldout "$shared/data/duc2003/docs" "$shared/data/duc2003/models" 100 '^d1[0-9][0-9][a-j]$' ;;
esac
case $which_set in
  duc2006|all) run_set duc2006 "$shared/data/duc2006-dev/docs" "$shared/data/duc2006-dev/models" 250 '.' ;;
esac
