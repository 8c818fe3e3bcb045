#include <string>

#include "render/render_internal.h"

namespace chorus::internal {

std::string citation_marks(const BriefSentence& s) {
  std::string out = "[";
  for (std::size_t i = 0; i < s.citations.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(s.citations[i].article_id);
  }
  return out + "]";
}

namespace {

// "Metro, 2017-03-23, "Title", by Jane Doe (path:line)" with absent fields left out.
std::string source_line(const SourceInfo& src, bool markdown) {
  // A file's name is no outlet: an unknown outlet says so, and the path says where from.
  const std::string outlet = src.outlet.empty() ? "unknown outlet" : src.outlet;
  std::string out = markdown ? "**" + outlet + "**" : outlet;
  out += ", " + (src.date.empty() ? std::string("date unknown") : src.date);
  if (!src.title.empty()) out += markdown ? ", *" + src.title + "*" : ", \"" + src.title + "\"";
  if (!src.byline.empty()) out += ", by " + src.byline;
  std::string where = src.path;
  if (src.line) where.append(":").append(std::to_string(src.line));
  out += markdown ? " (`" + where + "`)" : " (" + where + ")";
  return out;
}

}  // namespace

std::string render_text(const Brief& brief) {
  std::string out;
  if (brief.has_headline) out += "HEADLINE\n  " + brief.headline.text + " " + citation_marks(brief.headline) + "\n\n";
  out += brief.known_articles ? "WHAT IS NEW (beyond the " + std::to_string(brief.known_articles) + " articles already read)\n"
                              : std::string("DIGEST\n");
  for (const BriefSentence& s : brief.digest) out += "  - " + s.text + " " + citation_marks(s) + "\n";
  const std::vector<std::string> differ = figure_differences(brief);
  if (!differ.empty()) out += "\nWHERE SOURCES DIFFER\n";
  for (const std::string& d : differ) out += "  - " + d + "\n";
  out += facts_text(brief.facts);
  out += "\nSOURCES\n";
  for (const SourceInfo& src : brief.sources) {
    out += "  [" + std::to_string(src.article_id) + "] " + source_line(src, false) + "\n";
  }
  return out;
}

std::string render_markdown(const Brief& brief) {
  std::string out;
  if (brief.has_headline) out += "# " + brief.headline.text + " " + citation_marks(brief.headline) + "\n\n";
  out += brief.known_articles ? "## What is new (beyond the " + std::to_string(brief.known_articles) + " articles already read)\n\n"
                              : std::string("## Digest\n\n");
  for (const BriefSentence& s : brief.digest) out += "- " + s.text + " " + citation_marks(s) + "\n";
  const std::vector<std::string> differ = figure_differences(brief);
  if (!differ.empty()) out += "\n## Where sources differ\n\n";
  for (const std::string& d : differ) out += "- " + d + "\n";
  out += facts_markdown(brief.facts);
  out += "\n## Sources\n\n";
  for (const SourceInfo& src : brief.sources) {
    out += std::to_string(src.article_id) + ". " + source_line(src, true) + "\n";
  }
  return out;
}

}  // namespace chorus::internal
