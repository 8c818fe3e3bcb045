// Quotation marks paired per paragraph: straight and typographic, double and single, an
// apostrophe between letters is no mark, "15 years' service" does not close a quotation,
// a quotation may open with a bracket; one- or two-word scare quotes are told apart.
#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "facts/quote_rules.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

bool is_letter_or_digit(char32_t c) { return is_letter(c) || is_digit(c); }

// After "s'" and a space: whether the next word is a noun the plural possessive holds
// ("years' service") rather than the sentence going on ("the boys' and", "' he said").
bool possessive_follows(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t b = pos + 1;  // past the space
  std::size_t e = b;
  while (e < end && is_ascii_alpha(text[e])) ++e;
  if (e == b || !is_ascii_lower(text[b])) return false;
  static const WordSet kFunction{"and", "or", "but", "he", "she", "they", "it", "said", "says", "to", "in", "on", "at",
                                 "of", "for", "with", "as", "is", "was", "were", "are", "that", "which", "who", "the",
                                 "a", "an", "by", "from", "than", "then", "so", "if", "when", "we", "i", "you", "told",
                                 "added", "asked", "replied", "wrote", "has", "had", "have", "be", "been", "not"};
  return !kFunction.contains(lower_word(text.substr(b, e - b)));
}

}  // namespace

// Quote segments of one paragraph [begin, end) of the cleaned text.
std::vector<Segment> pair_marks(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t paragraph) {
  std::vector<Segment> out;
  enum { kNone, kDouble, kSingle } open = kNone;
  Segment cur;
  char32_t prev = ' ';
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t at = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    // Letters, digits and spaces only matter as the neighbours of a mark: skip them fast.
    if (byte < 0x80 && byte != '"' && byte != '\'') {
      prev = byte;
      ++pos;
      continue;
    }
    const char32_t c = decode_utf8(text, pos);
    std::size_t peek = pos;
    const char32_t next = pos < end ? decode_utf8(text, peek) : U' ';
    const bool dbl = c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB';
    const bool sgl = c == U'\'' || c == U'\u2018' || c == U'\u2019';
    if (dbl) {
      if (open == kNone && c != U'\u201D' && c != U'\u00BB') {
        open = kDouble;
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if ((open == kDouble && c != U'\u201C' && c != U'\u00AB') || (open == kSingle && c == U'\u201D')) {
        // (A closing double mark also ends a quotation some copy opened with a single one.)
        cur.end = at;
        cur.close = at;
        out.push_back(cur);
        open = kNone;
      }
    } else if (sgl && !(is_letter_or_digit(prev) && is_letter_or_digit(next))) {
      // "‘(Thursday) morning, Parliament will meet": a bracket may open the quoted words.
      const bool opens_words = is_letter_or_digit(next) || next == U'(' || next == U'[';
      // "the U.K.'s Foreign Secretary": an abbreviation's possessive opens nothing.
      std::size_t after_s = peek;
      const char32_t next2 = after_s < end ? decode_utf8(text, after_s) : U' ';
      const bool possessive = (prev == U'.' || prev == U')') && next == U's' && !is_letter_or_digit(next2);
      if (open == kNone && c != U'\u2019' && !is_letter_or_digit(prev) && opens_words && !possessive) {
        open = kSingle;
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if (open == kNone && c == U'\u2019' && !is_letter_or_digit(prev) && is_letter_or_digit(next)) {
        open = kSingle;  // some outlets open with a right single mark
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if (open == kSingle && c != U'\u2018' && prev != U' ' && !is_letter(next) &&
                 !(prev == U's' && next == U' ' && possessive_follows(text, pos, end))) {
        // "years' service": a plural possessive after a closing letter would look the same,
        // so only a mark followed by punctuation, a space or the end closes a quotation,
        // and not "s' " before a noun ("15 years' service" goes on).
        cur.end = at;
        cur.close = at;
        out.push_back(cur);
        open = kNone;
      }
    }
    prev = c;
  }
  if (open != kNone) {
    cur.end = end;
    cur.close = end;
    cur.closed = false;
    out.push_back(cur);
  }
  return out;
}

// One or two quoted words ("a 'peripheral' figure", "described it as an 'amateur bomb.'")
// mark a term, not who said what, unless they make a sentence of their own ("No way!").
bool is_scare_quote(std::string_view quoted, std::string_view before) {
  if (std::count(quoted.begin(), quoted.end(), ' ') >= 2) return false;
  const bool opens_sentence = trim(before).empty();
  const char last = quoted.back();
  const bool sentence = opens_sentence && is_ascii_upper(quoted.front()) && (last == '.' || last == '!' || last == '?');
  return !sentence;
}

bool is_work_title(std::string_view quoted, std::string_view before, std::string_view after) {
  // Title case: the first word and every word of four letters or more capitalised.
  std::size_t words = 0;
  bool title_case = true;
  for (std::size_t i = 0; i < quoted.size();) {
    while (i < quoted.size() && !is_ascii_alpha(quoted[i])) ++i;
    std::size_t e = i;
    while (e < quoted.size() && (is_ascii_alpha(quoted[e]) || quoted[e] == '\'' || quoted[e] == '-')) ++e;
    if (e == i) break;
    if ((words == 0 || e - i >= 4) && !is_ascii_upper(quoted[i])) title_case = false;
    ++words;
    i = e;
  }
  // "``Death to Arabs!''" is chanted, "``We will win.''" said: a title has no sentence's end.
  const std::string_view bare = trim(quoted);
  if (!title_case || words < 2 || words > 14 || bare.find_first_of("!?") != std::string_view::npos || bare.ends_with(".")) {
    return false;
  }
  // "an author of ``Hate Crimes: The Rising Tide ...'' (Plenum Press, 1993)".
  const std::string_view rest = trim(after);
  if (rest.starts_with("(")) return true;
  // "his book ``The Malaria Capers''", "a report titled ``...''".
  std::size_t count = 0;
  for (std::size_t e = before.size(); e > 0 && count < 3;) {
    while (e > 0 && !is_ascii_alpha(before[e - 1])) --e;
    std::size_t b = e;
    while (b > 0 && is_ascii_alpha(before[b - 1])) --b;
    if (b == e) break;
    const std::string w = lower_word(before.substr(b, e - b));
    if (one_of(w, {"book", "books", "novel", "film", "movie", "documentary", "song", "album", "play", "musical", "series",
                   "show", "study", "article", "essay", "column", "poem", "titled", "entitled", "called", "headlined",
                   "magazine", "program", "programme", "memoir", "biography", "guide", "textbook", "of"})) {
      return true;
    }
    ++count;
    e = b;
  }
  return false;
}

// Whether the text has any quote mark at all (most sentences of most articles do not).
bool has_quote_marks(std::string_view text) {
  // One pass: a straight mark, or the lead byte of a typographic one (checked in full).
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\'') return true;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) return true;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAB) return true;
  }
  return false;
}

}  // namespace chorus::internal
