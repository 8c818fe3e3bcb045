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
  EXPECT_EQ(doc(0).article.outlet, "");  // no byline or domain: unknown, never the file name
  EXPECT_EQ(doc(1).article.outlet, "");
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

// The facts layer on the reference case (issue 5): figures with their status, quotes
// with resolved speakers, and the attack dated from "on Wednesday" / "yesterday".
TEST_F(SeedsTest, KeyFiguresAgreeConflictAndRevise) {
  Facts facts = extract_facts(corpus_->documents);
  auto figure = [&](FigureKind kind, const std::string& subject) -> const Figure* {
    for (const Figure& f : facts.figures) {
      if (f.kind == kind && f.subject == subject) return &f;
    }
    return nullptr;
  };
  const Figure* dead = figure(FigureKind::kDead, "");
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->value, 4);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  EXPECT_EQ(dead->previous, 5);
  bool officer = false;
  for (const FigureMention& m : dead->mentions) officer = officer || m.detail.find("police officer") != std::string::npos;
  EXPECT_TRUE(officer) << "the toll includes a police officer and the assailant";
  const Figure* injured = figure(FigureKind::kInjured, "");
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->value, 29);
  EXPECT_EQ(injured->status, FigureStatus::kConflict);
  EXPECT_NE(std::find(injured->values.begin(), injured->values.end(), 40.0), injured->values.end());
  const Figure* critical = figure(FigureKind::kCritical, "");
  ASSERT_NE(critical, nullptr);
  EXPECT_EQ(critical->value, 7);
  const Figure* arrested = figure(FigureKind::kArrested, "");
  ASSERT_NE(arrested, nullptr);
  EXPECT_EQ(arrested->values, (std::vector<double>{8}));  // the READ MORE "Seven arrested" line is not a report
  EXPECT_EQ(arrested->status, FigureStatus::kAgreed);
  EXPECT_EQ(arrested->sources.size(), 2u);
  const Figure* raided = figure(FigureKind::kRaided, "addresses");
  ASSERT_NE(raided, nullptr);
  EXPECT_EQ(raided->value, 6);
}

TEST_F(SeedsTest, WhoSaidWhat) {
  Facts facts = extract_facts(corpus_->documents);
  auto said = [&](const std::string& words) -> const Quote* {
    for (const Quote& q : facts.quotes) {
      if (q.text.find(words) != std::string::npos) return &q;
    }
    return nullptr;
  };
  const Quote* hero = said("every inch a hero");
  ASSERT_NE(hero, nullptr);
  EXPECT_EQ(hero->speaker, "Theresa May");
  EXPECT_EQ(hero->sources.size(), 2u);  // double marks in one source, single in the other
  struct Expected {
    const char* words;
    const char* speaker;
  };
  for (const Expected& e : {Expected{"acted alone", "Mark Rowley"}, Expected{"working right through the night", "Michael Fallon"},
                            Expected{"lone attacker", "Peter Neumann"}, Expected{"very easy to construct", "Shiraz Maher"},
                            Expected{"Spoke to UK Prime Minister", "Donald Trump"}}) {
    const Quote* q = said(e.words);
    ASSERT_NE(q, nullptr) << e.words;
    EXPECT_EQ(q->speaker, e.speaker) << e.words;
  }
  // Issue 12: a statement over several paragraphs (one opening "‘(Thursday) morning") is one
  // quotation with its speaker, and "15 years’ service" does not close a quotation.
  const Quote* statement = said("Any attempt to defeat those values");
  ASSERT_NE(statement, nullptr);
  EXPECT_EQ(statement->speaker, "Theresa May");
  EXPECT_NE(statement->text.find("And Londoners"), std::string::npos) << statement->text;
  const Quote* rowley = said("Today in Westminster we saw tragic events unfold");
  ASSERT_NE(rowley, nullptr);
  const std::size_t service = rowley->text.find("15 years");
  ASSERT_NE(service, std::string::npos);
  EXPECT_GT(rowley->text.size(), service + 20) << rowley->text;  // the quotation goes on past it
  const Quote* claim = said("soldier of the Islamic State executing the operation");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->speaker, "Islamic State");  // "the IS statement": IS is Islamic State (issue 12)
  EXPECT_EQ(claim->sources.size(), 2u);  // the Metro article does not carry the statement
}

TEST_F(SeedsTest, TheAttackIsDatedWednesday22March) {
  Facts facts = extract_facts(corpus_->documents);
  bool attack_dated = false;
  for (const TimelineEntry& t : facts.timeline) {
    for (const TimelineSource& src : t.sources) {
      const bool dated_source = src.article_id == 1 || src.article_id == 2;  // dated 2017-03-23
      if (dated_source && t.date == "2017-03-22" && t.text.find("attack") != std::string::npos) attack_dated = true;
    }
    EXPECT_GE(t.date, "2017-03-22");
    EXPECT_LE(t.date, "2017-03-23");
  }
  EXPECT_TRUE(attack_dated);
  const Entity* may = nullptr;
  for (const Entity& e : facts.entities) {
    if (e.name == "Theresa May") may = &e;
  }
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->role, "Prime Minister");
  EXPECT_EQ(may->sources, (std::vector<int>{1, 2, 3}));
  // "Mrs May", "the Prime Minister" and "the PM" are the same person.
  for (const char* alias : {"Mrs May", "Prime Minister", "the PM"}) {
    EXPECT_NE(std::find(may->aliases.begin(), may->aliases.end(), alias), may->aliases.end()) << alias;
  }
}

}  // namespace
}  // namespace chorus
