// Building the tree: a pre-pass cuts what the parser need not see, then libxml2's HTML
// parser (SAX, recovering from broken markup) feeds nodes into flat vectors.
#include "extract/html_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "base/string_util.h"

namespace chorus::internal::html {
namespace {

Tag tag_of(std::string_view name) {
  static const std::unordered_map<std::string_view, Tag> kTags = {
      {"html", Tag::kHtml}, {"head", Tag::kHead}, {"body", Tag::kBody}, {"title", Tag::kTitle},
      {"meta", Tag::kMeta}, {"link", Tag::kLink}, {"base", Tag::kBase}, {"p", Tag::kP}, {"div", Tag::kDiv},
      {"span", Tag::kSpan}, {"a", Tag::kA}, {"br", Tag::kBr}, {"hr", Tag::kHr}, {"h1", Tag::kH1},
      {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4}, {"h5", Tag::kH5}, {"h6", Tag::kH6},
      {"ul", Tag::kUl}, {"ol", Tag::kOl}, {"li", Tag::kLi}, {"dl", Tag::kDl}, {"dt", Tag::kDt},
      {"dd", Tag::kDd}, {"blockquote", Tag::kBlockquote}, {"pre", Tag::kPre}, {"code", Tag::kCode},
      {"table", Tag::kTable}, {"caption", Tag::kCaption}, {"tr", Tag::kTr}, {"td", Tag::kTd},
      {"th", Tag::kTh}, {"tbody", Tag::kTbody}, {"thead", Tag::kThead}, {"tfoot", Tag::kTfoot},
      {"img", Tag::kImg}, {"figure", Tag::kFigure}, {"figcaption", Tag::kFigcaption},
      {"picture", Tag::kPicture}, {"video", Tag::kVideo}, {"audio", Tag::kAudio}, {"iframe", Tag::kIframe},
      {"object", Tag::kObject}, {"embed", Tag::kEmbed}, {"canvas", Tag::kCanvas}, {"article", Tag::kArticle},
      {"main", Tag::kMain}, {"section", Tag::kSection}, {"header", Tag::kHeader}, {"footer", Tag::kFooter},
      {"nav", Tag::kNav}, {"aside", Tag::kAside}, {"address", Tag::kAddress}, {"time", Tag::kTime},
      {"form", Tag::kForm}, {"button", Tag::kButton}, {"input", Tag::kInput}, {"select", Tag::kSelect},
      {"option", Tag::kOption}, {"textarea", Tag::kTextarea}, {"label", Tag::kLabel},
      {"fieldset", Tag::kFieldset}, {"legend", Tag::kLegend}, {"b", Tag::kB}, {"strong", Tag::kStrong},
      {"em", Tag::kEm}, {"i", Tag::kI}, {"u", Tag::kU}, {"small", Tag::kSmall}, {"sup", Tag::kSup},
      {"sub", Tag::kSub}, {"font", Tag::kFont}, {"center", Tag::kCenter}, {"abbr", Tag::kAbbr},
      {"cite", Tag::kCite}, {"q", Tag::kQ}, {"mark", Tag::kMark}, {"s", Tag::kS}, {"del", Tag::kDel},
      {"ins", Tag::kIns}, {"noscript", Tag::kNoscript}, {"menu", Tag::kMenu}, {"dialog", Tag::kDialog},
      {"summary", Tag::kSummary}, {"details", Tag::kDetails},
  };
  auto it = kTags.find(name);
  return it == kTags.end() ? Tag::kOther : it->second;
}

bool starts_with_nocase(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The page without the elements whose content is never text, and where each cut was, so
// offsets the parser reports can be moved back into the page.
struct StrippedPage {
  std::string bytes;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> cuts;  // (offset in bytes, bytes cut before it in total)
  std::vector<std::string> json_ld;

  std::uint32_t to_page(std::size_t offset) const {
    auto it = std::upper_bound(cuts.begin(), cuts.end(), std::make_pair(static_cast<std::uint32_t>(offset), ~0u));
    return static_cast<std::uint32_t>(offset) + (it == cuts.begin() ? 0 : std::prev(it)->second);
  }
};

struct RawElement {
  std::string_view open;   // "<script", "<!--"
  std::string_view close;  // "</script", "-->"
};
constexpr RawElement kCutElements[] = {
    {"<!--", "-->"}, {"<script", "</script"}, {"<style", "</style"}, {"<svg", "</svg"},
    {"<template", "</template"}, {"<noscript", "</noscript"}, {"<math", "</math"},
};

// Where the element opened at `pos` ends (past its closing '>'); the page's end when it never closes.
std::size_t end_of_raw(std::string_view page, std::size_t pos, const RawElement& el) {
  std::size_t at = pos + el.open.size();
  while (true) {
    at = page.find(el.close[0] == '-' ? '-' : '<', at);
    if (at == std::string_view::npos) return page.size();
    if (starts_with_nocase(page, at, el.close)) break;
    ++at;
  }
  if (el.close == "-->") return at + 3;
  std::size_t gt = page.find('>', at);
  return gt == std::string_view::npos ? page.size() : gt + 1;
}

void keep_json_ld(std::string_view element, StrippedPage& out) {
  std::size_t gt = element.find('>');
  if (gt == std::string_view::npos) return;
  std::string open = to_lower_ascii(element.substr(0, gt));
  if (open.find("ld+json") == std::string::npos) return;
  std::size_t close = element.rfind('<');
  if (close == std::string_view::npos || close <= gt) return;
  out.json_ld.emplace_back(element.substr(gt + 1, close - gt - 1));
}

bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Attributes the tree reads; every other one (data-*, src, srcset, alt, title, on*...)
// is most of a tag's bytes and none of its meaning here.
bool attribute_read(std::string_view name) {
  static constexpr std::string_view kRead[] = {"class", "id", "hidden", "aria-hidden", "style", "role",
                                              "itemprop", "content", "property", "name", "http-equiv", "href",
                                              "rel", "datetime", "lang", "charset", "itemtype", "type"};
  for (std::string_view k : kRead) {
    if (name.size() == k.size() && std::equal(name.begin(), name.end(), k.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        }))
      return true;
  }
  return false;
}

// Copies the start tag at `pos` without the attributes nothing reads, noting each cut;
// returns the position after the tag. A tag it cannot read cleanly is copied as it is.
std::size_t copy_start_tag(std::string_view page, std::size_t pos, StrippedPage& out, std::uint32_t& removed) {
  std::size_t p = pos + 1;
  while (p < page.size() && !is_space_byte(page[p]) && page[p] != '>' && page[p] != '/') ++p;
  const bool anchor = p - pos == 2 && (page[pos + 1] == 'a' || page[pos + 1] == 'A');
  out.bytes.append(page.substr(pos, p - pos));
  while (p < page.size()) {
    std::size_t gap = p;
    while (p < page.size() && is_space_byte(page[p])) ++p;
    if (p >= page.size()) break;
    if (page[p] == '>' || page[p] == '/') {
      std::size_t gt = page.find('>', p);
      std::size_t end = gt == std::string_view::npos ? page.size() : gt + 1;
      out.bytes.append(page.substr(p, end - p));
      return end;
    }
    std::size_t name_begin = p;
    while (p < page.size() && !is_space_byte(page[p]) && page[p] != '>' && page[p] != '=' && page[p] != '/') ++p;
    std::size_t name_end = p;
    std::size_t q = p;
    while (q < page.size() && is_space_byte(page[q])) ++q;
    std::size_t value_end = name_end;
    if (q < page.size() && page[q] == '=') {
      ++q;
      while (q < page.size() && is_space_byte(page[q])) ++q;
      if (q >= page.size()) break;
      if (page[q] == '"' || page[q] == '\'') {
        std::size_t close = page.find(page[q], q + 1);
        if (close == std::string_view::npos) break;  // an unclosed quote: let the parser judge
        value_end = close + 1;
      } else {
        value_end = q;
        while (value_end < page.size() && !is_space_byte(page[value_end]) && page[value_end] != '>') ++value_end;
      }
    }
    std::string_view name = page.substr(name_begin, name_end - name_begin);
    if (name.empty()) break;
    const bool keep = attribute_read(name) && !(anchor && name.size() == 4 && (name[0] | 0x20) == 'h');
    if (keep) {
      out.bytes.append(page.substr(gap, value_end - gap));
    } else {
      // An <a href> keeps the bare attribute: the tree asks only whether there is one.
      std::string_view kept = anchor && name.size() == 4 ? " href" : "";
      out.bytes.append(kept);
      removed += static_cast<std::uint32_t>(value_end - gap - kept.size());
      out.cuts.emplace_back(static_cast<std::uint32_t>(out.bytes.size()), removed);
    }
    p = value_end;
  }
  // Unreadable: copy the rest of the tag verbatim.
  std::size_t gt = page.find('>', p);
  std::size_t end = gt == std::string_view::npos ? page.size() : gt + 1;
  out.bytes.append(page.substr(p, end - p));
  return end;
}

bool is_markup_template(std::string_view element) {
  std::size_t gt = element.find('>');
  if (gt == std::string_view::npos) return false;
  std::string open = to_lower_ascii(element.substr(0, gt));
  // Only Blogger's kind: "text/html" and framework templates hold code ("<# if (x) #>"),
  // and a text/template that holds JSON is data.
  if (open.find("text/template") == std::string::npos) return false;
  std::size_t first = element.find_first_not_of(" \t\r\n", gt + 1);
  return first != std::string_view::npos && element[first] == '<';
}

void strip_raw_elements(std::string_view page, StrippedPage& out) {
  out.bytes.clear();
  out.cuts.clear();
  out.json_ld.clear();
  out.bytes.reserve(page.size());
  std::size_t pos = 0;
  std::uint32_t removed = 0;
  while (pos < page.size()) {
    std::size_t lt = page.find('<', pos);
    if (lt == std::string_view::npos) lt = page.size();
    out.bytes.append(page.substr(pos, lt - pos));
    pos = lt;
    if (pos >= page.size()) break;
    const RawElement* cut = nullptr;
    // Only "<!", "<s", "<t", "<n" and "<m" can open what is cut.
    const char next = pos + 1 < page.size() ? static_cast<char>(page[pos + 1] | 0x20) : '\0';
    const bool may_cut = next == '!' || next == 's' || next == 't' || next == 'n' || next == 'm';
    for (const RawElement& el : kCutElements) {
      if (!may_cut) break;
      if (!starts_with_nocase(page, pos, el.open)) continue;
      char after = pos + el.open.size() < page.size() ? page[pos + el.open.size()] : '>';
      if (el.open != "<!--" && !(after == '>' || after == '/' || is_ascii_space(after) || after == '\n')) continue;
      cut = &el;
      break;
    }
    if (!cut) {
      if (pos + 1 < page.size() && is_ascii_alpha(page[pos + 1])) {
        pos = copy_start_tag(page, pos, out, removed);
      } else {
        out.bytes += '<';
        ++pos;
      }
      continue;
    }
    std::size_t end = end_of_raw(page, pos, *cut);
    if (cut->open == "<script" && is_markup_template(page.substr(pos, end - pos))) {
      // Blogger and others ship the article as markup in <script type="text/template">:
      // drop the script's tags, keep what they enclose.
      std::size_t gt = page.find('>', pos);
      std::size_t close = page.rfind('<', end - 1);
      if (gt != std::string_view::npos && close != std::string_view::npos && close > gt) {
        removed += static_cast<std::uint32_t>(gt + 1 - pos);
        out.cuts.emplace_back(static_cast<std::uint32_t>(out.bytes.size()), removed);
        out.bytes.append(page.substr(gt + 1, close - gt - 1));
        removed += static_cast<std::uint32_t>(end - close);
        pos = end;
        out.cuts.emplace_back(static_cast<std::uint32_t>(out.bytes.size()), removed);
        continue;
      }
    }
    if (cut->open == "<script") keep_json_ld(page.substr(pos, end - pos), out);
    removed += static_cast<std::uint32_t>(end - pos);
    pos = end;
    out.cuts.emplace_back(static_cast<std::uint32_t>(out.bytes.size()), removed);
  }
}

class TreeBuilder {
 public:
  TreeBuilder(Tree& tree, const StrippedPage& page) : tree_(tree), page_(page) {
    tree_.nodes.push_back(Node{.tag = Tag::kRoot});
    tree_.nodes[0].html = Span{0, page.to_page(page.bytes.size())};
  }
  void set_context(htmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }

  void start(std::string_view name, const xmlChar** attrs);
  void end();
  void characters(std::string_view chars);

 private:
  // Where the parser is in the bytes it was given. libxml2 drops consumed input as it
  // goes (SHRINK), moving `base`; `consumed` counts what it dropped.
  std::size_t position() const {
    if (!ctxt_ || !ctxt_->input || !ctxt_->input->cur || !ctxt_->input->base) return 0;
    return static_cast<std::size_t>(ctxt_->input->consumed) +
           static_cast<std::size_t>(ctxt_->input->cur - ctxt_->input->base);
  }
  std::uint32_t add_node(Node node);
  void read_attributes(Tag tag, Node& node, const xmlChar** attrs);

  Tree& tree_;
  const StrippedPage& page_;
  htmlParserCtxtPtr ctxt_ = nullptr;
  std::uint32_t current_ = 0;
  bool in_title_ = false;
};

std::uint32_t TreeBuilder::add_node(Node node) {
  auto id = static_cast<std::uint32_t>(tree_.nodes.size());
  node.parent = current_;
  Node& parent = tree_.nodes[current_];
  if (parent.last_child == kNoNode) parent.first_child = id;
  else tree_.nodes[parent.last_child].next_sibling = id;
  parent.last_child = id;
  tree_.nodes.push_back(node);
  return id;
}

bool value_is(const char* v, std::string_view want) {
  return v && to_lower_ascii(std::string_view(v)) == want;
}

bool style_hides(std::string_view style) {
  std::string s = to_lower_ascii(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

void TreeBuilder::read_attributes(Tag tag, Node& node, const xmlChar** attrs) {
  std::string names;
  const char* content = nullptr;
  const char* key = nullptr;
  const char* href = nullptr;
  const char* rel = nullptr;
  const char* itemprop = nullptr;
  const char* datetime = nullptr;
  for (const xmlChar** a = attrs; a && a[0]; a += 2) {
    std::string_view name(reinterpret_cast<const char*>(a[0]));
    const char* value = a[1] ? reinterpret_cast<const char*>(a[1]) : "";
    if (name == "class" || name == "id") {
      if (!names.empty()) names += ' ';
      names += to_lower_ascii(std::string_view(value));
    } else if (name == "hidden") {
      node.flags |= kHidden;
    } else if (name == "aria-hidden") {
      if (value_is(value, "true")) node.flags |= kHidden;
    } else if (name == "style") {
      if (style_hides(value)) node.flags |= kHidden;
    } else if (name == "role") {
      std::string role = to_lower_ascii(std::string_view(value));
      if (role == "navigation" || role == "menu" || role == "menubar" || role == "banner" || role == "contentinfo" ||
          role == "complementary" || role == "dialog" || role == "alert" || role == "alertdialog" ||
          role == "search")
        node.flags |= kRoleNavigation;
      else if (role == "main" || role == "article")
        node.flags |= kRoleMain;
    } else if (name == "itemprop") {
      itemprop = value;
    } else if (name == "content") {
      content = value;
    } else if (name == "property" || name == "name" || name == "http-equiv") {
      if (!key || name == "property") key = value;
    } else if (name == "href") {
      href = value;
    } else if (name == "rel") {
      rel = value;
    } else if (name == "datetime") {
      datetime = value;
    } else if (name == "lang" && tag == Tag::kHtml) {
      tree_.lang = value;
    }
  }
  if (!names.empty()) {
    node.names = Span{static_cast<std::uint32_t>(tree_.names.size()),
                      static_cast<std::uint32_t>(tree_.names.size() + names.size())};
    tree_.names += names;
    if (names.find("author") != std::string::npos || names.find("byline") != std::string::npos)
      node.flags |= kAuthorMark;
  }
  const auto id = static_cast<std::uint32_t>(tree_.nodes.size());
  if (tag == Tag::kA && href) node.flags |= kHasHref;
  if (rel && to_lower_ascii(std::string_view(rel)).find("author") != std::string::npos) node.flags |= kAuthorMark;
  if (tag == Tag::kMeta && key && content) tree_.meta.push_back({to_lower_ascii(std::string_view(key)), content, id});
  if (tag == Tag::kLink && rel && href) tree_.meta.push_back({"link:" + to_lower_ascii(std::string_view(rel)), href, id});
  if (datetime) tree_.meta.push_back({"time", datetime, id});
  if (itemprop) {
    std::string prop = to_lower_ascii(std::string_view(itemprop));
    if (prop == "articlebody") node.flags |= kArticleBodyProp;
    if (prop == "author") node.flags |= kAuthorMark;
    const char* v = content ? content : datetime;
    tree_.meta.push_back({"itemprop:" + prop, v ? v : "", id});
  }
}

void TreeBuilder::start(std::string_view name, const xmlChar** attrs) {
  Node node;
  node.tag = tag_of(name);
  std::size_t end = position();
  std::size_t begin = page_.bytes.rfind('<', end ? end - 1 : 0);
  if (begin == std::string::npos || begin > end) begin = end;
  node.html = Span{page_.to_page(begin), page_.to_page(end)};
  read_attributes(node.tag, node, attrs);
  std::uint32_t id = add_node(node);
  current_ = id;
  if (node.tag == Tag::kTitle) in_title_ = true;
}

void TreeBuilder::end() {
  if (current_ == 0) return;
  Node& node = tree_.nodes[current_];
  node.html.end = std::max(node.html.begin, page_.to_page(position()));
  if (node.tag == Tag::kTitle) in_title_ = false;
  current_ = node.parent;
}

void TreeBuilder::characters(std::string_view chars) {
  if (in_title_) {
    if (tree_.title.size() < 4096) tree_.title.append(chars);
    return;
  }
  Node& parent = tree_.nodes[current_];
  auto at = static_cast<std::uint32_t>(tree_.text.size());
  tree_.text.append(chars);
  auto page_end = page_.to_page(position());
  if (parent.last_child != kNoNode && tree_.nodes[parent.last_child].tag == Tag::kText &&
      tree_.nodes[parent.last_child].text.end == at) {
    Node& last = tree_.nodes[parent.last_child];
    last.text.end = static_cast<std::uint32_t>(tree_.text.size());
    last.html.end = page_end;
    return;
  }
  Node text{.tag = Tag::kText};
  text.text = Span{at, static_cast<std::uint32_t>(tree_.text.size())};
  auto page_begin = page_.to_page(position() >= chars.size() ? position() - chars.size() : 0);
  text.html = Span{std::min(page_begin, page_end), page_end};
  add_node(text);
}

TreeBuilder* builder_of(void* ctx) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  return static_cast<TreeBuilder*>(ctxt->_private);
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  builder_of(ctx)->start(reinterpret_cast<const char*>(name), attrs);
}
void on_end(void* ctx, const xmlChar*) { builder_of(ctx)->end(); }
void on_characters(void* ctx, const xmlChar* chars, int len) {
  builder_of(ctx)->characters(std::string_view(reinterpret_cast<const char*>(chars), static_cast<std::size_t>(len)));
}
void on_diagnostic(void*, const char*, ...) {}

}  // namespace

Tree parse_tree(std::string_view html) {
  Tree tree;
  // Reused across pages: a fresh buffer the size of a page costs more in page faults
  // than cutting does.
  thread_local StrippedPage page;
  strip_raw_elements(html, page);
  tree.nodes.reserve(page.bytes.size() / 64 + 16);
  tree.text.reserve(page.bytes.size() / 4);
  tree.json_ld = std::move(page.json_ld);
  TreeBuilder builder(tree, page);
  if (page.bytes.empty() || page.bytes.size() > static_cast<std::size_t>(INT32_MAX)) return tree;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(page.bytes.data(), static_cast<int>(page.bytes.size()));
  if (!ctxt) return tree;
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.warning = on_diagnostic;
  sax.error = on_diagnostic;
  std::memcpy(ctxt->sax, &sax, sizeof sax);
  // Callbacks get the context itself, so they can ask where the parser is in the page.
  ctxt->userData = ctxt;
  ctxt->_private = &builder;
  builder.set_context(ctxt);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  return tree;
}

bool is_heading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

bool is_block(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain: case Tag::kH1:
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kUl: case Tag::kOl:
    case Tag::kLi: case Tag::kDl: case Tag::kDt: case Tag::kDd: case Tag::kBlockquote: case Tag::kPre:
    case Tag::kTable: case Tag::kTr: case Tag::kTd: case Tag::kTh: case Tag::kCaption: case Tag::kTbody:
    case Tag::kThead: case Tag::kTfoot: case Tag::kForm: case Tag::kFieldset: case Tag::kHeader:
    case Tag::kFooter: case Tag::kNav: case Tag::kAside: case Tag::kAddress: case Tag::kFigure: case Tag::kHr:
    case Tag::kCenter: case Tag::kDetails: case Tag::kSummary: case Tag::kBody: case Tag::kHtml: case Tag::kRoot:
    case Tag::kMenu: case Tag::kDialog: case Tag::kFigcaption:
      return true;
    default:
      return false;
  }
}

// Elements that never hold article text.
bool never_text(Tag t) {
  switch (t) {
    case Tag::kHead: case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase: case Tag::kButton:
    case Tag::kInput: case Tag::kSelect: case Tag::kOption: case Tag::kTextarea: case Tag::kIframe:
    case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas: case Tag::kVideo: case Tag::kAudio:
    case Tag::kFigure: case Tag::kFigcaption: case Tag::kPicture: case Tag::kImg: case Tag::kDialog:
    case Tag::kMenu: case Tag::kLabel: case Tag::kNoscript: case Tag::kLegend:
      return true;
    default:
      return false;
  }
}

std::string collapsed_text(const Tree& tree, std::uint32_t node, std::size_t max_bytes, std::size_t max_nodes) {
  std::string out;
  std::vector<std::uint32_t> stack{node};
  std::size_t visited = 0;
  while (!stack.empty() && out.size() <= max_bytes && visited++ < max_nodes) {
    std::uint32_t id = stack.back();
    stack.pop_back();
    const Node& n = tree.nodes[id];
    if (n.tag == Tag::kText) {
      for (char c : tree.text_of(n)) {
        bool space = is_ascii_space(c) || c == '\n';
        if (space) {
          if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
          out += c;
        }
      }
      continue;
    }
    std::size_t mark = stack.size();
    for (std::uint32_t c = n.first_child; c != kNoNode; c = tree.nodes[c].next_sibling) stack.push_back(c);
    std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
  }
  return std::string(trim(out));
}

}  // namespace chorus::internal::html
