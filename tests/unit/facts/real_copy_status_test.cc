// Statuses on real wire copy (issue 12): agreed, revised and conflicting figures across
// outlets, each as articles written for the test; and a brief that agrees with its facts.
#include <gtest/gtest.h>

#include <algorithm>

#include "chorus/brief.h"
#include "chorus/facts.h"
#include "real_copy_util.h"

namespace chorus {
namespace {

using test::real_copy::article;
using test::real_copy::figure;

TEST(RealCopyStatusTest, ACountThatChangesOverTimeIsARevisionNotAConflict) {
  // One outlet's successive stories (AP's writethrus): missing 17, then 15, then 14.
  Facts facts = extract_facts({article("Seventeen people were missing after the storm.", "1998-10-23", 1, "Wire"),
                               article("Fifteen people were missing on Saturday.", "1998-10-24", 2, "Wire"),
                               article("Fourteen people were still missing on Sunday.", "1998-10-25", 3, "Wire")});
  const Figure* missing = figure(facts, FigureKind::kMissing);
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->status, FigureStatus::kRevised);
  EXPECT_EQ(missing->value, 14);
  EXPECT_EQ(missing->previous, 15);
}

TEST(RealCopyStatusTest, TwoSpellingsOfOneNameGiveOneAge) {
  // Outlets transliterate a name differently; one letter apart is the same person.
  Facts facts = extract_facts({article("Siavaash Mohseni, 24, did not vote.", "1998-10-23", 1, "Wire"),
                               article("Siavash Mohseni, 24, stayed at home.", "1998-10-23", 2, "Daily")});
  std::size_t ages = 0;
  for (const Figure& f : facts.figures) {
    if (f.kind != FigureKind::kAge) continue;
    ++ages;
    EXPECT_EQ(f.sources.size(), 2u);
    EXPECT_EQ(f.status, FigureStatus::kAgreed);
  }
  EXPECT_EQ(ages, 1u);
  // Two people of one family stay two, even one letter apart ("anna" and "hanna").
  Facts two = extract_facts({article("Anna Berglund, 24, did not vote.", "1998-10-23", 1, "Wire"),
                             article("Hanna Berglund, 31, stayed at home.", "1998-10-23", 2, "Daily"),
                             article("Per Berglund, 52, stayed at home.", "1998-10-23", 3, "Daily")});
  ages = 0;
  for (const Figure& f : two.figures) ages += f.kind == FigureKind::kAge;
  EXPECT_EQ(ages, 3u);
}

TEST(RealCopyStatusTest, ABoundAndAValueWithinItAgree) {
  Facts facts = extract_facts({article("More than 30 people were injured.", "2026-04-13", 1),
                               article("Police said 34 people were injured.", "2026-04-14", 2)});
  const Figure* injured = figure(facts, FigureKind::kInjured);
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->status, FigureStatus::kAgreed);
  EXPECT_EQ(injured->value, 34);
}

TEST(RealCopyStatusTest, ACountThatGrowsFarPastAnEarlierBoundIsARevision) {
  // AP's typhoon writethrus: "more than 100,000" evacuated, two days later "nearly 400,000".
  Facts facts = extract_facts({article("More than 100,000 people were forced out of their homes.", "1998-10-23", 1, "Wire"),
                               article("Nearly 400,000 people were forced out of their homes.", "1998-10-25", 2, "Wire")});
  const Figure* evacuated = figure(facts, FigureKind::kEvacuated);
  ASSERT_NE(evacuated, nullptr);
  EXPECT_EQ(evacuated->status, FigureStatus::kRevised);
  EXPECT_EQ(evacuated->value, 400000);
  EXPECT_EQ(evacuated->previous, 100000);
}

TEST(RealCopyStatusTest, ATollThatShrinksAcrossOutletsIsAConflict) {
  // NYT: "more than 250 died"; a month later AP: "224 killed"; no one says it changed.
  Facts shrinks = extract_facts({article("The bombings killed more than 250 people.", "1998-10-07", 1, "NYT"),
                                 article("The bombings killed 224 people.", "1998-11-05", 2, "AP")});
  const Figure* dead = figure(shrinks, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FigureStatus::kConflict);
  // Growing across outlets is the story moving on.
  Facts grows = extract_facts({article("The storm killed 82 people.", "1998-10-23", 1, "AP"),
                               article("The storm killed 156 people.", "1998-10-25", 2, "NYT")});
  dead = figure(grows, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  // An estimate ("about 65") that a later count of another outlet lowers was revised.
  Facts estimate = extract_facts({article("About 65 people died in the fire.", "1998-10-30", 1, "NYT"),
                                  article("The fire killed 60 people.", "1998-11-01", 2, "AP")});
  dead = figure(estimate, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  EXPECT_EQ(dead->value, 60);
}

TEST(RealCopyStatusTest, ALoneValueLaterArticlesDoNotTakeUpRevisesNothing) {
  std::vector<Document> docs;
  const char* days[] = {"1999-11-01", "1999-11-02", "1999-11-05", "1999-11-10", "1999-11-12", "1999-11-15"};
  for (int i = 0; i < 6; ++i) {
    docs.push_back(article(i == 3 ? "The crash killed all 223 people on board." : "The crash killed all 217 people on board.",
                           days[i], i + 1, "Outlet " + std::to_string(i)));
  }
  Facts facts = extract_facts(docs);
  const Figure* dead = figure(facts, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->value, 217);
  EXPECT_EQ(dead->status, FigureStatus::kAgreed);
  // The last word is still a revision when it is the lone one.
  docs.back() = article("The crash killed all 223 people on board.", "1999-11-15", 6, "Outlet 5");
  docs[3] = article("The crash killed all 217 people on board.", "1999-11-10", 4, "Outlet 3");
  Facts last_word = extract_facts(docs);
  dead = figure(last_word, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_NE(dead->status, FigureStatus::kAgreed);
}

TEST(RealCopyStatusTest, OneCountDescribedTwiceIsOneFigure) {
  // Two outlets name the same three dead differently; an aside of a dozen words between the
  // count and its verb.
  Facts facts = extract_facts({article("Three Macau government employees, including the No. 3 official in the gambling "
                                       "inspection agency, have been killed since March.",
                                       "1998-07-10", 1, "Wire"),
                               article("Three government officials, including a gambling inspector, have been killed "
                                       "since March.",
                                       "1998-09-08", 2, "Paper")});
  std::size_t dead = 0;
  for (const Figure& f : facts.figures) {
    if (f.kind != FigureKind::kDead) continue;
    ++dead;
    EXPECT_EQ(f.status, FigureStatus::kAgreed);
    EXPECT_EQ(f.sources.size(), 2u);
  }
  EXPECT_EQ(dead, 1u);
}

TEST(RealCopyStatusTest, OneShareNamedByTwoNounsIsOneFigure) {
  Facts facts = extract_facts({article("About 70 percent of the wreckage has been recovered from the ocean floor.",
                                       "1999-11-20", 1, "Wire"),
                               article("Divers said 70 percent of the aircraft has been recovered from the ocean.",
                                       "1999-11-22", 2, "Paper")});
  std::size_t shares = 0;
  for (const Figure& f : facts.figures) {
    if (f.kind != FigureKind::kPercent) continue;
    ++shares;
    EXPECT_EQ(f.status, FigureStatus::kAgreed);
  }
  EXPECT_EQ(shares, 1u);
}

TEST(RealCopyStatusTest, OutletsDisagreeingOnOneDayConflict) {
  Facts facts = extract_facts({article("The bombing killed 248 people.", "1998-10-02", 1, "Wire"),
                               article("The bombing killed 213 people.", "1998-10-02", 2, "Paper")});
  const Figure* dead = figure(facts, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->status, FigureStatus::kConflict);
}

TEST(RealCopyStatusTest, APlacesTollIsAFigureOfItsOwn) {
  // A storm's toll and the share of one province: not two values of one figure.
  Facts facts = extract_facts({article("The typhoon killed at least 82 people. At least 53 people were killed in "
                                       "landslides on Catanduanes island.",
                                       "1998-10-23", 1, "Wire"),
                               article("The typhoon killed at least 129 people. Of the 129 deaths, 67 were attributed "
                                       "to landslides on Catanduanes island.",
                                       "1998-10-24", 2, "Wire")});
  const Figure* dead = figure(facts, FigureKind::kDead);
  ASSERT_NE(dead, nullptr);
  EXPECT_EQ(dead->value, 129);
  EXPECT_EQ(dead->status, FigureStatus::kRevised);
  const Figure* island = figure(facts, FigureKind::kDead, "Catanduanes");
  ASSERT_NE(island, nullptr);
  EXPECT_EQ(island->value, 67);
}

TEST(RealCopyBriefTest, AnEventTitleNeverStatesAReplacedCount) {
  std::vector<Document> docs = {article("An explosion at the plant injured 12 workers on Thursday.", "2026-06-04", 1),
                                article("Fifteen people were hurt in the explosion at the plant, the fire service said, "
                                        "raising its earlier figure of 12.",
                                        "2026-06-05", 2)};
  Result<Brief> brief = make_brief(docs);
  ASSERT_TRUE(brief.ok());
  const std::string title = event_title("Blast at chemical plant injures 12", *brief);
  EXPECT_EQ(title.find("injures 12"), std::string::npos) << title;
  EXPECT_NE(title.find("Fifteen"), std::string::npos) << title;
  EXPECT_EQ(event_title("Blast at chemical plant in Lindmoor", *brief), "Blast at chemical plant in Lindmoor");
  // Nor does the brief's headline or digest take the sentence with the replaced count.
  EXPECT_EQ(brief->headline.text.find("12 workers"), std::string::npos);
  for (const BriefSentence& s : brief->digest) EXPECT_EQ(s.text.find("12 workers"), std::string::npos) << s.text;
}

}  // namespace
}  // namespace chorus
