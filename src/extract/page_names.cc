// Class and id words of page parts: which names mark furniture (a share bar, a comment
// thread, a sidebar) and which the article ("article-body", "entry-content").
#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/string_util.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

// Class and id words. A strong word marks a part that is never the article, whatever else
// its names say ("comment-body" is a comment); a weak one loses to an article word.
constexpr std::array<std::string_view, 47> kStrongNegativeWords = {
    "comment", "disqus", "share", "sharing", "social", "newsletter", "cookie", "consent", "gdpr",
    "outbrain", "taboola", "related", "recommend", "advert", "sponsor", "promo", "subscri", "breadcrumb",
    "caption", "credit", "byline", "popup", "modal", "sr-only", "visually-hidden", "screen-reader",
    "screenreader", "signup", "sign-up", "newsletter", "donat", "more-stories", "read-more", "readmore",
    "trending", "most-popular", "mostpopular", "jump-link", "skip-link", "author-bio", "authorbio",
    "respond", "tag-list", "post-tags", "kommentar", "references", "bibliograph"};
constexpr std::array<std::string_view, 23> kWeakNegativeWords = {
    "sidebar", "footer", "header", "menu", "navbar", "navigation", "widget", "banner", "masthead",
    "pagination", "pager", "toolbar", "overlay", "login", "rating", "print", "alert", "meta",
    "tags", "topics", "popular", "extra", "nav"};
constexpr std::array<std::string_view, 12> kPositiveWords = {
    "article", "content", "main", "body", "entry", "post", "story", "text", "blog", "page", "column", "hentry"};

// Which words of a fixed list occur in a short string (class and id names), in one pass:
// each word is filed under its first two bytes, and only positions whose two bytes start
// some word are compared. Most elements carry names, so this runs once per element.
class WordSet {
 public:
  template <std::size_t N>
  explicit WordSet(const std::array<std::string_view, N>& words) {
    for (std::string_view w : words) {
      std::uint16_t k = key(w[0], w[1]);
      starts_.set(k);
      by_start_[k].push_back(w);
    }
  }
  // Whether a word occurs; with `whole_word`, only bounded by non-letters ("nav", not "canvas").
  bool any_in(std::string_view s, bool whole_word = false) const {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      std::uint16_t k = key(s[i], s[i + 1]);
      if (!starts_.test(k)) continue;
      for (std::string_view w : by_start_.at(k)) {
        if (s.compare(i, w.size(), w) != 0) continue;
        if (!whole_word) return true;
        std::size_t end = i + w.size();
        if ((i == 0 || !is_ascii_alpha(s[i - 1])) && (end >= s.size() || !is_ascii_alpha(s[end]))) return true;
      }
    }
    return false;
  }

 private:
  static std::uint16_t key(char a, char b) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(a) << 8 | static_cast<unsigned char>(b));
  }
  std::bitset<65536> starts_;
  std::unordered_map<std::uint16_t, std::vector<std::string_view>> by_start_;
};

}  // namespace

// Comment sections hold prose too; their names decide even then.
bool names_a_comment(std::string_view names) {
  // WordPress marks pages "comments-open" or "no-comments": a state, not a section.
  if (names.find("comments-open") != std::string_view::npos || names.find("no-comments") != std::string_view::npos ||
      names.find("comments-closed") != std::string_view::npos)
    return false;
  // Comment systems' own names too: server-rendered threads carry them; so do the
  // widgets of shops' customer reviews (Judge.me's "jdgm-rev", Yotpo, Trustpilot ...).
  static constexpr std::array<std::string_view, 17> kWidgets = {
      "disqus", "respond", "kommentar", "replies", "livefyre", "viafoura", "spotim", "spot-im",
      "coral-talk", "commento", "giscus", "utterances", "jdgm", "yotpo", "trustpilot", "bazaarvoice", "okendo"};
  static const WordSet kWidgetSet(kWidgets);
  return (names.find("comment") != std::string_view::npos && names.find("commentary") == std::string_view::npos) ||
         kWidgetSet.any_in(names);
}

NameEvidence evidence_of(std::string_view names) {
  if (names.empty()) return NameEvidence::kNone;
  // Names that hold a furniture word but mark the article: an opinion piece is a
  // "commentary", not a comment; Drupal's front-page "node--promoted" is no promotion.
  std::string renamed;
  for (auto [word, meaning] : {std::pair<std::string_view, std::string_view>{"commentary", "opinion"},
                               {"promoted", "featured"}}) {
    if (names.find(word) == std::string_view::npos) continue;
    if (renamed.empty()) renamed = names;  // copied once; `names` views it from here on
    for (std::size_t at; (at = renamed.find(word)) != std::string::npos;) renamed.replace(at, word.size(), meaning);
    names = renamed;
  }
  static const WordSet kStrong(kStrongNegativeWords), kWeak(kWeakNegativeWords), kPositives(kPositiveWords);
  if (kStrong.any_in(names)) return NameEvidence::kStrongNegative;
  bool positive = kPositives.any_in(names);
  bool weak = kWeak.any_in(names, /*whole_word=*/true);
  if (weak && !positive) return NameEvidence::kWeakNegative;
  return positive ? NameEvidence::kPositive : NameEvidence::kNone;
}

}  // namespace chorus::internal::extract
