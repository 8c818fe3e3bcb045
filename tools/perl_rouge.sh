# Sourced by tests and benches: perl_rouge_copy SRC DEST makes a writable copy of the
# original ROUGE-1.5.5 in DEST whose WordNet databases are symbolic links again (the
# shared copy stores them as plain files holding the link target).
perl_rouge_copy() {
  cp -r "$1" "$2" && chmod -R u+w "$2"
  for v in 1.6 2.0; do
    rm -f "$2/ROUGE/data/WordNet-$v.exc.db"
    ln -s "WordNet-$v-Exceptions/WordNet-$v.exc.db" "$2/ROUGE/data/WordNet-$v.exc.db"
  done
}
