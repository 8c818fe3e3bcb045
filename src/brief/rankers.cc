#include "brief/rankers.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace chorus::internal {
namespace {

// News puts what matters first: a mild lead prior (x1.5 for the lede, fading with the
// paragraph). Stronger priors helped the TDT clusters of DUC 2003 and hurt DUC 2006.
constexpr double kLeadPrior = 0.5;
double position_factor(const SentenceInfo& s) { return 1.0 + kLeadPrior / (1.0 + s.paragraph); }

class BudgetTracker {
 public:
  explicit BudgetTracker(const SelectionBudget& b) : budget_(b) {}
  bool fits(const SentenceInfo& s) const {
    if (budget_.sentences && count_ >= budget_.sentences) return false;
    return budget_.words == 0 || used_ + s.words <= budget_.words;
  }
  bool full() const {
    return (budget_.sentences && count_ >= budget_.sentences) || (budget_.words && used_ >= budget_.words);
  }
  void take(const SentenceInfo& s) {
    used_ += s.words;
    ++count_;
  }

 private:
  const SelectionBudget& budget_;
  std::size_t used_ = 0;
  std::size_t count_ = 0;
};

bool repeats_any(const SentenceModel& model, std::size_t i, const std::vector<std::size_t>& shown, double threshold) {
  const auto& sents = model.sentences();
  return std::any_of(shown.begin(), shown.end(),
                     [&](std::size_t j) { return model.cosine(sents[i], sents[j]) > threshold; });
}

}  // namespace

Selection select_by_concept_coverage(const SentenceModel& model, const BriefOptions& opts,
                                     const SelectionBudget& budget) {
  const auto& sents = model.sentences();
  // What each concept still adds: 1 while untold, less once the reader knows it, 0 once shown.
  std::vector<float> remaining(model.weighted_concept_count(), 1.0f);
  std::vector<std::size_t> shown = budget.seen;
  auto cover = [&](std::size_t i) {
    for (std::uint32_t c : model.weighted_concepts(sents[i])) remaining[c] = 0.0f;
  };
  for (std::size_t i : budget.known) {
    for (std::uint32_t c : model.weighted_concepts(sents[i])) remaining[c] = std::min(remaining[c], kKnownConceptWeight);
  }
  for (std::size_t i : budget.seen) cover(i);
  std::vector<bool> used(sents.size(), false);
  for (std::size_t i : budget.seen) used[i] = true;
  BudgetTracker tracker(budget);
  Selection sel;
  while (!tracker.full()) {
    std::size_t best = SIZE_MAX;
    double best_value = 0;
    for (std::size_t i = 0; i < sents.size(); ++i) {
      const SentenceInfo& s = sents[i];
      if (used[i] || !s.candidate || !tracker.fits(s)) continue;
      double gain = 0;
      for (std::uint32_t c : model.weighted_concepts(s)) gain += remaining[c] * model.concept_weight(c);
      // Gain per square-root word: rewards dense sentences without starving long ones.
      // Gain per word (the cost-scaled greedy of Lin & Bilmes with exponent 1).
      double value = gain * position_factor(s) / static_cast<double>(s.words);
      if (value > best_value) {
        best_value = value;
        best = i;
      }
    }
    if (best == SIZE_MAX) break;
    used[best] = true;
    if (repeats_any(model, best, shown, opts.redundancy_threshold)) continue;
    if (repeats_any(model, best, budget.known, opts.redundancy_threshold)) continue;
    cover(best);
    shown.push_back(best);
    tracker.take(sents[best]);
    sel.chosen.push_back(best);
    sel.scores.push_back(best_value);
  }
  return sel;
}

Selection select_by_centroid(const SentenceModel& model, const BriefOptions& opts, const SelectionBudget& budget) {
  const auto& sents = model.sentences();
  // The centroid is the mean tf-idf vector; a sentence's score is its cosine with it.
  std::vector<double> centroid;
  for (const SentenceInfo& s : sents) {
    for (const auto& [term, count] : model.tf(s)) {
      if (static_cast<std::size_t>(term) >= centroid.size()) centroid.resize(static_cast<std::size_t>(term) + 1, 0);
      centroid[static_cast<std::size_t>(term)] += count * model.idf(term);
    }
  }
  double cnorm = 0;
  for (double v : centroid) cnorm += v * v;
  cnorm = std::sqrt(cnorm);
  std::vector<double> relevance(sents.size(), 0);
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const SentenceInfo& s = sents[i];
    if (s.tfidf_norm == 0 || cnorm == 0) continue;
    double dot = 0;
    for (const auto& [term, count] : model.tf(s)) dot += count * model.idf(term) * centroid[static_cast<std::size_t>(term)];
    relevance[i] = dot / (s.tfidf_norm * cnorm) * position_factor(s);
  }
  // Maximal marginal relevance: relevance minus the closest already shown sentence.
  constexpr double kLambda = 0.7;
  std::vector<std::size_t> shown = budget.seen;
  std::vector<bool> used(sents.size(), false);
  for (std::size_t i : budget.seen) used[i] = true;
  BudgetTracker tracker(budget);
  Selection sel;
  while (!tracker.full()) {
    std::size_t best = SIZE_MAX;
    double best_value = -1e9;
    for (std::size_t i = 0; i < sents.size(); ++i) {
      if (used[i] || !sents[i].candidate || !tracker.fits(sents[i])) continue;
      double closest = 0;
      for (std::size_t j : shown) closest = std::max(closest, model.cosine(sents[i], sents[j]));
      if (closest > opts.redundancy_threshold) continue;
      double value = kLambda * relevance[i] - (1 - kLambda) * closest;
      if (value > best_value) {
        best_value = value;
        best = i;
      }
    }
    if (best == SIZE_MAX) break;
    used[best] = true;
    shown.push_back(best);
    tracker.take(sents[best]);
    sel.chosen.push_back(best);
    sel.scores.push_back(best_value);
  }
  return sel;
}

Selection select_lead(const SentenceModel& model, const std::vector<Document>& docs, const BriefOptions& opts,
                      const SelectionBudget& budget) {
  const auto& sents = model.sentences();
  // The earliest dated article (undated ones after dated, then input order).
  std::uint32_t lead_doc = 0;
  for (std::uint32_t d = 1; d < docs.size(); ++d) {
    const std::string& a = docs[d].article.date;
    const std::string& b = docs[lead_doc].article.date;
    if (!a.empty() && (b.empty() || a < b)) lead_doc = d;
  }
  std::vector<std::size_t> shown = budget.seen;
  BudgetTracker tracker(budget);
  Selection sel;
  for (std::size_t i = 0; i < sents.size() && !tracker.full(); ++i) {
    const SentenceInfo& s = sents[i];
    if (s.doc != lead_doc || !s.candidate || !tracker.fits(s)) continue;
    if (std::find(shown.begin(), shown.end(), i) != shown.end()) continue;
    if (repeats_any(model, i, shown, opts.redundancy_threshold)) continue;
    shown.push_back(i);
    tracker.take(s);
    sel.chosen.push_back(i);
    sel.scores.push_back(1.0 / (1.0 + s.paragraph));
  }
  return sel;
}

Selection select_random(const SentenceModel& model, const BriefOptions& opts, const SelectionBudget& budget) {
  const auto& sents = model.sentences();
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < sents.size(); ++i) {
    if (sents[i].candidate) order.push_back(i);
  }
  std::mt19937 rng(opts.random_seed);
  std::shuffle(order.begin(), order.end(), rng);
  BudgetTracker tracker(budget);
  Selection sel;
  for (std::size_t i : order) {
    if (tracker.full()) break;
    if (!tracker.fits(sents[i]) || std::find(budget.seen.begin(), budget.seen.end(), i) != budget.seen.end()) continue;
    tracker.take(sents[i]);
    sel.chosen.push_back(i);
    sel.scores.push_back(0);
  }
  return sel;
}

HeadlineChoice choose_headline(const SentenceModel& model, const BriefOptions& opts,
                               const std::vector<std::size_t>& seen) {
  const auto& sents = model.sentences();
  std::vector<char> known(model.weighted_concept_count(), 0);
  for (std::size_t i : seen) {
    for (std::uint32_t c : model.weighted_concepts(sents[i])) known[c] = 1;
  }
  // Two signals, each scaled to [0, 1] over the candidates: the weight of the shared
  // concepts a sentence states, and how many of the articles' own titles use its words
  // (editors' titles say what happened). Early paragraphs are preferred.
  std::vector<double> weight(sents.size(), 0), title(sents.size(), 0);
  double max_weight = 0, max_title = 0;
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const SentenceInfo& s = sents[i];
    if (!s.candidate || s.opens_with_quote || s.words > opts.max_headline_words) continue;
    for (std::uint32_t c : model.weighted_concepts(s)) {
      weight[i] += (known[c] ? kKnownConceptWeight : 1.0f) * model.concept_weight(c);
    }
    for (const auto& [term, count] : model.tf(s)) title[i] += model.title_support(term, s.doc);
    max_weight = std::max(max_weight, weight[i]);
    max_title = std::max(max_title, title[i]);
  }
  std::vector<HeadlineChoice> ranked;
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const SentenceInfo& s = sents[i];
    if (!s.candidate || s.opens_with_quote || s.words > opts.max_headline_words) continue;
    double centrality = (max_weight > 0 ? weight[i] / max_weight : 0) + (max_title > 0 ? title[i] / max_title : 0);
    double pos = 1.0 / (1.0 + 0.5 * s.paragraph);
    double value = (centrality + 0.1) * pos / std::sqrt(s.words / 20.0);
    ranked.push_back({i, value});
  }
  // The best, first among equals by position; for an update, the best that does not
  // repeat what the reader has read.
  std::stable_sort(ranked.begin(), ranked.end(), [](const HeadlineChoice& a, const HeadlineChoice& b) { return a.score > b.score; });
  for (const HeadlineChoice& c : ranked) {
    if (seen.empty() || !repeats_any(model, c.chosen, seen, opts.redundancy_threshold)) return c;
  }
  return {};
}

}  // namespace chorus::internal
