// The reference case: three real articles about the 2017 Westminster attack claim, read
// from ../shared/seeds (never copied into this repository).
#include <gtest/gtest.h>

#include <filesystem>

#include "base/utf8.h"
#include "test_util.h"

namespace chorus {
namespace {

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(test::seeds_dir())) return;
    corpus_ = new LoadedCorpus(load_documents({test::seeds_dir()}));
  }
  static void TearDownTestSuite() {
    delete corpus_;
    corpus_ = nullptr;
  }
  void SetUp() override {
    if (!corpus_) GTEST_SKIP() << "no seeds at " << test::seeds_dir();
    ASSERT_EQ(corpus_->documents.size(), 3u);
  }
  static const Document& doc(int i) { return corpus_->documents[static_cast<std::size_t>(i)]; }
  static Brief brief(const BriefOptions& opts = {}) {
    Result<Brief> b = make_brief(corpus_->documents, opts);
    EXPECT_TRUE(b.ok()) << b.status().to_string();
    return b.ok() ? std::move(b).value() : Brief{};
  }
  // Headline and digest as one lower-case string.
  static std::string brief_text(const Brief& b) {
    std::string all = b.headline.text;
    for (const BriefSentence& s : b.digest) all += "\n" + s.text;
    for (char& c : all) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return all;
  }
  static LoadedCorpus* corpus_;
};
LoadedCorpus* SeedsTest::corpus_ = nullptr;

TEST_F(SeedsTest, MetadataIsFoundAndNeverInvented) {
  EXPECT_TRUE(corpus_->problems.empty());
  EXPECT_EQ(doc(0).article.date, "2017-03-23");
  EXPECT_EQ(doc(1).article.date, "2017-03-23");
  EXPECT_EQ(doc(1).article.title, "IS claim responsibility for Westminster terror attack");
  EXPECT_EQ(doc(2).article.date, "");  // the Metro file carries no date
  EXPECT_EQ(doc(2).article.outlet, "Metro");
  EXPECT_EQ(doc(2).article.byline, "Richard Hartley-Parkinson");
  EXPECT_EQ(doc(0).article.outlet, "000_906e5495614f4ab8");  // no byline or domain: the file name
}

TEST_F(SeedsTest, BoilerplateIsRemovedAndBulletsBecomeSentences) {
  std::string kinds;
  for (int i = 0; i < 3; ++i) {
    for (const Removal& r : doc(i).clean.removed) kinds += std::string(removal_kind_name(r.kind)) + " ";
    for (const char* junk : {"Advertisement", "READ MORE", "(Photo:", "Credit: PA", "what we know so far", "\xe2\x80\xa2"}) {
      EXPECT_EQ(doc(i).clean.text.find(junk), std::string::npos) << junk;
    }
  }
  EXPECT_NE(kinds.find("advert"), std::string::npos);
  EXPECT_NE(kinds.find("link_line"), std::string::npos);
  EXPECT_NE(kinds.find("caption"), std::string::npos);
  EXPECT_NE(kinds.find("lead_in"), std::string::npos);
  int bullets = 0;
  for (const Sentence& s : doc(1).sentences) {
    if (s.bullet) {
      ++bullets;
      EXPECT_EQ(doc(1).sentence_text(s).find("\xe2\x80\xa2"), std::string::npos);
    }
  }
  EXPECT_EQ(bullets, 6);
}

TEST_F(SeedsTest, QuotationsStayWhole) {
  // "He was a peripheral figure. The case is historic. He was not part of ..." is one
  // paragraph of a quotation that runs over four paragraphs: kept as one sentence.
  bool found = false;
  for (const Sentence& s : doc(0).sentences) {
    std::string_view t = doc(0).sentence_text(s);
    if (t.find("He was a peripheral figure.") != std::string_view::npos) {
      found = true;
      EXPECT_NE(t.find("current intelligence picture."), std::string_view::npos) << t;
      EXPECT_EQ(s.quote, QuoteRole::kContinues);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsTest, BriefTellsWhatHappened) {
  Brief b = brief();
  std::string all = brief_text(b);
  EXPECT_NE(all.find("claimed"), std::string::npos) << all;                        // IS claimed it
  EXPECT_NE(all.find("islamic state"), std::string::npos) << all;
  EXPECT_NE(all.find("four"), std::string::npos) << all;                           // four dead
  EXPECT_NE(all.find("keith palmer"), std::string::npos) << all;                   // the officer
  EXPECT_NE(all.find("29"), std::string::npos) << all;                             // 29 in hospital
  EXPECT_NE(all.find("eight people have been arrested"), std::string::npos) << all;
  EXPECT_NE(all.find("british"), std::string::npos) << all;                        // May: British ...
  EXPECT_TRUE(all.find("mi5") != std::string::npos || all.find("security services") != std::string::npos) << all;
}

TEST_F(SeedsTest, NoBoilerplateAndNoSentenceCutMidQuote) {
  Brief b = brief({.words = 400});
  std::vector<const BriefSentence*> all{&b.headline};
  for (const BriefSentence& s : b.digest) all.push_back(&s);
  for (const BriefSentence* s : all) {
    for (const char* junk : {"Advertisement", "READ MORE", "Photo:", "Credit:", "what we know"}) {
      EXPECT_EQ(s->text.find(junk), std::string::npos) << s->text;
    }
    int open = 0, close = 0, straight = 0;
    std::size_t pos = 0;
    while (pos < s->text.size()) {
      char32_t cp = internal::decode_utf8(s->text, pos);
      open += cp == U'\u201C';
      close += cp == U'\u201D';
      straight += cp == U'"';
    }
    EXPECT_EQ(open, close) << s->text;
    EXPECT_EQ(straight % 2, 0) << s->text;
  }
}

TEST_F(SeedsTest, TheIsStatementIsCitedToEveryArticleThatCarriesIt) {
  Brief b = brief({.words = 400});
  const BriefSentence* statement = nullptr;
  for (const BriefSentence& s : b.digest) {
    if (s.text.find("soldier of the Islamic State executing the operation") != std::string::npos) statement = &s;
  }
  ASSERT_NE(statement, nullptr);
  // Articles 1 and 2 quote the statement; the Metro article (3) does not mention it.
  std::vector<int> ids;
  for (const Citation& c : statement->citations) ids.push_back(c.article_id);
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace chorus
