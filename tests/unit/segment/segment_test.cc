#include <gtest/gtest.h>

#include "test_util.h"

namespace chorus {
namespace {

#define LDQ "\xe2\x80\x9c"
#define RDQ "\xe2\x80\x9d"
#define LSQ "\xe2\x80\x98"
#define RSQ "\xe2\x80\x99"

// Sentences of `text` joined by " | ".
std::string split(std::string_view text) {
  CleanText clean;
  clean.text = std::string(text) + "\n";
  std::string out;
  for (const Sentence& s : segment(clean)) {
    if (!out.empty()) out += " | ";
    out += clean.text.substr(s.span.begin, s.span.size());
  }
  return out;
}

TEST(SegmentTest, Table) {
  struct Case {
    const char* name;
    const char* text;
    const char* want;
  };
  const Case kCases[] = {
      {"simple", "The bridge fell. Seven died.", "The bridge fell. | Seven died."},
      {"titles", "Mr Smith and Mrs. Jones met Dr. Patel. They spoke.", "Mr Smith and Mrs. Jones met Dr. Patel. | They spoke."},
      {"pc_st_sir", "Pc. Keith Palmer died near St. Thomas' Hospital. Sir Michael spoke.",
       "Pc. Keith Palmer died near St. Thomas' Hospital. | Sir Michael spoke."},
      {"time", "It fell at 2.30pm. Crews came at 1.30am on Tuesday.", "It fell at 2.30pm. | Crews came at 1.30am on Tuesday."},
      {"decimal", "Shares fell 2.5 per cent. Markets closed.", "Shares fell 2.5 per cent. | Markets closed."},
      {"initials", "J. K. Rowling wrote it. It sold.", "J. K. Rowling wrote it. | It sold."},
      {"us_inside", "The U.S. embassy said so. Staff left.", "The U.S. embassy said so. | Staff left."},
      {"us_end", "He flew to the U.S. The talks failed.", "He flew to the U.S. | The talks failed."},
      {"quote_end", "She said: " LDQ "We will not waver." RDQ " MPs cheered.",
       "She said: " LDQ "We will not waver." RDQ " | MPs cheered."},
      {"quote_whole", "He said: " LDQ "It was bad. It was very bad." RDQ " Then he left.",
       "He said: " LDQ "It was bad. It was very bad." RDQ " | Then he left."},
      {"single_quotes", "She said it was " LSQ "peripheral" RSQ ". The Met" RSQ "s chief agreed.",
       "She said it was " LSQ "peripheral" RSQ ". | The Met" RSQ "s chief agreed."},
      {"straight_quotes", "\"Go now. Run,\" he said. They ran.", "\"Go now. Run,\" he said. | They ran."},
      {"lowercase_after", "The figure rose to 12 vs. ten a year ago.", "The figure rose to 12 vs. ten a year ago."},
      {"question", "Was it safe? Nobody knew!", "Was it safe? | Nobody knew!"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(split(c.text), c.want);
  }
}

TEST(SegmentTest, ParagraphsHeadingsAndMultiParagraphQuotes) {
  Document doc = test::text_document(
      "Title: Test\n\n"
      "Bridge reopens after repairs\n\n"
      "The minister said: " LDQ "We acted fast. The work is done.\n\n"
      LDQ "Nobody was hurt during the repairs.\n\n"
      LDQ "We thank the crews." RDQ "\n\n"
      "Traffic resumed at noon.\n");
  ASSERT_EQ(doc.sentences.size(), 5u);
  EXPECT_TRUE(doc.sentences[0].heading);
  EXPECT_EQ(doc.sentences[1].quote, QuoteRole::kOpens);
  EXPECT_FALSE(doc.sentences[1].balanced_quotes);
  EXPECT_EQ(doc.sentences[2].quote, QuoteRole::kContinues);
  EXPECT_EQ(doc.sentences[3].quote, QuoteRole::kContinues);
  EXPECT_TRUE(doc.sentences[3].balanced_quotes);
  EXPECT_EQ(doc.sentences[4].quote, QuoteRole::kNone);
  EXPECT_EQ(doc.sentences[4].paragraph, 4u);
  EXPECT_EQ(debug_string({doc.sentences[4]}).front(), '[');
}

}  // namespace
}  // namespace chorus
