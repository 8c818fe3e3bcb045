// src/brief/sentence_model.h: the cluster's sentences as term and concept vectors (internal).
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/brief.h"
#include "chorus/corpus.h"
#include "text/tokenize.h"

namespace chorus::internal {

// A bigram of stem ids packed into one key.
using ConceptKey = std::uint64_t;

struct SentenceInfo {
  std::uint32_t doc = 0;        // index into the documents vector
  std::uint32_t sentence = 0;   // Sentence::index in that document
  std::uint32_t paragraph = 0;  // Sentence::paragraph: 0 is the lede
  std::uint32_t words = 0;      // white-space words of its text
  bool candidate = false;       // may appear in a brief (length, quotes, not a heading)
  bool opens_with_quote = false;  // starts with a quotation mark: someone's words, not a report
  bool negated = false;           // states something with "no", "not", "never", "n't"
  std::vector<std::pair<int, float>> tf;  // content stem id -> count, sorted by id
  std::vector<ConceptKey> concepts;       // unique bigrams, not both stop words, sorted
  double tfidf_norm = 0;                  // L2 norm of its tf * idf vector
};

// All sentences of an event with the statistics the rankers share.
class SentenceModel {
 public:
  SentenceModel(const std::vector<Document>& documents, const BriefOptions& opts);

  const std::vector<SentenceInfo>& sentences() const { return sentences_; }
  std::size_t doc_count() const { return doc_count_; }
  // Sentence-level inverse document frequency of a stem id.
  double idf(int term) const { return idf_[static_cast<std::size_t>(term)]; }
  // Weight of a concept: how many articles state it (0 below the support threshold).
  double concept_weight(ConceptKey key) const;
  // Cosine of the two sentences' tf-idf vectors.
  double cosine(const SentenceInfo& a, const SentenceInfo& b) const;
  // Share of the other articles' titles that contain the stem: a sentence's own title is
  // left out, since a lede is often its own title. 0 when no other article has a title.
  double title_support(int term, std::uint32_t own_doc) const;
  // Sum of idf over a sentence's unique content stems.
  double idf_mass(const SentenceInfo& s) const;

 private:
  void add_document(std::uint32_t doc_index, const Document& doc, const BriefOptions& opts,
                    TermDictionary& dict);
  void compute_weights();

  std::vector<SentenceInfo> sentences_;
  std::vector<double> idf_;
  std::unordered_map<ConceptKey, double> concept_weight_;
  std::vector<std::vector<int>> title_terms_;  // per document: sorted unique content stems
  std::size_t titled_docs_ = 0;
  std::size_t doc_count_ = 0;
};

}  // namespace chorus::internal
