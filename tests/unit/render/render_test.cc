#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace chorus {
namespace {

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = load_documents({test::examples_dir() + "/lindmoor-fire"});
    auto b = make_brief(corpus_.documents);
    ASSERT_TRUE(b.ok());
    brief_ = std::move(b).value();
  }
  LoadedCorpus corpus_;
  Brief brief_;
};

TEST_F(RenderTest, JsonOffsetsPointAtTheCitedSentences) {
  nlohmann::json j = nlohmann::json::parse(render_brief(brief_, RenderFormat::kJson));
  ASSERT_TRUE(j["headline"].is_object());
  ASSERT_EQ(j["sources"].size(), corpus_.documents.size());
  ASSERT_FALSE(j["digest"].empty());
  for (const auto& s : j["digest"]) {
    int article = s["article"];
    const std::string& text = corpus_.documents[static_cast<std::size_t>(article - 1)].article.text;
    std::size_t begin = s["begin"], end = s["end"];
    EXPECT_EQ(text.substr(begin, end - begin), s["text"].get<std::string>());
    // Code-point offsets count the characters before the same bytes.
    std::size_t chars_before = 0;
    for (std::size_t i = 0; i < begin; ++i) chars_before += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    EXPECT_EQ(s["begin_char"].get<std::size_t>(), chars_before);
    EXPECT_GE(end - begin, s["end_char"].get<std::size_t>() - s["begin_char"].get<std::size_t>());
    for (const auto& c : s["citations"]) {
      const std::string& cited = corpus_.documents[static_cast<std::size_t>(c["article"].get<int>() - 1)].article.text;
      EXPECT_LE(c["end"].get<std::size_t>(), cited.size());
      EXPECT_LT(c["begin"].get<std::size_t>(), c["end"].get<std::size_t>());
    }
  }
  // Missing fields are null, never invented.
  for (const auto& src : j["sources"]) {
    EXPECT_TRUE(src["outlet"].is_string());
    EXPECT_TRUE(src["date"].is_string() || src["date"].is_null());
  }
}

TEST_F(RenderTest, TextMarkdownAndPlain) {
  std::string text = render_brief(brief_, RenderFormat::kText);
  EXPECT_NE(text.find("HEADLINE"), std::string::npos);
  EXPECT_NE(text.find("SOURCES"), std::string::npos);
  EXPECT_NE(text.find("[1] Borough Bulletin, 2026-06-06"), std::string::npos) << text;
  std::string md = render_brief(brief_, RenderFormat::kMarkdown);
  EXPECT_EQ(md.rfind("# ", 0), 0u);
  EXPECT_NE(md.find("## Digest"), std::string::npos);
  std::string plain = render_brief(brief_, RenderFormat::kPlain);
  std::size_t lines = static_cast<std::size_t>(std::count(plain.begin(), plain.end(), '\n'));
  EXPECT_EQ(lines, brief_.digest.size() + 1);
  EXPECT_EQ(plain.find('['), std::string::npos);  // no citation marks for ROUGE
}

TEST(RenderFormatTest, Parse) {
  EXPECT_EQ(*parse_render_format("md"), RenderFormat::kMarkdown);
  EXPECT_EQ(parse_render_format("xml").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace chorus
