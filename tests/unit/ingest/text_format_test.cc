#include <gtest/gtest.h>

#include "chorus/ingest.h"

namespace chorus {
namespace {

std::string text_at(const Article& a, const Span& s) { return a.text.substr(s.begin, s.size()); }

TEST(TextFormatTest, DateLineWithSentenceTitleKeepsItAsLede) {
  auto a = parse_text_article(" date 2017-03-23 The council has approved the plan.\n\nMore text follows here.\n", "x/a.txt");
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->date, "2017-03-23");
  EXPECT_EQ(a->title, "The council has approved the plan.");
  EXPECT_EQ(a->outlet, "");  // no byline, no domain: unknown; a file name is no outlet
  ASSERT_EQ(a->header_spans.size(), 1u);
  EXPECT_EQ(text_at(*a, a->header_spans[0]), " date 2017-03-23 ");
}

TEST(TextFormatTest, DateLineWithBoilerplateThenHeadline) {
  auto a = parse_text_article(" date 2020-01-02 Advertisement\n\nFloods close main road\n\nThe road was shut on Monday.\n",
                              "b.txt");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Floods close main road");
  EXPECT_EQ(a->date, "2020-01-02");
}

TEST(TextFormatTest, BylineGivesOutletAndNoDateStaysMissing) {
  auto a = parse_text_article("By Jane Roe | The Daily Example |\n\nThe mayor resigned on Friday after a vote.\n", "c.txt");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->byline, "Jane Roe");
  EXPECT_EQ(a->outlet, "The Daily Example");
  EXPECT_EQ(a->date, "");
  EXPECT_EQ(a->title, "");  // the first line is a sentence, not a headline
}

TEST(TextFormatTest, HeaderBlock) {
  auto a = parse_text_article("Title: A headline\nDate: 5 June 2026\nOutlet: Borough Bulletin\nByline: P. Nair\n\nBody text here.\n",
                              "d.txt");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "A headline");
  EXPECT_EQ(a->date, "2026-06-05");
  EXPECT_EQ(a->outlet, "Borough Bulletin");
  EXPECT_EQ(a->byline, "P. Nair");
  EXPECT_EQ(a->header_spans.size(), 4u);
}

TEST(TextFormatTest, HeaderOnlyIsEmpty) {
  auto a = parse_text_article("Title: Nothing else\nDate: 2026-01-01\n", "e.txt");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kEmpty);
}

}  // namespace
}  // namespace chorus
