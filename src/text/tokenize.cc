#include "text/tokenize.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <memory>

namespace chorus::internal {
namespace {

// Function words that carry no event content. Sorted for binary search.
constexpr std::array<std::string_view, 127> kStopwords = {
    "a",       "about",  "above",   "after",  "again",  "against", "all",    "also",    "am",     "an",
    "and",     "any",    "are",     "as",     "at",     "be",      "been",   "before",  "being",  "below",
    "between", "both",   "but",     "by",     "can",    "could",   "did",    "do",      "does",   "doing",
    "down",    "during", "each",    "few",    "for",    "from",    "further", "had",    "has",    "have",
    "having",  "he",     "her",     "here",   "hers",   "herself", "him",    "himself", "his",    "how",
    "i",       "if",     "in",      "into",   "is",     "it",      "its",    "itself",  "just",
    "me",      "might",  "more",    "most",   "must",   "my",      "myself", "no",      "nor",    "not",
    "now",     "of",     "off",     "on",     "once",   "only",    "or",     "other",   "our",    "ours",
    "out",     "over",   "own",     "s",      "same",   "shall",   "she",    "should",  "so",     "some",
    "such",    "t",      "than",    "that",   "the",    "their",   "theirs", "them",    "then",   "there",
    "these",   "they",   "this",    "those",  "through", "to",     "too",    "under",   "until",  "up",
    "us",      "very",   "was",     "we",     "were",   "what",    "when",   "where",   "which",  "while",
    "who",     "whom",   "why",     "will",   "with",   "would",   "you",    "your"};
static_assert(std::is_sorted(kStopwords.begin(), kStopwords.end()));

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

bool is_stopword(std::string_view lower_word) {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), lower_word);
}

std::string porter_stem(std::string_view lower_word) {
  // libstemmer objects are not thread-safe; one per thread.
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("porter", "UTF_8"));
  if (!stemmer) return std::string(lower_word);
  const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                         static_cast<int>(lower_word.size()));
  if (!out) return std::string(lower_word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

std::string lower_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  std::size_t pos = 0;
  while (pos < word.size()) {
    unsigned char c = static_cast<unsigned char>(word[pos]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++pos;
    } else {
      append_utf8(out, to_lower(decode_utf8(word, pos)));
    }
  }
  return out;
}

TermDictionary::Term TermDictionary::lookup(std::string_view lower) {
  auto it = words_.find(std::string(lower));
  if (it != words_.end()) return it->second;
  std::string stem = porter_stem(lower);
  auto [sit, inserted] = stem_ids_.try_emplace(stem, static_cast<int>(stems_.size()));
  if (inserted) stems_.push_back(stem);
  Term term{sit->second, is_stopword(lower)};
  words_.emplace(std::string(lower), term);
  return term;
}

}  // namespace chorus::internal
