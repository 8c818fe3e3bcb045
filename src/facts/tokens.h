// src/facts/tokens.h: a sentence as words, numbers and marks with byte offsets (internal).
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace chorus::internal {

struct Token {
  enum Type { kWord, kNumber, kMark };
  Type type = kWord;
  std::string_view text;  // as written: a view into the tokenized text (keep that text alive)
  std::string lower;  // lower-cased (words), digits without commas (numbers)
  std::size_t begin = 0, end = 0;  // bytes in the sentence
  bool capitalised = false;        // a word starting with an upper-case letter
};

// True when `w` is one of a few words (a short list: a linear scan is fastest).
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Appends a word to a space-separated phrase.
inline void append_word(std::string& phrase, std::string_view word) {
  if (!phrase.empty()) phrase += ' ';
  phrase.append(word);
}

// A longer fixed word list, hashed once (the lists are string literals: views stay valid).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) {}
  bool contains(std::string_view w) const { return words_.count(w) != 0; }

 private:
  std::unordered_set<std::string_view> words_;
};

// Words keep inner hyphens and apostrophes ("year-old", "Met's"); numbers keep inner
// commas and points ("1,200", "2.5"); every other non-space character is a mark.
std::vector<Token> tokenize_sentence(std::string_view sentence);

// False only when a sentence surely has no number: no digit and no number word.
bool may_hold_number(std::string_view sentence);

// The value of a number word ("four", "twenty-five", "dozen"), or -1.
double number_word_value(std::string_view lower);

// Monday = 0 ... Sunday = 6, or -1.
int weekday_number(std::string_view lower);
// January = 1 ... December = 12 ("jan", "sept" too), or 0.
int month_number(std::string_view lower);

// True for the typographic and straight quote marks.
bool is_quote_mark(std::string_view mark);

}  // namespace chorus::internal
