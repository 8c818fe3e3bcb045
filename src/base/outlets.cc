#include "chorus/outlets.h"

#include <algorithm>
#include <array>

#include "base/string_util.h"

namespace chorus {
namespace {

// Second-level labels under a country code: "co" in "bbc.co.uk" is not the outlet's name.
constexpr std::array<std::string_view, 8> kSecondLevel = {"co", "com", "org", "net", "gov", "ac", "edu", "ne"};

bool looks_like_domain(std::string_view s) {
  if (s.find("://") != std::string_view::npos) return true;
  return s.find(' ') == std::string_view::npos && s.find('.') != std::string_view::npos &&
         s.find_first_of("/?#:") != 0 && s.back() != '.';
}

// "news.bbc.co.uk" -> "bbc": the label before the public suffix (a TLD, or a second-level
// label and a country code).
std::string_view registrable_label(std::string_view domain) {
  std::vector<std::string_view> labels;
  for (std::size_t start = 0; start <= domain.size();) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    labels.push_back(domain.substr(start, dot - start));
    start = dot + 1;
  }
  if (labels.size() < 2) return domain;
  labels.pop_back();  // the top-level domain
  if (labels.size() >= 2 && std::find(kSecondLevel.begin(), kSecondLevel.end(), labels.back()) != kSecondLevel.end()) {
    labels.pop_back();
  }
  return labels.back();
}

}  // namespace

using internal::ascii_lower;
using internal::domain_of;
using internal::is_ascii_alpha;
using internal::is_ascii_digit;
using internal::trim;

std::string outlet_key(std::string_view outlet) {
  outlet = trim(outlet);
  std::string domain;
  if (looks_like_domain(outlet)) {
    domain = domain_of(outlet);
    if (!domain.empty()) outlet = registrable_label(domain);
  }
  std::string key;
  for (char c : outlet) {
    // Letters and digits; bytes of non-ASCII letters are kept as they are.
    if (is_ascii_alpha(c) || is_ascii_digit(c)) key += ascii_lower(c);
    else if (static_cast<unsigned char>(c) >= 0x80) key += c;
  }
  if (key.size() > 3 && key.compare(0, 3, "the") == 0) key.erase(0, 3);
  return key;
}

void OutletTally::add(std::string_view outlet, int articles) {
  std::string key = outlet_key(outlet);
  if (key.empty()) {
    unknown_ += articles;
    return;
  }
  Names& n = by_key_[key];
  if (n.used.empty()) n.first = std::string(trim(outlet));
  n.used[std::string(trim(outlet))] += articles;
  n.articles += articles;
}

void OutletTally::add_all(const OutletTally& other) {
  for (const auto& [key, names] : other.by_key_) {
    Names& n = by_key_[key];
    if (n.used.empty()) n.first = names.first;
    for (const auto& [name, count] : names.used) n.used[name] += count;
    n.articles += names.articles;
  }
  unknown_ += other.unknown_;
}

const std::string& OutletTally::best(const Names& n) {
  const std::string* pick = &n.first;
  int pick_count = n.used.at(n.first);
  for (const auto& [name, count] : n.used) {
    const bool better_kind = looks_like_domain(*pick) && !looks_like_domain(name);
    const bool same_kind = looks_like_domain(*pick) == looks_like_domain(name);
    if (better_kind || (same_kind && count > pick_count)) {
      pick = &name;
      pick_count = count;
    }
  }
  return *pick;
}

std::vector<std::pair<std::string, int>> OutletTally::ranked() const {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [key, names] : by_key_) out.emplace_back(best(names), names.articles);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  return out;
}

std::string OutletTally::display(std::string_view outlet) const {
  auto it = by_key_.find(outlet_key(outlet));
  return it == by_key_.end() ? std::string(outlet) : best(it->second);
}

}  // namespace chorus
