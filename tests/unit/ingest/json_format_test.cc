#include <gtest/gtest.h>

#include "chorus/ingest.h"
#include "test_util.h"

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

TEST(JsonFormatTest, DatesAsExportersWriteThemAndTheLanguage) {
  std::vector<std::string> warnings;
  auto a = parse_json_article(R"({"maintext": "Body.", "date_publish": 1757757600, "language": "en-GB"})", "f", 1, &warnings);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->date, "2025-09-13");
  EXPECT_EQ(a->language, "en-GB");
  EXPECT_TRUE(warnings.empty());
  auto b = parse_json_article(R"({"maintext": "Body.", "date": "03/04/2025"})", "f", 2, &warnings);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->date, "");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("\"03/04/2025\" is ambiguous"), std::string::npos) << warnings[0];
}

// news-please writes one indented object per .json file, or an array of them.
TEST(JsonFormatTest, JsonFilesHoldAnObjectOrAnArray) {
  test::TempDir dir;
  dir.write("a_one.json", "{\n    \"title\": \"One\",\n    \"maintext\": \"The bridge reopened on Monday.\",\n"
                          "    \"date_publish\": \"2025-09-13 10:00:00\"\n}\n");
  dir.write("b_array.json", "[\n  {\"title\": \"Two\", \"maintext\": \"First [bracketed] text.\"},\n"
                            "  {\"title\": \"Bad\"},\n"
                            "  {\"title\": \"Three\", \"maintext\": \"Quoted \\\"}\\\" text.\", \"date\": \"next week\"}\n]\n");
  dir.write("c_lines.json", "{\"title\": \"Four\", \"maintext\": \"Line one.\"}\n{\"title\": \"Five\", \"maintext\": \"Line two.\"}\n");
  dir.write("d_cut.json", "[{\"title\": \"Six\", \"maintext\": \"Kept.\"}, {\"title\": \"Seven\", \"maint");
  IngestReport r = ingest_paths({dir.path()});
  std::vector<std::string> titles;
  for (const Article& a : r.articles) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"One", "Two", "Three", "Four", "Five", "Six"}));
  ASSERT_GE(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].date, "2025-09-13");
  EXPECT_EQ(r.articles[2].text, "Quoted \"}\" text.");
  EXPECT_EQ(r.articles[2].line, 4u);  // named by the line its object starts on
  bool empty_element = false, unparsed_date = false, cut = false;
  for (const Problem& p : r.problems) {
    empty_element |= p.path.ends_with("b_array.json") && p.line == 3 && p.status.code() == StatusCode::kEmpty;
    unparsed_date |= p.path.ends_with("b_array.json") && p.line == 4 && p.severity == Problem::Severity::kWarning &&
                     p.status.message().find("\"next week\" not understood") != std::string::npos;
    cut |= p.path.ends_with("d_cut.json") && p.status.code() == StatusCode::kDataLoss;
  }
  EXPECT_TRUE(empty_element);
  EXPECT_TRUE(unparsed_date);
  EXPECT_TRUE(cut);
}

// Half a UTF-16 pair (an exporter cut a string) costs one character, not the article.
TEST(JsonFormatTest, LoneSurrogatesAreRepaired) {
  std::vector<std::string> warnings;
  auto a = parse_json_article(R"({"title": "Cut \ud83d", "maintext": "A pair \ud83d\ude00 stays; a low half \udc00 alone goes; \\ud800 is text."})",
                              "f", 1, &warnings);
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->title, "Cut \xef\xbf\xbd");
  EXPECT_NE(a->text.find("\xf0\x9f\x98\x80"), std::string::npos);  // the pair is kept
  EXPECT_NE(a->text.find("half \xef\xbf\xbd alone"), std::string::npos);
  EXPECT_NE(a->text.find("\\ud800 is text"), std::string::npos);  // an escaped backslash, not an escape
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("surrogate"), std::string::npos);
  EXPECT_EQ(parse_json_article(R"({"maintext": "broken)", "f", 1).status().code(), StatusCode::kDataLoss);
}

// Control characters from article fields never reach a terminal or a page; offsets stay.
TEST(JsonFormatTest, ControlCharactersAreBlanked) {
  test::TempDir dir;
  const std::string path = dir.write("c.jsonl", "{\"title\": \"Bad\\u001b]0;owned\\u0007 title\", \"maintext\": \"Text\\u001b[2J here \\u0085 too.\"}\n");
  IngestReport r = ingest_paths({path});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.articles[0].title.find('\x07'), std::string::npos);
  EXPECT_EQ(r.articles[0].text.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.articles[0].text.find("\xc2\x85"), std::string::npos);
  EXPECT_EQ(r.articles[0].text.size(), std::string("Text\x1b[2J here \xc2\x85 too.").size());
  // A file name with a newline cannot forge a diagnostic line of its own.
  Problem p{"evil\nchorus: forged.txt", 0, Problem::Severity::kSkipped, Status(StatusCode::kEmpty, "empty file")};
  EXPECT_EQ(p.to_string().find('\n'), std::string::npos);
}

}  // namespace
}  // namespace chorus
