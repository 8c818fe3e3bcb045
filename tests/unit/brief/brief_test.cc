#include <gtest/gtest.h>

#include <set>

#include "base/string_util.h"
#include "test_util.h"

namespace chorus {
namespace {

const LoadedCorpus& harbour() {
  static const LoadedCorpus corpus = load_documents({test::examples_dir() + "/harbour-bridge"});
  return corpus;
}

std::size_t words(const std::string& s) { return internal::count_words(s); }

TEST(BriefTest, HarbourBridgeBriefIsShortCitedAndNonRedundant) {
  ASSERT_EQ(harbour().documents.size(), 5u);
  ASSERT_TRUE(harbour().problems.empty());
  Result<Brief> brief = make_brief(harbour().documents);
  ASSERT_TRUE(brief.ok()) << brief.status().to_string();
  ASSERT_TRUE(brief->has_headline);
  EXPECT_LE(words(brief->headline.text), 35u);
  std::size_t total = 0;
  for (const BriefSentence& s : brief->digest) total += words(s.text);
  EXPECT_LE(total, 120u);
  EXPECT_GE(brief->digest.size(), 3u);
  std::set<std::string> seen{brief->headline.text};
  for (const BriefSentence& s : brief->digest) {
    EXPECT_TRUE(seen.insert(s.text).second) << "repeated: " << s.text;
    // Cited to its own article, ids ascending and unique.
    ASSERT_FALSE(s.citations.empty());
    bool own = false;
    for (std::size_t i = 0; i < s.citations.size(); ++i) {
      own |= s.citations[i].article_id == s.article_id;
      if (i) {
        EXPECT_LT(s.citations[i - 1].article_id, s.citations[i].article_id);
      }
    }
    EXPECT_TRUE(own);
  }
  // The collapse is what happened: the headline says so.
  EXPECT_NE(brief->headline.text.find("collapse"), std::string::npos) << brief->headline.text;
  EXPECT_EQ(brief->sources.size(), 5u);
}

TEST(BriefTest, SharedFactsAreCitedToEverySourceThatStatesThem) {
  Result<Brief> brief = make_brief(harbour().documents, {.words = 400});
  ASSERT_TRUE(brief.ok());
  // The mayor's inquiry is reported by four of the five articles in near-identical words.
  const BriefSentence* inquiry = nullptr;
  for (const BriefSentence& s : brief->digest) {
    if (s.text.find("independent inquiry into the collapse") != std::string::npos) inquiry = &s;
  }
  ASSERT_NE(inquiry, nullptr);
  EXPECT_GE(inquiry->citations.size(), 3u);
  // Each citation's span holds a sentence of that article that shares the key words.
  for (const Citation& c : inquiry->citations) {
    const Article& a = harbour().documents[static_cast<std::size_t>(c.article_id - 1)].article;
    std::string cited = a.text.substr(c.source.begin, c.source.size());
    EXPECT_NE(cited.find("inquiry"), std::string::npos) << cited;
  }
}

TEST(BriefTest, SentenceBudgetAndMethodsAndDeterminism) {
  for (RankMethod m : {RankMethod::kConceptCoverage, RankMethod::kCentroid, RankMethod::kLead}) {
    Result<Brief> a = make_brief(harbour().documents, {.words = 0, .sentences = 2, .method = m});
    Result<Brief> b = make_brief(harbour().documents, {.words = 0, .sentences = 2, .method = m});
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->digest.size(), 2u);
    ASSERT_EQ(a->digest.size(), b->digest.size());
    for (std::size_t i = 0; i < a->digest.size(); ++i) EXPECT_EQ(a->digest[i].text, b->digest[i].text);
  }
}

TEST(BriefTest, NoCandidateSentencesIsAnError) {
  std::vector<Document> docs;
  docs.push_back(test::text_document("Title: A title\n\nToo short.\n\nAlso short here.\n"));
  Result<Brief> brief = make_brief(docs);
  ASSERT_FALSE(brief.ok());
  EXPECT_EQ(brief.status().code(), StatusCode::kEmpty);
  EXPECT_EQ(make_brief({}).status().code(), StatusCode::kEmpty);
}

TEST(BriefTest, BoilerplateNeverReachesTheBrief) {
  LoadedCorpus corpus = load_documents({test::examples_dir()});
  Result<Brief> brief = make_brief(corpus.documents, {.words = 2000});
  ASSERT_TRUE(brief.ok());
  for (const BriefSentence& s : brief->digest) {
    for (const char* junk : {"Advertisement", "READ MORE", "(Photo:", "Credit:", "Share this", "Subscribe",
                             "what we know so far", "Follow us"}) {
      EXPECT_EQ(s.text.find(junk), std::string::npos) << s.text;
    }
  }
}

}  // namespace
}  // namespace chorus
