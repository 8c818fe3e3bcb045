#include "ingest/metadata.h"

#include <array>
#include <cstdio>
#include <filesystem>

#include "base/dates.h"
#include "base/string_util.h"

namespace chorus::internal {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};


// Reads up to `max_digits` digits at `pos`; -1 when there are none.
int read_int(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  int v = 0;
  std::size_t n = 0;
  while (pos < s.size() && n < max_digits && is_ascii_digit(s[pos])) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  return n == 0 ? -1 : v;
}

// Month number of a month name or abbreviation at `pos` (advancing past it), or 0.
int read_month(std::string_view s, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < s.size() && is_ascii_alpha(s[pos])) ++pos;
  std::string word = to_lower_ascii(s.substr(start, pos - start));
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (word.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

void skip_spaces_and(std::string_view s, std::size_t& pos, std::string_view also) {
  while (pos < s.size() && (is_ascii_space(s[pos]) || also.find(s[pos]) != std::string_view::npos)) ++pos;
}

}  // namespace

std::string normalize_date(std::string_view s) {
  s = trim(s);
  std::size_t pos = 0;
  // ISO: YYYY-MM-DD or YYYY/MM/DD.
  if (s.size() >= 8 && is_ascii_digit(s[0])) {
    int y = read_int(s, pos, 4);
    if (pos == 4 && pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
      ++pos;
      int m = read_int(s, pos, 2);
      if (pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
        ++pos;
        int d = read_int(s, pos, 2);
        if (valid_ymd(y, m, d)) return format_ymd(y, m, d);
      }
      return "";
    }
    // "23 March 2017"
    pos = 0;
    int d = read_int(s, pos, 2);
    skip_spaces_and(s, pos, "");
    int m = read_month(s, pos);
    skip_spaces_and(s, pos, ",.");
    int yy = read_int(s, pos, 4);
    if (m > 0 && valid_ymd(yy, m, d)) return format_ymd(yy, m, d);
    return "";
  }
  // "Thursday, March 23, 2017" or "March 23, 2017"
  std::size_t probe = 0;
  if (read_month(s, probe) == 0) {
    pos = s.find_first_of(',');
    if (pos == std::string_view::npos) return "";
    ++pos;
    skip_spaces_and(s, pos, "");
  }
  int m = read_month(s, pos);
  skip_spaces_and(s, pos, ".");
  int d = read_int(s, pos, 2);
  while (pos < s.size() && is_ascii_alpha(s[pos])) ++pos;  // "23rd"
  skip_spaces_and(s, pos, ",");
  int y = read_int(s, pos, 4);
  if (m > 0 && valid_ymd(y, m, d)) return format_ymd(y, m, d);
  return "";
}


std::optional<Byline> parse_byline(std::string_view line) {
  line = trim(line);
  if (!starts_with_icase(line, "by ") || line.size() < 5) return std::nullopt;
  std::string_view rest = trim(line.substr(3));
  if (rest.empty() || !is_ascii_upper(rest[0]) || count_words(rest) > 14) return std::nullopt;
  Byline b;
  std::size_t bar = rest.find('|');
  if (bar != std::string_view::npos) {
    b.names = std::string(trim(rest.substr(0, bar)));
    std::string_view after = rest.substr(bar + 1);
    std::size_t bar2 = after.find('|');
    b.outlet = std::string(trim(bar2 == std::string_view::npos ? after : after.substr(0, bar2)));
  } else {
    b.names = std::string(rest);
  }
  // A byline is names, not a sentence: no final full stop, no more than ~6 words of names.
  if (b.names.empty() || b.names.back() == '.' || count_words(b.names) > 8) return std::nullopt;
  return b;
}

}  // namespace chorus::internal
