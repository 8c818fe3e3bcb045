// src/brief/rankers.h: the swappable sentence rankers behind RankMethod (internal).
#pragma once

#include <cstddef>
#include <vector>

#include "brief/sentence_model.h"

namespace chorus::internal {

// How much a selection may hold, and what the reader has already seen.
struct SelectionBudget {
  std::size_t words = 0;              // 0 = no word limit
  std::size_t sentences = 0;          // 0 = no sentence limit
  std::vector<std::size_t> seen;      // model indices already shown (the headline): their
                                      // concepts count as covered and they count for redundancy
  std::vector<std::size_t> known;     // model indices the reader has read (an update brief's
                                      // known articles): their concepts count for less, and a
                                      // sentence that says the same again is left out
};

// An update brief: a concept the reader knows weighs this much of an untold one (human
// update summaries still restate the event's core). Chosen on the five DUC 2007 update
// topics in ../shared/data from 0, 0.25, 0.5, 0.75, 1 (B and C R-2: 0.083/0.115 at 0,
// 0.102/0.127 at 0.75); a sentence as close to a known one as BriefOptions::
// redundancy_threshold repeats it, as it would repeat a shown one.
inline constexpr float kKnownConceptWeight = 0.75f;

struct Selection {
  std::vector<std::size_t> chosen;  // model indices, in the order they were picked
  std::vector<double> scores;       // the score each had when picked
};

Selection select_by_concept_coverage(const SentenceModel& model, const BriefOptions& opts, const SelectionBudget& budget);
Selection select_by_centroid(const SentenceModel& model, const BriefOptions& opts, const SelectionBudget& budget);
Selection select_lead(const SentenceModel& model, const std::vector<Document>& docs, const BriefOptions& opts,
                      const SelectionBudget& budget);

Selection select_random(const SentenceModel& model, const BriefOptions& opts, const SelectionBudget& budget);

// The sentence that best says what happened: central concepts, early in its article,
// at most opts.max_headline_words. `chosen` is SIZE_MAX when no sentence qualifies.
struct HeadlineChoice {
  std::size_t chosen = SIZE_MAX;  // model index
  double score = 0;               // centrality x position / length, higher is better
};
// Concepts of `seen` sentences (what the reader knows) weigh kKnownConceptWeight of an
// untold one, and a sentence that repeats one of them is not chosen.
HeadlineChoice choose_headline(const SentenceModel& model, const BriefOptions& opts,
                               const std::vector<std::size_t>& seen = {});

}  // namespace chorus::internal
