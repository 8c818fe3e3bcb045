#include "chorus/cluster.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace chorus {
namespace {

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

TEST(ClusterTest, ExamplesAndSeedsFormTheirOwnEvents) {
  std::vector<std::string> paths = {test::examples_dir()};
  const bool seeds = std::filesystem::exists(test::seeds_dir());
  if (seeds) paths.push_back(test::seeds_dir());
  LoadedCorpus corpus = load_documents(paths);
  EventClusterer clusterer;
  std::vector<int> event_of;
  for (const Document& d : corpus.documents) event_of.push_back(clusterer.add(d));
  ASSERT_EQ(clusterer.events().size(), seeds ? 3u : 2u);
  // Each event holds exactly one folder's articles.
  for (std::size_t i = 0; i < corpus.documents.size(); ++i) {
    for (std::size_t j = 0; j < corpus.documents.size(); ++j) {
      auto folder = [&](std::size_t k) { return std::filesystem::path(corpus.documents[k].article.path).parent_path(); };
      EXPECT_EQ(event_of[i] == event_of[j], folder(i) == folder(j)) << corpus.documents[i].article.path << " vs "
                                                                    << corpus.documents[j].article.path;
    }
  }
}

TEST(ClusterTest, QuietEventsAreRetiredFromTheWindow) {
  auto doc = [](int id, const char* date) {
    Document d = test::text_document(std::string("Title: Bridge collapse in Port Calder\nDate: ") + date +
                                     "\n\nThe Old Harbour Bridge in Port Calder collapsed into the estuary, "
                                     "killing seven people, the fire chief said.\n");
    d.article.id = id;
    return d;
  };
  EventClusterer clusterer({.window_days = 7});
  EXPECT_EQ(clusterer.add(doc(1, "2026-04-13")), 1);
  EXPECT_EQ(clusterer.add(doc(2, "2026-04-15")), 1);   // same story, two days later
  EXPECT_EQ(clusterer.add(doc(3, "2026-05-30")), 2);   // weeks later: the old event is gone
  EXPECT_FALSE(clusterer.events()[0].live);
  EXPECT_EQ(clusterer.events()[0].first_date, "2026-04-13");
  EXPECT_EQ(clusterer.events()[0].last_date, "2026-04-15");
}

}  // namespace
}  // namespace chorus
