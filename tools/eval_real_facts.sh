#!/usr/bin/env bash
# Scores chorus's facts on the real wire copy labelled in labelled/real/ (figures per kind,
# quotes, speakers, statuses), the tune and held-out halves apart.
# Usage: tools/eval_real_facts.sh [-v] [tune|heldout|all]   (needs ../shared/data)
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
for c in $(grep -o '"path": "[^/"]*' labelled/real/facts.jsonl | cut -d'"' -f4 | awk '!seen[$0]++'); do
  for d in "$data"/duc2003/docs/"$c" "$data"/duc2006-dev/docs/"$c" "$data"/duc2007-update-dev/docs/*/"$c"; do
    [ -d "$d" ] && inputs+=("$d")
  done
done
for set in ${sets[@]:-""}; do
  echo "== ${set:-all} =="
  "$chorus" eval facts --input "${inputs[@]}" --gold labelled/real/facts.jsonl \
      --statuses labelled/real/statuses.jsonl ${set:+--set "$set"} "${verbose[@]}"
done
