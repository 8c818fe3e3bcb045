#include "brief/cite.h"

#include <algorithm>
#include <unordered_map>

#include "base/utf8.h"

namespace chorus::internal {
namespace {

// Fewer shared content words than this is coincidence, not the same statement.
constexpr int kMinSharedTerms = 4;
// The other sentence must cover at least this share of ours, so a short sentence that
// repeats one clause of a long one does not count as carrying all of it.
constexpr double kMinCoverageOfOurs = 0.3;
// A negated sentence rarely says what an affirmative one says.
constexpr double kPolarityMismatchFactor = 0.7;

}  // namespace

Span code_point_span(std::string_view text, Span bytes) {
  auto begin = static_cast<std::uint32_t>(code_point_offset(text, bytes.begin));
  std::string_view inside = text.substr(bytes.begin, bytes.size());
  return {begin, static_cast<std::uint32_t>(begin + code_point_offset(inside, inside.size()))};
}

CitationFinder::CitationFinder(const SentenceModel& model, const std::vector<Document>& docs, double threshold)
    : model_(model), docs_(docs), threshold_(threshold) {
  const auto& sents = model.sentences();
  idf_mass_.reserve(sents.size());
  for (std::uint32_t i = 0; i < sents.size(); ++i) {
    idf_mass_.push_back(model.idf_mass(sents[i]));
    for (const auto& [term, count] : model.tf(sents[i])) {
      if (static_cast<std::size_t>(term) >= postings_.size()) postings_.resize(static_cast<std::size_t>(term) + 1);
      postings_[static_cast<std::size_t>(term)].push_back(i);
    }
  }
}

std::vector<Citation> CitationFinder::cite(std::size_t index) const {
  const auto& sents = model_.sentences();
  const SentenceInfo& ours = sents[index];
  struct Overlap {
    double idf = 0;
    int terms = 0;
  };
  std::unordered_map<std::uint32_t, Overlap> overlaps;
  for (const auto& [term, count] : model_.tf(ours)) {
    if (static_cast<std::size_t>(term) >= postings_.size()) continue;
    for (std::uint32_t j : postings_[static_cast<std::size_t>(term)]) {
      if (sents[j].doc == ours.doc) continue;
      Overlap& o = overlaps[j];
      o.idf += model_.idf(term);
      ++o.terms;
    }
  }
  // Best supporting sentence per other article: the overlap coefficient (shared idf mass
  // over the smaller sentence's mass) measures whether one says what the other says.
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, double>> best_per_doc;
  for (const auto& [j, o] : overlaps) {
    if (o.terms < kMinSharedTerms) continue;
    double smaller = std::min(idf_mass_[index], idf_mass_[j]);
    if (smaller <= 0) continue;
    double similarity = o.idf / smaller;
    // "searching" and "no longer searching" share words, not meaning.
    if (sents[j].negated != ours.negated) similarity *= kPolarityMismatchFactor;
    if (similarity < threshold_ || o.idf / idf_mass_[index] < kMinCoverageOfOurs) continue;
    auto [it, inserted] = best_per_doc.try_emplace(sents[j].doc, j, similarity);
    if (!inserted && (similarity > it->second.second || (similarity == it->second.second && j < it->second.first))) {
      it->second = {j, similarity};
    }
  }
  auto citation_for = [&](std::uint32_t model_index, double similarity) {
    const SentenceInfo& s = sents[model_index];
    const Document& doc = docs_[s.doc];
    const Span src = doc.sentences[s.sentence].source;
    return Citation{doc.article.id, s.sentence, src, code_point_span(doc.article.text, src), similarity};
  };
  std::vector<Citation> out;
  out.push_back(citation_for(static_cast<std::uint32_t>(index), 1.0));
  for (const auto& [doc, match] : best_per_doc) out.push_back(citation_for(match.first, std::min(1.0, match.second)));
  std::sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) { return a.article_id < b.article_id; });
  return out;
}

}  // namespace chorus::internal
