// include/chorus/cluster.h: groups a stream of articles into events, online.
// Usage:
//   chorus::EventClusterer clusterer({.min_similarity = 0.12});
//   for (const chorus::Document& d : stream) {
//     chorus::Placement p = clusterer.add(d);          // p.event, p.duplicate_of
//     for (chorus::Event& done : clusterer.drain_retired()) emit(done);  // bounded memory
//   }
//   for (const chorus::Event& e : clusterer.events()) emit(e);
// Each article joins the most similar live event (cosine of its TF-IDF vector, proper
// nouns weighted up, with the event's centroid) or starts a new one. A near-identical
// copy of a recent article (a syndicated wire story) joins its original's event as an
// extra source and does not count twice. Two live events whose centroids grow alike are
// merged into the older one. Events retire, the quietest first, when more than
// max_live_events are live (quiet in articles of the stream, not in days: news runs for
// months and feeds come undated), and, with window_days, when quiet for longer than that:
// memory is bounded by the cap and the dedup horizon, whatever the stream's length.
// Results depend only on the input order.
//
// article_features() needs no shared state, so callers may run it on many threads and
// feed add(ArticleFeatures) in order from one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "chorus/corpus.h"
#include "chorus/dedup.h"

namespace chorus {

struct ClusterOptions {
  double min_similarity = 0.12;      // cosine needed to join a one-article event (0..1)
  double growth_penalty = 0.015;     // added to min_similarity per unit of ln(the event's articles):
                                     // a big event's centroid has something for every related story
  double merge_similarity = 0.5;     // centroid cosine at which two live events merge (0 = never)
  int window_days = 0;               // also retire events quiet this many days plus their own span (0 = never)
  std::size_t max_live_events = 5000;  // beyond this, the live event quiet longest in the stream retires (0 = no cap)
  std::size_t max_live_articles = 50000;  // and beyond this many articles in live events (0 = no cap): what an
                                          // endless stream holds stays bounded however big its events grow
  std::size_t dedup_horizon = 20000;   // originals remembered for copy detection, newest kept
  std::size_t centroid_terms = 100;  // terms kept per event centroid
  std::size_t query_terms = 24;      // an article's heaviest terms, used to find candidate events
  double proper_noun_weight = 2.0;   // capitalised words inside sentences count this much more
  bool dedup = true;                 // find syndicated copies (MinHash) before clustering
  DedupOptions dedup_options;
};

struct Event {
  int id = 0;                               // 1-based, in order of creation
  std::string headline;                     // the title that best matches the event's centroid
  std::vector<int> articles;                // Article::id, ascending; copies included
  std::vector<std::pair<int, int>> copies;  // (copy, original) pairs among `articles`
  std::vector<std::pair<std::string, int>> outlets;  // outlet, articles; most first; one outlet
                                                     // however named ("Metro", "metro.co.uk")
  int unknown_outlet_articles = 0;                   // articles whose outlet is not known
  std::string first_date, last_date;        // YYYY-MM-DD or "" when unknown
  bool live = true;                         // false once retired from the window or merged
  int merged_into = 0;                      // the event that absorbed this one, or 0
};

// Where add() put an article.
struct Placement {
  int event = 0;         // the event it joined or started
  int duplicate_of = 0;  // the article it copies, or 0
};

// The per-article work of clustering, independent of the stream: term counts by stem
// hash, title terms and the MinHash signature.
struct ArticleFeatures {
  int id = 0;
  std::string date, title, outlet;
  std::vector<std::pair<std::uint64_t, double>> terms;  // stem hash -> weighted count, by hash
  std::vector<std::uint64_t> title_terms;               // stem hashes of the title, by hash
  MinHashSignature signature;                           // empty when dedup is off
};
ArticleFeatures article_features(const Document& doc, const ClusterOptions& opts = {});

// B-cubed precision, recall and F1 of predicted labels against gold labels (same order).
struct BCubed {
  double precision = 0, recall = 0, f1 = 0;
  std::size_t gold_events = 0, predicted_events = 0;
};
BCubed b_cubed(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);

class EventClusterer {
 public:
  explicit EventClusterer(const ClusterOptions& opts = {});
  ~EventClusterer();
  EventClusterer(const EventClusterer&) = delete;
  EventClusterer& operator=(const EventClusterer&) = delete;

  Placement add(const Document& doc);
  Placement add(ArticleFeatures features);
  // Puts an article back where an earlier run placed it (event `placed.event`, a copy of
  // `placed.duplicate_of` when that is not 0), without deciding anything: a store reopened
  // rebuilds its clusterer this way, so every event keeps its id and its articles whatever
  // options or version of chorus this run uses. New events get ids above every restored one.
  void restore(ArticleFeatures features, const Placement& placed);

  // The event an id now lives in, following merges (ids of drained events map to themselves).
  int resolve(int event_id) const;
  // Events held (live, or retired and not yet drained), not merged away, by id.
  std::vector<Event> events() const;
  // Hands over events retired or merged since the last call and forgets them, so memory
  // stays bounded on an endless stream.
  std::vector<Event> drain_retired();
  std::size_t live_events() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
