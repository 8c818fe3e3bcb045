#include "facts/tokens.h"

#include <cstdlib>
#include <unordered_map>

#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

bool is_word_char(char32_t cp) { return is_letter(cp) || is_combining(cp); }

// The next code point, with an ASCII fast path (most news text is ASCII).
char32_t next_cp(std::string_view s, std::size_t& pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  return decode_utf8(s, pos);
}

bool ascii_letter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool word_char(char32_t c) { return c < 0x80 ? ascii_letter(c) : is_word_char(c); }
bool digit_char(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : is_digit(c); }

// Lower case of a word; ASCII without a trip through Unicode tables.
std::string lower_of(std::string_view w) {
  for (unsigned char c : w) {
    if (c >= 0x80) return lower_word(w);
  }
  std::string out(w);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace

bool may_hold_number(std::string_view s) {
  char word[16];
  std::size_t len = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const char c = i < s.size() ? s[i] : ' ';
    if (c >= '0' && c <= '9') return true;
    if (is_ascii_alpha(c) || c == '-') {
      if (len < sizeof word) word[len] = ascii_lower(c);
      ++len;
      continue;
    }
    // Number words start with one of a few letter pairs: most words need no lookup.
    if (len >= 3 && len <= 13) {
      const char a = word[0], b = word[1];
      const bool could = (a == 'o' && b == 'n') || (a == 't' && (b == 'w' || b == 'h' || b == 'e')) ||
                         (a == 'f' && (b == 'o' || b == 'i')) || (a == 's' && (b == 'i' || b == 'e')) ||
                         (a == 'e' && (b == 'i' || b == 'l')) || (a == 'n' && b == 'i') || (a == 'd' && b == 'o') ||
                         (a == 'h' && b == 'u');
      if (could && number_word_value(std::string_view(word, std::min<std::size_t>(len, sizeof word))) > 0) return true;
    }
    len = 0;
  }
  return false;
}

std::vector<Token> tokenize_sentence(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t begin = pos;
    char32_t cp = next_cp(s, pos);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) continue;
    Token t;
    t.begin = begin;
    if (digit_char(cp)) {
      t.type = Token::kNumber;
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = next_cp(s, next);
        if (digit_char(c)) {
          pos = next;
        } else if ((c == ',' || c == '.') && next < s.size() && is_ascii_digit(s[next])) {
          pos = next;  // "1,200", "2.5" (a comma or point between digits)
        } else {
          break;
        }
      }
    } else if (word_char(cp)) {
      t.type = Token::kWord;
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = next_cp(s, next);
        if (word_char(c) || digit_char(c)) {
          pos = next;
        } else if ((c == '-' || c == '\'' || c == 0x2019) && next < s.size()) {
          std::size_t after = next;
          char32_t d = next_cp(s, after);
          if (!word_char(d) && !digit_char(d)) break;
          pos = next;  // "year-old", "Met's", "O'Brien"
        } else {
          break;
        }
      }
    } else {
      t.type = Token::kMark;
    }
    // "Mr.", "Dr.", "St.": the abbreviation's point belongs to the title.
    if (t.type == Token::kWord && pos < s.size() && s[pos] == '.') {
      std::string w = lower_of(s.substr(begin, pos - begin));
      // An initial ("Robert F. Kennedy") keeps its point too, and so do "Jr." and "Sr.".
      const bool initial = pos - begin == 1 && is_ascii_upper(s[begin]);
      if (initial || w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "st" || w == "prof" || w == "rev" ||
          w == "sgt" || w == "gen" || w == "col" || w == "capt" || w == "lt" || w == "det" || w == "insp" ||
          w == "supt" || w == "jr" || w == "sr") {
        t.end = ++pos;
        t.text = s.substr(begin, pos - begin);
        t.lower = w;
        t.capitalised = is_ascii_upper(t.text[0]);
        out.push_back(std::move(t));
        continue;
      }
    }
    t.end = pos;
    t.text = s.substr(begin, pos - begin);
    if (t.type == Token::kNumber) {
      for (char c : t.text) {
        if (c != ',') t.lower += c;
      }
    } else {
      t.lower = lower_of(t.text);
      t.capitalised = t.type == Token::kWord && is_ascii_upper(t.text[0]);
    }
    out.push_back(std::move(t));
  }
  return out;
}

double number_word_value(std::string_view w) {
  static const std::unordered_map<std::string_view, int> values = [] {
    static const char* const units[] = {"zero",    "one",     "two",       "three",    "four",     "five",    "six",
                                        "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
                                        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    static std::vector<std::string> compounds;  // "twenty-five": owned here, viewed by the map
    std::unordered_map<std::string_view, int> m;
    for (int i = 0; i < 20; ++i) m.emplace(units[i], i);
    compounds.reserve(8 * 9);
    for (int t = 0; t < 8; ++t) {
      m.emplace(tens[t], 20 + 10 * t);
      for (int u = 1; u <= 9; ++u) {
        compounds.push_back(std::string(tens[t]) + "-" + units[u]);
        m.emplace(compounds.back(), 20 + 10 * t + u);
      }
    }
    m.emplace("dozen", 12);
    m.emplace("hundred", 100);
    m.emplace("thousand", 1000);
    return m;
  }();
  if (w.size() < 3 || w.size() > 13) return -1;
  auto it = values.find(w);
  return it == values.end() ? -1 : it->second;
}

int weekday_number(std::string_view w) {
  static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == days[i]) return i;
  }
  return -1;
}

int month_number(std::string_view w) {
  static const std::unordered_map<std::string_view, int> months = {
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
      {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
      {"jan", 1},     {"feb", 2},      {"mar", 3},       {"apr", 4},      {"jun", 6},       {"jul", 7},
      {"aug", 8},     {"sep", 9},      {"sept", 9},      {"oct", 10},     {"nov", 11},      {"dec", 12}};
  auto it = months.find(w);
  return it == months.end() ? 0 : it->second;
}

bool is_role_noun(std::string_view w) {
  static const char* const roles[] = {"witness", "resident", "neighbour", "passenger", "driver", "spokesman",
                                      "spokeswoman", "spokesperson", "eyewitness", "survivor", "onlooker", "local",
                                      "shopkeeper", "student", "teacher", "nurse", "doctor", "volunteer"};
  for (const char* r : roles) {
    if (w == r) return true;
  }
  return false;
}

bool is_quote_mark(std::string_view m) {
  return m == "\"" || m == "'" || m == "\xE2\x80\x9C" || m == "\xE2\x80\x9D" || m == "\xE2\x80\x98" ||
         m == "\xE2\x80\x99" || m == "\xC2\xAB" || m == "\xC2\xBB";
}

}  // namespace chorus::internal
