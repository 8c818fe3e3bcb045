// The extraction benchmarks' protocols: AEB's shingle scoring and trafilatura's snippet
// scoring on small cases, and the published peer F1 reproduced from the shipped outputs.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "chorus/extract_eval.h"

namespace chorus {
namespace {

TEST(ShingleCounts, MultisetOverlapNormalised) {
  ShingleCounts same = shingle_counts("one two three four five", "One two three four five");
  // Case matters in AEB's protocol: "One" is another token.
  EXPECT_NEAR(same.tp, 1.0 / 3, 1e-9);
  ShingleCounts equal = shingle_counts("one two three four five", "one, two; three four five!");
  EXPECT_DOUBLE_EQ(equal.tp, 1.0);
  EXPECT_TRUE(equal.exact);
  ShingleCounts extra = shingle_counts("a b c d", "a b c d e");  // 1 true shingle, output has 2
  EXPECT_DOUBLE_EQ(extra.tp, 0.5);
  EXPECT_DOUBLE_EQ(extra.fp, 0.5);
  EXPECT_DOUBLE_EQ(extra.fn, 0.0);
  ShingleCounts unicode = shingle_counts("Größe über alles zwölf", "Größe über alles zwölf");
  EXPECT_DOUBLE_EQ(unicode.tp, 1.0);
}

TEST(AebScore, MeansOverPages) {
  std::vector<ShingleCounts> pages = {shingle_counts("a b c d", "a b c d"), shingle_counts("a b c d", "")};
  ExtractScore s = aeb_score(pages);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);  // the empty output has no precision to average
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_NEAR(s.f1, 2 * 0.5 / 1.5, 1e-12);
}

TEST(SnippetCounts, WithAndWithoutAfterSpaceNormalising) {
  BenchmarkPage p;
  p.with = {"the  quick\nbrown", "lazy dog"};
  p.without = {"Impressum", "brown fox"};
  SnippetCounts c = snippet_counts(p, "The text: the quick brown\xc2\xa0" "fox jumps");
  EXPECT_EQ(c.tp, 1u);
  EXPECT_EQ(c.fn, 1u);
  EXPECT_EQ(c.fp, 1u);
  EXPECT_EQ(c.tn, 1u);
  ExtractScore s = snippet_score(c, 1);
  EXPECT_DOUBLE_EQ(s.f1, 0.5);
}

// The published AEB table (PROVENANCE.txt) from the peers' shipped outputs, to 3 decimals.
TEST(AebScore, ReproducesThePublishedPeerScores) {
  const std::string dir = CHORUS_SHARED_DIR "/data/html/aeb";
  if (!std::filesystem::exists(dir + "/ground-truth.json")) GTEST_SKIP() << "no " << dir;
  Result<std::vector<BenchmarkPage>> pages = read_aeb(dir);
  ASSERT_TRUE(pages.ok()) << pages.status().to_string();
  ASSERT_EQ(pages->size(), 181u);
  const std::pair<const char*, double> published[] = {
      {"trafilatura", 0.958}, {"readability", 0.922}, {"readability_js", 0.947}, {"newspaper", 0.949},
      {"boilerpipe", 0.860},  {"justext", 0.804},     {"html-text", 0.665},      {"AutoExtract", 0.970}};
  for (const auto& [name, f1] : published) {
    Result<std::map<std::string, std::string>> out = read_aeb_output(dir + "/peer-output/" + name + ".json.gz");
    ASSERT_TRUE(out.ok()) << out.status().to_string();
    std::vector<ShingleCounts> counts;
    for (const BenchmarkPage& p : *pages) counts.push_back(shingle_counts(p.truth, (*out)[p.id]));
    EXPECT_NEAR(aeb_score(counts).f1, f1, 0.0005) << name;
  }
}

TEST(BenchmarkHalf, FixedAndBalanced) {
  EXPECT_EQ(benchmark_half("same id"), benchmark_half("same id"));
  int test = 0;
  for (int i = 0; i < 1000; ++i) test += benchmark_half("page" + std::to_string(i)) == "test";
  EXPECT_GT(test, 420);
  EXPECT_LT(test, 580);
}

}  // namespace
}  // namespace chorus
