#include "chorus/stream.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>

#include <unordered_map>

namespace chorus {

struct EventStream::Impl {
  // Articles on their way through the parallel stage.
  struct Batch {
    std::vector<Article> articles;
    std::vector<Document> docs;
    std::vector<ArticleFeatures> features;
  };

  StreamOptions opts;
  OnClosed on_closed;
  OnPlaced on_placed;
  EventClusterer clusterer;
  // One slot more than the worker threads, reserved for the caller: while it clusters one
  // batch, the workers clean and segment the next, and it joins them when it waits.
  // TBB allows cores - 1 workers by default; the extra slot needs one more while we live.
  tbb::global_control workers;
  tbb::task_arena arena;
  tbb::task_group group;
  Batch filling, in_flight;
  bool busy = false;
  // Held per article until its event closes.
  std::unordered_map<int, Article> meta;
  std::unordered_map<int, Document> documents;
  StreamStats stats;

  Impl(const StreamOptions& o, OnClosed closed, OnPlaced placed)
      : opts(o),
        on_closed(std::move(closed)),
        on_placed(std::move(placed)),
        clusterer(o.cluster),
        workers(tbb::global_control::max_allowed_parallelism, threads(o) + 1),
        arena(threads(o) + 1, 1) {}

  // Workers for the parallel stage; the caller's own thread clusters beside them, so by
  // default one core is left to it.
  static int threads(const StreamOptions& o) {
    return o.threads > 0 ? o.threads : std::max(1, tbb::info::default_concurrency() - 1);
  }

  ~Impl() { wait(); }

  void wait() {
    if (!busy) return;
    arena.execute([&] { group.wait(); });
    busy = false;
  }

  // Starts cleaning, segmenting and featurising `filling` on the workers.
  void launch() {
    in_flight = std::move(filling);
    filling = Batch();
    const std::size_t n = in_flight.articles.size();
    in_flight.docs.resize(n);
    in_flight.features.resize(n);
    busy = true;
    arena.execute([&] {
      group.run([this, n] {
        tbb::parallel_for(std::size_t{0}, n, [this](std::size_t i) {
          in_flight.docs[i] = process_article(std::move(in_flight.articles[i]), opts.pipeline);
          in_flight.features[i] = article_features(in_flight.docs[i], opts.cluster);
        });
      });
    });
  }

  // Waits for the batch in flight, starts the next one, then clusters the finished one.
  void rotate() {
    wait();
    Batch ready = std::move(in_flight);
    in_flight = Batch();
    if (!filling.articles.empty()) launch();
    cluster(ready);
  }

  void cluster(Batch& batch) {
    for (std::size_t i = 0; i < batch.docs.size(); ++i) {
      Placement p = clusterer.add(std::move(batch.features[i]));
      ++stats.articles;
      if (p.duplicate_of) ++stats.duplicates;
      stats.peak_live_events = std::max(stats.peak_live_events, clusterer.live_events());
      if (on_placed) on_placed(batch.docs[i].article, p);
      Article a = batch.docs[i].article;
      a.text.clear();
      a.text.shrink_to_fit();
      const int id = a.id;
      meta.emplace(id, std::move(a));
      if (opts.keep_documents) documents.emplace(id, std::move(batch.docs[i]));
      for (Event& e : clusterer.drain_retired()) close(std::move(e));
    }
  }

  void close(Event&& e) {
    if (e.merged_into) {
      ++stats.merges;  // its articles now belong to the absorbing event
      return;
    }
    ++stats.events;
    ClosedEvent out;
    for (int id : e.articles) {
      auto m = meta.find(id);
      if (m == meta.end()) continue;
      out.articles.push_back(std::move(m->second));
      meta.erase(m);
      auto d = documents.find(id);
      if (d != documents.end()) {
        out.documents.push_back(std::move(d->second));
        documents.erase(d);
      }
    }
    out.event = std::move(e);
    if (on_closed) on_closed(std::move(out));
  }
};

EventStream::EventStream(const StreamOptions& opts, OnClosed on_closed, OnPlaced on_placed)
    : impl_(std::make_unique<Impl>(opts, std::move(on_closed), std::move(on_placed))) {}
EventStream::~EventStream() = default;

void EventStream::add(Article&& article) {
  impl_->filling.articles.push_back(std::move(article));
  if (impl_->filling.articles.size() >= std::max<std::size_t>(1, impl_->opts.batch_articles)) impl_->rotate();
}

void EventStream::finish() {
  impl_->rotate();  // clusters the batch in flight, launches the last one
  impl_->rotate();  // clusters the last one
  for (Event& e : impl_->clusterer.drain_retired()) impl_->close(std::move(e));
  for (Event& e : impl_->clusterer.events()) impl_->close(std::move(e));
}

std::vector<ClosedEvent> EventStream::snapshot() const {
  std::vector<ClosedEvent> out;
  for (Event& e : impl_->clusterer.events()) {
    if (!e.live) continue;
    ClosedEvent c;
    for (int id : e.articles) {
      if (auto m = impl_->meta.find(id); m != impl_->meta.end()) c.articles.push_back(m->second);
      if (auto d = impl_->documents.find(id); d != impl_->documents.end()) c.documents.push_back(d->second);
    }
    c.event = std::move(e);
    out.push_back(std::move(c));
  }
  return out;
}

const StreamStats& EventStream::stats() const { return impl_->stats; }

}  // namespace chorus
