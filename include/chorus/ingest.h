// include/chorus/ingest.h: reads article files (plain text, JSONL) into Articles.
// Usage:
//   chorus::IngestOptions opts;
//   chorus::IngestReport report = chorus::ingest_paths({"news/", "-"}, opts);
//   for (const chorus::Problem& p : report.problems) std::cerr << p.to_string() << "\n";
//   for (chorus::Article& a : report.articles) use(a);
// One bad file or line is reported as a Problem (path, line, why) and skipped; the
// rest of the input is still read. Nothing here throws.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/corpus.h"
#include "chorus/extract.h"
#include "chorus/fetch.h"
#include "chorus/status.h"

namespace chorus {

enum class InputFormat {
  kAuto,   // by file extension, then by content ('{' first means JSONL, markup means HTML)
  kText,   // one article per file: optional header lines, then paragraphs
  kJsonl,  // one JSON object per line (news-please field names and common alternatives)
  kHtml,   // one web page per file: its article through the extract stage (chorus/extract.h)
  kWarc,   // a web archive (.warc, .warc.gz): each HTML response record is a page
  kFeed,   // an RSS or Atom feed (.rss, .atom, .rdf, .xml): each item is an article
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;          // forces a reader for every input
  std::size_t max_article_bytes = 8u << 20;         // bytes per text file or JSONL line; larger is skipped (0 = no limit)
  std::size_t max_invalid_utf8_per_mille = 10;      // more invalid UTF-8 bytes than this per 1000 (and at least 4)
                                                    // marks a file or line as not UTF-8 and skips it; fewer are
                                                    // repaired to U+FFFD with a warning
  bool recurse = true;                              // walk sub-folders of folder arguments
  std::size_t max_warc_record_bytes = 16u << 20;    // a WARC record's block; larger ones are skipped (0 = no limit)
  FetchOptions fetch;                               // for http(s) URLs given as paths, and linked pages
  bool fetch_linked_pages = false;                  // a feed item with only a summary is replaced by its page
  // When set, a feed item whose link it answers true for is passed over without being
  // fetched or read (chorus watch: already in the database).
  std::function<bool(std::string_view url)> already_have;
};

// Something wrong with one input: a whole file or one line of a JSONL file.
struct Problem {
  enum class Severity {
    kWarning,  // repaired and kept (e.g. a few invalid UTF-8 bytes)
    kSkipped,  // the file or line was not used
    kNote,     // nothing wrong: what a reader passed over by design (a WARC's request records)
  };
  std::string path;      // as given or found under a folder; "-" for stdin
  std::size_t line = 0;  // 1-based line, 0 when the problem concerns the whole file
  Severity severity = Severity::kSkipped;
  Status status;         // the code and a message that says what to do about it

  // "path:line: skipped: data_loss: ..." in the style of compiler diagnostics.
  std::string to_string() const;
};

struct IngestReport {
  std::vector<Article> articles;  // ids are 1-based, in input order
  std::vector<Problem> problems;  // in input order
  std::size_t bytes_read = 0;     // total input bytes seen
  bool any_skipped() const;
};

// True when a problem made chorus leave a file or line out (warnings do not count).
bool any_skipped(const std::vector<Problem>& problems);

// Called once per article as it is read; lets a caller stream without keeping all.
using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(Problem&&)>;

// Reads every path (file, folder, "-" for stdin, or an http(s) URL) in order, folders in
// sorted order. A URL is fetched (opts.fetch) and read by its Content-Type, its name, then
// its bytes; a feed URL yields its items; a failed fetch is a Problem like a bad file.
// Files are read by extension: .txt (and TREC SGML), .jsonl, .html/.htm/.xhtml, each also
// gzip-compressed (.html.gz), and web archives (.warc, .warc.gz: every HTML response record
// is a page, with WARC-Target-URI as its url and WARC-Date as its date when it has none),
// and RSS / Atom feeds (.rss, .atom, .rdf, .xml: each item an article, its line the item's);
// stdin is sniffed (JSONL, a feed, an HTML page, or text).
// Returns the total bytes read.
std::size_t ingest_paths(const std::vector<std::string>& paths, const IngestOptions& opts,
                         const ArticleSink& on_article, const ProblemSink& on_problem);

// The articles of one fetched URL (a page, a feed, JSON Lines, text or a WARC), read as
// ingest_paths reads a URL; problems are named by `fetched.url`. Returns the bytes read.
std::size_t ingest_fetched(const FetchedUrl& fetched, const IngestOptions& opts, const ArticleSink& on_article,
                           const ProblemSink& on_problem);

// Web pages as extracted, for `chorus extract`: every file under `paths` (and "-") is
// read as HTML (gzip-compressed when named .gz), each page or problem sent on as read.
// `extract.max_html_bytes` bounds a page. Returns the total bytes read.
using PageSink = std::function<void(const std::string& path, ExtractedPage&& page)>;
std::size_t extract_pages(const std::vector<std::string>& paths, const IngestOptions& opts,
                          const ExtractOptions& extract, const PageSink& on_page, const ProblemSink& on_problem);

// Convenience form that collects everything.
IngestReport ingest_paths(const std::vector<std::string>& paths, const IngestOptions& opts = {});

// Parses one plain-text article (the whole file). `path` names it in messages. Fails with
// kEmpty when there is no text. What was read but not understood (a date such as
// "03/04/2025") goes to `warnings`, when given.
Result<Article> parse_text_article(std::string text, std::string_view path, std::vector<std::string>* warnings = nullptr);

// TREC SGML (DUC, TDT and TREC newswire files): whether the bytes open with a <DOC>
// element, and the articles of its <DOC> elements (those with a <TEXT>). Each article's
// text is its <DOC> element as read, its markup recorded as header spans; the DOCNO is
// its url, the date comes from <DATE_TIME>, <DATE> or the DOCNO, the outlet from the
// DOCNO's source prefix ("APW" is the Associated Press).
bool looks_like_trec_sgml(std::string_view bytes);
std::vector<Article> parse_trec_documents(std::string_view bytes, std::string_view path);

// A web page's article (text, title, date, authors, outlet, url), through extract_html.
// Fails as extract_html does; a page with less than kMinHtmlArticleBytes of article text
// is a stub (a paywall, a cookie wall, an index page) and fails with kEmpty. `url` is
// where the page came from, when known; `charset` what HTTP declared, when it did.
inline constexpr std::size_t kMinHtmlArticleBytes = 80;
Result<Article> parse_html_article(std::string_view bytes, std::string_view path, std::string_view url = "",
                                   std::string_view charset = "");
Article article_from_page(ExtractedPage&& page, std::string_view path);

// Parses one JSON object (a JSONL line) into an article. `line_bytes` must be valid UTF-8.
// A date is a string or Unix seconds; `language` (news-please) is kept. Warnings as above.
Result<Article> parse_json_article(std::string_view line_bytes, std::string_view path, std::size_t line,
                                   std::vector<std::string>* warnings = nullptr);

}  // namespace chorus
