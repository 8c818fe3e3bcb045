// Template bodies for tokenize.h (internal).
#pragma once

#include "base/unicode.h"
#include "base/utf8.h"

namespace chorus::internal {

template <typename Fn>
void for_each_word_at(std::string_view text, Fn&& fn) {
  std::size_t pos = 0;
  std::size_t word_begin = std::string_view::npos;
  while (pos < text.size()) {
    std::size_t at = pos;
    unsigned char c = static_cast<unsigned char>(text[pos]);
    bool alnum;
    if (c < 0x80) {
      alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      ++pos;
    } else {
      char32_t cp = decode_utf8(text, pos);
      alnum = is_letter(cp) || is_digit(cp) || is_combining(cp);
    }
    if (alnum) {
      if (word_begin == std::string_view::npos) word_begin = at;
    } else if (word_begin != std::string_view::npos) {
      fn(lower_word(text.substr(word_begin, at - word_begin)), word_begin);
      word_begin = std::string_view::npos;
    }
  }
  if (word_begin != std::string_view::npos) fn(lower_word(text.substr(word_begin)), word_begin);
}

template <typename Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  for_each_word_at(text, [&fn](const std::string& word, std::size_t) { fn(word); });
}

}  // namespace chorus::internal
