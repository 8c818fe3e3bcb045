// Web pages as ingest input: by extension (also gzip-compressed), forced, and the same
// for the other formats' .gz files; bad pages become Problems, never a stop.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "chorus/ingest.h"

namespace chorus {
namespace {

namespace fs = std::filesystem;

const char* kPage = R"(<!doctype html><html lang="en"><head><title>Storm closes ports | Gulf Daily</title>
<meta property="og:site_name" content="Gulf Daily"><meta name="author" content="Rita Okafor">
<meta property="article:published_time" content="2022-09-14T06:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Storm closes ports</h1>
<p>Three ports on the gulf coast closed on Wednesday as the storm approached, officials said.</p>
<p>Shipping companies said about 40 vessels were waiting offshore for the weather to clear.</p></article>
<footer>Gulf Daily, all rights reserved</footer></body></html>)";

class HtmlIngest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("chorus_html_ingest_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string write_gz(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    gzFile gz = gzopen(path.c_str(), "wb");
    gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(gz);
    return path;
  }
  fs::path dir_;
};

TEST_F(HtmlIngest, PageBecomesAnArticleWithItsMetadata) {
  IngestReport r = ingest_paths({write("storm.html", kPage)});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.problems.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Storm closes ports");
  EXPECT_EQ(a.outlet, "Gulf Daily");
  EXPECT_EQ(a.byline, "Rita Okafor");
  EXPECT_EQ(a.date, "2022-09-14");
  EXPECT_EQ(a.text,
            "Three ports on the gulf coast closed on Wednesday as the storm approached, officials said.\n"
            "Shipping companies said about 40 vessels were waiting offshore for the weather to clear.\n");
}

TEST_F(HtmlIngest, GzipFilesOfEveryFormat) {
  write_gz("storm.html.gz", kPage);
  write_gz("notes.txt.gz", "Title: Port notes\n\nThe ports reopened on Friday after the storm had passed.\n");
  write_gz("feed.jsonl.gz", "{\"title\": \"A\", \"maintext\": \"First line of text here.\"}\n"
                            "{\"title\": \"B\", \"maintext\": \"Second line of text here.\"}\n");
  IngestReport r = ingest_paths({dir_.string()});
  ASSERT_EQ(r.articles.size(), 4u) << (r.problems.empty() ? "" : r.problems[0].to_string());
  EXPECT_EQ(r.articles[0].title, "A");
  EXPECT_EQ(r.articles[1].title, "B");
  EXPECT_EQ(r.articles[2].title, "Port notes");
  EXPECT_EQ(r.articles[3].title, "Storm closes ports");
}

TEST_F(HtmlIngest, BadPagesAreNamedAndSkipped) {
  std::string good = write("a_good.htm", kPage);
  std::string nav = write("b_nav.html", "<html><body><nav><a href=/>Home</a></nav></body></html>");
  std::string binary = write("c_binary.html", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  std::string broken_gz = write("d_broken.html.gz", "\x1f\x8b\x08\x00 not really gzip");
  IngestReport r = ingest_paths({good, nav, binary, broken_gz});
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].path, nav);
  EXPECT_EQ(r.problems[0].status.code(), StatusCode::kEmpty);
  EXPECT_EQ(r.problems[1].path, binary);
  EXPECT_EQ(r.problems[1].status.code(), StatusCode::kDataLoss);
  EXPECT_EQ(r.problems[2].path, broken_gz);
}

TEST_F(HtmlIngest, APaywallTeaserIsNotTheArticle) {
  const std::string stub =
      "<html><body><article><h1>Budget talks stall</h1><p>Ministers failed to agree on the budget on Monday "
      "night after six hours of talks, leaving the plan for spending cuts in doubt.</p>"
      "<div class=\"paywall-prompt\"><p>Subscribe to continue reading.</p><p>Already a subscriber? Log in</p></div>"
      "</article></body></html>";
  IngestReport r = ingest_paths({write("stub.html", stub)});
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].status.code(), StatusCode::kEmpty);
  EXPECT_NE(r.problems[0].status.message().find("paywall"), std::string::npos) << r.problems[0].to_string();
}

TEST_F(HtmlIngest, ExtractPagesGivesThePagesThemselves) {
  std::vector<std::string> paths;
  std::vector<ExtractedPage> pages;
  std::vector<Problem> problems;
  extract_pages({write("storm.html", kPage), write("x.html", "<html></html>")}, IngestOptions{}, ExtractOptions{},
                [&](const std::string& path, ExtractedPage&& p) {
                  paths.push_back(path);
                  pages.push_back(std::move(p));
                },
                [&](Problem&& p) { problems.push_back(std::move(p)); });
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].authors, std::vector<std::string>{"Rita Okafor"});
  EXPECT_EQ(pages[0].date_publish, "2022-09-14T06:00:00Z");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].status.code(), StatusCode::kEmpty);
}

}  // namespace
}  // namespace chorus
