// Dates as pages write them, to ISO 8601: machine forms (ISO, RFC 822) in metadata, and
// written-out forms in English, German and a few other languages in URLs and text.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "base/string_util.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

// Web pages are from the web's years: a "1850" is not a publication date.
bool valid_ymd(int y, int m, int d) { return internal::valid_ymd(y, m, d, 1990, 2100); }

std::string ymd(int y, int m, int d) { return format_ymd(y, m, d); }

int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits, std::size_t* digits = nullptr) {
  int v = 0;
  std::size_t n = 0;
  while (pos < s.size() && n < max_digits && is_ascii_digit(s[pos])) {
    v = v * 10 + (s[pos++] - '0');
    ++n;
  }
  if (digits) *digits = n;
  return n == 0 ? -1 : v;
}

struct MonthName {
  std::string_view name;  // lower case; a prefix of at least 3 letters also matches
  int month;
};
constexpr std::array<MonthName, 40> kMonths = {{
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7},
    {"oktober", 10}, {"dezember", 12}, {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4},
    {"juin", 6}, {"juillet", 7}, {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
    {"junio", 6}, {"julio", 7}, {"agosto", 8},
}};

// The month named by the word at `pos`, advancing past it (and a '.'), or 0.
int read_month(std::string_view s, std::size_t& pos) {
  std::size_t end = pos;
  while (end < s.size() && (is_ascii_alpha(s[end]) || static_cast<unsigned char>(s[end]) >= 0x80)) ++end;
  std::string word = to_lower_ascii(s.substr(pos, end - pos));
  if (word.size() < 3) return 0;
  // "Sept", "Okt", "Dez": abbreviations are prefixes of one of the names.
  for (const MonthName& m : kMonths) {
    if (m.name == word || (word.size() >= 3 && m.name.starts_with(word) && word.size() <= 5)) {
      pos = end;
      if (pos < s.size() && s[pos] == '.') ++pos;
      return m.month;
    }
  }
  if (word == "okt") { pos = end; return 10; }
  if (word == "dez") { pos = end; return 12; }
  if (word == "mär" || word == "mrz") { pos = end; return 3; }
  return 0;
}

void skip(std::string_view s, std::size_t& pos, std::string_view chars) {
  while (pos < s.size() && (is_ascii_space(s[pos]) || s[pos] == '\n' || chars.find(s[pos]) != std::string_view::npos))
    ++pos;
}

// "T10:00:00+02:00" / " 10:00:00 GMT" after a date, as "T10:00:00+02:00"; "" when there is no time.
std::string time_part(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != ' ')) return "";
  ++pos;
  std::size_t p = pos;
  int h = read_number(s, p, 2);
  if (h < 0 || h > 23 || p >= s.size() || s[p] != ':') return "";
  ++p;
  int mi = read_number(s, p, 2);
  if (mi < 0 || mi > 59) return "";
  int sec = 0;
  if (p < s.size() && s[p] == ':') {
    ++p;
    sec = std::max(0, read_number(s, p, 2));
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && is_ascii_digit(s[p])) ++p;
    }
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", h, mi, sec);
  std::string out = buf;
  while (p < s.size() && s[p] == ' ') ++p;
  if (p < s.size() && (s[p] == 'Z' || s.substr(p).starts_with("GMT") || s.substr(p).starts_with("UTC"))) {
    out += "Z";
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    char sign = s[p++];
    std::size_t digits = 0;
    int zh = read_number(s, p, 2, &digits);
    if (p < s.size() && s[p] == ':') ++p;
    int zm = read_number(s, p, 2);
    if (zh >= 0 && zh <= 14 && digits == 2) {
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, zh, zm < 0 ? 0 : zm);
      out += buf;
    }
  }
  return out;
}

// A date starting at `pos` in any of the written forms; "" when none starts there.
std::string date_at(std::string_view s, std::size_t pos, bool with_time) {
  std::size_t p = pos;
  std::size_t digits = 0;
  int first = read_number(s, p, 4, &digits);
  if (digits == 4 && p < s.size() && (s[p] == '-' || s[p] == '/' || s[p] == '.')) {  // 2019-08-02
    char sep = s[p++];
    int m = read_number(s, p, 2);
    if (p < s.size() && s[p] == sep) {
      ++p;
      int d = read_number(s, p, 2);
      if (valid_ymd(first, m, d) && !(p < s.size() && is_ascii_digit(s[p])))
        return ymd(first, m, d) + (with_time ? time_part(s, p) : "");
    }
    return "";
  }
  if (digits >= 1 && digits <= 2) {
    int d = first;
    if (p < s.size() && (s[p] == '.' || s[p] == '/' || s[p] == '-')) {  // 02.08.2019, 2/8/2019 (day first)
      char sep = s[p];
      std::size_t q = p + 1;
      if (sep == '.' && q < s.size() && s[q] == ' ') ++q;  // "4. 2. 2022"
      int m = read_number(s, q, 2);
      if (m > 0 && q < s.size() && s[q] == sep) {
        ++q;
        if (sep == '.' && q < s.size() && s[q] == ' ') ++q;
        std::size_t yd = 0;
        int y = read_number(s, q, 4, &yd);
        if (yd == 4 && sep == '.' && valid_ymd(y, m, d)) return ymd(y, m, d);
        // "28.01.22": a two-digit year, not followed by more digits (a version number is).
        if (yd == 2 && sep == '.' && !(q < s.size() && (s[q] == '.' || is_ascii_digit(s[q]))) &&
            valid_ymd(2000 + y, m, d))
          return ymd(2000 + y, m, d);
        if (yd == 4 && sep != '.' && valid_ymd(y, d, m)) return ymd(y, d, m);  // US: 8/2/2019
        return "";
      }
    }
    skip(s, p, ".");
    if (p < s.size() && s.substr(p).starts_with("de ")) p += 3;
    int m = read_month(s, p);  // 2 August 2019, 2. August 2019
    if (m == 0) return "";
    skip(s, p, ",");
    if (p < s.size() && s.substr(p).starts_with("de ")) p += 3;
    std::size_t yd = 0;
    int y = read_number(s, p, 4, &yd);
    return yd == 4 && valid_ymd(y, m, d) ? ymd(y, m, d) : "";
  }
  if (digits == 0) {
    std::size_t q = p;
    while (q < s.size() && is_ascii_alpha(s[q])) ++q;  // "Fri, 02 Aug 2019": a weekday first
    if (q < s.size() && s[q] == ',' && q - p <= 9) {
      std::size_t r = q + 1;
      skip(s, r, "");
      std::string rfc = date_at(s, r, false);
      if (!rfc.empty()) {
        std::size_t t = r;
        while (t < s.size() && !(s[t] == ' ' && t + 3 < s.size() && is_ascii_digit(s[t + 1]) && s[t + 3] == ':')) {
          if (t - r > 14) break;
          ++t;
        }
        return rfc + (with_time && t < s.size() && s[t] == ' ' ? time_part(s, t) : "");
      }
    }
    int m = read_month(s, p);  // August 2, 2019
    if (m == 0) return "";
    skip(s, p, "");
    std::size_t dd = 0;
    int d = read_number(s, p, 2, &dd);
    if (dd == 0) return "";
    if (p + 1 < s.size() && (s.substr(p, 2) == "st" || s.substr(p, 2) == "nd" || s.substr(p, 2) == "rd" ||
                             s.substr(p, 2) == "th"))
      p += 2;
    skip(s, p, ",");
    std::size_t yd = 0;
    int y = read_number(s, p, 4, &yd);
    return yd == 4 && valid_ymd(y, m, d) ? ymd(y, m, d) : "";
  }
  return "";
}

}  // namespace

std::string iso_date(std::string_view s) {
  s = trim(s);
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), is_ascii_digit)) {  // 20190802
    int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(4, 2)));
    int d = std::stoi(std::string(s.substr(6, 2)));
    return valid_ymd(y, m, d) ? ymd(y, m, d) : "";
  }
  return date_at(s, 0, true);
}

std::string date_in_url(std::string_view url) {
  for (std::size_t i = 0; i + 8 <= url.size(); ++i) {
    if (!(url[i] == '/' || url[i] == '-' || url[i] == '_') || !is_ascii_digit(url[i + 1])) continue;
    std::size_t p = i + 1;
    std::size_t digits = 0;
    int y = read_number(url, p, 8, &digits);
    if (digits == 8) {  // /20190802/
      int yy = y / 10000, m = (y / 100) % 100, d = y % 100;
      if (valid_ymd(yy, m, d) && (p >= url.size() || !is_ascii_digit(url[p]))) return ymd(yy, m, d);
      continue;
    }
    // "/meldungen/29-10-2021": a European day-month-year, dashed.
    if (digits == 2 && p + 8 <= url.size() && url[p] == '-' && is_ascii_digit(url[p + 1]) &&
        is_ascii_digit(url[p + 2]) && url[p + 3] == '-') {
      std::size_t q = p + 1, yd = 0;
      const int m = read_number(url, q, 2), yy = read_number(url, ++q, 4, &yd);
      if (yd == 4 && valid_ymd(yy, m, y) && (q >= url.size() || !is_ascii_digit(url[q]))) return ymd(yy, m, y);
      continue;
    }
    if (digits != 4 || p >= url.size() || !(url[p] == '/' || url[p] == '-' || url[p] == '_')) continue;
    ++p;
    std::size_t md = 0;
    int m = read_number(url, p, 2, &md);
    if (md == 0 || p >= url.size() || !(url[p] == '/' || url[p] == '-' || url[p] == '_')) continue;
    ++p;
    std::size_t dd = 0;
    int d = read_number(url, p, 2, &dd);
    if (dd > 0 && valid_ymd(y, m, d) && (p >= url.size() || !is_ascii_digit(url[p]))) return ymd(y, m, d);
  }
  return "";
}

std::string date_in_text(std::string_view raw) {
  // No-break and thin spaces (U+00A0, U+2009, U+202F) separate dates' parts too: "4.\u20092.\u20092022".
  std::string spaced(raw);
  for (std::size_t at = 0; (at = spaced.find_first_of("\xc2\xe2", at)) != std::string::npos; ++at) {
    if (spaced.compare(at, 2, "\xc2\xa0") == 0) spaced.replace(at, 2, " ");
    else if (spaced.compare(at, 3, "\xe2\x80\x89") == 0 || spaced.compare(at, 3, "\xe2\x80\xaf") == 0)
      spaced.replace(at, 3, " ");
  }
  std::string_view text = spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool starts_word = i == 0 || !(is_ascii_alpha(text[i - 1]) || is_ascii_digit(text[i - 1]));
    if (!starts_word || !(is_ascii_digit(text[i]) || is_ascii_alpha(text[i]))) continue;
    std::string d = date_at(text, i, false);
    if (!d.empty()) return d;
  }
  return "";
}

}  // namespace chorus::internal::extract
