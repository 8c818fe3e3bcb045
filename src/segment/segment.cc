#include "chorus/segment.h"

#include <string>

#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "clean/boilerplate.h"
#include "segment/abbreviations.h"

namespace chorus {
namespace {

using internal::decode_utf8;

bool is_terminal(char32_t cp) { return cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026'; }
bool is_closer(char32_t cp) {
  return cp == U')' || cp == U']' || internal::is_double_quote(cp) || internal::is_single_quote(cp);
}
bool is_opener(char32_t cp) {
  return cp == U'(' || cp == U'[' || internal::is_double_quote(cp) || internal::is_single_quote(cp);
}

// Tracks whether the scan is inside a quotation, from straight and typographic marks.
class QuoteTracker {
 public:
  // Updates the depth for the mark `cp` found between `prev` and `next`.
  void see(char32_t prev, char32_t cp, char32_t next) {
    const bool prev_word = internal::is_letter(prev) || internal::is_digit(prev);
    const bool next_word = internal::is_letter(next) || internal::is_digit(next);
    if (cp == U'"') {
      if (double_ > 0 && !(prev == 0 || internal::is_space(prev))) --double_;
      else ++double_;
    } else if (cp == U'\u201C' || cp == U'\u201E' || cp == U'\u00AB') {
      ++double_;
    } else if (cp == U'\u201D' || cp == U'\u00BB') {
      if (double_ > 0) --double_;
      else unmatched_close_ = true;
    } else if (cp == U'\u2018' || (cp == U'\'' && !prev_word && next_word)) {
      ++single_;
    } else if ((cp == U'\u2019' || cp == U'\'') && single_ > 0 && !next_word) {
      --single_;  // otherwise an apostrophe: "Met's", "can't", "years' service"
    }
  }
  bool inside() const { return double_ + single_ > 0; }
  bool unmatched_close() const { return unmatched_close_; }
  void clear_unmatched() { unmatched_close_ = false; }

 private:
  int double_ = 0;
  int single_ = 0;
  bool unmatched_close_ = false;
};

// The word that ends just before byte `dot` ("Mr" in "Mr."), without opening marks.
std::string_view word_before(std::string_view line, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && !internal::is_ascii_space(line[b - 1])) --b;
  std::string_view w = line.substr(b, dot - b);
  while (!w.empty() && (w.front() == '(' || w.front() == '"' || w.front() == '\'' || w.front() == '[')) w.remove_prefix(1);
  return w;
}

// The word that starts at byte `pos` (letters only), skipping opening marks.
std::string_view word_at(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    std::size_t p = pos;
    if (!is_opener(decode_utf8(line, p))) break;
    pos = p;
  }
  std::size_t e = pos;
  while (e < line.size() && internal::is_ascii_alpha(line[e])) ++e;
  return line.substr(pos, e - pos);
}

bool is_dotted_abbreviation(std::string_view w) {  // "U.S", "a.m", "U.K"
  if (w.size() < 3) return false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool letter_slot = i % 2 == 0;
    if (letter_slot ? !internal::is_ascii_alpha(w[i]) : w[i] != '.') return false;
  }
  return true;
}

// Whether a full stop at `dot`, followed by the word at `next`, ends the sentence.
bool full_stop_ends_sentence(std::string_view line, std::size_t dot, std::size_t next) {
  std::string_view w = word_before(line, dot);
  if (w.empty()) return true;
  if (internal::is_abbreviation(w)) return false;
  if (w.size() == 1 && internal::is_ascii_upper(w[0])) return false;  // an initial: "J. K. Rowling"
  if (is_dotted_abbreviation(w)) return internal::is_common_sentence_start(word_at(line, next));
  return true;
}

// Whether the text at `pos` can begin a sentence: an upper-case letter or digit, maybe
// after opening quotes or brackets.
bool can_start_sentence(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    char32_t cp = decode_utf8(line, pos);
    if (is_opener(cp)) continue;
    return internal::is_upper_letter(cp) || internal::is_digit(cp);
  }
  return false;
}

struct ParagraphScan {
  std::vector<Span> spans;            // sentence spans relative to the line
  std::vector<bool> starts_inside;    // the sentence starts inside a quotation
  std::vector<bool> ends_inside;      // it ends inside one
  std::vector<bool> unmatched_close;  // it closes a quotation it did not open
};

ParagraphScan scan_paragraph(std::string_view line, const SegmentOptions& opts) {
  ParagraphScan scan;
  QuoteTracker quotes;
  std::size_t sentence_begin = 0;
  bool sentence_starts_inside = false;
  std::size_t words_inside_quote = 0;
  char32_t prev = 0;
  std::size_t pos = 0;
  auto close_sentence = [&](std::size_t end, std::size_t next_begin) {
    scan.spans.push_back({static_cast<std::uint32_t>(sentence_begin), static_cast<std::uint32_t>(end)});
    scan.starts_inside.push_back(sentence_starts_inside);
    scan.ends_inside.push_back(quotes.inside());
    scan.unmatched_close.push_back(quotes.unmatched_close());
    quotes.clear_unmatched();
    sentence_begin = next_begin;
    sentence_starts_inside = quotes.inside();
  };
  while (pos < line.size()) {
    std::size_t at = pos;
    char32_t cp = decode_utf8(line, pos);
    std::size_t peek = pos;
    char32_t next = pos < line.size() ? decode_utf8(line, peek) : 0;
    if (internal::is_double_quote(cp) || internal::is_single_quote(cp)) quotes.see(prev, cp, next);
    if (internal::is_space(cp) && quotes.inside() && !internal::is_space(prev)) ++words_inside_quote;
    if (!quotes.inside()) words_inside_quote = 0;
    prev = cp;
    if (!is_terminal(cp)) continue;
    // Take the rest of the terminal run and any closing marks: `?!`, `.”`, `.’)`.
    std::size_t end = pos;
    while (end < line.size()) {
      std::size_t p = end;
      char32_t c2 = decode_utf8(line, p);
      std::size_t p2 = p;
      char32_t after = p < line.size() ? decode_utf8(line, p2) : 0;
      if (is_terminal(c2)) {
        end = p;
        prev = c2;
      } else if (is_closer(c2)) {
        quotes.see(prev, c2, after);
        end = p;
        prev = c2;
      } else {
        break;
      }
    }
    pos = end;
    if (end >= line.size() || !internal::is_ascii_space(line[end])) continue;
    std::size_t next_begin = end;
    while (next_begin < line.size() && internal::is_ascii_space(line[next_begin])) ++next_begin;
    if (!can_start_sentence(line, next_begin)) continue;
    bool quote_too_long = opts.max_quote_words > 0 && words_inside_quote > opts.max_quote_words;
    if (opts.keep_quotes_whole && quotes.inside() && !quote_too_long) continue;
    if (cp == U'.' && !full_stop_ends_sentence(line, at, next_begin)) continue;
    close_sentence(end, next_begin);
  }
  if (sentence_begin < line.size()) close_sentence(line.size(), line.size());
  return scan;
}

bool starts_with_opening_quote(std::string_view line) {
  std::size_t p = 0;
  char32_t cp = line.empty() ? 0 : decode_utf8(line, p);
  return cp == U'"' || cp == U'\'' || internal::is_opening_only_quote(cp);
}

}  // namespace

std::vector<Sentence> segment(const CleanText& clean, const SegmentOptions& opts) {
  std::vector<Sentence> out;
  const std::string_view text = clean.text;
  std::size_t start = 0;
  std::uint32_t paragraph = 0;
  bool previous_left_quote_open = false;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    const bool bullet = paragraph < clean.line_is_bullet.size() && clean.line_is_bullet[paragraph];
    const bool continues = previous_left_quote_open && starts_with_opening_quote(line);
    ParagraphScan scan = scan_paragraph(line, opts);
    for (std::size_t k = 0; k < scan.spans.size(); ++k) {
      Sentence s;
      s.span = {static_cast<std::uint32_t>(start + scan.spans[k].begin), static_cast<std::uint32_t>(start + scan.spans[k].end)};
      s.source = clean.map.to_source(s.span);
      s.paragraph = paragraph;
      s.index = static_cast<std::uint32_t>(out.size());
      s.bullet = bullet;
      s.heading = !bullet && scan.spans.size() == 1 && internal::looks_like_heading(line);
      s.balanced_quotes = !scan.starts_inside[k] && !scan.ends_inside[k] && !scan.unmatched_close[k];
      if (k == 0 && continues) s.quote = QuoteRole::kContinues;
      else if (scan.starts_inside[k]) s.quote = QuoteRole::kContinues;
      else if (scan.ends_inside[k]) s.quote = QuoteRole::kOpens;
      out.push_back(s);
    }
    previous_left_quote_open = !scan.ends_inside.empty() && scan.ends_inside.back();
    ++paragraph;
    start = end + 1;
  }
  return out;
}

std::string debug_string(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const Sentence& s : sentences) {
    if (!out.empty()) out += '|';
    out += '[' + std::to_string(s.span.begin) + ',' + std::to_string(s.span.end) + ')';
  }
  return out;
}

}  // namespace chorus
