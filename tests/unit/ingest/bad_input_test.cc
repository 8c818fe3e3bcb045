// Bad input is reported with its file and line, skipped, and never stops the run.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "test_util.h"

namespace chorus {
namespace {

using test::TempDir;

const char kGood[] = "By Jane Roe | Example News |\n\nThe bridge reopened on Monday after repairs.\n";

const Problem* find_problem(const IngestReport& r, std::string_view path_suffix) {
  for (const Problem& p : r.problems) {
    if (p.path.ends_with(path_suffix)) return &p;
  }
  return nullptr;
}

TEST(BadInputTest, EachBadFileIsSkippedWithItsReasonAndGoodOnesAreKept) {
  TempDir dir;
  dir.write("a_good.txt", kGood);
  dir.write("b_binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02garbage", 14));
  dir.write("c_empty.txt", "");
  dir.write("d_spaces.txt", "  \n\n  ");
  dir.write("e_latin1.txt", "Caf\xe9 cr\xe8me br\xfbl\xe9" "e \xe0 la fran\xe7" "aise, \xe9t\xe9 \xe0 Li\xe8" "ge.\n");
  dir.write("f_unknown.pdf", "%PDF-1.4");
  dir.write("g_good.txt", kGood);
  IngestReport r = ingest_paths({dir.path()});
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, 1);
  EXPECT_TRUE(r.articles[0].path.ends_with("a_good.txt"));
  EXPECT_TRUE(r.articles[1].path.ends_with("g_good.txt"));
  EXPECT_TRUE(r.any_skipped());

  struct Want {
    const char* file;
    StatusCode code;
    const char* says;
  };
  const Want kWants[] = {{"b_binary.txt", StatusCode::kDataLoss, "binary"},
                         {"c_empty.txt", StatusCode::kEmpty, "empty"},
                         {"d_spaces.txt", StatusCode::kEmpty, "empty"},
                         {"e_latin1.txt", StatusCode::kDataLoss, "not UTF-8"},
                         {"f_unknown.pdf", StatusCode::kUnsupported, "unknown format"}};
  for (const Want& w : kWants) {
    SCOPED_TRACE(w.file);
    const Problem* p = find_problem(r, w.file);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->severity, Problem::Severity::kSkipped);
    EXPECT_EQ(p->status.code(), w.code);
    EXPECT_NE(p->to_string().find(w.says), std::string::npos) << p->to_string();
    EXPECT_NE(p->to_string().find(w.file), std::string::npos);
  }
}

TEST(BadInputTest, AFewInvalidBytesAreRepairedWithAWarningNamingTheLine) {
  TempDir dir;
  std::string text = std::string(kGood) + "\nSecond paragraph with a stray byte \xff here and more words to dilute it "
                                          "so that the file is mostly valid text.\n";
  std::string path = dir.write("stray.txt", text);
  IngestReport r = ingest_paths({path});
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].severity, Problem::Severity::kWarning);
  EXPECT_EQ(r.problems[0].line, 5u);
  EXPECT_NE(r.articles[0].text.find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD, nothing dropped
  EXPECT_FALSE(r.any_skipped());
}

TEST(BadInputTest, BrokenJsonLinesAreSkippedByLineAndTheRestIsRead) {
  TempDir dir;
  std::string jsonl =
      "{\"title\":\"One\",\"text\":\"First article text.\"}\n"
      "{\"title\":\"Broken\",\"text\":\"no closing\n"
      "\n"
      "{\"title\":\"No text\"}\n"
      "[\"an array\"]\n"
      "{\"title\":\"Bad\",\"text\":\"byte \xff here\"}\n"
      "{\"title\":\"Two\",\"maintext\":\"Second article text.\"}\n";
  std::string path = dir.write("feed.jsonl", jsonl);
  IngestReport r = ingest_paths({path});
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "One");
  EXPECT_EQ(r.articles[1].title, "Bad");  // repaired, with a warning
  EXPECT_EQ(r.articles[2].title, "Two");
  EXPECT_EQ(r.articles[2].line, 7u);
  ASSERT_EQ(r.problems.size(), 4u);
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_EQ(r.problems[0].status.code(), StatusCode::kDataLoss);
  EXPECT_NE(r.problems[0].to_string().find("feed.jsonl:2: skipped: data_loss: broken JSON"), std::string::npos)
      << r.problems[0].to_string();
  EXPECT_EQ(r.problems[1].line, 4u);
  EXPECT_EQ(r.problems[1].status.code(), StatusCode::kEmpty);
  EXPECT_EQ(r.problems[2].line, 5u);
  EXPECT_EQ(r.problems[3].line, 6u);
  EXPECT_EQ(r.problems[3].severity, Problem::Severity::kWarning);
}

TEST(BadInputTest, HugeFilesAndLinesAreSkippedNotLoaded) {
  TempDir dir;
  std::string big(50u << 20, 'a');  // 50 MiB of one "word": not an article
  for (std::size_t i = 80; i < big.size(); i += 80) big[i] = '\n';
  std::string txt = dir.write("huge.txt", big);
  std::string line = "{\"text\":\"" + std::string(9u << 20, 'b') + "\"}\n{\"text\":\"Small one.\"}\n";
  std::string jsonl = dir.write("huge.jsonl", line);
  IngestReport r = ingest_paths({txt, jsonl});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].text, "Small one.");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.problems[1].status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.problems[1].line, 1u);
}

TEST(BadInputTest, MissingAndUnreadablePaths) {
  TempDir dir;
  std::string good = dir.write("ok.txt", kGood);
  std::string locked = dir.write("locked.txt", kGood);
  ::chmod(locked.c_str(), 0);
  IngestReport r = ingest_paths({dir.path() + "/nope.txt", good, locked});
  const Problem* missing = find_problem(r, "nope.txt");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->status.code(), StatusCode::kNotFound);
  if (::geteuid() != 0) {  // root reads anything: permission cannot be denied to it
    const Problem* denied = find_problem(r, "locked.txt");
    ASSERT_NE(denied, nullptr);
    EXPECT_EQ(denied->status.code(), StatusCode::kPermissionDenied);
  }
  EXPECT_GE(r.articles.size(), 1u);
}

// Issue 18's reading holes: a BOM on JSONL, an over-long line read in bounded memory, a
// FIFO that would block, an unreadable sub-folder.
TEST(BadInputTest, JsonlByteOrderMarkAndOverLongLines) {
  TempDir dir;
  const std::string one = R"({"title": "One", "maintext": "The bridge reopened on Monday."})";
  const std::string big = R"({"title": "Big", "maintext": ")" + std::string(300000, 'x') + "\"}";
  const std::string three = R"({"title": "Three", "maintext": "The ferry sailed again on Tuesday."})";
  const std::string path = dir.write("a.jsonl", "\xef\xbb\xbf" + one + "\n" + big + "\n" + three + "\n");
  IngestOptions opts;
  opts.max_article_bytes = 100000;
  IngestReport r = ingest_paths({path}, opts);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].title, "One");  // the BOM did not break the first line
  EXPECT_EQ(r.articles[1].title, "Three");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 2u);
  EXPECT_EQ(r.problems[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.problems[0].status.message().find("line of 300"), std::string::npos) << r.problems[0].status.message();
}

TEST(BadInputTest, PipesAndDevicesAreNamedNotRead) {
  TempDir dir;
  dir.write("news/a.txt", kGood);
  const std::string fifo = dir.path() + "/news/pipe.jsonl";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  IngestReport r = ingest_paths({dir.path() + "/news", fifo, "/dev/zero"});
  ASSERT_EQ(r.articles.size(), 1u);
  std::size_t named = 0;
  for (const Problem& p : r.problems) {
    if (p.status.code() == StatusCode::kUnsupported && p.status.message().find("not a regular file") != std::string::npos) ++named;
  }
  EXPECT_EQ(named, 3u);  // the FIFO in the folder, the FIFO given, /dev/zero
}

TEST(BadInputTest, AnUnreadableSubFolderIsNamed) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  TempDir dir;
  dir.write("news/a.txt", kGood);
  dir.write("news/locked/b.txt", kGood);
  const std::string locked = dir.path() + "/news/locked";
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  IngestReport r = ingest_paths({dir.path() + "/news"});
  chmod(locked.c_str(), 0700);
  EXPECT_EQ(r.articles.size(), 1u);
  const Problem* p = find_problem(r, "locked");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->status.code(), StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace chorus
