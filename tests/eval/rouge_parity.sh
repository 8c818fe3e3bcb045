#!/usr/bin/env bash
# Differential test: chorus's C++ ROUGE against the original ROUGE-1.5.5 perl script on
# real summaries (the DUC 2003 human summaries, each scored against the others, and the
# scorer's own worked example), under several option sets. Every printed score must be
# identical. Skips (exit 77) when ../shared or perl's XML::DOM is missing.
# Usage: rouge_parity.sh CHORUS SHARED_DIR
set -u
chorus=$1
shared=$2
rouge_src="$shared/tools/rouge-1.5.5"
models="$shared/data/duc2003/models"
if [ ! -d "$rouge_src" ] || [ ! -d "$models" ] || ! perl -MXML::DOM -e1 2>/dev/null; then
  echo "SKIP: needs $rouge_src, $models and perl's XML::DOM (libxml-dom-perl)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../../tools/perl_rouge.sh"
perl_rouge_copy "$rouge_src" "$tmp/rouge"

# Evaluations: for each TDT cluster, reference A is the "system", B, C, D... the models.
xml="$tmp/settings.xml"; pairs="$tmp/pairs.txt"
echo '<ROUGE_EVAL version="1.5.5">' >"$xml"
: >"$pairs"
for first in $(ls "$models" | grep -E '^D3[01][0-9]+\.M\.100\.T\.[A-Z]\.html$' | awk -F. '!seen[$1]++'); do
  id=${first%%.*}
  mapfile -t all < <(ls "$models" | grep "^$id\.M\.100\.T\." | sort)
  [ ${#all[@]} -ge 3 ] || continue
  echo "<EVAL ID=\"$id\"><PEER-ROOT>$models</PEER-ROOT><MODEL-ROOT>$models</MODEL-ROOT><INPUT-FORMAT TYPE=\"SPL\"></INPUT-FORMAT><PEERS><P ID=\"1\">${all[0]}</P></PEERS><MODELS>" >>"$xml"
  line="$id $models/${all[0]}"
  for m in "${all[@]:1}"; do
    echo "<M ID=\"$(echo "$m" | cut -d. -f5)\">$m</M>" >>"$xml"
    line="$line $models/$m"
  done
  echo "</MODELS></EVAL>" >>"$xml"
  echo "$line" >>"$pairs"
done
echo '</ROUGE_EVAL>' >>"$xml"

passed=0; failed=0
compare() {  # compare NAME OPTIONS...
  local name=$1; shift
  (cd "$tmp/rouge/ROUGE" && perl ROUGE-1.5.5.pl -e data "$@" -a "$xml") | grep Average >"$tmp/perl.txt"
  "$chorus" eval rouge --pairs "$pairs" "$@" | grep Average >"$tmp/chorus.txt"
  if [ -s "$tmp/perl.txt" ] && diff "$tmp/perl.txt" "$tmp/chorus.txt" >"$tmp/diff.txt"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $name"; head -20 "$tmp/diff.txt"
  fi
}
compare duc2004 -n 4 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0
compare duc2004-su4 -n 4 -2 4 -u -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0
compare duc2006-style -n 4 -w 1.2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0
compare stopwords-bytes -n 2 -s -m -b 665 -c 95 -r 1000 -f A -p 0.5 -t 0
compare best-model -n 2 -l 50 -f B -p 0.3 -c 90 -r 500 -t 0
compare skip-any-no-stem -n 1 -2 -1 -x -r 200 -t 0
# The stemmer alone, word by word, over the vocabulary of the DUC documents and summaries:
# the script's own `stem` sub and WordNet lookup run by perl, against `chorus eval stem`.
{ echo 'use DB_File;'; sed -n '/^sub stem/,$p' "$tmp/rouge/ROUGE/ROUGE-1.5.5.pl"
  echo 'tie %exceptiondb, "DB_File", $ARGV[0], O_RDONLY, 0440, $DB_HASH or die; &initialise();'
  echo 'while (<STDIN>) { chomp; my $s = exists $exceptiondb{$_} ? $exceptiondb{$_} : stem($_); print "$_ $s\n"; }'
} >"$tmp/stem.pl"
cat "$shared"/data/duc2003/docs/*/* "$models"/* 2>/dev/null | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' ' ' | tr ' ' '\n' |
  awk 'length($0) > 3' | sort -u >"$tmp/vocab.txt"
perl "$tmp/stem.pl" "$tmp/rouge/ROUGE/data/WordNet-2.0.exc.db" <"$tmp/vocab.txt" >"$tmp/stem_perl.txt"
"$chorus" eval stem <"$tmp/vocab.txt" >"$tmp/stem_chorus.txt"
if [ "$(wc -l <"$tmp/vocab.txt")" -gt 1000 ] && diff -q "$tmp/stem_perl.txt" "$tmp/stem_chorus.txt" >/dev/null; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: stems"; diff "$tmp/stem_perl.txt" "$tmp/stem_chorus.txt" | head
fi
# The scorer's worked example with its recorded output.
tiny="$rouge_src/tiny"
"$chorus" eval rouge --system "$tiny/systems/d30001t.sys.txt" --references "$tiny/models/d30001t.A.txt" \
  "$tiny/models/d30001t.B.txt" -n 4 -2 4 -u -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 | grep Average >"$tmp/c.txt"
if diff <(grep Average "$tiny/out_duc2004_su4.txt") "$tmp/c.txt" >/dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: tiny"; fi
echo "$passed passed, $failed failed"
test "$failed" -eq 0
