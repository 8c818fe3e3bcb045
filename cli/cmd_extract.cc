// `chorus extract PAGE...`: each web page's article and metadata, as JSON Lines with
// news-please's field names (itself chorus input), or as a text-format article.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.h"

namespace chorus::cli {
namespace {

using Json = nlohmann::ordered_json;

struct ExtractFlags {
  std::vector<std::string> paths;
  std::string format = "json";
  std::string url;
  std::size_t max_page_bytes = ExtractOptions{}.max_html_bytes;
  bool blocks = false;
  bool quiet = false;
};

Json string_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json page_json(const std::string& path, const ExtractedPage& p, bool blocks) {
  Json j;
  j["title"] = string_or_null(p.title);
  j["description"] = string_or_null(p.description);
  j["maintext"] = p.maintext;
  j["date_publish"] = string_or_null(p.date_publish);
  j["date_modify"] = string_or_null(p.date_modify);
  j["authors"] = p.authors;
  j["source_domain"] = string_or_null(p.source_domain);
  j["outlet"] = string_or_null(p.outlet);
  j["url"] = string_or_null(p.url);
  j["language"] = string_or_null(p.language);
  j["image_url"] = string_or_null(p.image_url);
  j["encoding"] = p.encoding;
  j["path"] = path;
  if (blocks) {
    Json list = Json::array();
    for (const TextBlock& b : p.blocks) {
      list.push_back({{"kind", text_block_kind_name(b.kind)},
                      {"text", {b.text.begin, b.text.end}},
                      {"html", {b.html.begin, b.html.end}}});
    }
    j["blocks"] = std::move(list);
  }
  return j;
}

// One JSON Lines record. U+2028 and U+2029 are escaped: valid JSON as they are, but
// line breaks to many line readers (Python's splitlines, JavaScript before ES2019).
std::string json_line(const Json& j) {
  std::string out = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  for (std::size_t at = 0; (at = out.find("\xe2\x80", at)) != std::string::npos; ++at) {
    if (at + 2 < out.size() && (out[at + 2] == '\xa8' || out[at + 2] == '\xa9'))
      out.replace(at, 3, out[at + 2] == '\xa8' ? "\\u2028" : "\\u2029");
  }
  return out;
}

// The text format's header lines, then the body with a blank line between paragraphs.
void print_text(const std::string& path, const ExtractedPage& p) {
  auto field = [](std::string_view key, const std::string& value) {
    if (!value.empty()) std::cout << key << ": " << value << "\n";
  };
  std::string authors;
  for (const std::string& a : p.authors) authors += (authors.empty() ? "" : ", ") + a;
  field("Title", p.title);
  field("Date", p.date_publish);
  field("Outlet", p.outlet.empty() ? p.source_domain : p.outlet);
  field("Author", authors);
  field("URL", p.url.empty() ? path : p.url);
  std::cout << "\n";
  std::string_view text = p.maintext;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::cout << text.substr(start, nl - start) << "\n\n";
    start = nl + 1;
  }
}

int run_extract(const ExtractFlags& flags) {
  ExtractOptions opts;
  opts.url = flags.url;
  opts.max_html_bytes = flags.max_page_bytes;
  opts.min_text_bytes = kMinHtmlArticleBytes;  // as ingest: a stub or a paywall's teaser is no article
  opts.keep_html = false;  // --blocks' offsets index the page's bytes (as decoded, for a non-UTF-8 page)
  std::vector<Problem> problems;
  std::size_t pages = 0;
  extract_pages(
      flags.paths, IngestOptions{}, opts,
      [&](const std::string& path, ExtractedPage&& page) {
        ++pages;
        if (flags.format == "text") {
          if (pages > 1) std::cout << "\f\n";  // a form feed between articles, as `pr` does
          print_text(path, page);
        } else {
          std::cout << json_line(page_json(path, page, flags.blocks)) << "\n";
        }
      },
      [&](Problem&& p) { problems.push_back(std::move(p)); });
  int code = report_problems(problems, flags.quiet);
  if (pages == 0) return finish_output(kExitFailure);
  return finish_output(code);
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand("extract", "Print each web page's article text and metadata (JSON Lines)");
  cmd->add_option("paths", flags->paths, "HTML pages (.html, .htm, .xhtml, or .gz of them), folders; '-' reads stdin")
      ->required();
  cmd->add_option("-f,--format", flags->format, "json (news-please fields, one object per line) or text")
      ->check(CLI::IsMember({"json", "text"}));
  cmd->add_option("--url", flags->url, "Where the page came from (the url, domain and date of last resort)");
  cmd->add_option("--max-page-bytes", flags->max_page_bytes, "Skip a page larger than this (0 = no limit)");
  cmd->add_flag("--blocks", flags->blocks, "Add each line's kind and byte ranges (in maintext and in the page)");
  cmd->add_flag("-q,--quiet", flags->quiet, "Do not print skipped-input messages");
  return [flags]() { return run_extract(*flags); };
}

}  // namespace chorus::cli
