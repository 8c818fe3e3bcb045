// src/base/string_util.h: small ASCII-level string helpers (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::internal {

inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
inline char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Trims ASCII white space and the UTF-8 no-break space from both ends.
std::string_view trim(std::string_view s);

bool starts_with_icase(std::string_view s, std::string_view prefix);
bool equals_icase(std::string_view a, std::string_view b);
std::string to_lower_ascii(std::string_view s);

// "https://www.metro.co.uk/news/x" or "www.metro.co.uk" -> "metro.co.uk"; "" when none.
std::string domain_of(std::string_view url_or_domain);

// Number of white-space separated words.
std::size_t count_words(std::string_view s);

// Splits at every '\n'; a final line without '\n' is included. The views point into `s`.
std::vector<std::string_view> split_lines(std::string_view s);

// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// 64-bit FNV-1a of the bytes, finished with a splitmix64 step so all bits are mixed:
// a stable key for words and stems (the same on every run and machine).
inline std::uint64_t hash64(std::string_view s) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  h += 0x9E3779B97F4A7C15ull;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

}  // namespace chorus::internal
