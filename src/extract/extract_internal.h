// src/extract/extract_internal.h: the parts of extraction, each in its own file (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/extract.h"
#include "extract/html_tree.h"

namespace chorus::internal {
// decode_html without a copy: a view of `bytes` when they are UTF-8 already (no BOM),
// else of `out`, which then holds the converted page.
// `transport` is the charset HTTP declared, if any: a BOM wins over it, it over <meta>.
std::string_view decode_html_view(std::string_view bytes, std::string& out, std::string* charset,
                                  std::string_view transport = "");
}  // namespace chorus::internal

namespace chorus::internal::extract {

// page_names.cc: what an element's class and id words say it is. A strong negative word
// ("comment", "share", "related") marks furniture whatever else the names say; a weak one
// ("sidebar", "menu") loses to an article word ("article", "content", "entry").
enum class NameEvidence { kNone, kPositive, kWeakNegative, kStrongNegative };
NameEvidence evidence_of(std::string_view names);
// A comment thread (by its names or its comment system's), not WordPress's "comments-open" state.
bool names_a_comment(std::string_view names);

// main_text.cc: the article body as lines with their kinds and page offsets. `title`
// is the page's headline, so a heading that repeats it is not part of the body.
void extract_main_text(const html::Tree& tree, std::string_view title, ExtractedPage& page);

// furniture.cc: lines that are page furniture wherever they stand ("Advertisement",
// "Share this", "Foto: ...", "Subscribe now to ..."), a timestamp on a line of its own,
// and the end of an article ("About the author", "Mehr zum Thema"): everything from such
// a line on, in the article's second half, is cut (with its blocks).
bool furniture_line(std::string_view line);
bool timestamp_line(std::string_view line);
bool code_line(std::string_view line);
void cut_trailer(ExtractedPage& page);
// Whether the page says it holds back its article for subscribers (a paywall's names or
// its "Subscribe to continue reading").
bool marks_a_paywall(const html::Tree& tree);

// page_metadata.cc: title, description, dates, authors, outlet, url, language, image.
// `json_ld_body` gets the JSON-LD article's articleBody ("" when none).
void extract_metadata(const html::Tree& tree, const ExtractOptions& opts, ExtractedPage& page,
                      std::string* json_ld_body);
// A page that renders its article by script shows little, but its JSON-LD may carry the
// whole text: when that is much longer than what the page showed, it becomes the body
// (one line per paragraph; its lines have no place in the page, so html spans are empty).
void prefer_json_ld_body(std::string_view body, ExtractedPage& page);
// The date the page shows where its article starts (the last date written before the
// first line of the article, else one in that line), which settles what metadata lacks:
// no date at all, or a UTC time whose day differs by one from the publisher's own.
void settle_date_with_visible(const html::Tree& tree, ExtractedPage& page);
// A publication date a page's scripts carry as JSON ("published_at", "createdAt"), for
// pages that show none and whose metadata has none: the first such key's date, or "".
std::string date_in_scripts(std::string_view page);
// Authors from a byline element before or at the start of the article, for pages whose
// metadata names nobody.
void settle_authors_with_byline(const html::Tree& tree, ExtractedPage& page);

// page_dates.cc: "2019-08-02T10:00:00+02:00", "Fri, 02 Aug 2019 10:00:00 GMT", "2. August 2019",
// "August 2, 2019", "02.08.2019" -> ISO 8601 ("2019-08-02T10:00:00+02:00" or "2019-08-02");
// "" when the string holds no date.
std::string iso_date(std::string_view s);
// A date in a URL path: "/2019/08/02/", "/2019-08-02-", "/20190802/"; "" when none.
std::string date_in_url(std::string_view url);
// The first date written out in running text ("Published 2 August 2019"), "" when none.
std::string date_in_text(std::string_view text);

// page_authors.cc: white space runs as one space, trimmed.
std::string collapse_spaces(std::string_view s);

// "&oacute;" -> "ó": JSON-LD and attribute text that a page escaped once more.
std::string decode_entities(std::string_view s);

// Name cleaning shared by the metadata readers: "By JANE DOE and John Roe" -> {"Jane Doe", "John Roe"}.
std::vector<std::string> author_names(std::string_view raw);

}  // namespace chorus::internal::extract
