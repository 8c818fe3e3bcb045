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
      // As feeds and news-please write them (issue 15).
      {"Sat, 13 Sep 2025 10:00:00 GMT", "2025-09-13"},
      {"Sat, 13 Sep 2025 23:30:00 -0500", "2025-09-13"},
      {"2025-09-13T23:30:00-05:00", "2025-09-13"},
      {"13 September 2025", "2025-09-13"},
      {"Saturday 13th September 2025", "2025-09-13"},
      {"1757757600", "2025-09-13"},     // Unix seconds
      {"1757757600000", "2025-09-13"},  // milliseconds
      {"13/09/2025", "2025-09-13"},     // only one way round is a date
      {"09/13/2025", "2025-09-13"},
      {"04/04/2025", "2025-04-04"},
      {"03/04/2025", ""},               // March 4 or 3 April: unknown
      {"31/02/2025", ""},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(c.in));
    EXPECT_EQ(normalize_date(c.in), c.want);
  }
}

TEST(MetadataTest, UnsettledDatesAreWarnedAbout) {
  EXPECT_NE(date_warning("03/04/2025").find("ambiguous"), std::string::npos);
  EXPECT_NE(date_warning("next Tuesday").find("not understood"), std::string::npos);
  EXPECT_EQ(date_warning("13/04/2025"), "");
  EXPECT_EQ(date_warning(""), "");
}

TEST(MetadataTest, AnOutletsLocaleSettlesANumericDate) {
  EXPECT_EQ(read_date("03/04/2025", "en-US").date, "2025-03-04");
  EXPECT_EQ(read_date("03/04/2025", "en-GB").date, "2025-04-03");
  EXPECT_EQ(read_date("03.04.2025", "de").date, "2025-04-03");
  EXPECT_TRUE(read_date("03/04/2025", "en").ambiguous);  // English alone does not say
  EXPECT_EQ(date_warning("03/04/2025", "fr-FR"), "");
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
