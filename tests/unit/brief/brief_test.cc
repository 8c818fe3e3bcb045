#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
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

// Share of a sentence's words (lower-cased, 4+ letters) that another sentence has.
double word_overlap(const std::string& a, const std::string& b) {
  auto words_of = [](const std::string& s) {
    std::set<std::string> out;
    std::string w;
    for (char c : s + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      else {
        if (w.size() >= 4) out.insert(w);
        w.clear();
      }
    }
    return out;
  };
  const std::set<std::string> wa = words_of(a), wb = words_of(b);
  if (wa.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& w : wa) shared += wb.count(w);
  return static_cast<double>(shared) / static_cast<double>(wa.size());
}

// How much the chosen sentences repeat of what the reader has read: the most one does,
// and on average (each sentence's closest known sentence).
std::pair<double, double> repeated(const Brief& b, const std::vector<Document>& known) {
  double most = 0, sum = 0;
  for (const BriefSentence& s : b.digest) {
    double closest = 0;
    for (const Document& d : known) {
      for (const Sentence& k : d.sentences) closest = std::max(closest, word_overlap(s.text, std::string(d.sentence_text(k))));
    }
    most = std::max(most, closest);
    sum += closest;
  }
  return {most, b.digest.empty() ? 0 : sum / static_cast<double>(b.digest.size())};
}

// An update brief on real wire copy (DUC 2007's update task): subset B of a topic for a
// reader who has read subset A. Its sentences come from B, cite only B, and none says
// again what A said; the same brief without A known does repeat A.
TEST(UpdateBrief, NewArticlesWithoutRepeatingTheKnownOnes) {
  const std::string topic = std::string(CHORUS_SHARED_DIR) + "/data/duc2007-update-dev/docs/D0703A/";
  if (!std::filesystem::exists(topic)) GTEST_SKIP() << "no " << topic;
  const LoadedCorpus known = load_documents({topic + "D0703A-A"});
  const LoadedCorpus fresh = load_documents({topic + "D0703A-B"});
  ASSERT_GE(known.documents.size(), 5u);
  ASSERT_GE(fresh.documents.size(), 5u);
  BriefOptions generic_opts;
  generic_opts.words = 100;
  Result<Brief> generic = make_brief(fresh.documents, generic_opts);
  BriefOptions update_opts = generic_opts;
  update_opts.known = known.documents;
  Result<Brief> update = make_brief(fresh.documents, update_opts);
  ASSERT_TRUE(generic.ok() && update.ok());
  EXPECT_EQ(update->known_articles, known.documents.size());
  EXPECT_EQ(update->sources.size(), fresh.documents.size());
  ASSERT_GE(update->digest.size(), 2u);
  for (const BriefSentence& s : update->digest) {
    EXPECT_GT(s.article_id, 0);
    for (const Citation& c : s.citations) EXPECT_GT(c.article_id, 0) << "a known article cited";
  }
  const auto [update_most, update_mean] = repeated(*update, known.documents);
  const auto [generic_most, generic_mean] = repeated(*generic, known.documents);
  std::printf("closest known sentence, share of words: update %.2f (mean %.2f), generic %.2f (mean %.2f)\n", update_most,
              update_mean, generic_most, generic_mean);
  EXPECT_LT(update_most, 0.8);
  EXPECT_LE(update_mean, generic_mean + 0.05);
}

// New articles that carry the known ones again (a feed re-sends them): what the known
// ones say is not said again, though a brief of everything would say it.
TEST(UpdateBrief, KnownArticlesSentAgainAreNotRetold) {
  std::vector<Document> wire;
  for (const Document& d : harbour().documents) {
    if (d.article.path.ends_with("wire.jsonl")) wire.push_back(d);
  }
  ASSERT_EQ(wire.size(), 2u);
  BriefOptions opts;
  Result<Brief> generic = make_brief(harbour().documents, opts);
  opts.known = wire;
  Result<Brief> update = make_brief(harbour().documents, opts);
  ASSERT_TRUE(generic.ok() && update.ok());
  ASSERT_FALSE(update->digest.empty());
  EXPECT_GE(repeated(*generic, wire).first, 0.9);
  EXPECT_LT(repeated(*update, wire).first, 0.8);
  for (const BriefSentence& s : update->digest) EXPECT_FALSE(harbour().documents[static_cast<std::size_t>(s.article_id - 1)].article.path.ends_with("wire.jsonl")) << s.text;
}

// A reader who has read everything gets nothing new, not the same brief again.
TEST(UpdateBrief, NothingNewWhenEverythingIsKnown) {
  BriefOptions opts;
  opts.known = harbour().documents;
  Result<Brief> brief = make_brief(harbour().documents, opts);
  ASSERT_TRUE(brief.ok());
  EXPECT_FALSE(brief->has_headline);
  EXPECT_TRUE(brief->digest.empty());
}

// A focus moves the digest toward what it asks about; no focus changes nothing.
TEST(FocusedBrief, TheDigestFavoursWhatTheFocusAsksAbout) {
  auto mentions = [](const Brief& b, std::string_view word) {
    std::size_t n = 0;
    for (const BriefSentence& s : b.digest) n += internal::to_lower_ascii(s.text).find(word) != std::string::npos;
    return n;
  };
  BriefOptions plain;
  plain.words = 60;
  BriefOptions focused = plain;
  focused.focus = "the inquiry and the inspection of the bridge's cables";
  Result<Brief> a = make_brief(harbour().documents, plain);
  Result<Brief> b = make_brief(harbour().documents, focused);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(mentions(*b, "inquir") + mentions(*b, "inspect") + mentions(*b, "cable"),
            mentions(*a, "inquir") + mentions(*a, "inspect") + mentions(*a, "cable"));
  BriefOptions empty_focus = plain;
  empty_focus.focus = "";
  Result<Brief> c = make_brief(harbour().documents, empty_focus);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->digest.size(), a->digest.size());
  for (std::size_t i = 0; i < a->digest.size(); ++i) EXPECT_EQ(c->digest[i].text, a->digest[i].text);
}

}  // namespace
}  // namespace chorus
