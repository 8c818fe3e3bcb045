#include "base/string_util.h"

namespace chorus::internal {

std::string_view trim(std::string_view s) {
  constexpr std::string_view kNbsp = "\xc2\xa0";
  for (;;) {
    if (!s.empty() && (is_ascii_space(s.front()) || s.front() == '\n')) s.remove_prefix(1);
    else if (s.starts_with(kNbsp)) s.remove_prefix(kNbsp.size());
    else break;
  }
  for (;;) {
    if (!s.empty() && (is_ascii_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
    else if (s.ends_with(kNbsp)) s.remove_suffix(kNbsp.size());
    else break;
  }
  return s;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && equals_icase(s.substr(0, prefix.size()), prefix);
}

bool equals_icase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = is_ascii_space(c) || c == '\n';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.push_back(s.substr(start));
      break;
    }
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string domain_of(std::string_view url) {
  url = trim(url);
  if (std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  std::size_t end = url.find_first_of("/?#:");
  if (end != std::string_view::npos) url = url.substr(0, end);
  if (starts_with_icase(url, "www.")) url.remove_prefix(4);
  if (url.find('.') == std::string_view::npos) return "";
  return to_lower_ascii(url);
}

}  // namespace chorus::internal
