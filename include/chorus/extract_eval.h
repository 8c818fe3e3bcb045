// include/chorus/extract_eval.h: the two public HTML extraction benchmarks, read and
// scored as their authors score them.
// Usage:
//   auto pages = chorus::read_aeb("../shared/data/html/aeb");
//   std::vector<chorus::ShingleCounts> counts;
//   for (const auto& p : *pages) counts.push_back(chorus::shingle_counts(p.truth, extract(p)));
//   chorus::ExtractScore s = chorus::aeb_score(counts);
// AEB (Zyte's article-extraction-benchmark): tokens are \w+ runs (Unicode), shingles are
// 4-grams of tokens, a page's true/false positives and negatives are the multiset overlap
// of its shingles divided by their sum (every page weighs the same); precision and recall
// are means over pages, F1 their harmonic mean. Trafilatura's set: per page, each "with"
// snippet found in the whitespace-normalised output is a true positive (else a false
// negative), each "without" snippet found a false positive (else a true negative); counts
// are summed over the corpus.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus {

struct BenchmarkPage {
  std::string id;                    // AEB: the page hash; trafilatura: the URL
  std::string html_path;             // the page's file (.html.gz or .gz)
  std::string url;
  std::string truth;                 // AEB: the article body
  std::vector<std::string> with;     // trafilatura: snippets the text must hold
  std::vector<std::string> without;  // and must not
  std::vector<std::string> comments; // trafilatura: snippets of the page's reader comments
  std::string date;                  // trafilatura: YYYY-MM-DD, "" when none was annotated
  std::string author;                // trafilatura: as annotated ("A, B"), "" when none
  std::string title;                 // trafilatura: as annotated, "" when none
  bool has_metadata = false;         // trafilatura: the item annotates date and author at all
};

// `dir` holds ground-truth.json and html/ (AEB) or evaldata.json and html/ (trafilatura).
Result<std::vector<BenchmarkPage>> read_aeb(const std::string& dir);
Result<std::vector<BenchmarkPage>> read_trafilatura_set(const std::string& dir);

// An extractor's published output on AEB: {id: {"articleBody": ...}}, optionally wrapped
// in {"output": ...}, optionally gzip-compressed.
Result<std::map<std::string, std::string>> read_aeb_output(const std::string& path);
// The peers' drivers' output: "### FILE" then the page's title and text, per page; keyed
// by FILE.
Result<std::map<std::string, std::string>> read_driver_output(const std::string& path);

// Whole bytes of a file, gunzipped when it is gzip.
Result<std::string> read_maybe_gzip(const std::string& path);

struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;  // normalised to sum to 1 (all 0 when both texts are empty)
  bool exact = false;             // the token lists are equal
};
ShingleCounts shingle_counts(std::string_view truth, std::string_view output);

struct SnippetCounts {
  std::size_t tp = 0, fp = 0, fn = 0, tn = 0;
  SnippetCounts& operator+=(const SnippetCounts& o) {
    tp += o.tp, fp += o.fp, fn += o.fn, tn += o.tn;
    return *this;
  }
};
SnippetCounts snippet_counts(const BenchmarkPage& page, std::string_view output);
// How many of the page's comment snippets the output holds (comment text leaked in).
std::size_t comment_snippets_in(const BenchmarkPage& page, std::string_view output);

struct ExtractScore {
  std::size_t pages = 0;
  double precision = 0, recall = 0, f1 = 0;
  double accuracy = 0;  // AEB: pages with exactly the true tokens; trafilatura: (tp+tn)/all
};
ExtractScore aeb_score(const std::vector<ShingleCounts>& pages);
ExtractScore snippet_score(const SnippetCounts& total, std::size_t pages);

// Which half of a benchmark a page is in: "tune" or "test", by a hash of its id, so the
// split is fixed and blind to content.
std::string_view benchmark_half(std::string_view id);

}  // namespace chorus
