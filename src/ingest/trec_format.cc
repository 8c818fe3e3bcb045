// TREC SGML (the DUC, TDT and TREC newswire collections): files of <DOC> elements, the
// article inside <TEXT>, its id in <DOCNO>, date in <DATE_TIME> or <DATE>, headline in
// <HEADLINE>. Each article's text is its <DOC> element as read; everything but the words
// inside <TEXT> (other elements, <P> tags) is a header span, so clean drops it while
// offsets still point into the file.
#include <algorithm>

#include "base/string_util.h"
#include "chorus/ingest.h"
#include "ingest/metadata.h"

namespace chorus {
namespace {

using internal::trim;

// [begin, end) of the contents of <tag>...</tag> inside doc, or {npos, npos}.
std::pair<std::size_t, std::size_t> element(std::string_view doc, std::string_view tag) {
  std::string open = "<", close = "</";
  open.append(tag).push_back('>');
  close.append(tag).push_back('>');
  std::size_t b = doc.find(open);
  if (b == std::string_view::npos) return {b, b};
  b += open.size();
  std::size_t e = doc.find(close, b);
  return {b, e == std::string_view::npos ? doc.size() : e};
}

std::string element_text(std::string_view doc, std::string_view tag) {
  auto [b, e] = element(doc, tag);
  if (b == std::string_view::npos) return "";
  std::string out;
  bool space = false;
  for (std::size_t i = b; i < e; ++i) {
    const char c = doc[i];
    if (c == '<') {  // a nested tag
      std::size_t close = doc.find('>', i);
      i = close == std::string_view::npos || close >= e ? e : close;
      space = true;
      continue;
    }
    if (internal::is_ascii_space(c) || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "APW" -> "Associated Press": the collections' source prefixes, else the prefix itself.
std::string outlet_of_docno(std::string_view docno) {
  std::size_t letters = 0;
  while (letters < docno.size() && internal::is_ascii_alpha(docno[letters])) ++letters;
  const std::string_view prefix = docno.substr(0, letters);
  static const std::pair<std::string_view, std::string_view> kSources[] = {
      {"APW", "Associated Press"}, {"AP", "Associated Press"}, {"NYT", "New York Times"},
      {"XIE", "Xinhua"},           {"XIN", "Xinhua"},          {"FT", "Financial Times"},
      {"LA", "Los Angeles Times"}, {"WSJ", "Wall Street Journal"}, {"SJMN", "San Jose Mercury News"}};
  for (const auto& [p, name] : kSources) {
    if (prefix == p) return std::string(name);
  }
  return std::string(prefix);
}

// A date from <DATE_TIME> ("10/17/1998 05:50:00", "1999-10-31 21:01:44") or the DOCNO
// ("APW19981017.0151").
std::string date_of(std::string_view doc, std::string_view docno) {
  std::string when = element_text(doc, "DATE_TIME");
  if (when.empty()) when = element_text(doc, "DATE");
  if (when.size() >= 10 && when[2] == '/' && when[5] == '/') {
    when = when.substr(6, 4) + "-" + when.substr(0, 2) + "-" + when.substr(3, 2);
  }
  std::string date = internal::normalize_date(when);
  if (!date.empty()) return date;
  std::size_t i = 0;
  while (i < docno.size() && internal::is_ascii_alpha(docno[i])) ++i;
  if (docno.size() >= i + 8 && std::all_of(docno.begin() + static_cast<long>(i), docno.begin() + static_cast<long>(i + 8),
                                           internal::is_ascii_digit)) {
    return std::string(docno.substr(i, 4)) + "-" + std::string(docno.substr(i + 4, 2)) + "-" +
           std::string(docno.substr(i + 6, 2));
  }
  return "";
}

// One <DOC> element as an article; nullopt when it has no <TEXT>.
std::optional<Article> trec_article(std::string_view doc, std::string_view path) {
  auto [text_begin, text_end] = element(doc, "TEXT");
  if (text_begin == std::string_view::npos) return std::nullopt;
  Article a;
  a.path = std::string(path);
  a.text = std::string(doc);
  const std::string docno = element_text(doc, "DOCNO");
  a.url = docno;  // the collection's id: what labels and references name
  a.title = element_text(doc, "HEADLINE");
  a.date = date_of(doc, docno);
  a.outlet = outlet_of_docno(docno);
  auto span = [](std::size_t b, std::size_t e) { return Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}; };
  a.header_spans.push_back(span(0, text_begin));
  for (std::size_t i = doc.find('<', text_begin); i != std::string_view::npos && i < text_end; i = doc.find('<', i + 1)) {
    std::size_t close = doc.find('>', i);
    if (close == std::string_view::npos || close >= text_end) break;
    // Editors' notes inside the text ("<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL
    // FOLLOWS) </ANNOTATION>") are markup too, words and all.
    if (doc.substr(i, close + 1 - i) == "<ANNOTATION>") {
      const std::size_t end = doc.find("</ANNOTATION>", close);
      if (end != std::string_view::npos && end < text_end) close = end + std::string_view("</ANNOTATION>").size() - 1;
    }
    a.header_spans.push_back(span(i, close + 1));
    i = close;
  }
  a.header_spans.push_back(span(text_end, doc.size()));
  bool any_text = false;
  for (std::size_t i = text_begin; i < text_end && !any_text; ++i) any_text = !internal::is_ascii_space(doc[i]) && doc[i] != '\n';
  if (!any_text) return std::nullopt;
  return a;
}

}  // namespace

bool looks_like_trec_sgml(std::string_view bytes) {
  return trim(bytes.substr(0, 64)).starts_with("<DOC>");
}

std::vector<Article> parse_trec_documents(std::string_view bytes, std::string_view path) {
  std::vector<Article> out;
  for (std::size_t at = bytes.find("<DOC>"); at != std::string_view::npos;) {
    std::size_t end = bytes.find("</DOC>", at);
    std::size_t stop = end == std::string_view::npos ? bytes.size() : end + 6;
    if (std::optional<Article> a = trec_article(bytes.substr(at, stop - at), path)) out.push_back(std::move(*a));
    at = bytes.find("<DOC>", stop);
  }
  return out;
}

}  // namespace chorus
