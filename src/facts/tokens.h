// src/facts/tokens.h: a sentence as words, numbers and marks with byte offsets (internal).
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::internal {

struct Token {
  enum Type { kWord, kNumber, kMark };
  Type type = kWord;
  std::string_view text;   // as written: a view into the tokenized text (keep that text alive)
  std::string_view lower;  // lower-cased (words), digits without commas (numbers): a view
                           // into the text when it is already so, else into the TokenList
  std::size_t begin = 0, end = 0;  // bytes in the sentence
  bool capitalised = false;        // a word starting with an upper-case letter
};

// True when `w` is one of a few words (a short list: a linear scan is fastest).
inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// The whole number a token starts with ("1.30" -> 1), or 0: atoi for a view.
inline int leading_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// A word without a trailing possessive ("monday’s" -> "monday").
inline std::string_view bare_word(std::string_view w) {
  for (std::string_view possessive : {"\xE2\x80\x99s", "'s"}) {
    if (w.size() > possessive.size() && w.ends_with(possessive)) w.remove_suffix(possessive.size());
  }
  return w;
}

// Abbreviations whose full stop does not end a sentence ("Col. Arkady Krimsky said").
bool is_abbreviated_title(std::string_view w);

// Appends a word to a space-separated phrase.
inline void append_word(std::string& phrase, std::string_view word) {
  if (!phrase.empty()) phrase += ' ';
  phrase.append(word);
}

// A fixed table of words with a value each, hashed once: open addressing with a cheap
// hash, since the keys are short words and lookups are the hot path of every rule. The
// keys must outlive the table (string literals, or strings the caller keeps).
class WordTable {
 public:
  explicit WordTable(std::span<const std::pair<std::string_view, int>> entries);
  WordTable(std::initializer_list<std::pair<std::string_view, int>> entries)
      : WordTable(std::span(entries.begin(), entries.size())) {}
  // The word's value, or `missing`.
  int find(std::string_view w, int missing = -1) const;

 private:
  struct Slot {
    std::string_view word;
    int value = 0;
  };
  static std::uint64_t hash(std::string_view w);
  std::vector<Slot> slots_;  // a power of two, at most a quarter full
  std::size_t mask_ = 0;
};

// A fixed word list (the lists are string literals: views stay valid).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  bool contains(std::string_view w) const { return table_.find(w, 0) != 0; }

 private:
  WordTable table_;
};

// A sentence's tokens. Lower-cased forms that differ from the text live in a buffer the
// list owns on the heap, so the views survive a move; a copy of the tokens (a slice into
// std::vector<Token>) must not outlive the list.
class TokenList : public std::vector<Token> {
 public:
  TokenList() : lowered_(std::make_unique<std::string>()) {}

 private:
  friend TokenList tokenize_sentence(std::string_view sentence);
  std::unique_ptr<std::string> lowered_;
};

// Words keep inner hyphens and apostrophes ("year-old", "Met's"); numbers keep inner
// commas and points ("1,200", "2.5"); every other non-space character is a mark.
TokenList tokenize_sentence(std::string_view sentence);

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
