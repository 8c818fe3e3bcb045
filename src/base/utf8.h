// src/base/utf8.h: UTF-8 validation, repair and decoding (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chorus::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Result of checking bytes for UTF-8 validity.
struct Utf8Check {
  std::size_t invalid_bytes = 0;       // bytes that are not part of a valid sequence
  std::size_t first_invalid = SIZE_MAX; // byte offset of the first of them
  bool has_nul = false;                 // a NUL byte: the mark of binary data
  std::size_t control_bytes = 0;        // C0 controls other than \t \n \r \f
};
Utf8Check check_utf8(std::string_view bytes);

// Replaces each broken sequence (a bad byte and the stray continuation bytes after it)
// with one U+FFFD, so a reader sees where text was lost.
std::string repair_utf8(std::string_view bytes);

// Decodes the code point at `pos` of valid UTF-8 and advances `pos`. On invalid input it
// returns U+FFFD and advances one byte, so callers never loop forever.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// Number of bytes of the sequence whose lead byte is `lead` (1 for invalid leads).
inline std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// 1-based line number of byte `offset` in `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace chorus::internal
