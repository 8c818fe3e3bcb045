// libFuzzer target: any bytes as an article file (plain text or TREC SGML, as ingest
// sniffs it), then clean, segment and every facts rule. Nothing may crash, hang or read
// out of bounds; every offset a fact reports must lie inside the article's text.
// Build: cmake -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCHORUS_FUZZ=ON; run:
// build-fuzz/tests/fuzz/article_fuzz -max_total_time=60 (seed it with examples/ and a DUC file).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/utf8.h"
#include "chorus/facts.h"
#include "chorus/ingest.h"
#include "chorus/pipeline.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void exercise(chorus::Article&& article) {
  chorus::Document doc = chorus::process_article(std::move(article));
  const std::size_t size = doc.article.text.size();
  for (const chorus::FigureMention& m : chorus::find_figures(doc)) {
    check(m.figure_source.begin <= m.figure_source.end && m.figure_source.end <= size);
  }
  for (const chorus::Quote& q : chorus::find_quotes(doc)) {
    for (const chorus::QuoteSource& s : q.sources) check(s.source.end <= size);
  }
  std::vector<chorus::Document> docs;
  docs.push_back(std::move(doc));
  chorus::extract_facts(docs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Ingest repairs bad UTF-8 before any stage sees the text; do the same.
  std::string bytes = chorus::internal::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  if (chorus::looks_like_trec_sgml(bytes)) {
    for (chorus::Article& a : chorus::parse_trec_documents(bytes, "fuzz")) exercise(std::move(a));
    return 0;
  }
  chorus::Result<chorus::Article> article = chorus::parse_text_article(std::move(bytes), "fuzz");
  if (article.ok()) exercise(std::move(article).value());
  return 0;
}
