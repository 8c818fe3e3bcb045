// include/chorus/extract.h: web pages (HTML) to article text and metadata.
// Usage:
//   chorus::Result<chorus::ExtractedPage> page = chorus::extract_html(bytes, {.url = "https://..."});
//   if (!page.ok()) std::cerr << page.status().to_string() << "\n";
//   else std::cout << page->title << "\n" << page->maintext;
//   for (const chorus::TextBlock& b : page->blocks)   // where each line came from in the page
//     highlight(page->html, b.html);
// The page is parsed by libxml2's HTML parser (the parser lxml, and so trafilatura and
// readability-lxml, use) through its SAX interface into a compact tree; the article body
// is chosen by text density, link density and tag, class and id evidence, and metadata is
// read from JSON-LD, OpenGraph, <meta>, microdata, <time>, the URL and the visible text.
// Nothing here reads files or throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/corpus.h"
#include "chorus/status.h"

namespace chorus {

struct ExtractOptions {
  std::string url;                         // where the page came from, "" when unknown: the url,
                                           // domain and date of last resort
  std::string charset;                     // the charset the transport declared (HTTP Content-Type):
                                           // it wins over the page's <meta>, as in browsers; "" = none
  std::size_t max_html_bytes = 16u << 20;  // larger pages are refused (kResourceExhausted); 0 = no limit
  std::size_t min_text_bytes = 1;          // a page whose article text is shorter is refused (kEmpty)
  bool keep_html = true;                   // fill ExtractedPage::html; off, it stays "" and, for a UTF-8
                                           // page, TextBlock::html indexes the bytes given
};

// One line of the article text and where it came from.
struct TextBlock {
  enum class Kind : std::uint8_t { kParagraph, kHeading, kListItem, kQuote, kPreformatted, kTableCell };
  Kind kind = Kind::kParagraph;
  Span text;  // bytes of ExtractedPage::maintext, without the line's '\n'
  Span html;  // bytes of ExtractedPage::html: the element the line was read from
};
std::string_view text_block_kind_name(TextBlock::Kind kind);

// A page's article. Field names follow news-please; what the page does not say stays "".
struct ExtractedPage {
  std::string maintext;               // the body: one paragraph, heading or list item per '\n'-ended line
  std::string title;
  std::string description;
  std::string date_publish;           // ISO 8601: "2019-08-02T10:00:00+02:00", or "2019-08-02" without a time
  std::string date_modify;            // the same form
  std::vector<std::string> authors;   // names only
  std::string source_domain;          // "metro.co.uk"
  std::string outlet;                 // og:site_name or the publisher's name
  std::string url;                    // canonical link, og:url, then ExtractOptions::url
  std::string language;               // "en", "de-CH": <html lang>, og:locale or content-language
  std::string image_url;
  std::string encoding;               // the charset the page was decoded from ("utf-8", "windows-1252")
  std::string html;                   // the page as valid UTF-8: TextBlock::html indexes it
  std::vector<TextBlock> blocks;      // one per line of maintext, in order
};

// Whether bytes look like an HTML document (a doctype, <html>, <head> or <body> near the start).
bool looks_like_html(std::string_view bytes);

// The page's bytes as valid UTF-8. The charset comes from a byte-order mark, then a
// <meta charset> or http-equiv in the first 4 KiB, then the bytes themselves (valid UTF-8
// stays UTF-8, anything else is windows-1252, which is also what "iso-8859-1" and
// "us-ascii" labels mean on the web). Undecodable bytes become U+FFFD. `charset` gets the
// name used.
std::string decode_html(std::string_view bytes, std::string* charset = nullptr);

// Extracts the article of one page. Fails with kResourceExhausted (over max_html_bytes),
// kDataLoss (binary, not HTML) or kEmpty (no article text: an empty body, a stub).
Result<ExtractedPage> extract_html(std::string_view bytes, const ExtractOptions& opts = {});

}  // namespace chorus
