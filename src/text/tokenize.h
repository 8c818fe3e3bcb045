// src/text/tokenize.h: words, stop words and stems for the ranking stages (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chorus::internal {

// Calls `fn(word)` for each maximal run of letters and digits in `text`, lower-cased.
// Punctuation, apostrophes and hyphens separate words, as ROUGE's tokenizer does.
template <typename Fn>
void for_each_word(std::string_view text, Fn&& fn);

// The same, calling `fn(word, begin)` with the byte offset of the word in `text`.
template <typename Fn>
void for_each_word_at(std::string_view text, Fn&& fn);

// English function words ("the", "said" is not one): a short list written for chorus.
bool is_stopword(std::string_view lower_word);

// Porter stem of a lower-case word (Snowball's "porter" algorithm, via libstemmer).
std::string porter_stem(std::string_view lower_word);

// Interns stems as dense ids so sentences become small integer vectors.
class TermDictionary {
 public:
  struct Term {
    int id = -1;
    bool stopword = false;
  };
  // Stem id of a lower-case word; caches the word so each is stemmed once.
  Term lookup(std::string_view lower_word);
  std::size_t size() const { return stems_.size(); }
  const std::string& stem(int id) const { return stems_[static_cast<std::size_t>(id)]; }

 private:
  std::unordered_map<std::string, Term> words_;
  std::unordered_map<std::string, int> stem_ids_;
  std::vector<std::string> stems_;
};

// Lower-cases one word's UTF-8 (ASCII fast path).
std::string lower_word(std::string_view word);

}  // namespace chorus::internal

#include "text/tokenize_inl.h"
