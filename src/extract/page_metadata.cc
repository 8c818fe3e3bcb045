// Metadata, each field from the strongest evidence a page gives: JSON-LD, then OpenGraph
// and other <meta> conventions, then microdata and <time>, then the URL and the visible text.
#include <algorithm>
#include <cstdlib>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/HTMLparser.h>
#include <nlohmann/json.hpp>

#include "base/dates.h"
#include "base/string_util.h"
#include "base/utf8.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

using html::kNoNode;
using html::Tag;
using html::Tree;
using Json = nlohmann::json;

// What JSON-LD says about the page's article.
struct LinkedData {
  std::string headline, description, date_publish, date_modify, publisher, image, url;
  std::string body;  // articleBody: the text of a page that renders it by script
  std::vector<std::string> authors;
};

bool is_article_type(const Json& type) {
  auto article = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" || t == "NewsArticle" ||
           t == "LiveBlogPosting" || t == "ReportageNewsArticle" || t == "Posting";
  };
  if (type.is_string()) return article(type.get<std::string>());
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), [&](const Json& t) { return t.is_string() && article(t.get<std::string>()); });
  }
  return false;
}

std::string string_of(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    for (const char* inner : {"name", "url", "@id"}) {
      auto in = it->find(inner);
      if (in != it->end() && in->is_string()) return in->get<std::string>();
    }
  }
  if (it->is_array() && !it->empty()) {
    const Json& first = it->front();
    if (first.is_string()) return first.get<std::string>();
    if (first.is_object()) {
      auto in = first.find("url");
      if (in != first.end() && in->is_string()) return in->get<std::string>();
    }
  }
  return "";
}

void add_authors(const Json& a, std::vector<std::string>& out) {
  if (a.is_string()) {
    for (std::string& n : author_names(a.get<std::string>())) out.push_back(std::move(n));
  } else if (a.is_object()) {
    // An Organization as author is the publisher again, not a byline.
    if (auto type = a.find("@type"); type != a.end() && type->is_string() && type->get<std::string>() == "Organization")
      return;
    auto name = a.find("name");
    if (name != a.end()) add_authors(*name, out);
  } else if (a.is_array()) {
    for (const Json& e : a) add_authors(e, out);
  }
}

void read_article_object(const Json& j, LinkedData& ld, bool article) {
  auto fill = [](std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
  };
  if (article) {
    fill(ld.headline, string_of(j, "headline"));
    fill(ld.description, string_of(j, "description"));
    fill(ld.image, string_of(j, "image"));
    fill(ld.url, string_of(j, "url"));
    fill(ld.body, string_of(j, "articleBody"));
    if (auto p = j.find("publisher"); p != j.end()) fill(ld.publisher, p->is_object() ? string_of(j, "publisher") : "");
    if (ld.authors.empty()) {
      if (auto a = j.find("author"); a != j.end()) add_authors(*a, ld.authors);
      else if (auto c = j.find("creator"); c != j.end()) add_authors(*c, ld.authors);
    }
  }
  if (article || ld.date_publish.empty()) fill(ld.date_publish, iso_date(string_of(j, "datePublished")));
  if (article || ld.date_modify.empty()) fill(ld.date_modify, iso_date(string_of(j, "dateModified")));
}

void walk_json_ld(const Json& j, LinkedData& ld, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const Json& e : j) walk_json_ld(e, ld, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  auto type = j.find("@type");
  bool article = type != j.end() && is_article_type(*type);
  if (article || j.contains("datePublished")) read_article_object(j, ld, article);
  for (const char* nested : {"@graph", "mainEntity", "itemListElement"}) {
    if (auto it = j.find(nested); it != j.end()) walk_json_ld(*it, ld, depth + 1);
  }
}

LinkedData read_json_ld(const Tree& tree) {
  LinkedData ld;
  for (const std::string& script : tree.json_ld) {
    Json j = Json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) walk_json_ld(j, ld, 0);
  }
  return ld;
}

// The first <meta>/<link>/itemprop value under one of `keys`, in the keys' order.
std::string meta_value(const Tree& tree, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const html::MetaValue& m : tree.meta) {
      if (m.key == key && !trim(m.value).empty()) return std::string(trim(m.value));
    }
  }
  return "";
}


// "Headline | Outlet" -> "Headline": the part before the last separator, when it is the longer.
std::string title_without_site(std::string_view title) {
  std::string t = collapse_spaces(title);
  for (std::string_view sep : {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb "}) {
    std::size_t at = t.rfind(sep);
    if (at != std::string::npos && at > t.size() - at) return t.substr(0, at);
  }
  return t;
}

// Letters and digits only, lower case: "Unterwegs in Berlin" and "unterwegsinberlin.de" meet.
std::string squashed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80)
      out += static_cast<char>(is_ascii_upper(c) ? c - 'A' + 'a' : c);
  }
  return out;
}

// "Headline | The Outlet", "Outlet - Headline", "Headline - outlet.ch": the site's name cut
// from either end, when that part names the outlet or the domain.
std::string without_site_name(const std::string& title, std::string_view outlet, std::string_view domain) {
  const std::string site = squashed(outlet);
  const std::string host = squashed(domain.substr(0, domain.rfind('.')));
  auto names_site = [&](std::string_view part) {
    std::string p = squashed(part);
    if (p.size() < 3) return false;
    return (!site.empty() && (site.find(p) != std::string::npos || p.find(site) != std::string::npos)) ||
           (!host.empty() && (host.find(p) != std::string::npos || p.find(host) != std::string::npos));
  };
  for (std::string_view sep : {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " / "}) {
    std::size_t last = title.rfind(sep);
    if (last != std::string::npos && last > 0 && names_site(std::string_view(title).substr(last + sep.size())))
      return title.substr(0, last);
    std::size_t first = title.find(sep);
    if (first != std::string::npos && first + sep.size() < title.size() &&
        names_site(std::string_view(title).substr(0, first)))
      return title.substr(first + sep.size());
  }
  return title;
}

std::string only_h1(const Tree& tree) {
  std::uint32_t found = kNoNode;
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
    if (tree.nodes[i].tag != Tag::kH1) continue;
    if (found != kNoNode) return "";
    found = static_cast<std::uint32_t>(i);
  }
  return found == kNoNode ? "" : collapsed_text(tree, found, 1000, 2000);
}


// An absolute URL for `href` as found in the page (protocol-relative and root-relative links).
std::string absolute_url(std::string_view href, std::string_view base) {
  href = trim(href);
  if (href.starts_with("http://") || href.starts_with("https://")) return std::string(href);
  if (href.starts_with("//")) return "https:" + std::string(href);
  std::size_t scheme = base.find("://");
  if (!href.starts_with('/') || scheme == std::string_view::npos) return href.empty() ? "" : std::string(href);
  std::size_t path = base.find('/', scheme + 3);
  return std::string(base.substr(0, path)) + std::string(href);
}

std::string language_tag(std::string_view lang) {
  std::string s(trim(lang));
  std::replace(s.begin(), s.end(), '_', '-');
  std::size_t comma = s.find(',');
  if (comma != std::string::npos) s.erase(comma);
  return s;
}

// A date written in the page's date or byline elements ("Posted on 2 August 2019").
std::string visible_date(const Tree& tree) {
  for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
    std::string_view names = tree.names_of(tree.nodes[i]);
    if (names.empty() || tree.nodes[i].tag == Tag::kBody || tree.nodes[i].tag == Tag::kHtml) continue;
    if (names.find("date") == std::string_view::npos && names.find("publish") == std::string_view::npos &&
        names.find("posted") == std::string_view::npos && names.find("time") == std::string_view::npos &&
        names.find("meta") == std::string_view::npos)
      continue;
    std::string text = collapsed_text(tree, static_cast<std::uint32_t>(i), 300, 64);
    if (text.size() > 300) continue;
    std::string d = date_in_text(text);
    if (!d.empty()) return d;
  }
  return "";
}

// Meta names that say "published" outright.
std::string publication_meta_date(const Tree& tree) {
  return iso_date(meta_value(tree, {"article:published_time", "og:article:published_time", "og:published_time",
                                    "itemprop:datepublished", "datepublished", "pubdate", "publishdate",
                                    "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
                                    "article.published", "published_time", "originalpublicationdate",
                                    "cxenseparse:recs:publishtime"}));
}

// A page's generic date ("date", Dublin Core's): content systems such as TYPO3 write the
// last change there, so a publication date the page shows beside the article comes first.
std::string generic_meta_date(const Tree& tree) {
  return iso_date(meta_value(tree, {"date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
                                    "dcterms.issued", "datecreated", "itemprop:datecreated", "date.release",
                                    "dc.created"}));
}

std::string published_date(const Tree& tree, const LinkedData& ld, std::string_view url) {
  if (!ld.date_publish.empty()) return ld.date_publish;
  if (std::string d = publication_meta_date(tree); !d.empty()) return d;
  if (std::string d = generic_meta_date(tree); !d.empty()) return d;
  for (const html::MetaValue& m : tree.meta) {
    if (m.key != "time") continue;
    if (std::string d = iso_date(m.value); !d.empty()) return d;
  }
  if (std::string d = date_in_url(url); !d.empty()) return d;
  return visible_date(tree);
}

std::vector<std::string> meta_authors(const Tree& tree) {
  std::string raw = meta_value(tree, {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                                      "dcterms.creator", "byl", "citation_author"});
  if (raw.starts_with("http") || raw.starts_with("@")) return {};
  return author_names(raw);
}

std::vector<std::string> unique(std::vector<std::string> names) {
  std::vector<std::string> out;
  for (std::string& n : names) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
  }
  return out;
}

// The dates shown next to the article: the last one before it (a byline above the
// headline) and the first in its first lines.
struct ShownDates {
  std::string before, inside;
  // The one a reader takes for the article's: the byline above it, else its first line's.
  const std::string& best() const { return before.empty() ? inside : before; }
};

ShownDates visible_dates_near_article(const Tree& tree, const ExtractedPage& page) {
  ShownDates shown;
  if (page.blocks.empty()) return shown;
  const std::uint32_t article_begin = page.blocks.front().html.begin;
  const std::uint32_t first_line_end = page.blocks.front().html.end;
  // Past the first line only a short line of its own counts ("Datum: 26. Januar 2022").
  const std::uint32_t early_end = page.blocks[std::min<std::size_t>(page.blocks.size(), 4) - 1].html.end;
  for (const html::Node& n : tree.nodes) {
    if (n.tag != Tag::kText) continue;
    if (n.html.begin > early_end) break;  // nodes are in page order
    std::string_view text = tree.text_of(n);
    const bool inside = n.html.begin >= article_begin;
    if (text.size() > 400 && !inside) continue;  // prose about other days
    // Later lines count when short ("Datum: 26. Januar 2022") or when they open with the
    // date, as a dateline does ("Karlsruhe, (12.11.2021). ...").
    const bool later = inside && n.html.begin > first_line_end;
    if (later && text.size() > 80) text = text.substr(0, 32);
    std::string d = date_in_text(text);
    if (d.empty()) continue;
    if (!inside) {
      shown.before = d;
    } else {
      shown.inside = d;
      break;
    }
  }
  return shown;
}

// A date the page labels as the publication's anywhere in its text ("Erschienen am:
// 01.11.2023", "Published on March 4, 2021"), label and date in one node or the next.
std::string labelled_date(const Tree& tree) {
  // Publication labels first; the last-change ones ("Stand:", "last edited") date a page
  // that says nothing else.
  // A footer's "Copyright © 19.12.2019" dates a page that says nothing else.
  static constexpr std::array<std::string_view, 21> kLabels = {
      "erschienen am", "veröffentlicht am", "publiziert am", "published on", "publié le", "publicado el",
      "posted on", "datum:", "date:", "published:", "veröffentlicht:", "erstellt am", "pubblicato il",
      "first published", "stand:", "last edited", "zuletzt aktualisiert", "zuletzt geändert", "aktualisiert am",
      "updated on", "\xC2\xA9"};
  std::string_view pending;  // a label whose date may be in the next text node
  for (const html::Node& n : tree.nodes) {
    if (n.tag != Tag::kText) continue;
    std::string_view text = tree.text_of(n);
    if (!pending.empty()) {
      std::string d = date_in_text(text.substr(0, 40));
      if (!d.empty()) return d;
      pending = {};
    }
    if (text.size() > 300) continue;
    std::string lower = to_lower_ascii(text);
    for (std::string_view label : kLabels) {
      std::size_t at = lower.find(label);
      if (at == std::string::npos) continue;
      std::string d = date_in_text(text.substr(at + label.size(), 40));
      if (!d.empty()) return d;
      if (lower.size() - at - label.size() < 4) pending = label;
    }
  }
  return "";
}

long day_number(std::string_view iso) {
  int y, m, d;
  return parse_ymd(iso, y, m, d) ? days_from_civil(y, m, d) : 0;
}

// "STERN.de", "National Geographic" as an author: the site, not a person.
bool names_the_site(std::string_view author, const ExtractedPage& page) {
  std::string a = to_lower_ascii(author);
  std::string outlet = to_lower_ascii(page.outlet);
  std::string domain = to_lower_ascii(page.source_domain);
  // A person's blog is named for its author ("gregoryszorc.com"): only the outlet's own
  // name or the domain itself are the site.
  return (!outlet.empty() && a == outlet) || (!domain.empty() && a.find(domain) != std::string::npos) ||
         a.ends_with(".de") || a.ends_with(".com");
}

}  // namespace

void settle_date_with_visible(const Tree& tree, ExtractedPage& page) {
  // Local midnight in Central Europe written as UTC ("2022-11-06T23:00:00Z") is a date,
  // the next day's.
  if (page.date_publish.size() >= 20 && (page.date_publish.substr(10) == "T23:00:00Z" ||
                                         page.date_publish.substr(10) == "T22:00:00Z")) {
    page.date_publish = civil_from_days(day_number(page.date_publish) + 1);
  }
  // A generic meta date later than the one shown beside the article is its last change.
  const bool generic = page.date_publish.size() == 10 && page.date_publish == generic_meta_date(tree) &&
                       publication_meta_date(tree).empty();
  const bool utc_time = page.date_publish.size() > 10;
  if (!page.date_publish.empty() && !utc_time && !generic) return;
  const ShownDates near = visible_dates_near_article(tree, page);
  if (generic) {
    const long earlier_by = near.best().empty() ? 0 : day_number(page.date_publish) - day_number(near.best());
    if (earlier_by > 0 && earlier_by <= 366) page.date_publish = near.best();
    return;
  }
  // The article's own lines giving the metadata's day ("Vom 3. Februar 2022") confirm it,
  // whatever a header's "Freitag, 4. Februar 2022" (today's date) or a list says.
  if (!page.date_publish.empty() && near.inside == page.date_publish.substr(0, 10)) return;
  std::string shown = near.best();
  if (page.date_publish.empty()) {
    std::string labelled = labelled_date(tree);
    if (!labelled.empty()) shown = labelled;
  }
  if (shown.empty()) return;
  if (page.date_publish.empty()) {
    page.date_publish = shown;
    return;
  }
  long gap = day_number(shown) - day_number(page.date_publish);
  if (gap == 1 || gap == -1) page.date_publish = shown;
}

std::string date_in_scripts(std::string_view page) {
  // Publication keys before creation keys: a shop's or an app's JSON names both.
  for (std::string_view key : {"\"datePublished\"", "\"published_at\"", "\"publishedAt\"", "\"publishDate\"",
                               "\"date_published\"", "\"dateCreated\"", "\"createdAt\"", "\"created_at\""}) {
    std::size_t at = page.find(key);
    if (at == std::string_view::npos) continue;
    std::size_t v = at + key.size();
    while (v < page.size() && (page[v] == ' ' || page[v] == ':')) ++v;
    if (v >= page.size() || page[v] != '"') continue;
    const std::size_t end = page.find('"', v + 1);
    if (end == std::string_view::npos || end - v > 40) continue;
    if (std::string d = iso_date(page.substr(v + 1, end - v - 1)); !d.empty()) return d;
  }
  return "";
}

void settle_authors_with_byline(const Tree& tree, ExtractedPage& page) {
  if (!page.authors.empty() || page.blocks.empty()) return;
  // A byline stands before the article or in its first lines; an "author" further on is
  // a quotation's source, a comment's or a biography's.
  const std::uint32_t early_end = page.blocks[std::min<std::size_t>(page.blocks.size(), 3) - 1].html.end;
  for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
    const html::Node& n = tree.nodes[i];
    if (n.html.begin > early_end) break;
    if (!(n.flags & html::kAuthorMark) || n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kMeta ||
        n.tag == Tag::kLink || n.tag == Tag::kBlockquote)
      continue;
    std::string_view names = tree.names_of(n);
    if (names.find("comment") != std::string_view::npos) continue;
    std::string text = collapsed_text(tree, static_cast<std::uint32_t>(i), 120, 64);
    if (text.empty() || text.size() > 120) continue;
    std::vector<std::string> found = author_names(text);
    std::erase_if(found, [&](const std::string& a) { return names_the_site(a, page); });
    if (!found.empty()) {
      page.authors = std::move(found);
      return;
    }
  }
}

void extract_metadata(const Tree& tree, const ExtractOptions& opts, ExtractedPage& page, std::string* json_ld_body) {
  LinkedData ld = read_json_ld(tree);
  if (json_ld_body) *json_ld_body = std::move(ld.body);
  page.url = absolute_url(meta_value(tree, {"link:canonical", "og:url"}), opts.url);
  if (page.url.empty() || !page.url.starts_with("http")) page.url = ld.url.empty() ? opts.url : ld.url;
  page.source_domain = domain_of(page.url);
  if (page.source_domain.empty()) page.source_domain = domain_of(opts.url);
  page.title = collapse_spaces(meta_value(tree, {"og:title", "twitter:title", "dc.title", "itemprop:headline"}));
  if (page.title.empty()) page.title = collapse_spaces(ld.headline);
  if (page.title.empty()) page.title = only_h1(tree);
  if (page.title.empty()) page.title = title_without_site(tree.title);
  page.description = collapse_spaces(meta_value(tree, {"og:description", "description", "twitter:description",
                                                       "dc.description"}));
  if (page.description.empty()) page.description = collapse_spaces(ld.description);
  page.date_publish = published_date(tree, ld, opts.url.empty() ? page.url : opts.url);
  page.date_modify = ld.date_modify;
  if (page.date_modify.empty())
    page.date_modify = iso_date(meta_value(tree, {"article:modified_time", "og:updated_time", "itemprop:datemodified",
                                                  "datemodified", "last-modified", "dcterms.modified"}));
  page.outlet = collapse_spaces(meta_value(tree, {"og:site_name", "application-name", "publisher", "dc.publisher"}));
  if (page.outlet.empty()) page.outlet = collapse_spaces(ld.publisher);
  page.title = without_site_name(page.title, page.outlet, page.source_domain);
  // A title that is only the site's name ("seelenradio", "Disfunctions.de") names no article.
  if (const std::string t = squashed(page.title);
      !t.empty() && (t == squashed(page.outlet) || t == squashed(page.source_domain) ||
                     t == squashed(page.source_domain.substr(0, page.source_domain.rfind('.'))))) {
    std::string h1 = only_h1(tree);
    std::string tag = without_site_name(title_without_site(tree.title), page.outlet, page.source_domain);
    if (!h1.empty() && squashed(h1) != t) page.title = h1;
    else if (!tag.empty() && squashed(tag) != t) page.title = tag;
  }
  page.authors = ld.authors;
  if (page.authors.empty()) page.authors = meta_authors(tree);
  std::erase_if(page.authors, [&](const std::string& a) { return names_the_site(a, page); });
  page.authors = unique(std::move(page.authors));
  page.language = language_tag(tree.lang);
  if (page.language.empty())
    page.language = language_tag(meta_value(tree, {"og:locale", "content-language", "language", "dc.language"}));
  page.image_url = absolute_url(meta_value(tree, {"og:image", "og:image:url", "twitter:image", "twitter:image:src"}),
                                page.url);
  if (page.image_url.empty()) page.image_url = ld.image;
}

}  // namespace chorus::internal::extract
