// include/chorus/rouge.h: ROUGE scores exactly as ROUGE-1.5.5 computes them.
// Usage:
//   chorus::RougeOptions opts{.max_n = 2, .skip_distance = 4, .skip_unigrams = true,
//                             .stem = true, .word_limit = 100};
//   std::vector<chorus::RougeEval> evals = {{.id = "d30001t", .peer = sys_lines, .models = {a, b, c, d}}};
//   chorus::Result<chorus::RougeReport> r = chorus::rouge(evals, opts);
//   std::cout << chorus::format_rouge_report(*r, "1");   // the perl script's output lines
// Summaries are given one sentence per line (ROUGE's SPL format). Every rule of the perl
// script is kept, its quirks included (5-decimal rounding of each evaluation's scores,
// the word limit, ASCII-only tokenising, the skip-bigram unigram count, the seeded
// bootstrap), so scores agree with it to the last printed digit.
#pragma once

#include <string>
#include <vector>

#include "chorus/status.h"

namespace chorus {

struct RougeOptions {
  int max_n = 4;                 // ROUGE-1 .. ROUGE-max_n (-n N; 0 = none)
  bool lcs = true;               // ROUGE-L (-x turns it off)
  double wlcs_weight = 0;        // ROUGE-W with this weight (-w 1.2; 0 = off)
  int skip_distance = -2;        // ROUGE-S with this max gap (-2 4); -1 = any gap; < -1 = off
  bool skip_unigrams = false;    // add unigrams to skip-bigrams: ROUGE-SU (-u)
  bool stem = false;             // Porter stemming with WordNet exceptions (-m)
  bool remove_stopwords = false; // drop SMART stop words (-s)
  std::size_t word_limit = 0;    // keep only the first N words of each summary (-l N; 0 = all)
  std::size_t byte_limit = 0;    // keep only the first N bytes (-b N; 0 = all; not with word_limit)
  bool best_model = false;       // score against the best matching model (-f B) instead of
                                 // summing over all models (-f A)
  bool jackknife = false;        // average over the leave-one-reference-out sets, as DUC did to
                                 // compare systems with humans (not in ROUGE-1.5.5 itself; off = parity)
  double alpha = 0.5;            // F = PR / ((1 - alpha) P + alpha R)  (-p)
  double confidence = 95;        // confidence interval in percent (-c)
  int resamples = 1000;          // bootstrap resamples (-r)
};

// One summary to score against its references.
struct RougeEval {
  std::string id;                               // evaluation id, e.g. the cluster
  std::vector<std::string> peer;                // system summary, one sentence per line
  std::vector<std::vector<std::string>> models; // reference summaries, one sentence per line
};

struct RougeTriple {
  double recall = 0, precision = 0, f = 0;
};

struct RougeInterval {
  double mean = 0, low = 0, high = 0;  // mean over bootstrap samples and its CI bounds
};

struct RougeMetricResult {
  std::string name;                   // "ROUGE-1", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4"
  RougeInterval recall, precision, f;
  std::vector<RougeTriple> per_eval;  // in input order, each rounded to 5 decimals as ROUGE does
};

struct RougeReport {
  std::vector<RougeMetricResult> metrics;  // in the perl script's order: N, L, W, S
  std::vector<std::string> eval_ids;
};

// Fails with kInvalidArgument for contradictory options or an evaluation without models.
Result<RougeReport> rouge(const std::vector<RougeEval>& evals, const RougeOptions& opts);

// The report as ROUGE-1.5.5 prints it: "ID ROUGE-1 Average_R: 0.38640 (95%-conf.int. ...)".
std::string format_rouge_report(const RougeReport& report, const std::string& peer_id, double confidence = 95);

// The Porter stemmer of ROUGE-1.5.5 with its WordNet 2.0 exception lookup (what -m does
// to a lower-case token longer than three characters).
std::string rouge_morph_stem(const std::string& token);

}  // namespace chorus
