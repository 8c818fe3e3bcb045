#include "chorus/rouge.h"

#include <gtest/gtest.h>

#include "eval/rouge_text.h"

namespace chorus {
namespace {

const RougeMetricResult& metric(const RougeReport& r, const std::string& name) {
  for (const RougeMetricResult& m : r.metrics) {
    if (m.name == name) return m;
  }
  static RougeMetricResult none;
  ADD_FAILURE() << "no " << name;
  return none;
}

TEST(RougeTest, HandComputedScores) {
  // Peer "the cat sat on the mat", model "the cat lay on the red mat".
  std::vector<RougeEval> evals = {{.id = "e", .peer = {"The cat sat on the mat."},
                                   .models = {{"The cat lay on the red mat."}}}};
  auto r = rouge(evals, {.max_n = 2, .skip_distance = 4, .skip_unigrams = true, .resamples = 10});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  // Unigrams: model 7, peer 6, clipped matches the,cat,on,the,mat = 5.
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-1").per_eval[0].recall, 0.71429);
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-1").per_eval[0].precision, 0.83333);
  // Bigrams: model 6, peer 5; "the cat", "on the" match.
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-2").per_eval[0].recall, 0.33333);
  // LCS "the cat on the mat" = 5 of 7.
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-L").per_eval[0].recall, 0.71429);
  EXPECT_EQ(r->metrics.back().name, "ROUGE-SU4");
  // One evaluation: every bootstrap sample is that evaluation.
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-1").recall.mean, 0.71429);
  EXPECT_DOUBLE_EQ(metric(*r, "ROUGE-1").recall.low, 0.71429);
}

TEST(RougeTest, StemmingWordLimitAndStopwords) {
  std::vector<RougeEval> evals = {{.id = "e", .peer = {"Officers arrested eight people", "Extra words here"},
                                   .models = {{"Police arrest eight men"}}}};
  auto plain = rouge(evals, {.max_n = 1, .lcs = false, .resamples = 1});
  auto stemmed = rouge(evals, {.max_n = 1, .lcs = false, .stem = true, .word_limit = 4, .resamples = 1});
  ASSERT_TRUE(plain.ok() && stemmed.ok());
  EXPECT_DOUBLE_EQ(plain->metrics[0].per_eval[0].recall, 0.25);    // only "eight"
  EXPECT_DOUBLE_EQ(stemmed->metrics[0].per_eval[0].recall, 0.5);   // "arrest" too
  EXPECT_DOUBLE_EQ(stemmed->metrics[0].per_eval[0].precision, 0.5);  // 4 words kept of 7
  EXPECT_EQ(rouge_morph_stem("arrested"), "arrest");
  EXPECT_EQ(rouge_morph_stem("went"), "go");  // WordNet exception, not Porter
}

TEST(RougeTest, JackknifeAveragesLeaveOneOutScores) {
  std::vector<RougeEval> evals = {{.id = "e", .peer = {"a b c d"}, .models = {{"a b x y"}, {"a b c z"}, {"q r s t"}}}};
  auto jk = rouge(evals, {.max_n = 1, .lcs = false, .jackknife = true, .resamples = 1});
  ASSERT_TRUE(jk.ok());
  // Leave out 1: (3+0)/8; leave out 2: (2+0)/8; leave out 3: (2+3)/8. Mean recall = 10/24.
  EXPECT_DOUBLE_EQ(jk->metrics[0].per_eval[0].recall, 0.41667);
}

TEST(RougeTest, Errors) {
  std::vector<RougeEval> no_models = {{.id = "e", .peer = {"x"}, .models = {}}};
  EXPECT_EQ(rouge(no_models, {}).status().code(), StatusCode::kInvalidArgument);
  std::vector<RougeEval> ok = {{.id = "e", .peer = {"x"}, .models = {{"x"}}}};
  EXPECT_EQ(rouge(ok, {.word_limit = 5, .byte_limit = 5}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(rouge({ok[0], ok[0]}, {}).status().code(), StatusCode::kInvalidArgument);  // duplicate id
}

TEST(RougeTextTest, PerlSplitKeepsLeadingEmptyField) {
  EXPECT_EQ(internal::perl_split_ws("  a b ").size(), 3u);
  EXPECT_EQ(internal::perl_split_ws("a  b").size(), 2u);
  EXPECT_TRUE(internal::perl_split_ws("   ").empty());
}

}  // namespace
}  // namespace chorus
