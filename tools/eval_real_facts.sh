#!/usr/bin/env bash
# Scores chorus's facts on the real wire copy labelled in labelled/real/ (figures per kind,
# quotes, speakers, statuses), the tune and held-out halves apart.
# Usage: tools/eval_real_facts.sh [-v] [tune|heldout|fresh|fresh2|...|fresh5|all]   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
verbose=()
[ "${1:-}" = "-v" ] && { verbose=(-v); shift; }
sets=("${1:-tune heldout}")
[ "${1:-}" = "all" ] && sets=("")
data=../shared/data
chorus=${CHORUS:-build/cli/chorus}
[ -d "$data/duc2003" ] || { echo "eval_real_facts: $data/duc2003 not found, skipped"; exit 0; }
inputs=()
links=$(mktemp -d)
trap 'rm -rf "$links"' EXIT
for c in $(grep -o '"path": "[^/"]*' labelled/real/facts.jsonl | cut -d'"' -f4 | awk '!seen[$0]++'); do
  for d in "$data"/duc2003/docs/"$c" "$data"/duc2006-dev/docs/"$c" "$data"/duc2007-update-dev/docs/*/"$c"; do
    [ -d "$d" ] && inputs+=("$d")
  done
  # MultiLing's WikiNews topics (M001 = M0010..M0019.english): linked as TOPIC/FILE.txt,
  # so that they read as plain text and their topic is their folder.
  if [[ "$c" =~ ^M[0-9]{3}$ ]]; then
    mkdir -p "$links/$c"
    for f in "$data"/multiling2011-dev/SourceTexts/"$c"?.english; do
      [ -f "$f" ] && ln -sfn "$(realpath "$f")" "$links/$c/$(basename "$f" .english).txt"
    done
    inputs+=("$links/$c")
  fi
done
for set in ${sets[@]:-""}; do
  echo "== ${set:-all} =="
  "$chorus" eval facts --input "${inputs[@]}" --gold labelled/real/facts.jsonl \
      --statuses labelled/real/statuses.jsonl ${set:+--set "$set"} "${verbose[@]}"
done
