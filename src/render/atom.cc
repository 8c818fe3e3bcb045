// Atom (RFC 4287) feeds of events: one entry per event, the brief as escaped HTML content.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "chorus/render.h"

namespace chorus {
namespace {

using Json = nlohmann::ordered_json;

// XML text and attribute values: HTML's escaping (its five entities are XML's too), after
// dropping the control characters XML 1.0 does not allow.
std::string escape_xml(std::string_view text) {
  std::string allowed;
  allowed.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\n' || c == '\t' || c == '\r') allowed += c;
  }
  return escape_html(allowed);
}

std::string element(std::string_view name, std::string_view text) {
  std::string out;
  out.append("<").append(name).append(">").append(escape_xml(text)).append("</").append(name).append(">");
  return out;
}

// A sentence's citation marks, linked to the sources' URLs where they have one.
std::string citation_links(const Json& sentence, const std::map<int, std::pair<std::string, std::string>>& sources) {
  std::string out;
  for (const Json& c : sentence.value("citations", Json::array())) {
    const int id = c.value("article", 0);
    std::string mark = "[";
    mark.append(std::to_string(id)).append("]");
    auto src = sources.find(id);
    if (src != sources.end() && !src->second.first.empty()) {
      out.append(" <a href=\"").append(escape_html(src->second.first)).append("\" title=\"");
      out.append(escape_html(src->second.second)).append("\">").append(mark).append("</a>");
    } else {
      out.append(" ").append(mark);
    }
  }
  return out;
}

std::string string_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string atom_event_id(int event_id, int version) {
  std::string id = "tag:chorus,2026:event/" + std::to_string(event_id);
  if (version > 0) id += "/v" + std::to_string(version);
  return id;
}

std::string rfc3339(std::string_view t) {
  if (t.empty()) return "";
  if (t.size() == 10) return std::string(t) + "T00:00:00Z";
  return std::string(t);
}

AtomEntry atom_entry_of(const Brief& brief) { return atom_entry_of_json(render_brief(brief, RenderFormat::kJson)); }

AtomEntry atom_entry_of_json(std::string_view brief_json) {
  AtomEntry e;
  const Json brief = Json::parse(brief_json, nullptr, false);
  if (!brief.is_object()) return e;
  if (auto h = brief.find("headline"); h != brief.end() && h->is_object()) e.title = string_of(*h, "text");
  // Source id -> (url, outlet).
  std::map<int, std::pair<std::string, std::string>> sources;
  std::set<std::string> outlets;
  for (const Json& src : brief.value("sources", Json::array())) {
    const std::string url = string_of(src, "url"), outlet = string_of(src, "outlet");
    sources[src.value("id", 0)] = {url, outlet};
    if (!url.empty() && std::find(e.related.begin(), e.related.end(), url) == e.related.end()) e.related.push_back(url);
    if (!outlet.empty() && outlets.insert(outlet).second) e.authors.push_back(outlet);
  }
  std::string html;
  if (const int known = brief.value("known_articles", 0)) {
    html += "<p><em>New since the " + std::to_string(known) + " articles read before.</em></p>\n";
  }
  html += "<ul>\n";
  for (const Json& s : brief.value("digest", Json::array())) {
    html += "<li>" + escape_html(string_of(s, "text")) + citation_links(s, sources) + "</li>\n";
  }
  html += "</ul>\n";
  if (auto facts = brief.find("facts"); facts != brief.end() && facts->is_object()) {
    for (const Json& en : facts->value("entities", Json::array())) {
      if (e.categories.size() >= 8) break;
      if (const std::string name = string_of(en, "name"); !name.empty()) e.categories.push_back(name);
    }
  }
  e.content_html = std::move(html);
  return e;
}

std::string render_atom(const AtomFeed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  " + element("id", feed.id) + "\n  " + element("title", feed.title) + "\n  " + element("updated", feed.updated) + "\n";
  out += "  <author><name>chorus</name></author>\n";
  out += "  <generator>chorus</generator>\n";
  if (!feed.self.empty()) out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape_xml(feed.self) + "\"/>\n";
  if (!feed.alternate.empty()) out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(feed.alternate) + "\"/>\n";
  for (const AtomEntry& e : feed.entries) {
    out += "  <entry>\n    " + element("id", e.id) + "\n    " + element("title", e.title.empty() ? "(no headline)" : e.title) +
           "\n    " + element("updated", e.updated.empty() ? feed.updated : e.updated) + "\n";
    if (!e.published.empty()) out += "    " + element("published", e.published) + "\n";
    for (const std::string& a : e.authors) out += "    <author>" + element("name", a) + "</author>\n";
    if (!e.link.empty()) out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(e.link) + "\"/>\n";
    for (const std::string& r : e.related) out += "    <link rel=\"related\" href=\"" + escape_xml(r) + "\"/>\n";
    for (const std::string& c : e.categories) out += "    <category term=\"" + escape_xml(c) + "\"/>\n";
    out += "    <content type=\"html\">" + escape_xml(e.content_html) + "</content>\n  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace chorus
