#include "ingest/feed_format.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "base/string_util.h"
#include "base/utf8.h"
#include "extract/extract_internal.h"

namespace chorus::internal {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

std::string_view name_of(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }
std::string_view ns_of(const xmlNode* n) {
  return n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}

bool is_element(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && name_of(n) == name;
}

// Namespaces an element name is looked up in, by their usual prefixes.
constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kContentModule = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDublinCoreTerms = "http://purl.org/dc/terms/";
constexpr std::string_view kXhtml = "http://www.w3.org/1999/xhtml";

// RFC 4648 base64 (white space ignored); "" when the text is not base64.
std::string base64_decode(std::string_view in) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else if (c == '=' || is_ascii_space(c) || c == '\n') continue;
    else return "";
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string content_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string content_of_or_empty(const xmlNode* n) { return n ? content_of(n) : std::string(); }

// Lines with their white space collapsed, empty ones dropped: one paragraph per line.
std::string collapse_lines(std::string_view text) {
  std::string out, line;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty()) return;
    if (!out.empty()) out += '\n';
    out += line;
    line.clear();
  };
  for (char c : text) {
    if (c == '\n') flush();
    else if (is_ascii_space(c)) {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  flush();
  return out;
}

// The markup of an element's children (Atom's type="xhtml": a <div> holding the XHTML).
std::string inner_markup(const xmlNode* n) {
  std::string out;
  xmlBuffer* buf = xmlBufferCreate();
  for (const xmlNode* c = n->children; c; c = c->next) {
    const xmlNode* from = c;
    // The wrapping <div> of Atom XHTML content is not part of the content.
    if (is_element(c, "div") && c == n->children && !c->next) {
      for (const xmlNode* g = c->children; g; g = g->next) xmlNodeDump(buf, n->doc, const_cast<xmlNode*>(g), 0, 0);
      from = nullptr;
    }
    if (from) xmlNodeDump(buf, n->doc, const_cast<xmlNode*>(from), 0, 0);
  }
  out.assign(reinterpret_cast<const char*>(xmlBufferContent(buf)), static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

// The first child element called `name` (in namespace `ns`, when given), or null.
const xmlNode* child(const xmlNode* n, std::string_view name, std::string_view ns = "") {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c, name) && (ns.empty() || ns_of(c) == ns)) return c;
  }
  return nullptr;
}

std::string child_text(const xmlNode* n, std::string_view name, std::string_view ns = "") {
  const xmlNode* c = child(n, name, ns);
  return c ? std::string(trim(content_of(c))) : std::string();
}

// An Atom text construct (or an RSS element) as HTML: type="text" is escaped, "xhtml"
// serialised, "html" (and RSS, whose elements carry escaped HTML) taken as it is.
std::string as_html(const xmlNode* n, bool atom) {
  const std::string type = to_lower_ascii(attribute(n, "type"));
  if (type == "xhtml" || type == "application/xhtml+xml") return inner_markup(n);
  std::string text = content_of(n);
  // Atom 0.3's mode="base64", and Atom 1.0's content of a non-text media type, are base64.
  const bool textual = type.empty() || type == "text" || type == "html" || type.starts_with("text/") ||
                       type.ends_with("+xml") || type.ends_with("/xml");
  if (atom && (to_lower_ascii(attribute(n, "mode")) == "base64" || !textual)) {
    std::string decoded = base64_decode(text);
    if (!decoded.empty()) return decoded;
  }
  const bool plain = atom ? (type.empty() || type == "text" || type == "text/plain") : false;
  if (!plain) return text;
  std::string escaped;
  for (char c : text) {
    if (c == '<') escaped += "&lt;";
    else if (c == '&') escaped += "&amp;";
    else if (c == '\n') escaped += "<br>";
    else escaped += c;
  }
  return escaped;
}

std::string date_of(std::string_view written) { return extract::iso_date(written); }

// A link as written, made absolute against the node's base: its xml:base attributes, then
// the document's own address (parse_feed's doc_url); as written when there is no base.
std::string absolute_link(const xmlNode* at, std::string href) {
  href = std::string(trim(href));
  if (href.empty() || href.find("://") != std::string::npos || href.starts_with("mailto:")) return href;
  xmlChar* base = xmlNodeGetBase(at->doc, at);
  if (!base) return href;
  xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()), base);
  xmlFree(base);
  if (!resolved) return href;
  std::string out(reinterpret_cast<const char*>(resolved));
  xmlFree(resolved);
  return out;
}

// The link of an Atom entry or feed: rel="alternate" (or none) first, HTML first.
std::string atom_link(const xmlNode* n) {
  std::string first, alternate;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is_element(c, "link")) continue;
    const std::string href = absolute_link(c, attribute(c, "href"));
    if (href.empty()) continue;
    const std::string rel = attribute(c, "rel");
    if (first.empty()) first = href;
    if ((rel.empty() || rel == "alternate") && alternate.empty()) alternate = href;
  }
  return alternate.empty() ? first : alternate;
}

void add_unique(std::vector<std::string>& list, std::string value) {
  value = std::string(trim(value));
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

// "editor@example.com (Jane Doe)" -> "Jane Doe", and "Jane Doe (editor@example.com)" or
// "Jane Doe <editor@example.com>" too; a bare address stays as it is.
std::string rss_author_name(std::string_view author) {
  author = trim(author);
  for (auto [open_c, close_c] : {std::pair{'(', ')'}, std::pair{'<', '>'}}) {
    const std::size_t open = author.find(open_c);
    const std::size_t close = author.rfind(close_c);
    if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1) continue;
    const std::string_view inside = trim(author.substr(open + 1, close - open - 1));
    const std::string_view outside = trim(author.substr(0, open));
    if (inside.find('@') != std::string_view::npos && !outside.empty()) return std::string(outside);
    if (outside.find('@') != std::string_view::npos && !inside.empty()) return std::string(inside);
  }
  return std::string(author);
}

// A Dublin Core element, in either of its namespaces (writers mix them up).
const xmlNode* dublin_core(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c, name) && ns_of(c).starts_with("http://purl.org/dc/")) return c;
  }
  return nullptr;
}

// The longest of the texts an item gives, read from HTML; whether that was only a summary.
void settle_text(FeedItem& item, const std::string& content_html, const std::string& summary_html) {
  std::string content = html_fragment_text(content_html);
  item.summary = html_fragment_text(summary_html);
  item.summary_only = content.empty() && !item.summary.empty();
  item.text = content.size() >= item.summary.size() ? std::move(content) : item.summary;
}

FeedItem rss_item(const xmlNode* n) {
  FeedItem item;
  item.line = static_cast<std::size_t>(xmlGetLineNo(n));
  if (const xmlNode* t = child(n, "title")) item.title = html_fragment_text(content_of(t));
  if (const xmlNode* link = child(n, "link")) item.link = absolute_link(link, child_text(n, "link"));
  item.id = child_text(n, "guid");
  if (item.link.empty() && !item.id.empty()) {
    // A guid is the item's page unless it says otherwise (isPermaLink defaults to true).
    const xmlNode* g = child(n, "guid");
    if (to_lower_ascii(attribute(g, "isPermaLink")) != "false" && item.id.starts_with("http")) item.link = item.id;
  }
  // pubDate and dcterms:issued say when it was published; dc:date and dcterms:modified
  // when it last changed (feedparser's reading too).
  auto dc_text = [&](std::string_view name) {
    const xmlNode* c = dublin_core(n, name);
    return c ? std::string(trim(content_of(c))) : std::string();
  };
  std::string published = child_text(n, "pubDate");
  if (published.empty()) published = dc_text("issued");
  std::string updated = dc_text("modified");
  if (updated.empty()) updated = dc_text("date");
  item.published = date_of(published);
  item.updated = date_of(updated);
  if (item.id.empty()) item.id = attribute(n, "about");  // RSS 1.0: rdf:about names the item
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = name_of(c);
    if (name == "author") add_unique(item.authors, rss_author_name(content_of(c)));
    else if (name == "creator" && ns_of(c).starts_with("http://purl.org/dc/")) add_unique(item.authors, rss_author_name(content_of(c)));
    else if (name == "category" || (name == "subject" && ns_of(c) == kDublinCore)) add_unique(item.categories, content_of(c));
  }
  // The content: content:encoded, an XHTML <body>, or (some writers) <fullitem>.
  std::string content;
  if (const xmlNode* encoded = child(n, "encoded", kContentModule)) content = content_of(encoded);
  else if (const xmlNode* body = child(n, "body", kXhtml)) content = inner_markup(body);
  else if (const xmlNode* bare = child(n, "body")) content = inner_markup(bare);  // some writers leave out the namespace
  else if (const xmlNode* full = child(n, "fullitem")) content = content_of(full);
  const xmlNode* description = child(n, "description");
  settle_text(item, content, description ? content_of(description) : "");
  return item;
}

FeedItem atom_entry(const xmlNode* n, const std::vector<std::string>& feed_authors) {
  FeedItem item;
  item.line = static_cast<std::size_t>(xmlGetLineNo(n));
  if (const xmlNode* t = child(n, "title")) item.title = html_fragment_text(as_html(t, true));
  item.link = atom_link(n);
  item.id = child_text(n, "id");
  // An id that is a path ("/relative/link") is relative to the entry's base, as a link is.
  if (const xmlNode* id = child(n, "id"); id && item.id.starts_with('/')) {
    item.id = absolute_link(id, item.id);
  }
  std::string published = child_text(n, "published");
  if (published.empty()) published = child_text(n, "issued");  // Atom 0.3
  // An entry with two <updated> (against the RFC) was updated last by the last one.
  std::string updated;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c, "updated")) updated = std::string(trim(content_of(c)));
  }
  if (updated.empty()) updated = child_text(n, "modified");  // Atom 0.3
  item.published = date_of(published);
  item.updated = date_of(updated);
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is_element(c, "author")) add_unique(item.authors, child_text(c, "name"));
    else if (is_element(c, "category")) add_unique(item.categories, attribute(c, "term"));
  }
  if (item.authors.empty()) item.authors = feed_authors;  // a feed's author writes every entry
  const xmlNode* content = child(n, "content");
  const xmlNode* summary = child(n, "summary");
  settle_text(item, content ? as_html(content, true) : "", summary ? as_html(summary, true) : "");
  return item;
}

void block_text(const xmlNode* n, std::string& out) {
  static constexpr std::string_view kBlocks[] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                                  "blockquote", "tr", "pre", "ul", "ol", "table", "section", "article", "hr", "dd", "dt"};
  for (const xmlNode* c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out += reinterpret_cast<const char*>(c->content);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = to_lower_ascii(name_of(c));
    if (name == "script" || name == "style" || name == "noscript" || name == "template") continue;
    const bool block = std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
    if (block) out += '\n';
    block_text(c->children, out);
    if (block) out += '\n';
  }
}

}  // namespace

bool looks_like_feed(std::string_view bytes) {
  std::size_t pos = 0;
  if (bytes.starts_with("\xef\xbb\xbf")) pos = 3;
  for (int steps = 0; steps < 64 && pos < bytes.size(); ++steps) {
    while (pos < bytes.size() && (is_ascii_space(bytes[pos]) || bytes[pos] == '\n')) ++pos;
    if (bytes.substr(pos).starts_with("<?")) pos = bytes.find("?>", pos);
    else if (bytes.substr(pos).starts_with("<!--")) pos = bytes.find("-->", pos);
    else if (bytes.substr(pos).starts_with("<!")) pos = bytes.find('>', pos);  // a DOCTYPE
    else break;
    if (pos == std::string_view::npos) return false;
    pos += bytes[pos] == '>' ? 1 : bytes[pos] == '-' ? 3 : 2;
  }
  const std::string_view rest = bytes.substr(std::min(pos, bytes.size()));
  if (!rest.starts_with("<")) return false;
  std::size_t end = rest.find_first_of(" \t\r\n>/", 1);
  std::string_view tag = rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  if (const std::size_t colon = tag.find(':'); colon != std::string_view::npos) tag = tag.substr(colon + 1);
  return tag == "rss" || tag == "feed" || tag == "RDF";
}

// libxml2 in recovery mode passes some invalid bytes through (an undeclared encoding, a
// stray 0xFF): every string a feed yields is made valid UTF-8 before it leaves here.
static void repair(std::string& s) {
  if (check_utf8(s).invalid_bytes) s = repair_utf8(s);
}

static Feed repaired_text(Feed feed) {
  repair(feed.title);
  repair(feed.link);
  repair(feed.language);
  for (FeedItem& item : feed.items) {
    for (std::string* s : {&item.title, &item.link, &item.id, &item.published, &item.updated, &item.text, &item.summary}) repair(*s);
    for (std::string& a : item.authors) repair(a);
    for (std::string& c : item.categories) repair(c);
  }
  return feed;
}

static Result<Feed> parse_feed_tree(std::string_view bytes, const std::string& doc_url) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return Status(StatusCode::kResourceExhausted, "feed too large");
  xmlParserCtxt* ctxt = xmlNewParserCtxt();
  if (!ctxt) return Status(StatusCode::kInternal, "libxml2 cannot start");
  // RECOVER reads what an ill-formed feed still says; NONET and no DTD loading keep
  // external entities out (no XXE), and entities are not substituted.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  DocPtr doc(xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), doc_url.empty() ? nullptr : doc_url.c_str(),
                               nullptr, options));
  Feed feed;
  if (!ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    feed.repaired = e && e->message ? "line " + std::to_string(e->line) + ": " + std::string(trim(e->message)) : "ill-formed XML";
  }
  xmlFreeParserCtxt(ctxt);
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return Status(StatusCode::kDataLoss, "not XML a feed reader can read" + (feed.repaired.empty() ? "" : " (" + feed.repaired + ")"));
  const std::string_view root_name = name_of(root);
  if (root_name == "feed") {
    feed.kind = "atom";
    feed.title = html_fragment_text(child(root, "title") ? as_html(child(root, "title"), true) : "");
    feed.link = atom_link(root);
    feed.language = attribute(root, "lang");
    std::vector<std::string> authors;
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (is_element(c, "author")) add_unique(authors, child_text(c, "name"));
    }
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (is_element(c, "entry")) feed.items.push_back(atom_entry(c, authors));
    }
    return feed;
  }
  if (root_name != "rss" && root_name != "RDF") {
    return Status(StatusCode::kDataLoss, "not an RSS or Atom feed (its root element is <" + std::string(root_name) + ">)");
  }
  feed.kind = root_name == "rss" ? "rss" : "rdf";
  const xmlNode* channel = child(root, "channel");
  if (channel) {
    feed.title = html_fragment_text(content_of_or_empty(child(channel, "title")));
    if (const xmlNode* link = child(channel, "link")) feed.link = absolute_link(link, child_text(channel, "link"));
    feed.language = child_text(channel, "language");
    if (feed.language.empty()) feed.language = child_text(channel, "language", kDublinCore);
  }
  // RSS 2.0 puts items in the channel; RSS 0.90 and 1.0 (RDF) beside it.
  for (const xmlNode* parent : {channel, root}) {
    if (!parent) continue;
    for (const xmlNode* c = parent->children; c; c = c->next) {
      if (is_element(c, "item")) feed.items.push_back(rss_item(c));
    }
  }
  return feed;
}

Result<Feed> parse_feed(std::string_view bytes, const std::string& doc_url) {
  Result<Feed> feed = parse_feed_tree(bytes, doc_url);
  if (!feed.ok()) return feed;
  return repaired_text(std::move(feed).value());
}

std::string html_fragment_text(std::string_view html) {
  if (trim(html).empty()) return "";
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    return collapse_lines(html);
  }
  const std::string wrapped = "<html><body>" + std::string(html) + "</body></html>";
  DocPtr doc(htmlReadMemory(wrapped.data(), static_cast<int>(wrapped.size()), nullptr, "utf-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) return collapse_lines(html);
  std::string out;
  block_text(xmlDocGetRootElement(doc.get()), out);
  return collapse_lines(out);
}

}  // namespace chorus::internal
