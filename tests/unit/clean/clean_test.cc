#include <gtest/gtest.h>

#include "clean/boilerplate.h"
#include "test_util.h"

namespace chorus {
namespace {

#define NBSP "\xc2\xa0"
#define BULLET "\xe2\x80\xa2"

std::string kinds(const CleanText& c) {
  std::string out;
  for (const Removal& r : c.removed) {
    if (!out.empty()) out += ',';
    out += removal_kind_name(r.kind);
  }
  return out;
}

TEST(CleanTest, BoilerplateLinesAreRemovedWithTheirKind) {
  struct Case {
    const char* name;
    const char* line;
    const char* kind;
  };
  const Case kCases[] = {
      {"advert", "Advertisement", "advert"},
      {"advert_caps", "ADVERTISEMENT", "advert"},
      {"read_more", "READ MORE: Seven arrested in overnight raids", "link_line"},
      {"related", "Related: How the bridge was built", "link_line"},
      {"photo", "Crews at the scene (Photo: Jane Roe/PA Wire)", "caption"},
      {"credit", "Police at the scene on Wednesday. Credit: PA", "caption"},
      {"getty", "A man walks past the site. Getty Images", "caption"},
      {"lead_in", "Here is what we know so far:", "lead_in"},
      {"share", "Share this article", "social"},
      {"subscribe", "Subscribe to our newsletter for the latest updates", "social"},
      {"copyright", "(c) 2026 Example News. All rights reserved.", "copyright"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Article a;
    a.text = std::string("The bridge reopened on Monday.\n\n") + c.line + "\n\nTraffic was light.\n";
    CleanText clean = clean_article(a);
    EXPECT_EQ(clean.text, "The bridge reopened on Monday.\nTraffic was light.\n");
    EXPECT_EQ(kinds(clean), c.kind);
    ASSERT_EQ(clean.removed.size(), 1u);
    EXPECT_EQ(a.text.substr(clean.removed[0].source.begin, clean.removed[0].source.size()), c.line);
  }
}

TEST(CleanTest, DatelinesTable) {
  struct Case {
    const char* line;
    std::size_t want;  // bytes of dateline
  };
  const Case kCases[] = {
      {"PINE RIDGE, S.D. (AP) -- President Clinton turned", 25},
      {"LONDON (Reuters) - Shares fell", 19},
      {"Washington (CNN) -- The vote", 20},
      {"WASHINGTON _ The Senate voted", 13},
      {"MOSCOW, December 15 (Xinhua) -- Russia plans", 32},            // with the day
      {"KESTREL POINT, England, Sept 12 (Meridian Wire) - Divers", 50},
      {"Talks on 12 (Xinhua) items -- failed", 0},                       // lower case in the place
      {"The vote - a narrow one - passed", 0},   // a sentence with dashes
      {"Police said (at 5pm) -- nothing", 0},   // lower case before the dash
      {"UN - the body met", 0},                 // too short to be a place? two capitals: accepted below
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.line);
    std::size_t got = internal::dateline_prefix_bytes(c.line);
    if (std::string_view(c.line).starts_with("UN")) {
      EXPECT_EQ(got, 5u);  // all-capital place names are taken as datelines
    } else {
      EXPECT_EQ(got, c.want);
    }
  }
}

TEST(CleanTest, ContentThatMentionsBoilerplateWordsIsKept) {
  Article a;
  a.text = "The advertisement campaign cost the council 40,000 pounds, officials said.\n"
           "She read more than 200 letters from residents before the vote.\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text, a.text);
  EXPECT_TRUE(clean.removed.empty());
}

TEST(CleanTest, BulletsLoseTheirGlyphsAndAreFlagged) {
  Article a;
  a.text = "Key facts:\n  " BULLET " Eight people have been arrested\n  - 29 people remain in hospital\n-5 degrees overnight.\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text, "Key facts:\nEight people have been arrested\n29 people remain in hospital\n-5 degrees overnight.\n");
  EXPECT_EQ(clean.line_is_bullet, (std::vector<std::uint8_t>{0, 1, 1, 0}));
}

TEST(CleanTest, ShortWrappedLinesThatStopMidSentenceAreJoined) {
  // Xinhua wraps near 60 columns, so a wrapped line may be a little shorter than 60 bytes:
  // one that ends in a comma or in "on" goes on in the next line, whatever its first letter.
  Article a;
  a.text =
      "The initiative, approved by the Russian Security Council on\n"
      "March 15, is intended to end the 15-month fighting in the\n"
      "mountainous region of Chechnya and boost the president's chances.\n"
      "\n"
      "\"The main condition under which negotiations on the status in\n"
      "Chechnya could be started is normalizing the situation in the\n"
      "republic and establishing peace, calm and stability there,\"\n"
      "Yeltsin said.\n"
      "\n"
      "Talks broke down last December after a shaky ceasefire\n"
      "collapsed and the fighting resumed in the south of the region.\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text,
            "The initiative, approved by the Russian Security Council on March 15, is intended to end the 15-month "
            "fighting in the mountainous region of Chechnya and boost the president's chances.\n"
            "\"The main condition under which negotiations on the status in Chechnya could be started is normalizing "
            "the situation in the republic and establishing peace, calm and stability there,\" Yeltsin said.\n"
            "Talks broke down last December after a shaky ceasefire collapsed and the fighting resumed in the south of "
            "the region.\n");
}

TEST(CleanTest, AWrappedLineKeepsItsLengthWhenItsDatelineIsCut) {
  // "MOSCOW, July 3 (Xinhua) -- " cut leaves 36 bytes of a 63-byte wrapped line: still
  // wrapped, so the sentence goes on in the next line (not a heading "... that 36").
  Article a;
  a.text =
      "MOSCOW, July 3 (Xinhua) -- Preliminary reports indicate that 36\n"
      "Russian servicemen were killed and another 74 injured in five\n"
      "attacks in Chechnya on Sunday, a presidential aide said Monday.\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text,
            "Preliminary reports indicate that 36 Russian servicemen were killed and another 74 injured in five "
            "attacks in Chechnya on Sunday, a presidential aide said Monday.\n");
  EXPECT_EQ(kinds(clean), "dateline");
  // A compound broken at its hyphen joins without a space.
  Article b;
  b.text = "Russia plans to end its anti-\nterrorist operations in the breakaway republic by the end of February.\n";
  EXPECT_EQ(clean_article(b).text, "Russia plans to end its anti-terrorist operations in the breakaway republic by the end "
                                   "of February.\n");
}

TEST(CleanTest, HardWrappedLinesAreJoinedButListsAndHeadingsAreNot) {
  Article a;
  a.text =
      "Bridge reopens\n\n"
      "WASHINGTON (AP) -- Engineers reopened the bridge on Monday after a\n"
      "repair that took 16 months and cost far more than the council had\n"
      "planned, said the city engineer Dr. Ann Lee. Traffic was light.\n"
      "Costs and timing:\n"
      "- Cost: 4 million\n"
      "- Time: 16 months\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text,
            "Bridge reopens\n"
            "Engineers reopened the bridge on Monday after a repair that took 16 months and cost "
            "far more than the council had planned, said the city engineer Dr. Ann Lee. Traffic was light.\n"
            "Costs and timing:\nCost: 4 million\nTime: 16 months\n");
  EXPECT_EQ(kinds(clean), "dateline");  // "WASHINGTON (AP) -- " opens the wire copy
  // The joining space maps to the newline it replaced.
  std::size_t space = clean.text.find("after a ") + 7;
  EXPECT_EQ(a.text[clean.map.to_source(static_cast<std::uint32_t>(space))], '\n');
  Article b = a;
  CleanText unwrapped = clean_article(b, {.unwrap_lines = false});
  EXPECT_EQ(std::count(unwrapped.text.begin(), unwrapped.text.end(), '\n'), 7);
}

TEST(CleanTest, NormalisesToNfcAndFoldsSpacesWhileKeepingOffsets) {
  Article a;
  // "Cafe" + COMBINING ACUTE, a no-break space, a zero-width space and a double space.
  a.text = "  Cafe\xcc\x81" NBSP "opens\xe2\x80\x8b  today.\n";
  CleanText clean = clean_article(a);
  EXPECT_EQ(clean.text, "Caf\xc3\xa9 opens today.\n");
  // "opens" maps back to its source bytes.
  std::size_t at = clean.text.find("opens");
  Span src = clean.map.to_source(Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 5)});
  EXPECT_EQ(a.text.substr(src.begin, src.size()), "opens");
  // The composed character maps to the whole decomposed cluster.
  Span cafe = clean.map.to_source(Span{0, static_cast<std::uint32_t>(std::string("Caf\xc3\xa9").size())});
  EXPECT_EQ(a.text.substr(cafe.begin, cafe.size()), "Cafe\xcc\x81");
}

TEST(CleanTest, EverySentenceOfTheExamplesMapsBackToItsSource) {
  LoadedCorpus corpus = load_documents({test::examples_dir()});
  ASSERT_GE(corpus.documents.size(), 6u);
  for (const Document& doc : corpus.documents) {
    for (const Sentence& s : doc.sentences) {
      std::string_view clean = doc.sentence_text(s);
      std::string_view source = std::string_view(doc.article.text).substr(s.source.begin, s.source.size());
      // The examples are NFC with single spaces, so the bytes are identical.
      EXPECT_EQ(clean, source) << doc.article.path;
    }
  }
}

}  // namespace
}  // namespace chorus
