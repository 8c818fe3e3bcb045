#include "chorus/outlets.h"

#include <gtest/gtest.h>

namespace chorus {
namespace {

TEST(OutletKeyTest, NameAndDomainAreOneOutlet) {
  EXPECT_EQ(outlet_key("East Coast Herald"), outlet_key("eastcoastherald.example"));
  EXPECT_EQ(outlet_key("The East Coast Herald"), outlet_key("www.eastcoastherald.example"));
  EXPECT_EQ(outlet_key("https://www.eastcoastherald.example/news/1"), "eastcoastherald");
  EXPECT_EQ(outlet_key("Metro"), outlet_key("metro.co.uk"));
  EXPECT_EQ(outlet_key("news.bbc.co.uk"), "bbc");
  EXPECT_EQ(outlet_key("The Guardian"), outlet_key("theguardian.com"));
  EXPECT_NE(outlet_key("Metro"), outlet_key("Metro Times"));
  EXPECT_EQ(outlet_key(""), "");
  EXPECT_EQ(outlet_key("  "), "");
  // Abbreviations keep their letters; a trailing full stop is no domain.
  EXPECT_EQ(outlet_key("A.P."), "ap");
}

TEST(OutletTallyTest, CountsEachOutletOnceAndShowsItsName) {
  OutletTally tally;
  tally.add("eastcoastherald.example");
  tally.add("East Coast Herald");
  tally.add("www.eastcoastherald.example");
  tally.add("Northgate Post");
  tally.add("");
  tally.add("");
  ASSERT_EQ(tally.size(), 2u);
  EXPECT_EQ(tally.unknown(), 2);
  const auto ranked = tally.ranked();
  EXPECT_EQ(ranked[0], (std::pair<std::string, int>{"East Coast Herald", 3}));
  EXPECT_EQ(ranked[1], (std::pair<std::string, int>{"Northgate Post", 1}));
  EXPECT_EQ(tally.display("eastcoastherald.example"), "East Coast Herald");
  EXPECT_EQ(tally.display("Riverside Daily"), "Riverside Daily");

  OutletTally other;
  other.add("northgatepost.example", 2);
  tally.add_all(other);
  EXPECT_EQ(tally.size(), 2u);
  EXPECT_EQ(tally.ranked()[1], (std::pair<std::string, int>{"Northgate Post", 3}));
}

}  // namespace
}  // namespace chorus
