#!/usr/bin/env bash
# Speed of `chorus eval rouge` against the original ROUGE-1.5.5 perl script on the same
# input: chorus's summaries of the DUC 2003 TDT clusters (100 words) and of DUC 2006
# (250 words) against their human references, with the full DUC settings
# (-n 4 -w 1.2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0). Checks that both print the
# same scores before it reports times. Needs ../shared and perl's XML::DOM.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd .. && pwd)/shared
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build --target chorus_cli >/dev/null
chorus=$(pwd)/build/cli/chorus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. tools/perl_rouge.sh
perl_rouge_copy "$shared/tools/rouge-1.5.5" "$tmp/rouge"
now() { date +%s%N; }
run_set() {  # run_set NAME DATA_DIR WORDS MATCH
  local name=$1 data=$2 words=$3 match=$4 models="$2/models"
  "$chorus" eval summarize --docs "$data/docs" --models "$models" --words "$words" --match "$match" -r 10 \
    --out "$tmp/$name" >/dev/null
  local xml="$tmp/$name.xml" pairs="$tmp/$name.pairs"
  echo '<ROUGE_EVAL version="1.5.5">' >"$xml"; : >"$pairs"
  for f in "$tmp/$name"/*.txt; do
    local id=$(basename "$f" .txt) key
    key=$(echo "$id" | tr a-z A-Z | sed 's/[A-Z]$//')
    echo "<EVAL ID=\"$id\"><PEER-ROOT>$tmp/$name</PEER-ROOT><MODEL-ROOT>$models</MODEL-ROOT><INPUT-FORMAT TYPE=\"SPL\"></INPUT-FORMAT><PEERS><P ID=\"1\">$id.txt</P></PEERS><MODELS>" >>"$xml"
    local line="$id $f"
    for m in $(ls "$models" | grep "^$key\.M\.$words\."); do
      echo "<M ID=\"$(echo "$m" | cut -d. -f5)\">$m</M>" >>"$xml"; line="$line $models/$m"
    done
    echo "</MODELS></EVAL>" >>"$xml"; echo "$line" >>"$pairs"
  done
  echo '</ROUGE_EVAL>' >>"$xml"
  local opts=(-n 4 -w 1.2 -2 4 -u -m -l "$words" -c 95 -r 1000 -f A -p 0.5 -t 0)
  local t0=$(now)
  (cd "$tmp/rouge/ROUGE" && perl ROUGE-1.5.5.pl -e data "${opts[@]}" -a "$xml") | grep Average >"$tmp/perl.txt"
  local t1=$(now)
  "$chorus" eval rouge --pairs "$pairs" "${opts[@]}" | grep Average >"$tmp/chorus.txt"
  if ! diff -q "$tmp/perl.txt" "$tmp/chorus.txt" >/dev/null; then echo "$name: scores differ, not timing"; return 1; fi
  local runs=20 t2=$(now)
  for _ in $(seq $runs); do "$chorus" eval rouge --pairs "$pairs" "${opts[@]}" >/dev/null; done
  local t3=$(now)
  awk -v n="$name" -v e="$(wc -l <"$pairs")" -v p=$((t1 - t0)) -v c=$(((t3 - t2) / runs)) \
    'BEGIN { printf "%-8s %3d evals: perl %8.1f ms, chorus %6.1f ms (mean of 20 runs, start-up included): %.0fx faster, same 21 scores\n", n, e, p/1e6, c/1e6, p/c }'
}
run_set duc2003 "$shared/data/duc2003" 100 't$'
run_set duc2006 "$shared/data/duc2006-dev" 250 '.'
