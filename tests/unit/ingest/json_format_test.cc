#include <gtest/gtest.h>

#include "chorus/ingest.h"

namespace chorus {
namespace {

TEST(JsonFormatTest, NewsPleaseFields) {
  auto a = parse_json_article(
      R"({"title":"T","maintext":"Body.","date_publish":"2017-03-23 10:00:00","source_domain":"www.metro.co.uk",)"
      R"("url":"https://metro.co.uk/a","authors":["A One","B Two"]})",
      "f.jsonl", 3);
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->title, "T");
  EXPECT_EQ(a->text, "Body.");
  EXPECT_EQ(a->date, "2017-03-23");
  EXPECT_EQ(a->outlet, "metro.co.uk");
  EXPECT_EQ(a->byline, "A One, B Two");
  EXPECT_EQ(a->line, 3u);
}

TEST(JsonFormatTest, AlternativeFieldNames) {
  struct Case {
    const char* json;
    const char* text;
    const char* date;
    const char* outlet;
  };
  const Case kCases[] = {
      {R"({"text":"x","date":"2020-01-02","source":"Wire"})", "x", "2020-01-02", "Wire"},
      {R"({"body":"y","published":"2 January 2020","source":{"name":"Obj"}})", "y", "2020-01-02", "Obj"},
      {R"({"content":"z","url":"https://www.example.org/p"})", "z", "", "example.org"},
      {R"({"content":"w"})", "w", "", ""},  // unknown: the file name is no outlet
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.json);
    auto a = parse_json_article(c.json, "dir/g.jsonl", 1);
    ASSERT_TRUE(a.ok()) << a.status().to_string();
    EXPECT_EQ(a->text, c.text);
    EXPECT_EQ(a->date, c.date);
    EXPECT_EQ(a->outlet, c.outlet);
  }
}

TEST(JsonFormatTest, Errors) {
  EXPECT_EQ(parse_json_article(R"({"title":"no body"})", "f", 1).status().code(), StatusCode::kEmpty);
  EXPECT_EQ(parse_json_article(R"({"text": "unterminated)", "f", 1).status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(parse_json_article("[1,2]", "f", 1).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace chorus
