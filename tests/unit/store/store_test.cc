// The SQLite store: idempotent adds, incremental updates that match a single run, the
// history of figures, and the reader's queries.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

#include "chorus/store.h"
#include "test_util.h"

namespace chorus {
namespace {

using Json = nlohmann::json;

std::vector<Article> read_articles(const std::vector<std::string>& paths) {
  std::vector<Article> out;
  ingest_paths(paths, {}, [&](Article&& a) { out.push_back(std::move(a)); }, [](Problem&&) {});
  return out;
}

std::string labelled_stream() { return test::source_dir() + "/labelled/events.jsonl"; }

std::unique_ptr<Store> open_store(const std::string& path) {
  Result<std::unique_ptr<Store>> s = Store::open(path);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? std::move(*s) : nullptr;
}

std::unique_ptr<StoreReader> open_reader(const std::string& path) {
  Result<std::unique_ptr<StoreReader>> r = StoreReader::open(path);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(*r) : nullptr;
}

Article article(std::string title, std::string date, std::string outlet, std::string text) {
  Article a;
  a.path = "test.jsonl";
  a.title = std::move(title);
  a.date = std::move(date);
  a.outlet = std::move(outlet);
  a.text = std::move(text);
  return a;
}

TEST(Store, AddsTheExamplesOnceAndAgainIsANoOp) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  auto store = open_store(db);
  ASSERT_TRUE(store);
  const std::vector<Article> examples = read_articles({test::examples_dir()});
  ASSERT_EQ(examples.size(), 9u);
  StoreStats first;
  ASSERT_TRUE(store->add(examples, first).ok());
  EXPECT_EQ(first.added, 9u);
  EXPECT_EQ(first.events_created, 2u);  // the bridge collapse and the chemical plant fire
  EXPECT_EQ(store->event_count(), 2);
  const std::int64_t generation = open_reader(db)->generation();

  StoreStats again;
  Result<std::vector<StoredArticle>> placed = store->add(examples, again);
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.already_stored, 9u);
  EXPECT_EQ(again.events_updated, 0u);
  for (const StoredArticle& p : *placed) EXPECT_TRUE(p.already_stored);
  EXPECT_EQ(store->article_count(), 9);
  // No new version of any event: the history holds one entry each.
  auto reader = open_reader(db);
  for (const EventSummary& e : reader->list_events({})) {
    EXPECT_EQ(e.version, 1) << e.headline;
    const Json j = Json::parse(*reader->event_json(e.id));
    EXPECT_EQ(j["history"].size(), 1u);
  }
  EXPECT_EQ(reader->generation(), generation + 1);  // the no-op batch still commits
}

TEST(Store, AddingInTwoRunsGivesTheEventsOfOneRun) {
  test::TempDir dir;
  std::vector<Article> all = read_articles({labelled_stream()});
  ASSERT_EQ(all.size(), 24u);
  StoreStats stats;
  {
    auto once = open_store(dir.path() + "/once.db");
    ASSERT_TRUE(once->add(all, stats).ok());
  }
  {
    auto first = open_store(dir.path() + "/twice.db");
    ASSERT_TRUE(first->add(std::vector<Article>(all.begin(), all.begin() + 10), stats).ok());
  }
  {
    // A new process: the store replays its articles before adding more.
    auto second = open_store(dir.path() + "/twice.db");
    StoreStats more;
    ASSERT_TRUE(second->add(std::vector<Article>(all.begin() + 10, all.end()), more).ok());
    EXPECT_EQ(more.added, 14u);
    EXPECT_GT(more.events_updated, 0u);  // later articles joined events of the first run
  }
  auto once = open_reader(dir.path() + "/once.db");
  auto twice = open_reader(dir.path() + "/twice.db");
  for (int id = 1; id <= 24; ++id) {
    const Json a = Json::parse(*once->article_json(id));
    const Json b = Json::parse(*twice->article_json(id));
    EXPECT_EQ(a["title"], b["title"]);
    EXPECT_EQ(a["event_id"], b["event_id"]) << a["title"];
    EXPECT_EQ(a["copy_of"], b["copy_of"]) << a["title"];
  }
  EXPECT_EQ(once->list_events({}).size(), 8u);  // the eight labelled events
  EXPECT_EQ(twice->list_events({}).size(), 8u);
}

TEST(Store, KeepsTheHistoryOfAFigure) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  auto store = open_store(db);
  StoreStats stats;
  ASSERT_TRUE(store->add({article("Two dead as gas blast wrecks Tavistock Row flats", "2026-02-03", "Moorland Times",
                                  "Two people died when a gas explosion wrecked a block of flats on Tavistock Row in "
                                  "Brenmouth on Monday night. Firefighters searched the rubble until dawn.\n\n"
                                  "Brenmouth Fire Service said the blast was heard across the town.")},
                         stats)
                  .ok());
  ASSERT_TRUE(store->add({article("Tavistock Row gas blast: death toll rises to four", "2026-02-04", "Brenmouth Echo",
                                  "The death toll from the gas explosion at the Tavistock Row flats in Brenmouth has "
                                  "risen to four, Brenmouth Fire Service said on Tuesday. Firefighters searched the "
                                  "rubble of the Tavistock Row flats through the night.")},
                         stats)
                  .ok());
  EXPECT_EQ(stats.events_created, 1u);
  EXPECT_EQ(stats.events_updated, 1u);
  auto reader = open_reader(db);
  const std::vector<EventSummary> events = reader->list_events({});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].version, 2);
  const Json j = Json::parse(*reader->event_json(events[0].id));
  ASSERT_EQ(j["history"].size(), 2u);
  EXPECT_EQ(j["history"][1]["articles"], 2);
  // "The death toll rose from 2 to 4" is a row, with the version and time it was recorded.
  bool rose = false;
  for (const Json& f : j["figure_history"]) {
    if (f["kind"] == "dead" && f["version"] == 2) {
      EXPECT_EQ(f["previous"], 2.0);
      EXPECT_EQ(f["value"], 4.0);
      EXPECT_EQ(f["as_of"], "2026-02-04");
      rose = true;
    }
  }
  EXPECT_TRUE(rose) << j["figure_history"].dump();
  // The page shows the change and its sources' sentences.
  const std::string page = *reader->event_page(events[0].id);
  EXPECT_NE(page.find("id=\"history\""), std::string::npos);
  EXPECT_NE(page.find("(was 2)"), std::string::npos);
}

TEST(StoreReader, ListsNewestFirstAndFilters) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  StoreStats stats;
  ASSERT_TRUE(open_store(db)->add(read_articles({labelled_stream()}), stats).ok());
  auto reader = open_reader(db);
  std::int64_t total = 0;
  const std::vector<EventSummary> all = reader->list_events({}, &total);
  ASSERT_EQ(total, 8);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1].last_date, all[i].last_date);
  const std::vector<EventSummary> page = reader->list_events({.limit = 3, .offset = 3});
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].id, all[3].id);
  // Words anywhere in headline, outlets or names, in any case; all must match.
  const std::vector<EventSummary> kelby = reader->list_events({.q = "KELBY flood"}, &total);
  ASSERT_EQ(kelby.size(), 1u);
  EXPECT_NE(kelby[0].headline.find("Kelby"), std::string::npos);
  EXPECT_TRUE(reader->list_events({.q = "kelby museum"}).empty());
  for (const EventSummary& e : reader->list_events({.since = "2026-09-15"})) EXPECT_GE(e.last_date, "2026-09-15");
  EXPECT_LT(reader->list_events({.since = "2026-09-15"}).size(), all.size());
  // Injection is just text: it matches nothing and breaks nothing.
  EXPECT_TRUE(reader->list_events({.q = "' OR 1=1 --"}).empty());
}

TEST(StoreReader, ArticleSentencesPointIntoItsText) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  StoreStats stats;
  ASSERT_TRUE(open_store(db)->add(read_articles({test::examples_dir()}), stats).ok());
  auto reader = open_reader(db);
  const Json a = Json::parse(*reader->article_json(1));
  const std::string text = a["text"];
  ASSERT_GT(a["sentences"].size(), 3u);
  for (const Json& s : a["sentences"]) {
    const std::size_t begin = s["begin"], end = s["end"];
    ASSERT_LE(end, text.size());
    const std::string sentence = s["text"];
    EXPECT_EQ(text.substr(begin, 12), sentence.substr(0, 12));  // cleaning keeps the opening words
  }
  EXPECT_FALSE(reader->article_json(999).has_value());
  EXPECT_FALSE(reader->event_json(999).has_value());
}

TEST(Store, RefusesWhatIsNotADatabase) {
  test::TempDir dir;
  const std::string junk = dir.write("junk.db", std::string(4096, 'x'));
  Result<std::unique_ptr<Store>> s = Store::open(junk);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("junk.db"), std::string::npos);
  EXPECT_FALSE(StoreReader::open(dir.path() + "/missing.db").ok());
  EXPECT_FALSE(StoreReader::open(junk).ok());
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// Events that grow alike merge: the absorbed event's articles move to the survivor, the
// absorbed one points at it, and nothing is counted twice.
TEST(Store, MergedEventsMoveTheirArticles) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  StoreOptions opts;
  opts.cluster.min_similarity = 0.45;   // strict joining: one story starts several events...
  opts.cluster.merge_similarity = 0.2;  // ...that merge as they grow
  opts.batch_articles = 1;  // every event is stored before it can be absorbed
  StoreStats stats;
  {
    Result<std::unique_ptr<Store>> store = Store::open(db, opts);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->add(read_articles({labelled_stream()}), stats).ok());
  }
  ASSERT_GT(stats.merges, 0u) << "the options above no longer make events merge";
  auto reader = open_reader(db);
  std::int64_t live = 0;
  int articles = 0;
  for (const EventSummary& e : reader->list_events({.limit = 500}, &live)) articles += e.articles;
  EXPECT_EQ(articles, 24);  // every article in exactly one live event
  int redirected = 0;
  for (int id = 1; id <= 100; ++id) {
    const int into = reader->merged_into(id);
    if (into == 0) continue;
    ++redirected;
    EXPECT_EQ(reader->merged_into(into), 0) << "merged into an event that is itself merged";
    EXPECT_FALSE(reader->event_page(id).has_value());
    const Json j = Json::parse(*reader->event_json(id));
    EXPECT_EQ(j["articles"].size(), 0u);  // its articles moved
  }
  EXPECT_GT(redirected, 0);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// An event's id is permanent: reopened with options that would group the same articles
// otherwise (every article its own event at this threshold), the store keeps each stored
// article in its event and under its id, and places only what is new.
TEST(Store, EventIdsSurviveReopeningWithOtherOptions) {
  test::TempDir dir;
  const std::string db = dir.path() + "/news.db";
  std::vector<Article> examples = read_articles({test::examples_dir()});
  ASSERT_EQ(examples.size(), 9u);
  const Article late = examples.back();
  examples.pop_back();
  std::map<std::string, int> event_of;  // path:line -> event id
  {
    auto store = open_store(db);
    StoreStats stats;
    Result<std::vector<StoredArticle>> placed = store->add(examples, stats);
    ASSERT_TRUE(placed.ok());
    EXPECT_EQ(stats.events_created, 2u);
    for (std::size_t i = 0; i < examples.size(); ++i) {
      event_of[examples[i].path + ":" + std::to_string(examples[i].line)] = (*placed)[i].event_id;
    }
  }
  StoreOptions strict;
  strict.cluster.min_similarity = 0.99;
  strict.cluster.merge_similarity = 0;
  Result<std::unique_ptr<Store>> reopened = Store::open(db, strict);
  ASSERT_TRUE(reopened.ok());
  StoreStats stats;
  Result<std::vector<StoredArticle>> again = (*reopened)->add(examples, stats);
  ASSERT_TRUE(again.ok());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    EXPECT_EQ((*again)[i].event_id, event_of[examples[i].path + ":" + std::to_string(examples[i].line)]);
  }
  EXPECT_EQ((*reopened)->event_count(), 2);
  // A syndicated copy of a stored article joins the stored article's event, under its id.
  Article copy = examples[examples.size() - 2];
  copy.path = "copy.txt";
  copy.outlet = "Another Outlet";
  copy.text += "\n\nThis story was first published elsewhere.\n";
  Result<std::vector<StoredArticle>> copied = (*reopened)->add({copy}, stats);
  ASSERT_TRUE(copied.ok());
  const Article& original = examples[examples.size() - 2];
  EXPECT_NE((*copied)[0].duplicate_of, 0);
  EXPECT_EQ((*copied)[0].event_id, event_of[original.path + ":" + std::to_string(original.line)]);
  // A new article is placed by this run's options: at 0.99 it starts an event of its own,
  // under an id no stored event has.
  Result<std::vector<StoredArticle>> added = (*reopened)->add({late}, stats);
  ASSERT_TRUE(added.ok());
  EXPECT_GT((*added)[0].event_id, 2);
  EXPECT_EQ((*reopened)->event_count(), 3);
}

}  // namespace
}  // namespace chorus
