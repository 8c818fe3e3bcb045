// include/chorus/stream.h: an article stream in, events out, using every core.
// Usage:
//   chorus::EventStream stream({}, [](chorus::ClosedEvent&& e) { emit(e.event); });
//   ingest_paths(paths, {}, [&](chorus::Article&& a) { stream.add(std::move(a)); }, on_problem);
//   stream.finish();   // emits the events still open
// Articles are buffered in small batches; cleaning, segmenting and the clustering
// features of a batch run in parallel (oneTBB), then the batch joins the clusterer in
// input order, so results do not depend on the number of threads. Events are handed to
// the callback when they retire from the window (and the rest at finish()), with the
// metadata of their articles and, if asked for, their documents; nothing else about a
// closed event is kept, so memory stays bounded on an endless stream.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "chorus/cluster.h"
#include "chorus/corpus.h"
#include "chorus/pipeline.h"

namespace chorus {

struct StreamOptions {
  PipelineOptions pipeline;
  ClusterOptions cluster;
  std::size_t batch_articles = 256;  // articles processed together in parallel
  int threads = 0;                   // workers cleaning and segmenting; 0 = cores - 1 (the
                                     // calling thread clusters meanwhile, and helps when idle)
  bool keep_documents = false;       // hand each closed event its documents (for briefs)
};

struct ClosedEvent {
  Event event;
  std::vector<Article> articles;    // metadata of event.articles in the same order; text empty
  std::vector<Document> documents;  // the same articles' documents when keep_documents
};

struct StreamStats {
  std::size_t articles = 0, duplicates = 0, events = 0, merges = 0;
  std::size_t peak_live_events = 0;
};

class EventStream {
 public:
  using OnClosed = std::function<void(ClosedEvent&&)>;
  // Called for each article as it is placed (optional).
  using OnPlaced = std::function<void(const Article&, const Placement&)>;

  EventStream(const StreamOptions& opts, OnClosed on_closed, OnPlaced on_placed = nullptr);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  void add(Article&& article);
  // The events open now, as they stand (articles already clustered; a batch still being
  // processed is not in yet): for a long-running processor that shows or re-briefs
  // events while they grow. Copies; the stream keeps going.
  std::vector<ClosedEvent> snapshot() const;
  // Processes what is buffered and closes every event still open.
  void finish();
  const StreamStats& stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
