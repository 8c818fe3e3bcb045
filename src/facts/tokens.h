// src/facts/tokens.h: a sentence as words, numbers and marks with byte offsets (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chorus::internal {

struct Token {
  enum Type { kWord, kNumber, kMark };
  Type type = kWord;
  std::string text;   // as written
  std::string lower;  // lower-cased (words), digits without commas (numbers)
  std::size_t begin = 0, end = 0;  // bytes in the sentence
  bool capitalised = false;        // a word starting with an upper-case letter
};

// Words keep inner hyphens and apostrophes ("year-old", "Met's"); numbers keep inner
// commas and points ("1,200", "2.5"); every other non-space character is a mark.
std::vector<Token> tokenize_sentence(std::string_view sentence);

// The value of a number word ("four", "twenty-five", "dozen"), or -1.
double number_word_value(std::string_view lower);

// True for the typographic and straight quote marks.
bool is_quote_mark(std::string_view mark);

}  // namespace chorus::internal
