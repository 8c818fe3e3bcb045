#include "ingest/metadata.h"

#include <algorithm>
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

// "13/04/2025", "04/13/2025", "13.04.2025": a numeric day and month in either order, read
// only when one of them cannot be a month (or both are the same).
// Which way round a locale writes numeric dates: 'm' (month first: the United States and
// the Philippines), 'd' (day first: every other region, and languages other than
// English), or 0 when it does not say (no tag, or "en" alone).
char numeric_order(std::string_view locale) {
  const std::string tag = to_lower_ascii(locale);
  if (tag.empty()) return 0;
  const std::size_t sep = tag.find_first_of("-_");
  const std::string language = tag.substr(0, sep);
  const std::string region = sep == std::string::npos ? "" : tag.substr(sep + 1, 2);
  if (region == "us" || region == "ph") return 'm';
  if (!region.empty() || language != "en") return 'd';
  return 0;
}

DateReading numeric_dmy(std::string_view s, std::string_view locale) {
  std::size_t pos = 0;
  const int a = read_int(s, pos, 2);
  if (a < 0 || pos >= s.size() || (s[pos] != '/' && s[pos] != '.' && s[pos] != '-')) return {};
  const char sep = s[pos++];
  const int b = read_int(s, pos, 2);
  if (b < 0 || pos >= s.size() || s[pos] != sep) return {};
  ++pos;
  const std::size_t year_at = pos;
  const int y = read_int(s, pos, 4);
  if (pos - year_at != 4) return {};
  if (a > 12 && valid_ymd(y, b, a)) return {format_ymd(y, b, a), false};
  if (b > 12 && valid_ymd(y, a, b)) return {format_ymd(y, a, b), false};
  if (a == b && valid_ymd(y, a, b)) return {format_ymd(y, a, b), false};
  const char order = numeric_order(locale);
  if (order == 'd' && valid_ymd(y, b, a)) return {format_ymd(y, b, a), false};
  if (order == 'm' && valid_ymd(y, a, b)) return {format_ymd(y, a, b), false};
  return {"", valid_ymd(y, a, b) && valid_ymd(y, b, a)};
}

// "23 March 2017", "13 Sep 2025 10:00:00 GMT" from `pos`.
std::string day_month_year(std::string_view s, std::size_t pos) {
  int d = read_int(s, pos, 2);
  if (pos + 2 <= s.size()) {  // "23rd"
    const std::string suffix = to_lower_ascii(s.substr(pos, 2));
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") pos += 2;
  }
  skip_spaces_and(s, pos, ".");
  int m = read_month(s, pos);
  skip_spaces_and(s, pos, ",.");
  int y = read_int(s, pos, 4);
  return m > 0 && valid_ymd(y, m, d) ? format_ymd(y, m, d) : "";
}

}  // namespace

DateReading read_date(std::string_view s, std::string_view locale) {
  s = trim(s);
  if (s.empty()) return {};
  std::size_t pos = 0;
  if (std::all_of(s.begin(), s.end(), is_ascii_digit) && s.size() >= 9 && s.size() <= 13) {
    // Unix time: seconds (9 to 11 digits), or milliseconds (13, as JavaScript writes it).
    const long long v = std::stoll(std::string(s));
    const long long seconds = s.size() >= 12 ? v / 1000 : v;
    return {civil_from_days(static_cast<long>(seconds / 86400)), false};
  }
  if (is_ascii_digit(s[0])) {
    // ISO: YYYY-MM-DD or YYYY/MM/DD, any time and zone after it (the outlet's own day).
    int y = read_int(s, pos, 4);
    if (pos == 4 && pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
      ++pos;
      int m = read_int(s, pos, 2);
      if (pos < s.size() && (s[pos] == '-' || s[pos] == '/')) {
        ++pos;
        int d = read_int(s, pos, 2);
        if (valid_ymd(y, m, d)) return {format_ymd(y, m, d), false};
      }
      return {};
    }
    if (DateReading r = numeric_dmy(s, locale); !r.date.empty() || r.ambiguous) return r;
    return {day_month_year(s, 0), false};
  }
  // "Thursday, March 23, 2017", "March 23, 2017", "Sat, 13 Sep 2025 10:00:00 GMT"
  std::size_t probe = 0;
  if (read_month(s, probe) == 0) {
    pos = s.find_first_of(", ");
    if (pos == std::string_view::npos) return {};
    skip_spaces_and(s, pos, ",");
    if (pos < s.size() && is_ascii_digit(s[pos])) return {day_month_year(s, pos), false};
  }
  int m = read_month(s, pos);
  skip_spaces_and(s, pos, ".");
  int d = read_int(s, pos, 2);
  while (pos < s.size() && is_ascii_alpha(s[pos])) ++pos;  // "23rd"
  skip_spaces_and(s, pos, ",");
  int y = read_int(s, pos, 4);
  if (m > 0 && valid_ymd(y, m, d)) return {format_ymd(y, m, d), false};
  return {};
}

std::string normalize_date(std::string_view s) { return read_date(s).date; }

std::string date_warning(std::string_view written, std::string_view locale) {
  written = trim(written);
  const DateReading r = read_date(written, locale);
  if (written.empty() || !r.date.empty()) return "";
  const std::string shown(written.substr(0, 40));
  return r.ambiguous ? "date \"" + shown + "\" is ambiguous (day and month could be either way round); left unknown"
                     : "date \"" + shown + "\" not understood; left unknown";
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
