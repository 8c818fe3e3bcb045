#include "chorus/cluster.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "base/string_util.h"
#include "text/tokenize.h"

namespace chorus {
namespace {

using Vector = std::vector<std::pair<int, double>>;  // term id -> weight, sorted by id

// Days since 1970 of a YYYY-MM-DD date, or -1.
long day_number(const std::string& date) {
  if (date.size() != 10) return -1;
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097L + static_cast<long>(doe) - 719468L;
}

double norm(const Vector& v) {
  double s = 0;
  for (const auto& [t, w] : v) s += w * w;
  return std::sqrt(s);
}

double dot(const Vector& a, const Vector& b) {
  double s = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) ++i;
    else if (j->first < i->first) ++j;
    else s += (i++)->second * (j++)->second;
  }
  return s;
}

}  // namespace

struct EventClusterer::Impl {
  ClusterOptions opts;
  internal::TermDictionary dict;
  std::unordered_map<int, int> doc_freq;  // term -> articles seen with it
  int docs_seen = 0;
  std::vector<Event> events;
  std::vector<Vector> centroids;          // per event: summed article vectors, top terms kept
  std::vector<long> last_day;             // per event, -1 when unknown
  std::vector<std::size_t> live;          // indices of live events

  // Term counts of the article (title counted twice), proper nouns weighted up.
  std::unordered_map<int, double> counts(const Document& doc) {
    std::unordered_map<int, double> c;
    auto add_text = [&](std::string_view text, double scale) {
      internal::for_each_word_at(text, [&](const std::string& w, std::size_t begin) {
        // A capital inside a sentence marks a name; one after a full stop, or at the
        // start of a line, says nothing.
        std::size_t prev = begin;
        while (prev > 0 && (text[prev - 1] == ' ' || text[prev - 1] == '"' || text[prev - 1] == '(')) --prev;
        const bool sentence_start = prev == 0 || text[prev - 1] == '.' || text[prev - 1] == '!' ||
                                    text[prev - 1] == '?' || text[prev - 1] == '\n';
        const bool name = internal::is_ascii_upper(text[begin]) && !sentence_start;
        internal::TermDictionary::Term t = dict.lookup(w);
        if (!t.stopword && w.size() > 1) c[t.id] += scale * (name ? opts.proper_noun_weight : 1.0);
      });
    };
    add_text(doc.article.title, 2.0);
    add_text(doc.clean.text, 1.0);
    return c;
  }

  Vector weigh(const std::unordered_map<int, double>& c) {
    Vector v;
    for (const auto& [t, n] : c) {
      double idf = std::log((docs_seen + 1.0) / (doc_freq[t] + 1.0)) + 1.0;
      v.emplace_back(t, (1.0 + std::log(n)) * idf);
    }
    std::sort(v.begin(), v.end());
    double n = norm(v);
    if (n > 0) for (auto& [t, w] : v) w /= n;
    return v;
  }

  void add_to_centroid(std::size_t e, const Vector& v) {
    std::unordered_map<int, double> sum(centroids[e].begin(), centroids[e].end());
    for (const auto& [t, w] : v) sum[t] += w;
    Vector c(sum.begin(), sum.end());
    // Keep the heaviest terms: bounded memory per event, and the event's core vocabulary.
    if (c.size() > opts.centroid_terms) {
      std::nth_element(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(opts.centroid_terms), c.end(),
                       [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
      c.resize(opts.centroid_terms);
    }
    std::sort(c.begin(), c.end());
    centroids[e] = std::move(c);
  }

  void retire_old(long today) {
    if (opts.window_days <= 0 || today < 0) return;
    std::vector<std::size_t> keep;
    for (std::size_t e : live) {
      if (last_day[e] >= 0 && today - last_day[e] > opts.window_days) {
        events[e].live = false;
        Vector().swap(centroids[e]);
      } else {
        keep.push_back(e);
      }
    }
    live = std::move(keep);
  }
};

EventClusterer::EventClusterer(const ClusterOptions& opts) : impl_(std::make_unique<Impl>()) { impl_->opts = opts; }
EventClusterer::~EventClusterer() = default;

const std::vector<Event>& EventClusterer::events() const { return impl_->events; }

int EventClusterer::add(const Document& doc) {
  Impl& m = *impl_;
  const long today = day_number(doc.article.date);
  m.retire_old(today);
  std::unordered_map<int, double> c = m.counts(doc);
  ++m.docs_seen;
  for (const auto& [t, n] : c) ++m.doc_freq[t];
  Vector v = m.weigh(c);
  std::size_t best = SIZE_MAX;
  double best_sim = m.opts.min_similarity;
  for (std::size_t e : m.live) {
    double cn = norm(m.centroids[e]);
    if (cn == 0) continue;
    double sim = dot(v, m.centroids[e]) / cn;
    if (sim >= best_sim && (best == SIZE_MAX || sim > best_sim || e < best)) {
      best = e;
      best_sim = sim;
    }
  }
  if (best == SIZE_MAX) {
    best = m.events.size();
    Event e;
    e.id = static_cast<int>(best + 1);
    e.first_date = doc.article.date;
    m.events.push_back(e);
    m.centroids.emplace_back();
    m.last_day.push_back(today);
    m.live.push_back(best);
  }
  Event& e = m.events[best];
  e.articles.push_back(doc.article.id);
  if (!doc.article.date.empty() && (e.last_date.empty() || doc.article.date > e.last_date)) e.last_date = doc.article.date;
  if (!doc.article.date.empty() && (e.first_date.empty() || doc.article.date < e.first_date)) e.first_date = doc.article.date;
  m.last_day[best] = std::max(m.last_day[best], today);
  m.add_to_centroid(best, v);
  return e.id;
}

BCubed b_cubed(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  BCubed r;
  const std::size_t n = std::min(gold.size(), predicted.size());
  if (n == 0) return r;
  std::unordered_map<std::string, std::size_t> gold_size, pred_size;
  std::unordered_map<std::string, std::size_t> both;  // "gold\x1fpred" -> count
  for (std::size_t i = 0; i < n; ++i) {
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
    ++both[gold[i] + '\x1f' + predicted[i]];
  }
  for (std::size_t i = 0; i < n; ++i) {
    double shared = static_cast<double>(both[gold[i] + '\x1f' + predicted[i]]);
    r.precision += shared / static_cast<double>(pred_size[predicted[i]]);
    r.recall += shared / static_cast<double>(gold_size[gold[i]]);
  }
  r.precision /= static_cast<double>(n);
  r.recall /= static_cast<double>(n);
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  r.gold_events = gold_size.size();
  r.predicted_events = pred_size.size();
  return r;
}

}  // namespace chorus
