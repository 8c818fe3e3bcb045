#include "chorus/clean.h"

#include <algorithm>

#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "clean/boilerplate.h"

namespace chorus {
namespace {

// Appends cleaned bytes and records where they came from.
class CleanWriter {
 public:
  explicit CleanWriter(CleanText& out) : out_(out) {}

  // Bytes copied unchanged from source offset `src`.
  void copy(std::uint32_t src, std::string_view bytes) {
    if (bytes.empty()) return;
    auto& pieces = out_.map.pieces;
    auto clean_at = static_cast<std::uint32_t>(out_.text.size());
    bool extends = !pieces.empty() && pieces.back().linear && pieces.back().source_end == src &&
                   pieces.back().clean_begin + (pieces.back().source_end - pieces.back().source_begin) == clean_at;
    if (extends) {
      pieces.back().source_end += static_cast<std::uint32_t>(bytes.size());
    } else {
      pieces.push_back({clean_at, src, static_cast<std::uint32_t>(src + bytes.size()), true});
    }
    out_.text.append(bytes);
  }

  // Bytes that replace source range [src_begin, src_end) as a whole.
  void replace(std::uint32_t src_begin, std::uint32_t src_end, std::string_view bytes) {
    if (bytes.empty()) return;
    out_.map.pieces.push_back({static_cast<std::uint32_t>(out_.text.size()), src_begin, src_end, false});
    out_.text.append(bytes);
  }

 private:
  CleanText& out_;
};

// TREC and LaTeX write quotation marks as two backticks and two apostrophes (DUC, TDT and
// much wire copy), a single backtick for a nested opening one. Returns how many bytes at
// line[i] are such a mark: 2, 1 (a backtick) or 0.
std::size_t tex_quote_bytes(std::string_view line, std::size_t i) {
  if (line[i] == '`') return i + 1 < line.size() && line[i + 1] == '`' ? 2 : 1;
  if (line[i] == '\'' && i + 1 < line.size() && line[i + 1] == '\'') return 2;
  return 0;
}

// The typographic mark for a TREC mark. Two apostrophes usually close a quotation, but
// some agency copy opens with them too: before a word and after a space they open.
std::string_view tex_quote_glyph(std::string_view line, std::size_t i, std::size_t marks) {
  if (line[i] == '`') return marks == 2 ? "\xe2\x80\x9c" : "\xe2\x80\x98";
  const bool after_space = i == 0 || internal::is_ascii_space(line[i - 1]) || line[i - 1] == '(';
  const bool before_word = i + 2 < line.size() && !internal::is_ascii_space(line[i + 2]);
  return after_space && before_word ? "\xe2\x80\x9c" : "\xe2\x80\x9d";
}

// Copies one trimmed line, folding white space and normalising to NFC cluster by cluster
// (a starter and its combining marks), so each changed cluster maps back to its source.
void write_normalized(CleanWriter& w, std::string_view line, std::uint32_t src) {
  std::size_t i = 0;
  bool pending_space = false;
  std::uint32_t space_at = 0;
  auto flush_space = [&]() {
    if (pending_space) w.copy(space_at, " ");
    pending_space = false;
  };
  while (i < line.size()) {
    if (std::size_t marks = tex_quote_bytes(line, i)) {
      flush_space();
      w.replace(src + static_cast<std::uint32_t>(i), src + static_cast<std::uint32_t>(i + marks),
                tex_quote_glyph(line, i, marks));
      i += marks;
      continue;
    }
    if (internal::is_ascii_space(line[i])) {
      if (!pending_space) space_at = src + static_cast<std::uint32_t>(i);
      pending_space = true;
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(line[i]) < 0x80) {
      std::size_t j = i;
      while (j < line.size() && static_cast<unsigned char>(line[j]) < 0x80 && !internal::is_ascii_space(line[j]) &&
             ((line[j] != '`' && line[j] != '\'') || !tex_quote_bytes(line, j))) {  // a mark is rare: test the byte first
        ++j;
      }
      // Hold the last ASCII char back when a combining mark follows: NFC may join them.
      std::size_t end = j;
      if (j < line.size()) {
        std::size_t probe = j;
        if (internal::is_combining(internal::decode_utf8(line, probe))) --end;
      }
      flush_space();
      w.copy(src + static_cast<std::uint32_t>(i), line.substr(i, end - i));
      i = end;
      if (end == j) continue;  // otherwise line[i] starts a cluster below
    }
    std::size_t start = i;
    char32_t cp = internal::decode_utf8(line, i);
    if (internal::is_invisible(cp)) continue;
    if (internal::is_space(cp)) {
      if (!pending_space) space_at = src + static_cast<std::uint32_t>(start);
      pending_space = true;
      continue;
    }
    while (i < line.size()) {
      std::size_t probe = i;
      if (!internal::is_combining(internal::decode_utf8(line, probe))) break;
      i = probe;
    }
    std::string_view cluster = line.substr(start, i - start);
    flush_space();
    if (i - start == internal::utf8_sequence_length(static_cast<unsigned char>(line[start])) &&
        internal::nfc_stable(cp)) {
      w.copy(src + static_cast<std::uint32_t>(start), cluster);  // the common case: no call into utf8proc
      continue;
    }
    std::string normalized = internal::nfc(cluster);
    if (normalized == cluster) w.copy(src + static_cast<std::uint32_t>(start), cluster);
    else w.replace(src + static_cast<std::uint32_t>(start), src + static_cast<std::uint32_t>(i), normalized);
  }
}

struct Piece {
  std::uint32_t begin;
  std::uint32_t end;
};

// Splits [begin, end) around the header spans that overlap it.
std::vector<Piece> outside_headers(std::uint32_t begin, std::uint32_t end, const std::vector<Span>& headers) {
  std::vector<Piece> pieces{{begin, end}};
  for (const Span& h : headers) {
    if (h.end <= begin || h.begin >= end) continue;
    std::vector<Piece> next;
    for (const Piece& p : pieces) {
      if (h.end <= p.begin || h.begin >= p.end) {
        next.push_back(p);
        continue;
      }
      if (h.begin > p.begin) next.push_back({p.begin, h.begin});
      if (h.end < p.end) next.push_back({h.end, p.end});
    }
    pieces = std::move(next);
  }
  return pieces;
}

}  // namespace

namespace {

struct KeptLine {
  std::string_view text;   // trimmed, bullet glyph removed
  std::uint32_t source;    // offset of `text` in the article
  std::uint32_t end;       // offset just past the trimmed line
  bool bullet = false;
  bool after_break = true;  // a blank or removed line separates it from the previous kept line
  bool continues = false;   // goes on the paragraph above: an unindented line in indented copy
  std::size_t wrapped_size = 0;  // the line's length as wrapped, a dateline cut from it included
};

bool is_indented(std::string_view raw_line) {
  return raw_line.starts_with('\t') || raw_line.starts_with("  ");
}

// Wire copy (DUC, TDT, agency feeds) marks paragraphs by indenting their first line, with
// no blank line between them; its other lines start at the margin. Then indentation, not
// a full stop at a line's end ("Gen." or a sentence ending where the line wraps), says
// where paragraphs begin.
bool marks_paragraphs_by_indent(std::string_view text) {
  std::size_t indented = 0, flush = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, (nl == std::string_view::npos ? text.size() : nl) - start);
    if (!internal::trim(line).empty()) ++(is_indented(line) ? indented : flush);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return indented >= 2 && flush * 2 >= indented;
}

// Whether a line ends its sentence: final punctuation, maybe inside closing quotes.
bool ends_sentence(std::string_view line) {
  while (!line.empty()) {
    if (line.ends_with("\xe2\x80\x9d") || line.ends_with("\xe2\x80\x99")) line.remove_suffix(3);
    else if (line.back() == '"' || line.back() == '\'' || line.back() == ')' || line.back() == ']') line.remove_suffix(1);
    else break;
  }
  if (line.empty()) return true;
  char c = line.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || line.ends_with("\xe2\x80\xa6");
}

// Hard-wrapped text (wire copy, e-mail) breaks sentences across lines. A line is joined
// to the next when it stops mid-sentence and the next goes on: it starts in lower case
// or with a digit, or the line is as long as wrapped lines are. Bullets and lines after a
// blank line are never joined, so headings and lists keep their own lines.
// A line ending in a comma, or in a word no sentence or heading ends with ("approved by
// the Security Council on"), stops mid-sentence.
bool ends_mid_sentence(std::string_view line) {
  if (line.ends_with(",") || line.ends_with(",\"") || line.ends_with(",''")) return true;
  const std::size_t sp = line.rfind(' ');
  if (sp == std::string_view::npos) return false;
  static const char* const kFunctionWords[] = {"a", "an", "the", "of", "on", "in", "to", "for", "with", "at", "by",
                                               "from", "and", "or", "that", "as", "into", "its", "their"};
  const std::string_view last = line.substr(sp + 1);
  return std::any_of(std::begin(kFunctionWords), std::end(kFunctionWords), [&](const char* w) { return last == w; });
}

bool joins_next(const KeptLine& line, const KeptLine& next, std::size_t wrapped_line_bytes) {
  if (next.after_break || line.bullet || next.bullet) return false;
  if (next.continues) return true;
  if (ends_sentence(line.text)) return false;
  unsigned char first = static_cast<unsigned char>(next.text.front());
  bool continues = (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
  return continues || line.wrapped_size >= wrapped_line_bytes || ends_mid_sentence(line.text);
}

// How long a hard-wrapped line of this text is at least: 60 bytes, or less where the text
// wraps shorter (Xinhua's 60-odd columns leave lines of 55 mid-sentence).
std::size_t wrapped_line_bytes(const std::vector<KeptLine>& kept) {
  constexpr std::size_t kWrappedLineBytes = 60, kShortest = 45;
  std::vector<std::size_t> sizes;
  for (const KeptLine& l : kept) sizes.push_back(l.wrapped_size);
  if (sizes.size() < 8) return kWrappedLineBytes;
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() * 9 / 10), sizes.end());
  const std::size_t p90 = sizes[sizes.size() * 9 / 10];
  return std::clamp<std::size_t>(p90 * 4 / 5, kShortest, kWrappedLineBytes);
}

}  // namespace

CleanText clean_article(const Article& article, const CleanOptions& opts) {
  CleanText out;
  out.text.reserve(article.text.size());
  CleanWriter w(out);
  const std::string_view text = article.text;
  for (const Span& h : article.header_spans) out.removed.push_back({h, RemovalKind::kHeader});

  std::vector<KeptLine> kept;
  const bool by_indent = opts.unwrap_lines && marks_paragraphs_by_indent(text);
  bool after_break = true;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::vector<Piece> pieces = outside_headers(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end),
                                                article.header_spans);
    if (pieces.size() != 1 || pieces[0].begin != start) after_break = true;  // a header shared the line
    for (const Piece& piece : pieces) {
      std::string_view line = internal::trim(text.substr(piece.begin, piece.end - piece.begin));
      if (line.empty()) {
        after_break = true;
        continue;
      }
      auto line_src = static_cast<std::uint32_t>(line.data() - text.data());
      auto line_end = static_cast<std::uint32_t>(line_src + line.size());
      if (opts.remove_boilerplate) {
        if (auto kind = internal::classify_boilerplate(line)) {
          out.removed.push_back({Span{line_src, line_end}, *kind});
          after_break = true;
          continue;
        }
      }
      std::size_t bullet = opts.strip_bullets ? internal::bullet_prefix_bytes(line) : 0;
      line.remove_prefix(bullet);
      // Wire datelines open an article's first paragraphs, not its later ones.
      constexpr std::size_t kDatelineLines = 3;
      if (opts.remove_boilerplate && bullet == 0 && kept.size() < kDatelineLines) {
        if (std::size_t d = internal::dateline_prefix_bytes(line)) {
          out.removed.push_back({Span{line_src, static_cast<std::uint32_t>(line_src + d)}, RemovalKind::kDateline});
          line.remove_prefix(d);
        }
      }
      auto kept_src = static_cast<std::uint32_t>(line.data() - text.data());
      const bool indented = is_indented(text.substr(piece.begin, piece.end - piece.begin));
      if (by_indent && indented) after_break = true;
      const bool continues = by_indent && !indented && !after_break;
      kept.push_back({line, kept_src, line_end, bullet > 0, after_break, continues, line_end - line_src});
      after_break = false;
    }
    if (end == text.size() || pieces.empty()) after_break = true;
    start = end + 1;
  }
  const std::size_t wrap = wrapped_line_bytes(kept);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const KeptLine& line = kept[i];
    if (opts.normalize_unicode) write_normalized(w, line.text, line.source);
    else w.copy(line.source, line.text);
    bool join = opts.unwrap_lines && i + 1 < kept.size() && joins_next(line, kept[i + 1], wrap);
    // "anti-" / "terrorist": a compound broken at its hyphen joins without a space.
    const bool at_hyphen = join && line.text.size() > 1 && line.text.back() == '-' &&
                           internal::is_ascii_alpha(line.text[line.text.size() - 2]) &&
                           internal::is_ascii_lower(kept[i + 1].text.front());
    w.copy(line.end, join ? (at_hyphen ? "" : " ") : "\n");
    if (!join) out.line_is_bullet.push_back(line.bullet ? 1 : 0);
  }
  std::sort(out.removed.begin(), out.removed.end(),
            [](const Removal& a, const Removal& b) { return a.source.begin < b.source.begin; });
  return out;
}

}  // namespace chorus
