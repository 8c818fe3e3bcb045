// Plain-text articles: optional header ("Title: ..." lines, or the " date YYYY-MM-DD"
// first line that scrapers write), an optional byline, an optional headline, then
// paragraphs. Metadata bytes are recorded in Article::header_spans so that clean drops
// them while offsets into the file stay intact.
#include <array>
#include <optional>

#include "base/string_util.h"
#include "chorus/ingest.h"
#include "clean/boilerplate.h"
#include "ingest/metadata.h"

namespace chorus {
namespace {

using internal::trim;

struct Line {
  std::uint32_t begin = 0;  // byte offset of the line's first byte
  std::uint32_t end = 0;    // offset of its '\n' (or end of text)
  std::string_view text;    // trimmed content
};

std::vector<Line> lines_with_offsets(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end),
                     trim(text.substr(start, end - start))});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

// "Title: ...", "Date: ..." header fields; returns the field name in lower case.
std::optional<std::pair<std::string, std::string_view>> header_field(std::string_view line) {
  constexpr std::array<std::string_view, 10> kKeys = {"title", "date", "outlet", "source", "byline",
                                                      "author", "by", "url", "published", "language"};
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 12) return std::nullopt;
  std::string key = internal::to_lower_ascii(trim(line.substr(0, colon)));
  for (std::string_view k : kKeys) {
    if (key == k) return std::make_pair(key, trim(line.substr(colon + 1)));
  }
  return std::nullopt;
}

void apply_header_field(Article& a, const std::string& key, std::string_view value, std::vector<std::string>* warnings) {
  if (key == "title") a.title = value;
  else if (key == "date" || key == "published") {
    a.date = internal::normalize_date(value);
    if (std::string why = internal::date_warning(value); warnings && !why.empty()) warnings->push_back(std::move(why));
  }
  else if (key == "outlet" || key == "source") a.outlet = value;
  else if (key == "byline" || key == "author" || key == "by") a.byline = value;
  else if (key == "url") a.url = value;
  else if (key == "language") a.language = value;
}

// Reads a block of "Key: value" lines at the top. Returns the index of the first line after it.
std::size_t read_header_block(const std::vector<Line>& lines, Article& a, std::vector<std::string>* warnings) {
  std::size_t i = 0;
  while (i < lines.size() && lines[i].text.empty()) ++i;
  std::size_t first = i;
  while (i < lines.size()) {
    auto field = header_field(lines[i].text);
    if (!field) break;
    apply_header_field(a, field->first, field->second, warnings);
    a.header_spans.push_back({lines[i].begin, lines[i].end});
    ++i;
  }
  return i == first ? 0 : i;
}

// " date 2017-03-23 Rest of line": records the date and returns the rest as a span.
std::optional<Span> read_date_line(std::string_view text, const Line& line, Article& a) {
  std::string_view t = line.text;
  if (!internal::starts_with_icase(t, "date ")) return std::nullopt;
  std::string_view rest = trim(t.substr(5));
  std::string date = internal::normalize_date(rest.substr(0, std::min<std::size_t>(rest.size(), 10)));
  if (date.empty()) return std::nullopt;
  a.date = date;
  rest = trim(rest.substr(std::min<std::size_t>(rest.size(), 10)));
  auto rest_begin = static_cast<std::uint32_t>(rest.data() - text.data());
  auto rest_end = static_cast<std::uint32_t>(rest_begin + rest.size());
  a.header_spans.push_back({line.begin, rest.empty() ? line.end : rest_begin});
  return Span{rest_begin, rest_end};
}

}  // namespace

Result<Article> parse_text_article(std::string text, std::string_view path, std::vector<std::string>* warnings) {
  Article a;
  a.path = std::string(path);
  const std::vector<Line> lines = lines_with_offsets(text);

  std::size_t next = read_header_block(lines, a, warnings);
  std::optional<Span> title_candidate;
  if (next == 0 && !lines.empty()) {
    std::size_t first = 0;
    while (first < lines.size() && lines[first].text.empty()) ++first;
    if (first < lines.size()) {
      title_candidate = read_date_line(text, lines[first], a);
      if (title_candidate) next = first + 1;
    }
  }

  // Within the first lines: a byline, then the headline as the first content line.
  bool title_done = !a.title.empty();
  if (title_candidate && !title_candidate->empty()) {
    std::string_view cand = std::string_view(text).substr(title_candidate->begin, title_candidate->size());
    if (!internal::classify_boilerplate(cand)) {
      a.title = std::string(cand);
      title_done = true;
      // A headline without sentence punctuation is metadata; a full sentence is also the lede.
      if (internal::looks_like_heading(cand)) a.header_spans.push_back(*title_candidate);
    }
  }
  std::size_t content_lines_seen = 0;
  for (std::size_t i = next; i < lines.size() && content_lines_seen < 6; ++i) {
    const Line& line = lines[i];
    if (line.text.empty() || internal::classify_boilerplate(line.text)) continue;
    ++content_lines_seen;
    if (auto byline = internal::parse_byline(line.text)) {
      if (a.byline.empty()) a.byline = byline->names;
      if (a.outlet.empty()) a.outlet = byline->outlet;
      a.header_spans.push_back({line.begin, line.end});
      continue;
    }
    if (!title_done) {
      title_done = true;
      if (internal::looks_like_heading(line.text)) {
        a.title = std::string(line.text);
        a.header_spans.push_back({line.begin, line.end});
      }
    }
  }

  std::sort(a.header_spans.begin(), a.header_spans.end(),
            [](const Span& x, const Span& y) { return x.begin < y.begin; });
  // An article needs some text outside its header.
  bool has_body = false;
  std::uint32_t pos = 0;
  for (const Span& h : a.header_spans) {
    if (!trim(std::string_view(text).substr(pos, h.begin > pos ? h.begin - pos : 0)).empty()) has_body = true;
    pos = std::max(pos, h.end);
  }
  if (!trim(std::string_view(text).substr(std::min<std::size_t>(pos, text.size()))).empty()) has_body = true;
  if (!has_body) {
    return Status(StatusCode::kEmpty, "no article text" + std::string(lines.empty() ? "" : " after the header"));
  }
  a.text = std::move(text);
  return a;
}

}  // namespace chorus
