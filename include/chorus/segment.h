// include/chorus/segment.h: splits cleaned text into sentences and paragraphs.
// Usage:
//   chorus::CleanText clean = chorus::clean_article(article);
//   std::vector<chorus::Sentence> sents = chorus::segment(clean);
//   for (const auto& s : sents) std::cout << clean.text.substr(s.span.begin, s.span.size()) << "\n";
// Every line of CleanText is a paragraph; sentences never cross one. Full stops after
// titles and abbreviations (Mr, Mrs, Dr, Pc, Sir, St, U.S.), initials, times (2.30pm)
// and decimals do not end a sentence, and a quotation is kept whole: a full stop inside
// an open quotation does not split it. Quotations running over several paragraphs are
// marked with QuoteRole so later stages can tell a continuing quote from a new one.
#pragma once

#include <vector>

#include "chorus/corpus.h"

namespace chorus {

struct SegmentOptions {
  bool keep_quotes_whole = true;      // no split inside an open quotation (false = split at every boundary)
  std::size_t max_quote_words = 120;  // a "quotation" longer than this is split anyway: its quote mark was
                                      // probably an apostrophe (0 = no limit)
};

// Sentences of `clean` with spans in clean.text and in the article's source text.
std::vector<Sentence> segment(const CleanText& clean, const SegmentOptions& opts = {});

// "[0,18)|[19,28)": the sentence spans in clean text, for tests and debugging.
std::string debug_string(const std::vector<Sentence>& sentences);

}  // namespace chorus
