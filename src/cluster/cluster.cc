#include "chorus/cluster.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "base/dates.h"
#include "chorus/outlets.h"
#include "base/string_util.h"
#include "text/tokenize.h"

namespace chorus {
namespace {

using Vector = std::vector<std::pair<std::uint64_t, double>>;  // stem hash -> weight, by hash

// Days since 1970 of a YYYY-MM-DD date, or -1.
long day_number(const std::string& date) {
  int y, m, d;
  return internal::parse_ymd(date, y, m, d) ? internal::days_from_civil(y, m, d) : -1;
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

// Stem hash and stop-word flag of a lower-case word. Each thread keeps its own cache;
// it is cleared when large, so an endless stream's vocabulary cannot grow it forever.
struct StemKey {
  std::uint64_t hash = 0;
  bool stopword = false;
};
StemKey stem_key(const std::string& lower) {
  thread_local std::unordered_map<std::string, StemKey> cache;
  auto it = cache.find(lower);
  if (it != cache.end()) return it->second;
  if (cache.size() > 50000) cache.clear();
  StemKey key{internal::hash64(internal::porter_stem(lower)), internal::is_stopword(lower)};
  cache.emplace(lower, key);
  return key;
}

// The heaviest `n` entries of a vector, heaviest first (ties by hash: deterministic).
Vector heaviest(const Vector& v, std::size_t n) {
  Vector top = v;
  auto heavier = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  if (top.size() > n) {
    std::nth_element(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(n), top.end(), heavier);
    top.resize(n);
  }
  std::sort(top.begin(), top.end(), heavier);
  return top;
}

}  // namespace

ArticleFeatures article_features(const Document& doc, const ClusterOptions& opts) {
  ArticleFeatures f;
  f.id = doc.article.id;
  f.date = doc.article.date.substr(0, std::min<std::size_t>(10, doc.article.date.size()));
  f.title = doc.article.title;
  f.outlet = doc.article.outlet;
  std::unordered_map<std::uint64_t, double> counts;
  auto add_text = [&](std::string_view text, double scale, std::vector<std::uint64_t>* seen) {
    internal::for_each_word_at(text, [&](const std::string& w, std::size_t begin) {
      if (w.size() < 2) return;
      StemKey key = stem_key(w);
      if (key.stopword) return;
      // A capital inside a sentence marks a name; one after a full stop, or at the
      // start of a line, says nothing.
      std::size_t prev = begin;
      while (prev > 0 && (text[prev - 1] == ' ' || text[prev - 1] == '"' || text[prev - 1] == '(')) --prev;
      const bool sentence_start = prev == 0 || text[prev - 1] == '.' || text[prev - 1] == '!' ||
                                  text[prev - 1] == '?' || text[prev - 1] == '\n';
      const bool name = internal::is_ascii_upper(text[begin]) && !sentence_start;
      counts[key.hash] += scale * (name ? opts.proper_noun_weight : 1.0);
      if (seen) seen->push_back(key.hash);
    });
  };
  add_text(doc.article.title, 2.0, &f.title_terms);
  add_text(doc.clean.text, 1.0, nullptr);
  f.terms.assign(counts.begin(), counts.end());
  std::sort(f.terms.begin(), f.terms.end());
  std::sort(f.title_terms.begin(), f.title_terms.end());
  f.title_terms.erase(std::unique(f.title_terms.begin(), f.title_terms.end()), f.title_terms.end());
  if (opts.dedup) f.signature = minhash_signature(doc, opts.dedup_options);
  return f;
}

struct EventClusterer::Impl {
  // What is held for one event while it is live (and until drained).
  struct Slot {
    Event event;
    Vector centroid;  // summed article vectors, heaviest terms kept, by hash
    double centroid_norm = 0;
    long first_day = -1, last_day = -1;
    long last_seen = 0;  // the stream position of its newest article
    std::vector<std::pair<std::string, std::vector<std::uint64_t>>> titles;  // candidate headlines
    OutletTally outlets;
  };

  static constexpr std::size_t kMaxCandidates = 32;
  static constexpr std::size_t kMaxPosting = 256;
  static constexpr int kDocFreqHalfLife = 50000;

  ClusterOptions opts;
  DuplicateIndex duplicates;
  std::unordered_map<std::uint64_t, int> doc_freq;  // stem -> articles seen with it
  int docs_seen = 0;
  long articles_seen = 0;  // every article, copies too: the stream position
  int next_id = 1;
  std::unordered_map<int, Slot> slots;               // held events by id
  std::vector<int> live;                             // ids of live events, ascending
  std::vector<int> retired;                          // retired or merged, not yet drained
  std::unordered_map<int, int> merged;               // merged event id -> absorbing id
  std::unordered_map<int, int> event_of_article;     // held originals -> event id
  std::deque<int> remembered;                        // originals in the dedup index, oldest first
  std::unordered_map<std::uint64_t, std::vector<int>> postings;  // term -> events whose centroid had it
  std::size_t posting_entries = 0, stale_entries = 0;
  std::size_t live_articles = 0;  // articles (copies too) of live events
  long newest_day = -1;

  explicit Impl(const ClusterOptions& o) : opts(o), duplicates(o.dedup_options) {}

  // Every kDocFreqHalfLife articles all document frequencies are halved and the zeros
  // dropped: IDF follows the recent stream, and words seen once long ago (an endless
  // stream has an endless vocabulary) do not hold memory forever.
  void decay_doc_freq() {
    if (docs_seen % kDocFreqHalfLife != 0) return;
    docs_seen /= 2;
    for (auto it = doc_freq.begin(); it != doc_freq.end();) {
      it->second /= 2;
      it = it->second == 0 ? doc_freq.erase(it) : std::next(it);
    }
  }

  Vector weigh(const ArticleFeatures& f) {
    Vector v;
    v.reserve(f.terms.size());
    for (const auto& [t, n] : f.terms) {
      double idf = std::log((docs_seen + 1.0) / (doc_freq[t] + 1.0)) + 1.0;
      v.emplace_back(t, (1.0 + std::log(n)) * idf);
    }
    double n = norm(v);
    if (n > 0) for (auto& [t, w] : v) w /= n;
    return v;
  }

  // Live events sharing the query's heaviest terms, at most `max_candidates` of them: those
  // whose shared terms weigh most in the query (ties: older first). Only these get an
  // exact cosine, so the cost per article does not grow with the number of live events.
  std::vector<int> candidates(const Vector& query, int except) {
    std::unordered_map<int, double> shared;
    for (const auto& [t, w] : heaviest(query, opts.query_terms)) {
      auto it = postings.find(t);
      // A term in hundreds of live events says little about which one this is.
      if (it == postings.end() || it->second.size() > kMaxPosting) continue;
      for (int id : it->second) shared[id] += w;
    }
    std::vector<std::pair<double, int>> ranked;
    ranked.reserve(shared.size());
    for (const auto& [id, w] : shared) {
      if (id == except) continue;
      auto s = slots.find(id);
      if (s != slots.end() && s->second.event.live) ranked.emplace_back(-w, id);
    }
    const std::size_t keep = std::min(ranked.size(), kMaxCandidates);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
    std::vector<int> out;
    for (std::size_t i = 0; i < keep; ++i) out.push_back(ranked[i].second);
    std::sort(out.begin(), out.end());
    return out;
  }

  void set_centroid(Slot& slot, Vector c) {
    if (c.size() > opts.centroid_terms) {
      c = heaviest(c, opts.centroid_terms);
      std::sort(c.begin(), c.end());
    }
    // Post the terms that are new to this centroid; dropped ones go stale until a rebuild.
    std::size_t i = 0;
    for (const auto& [t, w] : c) {
      while (i < slot.centroid.size() && slot.centroid[i].first < t) ++i, ++stale_entries;
      if (i < slot.centroid.size() && slot.centroid[i].first == t) {
        ++i;
        continue;
      }
      postings[t].push_back(slot.event.id);
      ++posting_entries;
    }
    stale_entries += slot.centroid.size() - i;
    slot.centroid = std::move(c);
    slot.centroid_norm = norm(slot.centroid);
    if (stale_entries > 4096 && stale_entries > posting_entries / 2) rebuild_postings();
  }

  void rebuild_postings() {
    postings.clear();
    posting_entries = stale_entries = 0;
    for (int id : live) {
      for (const auto& [t, w] : slots[id].centroid) postings[t].push_back(id);
      posting_entries += slots[id].centroid.size();
    }
  }

  static Vector sum(const Vector& a, const Vector& b) {
    Vector out;
    out.reserve(a.size() + b.size());
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() || j != b.end()) {
      if (j == b.end() || (i != a.end() && i->first < j->first)) out.push_back(*i++);
      else if (i == a.end() || j->first < i->first) out.push_back(*j++);
      else {
        out.emplace_back(i->first, i->second + j->second);
        ++i, ++j;
      }
    }
    return out;
  }

  static void widen_dates(Event& e, const std::string& first, const std::string& last) {
    if (!first.empty() && (e.first_date.empty() || first < e.first_date)) e.first_date = first;
    if (!last.empty() && (e.last_date.empty() || last > e.last_date)) e.last_date = last;
  }

  void retire(int id) {
    Slot& slot = slots[id];
    slot.event.live = false;
    live_articles -= std::min(live_articles, slot.event.articles.size());
    stale_entries += slot.centroid.size();
    Vector().swap(slot.centroid);
    for (int a : slot.event.articles) {
      event_of_article.erase(a);
      duplicates.forget(a);
    }
    retired.push_back(id);
  }

  // Before a new event goes live: retires the quietest live events so at most the cap
  // remain, the one whose newest article came earliest in the stream first. This window
  // follows the news, not the calendar: it closes an event once `max_live_events` others
  // have been active since, whether the stream covers a day or a decade, dated or not.
  void make_room() {
    if (opts.max_live_events == 0) return;
    auto quiet_key = [&](int id) { return std::make_pair(slots[id].last_seen, id); };
    while (live.size() >= opts.max_live_events) {
      auto quietest = std::min_element(live.begin(), live.end(), [&](int a, int b) { return quiet_key(a) < quiet_key(b); });
      retire(*quietest);
      live.erase(quietest);
    }
  }

  // After `keep` grew: while the live events hold more than max_live_articles, the
  // quietest other event retires (as make_room does for the count of events).
  void bound_live_articles(int keep) {
    if (opts.max_live_articles == 0) return;
    while (live_articles > opts.max_live_articles && live.size() > 1) {
      auto quietest = live.end();
      for (auto it = live.begin(); it != live.end(); ++it) {
        if (*it == keep) continue;
        if (quietest == live.end() || std::make_pair(slots[*it].last_seen, *it) < std::make_pair(slots[*quietest].last_seen, *quietest)) {
          quietest = it;
        }
      }
      if (quietest == live.end()) return;
      retire(*quietest);
      live.erase(quietest);
    }
  }

  // Remembers an original for copy detection, forgetting the oldest beyond the horizon.
  void remember(int id, MinHashSignature sig) {
    duplicates.insert(id, std::move(sig));
    remembered.push_back(id);
    while (remembered.size() > std::max<std::size_t>(1, opts.dedup_horizon)) {
      duplicates.forget(remembered.front());
      remembered.pop_front();
    }
  }

  void retire_old(long today) {
    if (opts.window_days <= 0 || today <= newest_day) return;
    newest_day = today;
    std::vector<int> keep;
    for (int id : live) {
      // A story that has run for weeks may pause for weeks: the quiet allowed grows with
      // the span the event already covers, up to twice the window (so no event that keeps
      // catching a stray article now and then can live, and grow, for ever).
      const Slot& slot = slots[id];
      const long span = slot.first_day >= 0 ? std::min<long>(slot.last_day - slot.first_day, opts.window_days) : 0;
      if (slot.last_day >= 0 && today - slot.last_day > opts.window_days + span) retire(id);
      else keep.push_back(id);
    }
    live = std::move(keep);
  }

  // Moves `from` into `into` (the older event) and retires `from` as merged.
  void merge(int into, int from) {
    Slot& a = slots[into];
    Slot& b = slots[from];
    for (int art : b.event.articles) event_of_article[art] = into;
    a.event.articles.insert(a.event.articles.end(), b.event.articles.begin(), b.event.articles.end());
    std::sort(a.event.articles.begin(), a.event.articles.end());
    a.event.copies.insert(a.event.copies.end(), b.event.copies.begin(), b.event.copies.end());
    widen_dates(a.event, b.event.first_date, b.event.last_date);
    a.outlets.add_all(b.outlets);
    for (auto& t : b.titles) a.titles.push_back(std::move(t));
    a.last_day = std::max(a.last_day, b.last_day);
    a.last_seen = std::max(a.last_seen, b.last_seen);
    if (b.first_day >= 0 && (a.first_day < 0 || b.first_day < a.first_day)) a.first_day = b.first_day;
    set_centroid(a, sum(a.centroid, b.centroid));
    b.event.live = false;
    b.event.merged_into = into;
    b.event.articles.clear();
    stale_entries += b.centroid.size();
    Vector().swap(b.centroid);
    merged[from] = into;
    std::erase(live, from);
    retired.push_back(from);
  }

  // After `id` grew: merges it with the live event its centroid now matches best.
  int merge_if_alike(int id) {
    if (opts.merge_similarity <= 0) return id;
    const Slot& slot = slots[id];
    // A centroid moves most while the event is young: check at sizes 2, 3, 4, 8, 16, ...
    const std::size_t size = slot.event.articles.size();
    if (slot.centroid_norm == 0 || size < 2 || (size > 4 && (size & (size - 1)) != 0)) return id;
    int best = 0;
    double best_sim = opts.merge_similarity;
    for (int other : candidates(slot.centroid, id)) {
      const Slot& o = slots[other];
      if (o.centroid_norm == 0) continue;
      double sim = dot(slot.centroid, o.centroid) / (slot.centroid_norm * o.centroid_norm);
      if (sim >= best_sim) {
        best = other;
        best_sim = sim;
      }
    }
    if (best == 0) return id;
    int into = std::min(id, best);
    merge(into, std::max(id, best));
    return into;
  }

  // A new live event under `id` (ids are not reused: live stays in id order).
  Slot& open_event(int id) {
    Slot& slot = slots[id];
    slot.event.id = id;
    make_room();
    live.insert(std::upper_bound(live.begin(), live.end(), id), id);
    return slot;
  }

  // Counts an original's terms into the document frequencies, then weighs them.
  Vector count_terms(const ArticleFeatures& f) {
    ++docs_seen;
    for (const auto& [t, n] : f.terms) ++doc_freq[t];
    decay_doc_freq();
    return weigh(f);
  }

  // What every article, copy or original, adds to its event: itself, its date and outlet.
  void note_article(Slot& slot, const ArticleFeatures& f, long today) {
    slot.event.articles.push_back(f.id);
    ++live_articles;
    widen_dates(slot.event, f.date, f.date);
    slot.last_day = std::max(slot.last_day, today);
    slot.last_seen = articles_seen;
    if (today >= 0 && (slot.first_day < 0 || today < slot.first_day)) slot.first_day = today;
    slot.outlets.add(f.outlet);
    event_of_article[f.id] = slot.event.id;
  }

  // What an original adds besides: its terms, a candidate headline, its copy signature.
  void absorb(Slot& slot, ArticleFeatures& f, const Vector& v) {
    if (!f.title.empty() && slot.titles.size() < 32) slot.titles.emplace_back(f.title, std::move(f.title_terms));
    set_centroid(slot, sum(slot.centroid, v));
    if (opts.dedup) remember(f.id, std::move(f.signature));
  }

  Event finished(const Slot& slot) const {
    Event e = slot.event;
    // Headline: the title whose terms weigh most in the centroid (ties: the earliest).
    double best = -1;
    for (const auto& [title, terms] : slot.titles) {
      double w = 0;
      for (std::uint64_t t : terms) {
        auto it = std::lower_bound(slot.centroid.begin(), slot.centroid.end(), std::make_pair(t, -1e300));
        if (it != slot.centroid.end() && it->first == t) w += it->second;
      }
      w /= std::sqrt(static_cast<double>(terms.size()) + 1.0);
      if (w > best) {
        best = w;
        e.headline = title;
      }
    }
    e.outlets = slot.outlets.ranked();
    e.unknown_outlet_articles = slot.outlets.unknown();
    return e;
  }
};

EventClusterer::EventClusterer(const ClusterOptions& opts) : impl_(std::make_unique<Impl>(opts)) {}
EventClusterer::~EventClusterer() = default;

Placement EventClusterer::add(const Document& doc) { return add(article_features(doc, impl_->opts)); }

Placement EventClusterer::add(ArticleFeatures f) {
  Impl& m = *impl_;
  const long today = day_number(f.date);
  m.retire_old(today);
  ++m.articles_seen;
  Placement placed;
  if (m.opts.dedup) {
    placed.duplicate_of = m.duplicates.find(f.signature);
    if (placed.duplicate_of) {
      // A copy: one more source for its original's event; it does not count twice.
      Impl::Slot& slot = m.slots[m.event_of_article.at(placed.duplicate_of)];
      slot.event.copies.emplace_back(f.id, placed.duplicate_of);
      m.note_article(slot, f, today);
      placed.event = slot.event.id;
      m.bound_live_articles(placed.event);
      return placed;
    }
  }
  Vector v = m.count_terms(f);
  int best = 0;
  double best_sim = m.opts.min_similarity;
  for (int id : m.candidates(v, 0)) {
    const Impl::Slot& slot = m.slots[id];
    if (slot.centroid_norm == 0) continue;
    double sim = dot(v, slot.centroid) / slot.centroid_norm;
    // A big event is harder to join: the more articles it holds, the more a merely related
    // story finds something in common with its centroid.
    const double originals = static_cast<double>(slot.event.articles.size() - slot.event.copies.size());
    sim -= m.opts.growth_penalty * std::log(std::max(1.0, originals));
    if (sim > best_sim || (sim == best_sim && best == 0)) {
      best = id;
      best_sim = sim;
    }
  }
  Impl::Slot& slot = best ? m.slots[best] : m.open_event(m.next_id++);
  m.note_article(slot, f, today);
  m.absorb(slot, f, v);
  placed.event = m.merge_if_alike(slot.event.id);
  m.bound_live_articles(placed.event);
  return placed;
}

void EventClusterer::restore(ArticleFeatures f, const Placement& placed) {
  Impl& m = *impl_;
  const long today = day_number(f.date);
  m.retire_old(today);
  ++m.articles_seen;
  m.next_id = std::max(m.next_id, placed.event + 1);
  auto held = m.slots.find(placed.event);
  if (held == m.slots.end() || !held->second.event.live) {
    // Not live: new to this run, retired (it goes live again, keeping what it holds), or
    // merged away here (it starts afresh under its stored id).
    if (held != m.slots.end() && held->second.event.merged_into) m.slots.erase(held);
    std::erase(m.retired, placed.event);
    Impl::Slot& revived = m.open_event(placed.event);
    revived.event.live = true;
    m.live_articles += revived.event.articles.size();  // what it held counts again
  }
  Impl::Slot& slot = m.slots[placed.event];
  m.note_article(slot, f, today);
  if (placed.duplicate_of) {
    slot.event.copies.emplace_back(f.id, placed.duplicate_of);
  } else {
    m.absorb(slot, f, m.count_terms(f));
  }
  m.bound_live_articles(placed.event);
}

int EventClusterer::resolve(int event_id) const {
  auto it = impl_->merged.find(event_id);
  while (it != impl_->merged.end()) {
    event_id = it->second;
    it = impl_->merged.find(event_id);
  }
  return event_id;
}

std::vector<Event> EventClusterer::events() const {
  std::vector<Event> out;
  for (const auto& [id, slot] : impl_->slots) {
    if (!slot.event.merged_into) out.push_back(impl_->finished(slot));
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return a.id < b.id; });
  return out;
}

std::vector<Event> EventClusterer::drain_retired() {
  Impl& m = *impl_;
  std::vector<Event> out;
  std::sort(m.retired.begin(), m.retired.end());
  for (int id : m.retired) {
    out.push_back(m.finished(m.slots[id]));
    m.slots.erase(id);
    m.merged.erase(id);
  }
  m.retired.clear();
  return out;
}

std::size_t EventClusterer::live_events() const { return impl_->live.size(); }

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
