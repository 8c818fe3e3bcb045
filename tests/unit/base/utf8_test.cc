#include "base/utf8.h"

#include <gtest/gtest.h>

namespace chorus::internal {
namespace {

#define FFFD "\xef\xbf\xbd"

struct RepairCase {
  const char* name;
  std::string_view in;
  std::string_view want;
  std::size_t invalid;
};

TEST(Utf8Test, RepairTable) {
  const RepairCase kCases[] = {
      {"ascii", "plain text", "plain text", 0},
      {"valid_multibyte", "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", 0},
      {"latin1_byte", "caf\xe9!", "caf" FFFD "!", 1},
      {"truncated_sequence", "a\xe2\x80", "a" FFFD, 2},
      {"overlong_slash", "\xc0\xaf", FFFD, 2},
      {"surrogate", "\xed\xa0\x80x", FFFD "x", 3},
      {"four_byte_emoji", "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", 0},
  };
  for (const RepairCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(check_utf8(c.in).invalid_bytes, c.invalid);
    std::string repaired = repair_utf8(c.in);
    EXPECT_EQ(check_utf8(repaired).invalid_bytes, 0u);
    // Each broken sequence becomes one U+FFFD, never silently dropped.
    EXPECT_EQ(repaired, c.want);
  }
}

TEST(Utf8Test, BinaryMarkers) {
  Utf8Check c = check_utf8(std::string_view("ab\0cd\x01", 6));
  EXPECT_TRUE(c.has_nul);
  EXPECT_EQ(c.control_bytes, 1u);
}

TEST(Utf8Test, DecodeRoundTrip) {
  std::string s = "A\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80";
  std::size_t pos = 0;
  std::string back;
  while (pos < s.size()) append_utf8(back, decode_utf8(s, pos));
  EXPECT_EQ(back, s);
}

TEST(Utf8Test, LineOfOffset) {
  EXPECT_EQ(line_of_offset("a\nb\nc", 0), 1u);
  EXPECT_EQ(line_of_offset("a\nb\nc", 2), 2u);
  EXPECT_EQ(line_of_offset("a\nb\nc", 4), 3u);
}

}  // namespace
}  // namespace chorus::internal
