// include/chorus/outlets.h: one outlet is one outlet, whatever it is called.
// Usage:
//   chorus::OutletTally outlets;
//   for (const chorus::Article& a : articles) outlets.add(a.outlet);
//   outlets.size();              // distinct outlets, unknown ones not counted
//   outlets.display(a.outlet);   // the name to show for a's outlet
// A byline's "The East Coast Herald", a page's og:site_name "East Coast Herald" and its
// domain "www.eastcoastherald.example" are one source: counted once, shown by its name.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chorus {

// The identity of an outlet's name or domain: lower case, letters and digits only, no
// leading "the"; a domain is reduced to its registrable label ("news.bbc.co.uk" -> "bbc").
// "" for an unknown outlet.
std::string outlet_key(std::string_view outlet);

// The outlets of a group of articles: each counted once by its key, shown by the best
// name it was given (a name over a domain, then the most used, then the first seen).
// Unknown outlets ("") are not outlets: they are counted apart.
class OutletTally {
 public:
  void add(std::string_view outlet, int articles = 1);
  void add_all(const OutletTally& other);
  // (name, articles) of each known outlet, most articles first, then by name.
  std::vector<std::pair<std::string, int>> ranked() const;
  // The name shown for `outlet` (itself when unknown to the tally).
  std::string display(std::string_view outlet) const;
  std::size_t size() const { return by_key_.size(); }
  int unknown() const { return unknown_; }

 private:
  struct Names {
    std::map<std::string, int> used;  // each name given, with its articles
    std::string first;
    int articles = 0;
  };
  static const std::string& best(const Names& n);
  std::map<std::string, Names> by_key_;
  int unknown_ = 0;
};

}  // namespace chorus
