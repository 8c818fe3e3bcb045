// include/chorus/cluster.h: groups a stream of articles into events, online.
// Usage:
//   chorus::EventClusterer clusterer({.min_similarity = 0.2});
//   for (const chorus::Document& d : stream) int event = clusterer.add(d);
//   for (const chorus::Event& e : clusterer.events()) print(e.articles);
// Each article joins the most similar live event (cosine of its TF-IDF vector, proper
// nouns weighted up, with the event's centroid) or starts a new one. Events whose newest
// article is older than the window are retired, so memory stays bounded on an endless
// stream. Results depend only on the input order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "chorus/corpus.h"

namespace chorus {

struct ClusterOptions {
  double min_similarity = 0.2;     // cosine needed to join an event (0..1)
  int window_days = 7;             // retire events quiet for longer than this (0 = never)
  std::size_t centroid_terms = 100;  // terms kept per event centroid
  double proper_noun_weight = 2.0; // capitalised words inside sentences count this much more
};

struct Event {
  int id = 0;                 // 1-based, in order of creation
  std::vector<int> articles;  // Article::id, in arrival order
  std::string first_date, last_date;  // YYYY-MM-DD or "" when unknown
  bool live = true;           // false once retired from the window
};

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

  // Adds one article; returns the id of the event it joined or started.
  int add(const Document& doc);
  const std::vector<Event>& events() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
