#include "chorus/cluster.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "chorus/stream.h"
#include "test_util.h"

namespace chorus {
namespace {

std::string labelled_stream() { return test::source_dir() + "/labelled/events.jsonl"; }

// Gold event of each line of a JSONL file with an "event" field, by line number.
std::map<int, std::string> gold_by_line(const std::string& path) {
  std::map<int, std::string> gold;
  std::ifstream in(path);
  int n = 0;
  for (std::string line; std::getline(in, line);) gold[++n] = nlohmann::json::parse(line).at("event").get<std::string>();
  return gold;
}

TEST(BCubedTest, HandComputed) {
  // Gold {a,a,b}, predicted {x,y,y}: per item precision 1, 1/2, 1/2; recall 1/2, 1/2, 1.
  BCubed b = b_cubed({"a", "a", "b"}, {"x", "y", "y"});
  EXPECT_NEAR(b.precision, 2.0 / 3, 1e-12);
  EXPECT_NEAR(b.recall, 2.0 / 3, 1e-12);
  EXPECT_EQ(b.gold_events, 2u);
  EXPECT_EQ(b.predicted_events, 2u);
  BCubed perfect = b_cubed({"a", "a", "b"}, {"1", "1", "2"});
  EXPECT_DOUBLE_EQ(perfect.f1, 1.0);
  BCubed lumped = b_cubed({"a", "b", "c", "d"}, {"1", "1", "1", "1"});
  EXPECT_DOUBLE_EQ(lumped.recall, 1.0);
  EXPECT_DOUBLE_EQ(lumped.precision, 0.25);
}

// An outlet named in a byline and by its domain is one outlet; an unknown one is no outlet.
TEST(ClusterTest, OneOutletWhateverItIsCalled) {
  LoadedCorpus corpus = load_documents({test::examples_dir() + "/harbour-bridge"});
  ASSERT_GE(corpus.documents.size(), 5u);
  const char* names[] = {"East Coast Herald", "eastcoastherald.example", "www.eastcoastherald.example", "", "Northgate Post"};
  EventClusterer clusterer;
  int event = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    corpus.documents[i].article.outlet = names[i];
    event = clusterer.resolve(clusterer.add(corpus.documents[i]).event);
  }
  std::vector<Event> events = clusterer.events();
  ASSERT_EQ(events.size(), 1u) << "the five reports are one event";
  ASSERT_EQ(events[0].id, event);
  ASSERT_EQ(events[0].outlets.size(), 2u);
  EXPECT_EQ(events[0].outlets[0], (std::pair<std::string, int>{"East Coast Herald", 3}));
  EXPECT_EQ(events[0].outlets[1], (std::pair<std::string, int>{"Northgate Post", 1}));
  EXPECT_EQ(events[0].unknown_outlet_articles, 1);
}

// The examples' two events, the seeds and the labelled stream's eight events, fed as one
// stream: every article's event must be exactly its gold event (folder or label).
TEST(ClusterTest, ExamplesSeedsAndLabelledStreamFormTheirOwnEvents) {
  std::vector<std::string> paths = {test::examples_dir(), labelled_stream()};
  const bool seeds = std::filesystem::exists(test::seeds_dir());
  if (seeds) paths.push_back(test::seeds_dir());
  LoadedCorpus corpus = load_documents(paths);
  std::map<int, std::string> labels = gold_by_line(labelled_stream());
  EventClusterer clusterer({.window_days = 0});  // the three sets are years apart
  std::vector<int> placed;
  std::vector<std::string> gold;
  for (const Document& d : corpus.documents) {
    placed.push_back(clusterer.add(d).event);
    gold.push_back(d.article.path == labelled_stream() ? labels.at(d.article.line)
                                                       : std::filesystem::path(d.article.path).parent_path().string());
  }
  std::vector<std::string> predicted;
  for (int e : placed) predicted.push_back(std::to_string(clusterer.resolve(e)));
  BCubed b = b_cubed(gold, predicted);
  EXPECT_EQ(b.gold_events, seeds ? 11u : 10u);
  EXPECT_EQ(b.predicted_events, b.gold_events);
  EXPECT_DOUBLE_EQ(b.f1, 1.0);
  if (seeds) {
    // The seeds are one event, and nothing else joined it.
    std::set<std::string> seed_events;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (gold[i] == test::seeds_dir()) seed_events.insert(predicted[i]);
    }
    ASSERT_EQ(seed_events.size(), 1u);
    for (std::size_t i = 0; i < gold.size(); ++i) {
      EXPECT_EQ(predicted[i] == *seed_events.begin(), gold[i] == test::seeds_dir()) << corpus.documents[i].article.path;
    }
  }
}

TEST(ClusterTest, SyndicatedCopyJoinsItsOriginalAsAnotherSource) {
  LoadedCorpus corpus = load_documents({labelled_stream()});
  EventClusterer clusterer;
  std::map<int, Placement> placed;
  for (const Document& d : corpus.documents) placed[d.article.id] = clusterer.add(d);
  // The labelled stream holds one re-headlined copy of the museum wire story.
  int copy = 0, original = 0;
  for (const Document& d : corpus.documents) {
    if (d.article.title == "Museum jewel raid: pair held in east London") copy = d.article.id;
    if (d.article.title == "Two arrested over Halden Museum jewel theft") original = d.article.id;
  }
  ASSERT_TRUE(copy && original);
  EXPECT_EQ(placed[copy].duplicate_of, original);
  EXPECT_EQ(placed[copy].event, placed[original].event);
  int copies = 0;
  for (const auto& [id, p] : placed) copies += p.duplicate_of != 0;
  EXPECT_EQ(copies, 1);
  for (const Event& e : clusterer.events()) {
    if (e.id != placed[copy].event) continue;
    EXPECT_EQ(e.copies, (std::vector<std::pair<int, int>>{{copy, original}}));
    EXPECT_NE(std::find(e.articles.begin(), e.articles.end(), copy), e.articles.end());
    EXPECT_NE(e.headline.find("Halden"), std::string::npos) << e.headline;
  }
}

Document story(int id, const std::string& title, const std::string& body) {
  Document d = test::text_document("Title: " + title + "\nDate: 2026-05-02\n\n" + body + "\n");
  d.article.id = id;
  return d;
}

TEST(ClusterTest, EventsThatGrowAlikeAreMerged) {
  const std::string harbour =
      "Firefighters in Port Calder fought a blaze at the harbour warehouse owned by Dunmore Shipping. "
      "The harbour master closed the quay while crews pumped seawater onto the burning roof.";
  const std::string council =
      "Port Calder council leader Ines Varga said the Dunmore Shipping site had failed an inspection in March. "
      "Councillors will meet on Friday to review safety at the docks.";
  // With a strict join threshold the two halves of the story start separate events; an
  // article carrying both makes the first event's centroid resemble the second one.
  EventClusterer clusterer({.min_similarity = 0.55, .merge_similarity = 0.3, .window_days = 0});
  const int a = clusterer.add(story(1, "Warehouse fire", harbour)).event;
  const int b = clusterer.add(story(2, "Council questions", council)).event;
  ASSERT_NE(a, b);
  const int c = clusterer.add(story(3, "Port Calder warehouse fire", harbour + " " + council)).event;
  EXPECT_EQ(c, a);
  EXPECT_EQ(clusterer.resolve(b), a);
  ASSERT_EQ(clusterer.events().size(), 1u);
  EXPECT_EQ(clusterer.events()[0].articles, (std::vector<int>{1, 2, 3}));
  std::vector<Event> merged = clusterer.drain_retired();
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id, b);
  EXPECT_EQ(merged[0].merged_into, a);
  // Without merging, the second event stays apart.
  EventClusterer no_merge({.min_similarity = 0.55, .merge_similarity = 0, .window_days = 0});
  no_merge.add(story(1, "Warehouse fire", harbour));
  no_merge.add(story(2, "Council questions", council));
  no_merge.add(story(3, "Port Calder warehouse fire", harbour + " " + council));
  EXPECT_EQ(no_merge.events().size(), 2u);
}

TEST(ClusterTest, QuietEventsAreRetiredAndDrained) {
  auto doc = [](int id, const char* date) {
    Document d = test::text_document(std::string("Title: Bridge collapse in Port Calder\nDate: ") + date +
                                     "\n\nThe Old Harbour Bridge in Port Calder collapsed into the estuary, "
                                     "killing seven people, the fire chief said. Divers searched the water "
                                     "for a second day, and the council ordered checks on every bridge.\n");
    d.article.id = id;
    d.clean.text += " Report " + std::to_string(id) + ".";  // not word-for-word copies
    return d;
  };
  EventClusterer clusterer({.window_days = 7, .dedup = false});
  EXPECT_EQ(clusterer.add(doc(1, "2026-04-13")).event, 1);
  EXPECT_EQ(clusterer.add(doc(2, "2026-04-15")).event, 1);  // same story, two days later
  EXPECT_EQ(clusterer.add(doc(3, "2026-05-30")).event, 2);  // weeks later: the old event is gone
  EXPECT_EQ(clusterer.live_events(), 1u);
  ASSERT_EQ(clusterer.events().size(), 2u);
  EXPECT_FALSE(clusterer.events()[0].live);
  std::vector<Event> done = clusterer.drain_retired();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].first_date, "2026-04-13");
  EXPECT_EQ(done[0].last_date, "2026-04-15");
  EXPECT_EQ(done[0].articles, (std::vector<int>{1, 2}));
  ASSERT_EQ(clusterer.events().size(), 1u);  // forgotten once handed over
  EXPECT_TRUE(clusterer.drain_retired().empty());
}

TEST(ClusterTest, BeyondTheCapTheQuietestEventRetires) {
  auto doc = [](int id, const char* date, const std::string& body) {
    Document d = test::text_document(std::string("Date: ") + date + "\n\n" + body + "\n");
    d.article.id = id;
    return d;
  };
  EventClusterer clusterer({.window_days = 0, .max_live_events = 2});
  clusterer.add(doc(1, "2026-03-01", "Floods swept through Kelby after the River Aske burst its banks overnight."));
  clusterer.add(doc(2, "2026-03-05", "Dockworkers at Carrow port walked out over a pay offer of four percent."));
  clusterer.add(doc(3, "2026-03-06", "Floodwater in Kelby began to recede as the River Aske fell on Thursday."));
  EXPECT_EQ(clusterer.live_events(), 2u);
  // A third story: the port strike is quieter than the floods (last seen 5 March), so it goes.
  clusterer.add(doc(4, "2026-03-07", "Thieves stole jewels worth millions from the Halden Museum in a night raid."));
  EXPECT_EQ(clusterer.live_events(), 2u);
  std::vector<Event> retired = clusterer.drain_retired();
  ASSERT_EQ(retired.size(), 1u);
  EXPECT_EQ(retired[0].articles, (std::vector<int>{2}));
}

// However big its events grow, a stream holds at most max_live_articles articles in live
// events: beyond them the quietest event retires, never the one that just grew.
TEST(EventClustererTest, LiveArticlesAreCapped) {
  auto doc = [](int id, const char* date, const std::string& body) {
    Document d = test::text_document(std::string("Date: ") + date + "\n\n" + body + "\n");
    d.article.id = id;
    return d;
  };
  EventClusterer clusterer({.window_days = 0, .max_live_articles = 3});
  clusterer.add(doc(1, "2026-03-01", "Floods swept through Kelby after the River Aske burst its banks overnight."));
  clusterer.add(doc(2, "2026-03-05", "Dockworkers at Carrow port walked out over a pay offer of four percent."));
  clusterer.add(doc(3, "2026-03-06", "Floodwater in Kelby began to recede as the River Aske fell on Thursday."));
  EXPECT_EQ(clusterer.live_events(), 2u);
  EXPECT_TRUE(clusterer.drain_retired().empty());
  // A fourth article: four in live events; the strike (last seen before the floods' second) goes.
  clusterer.add(doc(4, "2026-03-07", "Thieves stole jewels worth millions from the Halden Museum in a night raid."));
  std::vector<Event> retired = clusterer.drain_retired();
  ASSERT_EQ(retired.size(), 1u);
  EXPECT_EQ(retired[0].articles, (std::vector<int>{2}));
  EXPECT_EQ(clusterer.live_events(), 2u);
}

// The parallel stream gives the same events as the clusterer fed one by one, whatever
// the number of threads and the batch size.
TEST(EventStreamTest, SameEventsForAnyThreadCount) {
  auto run = [](int threads, std::size_t batch) {
    StreamOptions opts;
    opts.threads = threads;
    opts.batch_articles = batch;
    opts.keep_documents = true;
    std::vector<std::vector<int>> events;
    std::size_t documents = 0;
    EventStream stream(opts, [&](ClosedEvent&& e) {
      events.push_back(e.event.articles);
      documents += e.documents.size();
      EXPECT_EQ(e.articles.size(), e.event.articles.size());
    });
    ingest_paths({labelled_stream()}, {}, [&](Article&& a) { stream.add(std::move(a)); }, [](Problem&&) {});
    stream.finish();
    EXPECT_EQ(stream.stats().articles, 24u);
    EXPECT_EQ(stream.stats().duplicates, 1u);
    EXPECT_EQ(documents, 24u);
    std::sort(events.begin(), events.end());
    return events;
  };
  std::vector<std::vector<int>> one = run(1, 1), two = run(2, 7);
  // A snapshot mid-stream shows the open events with their documents, so a brief can be
  // written (and rewritten) while an event grows.
  StreamOptions opts;
  opts.batch_articles = 4;
  opts.keep_documents = true;
  opts.cluster.window_days = 0;
  EventStream stream(opts, [](ClosedEvent&&) {});
  int added = 0;
  ingest_paths({labelled_stream()}, {}, [&](Article&& a) { if (++added <= 12) stream.add(std::move(a)); }, [](Problem&&) {});
  std::vector<ClosedEvent> open = stream.snapshot();
  std::size_t held = 0;
  for (const ClosedEvent& e : open) {
    EXPECT_TRUE(e.event.live);
    EXPECT_EQ(e.documents.size(), e.event.articles.size());
    held += e.event.articles.size();
    if (e.documents.size() >= 2) {
      EXPECT_TRUE(make_brief(e.documents).ok());
    }
  }
  EXPECT_EQ(held, 8u);  // two batches clustered; the third is still being cleaned
  EXPECT_EQ(one, two);
  EXPECT_EQ(one.size(), 8u);
}

}  // namespace
}  // namespace chorus
