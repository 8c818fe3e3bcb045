// include/chorus/render.h: a Brief as text, Markdown, JSON, HTML or plain sentences.
// Usage:
//   std::string out = chorus::render_brief(*brief, chorus::RenderFormat::kMarkdown);
//   std::string page = chorus::render_brief_html(*brief, corpus.documents);  // with the articles
// Plain is one sentence per line (headline first, then the digest) with nothing else:
// exactly what ROUGE scores. The JSON schema is documented in README.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/brief.h"
#include "chorus/ingest.h"

namespace chorus {

enum class RenderFormat { kText, kMarkdown, kJson, kHtml, kPlain };

// "text" | "markdown" | "md" | "json" | "html" | "plain"; kInvalidArgument otherwise.
Result<RenderFormat> parse_render_format(std::string_view name);

// `problems` (may be empty) are listed in the JSON output so a caller sees what was skipped.
std::string render_brief(const Brief& brief, RenderFormat format, const std::vector<Problem>& problems = {});

// Trusted HTML fragments a host page adds around the brief (a server's navigation, an
// event's history); everything taken from articles is escaped by the renderer.
struct HtmlOptions {
  std::string nav_html;    // before the headline
  std::string extra_html;  // after the facts, before the sources
};

// One self-contained HTML page (inline CSS, no script, nothing fetched): headline, digest,
// key figures, who said what, timeline, entities, a chart of coverage by outlet over time
// and the sources. With the articles' documents, every source's sentences are shown with
// an anchor "a<article>-s<sentence>" that each citation links to; the linked sentence is
// highlighted (CSS :target). Without them, citations link to the source's entry "a<id>".
std::string render_brief_html(const Brief& brief, const std::vector<Document>& articles = {},
                              const HtmlOptions& opts = {});

// A page with chorus's style around trusted body HTML; the title is escaped here.
std::string html_page(std::string_view title, std::string_view body_html);

// `text` with & < > " ' escaped for HTML text and attribute values.
std::string escape_html(std::string_view text);

}  // namespace chorus
