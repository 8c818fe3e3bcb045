#include "clean/boilerplate.h"

#include <array>

#include "base/string_util.h"

namespace chorus::internal {
namespace {

// Whole lines that are advertising slots. Compared case-insensitively, without a final ':' or '.'.
constexpr std::array<std::string_view, 14> kAdvertLines = {
    "advertisement", "advert", "sponsored", "sponsored content", "promoted", "paid content",
    "story continues below", "story continues below advertisement", "article continues below",
    "article continues below advertisement", "continue reading below", "continue reading the main story",
    "scroll to continue with content", "ad"};

// Line openers that introduce a link to another article, not this one's content.
constexpr std::array<std::string_view, 16> kLinkPrefixes = {
    "read more:", "read more -", "read more |", "related:", "related articles:", "related stories:",
    "see also:", "watch:", "listen:", "recommended:", "also read:", "read next:", "most read:",
    "trending:", "click here", "more on this story"};

constexpr std::array<std::string_view, 18> kSocialPrefixes = {
    "share this", "share on", "share via", "click to share", "follow us", "follow @", "like us on",
    "subscribe", "sign up", "join our", "get the latest", "download our app", "download the app",
    "email this", "tweet this", "newsletter", "print this", "comments"};

constexpr std::array<std::string_view, 12> kCaptionMarkers = {
    "(Photo:", "(Image:", "(Picture:", "(Pic:", "(Photograph:", "(Credit:", "Credit:", "Image copyright",
    "Image caption", "Getty Images", "(AP Photo", "Photo credit"};

constexpr std::array<std::string_view, 5> kCaptionPrefixes = {"Photo:", "Photograph:", "Image:", "Picture:",
                                                              "Pictured:"};

constexpr std::array<std::string_view, 6> kLeadInPhrases = {
    "what we know", "what you need to know", "key points", "at a glance", "the latest:", "need to know"};

std::string_view strip_final_punct(std::string_view s) {
  while (!s.empty() && (s.back() == ':' || s.back() == '.' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

bool contains_icase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (equals_icase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

template <std::size_t N>
bool starts_with_any_icase(std::string_view line, const std::array<std::string_view, N>& prefixes) {
  for (std::string_view p : prefixes) {
    if (starts_with_icase(line, p)) return true;
  }
  return false;
}

}  // namespace

std::optional<RemovalKind> classify_boilerplate(std::string_view line) {
  if (line.empty()) return std::nullopt;
  const std::size_t words = count_words(line);
  std::string_view bare = strip_final_punct(line);
  for (std::string_view a : kAdvertLines) {
    if (equals_icase(bare, a)) return RemovalKind::kAdvert;
  }
  if (words <= 40 && (starts_with_any_icase(line, kLinkPrefixes) || line.starts_with("MORE:"))) {
    return RemovalKind::kLinkLine;
  }
  if (words <= 25 && starts_with_any_icase(line, kSocialPrefixes)) return RemovalKind::kSocial;
  if (line.starts_with("\xc2\xa9") || starts_with_icase(line, "(c) ") || starts_with_icase(line, "copyright ") ||
      contains_icase(line, "all rights reserved")) {
    if (words <= 30) return RemovalKind::kCopyright;
  }
  if (words <= 60) {
    for (std::string_view m : kCaptionMarkers) {
      if (line.find(m) != std::string_view::npos) return RemovalKind::kCaption;
    }
    for (std::string_view p : kCaptionPrefixes) {
      if (line.starts_with(p)) return RemovalKind::kCaption;
    }
  }
  if (line.back() == ':' && words <= 14) {
    for (std::string_view p : kLeadInPhrases) {
      if (contains_icase(line, p)) return RemovalKind::kLeadIn;
    }
  }
  return std::nullopt;
}

std::size_t bullet_prefix_bytes(std::string_view line) {
  // Glyphs seen before list items in scraped news: bullet, black circle, white bullet,
  // small square, black square, triangular bullet, bullet operator, middle dot, en and em dash.
  constexpr std::array<std::string_view, 12> kGlyphs = {
      "\xe2\x80\xa2", "\xe2\x97\x8f", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x96\xa0", "\xe2\x80\xa3",
      "\xe2\x88\x99", "\xc2\xb7",     "\xe2\x80\x93", "\xe2\x80\x94", "-",            "*"};
  for (std::string_view g : kGlyphs) {
    if (!line.starts_with(g)) continue;
    std::size_t n = g.size();
    if (n >= line.size() || !is_ascii_space(line[n])) return 0;  // "-5 degrees", "*nix"
    while (n < line.size() && is_ascii_space(line[n])) ++n;
    return n;
  }
  return 0;
}

std::size_t dateline_prefix_bytes(std::string_view line) {
  constexpr std::size_t kMaxPrefixBytes = 60;
  constexpr std::string_view kDashes[] = {" -- ", " - ", " _ ", " \xe2\x80\x94 ", " \xe2\x80\x93 "};
  std::size_t cut = std::string_view::npos, dash_len = 0;
  for (std::string_view d : kDashes) {
    std::size_t at = line.substr(0, kMaxPrefixBytes + d.size()).find(d);
    if (at != std::string_view::npos && at < cut) {
      cut = at;
      dash_len = d.size();
    }
  }
  if (cut == std::string_view::npos || cut == 0 || count_words(line.substr(0, cut)) > 8) return 0;
  std::string_view prefix = line.substr(0, cut);
  // The place is in capitals ("PINE RIDGE, S.D."); an agency in parentheses may follow in
  // any case ("(AP)", "(Reuters)"). Anything else is a sentence with a dash in it.
  std::size_t paren = prefix.find('(');
  std::string_view place = trim(prefix.substr(0, paren));
  if (paren != std::string_view::npos) {
    std::string_view agency = prefix.substr(paren);
    if (!agency.ends_with(")") || agency.size() > 16 || agency.size() < 3 || !is_ascii_upper(agency[1])) return 0;
  }
  // With an agency the place may be in title case ("Washington (CNN) --") and carry the
  // day ("MOSCOW, December 15 (Xinhua) --", "KESTREL POINT, England, Sept 12 (Meridian
  // Wire) -").
  const bool agency = paren != std::string_view::npos;
  const bool dated = agency && place.find_first_of("0123456789") != std::string_view::npos;
  if (agency && (place.empty() || !is_ascii_upper(place[0]) || count_words(place) > (dated ? 6u : 4u))) return 0;
  int upper = 0;
  for (char c : place) {
    if (is_ascii_lower(c) && !agency) return 0;
    if (is_ascii_upper(c)) ++upper;
    else if (!is_ascii_lower(c) && !(dated && is_ascii_digit(c)) && c != ' ' && c != ',' && c != '.' && c != '\'' && c != '-') {
      return 0;
    }
  }
  if (upper < 2 && !agency) return 0;
  return cut + dash_len;
}

bool looks_like_heading(std::string_view line) {
  if (line.empty() || bullet_prefix_bytes(line) > 0) return false;
  const std::size_t words = count_words(line);
  if (words == 0 || words > 16) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',') return false;
  // A line ending in a closing quote is usually a quoted sentence.
  if (line.ends_with("\xe2\x80\x9d") || line.ends_with("\xe2\x80\x99") || last == '"' || last == '\'') return false;
  return true;
}

}  // namespace chorus::internal
