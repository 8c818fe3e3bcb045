#include "ingest/metadata.h"
#include "base/string_util.h"

#include <gtest/gtest.h>

namespace chorus::internal {
namespace {

TEST(MetadataTest, NormalizeDateTable) {
  struct Case {
    std::string_view in, want;
  };
  const Case kCases[] = {
      {"2017-03-23", "2017-03-23"},
      {"2017-03-23 10:00:00", "2017-03-23"},
      {"2017-03-23T10:00:00Z", "2017-03-23"},
      {"2017/3/23", "2017-03-23"},
      {"23 March 2017", "2017-03-23"},
      {"March 23, 2017", "2017-03-23"},
      {"Thursday, March 23, 2017", "2017-03-23"},
      {"Sept. 4, 2026", "2026-09-04"},
      {"2017-02-30", ""},  // no such day
      {"yesterday", ""},
      {"", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.in));
    EXPECT_EQ(normalize_date(c.in), c.want);
  }
}

TEST(MetadataTest, DomainOf) {
  EXPECT_EQ(domain_of("https://www.metro.co.uk/news/x?y=1"), "metro.co.uk");
  EXPECT_EQ(domain_of("www.BBC.co.uk"), "bbc.co.uk");
  EXPECT_EQ(domain_of("localhost"), "");
}

TEST(MetadataTest, Bylines) {
  auto b = parse_byline("By Richard Hartley-Parkinson | Metro |");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->names, "Richard Hartley-Parkinson");
  EXPECT_EQ(b->outlet, "Metro");
  auto plain = parse_byline("By Jane Doe and John Roe");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->outlet, "");
  // A sentence that starts with "By" is not a byline.
  EXPECT_FALSE(parse_byline("By the time police arrived, the attacker had fled.").has_value());
  EXPECT_FALSE(parse_byline("by lowercase").has_value());
}

}  // namespace
}  // namespace chorus::internal
