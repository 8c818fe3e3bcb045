// ROUGE-1.5.5 in C++: the per-evaluation scores of computeNGramScore, computeLCSScore,
// computeWLCSScore and computeSkipBigramScore, and the bootstrap of computeAverages.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <unordered_map>

#include "chorus/rouge.h"
#include "eval/rouge_text.h"

namespace chorus {
namespace {

using internal::rouge_tokens;

// sprintf("%7.5f", x) read back as a number: every stored score is rounded like this.
double round5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%7.5f", x);
  return std::strtod(buf, nullptr);
}

using Tokens = std::vector<int>;

// A gram: up to four token ids (+1, so 0 means "no token"), compared exactly. ROUGE-N
// beyond N = 4 is refused up front.
using GramKey = std::array<std::uint32_t, 4>;

// Counted grams as a sorted list of (gram, count).
struct Grams {
  std::vector<std::pair<GramKey, int>> counts;  // sorted by gram
  int total = 0;                                // the script's "_cn_"
};

Grams count_grams(std::vector<GramKey>& grams) {
  Grams g;
  g.total = static_cast<int>(grams.size());
  std::sort(grams.begin(), grams.end());
  for (std::size_t i = 0; i < grams.size();) {
    std::size_t j = i;
    while (j < grams.size() && grams[j] == grams[i]) ++j;
    g.counts.emplace_back(grams[i], static_cast<int>(j - i));
    i = j;
  }
  return g;
}

Grams ngrams(const Tokens& tokens, int n) {
  std::vector<GramKey> grams;
  for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= tokens.size(); ++i) {
    GramKey key{};
    for (int k = 0; k < n; ++k) key[static_cast<std::size_t>(k)] = static_cast<std::uint32_t>(tokens[i + static_cast<std::size_t>(k)]) + 1;
    grams.push_back(key);
  }
  return count_grams(grams);
}

Grams skip_bigrams(const Tokens& tokens, int max_gap, bool unigrams) {
  std::vector<GramKey> grams;
  const std::size_t n = tokens.size();
  auto id = [&](std::size_t i) { return static_cast<std::uint32_t>(tokens[i]) + 1; };
  // As in the script, the last token's unigram is never counted (i stops before it).
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (unigrams) grams.push_back({id(i), 0, 0, 0});
    for (std::size_t j = i + 1; j < n && (max_gap < 0 || j <= i + static_cast<std::size_t>(max_gap) + 1); ++j) {
      grams.push_back({id(i), id(j), 0, 0});
    }
  }
  return count_grams(grams);
}

// Sum over the model's grams of min(model count, peer count): a merge of sorted lists.
int clipped_hits(const Grams& model, const Grams& peer) {
  int hit = 0;
  auto m = model.counts.begin();
  auto p = peer.counts.begin();
  while (m != model.counts.end() && p != peer.counts.end()) {
    if (m->first < p->first) ++m;
    else if (p->first < m->first) ++p;
    else hit += std::min((m++)->second, (p++)->second);
  }
  return hit;
}

// What one summary contributes: its whole text's tokens and its sentence units' tokens.
struct Summary {
  Tokens tokens;               // readText + createNGram tokens
  std::vector<Tokens> units;   // readText_LCS + tokenizeText_LCS tokens
};

class TokenIds {
 public:
  Tokens ids(const std::vector<std::string>& words) {
    Tokens out;
    for (const std::string& w : words) out.push_back(ids_.try_emplace(w, static_cast<int>(ids_.size())).first->second);
    return out;
  }

 private:
  std::unordered_map<std::string, int> ids_;
};

Summary prepare(const std::vector<std::string>& lines, const RougeOptions& opts, TokenIds& dict) {
  Summary s;
  if (auto text = internal::read_text(lines, opts)) s.tokens = dict.ids(rouge_tokens(*text, opts));
  for (const std::string& unit : internal::read_text_units(lines, opts)) s.units.push_back(dict.ids(rouge_tokens(unit, opts)));
  return s;
}

// Sums over models (-f A) or keeps the best model (-f B), then rounds like the script.
class Accumulator {
 public:
  explicit Accumulator(const RougeOptions& opts) : best_model_(opts.best_model), alpha_(opts.alpha) {}
  void add(double hit, double model_count, double peer_count, double model_score) {
    if (best_model_) {
      if (model_score > best_) {
        best_ = model_score;
        hit_ = hit;
        model_ = model_count;
        peer_ = peer_count;
      }
    } else {
      hit_ += hit;
      model_ += model_count;
      peer_ += peer_count;
    }
  }
  // `transform` maps a ratio to a score (identity, or ROUGE-W's inverse power).
  template <typename Fn>
  RougeTriple finish(Fn transform) const {
    RougeTriple t;
    t.recall = round5(model_ != 0 ? transform(hit_ / model_) : 0);
    t.precision = round5(peer_ != 0 ? transform(hit_ / peer_) : 0);
    double denom = (1 - alpha_) * t.precision + alpha_ * t.recall;
    t.f = round5(denom > 0 ? t.precision * t.recall / denom : 0);
    return t;
  }

 private:
  bool best_model_;
  double alpha_;
  double best_ = -1;
  double hit_ = 0, model_ = 0, peer_ = 0;
};

RougeTriple score_grams(const Grams& peer, const std::vector<Grams>& models, const RougeOptions& opts) {
  Accumulator acc(opts);
  for (const Grams& m : models) {
    int hit = clipped_hits(m, peer);
    acc.add(hit, m.total, peer.total, m.total != 0 ? round5(static_cast<double>(hit) / m.total) : 0);
  }
  return acc.finish([](double r) { return r; });
}

// markLCS over the script's DP table: diagonal on a match, else up when c[i-1][j] >= c[i][j-1].
template <typename Cell>
void mark_lcs(const Tokens& model, const Tokens& peer,
              std::vector<char>& hit_mask, double weight) {
  const std::size_t m = model.size(), n = peer.size();
  if (m == 0) return;
  // Reused between calls: one table per model/peer sentence pair adds up.
  thread_local std::vector<Cell> c;
  thread_local std::vector<int> len;  // consecutive matches so far (ROUGE-W)
  thread_local std::vector<char> dir;
  c.assign((m + 1) * (n + 1), 0);
  len.assign((m + 1) * (n + 1), 0);
  dir.assign((m + 1) * (n + 1), 0);
  thread_local std::vector<double> powers;  // k^weight, for ROUGE-W
  if constexpr (std::is_same_v<Cell, double>) {
    powers.resize(std::min(m, n) + 2);
    for (std::size_t k = 0; k < powers.size(); ++k) powers[k] = std::pow(static_cast<double>(k), weight);
  }
  auto at = [n](std::size_t i, std::size_t j) { return i * (n + 1) + j; };
  for (std::size_t i = 1; i <= m; ++i) {
    for (std::size_t j = 1; j <= n; ++j) {
      if (model[i - 1] == peer[j - 1]) {
        int k = len[at(i - 1, j - 1)];
        if constexpr (std::is_same_v<Cell, double>) {
          // Same operation order as the script: (c + f(k+1)) - f(k).
          c[at(i, j)] = c[at(i - 1, j - 1)] + powers[static_cast<std::size_t>(k) + 1] - powers[static_cast<std::size_t>(k)];
        } else {
          c[at(i, j)] = c[at(i - 1, j - 1)] + 1;
        }
        len[at(i, j)] = k + 1;
        dir[at(i, j)] = 'd';
      } else if (c[at(i - 1, j)] >= c[at(i, j - 1)]) {
        c[at(i, j)] = c[at(i - 1, j)];
        dir[at(i, j)] = 'u';
      } else {
        c[at(i, j)] = c[at(i, j - 1)];
        dir[at(i, j)] = 'l';
      }
    }
  }
  std::size_t i = m, j = n;
  while (i != 0 && j != 0) {
    char d = dir[at(i, j)];
    if (d == 'd') {
      --i;
      --j;
      hit_mask[i] = 1;
    } else if (d == 'u') {
      --i;
    } else {
      --j;
    }
  }
}

// Union-LCS hits of one model against the peer, clipped by unigram counts (lcs / wlcs).
struct LcsResult {
  double hit = 0;
  double base = 0;
};

std::unordered_map<int, int> unigram_counts(const Tokens& tokens) {
  std::unordered_map<int, int> counts;
  for (int t : tokens) ++counts[t];
  return counts;
}

LcsResult union_lcs(const Summary& model, const Summary& peer, double weight) {
  std::unordered_map<int, int> model_left = unigram_counts(model.tokens);
  std::unordered_map<int, int> peer_left = unigram_counts(peer.tokens);
  const bool weighted = weight > 0;
  auto f = [weight](double x) { return std::pow(x, weight); };
  LcsResult r;
  for (const Tokens& unit : model.units) {
    std::vector<char> mask(unit.size(), 0);
    r.base += weighted ? f(static_cast<double>(unit.size())) : static_cast<double>(unit.size());
    for (const Tokens& p : peer.units) {
      if (weighted) mark_lcs<double>(unit, p, mask, weight);
      else mark_lcs<int>(unit, p, mask, weight);
    }
    int run = 0;
    for (std::size_t j = 0; j < unit.size(); ++j) {
      if (!mask[j]) continue;
      auto mi = model_left.find(unit[j]);
      auto pi = peer_left.find(unit[j]);
      if (mi == model_left.end() || pi == peer_left.end() || mi->second <= 0 || pi->second <= 0) continue;
      if (weighted) {
        ++run;
        if ((j + 1 < unit.size() && !mask[j + 1]) || j + 1 == unit.size()) {
          r.hit += f(run);
          run = 0;
        }
      } else {
        r.hit += 1;
      }
      --mi->second;
      --pi->second;
    }
  }
  return r;
}

RougeTriple score_lcs(const Summary& peer, const std::vector<Summary>& models, const RougeOptions& opts,
                      double weight) {
  Accumulator acc(opts);
  const auto peer_count = static_cast<double>(peer.tokens.size());
  for (const Summary& m : models) {
    LcsResult r = union_lcs(m, peer, weight);
    if (weight > 0) {
      double score = r.base > 0 ? std::pow(r.hit / r.base, 1 / weight) : 0;
      acc.add(r.hit, std::pow(r.base, weight), std::pow(peer_count, weight), score);
    } else {
      acc.add(r.hit, r.base, peer_count, r.base > 0 ? r.hit / r.base : 0);
    }
  }
  if (weight > 0) return acc.finish([weight](double x) { return std::pow(x, 1 / weight); });
  return acc.finish([](double x) { return x; });
}

// perl's rand() since 5.20: drand48 seeded by srand(seed).
class PerlRand {
 public:
  explicit PerlRand(std::uint64_t seed) : x_((0x330EULL + (seed << 16)) & kMask) {}
  double next() {
    x_ = (x_ * 0x5DEECE66DULL + 0xBULL) & kMask;
    return std::ldexp(static_cast<double>(x_), -48);
  }

 private:
  static constexpr std::uint64_t kMask = (1ULL << 48) - 1;
  std::uint64_t x_;
};

// computeAverages + bootstrapResampling: the reported average is the mean of the
// bootstrap sample means, and the bounds interpolate the sorted samples.
void bootstrap(RougeMetricResult& metric, const std::vector<std::size_t>& order, const RougeOptions& opts) {
  const std::size_t n = order.size();
  const int r = opts.resamples;
  std::vector<double> samples[3];
  for (int s = 0; s < r; ++s) {
    PerlRand rng(static_cast<std::uint64_t>(s));
    double sum[3] = {0, 0, 0};
    for (std::size_t i = 0; i < n; ++i) {
      auto pick = static_cast<std::size_t>(rng.next() * static_cast<double>(n));
      const RougeTriple& t = metric.per_eval[order[pick]];
      sum[0] += t.recall;
      sum[1] += t.precision;
      sum[2] += t.f;
    }
    for (int k = 0; k < 3; ++k) samples[k].push_back(n > 0 ? sum[k] / static_cast<double>(n) : 0);
  }
  const double delta = r * ((100 - opts.confidence) / 2.0) / 100.0;
  const auto upper_a = static_cast<long>(r - delta - 1);
  const auto lower_a = static_cast<long>(delta);
  const double ratio = r - delta - 1 - static_cast<double>(upper_a);
  RougeInterval* out[3] = {&metric.recall, &metric.precision, &metric.f};
  for (int k = 0; k < 3; ++k) {
    std::vector<double>& v = samples[k];
    std::sort(v.begin(), v.end());
    double total = 0;
    for (double x : v) total += x;
    auto get = [&v](long idx) { return idx >= 0 && idx < static_cast<long>(v.size()) ? v[static_cast<std::size_t>(idx)] : 0.0; };
    out[k]->mean = round5(v.empty() ? 0 : total / static_cast<double>(v.size()));
    out[k]->low = round5(get(lower_a) + (get(lower_a + 1) - get(lower_a)) * ratio);
    out[k]->high = round5(get(upper_a) + (get(upper_a + 1) - get(upper_a)) * ratio);
  }
}

std::string perl_number(double x) {  // how perl prints 1.2 or 4
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

}  // namespace

Result<RougeReport> rouge(const std::vector<RougeEval>& evals, const RougeOptions& opts) {
  if (opts.word_limit && opts.byte_limit) {
    return Status(StatusCode::kInvalidArgument, "give a word limit or a byte limit, not both");
  }
  if (opts.max_n > 4) return Status(StatusCode::kInvalidArgument, "ROUGE-N is computed up to N = 4");
  if (opts.resamples <= 0 || opts.confidence <= 0 || opts.confidence >= 100) {
    return Status(StatusCode::kInvalidArgument, "resamples must be positive and confidence in (0, 100)");
  }
  RougeReport report;
  std::vector<Summary> peers;
  std::vector<std::vector<Summary>> models;
  TokenIds dict;
  for (const RougeEval& e : evals) {
    if (e.models.empty()) return Status(StatusCode::kInvalidArgument, "evaluation '" + e.id + "' has no model summary");
    if (std::find(report.eval_ids.begin(), report.eval_ids.end(), e.id) != report.eval_ids.end()) {
      return Status(StatusCode::kInvalidArgument, "evaluation id '" + e.id + "' appears twice");
    }
    report.eval_ids.push_back(e.id);
    peers.push_back(prepare(e.peer, opts, dict));
    models.emplace_back();
    for (const auto& m : e.models) models.back().push_back(prepare(m, opts, dict));
  }
  // The script resamples over its test ids ("id.peer") in string order.
  std::vector<std::size_t> order(evals.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return evals[a].id + ".1" < evals[b].id + ".1"; });

  auto run_metric = [&](const std::string& name, auto&& score_one) {
    RougeMetricResult metric;
    metric.name = name;
    for (std::size_t e = 0; e < evals.size(); ++e) {
      const std::vector<Summary>& all = models[e];
      if (!opts.jackknife || all.size() < 2) {
        metric.per_eval.push_back(score_one(e, all));
        continue;
      }
      // Jackknifing: the mean of the scores against every set of all references but one,
      // which makes system scores comparable with a human's scored against the others.
      RougeTriple mean;
      for (std::size_t left_out = 0; left_out < all.size(); ++left_out) {
        std::vector<Summary> subset;
        for (std::size_t k = 0; k < all.size(); ++k) {
          if (k != left_out) subset.push_back(all[k]);
        }
        RougeTriple t = score_one(e, subset);
        mean.recall += t.recall;
        mean.precision += t.precision;
        mean.f += t.f;
      }
      const auto n = static_cast<double>(all.size());
      metric.per_eval.push_back({round5(mean.recall / n), round5(mean.precision / n), round5(mean.f / n)});
    }
    bootstrap(metric, order, opts);
    report.metrics.push_back(std::move(metric));
  };
  for (int n = 1; n <= opts.max_n; ++n) {
    run_metric("ROUGE-" + std::to_string(n), [&](std::size_t e, const std::vector<Summary>& refs) {
      std::vector<Grams> mg;
      for (const Summary& m : refs) mg.push_back(ngrams(m.tokens, n));
      return score_grams(ngrams(peers[e].tokens, n), mg, opts);
    });
  }
  if (opts.lcs) {
    run_metric("ROUGE-L", [&](std::size_t e, const std::vector<Summary>& refs) { return score_lcs(peers[e], refs, opts, 0); });
  }
  if (opts.wlcs_weight > 0) {
    run_metric("ROUGE-W-" + perl_number(opts.wlcs_weight),
               [&](std::size_t e, const std::vector<Summary>& refs) {
                 return score_lcs(peers[e], refs, opts, opts.wlcs_weight);
               });
  }
  if (opts.skip_distance >= -1) {
    std::string name = std::string("ROUGE-S") + (opts.skip_unigrams ? "U" : "") +
                       (opts.skip_distance < 0 ? "*" : std::to_string(opts.skip_distance));
    run_metric(name, [&](std::size_t e, const std::vector<Summary>& refs) {
      std::vector<Grams> mg;
      for (const Summary& m : refs) mg.push_back(skip_bigrams(m.tokens, opts.skip_distance, opts.skip_unigrams));
      return score_grams(skip_bigrams(peers[e].tokens, opts.skip_distance, opts.skip_unigrams), mg, opts);
    });
  }
  return report;
}

std::string format_rouge_report(const RougeReport& report, const std::string& peer_id, double confidence) {
  std::string out;
  char buf[256];
  const std::string c = perl_number(confidence);
  for (const RougeMetricResult& m : report.metrics) {
    out += "---------------------------------------------\n";
    const std::pair<const char*, const RougeInterval*> rows[] = {
        {"R", &m.recall}, {"P", &m.precision}, {"F", &m.f}};
    for (const auto& [tag, v] : rows) {
      std::snprintf(buf, sizeof buf, "%s %s Average_%s: %7.5f (%s%%-conf.int. %7.5f - %7.5f)\n", peer_id.c_str(),
                    m.name.c_str(), tag, v->mean, c.c_str(), v->low, v->high);
      out += buf;
    }
  }
  return out;
}

}  // namespace chorus
