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
    // ("three-week-old": a long word whose head before the hyphen is a number word.)
    if (len >= 3 && (len <= 13 || std::string_view(word, std::min(len, sizeof word)).find('-') != std::string_view::npos)) {
      const char a = word[0], b = word[1];
      const bool could = (a == 'o' && b == 'n') || (a == 't' && (b == 'w' || b == 'h' || b == 'e')) ||
                         (a == 'f' && (b == 'o' || b == 'i')) || (a == 's' && (b == 'i' || b == 'e')) ||
                         (a == 'e' && (b == 'i' || b == 'l')) || (a == 'n' && b == 'i') || (a == 'd' && b == 'o') ||
                         (a == 'h' && b == 'u');
      std::string_view w(word, std::min<std::size_t>(len, sizeof word));
      if (could && number_word_value(w) > 0) return true;
      if ((a == 'm' || a == 'b') && b == 'i' && (w == "million" || w == "billion")) return true;  // "a million"
      // "a seven-month crackdown": the number word before a hyphen.
      if (could && w.find('-') != std::string_view::npos && number_word_value(w.substr(0, w.find('-'))) > 0) return true;
      if (a == 'h' && b == 'a' && w.starts_with("half-")) return true;  // "a half-hour debate"
    }
    len = 0;
  }
  return false;
}

WordTable::WordTable(std::span<const std::pair<std::string_view, int>> entries) {
  std::size_t size = 16;
  while (size < 4 * entries.size()) size *= 2;
  slots_.resize(size);
  mask_ = size - 1;
  for (const auto& [word, value] : entries) {
    std::size_t i = hash(word) & mask_;
    while (!slots_[i].word.empty() && slots_[i].word != word) i = (i + 1) & mask_;
    slots_[i] = Slot{word, value};
  }
}

std::uint64_t WordTable::hash(std::string_view w) {
  // FNV-1a: a few multiplies for a short word, against the library's murmur hash.
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : w) h = (h ^ c) * 1099511628211ULL;
  return h ^ (h >> 29);
}

int WordTable::find(std::string_view w, int missing) const {
  if (w.empty()) return missing;
  for (std::size_t i = hash(w) & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.word.empty()) return missing;
    if (slot.word.size() == w.size() && slot.word == w) return slot.value;
  }
}

namespace {

WordTable word_set_table(std::initializer_list<std::string_view> words) {
  std::vector<std::pair<std::string_view, int>> entries;
  entries.reserve(words.size());
  for (std::string_view w : words) entries.emplace_back(w, 1);
  return WordTable(entries);
}

}  // namespace

// Abbreviations whose full stop does not end a sentence ("Col. Arkady Krimsky said").
// (The tokenizer keeps their point: "Gov." is one token.)
bool is_abbreviated_title(std::string_view w) {
  static const WordSet kWords{"mr", "mrs", "ms", "dr", "st", "jr", "sr", "rev", "prof", "sgt", "gen", "col", "lt", "maj",
                              "capt", "cpl", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "det", "brig",
                              "cmdr", "cdr", "fr", "msgr", "hon", "gens", "cols", "lieut", "sgts", "reps", "sens"};
  return kWords.contains(w);
}

WordSet::WordSet(std::initializer_list<std::string_view> words) : table_(word_set_table(words)) {}

TokenList tokenize_sentence(std::string_view s) {
  TokenList out;
  out.reserve(s.size() / 5 + 4);
  std::string& lowered = *out.lowered_;
  lowered.reserve(s.size());
  // Lower-cased forms that differ from the text go to `lowered`, which may still grow:
  // their views are set once every token is read.
  struct Owned {
    std::size_t token, offset, size;
  };
  std::vector<Owned> owned;
  auto keep_lower = [&](std::size_t token, std::string_view text, bool number) {
    const std::size_t offset = lowered.size();
    if (number) {
      for (char c : text) {
        if (c != ',') lowered += c;
      }
    } else {
      lowered += lower_of(text);
    }
    owned.push_back(Owned{token, offset, lowered.size() - offset});
  };
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t begin = pos;
    char32_t cp = next_cp(s, pos);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) continue;
    Token t;
    t.begin = begin;
    bool needs_lowering = false;  // upper case or non-ASCII letters (words); commas (numbers)
    if (digit_char(cp)) {
      t.type = Token::kNumber;
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = next_cp(s, next);
        if (digit_char(c)) {
          pos = next;
        } else if ((c == ',' || c == '.') && next < s.size() && is_ascii_digit(s[next])) {
          needs_lowering |= c == ',';
          pos = next;  // "1,200", "2.5" (a comma or point between digits)
        } else {
          break;
        }
      }
    } else if (word_char(cp)) {
      t.type = Token::kWord;
      needs_lowering = cp >= 0x80 || is_ascii_upper(static_cast<char>(cp));
      while (pos < s.size()) {
        std::size_t next = pos;
        char32_t c = next_cp(s, next);
        if (word_char(c) || digit_char(c)) {
          needs_lowering |= c >= 0x80 || is_ascii_upper(static_cast<char>(c));
          pos = next;
        } else if ((c == '-' || c == '\'' || c == 0x2019) && next < s.size()) {
          std::size_t after = next;
          char32_t d = next_cp(s, after);
          if (!word_char(d) && !digit_char(d)) break;
          needs_lowering |= c >= 0x80;
          pos = next;  // "year-old", "Met's", "O'Brien"
        } else {
          break;
        }
      }
    } else {
      t.type = Token::kMark;
    }
    // "Mr.", "Dr.", "St.": the abbreviation's point belongs to the title; an initial
    // ("Robert F. Kennedy") keeps its point too, and so do "Jr." and "Sr.". The lower
    // form is the word without its point.
    if (t.type == Token::kWord && pos < s.size() && s[pos] == '.' && pos - begin <= 5) {
      const std::string w = lower_of(s.substr(begin, pos - begin));
      const bool initial = pos - begin == 1 && is_ascii_upper(s[begin]);
      if (initial || is_abbreviated_title(w)) {
        t.end = ++pos;
        t.text = s.substr(begin, pos - begin);
        t.capitalised = is_ascii_upper(t.text[0]);
        if (needs_lowering) {
          keep_lower(out.size(), t.text.substr(0, t.text.size() - 1), false);
        } else {
          t.lower = t.text.substr(0, t.text.size() - 1);
        }
        out.push_back(t);
        continue;
      }
    }
    t.end = pos;
    t.text = s.substr(begin, pos - begin);
    t.capitalised = t.type == Token::kWord && is_ascii_upper(t.text[0]);
    if (needs_lowering) {
      keep_lower(out.size(), t.text, t.type == Token::kNumber);
    } else {
      t.lower = t.text;
    }
    out.push_back(t);
  }
  for (const Owned& o : owned) out[o.token].lower = std::string_view(lowered).substr(o.offset, o.size);
  return out;
}

double number_word_value(std::string_view w) {
  static const WordTable values = [] {
    static const char* const units[] = {"zero",    "one",     "two",       "three",    "four",     "five",    "six",
                                        "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
                                        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    static std::vector<std::string> compounds;  // "twenty-five": owned here, viewed by the map
    std::vector<std::pair<std::string_view, int>> m;
    for (int i = 0; i < 20; ++i) m.emplace_back(units[i], i);
    compounds.reserve(8 * 9);
    for (int t = 0; t < 8; ++t) {
      m.emplace_back(tens[t], 20 + 10 * t);
      for (int u = 1; u <= 9; ++u) {
        compounds.push_back(std::string(tens[t]) + "-" + units[u]);
        m.emplace_back(compounds.back(), 20 + 10 * t + u);
      }
    }
    m.emplace_back("dozen", 12);
    m.emplace_back("hundred", 100);
    m.emplace_back("thousand", 1000);
    return WordTable(m);
  }();
  if (w.size() < 3 || w.size() > 13) return -1;
  return values.find(w, -1);
}

int weekday_number(std::string_view w) {
  static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == days[i]) return i;
  }
  return -1;
}

int month_number(std::string_view w) {
  static const WordTable months = {
      {"january", 1}, {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},       {"june", 6},
      {"july", 7},    {"august", 8},   {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
      {"jan", 1},     {"feb", 2},      {"mar", 3},       {"apr", 4},      {"jun", 6},       {"jul", 7},
      {"aug", 8},     {"sep", 9},      {"sept", 9},      {"oct", 10},     {"nov", 11},      {"dec", 12}};
  return months.find(w, 0);
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
