// src/brief/cite.h: finds every article that carries a sentence's information (internal).
#pragma once

#include <vector>

#include "brief/sentence_model.h"
#include "chorus/brief.h"

namespace chorus::internal {

// Indexes the model's sentences by content stem for near-paraphrase lookups.
class CitationFinder {
 public:
  CitationFinder(const SentenceModel& model, const std::vector<Document>& docs, double threshold);

  // Citations for model sentence `index`: its own article plus, per other article, the
  // best matching sentence when it says the same thing. Ascending article id.
  std::vector<Citation> cite(std::size_t index) const;

 private:
  const SentenceModel& model_;
  const std::vector<Document>& docs_;
  double threshold_;
  // Stem id -> model sentence indices, as one array: postings_[starts_[t] .. starts_[t+1]).
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> postings_;
  std::vector<double> idf_mass_;                      // per model sentence
};

}  // namespace chorus::internal
