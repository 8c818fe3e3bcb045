#include "base/utf8.h"

#include <algorithm>

namespace chorus::internal {
namespace {

// Length of the valid sequence starting at `i`, or 0 when it is invalid. Follows the
// Unicode table of well-formed byte sequences (no overlongs, no surrogates, <= U+10FFFF).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = s.size() - i;
  auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return (n >= 2 && cont(i + 1)) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && (c1 < 0xA0 || c1 > 0xBF)) return 0;
    if (c == 0xED && (c1 < 0x80 || c1 > 0x9F)) return 0;
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && (c1 < 0x90 || c1 > 0xBF)) return 0;
    if (c == 0xF4 && (c1 < 0x80 || c1 > 0x8F)) return 0;
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

Utf8Check check_utf8(std::string_view bytes) {
  Utf8Check check;
  std::size_t i = 0;
  while (i < bytes.size()) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c == 0) check.has_nul = true;
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++check.control_bytes;
      ++i;
      continue;
    }
    std::size_t len = valid_sequence_length(bytes, i);
    if (len == 0) {
      if (check.first_invalid == SIZE_MAX) check.first_invalid = i;
      ++check.invalid_bytes;
      ++i;
    } else {
      i += len;
    }
  }
  return check;
}

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t len = valid_sequence_length(bytes, i);
    if (len > 0) {
      out.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    append_utf8(out, kReplacementChar);
    // Skip the continuation bytes of this broken sequence so one error yields one U+FFFD.
    ++i;
    while (i < bytes.size() && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80 &&
           valid_sequence_length(bytes, i) == 0) {
      ++i;
    }
  }
  return out;
}

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  std::size_t len = valid_sequence_length(s, pos);
  if (len == 0) {
    ++pos;
    return kReplacementChar;
  }
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + k])); };
  char32_t cp = 0;
  switch (len) {
    case 1: cp = b(0); break;
    case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    default: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
  }
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace chorus::internal
