// The HTML page of a brief: plain markup, inline CSS, no script. Citations are fragment
// links to the cited sentence in the sources below, highlighted with CSS :target, so the
// page works in any browser and in a saved file.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chorus/outlets.h"
#include "chorus/render.h"
#include "render/render_internal.h"

namespace chorus {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"(
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd}
.meta{color:#555;font-size:.9rem}
a.cite{font-size:.8rem;text-decoration:none;padding:0 .15rem;border-radius:3px;background:#e8eefc}
a.cite:hover{background:#c9d7fa}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #e4e4e4;vertical-align:top}
.status{font-size:.8rem;padding:.05rem .35rem;border-radius:3px;background:#eee;white-space:nowrap}
.status-conflict{background:#fde2e1;color:#8a1c17}
.status-revised{background:#fff1c9;color:#6b4d00}
.status-agreed{background:#def5e3;color:#1d5e2c}
blockquote{margin:.6rem 0 .1rem;padding-left:.8rem;border-left:3px solid #c9d7fa}
.who{margin:0 0 .6rem;font-size:.9rem;color:#333}
ul{padding-left:1.2rem}
article.source{background:#fff;border:1px solid #e4e4e4;border-radius:6px;padding:.5rem .8rem;margin:.8rem 0}
article.source h3{font-size:1rem;margin:.2rem 0}
.s{scroll-margin-top:4rem}
.s:target{background:#ffe58a;outline:2px solid #e0a800;border-radius:2px}
svg{max-width:100%;height:auto}
nav{font-size:.9rem}
form.search{display:flex;gap:.4rem;margin:.8rem 0}form.search input{flex:1;font:inherit;padding:.35rem .5rem}
ol.events{padding-left:1.4rem}ol.events li{margin:.45rem 0}
@media (prefers-color-scheme:dark){body{background:#151515;color:#e8e8e8}article.source{background:#1e1e1e;border-color:#333}
 .meta,.who{color:#aaa}a{color:#8fb4ff}a.cite{background:#24324f}.s:target{background:#5c4a00;outline-color:#e0a800}}
)";

// Links a citation to the cited sentence when the page shows the sources' sentences,
// else to the source's entry.
class Anchors {
 public:
  explicit Anchors(bool sentences) : sentences_(sentences) {}
  std::string href(int article, std::uint32_t sentence) const {
    return "#a" + std::to_string(article) + (sentences_ ? "-s" + std::to_string(sentence) : "");
  }
  std::string cite(int article, std::uint32_t sentence) const {
    return "<a class=\"cite\" href=\"" + href(article, sentence) + "\">" + std::to_string(article) + "</a>";
  }
  // A link to the source as a whole.
  static std::string cite_source(int article) {
    return "<a class=\"cite\" href=\"#a" + std::to_string(article) + "\">" + std::to_string(article) + "</a>";
  }

 private:
  bool sentences_;
};

std::string cites(const BriefSentence& s, const Anchors& anchors) {
  std::string out;
  for (const Citation& c : s.citations) out.append(" ").append(anchors.cite(c.article_id, c.sentence));
  return out;
}

template <typename Source>
std::string source_cites(const std::vector<Source>& sources, const Anchors& anchors) {
  std::string out;
  for (const Source& s : sources) out.append(" ").append(anchors.cite(s.article_id, s.sentence));
  return out;
}

std::string figure_cites(const Figure& f, const Anchors& anchors) {
  // One link per source: its first mention of the figure.
  std::string out;
  std::set<int> seen;
  for (const FigureMention& m : f.mentions) {
    if (seen.insert(m.article_id).second) out.append(" ").append(anchors.cite(m.article_id, m.sentence));
  }
  for (int id : f.sources) {
    if (seen.insert(id).second) out.append(" ").append(Anchors::cite_source(id));
  }
  return out;
}

std::string figures_html(const Facts& facts, const Anchors& anchors) {
  if (facts.figures.empty()) return "";
  std::string out = "<section id=\"figures\"><h2>Key figures</h2><table><thead><tr><th>Figure</th><th>Value</th>"
                    "<th>Status</th><th>Sources</th></tr></thead><tbody>\n";
  for (const Figure& f : facts.figures) {
    const std::string status(figure_status_name(f.status));
    out += "<tr class=\"figure status-row-" + status + "\"><td>" + escape_html(internal::figure_label(f)) + "</td><td>" +
           escape_html(internal::figure_summary(f) + internal::figure_detail(f)) + "</td><td><span class=\"status status-" +
           status + "\">" + status + "</span></td><td>" + figure_cites(f, anchors) + "</td></tr>\n";
  }
  return out + "</tbody></table></section>\n";
}

std::string quotes_html(const Facts& facts, const Anchors& anchors) {
  if (facts.quotes.empty()) return "";
  std::string out = "<section id=\"quotes\"><h2>Who said what</h2>\n";
  for (const Quote& q : facts.quotes) {
    out += "<blockquote>" + escape_html(q.text) + "</blockquote><p class=\"who\">&mdash; " +
           escape_html(q.speaker.empty() ? "speaker unknown" : q.speaker) + source_cites(q.sources, anchors) + "</p>\n";
  }
  return out + "</section>\n";
}

std::string timeline_html(const Facts& facts, const Anchors& anchors) {
  if (facts.timeline.empty()) return "";
  std::string out = "<section id=\"timeline\"><h2>Timeline</h2><ul>\n";
  for (const TimelineEntry& t : facts.timeline) {
    out += "<li><time datetime=\"" + escape_html(t.date) + "\">" + escape_html(t.date + (t.time.empty() ? "" : " " + t.time)) +
           "</time> <span class=\"meta\">(" + escape_html(t.expression) + ")</span> " + escape_html(t.text) +
           source_cites(t.sources, anchors) + "</li>\n";
  }
  return out + "</ul></section>\n";
}

std::string entities_html(const Facts& facts) {
  if (facts.entities.empty()) return "";
  std::string out = "<section id=\"entities\"><h2>Named</h2><ul>\n";
  for (const Entity& e : facts.entities) {
    out += "<li><strong>" + escape_html(e.name) + "</strong> <span class=\"meta\">" +
           escape_html(std::string(entity_kind_name(e.kind)) + (e.role.empty() ? "" : ", " + e.role)) + "; " +
           std::to_string(e.sources.size()) + " source" + (e.sources.size() == 1 ? "" : "s") + "</span></li>\n";
  }
  return out + "</ul></section>\n";
}

// Articles by outlet (rows) and date (columns) as circles whose area is the count.
std::string coverage_chart(const Brief& brief) {
  std::map<std::string, std::map<std::string, int>> counts;  // outlet -> date -> articles
  std::map<std::string, int> per_outlet;
  std::set<std::string> dates;
  for (const SourceInfo& s : brief.sources) {
    const std::string outlet = s.outlet.empty() ? "(unknown outlet)" : s.outlet;
    const std::string date = s.date.empty() ? "undated" : s.date;
    ++counts[outlet][date];
    ++per_outlet[outlet];
    dates.insert(date);
  }
  if (counts.empty()) return "";
  std::vector<std::pair<std::string, int>> outlets(per_outlet.begin(), per_outlet.end());
  std::stable_sort(outlets.begin(), outlets.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  constexpr std::size_t kMaxOutlets = 15, kMaxDates = 40;
  if (outlets.size() > kMaxOutlets) outlets.resize(kMaxOutlets);
  std::vector<std::string> columns(dates.begin(), dates.end());
  if (columns.size() > kMaxDates) columns.erase(columns.begin(), columns.end() - kMaxDates);  // the latest
  int most = 1;
  for (const auto& [outlet, by_date] : counts) {
    for (const auto& [date, n] : by_date) most = std::max(most, n);
  }
  const int label_w = 150, col_w = 34, row_h = 26, top = 70;
  const int width = label_w + col_w * static_cast<int>(columns.size()) + 60;  // room for the last slanted date
  const int height = top + row_h * static_cast<int>(outlets.size()) + 6;
  std::string out = "<section id=\"coverage\"><h2>Coverage by outlet over time</h2><svg role=\"img\" aria-label=\"Articles per outlet and day\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) +
                    "\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" font-family=\"sans-serif\">\n";
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const int x = label_w + col_w * static_cast<int>(c) + col_w / 2;
    out += "<text transform=\"translate(" + std::to_string(x + 4) + "," + std::to_string(top - 8) +
           ") rotate(-60)\" fill=\"currentColor\">" + escape_html(columns[c]) + "</text>\n";
  }
  for (std::size_t r = 0; r < outlets.size(); ++r) {
    const int y = top + row_h * static_cast<int>(r) + row_h / 2;
    out += "<text x=\"0\" y=\"" + std::to_string(y + 4) + "\" fill=\"currentColor\">" +
           escape_html(outlets[r].first.substr(0, 24)) + "</text>\n";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto it = counts[outlets[r].first].find(columns[c]);
      if (it == counts[outlets[r].first].end()) continue;
      const double radius = 3 + 8 * std::sqrt(static_cast<double>(it->second) / most);
      char circle[200];
      std::snprintf(circle, sizeof circle, "<circle cx=\"%d\" cy=\"%d\" r=\"%.1f\" fill=\"#4a78d0\"><title>%d</title></circle>\n",
                    label_w + col_w * static_cast<int>(c) + col_w / 2, y, radius, it->second);
      out += circle;
    }
  }
  return out + "</svg></section>\n";
}

bool is_web_url(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

// One source: its metadata and, when its document is known, its sentences by paragraph,
// each an anchor a citation can target.
std::string source_html(const SourceInfo& src, const Document* doc) {
  const std::string id = "a" + std::to_string(src.article_id);
  std::string out = "<article class=\"source\" id=\"" + id + "\"><h3>[" + std::to_string(src.article_id) + "] " +
                    escape_html(src.outlet.empty() ? "(unknown outlet)" : src.outlet) + " &mdash; " +
                    escape_html(src.title.empty() ? "(no title)" : src.title) + "</h3><p class=\"meta\">" +
                    escape_html(src.date.empty() ? "undated" : src.date);
  if (!src.byline.empty()) out += " &middot; " + escape_html(src.byline);
  if (is_web_url(src.url)) out += " &middot; <a rel=\"noopener nofollow\" href=\"" + escape_html(src.url) + "\">original</a>";
  out += "</p>\n";
  if (doc != nullptr) {
    std::uint32_t paragraph = UINT32_MAX;
    for (const Sentence& s : doc->sentences) {
      if (s.paragraph != paragraph) {
        if (paragraph != UINT32_MAX) out += "</p>\n";
        out += "<p>";
        paragraph = s.paragraph;
      } else {
        out += " ";
      }
      out += "<span class=\"s\" id=\"" + id + "-s" + std::to_string(s.index) + "\">" + escape_html(doc->sentence_text(s)) +
             "</span>";
    }
    if (paragraph != UINT32_MAX) out += "</p>\n";
  }
  return out + "</article>\n";
}

}  // namespace

std::string render_brief_html(const Brief& brief, const std::vector<Document>& articles, const HtmlOptions& opts) {
  // Sentences are shown for the articles the page cites (all of them in a small event);
  // the others are listed, so a 500-article event does not make a page of 500 articles.
  std::set<int> cited;
  auto cite_all = [&](const BriefSentence& s) {
    for (const Citation& c : s.citations) cited.insert(c.article_id);
  };
  if (brief.has_headline) cite_all(brief.headline);
  for (const BriefSentence& s : brief.digest) cite_all(s);
  for (const Figure& f : brief.facts.figures) {
    for (const FigureMention& m : f.mentions) cited.insert(m.article_id);
  }
  for (const Quote& q : brief.facts.quotes) {
    for (const QuoteSource& src : q.sources) cited.insert(src.article_id);
  }
  for (const TimelineEntry& t : brief.facts.timeline) {
    for (const TimelineSource& src : t.sources) cited.insert(src.article_id);
  }
  std::map<int, const Document*> by_id;
  for (const Document& d : articles) {
    if (cited.count(d.article.id)) by_id[d.article.id] = &d;
  }
  const Anchors anchors(!by_id.empty());
  const std::string headline = brief.has_headline ? brief.headline.text : std::string("(no headline)");
  OutletTally outlets;
  std::string first, last;
  for (const SourceInfo& s : brief.sources) {
    outlets.add(s.outlet);
    if (!s.date.empty() && (first.empty() || s.date < first)) first = s.date;
    if (!s.date.empty() && s.date > last) last = s.date;
  }
  std::string out = opts.nav_html;
  out += "<h1 id=\"headline\">" + escape_html(headline) + (brief.has_headline ? cites(brief.headline, anchors) : "") + "</h1>\n";
  out += "<p class=\"meta\">" + std::to_string(brief.sources.size()) + " article" + (brief.sources.size() == 1 ? "" : "s") +
         " from " + std::to_string(outlets.size()) + " outlet" + (outlets.size() == 1 ? "" : "s");
  if (!first.empty()) out += ", " + escape_html(first) + (last != first ? " to " + escape_html(last) : "");
  out += "</p>\n<section id=\"digest\"><h2>What happened</h2><ul>\n";
  for (const BriefSentence& s : brief.digest) out += "<li>" + escape_html(s.text) + cites(s, anchors) + "</li>\n";
  out += "</ul>";
  const std::vector<std::string> differ = internal::figure_differences(brief);
  if (!differ.empty()) {
    out += "<p class=\"meta\">Where sources differ:</p><ul class=\"differ\">";
    for (const std::string& d : differ) out += "<li>" + escape_html(d) + "</li>";
    out += "</ul>";
  }
  out += "</section>\n";
  out += figures_html(brief.facts, anchors) + quotes_html(brief.facts, anchors) + timeline_html(brief.facts, anchors) +
         entities_html(brief.facts) + coverage_chart(brief) + opts.extra_html;
  out += "<section id=\"sources\"><h2>Sources</h2>\n";
  for (const SourceInfo& src : brief.sources) {
    auto it = by_id.find(src.article_id);
    out += source_html(src, it == by_id.end() ? nullptr : it->second);
  }
  return html_page(headline + " \xE2\x80\x94 chorus", out + "</section>\n");
}

std::string html_page(std::string_view title, std::string_view body_html) {
  std::string out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  out += escape_html(title);
  out += "</title><style>";
  out += kStyle;
  out += "</style></head><body><main>\n";
  out += body_html;
  out += "</main></body></html>\n";
  return out;
}

}  // namespace chorus
