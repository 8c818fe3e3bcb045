// extract_html: decode, parse, read metadata, find the body; and the checks around them.
#include <algorithm>
#include <cstring>
#include <string>

#include "base/string_util.h"
#include "chorus/extract.h"
#include "extract/extract_internal.h"
#include "extract/html_tree.h"

namespace chorus {

std::string_view text_block_kind_name(TextBlock::Kind kind) {
  switch (kind) {
    case TextBlock::Kind::kParagraph: return "paragraph";
    case TextBlock::Kind::kHeading: return "heading";
    case TextBlock::Kind::kListItem: return "list_item";
    case TextBlock::Kind::kQuote: return "quote";
    case TextBlock::Kind::kPreformatted: return "preformatted";
    case TextBlock::Kind::kTableCell: return "table_cell";
  }
  return "paragraph";
}

bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xef\xbb\xbf")) bytes.remove_prefix(3);
  std::size_t first = bytes.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos || bytes[first] != '<') return false;
  std::string head = internal::to_lower_ascii(bytes.substr(first, 2048));
  for (std::string_view mark : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--", "<article",
                                "<div", "<p>", "<?xml version"}) {
    if (head.find(mark) != std::string::npos) return mark != "<?xml version" || head.find("<html") != std::string::npos;
  }
  return false;
}

Result<ExtractedPage> extract_html(std::string_view bytes, const ExtractOptions& opts) {
  if (opts.max_html_bytes && bytes.size() > opts.max_html_bytes) {
    return Status(StatusCode::kResourceExhausted, "page of " + std::to_string(bytes.size()) +
                                                      " bytes is over the limit of " +
                                                      std::to_string(opts.max_html_bytes) + " (--max-article-bytes)");
  }
  const bool utf16 = bytes.starts_with("\xff\xfe") || bytes.starts_with("\xfe\xff");
  // A page may carry a stray NUL; binary data has them early and often.
  // memchr first: almost every page has none, and counting byte by byte costs a pass.
  const bool any_nul = !utf16 && std::memchr(bytes.data(), '\0', bytes.size()) != nullptr;
  const std::size_t nuls = any_nul ? static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0')) : 0;
  if (nuls > 0 && (nuls * 100 > bytes.size() || bytes.substr(0, 512).find('\0') != std::string_view::npos))
    return Status(StatusCode::kDataLoss, "binary data, not an HTML page (NUL bytes)");
  std::string without_nuls;
  if (nuls > 0) {
    without_nuls.assign(bytes);
    std::replace(without_nuls.begin(), without_nuls.end(), '\0', ' ');
    bytes = without_nuls;
  }
  ExtractedPage page;
  std::string converted;
  std::string_view decoded = internal::decode_html_view(bytes, converted, &page.encoding, opts.charset);
  if (decoded.find('<') == std::string_view::npos)
    return Status(StatusCode::kDataLoss, "not an HTML page: no markup at all");
  internal::html::Tree tree = internal::html::parse_tree(decoded);
  if (opts.keep_html) page.html = decoded.data() == converted.data() ? std::move(converted) : std::string(decoded);
  std::string json_ld_body;
  internal::extract::extract_metadata(tree, opts, page, &json_ld_body);
  internal::extract::extract_main_text(tree, page.title, page);
  internal::extract::prefer_json_ld_body(json_ld_body, page);
  internal::extract::settle_date_with_visible(tree, page);
  if (page.date_publish.empty()) page.date_publish = internal::extract::date_in_scripts(decoded);
  internal::extract::settle_authors_with_byline(tree, page);
  // A teaser and a subscription prompt: the article is not on the page.
  constexpr std::size_t kTeaserBytes = 700;
  if (opts.min_text_bytes > 1 && page.maintext.size() < kTeaserBytes && internal::extract::marks_a_paywall(tree)) {
    return Status(StatusCode::kEmpty, "a paywall's teaser (" + std::to_string(page.maintext.size()) +
                                          " bytes of text), not the article");
  }
  if (page.maintext.size() < std::max<std::size_t>(opts.min_text_bytes, 1)) {
    return Status(StatusCode::kEmpty, page.maintext.empty()
                                          ? "no article text in the page (an empty body, or only navigation)"
                                          : "only " + std::to_string(page.maintext.size()) +
                                                " bytes of article text (a stub or a paywall?)");
  }
  return page;
}

}  // namespace chorus
