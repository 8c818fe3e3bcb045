// include/chorus/dedup.h: finds near-identical copies of an article (syndicated wire
// stories republished with small edits, a new headline or added boilerplate).
// Usage:
//   chorus::DuplicateGroups groups = chorus::find_duplicates(corpus.documents);
//   for (const auto& g : groups.groups) if (g.size() > 1) report(g);   // article ids
// Each document's cleaned text becomes word 5-gram shingles, summarised by a MinHash
// signature; locality-sensitive hashing proposes candidate pairs and the estimated
// Jaccard similarity of their shingle sets decides. Copies are grouped, never dropped:
// a group is one story with several sources. Deterministic for the same input.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "chorus/corpus.h"

namespace chorus {

struct DedupOptions {
  std::size_t shingle_words = 5;  // words per shingle
  std::size_t bands = 16;         // LSH bands; signature length is bands * rows_per_band
  std::size_t rows_per_band = 4;  // rows per band: more rows = fewer, closer candidates
  double min_similarity = 0.7;    // estimated Jaccard of shingle sets to call two copies
};

// A document summarised for dedup: keep these for a stream instead of the documents.
struct MinHashSignature {
  std::vector<std::uint64_t> values;  // bands * rows_per_band minima; empty for texts too short
};

MinHashSignature minhash_signature(const Document& doc, const DedupOptions& opts = {});

// Estimated Jaccard similarity: the share of equal signature slots (0 for empty ones).
double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b);

struct DuplicateGroups {
  std::vector<std::vector<int>> groups;  // article ids; every article in exactly one group,
                                         // groups ordered by their first id, ids ascending
  std::size_t duplicate_pairs = 0;       // pairs that passed min_similarity
};

DuplicateGroups find_duplicates(const std::vector<Document>& documents, const DedupOptions& opts = {});

// The streaming form: remembers signatures of articles seen, answers whether a new one
// copies any of them, and forgets articles on request so memory follows the window.
class DuplicateIndex {
 public:
  explicit DuplicateIndex(const DedupOptions& opts = {});
  // The remembered article most similar to `sig` at or above min_similarity (the lowest
  // id on ties), or 0 when there is none.
  int find(const MinHashSignature& sig) const;
  void insert(int id, MinHashSignature sig);
  void forget(int id);
  std::size_t size() const { return signatures_.size(); }

 private:
  DedupOptions opts_;
  std::unordered_map<int, MinHashSignature> signatures_;
  std::vector<std::unordered_map<std::uint64_t, std::vector<int>>> bands_;  // band -> key -> ids
};

}  // namespace chorus
