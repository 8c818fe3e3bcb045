// End-to-end golden files: the brief of each example event, as Markdown. A change in
// ranking, cleaning or segmenting shows up here as a readable diff.
// CHORUS_UPDATE_GOLDEN=1 rewrites the files (then review `git diff tests/golden`).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace chorus {
namespace {

class GoldenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenTest, BriefMatchesGoldenMarkdown) {
  const std::string event = GetParam();
  // Paths relative to the examples folder, so the file does not depend on the checkout.
  LoadedCorpus corpus = load_documents({test::examples_dir() + "/" + event});
  for (Document& d : corpus.documents) d.article.path = d.article.path.substr(test::source_dir().size() + 1);
  Result<Brief> brief = make_brief(corpus.documents);
  ASSERT_TRUE(brief.ok()) << brief.status().to_string();
  const std::string got = render_brief(*brief, RenderFormat::kMarkdown);
  const std::string path = test::source_dir() + "/tests/golden/" + event + ".md";
  if (std::getenv("CHORUS_UPDATE_GOLDEN")) {
    std::ofstream(path) << got;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path << " (run with CHORUS_UPDATE_GOLDEN=1)";
  std::stringstream want;
  want << in.rdbuf();
  EXPECT_EQ(got, want.str());
}

INSTANTIATE_TEST_SUITE_P(Examples, GoldenTest, ::testing::Values("harbour-bridge", "lindmoor-fire"),
                         [](const auto& p) { return std::string(p.param) == "harbour-bridge" ? "harbour" : "lindmoor"; });

}  // namespace
}  // namespace chorus
