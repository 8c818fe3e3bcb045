#include <nlohmann/json.hpp>

#include <cmath>

#include "render/render_internal.h"

namespace chorus::internal {
namespace {

using Json = nlohmann::ordered_json;

Json nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json sentence_json(const BriefSentence& s) {
  Json citations = Json::array();
  for (const Citation& c : s.citations) {
    citations.push_back({{"article", c.article_id},
                         {"sentence", c.sentence},
                         {"begin", c.source.begin},
                         {"end", c.source.end},
                         {"begin_char", c.source_chars.begin},
                         {"end_char", c.source_chars.end},
                         {"similarity", std::round(c.similarity * 1000) / 1000}});
  }
  return Json{{"text", s.text},
              {"article", s.article_id},
              {"sentence", s.sentence},
              {"begin", s.source.begin},
              {"end", s.source.end},
              {"begin_char", s.source_chars.begin},
              {"end_char", s.source_chars.end},
              {"score", std::round(s.score * 10000) / 10000},
              {"citations", std::move(citations)}};
}

Json span_json(const Span& s) { return Json{{"begin", s.begin}, {"end", s.end}}; }

Json number_json(double v) { return std::isnan(v) ? Json(nullptr) : Json(v); }

Json facts_json(const Facts& facts) {
  Json figures = Json::array();
  for (const Figure& f : facts.figures) {
    Json mentions = Json::array();
    for (const FigureMention& m : f.mentions) {
      mentions.push_back({{"article", m.article_id},
                          {"sentence", m.sentence},
                          {"value", m.value},
                          {"as_written", m.as_written},
                          {"qualifier", nullable(m.qualifier)},
                          {"previous", number_json(m.previous)},
                          {"detail", nullable(m.detail)},
                          {"date", nullable(m.date)},
                          {"sentence_span", span_json(m.source)},
                          {"figure_span", span_json(m.figure_source)}});
    }
    figures.push_back({{"kind", std::string(figure_kind_name(f.kind))},
                       {"subject", nullable(f.subject)},
                       {"value", f.value},
                       {"qualifier", nullable(f.qualifier)},
                       {"status", std::string(figure_status_name(f.status))},
                       {"previous", number_json(f.previous)},
                       {"values", f.values},
                       {"summary", figure_summary(f)},
                       {"sources", f.sources},
                       {"mentions", std::move(mentions)}});
  }
  Json quotes = Json::array();
  for (const Quote& q : facts.quotes) {
    Json sources = Json::array();
    for (const QuoteSource& s : q.sources) {
      sources.push_back({{"article", s.article_id},
                         {"sentence", s.sentence},
                         {"begin", s.source.begin},
                         {"end", s.source.end},
                         {"speaker_as_written", nullable(s.speaker_as_written)}});
    }
    quotes.push_back({{"speaker", nullable(q.speaker)}, {"text", q.text}, {"partial", q.partial}, {"sources", std::move(sources)}});
  }
  Json entities = Json::array();
  for (const Entity& e : facts.entities) {
    Json where = Json::array();
    for (const Entity::Where& w : e.where) where.push_back({{"article", w.article_id}, {"begin", w.source.begin}, {"end", w.source.end}});
    entities.push_back({{"name", e.name},
                        {"kind", std::string(entity_kind_name(e.kind))},
                        {"role", nullable(e.role)},
                        {"aliases", e.aliases},
                        {"mentions", e.mentions},
                        {"sources", e.sources},
                        {"first_mentions", std::move(where)}});
  }
  Json timeline = Json::array();
  for (const TimelineEntry& t : facts.timeline) {
    Json sources = Json::array();
    for (const TimelineSource& s : t.sources) {
      sources.push_back({{"article", s.article_id}, {"sentence", s.sentence}, {"begin", s.source.begin}, {"end", s.source.end}});
    }
    timeline.push_back({{"date", t.date},
                        {"time", nullable(t.time)},
                        {"expression", t.expression},
                        {"text", t.text},
                        {"sources", std::move(sources)}});
  }
  return Json{{"figures", std::move(figures)},
              {"quotes", std::move(quotes)},
              {"entities", std::move(entities)},
              {"timeline", std::move(timeline)}};
}

}  // namespace

std::string render_json(const Brief& brief, const std::vector<Problem>& problems, int indent) {
  Json out;
  out["headline"] = brief.has_headline ? sentence_json(brief.headline) : Json(nullptr);
  out["digest"] = Json::array();
  for (const BriefSentence& s : brief.digest) out["digest"].push_back(sentence_json(s));
  out["known_articles"] = brief.known_articles;
  out["differences"] = figure_differences(brief);
  out["facts"] = facts_json(brief.facts);
  out["sources"] = Json::array();
  for (const SourceInfo& src : brief.sources) {
    out["sources"].push_back({{"id", src.article_id},
                              {"outlet", src.outlet},
                              {"date", nullable(src.date)},
                              {"title", nullable(src.title)},
                              {"byline", nullable(src.byline)},
                              {"url", nullable(src.url)},
                              {"language", nullable(src.language)},
                              {"path", src.path},
                              {"line", src.line ? Json(src.line) : Json(nullptr)},
                              {"words", src.words}});
  }
  out["problems"] = Json::array();
  for (const Problem& p : problems) {
    out["problems"].push_back({{"path", p.path},
                               {"line", p.line ? Json(p.line) : Json(nullptr)},
                               {"severity", p.severity == Problem::Severity::kWarning ? "warning" : p.severity == Problem::Severity::kNote ? "note" : "skipped"},
                               {"code", std::string(status_code_name(p.status.code()))},
                               {"message", p.status.message()}});
  }
  // U+FFFD stays as is; dump() never throws on the valid UTF-8 chorus stores.
  return out.dump(indent, ' ', false, Json::error_handler_t::replace) + (indent >= 0 ? "\n" : "");
}

}  // namespace chorus::internal
