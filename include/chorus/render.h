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

// An Atom feed of events (RFC 4287): one entry per event, for any feed reader.
struct AtomEntry {
  std::string id;                    // permanent: atom_event_id(), never from the headline
  std::string title;                 // the headline ("Updated: ..." for an update entry)
  std::string published, updated;    // RFC 3339 ("2026-04-14T00:00:00Z")
  std::string link;                  // rel="alternate": the event's page ("" when none)
  std::vector<std::string> related;  // rel="related": each source article's URL
  std::vector<std::string> categories;  // the event's main entities
  std::string content_html;          // the brief as HTML (escaped into the feed here)
  std::vector<std::string> authors;  // the outlets; the feed's author stands in when empty
};
struct AtomFeed {
  std::string id, title, self, alternate, updated;  // self: this feed's own URL
  std::vector<AtomEntry> entries;
};
std::string render_atom(const AtomFeed& feed);
// "tag:chorus,2026:event/12" (version 0) or ".../v3" for the update entry of version 3.
std::string atom_event_id(int event_id, int version = 0);
// "2026-04-14" -> "2026-04-14T00:00:00Z"; a full RFC 3339 time is kept; "" stays "".
std::string rfc3339(std::string_view date_or_time);
// An entry of a brief: its digest with citations linked to the sources' URLs; related
// links and authors (the outlets) from its sources, categories from its entities. The
// JSON form reads a brief as render_brief writes it (what the store keeps).
AtomEntry atom_entry_of(const Brief& brief);
AtomEntry atom_entry_of_json(std::string_view brief_json);

}  // namespace chorus
