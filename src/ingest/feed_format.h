// src/ingest/feed_format.h: RSS 0.9x, 1.0 (RDF) and 2.0, and Atom 0.3 and 1.0 feeds, read
// with libxml2 (internal to ingest). Each item is an article: title, link, id, dates,
// authors, categories and its text (content:encoded, content, summary or description,
// whichever says most, read from HTML to lines of text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chorus/status.h"

namespace chorus::internal {

struct FeedItem {
  std::size_t line = 0;  // where the item starts in the file
  std::string title;     // as text (an HTML title's tags and entities are read)
  std::string link;      // the item's page: RSS <link>, Atom's rel="alternate" (or first) link
  std::string id;        // RSS <guid>, Atom <id>
  std::string published, updated;  // ISO 8601 as written ("2025-09-13T10:00:00+00:00"), "" when none
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::string text;            // the item's text, one paragraph per line
  std::string summary;         // its summary or description as text, "" when none
  bool summary_only = false;   // the feed gave a summary or description, not the content
};

struct Feed {
  std::string kind;  // "rss", "rdf" or "atom"
  std::string title, link, language;
  std::vector<FeedItem> items;
  std::string repaired;  // "" for well-formed XML; else what the XML parser had to recover from
};

// Whether the bytes open (after an XML declaration, comments and white space) with an
// <rss>, <feed> or <rdf:RDF> element.
bool looks_like_feed(std::string_view bytes);

// Parses a feed. Ill-formed XML is recovered as far as libxml2 can (Feed::repaired says
// so); no external entity or DTD is ever loaded. Relative links are resolved against
// xml:base, then `doc_url` (where the feed was fetched from), when given. Fails with
// kDataLoss when there is no RSS or Atom root element.
Result<Feed> parse_feed(std::string_view bytes, const std::string& doc_url = "");

// The text of an HTML fragment: block elements start new lines, tags and scripts go,
// entities are read, white space is collapsed. One paragraph per line.
std::string html_fragment_text(std::string_view html);

}  // namespace chorus::internal
