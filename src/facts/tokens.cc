#include "facts/tokens.h"

#include <cstdlib>

#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

bool is_word_char(char32_t cp) { return is_letter(cp) || is_combining(cp); }

}  // namespace

std::vector<Token> tokenize_sentence(std::string_view s) {
  std::vector<Token> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t begin = pos;
    char32_t cp = decode_utf8(s, pos);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) continue;
    Token t;
    t.begin = begin;
    if (is_digit(cp)) {
      t.type = Token::kNumber;
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = decode_utf8(s, next);
        if (is_digit(c)) {
          pos = next;
        } else if ((c == ',' || c == '.') && next < s.size() && is_ascii_digit(s[next])) {
          pos = next;  // "1,200", "2.5" (a comma or point between digits)
        } else {
          break;
        }
      }
    } else if (is_word_char(cp)) {
      t.type = Token::kWord;
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = decode_utf8(s, next);
        if (is_word_char(c) || is_digit(c)) {
          pos = next;
        } else if ((c == '-' || c == '\'' || c == 0x2019) && next < s.size()) {
          std::size_t after = next;
          char32_t d = decode_utf8(s, after);
          if (!is_word_char(d) && !is_digit(d)) break;
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
      std::string w = lower_word(s.substr(begin, pos - begin));
      if (w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "st" || w == "prof" || w == "rev" || w == "sgt" ||
          w == "gen" || w == "col" || w == "capt" || w == "lt" || w == "det" || w == "insp" || w == "supt") {
        t.end = ++pos;
        t.text = std::string(s.substr(begin, pos - begin));
        t.lower = w;
        t.capitalised = is_ascii_upper(t.text[0]);
        out.push_back(std::move(t));
        continue;
      }
    }
    t.end = pos;
    t.text = std::string(s.substr(begin, pos - begin));
    if (t.type == Token::kNumber) {
      for (char c : t.text) {
        if (c != ',') t.lower += c;
      }
    } else {
      t.lower = lower_word(t.text);
      t.capitalised = t.type == Token::kWord && is_ascii_upper(t.text[0]);
    }
    out.push_back(std::move(t));
  }
  return out;
}

double number_word_value(std::string_view w) {
  static const char* const units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                      "seventeen", "eighteen", "nineteen"};
  static const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 20; ++i) {
    if (w == units[i]) return i;
  }
  for (int i = 0; i < 8; ++i) {
    if (w == tens[i]) return 20 + 10 * i;
    std::string_view t = tens[i];
    if (w.size() > t.size() + 1 && w.substr(0, t.size()) == t && w[t.size()] == '-') {
      double unit = number_word_value(w.substr(t.size() + 1));
      if (unit >= 1 && unit <= 9) return 20 + 10 * i + unit;
    }
  }
  if (w == "dozen") return 12;
  if (w == "hundred") return 100;
  if (w == "thousand") return 1000;
  return -1;
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
