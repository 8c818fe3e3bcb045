#include "brief/cite.h"

#include <algorithm>
#include <unordered_map>


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

CitationFinder::CitationFinder(const SentenceModel& model, const std::vector<Document>& docs, double threshold)
    : model_(model), docs_(docs), threshold_(threshold) {
  const auto& sents = model.sentences();
  idf_mass_.reserve(sents.size());
  std::size_t terms = 0;
  for (const SentenceInfo& s : sents) {
    for (const auto& [term, count] : model.tf(s)) terms = std::max<std::size_t>(terms, term + 1);
  }
  starts_.assign(terms + 1, 0);
  for (const SentenceInfo& s : sents) {
    for (const auto& [term, count] : model.tf(s)) ++starts_[term + 1];
  }
  for (std::size_t t = 0; t < terms; ++t) starts_[t + 1] += starts_[t];
  postings_.resize(starts_[terms]);
  std::vector<std::uint32_t> fill(starts_.begin(), starts_.end() - 1);
  for (std::uint32_t i = 0; i < sents.size(); ++i) {
    idf_mass_.push_back(model.idf_mass(sents[i]));
    for (const auto& [term, count] : model.tf(sents[i])) postings_[fill[term]++] = i;
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
    for (std::uint32_t k = starts_[term]; k < starts_[term + 1]; ++k) {
      const std::uint32_t j = postings_[k];
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
    const Sentence& sent = doc.sentences[s.sentence];
    return Citation{doc.article.id, s.sentence, sent.source, sent.source_chars, similarity};
  };
  std::vector<Citation> out;
  out.push_back(citation_for(static_cast<std::uint32_t>(index), 1.0));
  for (const auto& [doc, match] : best_per_doc) out.push_back(citation_for(match.first, std::min(1.0, match.second)));
  std::sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) { return a.article_id < b.article_id; });
  return out;
}

}  // namespace chorus::internal
