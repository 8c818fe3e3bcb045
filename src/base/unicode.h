// src/base/unicode.h: the one place chorus calls utf8proc (internal).
#pragma once

#include <string>
#include <string_view>

namespace chorus::internal {

// NFC form of valid UTF-8 `s`. Returns `s` unchanged when utf8proc reports an error.
std::string nfc(std::string_view s);

bool is_letter(char32_t cp);        // general category L*
bool is_upper_letter(char32_t cp);  // Lu or Lt
bool is_digit(char32_t cp);         // Nd
bool is_space(char32_t cp);         // Zs, or ASCII white space
bool is_combining(char32_t cp);     // M*: joins the previous character under NFC
bool is_invisible(char32_t cp);     // zero-width and format characters worth dropping (ZWSP, BOM, soft hyphen)
char32_t to_lower(char32_t cp);
// True when `cp` alone is already in NFC and cannot change (no canonical decomposition).
bool nfc_stable(char32_t cp);

// Quotation marks chorus understands, straight and typographic.
inline bool is_double_quote(char32_t cp) {
  return cp == U'"' || cp == U'\u201C' || cp == U'\u201D' || cp == U'\u201E' || cp == U'\u00AB' ||
         cp == U'\u00BB';
}
inline bool is_single_quote(char32_t cp) {
  return cp == U'\'' || cp == U'\u2018' || cp == U'\u2019' || cp == U'\u201A' || cp == U'\u2039' ||
         cp == U'\u203A';
}
// Marks that can only open (U+201C, U+2018, U+201E, U+00AB ...), only close, or either (straight).
inline bool is_opening_only_quote(char32_t cp) {
  return cp == U'\u201C' || cp == U'\u2018' || cp == U'\u201E' || cp == U'\u201A' || cp == U'\u00AB' ||
         cp == U'\u2039';
}
inline bool is_closing_only_quote(char32_t cp) {
  return cp == U'\u201D' || cp == U'\u2019' || cp == U'\u00BB' || cp == U'\u203A';
}

}  // namespace chorus::internal
