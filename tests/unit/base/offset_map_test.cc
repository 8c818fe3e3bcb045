#include <gtest/gtest.h>

#include "chorus/corpus.h"

namespace chorus {
namespace {

TEST(OffsetMapTest, LinearAndReplacedPieces) {
  OffsetMap map;
  // clean "ab" <- source [10,12); clean "X" <- source [20,23) replaced; clean "cd" <- [23,25)
  map.pieces = {{0, 10, 12, true}, {2, 20, 23, false}, {3, 23, 25, true}};
  EXPECT_EQ(map.to_source(0), 10u);
  EXPECT_EQ(map.to_source(1), 11u);
  EXPECT_EQ(map.to_source(2), 20u);
  EXPECT_EQ(map.to_source(3), 23u);
  EXPECT_EQ(map.to_source(Span{0, 2}), (Span{10, 12}));
  EXPECT_EQ(map.to_source(Span{1, 3}), (Span{11, 23}));
  EXPECT_EQ(map.to_source(Span{2, 5}), (Span{20, 25}));
}

}  // namespace
}  // namespace chorus
