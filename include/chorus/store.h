// include/chorus/store.h: events kept in an embedded SQLite database (one file, WAL).
// Usage:
//   auto store = chorus::Store::open("news.db");            // creates it when missing
//   if (!store.ok()) return store.status();
//   chorus::StoreStats stats;
//   (*store)->add(articles, stats);                         // one transaction per batch
//   auto reader = chorus::StoreReader::open("news.db");     // for serving, any thread count
//   std::string list = (*reader)->events_json({.q = "bridge", .limit = 20});
// The database holds the articles as read and cleaned, the events they form, each
// event's current brief (JSON and an HTML page), figures and quotes, and the history of
// every event: one row per version of its brief, one per figure change ("dead 12 -> 14",
// with when it was recorded). Adding articles again is a no-op (same title and text);
// new ones join the events a single run over everything would have made, because the
// store replays its articles through the clusterer before adding more. Each batch is one
// transaction: a killed process loses only the batch it was writing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chorus/brief.h"
#include "chorus/cluster.h"
#include "chorus/corpus.h"
#include "chorus/status.h"

namespace chorus {

struct StoreOptions {
  ClusterOptions cluster;  // must be the same for every run over one database
  BriefOptions brief;
  std::size_t batch_articles = 256;  // articles per transaction
};

// What one add() did.
struct StoreStats {
  std::size_t added = 0;           // new articles stored
  std::size_t already_stored = 0;  // same title and text as a stored article: skipped
  std::size_t copies = 0;          // syndicated copies among the added
  std::size_t events_created = 0;
  std::size_t events_updated = 0;  // existing events that got a new version
  std::size_t merges = 0;          // events absorbed by another
};

// Where one article went.
struct StoredArticle {
  int article_id = 0;    // the article's id in the database (the stored one when already stored)
  int event_id = 0;      // its event now
  int duplicate_of = 0;  // the article it copies, or 0
  bool already_stored = false;
};

// What `chorus watch` keeps of a feed between polls and between runs.
struct FeedState {
  std::string url;
  std::string etag, last_modified;  // the last 200's validators: the next poll is a conditional GET
  int failures = 0;                 // failed polls in a row (the watcher backs off)
  std::string polled_at;            // UTC, ISO 8601, of the last poll; "" before the first
};

class Store {
 public:
  // Opens or creates a database for writing and replays its articles.
  static Result<std::unique_ptr<Store>> open(const std::string& path, const StoreOptions& opts = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores articles in order, opts.batch_articles per transaction; Article::id is
  // ignored (the database numbers articles). Stops at the first database error (a full
  // disk): what was committed before it stays.
  Result<std::vector<StoredArticle>> add(std::vector<Article> articles, StoreStats& stats);

  std::int64_t article_count() const;
  std::int64_t event_count() const;  // events not merged away

  // Whether an article with this url is stored (a feed item already read).
  bool has_article_url(const std::string& url) const;
  // The feed's saved state (url set, the rest empty when never polled) and saving it.
  FeedState feed_state(const std::string& url) const;
  Status save_feed_state(const FeedState& state);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

inline constexpr int kMaxQueryWords = 4;

struct EventQuery {
  std::string since;  // YYYY-MM-DD: events whose last article is on or after this day
  std::string q;      // words that the headline, outlets or names must contain (case-insensitive;
                      // at most kMaxQueryWords: the server refuses more with a 400)
  int limit = 50;     // 1..500
  int offset = 0;
};

struct EventSummary {
  int id = 0;
  std::string headline, first_date, last_date, updated_at;
  int articles = 0, outlets = 0, version = 0;
  std::string snippet;  // with a query: the brief's sentence most about it (the query as its focus)
};

// Read-only queries on one connection (not shared between threads: open one per thread).
class StoreReader {
 public:
  static Result<std::unique_ptr<StoreReader>> open(const std::string& path);
  ~StoreReader();
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  // A number that changes with every committed write (for caches).
  std::int64_t generation();
  // Newest first (last article date, then id); `total` gets the number matching.
  std::vector<EventSummary> list_events(const EventQuery& query, std::int64_t* total = nullptr);
  // {"total":N,"events":[...]}
  std::string events_json(const EventQuery& query);
  // The event's brief with its figures, quotes, entities, timeline and sources, its
  // articles and its history; nullopt when there is no such event.
  std::optional<std::string> event_json(int id);
  // The event's HTML page.
  std::optional<std::string> event_page(int id);
  // What changed since version `since` of the event's brief: an update brief of the
  // articles it gained after that version, for a reader who read the ones it had (JSON
  // with "since" and "version", or its HTML page headed "New since ..."). kNotFound for no
  // such event, kInvalidArgument for no such version, kResourceExhausted for an event
  // over kMaxUpdateArticles (briefed on request, it would hold a server thread for seconds).
  static constexpr std::size_t kMaxUpdateArticles = 2000;
  Result<std::string> update_json(int id, int since);
  Result<std::string> update_page(int id, int since);
  // The events of `query` as an Atom feed (RFC 4287): one entry per event with a
  // permanent id, its brief as content; with `updates`, each event at version 2 or more
  // also gets an entry for its latest version ("Updated: ...", the update brief since the
  // version before). `base_url` ("http://host:port") makes the links absolute.
  std::string events_atom(const EventQuery& query, bool updates, const std::string& base_url);
  // The event that absorbed `id`, or 0 (also 0 when there is no such event).
  int merged_into(int id);
  // The article's metadata, text, cleaned text and sentences (byte offsets into text).
  std::optional<std::string> article_json(int id);
  // {"status":"ok","articles":N,"events":N,"generation":N}
  std::string health_json();

 private:
  struct Impl;
  explicit StoreReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
