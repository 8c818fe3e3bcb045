// src/brief/sentence_model.h: the cluster's sentences as term and concept vectors (internal).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chorus/brief.h"
#include "chorus/corpus.h"
#include "text/tokenize.h"

namespace chorus::internal {

// A bigram of stem ids packed into one key.
using ConceptKey = std::uint64_t;

// How much a stem the event uses beside a focus stem counts (a focus stem counts 1).
inline constexpr float kNeighbourFocus = 0.5f;

struct SentenceInfo {
  std::uint32_t doc = 0;        // index into the documents vector
  std::uint32_t sentence = 0;   // Sentence::index in that document
  std::uint32_t paragraph = 0;  // Sentence::paragraph: 0 is the lede
  std::uint32_t words = 0;      // white-space words of its text
  bool candidate = false;       // may appear in a brief (length, quotes, not a heading)
  bool opens_with_quote = false;  // starts with a quotation mark: someone's words, not a report
  bool negated = false;           // states something with "no", "not", "never", "n't"
  double tfidf_norm = 0;        // L2 norm of its tf * idf vector
  // Ranges of the model's shared pools (one allocation for all sentences, not two each);
  // concepts_* index weighted_pool_.
  std::uint32_t tf_begin = 0, tf_end = 0;
  std::uint32_t concepts_begin = 0, concepts_end = 0;
};

struct TermCount {
  std::uint32_t term : 24;   // content stem id
  std::uint32_t count : 8;   // occurrences in the sentence (saturates at 255)
};
static_assert(sizeof(TermCount) == 4);

// All sentences of an event with the statistics the rankers share.
class SentenceModel {
 public:
  // `counts_for_support[d]` is false for an article that copies an earlier one: its
  // sentences are candidates and citations, but its concepts add no support (empty = all count).
  // The first `known_documents` are what an update brief's reader has read: their
  // sentences count for idf and redundancy, but neither as support nor as sources.
  SentenceModel(const std::vector<Document>& documents, const BriefOptions& opts,
                const std::vector<bool>& counts_for_support = {}, std::size_t known_documents = 0);

  const std::vector<SentenceInfo>& sentences() const { return sentences_; }
  // Takes sentences out of the candidates (they still support citations): those that
  // state a figure since replaced. Each is (index into the documents, Sentence::index).
  void withdraw(std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences);
  // Content stems with counts, sorted by id. Valid while the model lives.
  std::span<const TermCount> tf(const SentenceInfo& s) const {
    return std::span<const TermCount>(tf_pool_).subspan(s.tf_begin, s.tf_end - s.tf_begin);
  }
  // The sentence's concepts that enough sources state: bigrams (not both stop words)
  // as dense ids. Valid while the model lives.
  std::span<const std::uint32_t> weighted_concepts(const SentenceInfo& s) const {
    return std::span<const std::uint32_t>(weighted_pool_).subspan(s.concepts_begin, s.concepts_end - s.concepts_begin);
  }
  // Number of distinct weighted concepts: dense ids are below this.
  std::size_t weighted_concept_count() const { return concept_weights_.size(); }
  // How many articles state concept `id` (how often, for a single article).
  float concept_weight(std::uint32_t id) const { return concept_weights_[id]; }
  std::size_t doc_count() const { return doc_count_; }
  // Sentence-level inverse document frequency of a stem id.
  double idf(int term) const { return idf_[static_cast<std::size_t>(term)]; }
  // Cosine of the two sentences' tf-idf vectors.
  double cosine(const SentenceInfo& a, const SentenceInfo& b) const;
  // Share of the other articles' titles that contain the stem: a sentence's own title is
  // left out, since a lede is often its own title. 0 when no other article has a title.
  double title_support(int term, std::uint32_t own_doc) const;
  // Sum of idf over a sentence's unique content stems.
  double idf_mass(const SentenceInfo& s) const;
  // How much a stem concerns BriefOptions::focus: 1 for the focus's own stems, up to
  // kNeighbourFocus for stems the event uses beside them, 0 otherwise (and without a focus).
  float focus(int term) const {
    return static_cast<std::size_t>(term) < focus_.size() ? focus_[static_cast<std::size_t>(term)] : 0.0f;
  }

 private:
  void add_document(std::uint32_t doc_index, const Document& doc, const BriefOptions& opts, bool counts_for_support,
                    TermDictionary& dict);
  // Keeps the concepts enough sources state; returns their keys, sorted (dense id = index).
  std::vector<ConceptKey> compute_weights();
  // Calls fn(ConceptKey) for each bigram of `text` whose words are not both stop words.
  template <typename Fn>
  static void for_each_concept(std::string_view text, TermDictionary& dict, Fn&& fn);
  void assign_weighted_concepts(const std::vector<Document>& documents, TermDictionary& dict,
                                const std::vector<ConceptKey>& keys);
  // Reads the focus into focus_ (its stems and their neighbours in the event's sentences).
  void compute_focus(std::string_view focus, TermDictionary& dict);

  std::vector<SentenceInfo> sentences_;
  std::vector<TermCount> tf_pool_;
  // Concept support while building: sorted (concept, articles stating it) plus occurrences
  // not yet folded in (per article unique; all of them for a single article).
  std::vector<std::pair<ConceptKey, std::uint32_t>> concept_support_;
  std::vector<ConceptKey> pending_concepts_;
  void fold_pending_concepts();
  std::vector<char> numeric_terms_;  // by stem id: a figure ("29", "four", "dozen")
  std::vector<float> focus_;         // by stem id, see focus()
  bool is_numeric_concept(ConceptKey key) const;  // per article unique (or all, for one article)
  std::vector<double> idf_;
  std::vector<std::uint32_t> weighted_pool_;
  std::vector<float> concept_weights_;
  std::vector<std::vector<int>> own_title_terms_;      // per document: sorted unique title stems
  std::unordered_map<int, std::size_t> title_doc_count_;  // stem -> documents whose title has it
  std::size_t titled_docs_ = 0;
  std::size_t doc_count_ = 0;
};

}  // namespace chorus::internal
