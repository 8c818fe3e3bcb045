#include <nlohmann/json.hpp>

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

}  // namespace

std::string render_json(const Brief& brief, const std::vector<Problem>& problems) {
  Json out;
  out["headline"] = brief.has_headline ? sentence_json(brief.headline) : Json(nullptr);
  out["digest"] = Json::array();
  for (const BriefSentence& s : brief.digest) out["digest"].push_back(sentence_json(s));
  out["sources"] = Json::array();
  for (const SourceInfo& src : brief.sources) {
    out["sources"].push_back({{"id", src.article_id},
                              {"outlet", src.outlet},
                              {"date", nullable(src.date)},
                              {"title", nullable(src.title)},
                              {"byline", nullable(src.byline)},
                              {"url", nullable(src.url)},
                              {"path", src.path},
                              {"line", src.line ? Json(src.line) : Json(nullptr)},
                              {"words", src.words}});
  }
  out["problems"] = Json::array();
  for (const Problem& p : problems) {
    out["problems"].push_back({{"path", p.path},
                               {"line", p.line ? Json(p.line) : Json(nullptr)},
                               {"severity", p.severity == Problem::Severity::kWarning ? "warning" : "skipped"},
                               {"code", std::string(status_code_name(p.status.code()))},
                               {"message", p.status.message()}});
  }
  // U+FFFD stays as is; dump() never throws on the valid UTF-8 chorus stores.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace chorus::internal
