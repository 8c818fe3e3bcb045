// src/extract/html_tree.h: a page parsed into a compact tree of the parts extraction
// reads (internal). Element names become Tags; of the attributes only class and id (for
// matching), the few that mark hidden or article parts, and the metadata ones are kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chorus/corpus.h"

namespace chorus::internal::html {

enum class Tag : std::uint8_t {
  kOther, kText, kRoot, kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase,
  kP, kDiv, kSpan, kA, kBr, kHr, kH1, kH2, kH3, kH4, kH5, kH6,
  kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre, kCode,
  kTable, kCaption, kTr, kTd, kTh, kTbody, kThead, kTfoot,
  kImg, kFigure, kFigcaption, kPicture, kVideo, kAudio, kIframe, kObject, kEmbed, kCanvas,
  kArticle, kMain, kSection, kHeader, kFooter, kNav, kAside, kAddress, kTime,
  kForm, kButton, kInput, kSelect, kOption, kTextarea, kLabel, kFieldset, kLegend,
  kB, kStrong, kEm, kI, kU, kSmall, kSup, kSub, kFont, kCenter, kAbbr, kCite, kQ, kMark, kS, kDel, kIns,
  kNoscript, kMenu, kDialog, kSummary, kDetails,
};

enum NodeFlag : std::uint16_t {
  kHidden = 1 << 0,           // hidden, aria-hidden="true", display:none, visibility:hidden
  kArticleBodyProp = 1 << 1,  // itemprop="articleBody" (or "text" inside an Article)
  kHasHref = 1 << 2,          // <a href>
  kAuthorMark = 1 << 3,       // rel="author", itemprop="author", class/id "author" or "byline"
  kRoleNavigation = 1 << 4,   // role=navigation, menu, menubar, banner, contentinfo, complementary, dialog, alert
  kRoleMain = 1 << 5,         // role="main" or role="article"
};

inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
  Tag tag = Tag::kOther;
  std::uint16_t flags = 0;
  std::uint32_t parent = kNoNode;
  std::uint32_t first_child = kNoNode;
  std::uint32_t last_child = kNoNode;
  std::uint32_t next_sibling = kNoNode;
  Span text;   // kText: bytes of Tree::text (entities decoded, whitespace as in the page)
  Span names;  // elements: "class id", lower case, in Tree::names
  Span html;   // bytes of the page the node covers
};

// A <meta>, <link>, <time> or itemprop value, as found.
struct MetaValue {
  std::string key;    // "og:title", "article:published_time", "author", "link:canonical", "time", "itemprop:author"
  std::string value;  // the content, href or datetime attribute
  std::uint32_t node = kNoNode;
};

struct Tree {
  std::vector<Node> nodes;  // nodes[0] is the document; parents come before their children
  std::string text;
  std::string names;
  std::string title;                  // <title>
  std::string lang;                   // <html lang>
  std::vector<MetaValue> meta;        // in page order
  std::vector<std::string> json_ld;   // <script type="application/ld+json"> bodies

  std::string_view text_of(const Node& n) const { return std::string_view(text).substr(n.text.begin, n.text.size()); }
  std::string_view names_of(const Node& n) const {
    return std::string_view(names).substr(n.names.begin, n.names.size());
  }
};

// Element kinds: headings, block elements (they start and end a line of text), and
// elements that never hold article text (the head, controls, media, figures, dialogs).
bool is_heading(Tag t);
bool is_block(Tag t);
bool never_text(Tag t);

// Parses UTF-8 HTML. Scripts, styles, SVG, templates and comments are cut before the
// parser sees them (most of a page's bytes, none of its text); JSON-LD scripts are kept.
Tree parse_tree(std::string_view html);

// The node's visible text, whitespace collapsed. `max_bytes` and `max_nodes` bound the
// work (what is past them is not read): callers that look at many nested nodes would
// otherwise read the same deep subtree again for each.
std::string collapsed_text(const Tree& tree, std::uint32_t node, std::size_t max_bytes = SIZE_MAX,
                           std::size_t max_nodes = SIZE_MAX);

}  // namespace chorus::internal::html
