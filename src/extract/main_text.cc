// Finding the article body. Three passes over the tree: prune what is never the article
// (navigation, asides, hidden parts, share bars, comments, by tag, role, class and id),
// score paragraphs into their ancestors as Readability does (commas, length, link density,
// class evidence) to choose the container, then write the container's blocks as lines.
// itemprop="articleBody" wins when it holds most of what the scoring found.
#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/string_util.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

using html::kNoNode;
using html::Node;
using html::Tag;
using html::Tree;
using html::is_block;
using html::is_heading;
using html::never_text;

// Page furniture by element: dropped unless it holds most of the page (some sites wrap
// the whole article in a <header> or an aside-classed column).
bool furniture_tag(Tag t) { return t == Tag::kNav || t == Tag::kAside || t == Tag::kFooter || t == Tag::kHeader; }

// Visible bytes of a text node with whitespace runs counted once.
std::uint32_t visible_bytes(std::string_view s, std::uint32_t& commas) {
  std::uint32_t n = 0;
  bool space = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (is_ascii_space(c) || c == '\n') {
      if (!space) ++n;
      space = true;
      continue;
    }
    space = false;
    ++n;
    if (c == ',') ++commas;
  }
  return n;
}

struct Stats {
  std::uint32_t chars = 0;         // visible text bytes under the node
  std::uint32_t link_chars = 0;    // of which inside <a href>
  std::uint32_t inline_chars = 0;  // reached without entering a block element
  std::uint32_t commas = 0;
  std::uint32_t p_chars = 0;       // inside <p> elements
  float score = 0;
  bool pruned = false;
  bool scored = false;
  std::int8_t evidence = -1;       // NameEvidence once read, -1 before
};

class BodyFinder {
 public:
  explicit BodyFinder(const Tree& tree) : tree_(tree), stats_(tree.nodes.size()) {}

  // The nodes whose text is the article, in page order.
  std::vector<std::uint32_t> find();
  const Stats& stats(std::uint32_t id) const { return stats_[id]; }

 private:
  void count(bool respect_pruning);
  void prune();
  void score_paragraphs();
  std::uint32_t best_candidate() const;
  std::vector<std::uint32_t> with_siblings(std::uint32_t top) const;
  std::vector<std::uint32_t> article_body_props() const;
  float link_density(std::uint32_t id) const {
    return stats_[id].chars ? static_cast<float>(stats_[id].link_chars) / static_cast<float>(stats_[id].chars) : 0.f;
  }
  float final_score(std::uint32_t id) const { return stats_[id].score * (1.f - link_density(id)); }
  void debug_dump(std::uint32_t top) const;
  // The node's class and id evidence, read once.
  NameEvidence evidence(std::uint32_t id) {
    if (stats_[id].evidence < 0) stats_[id].evidence = static_cast<std::int8_t>(evidence_of(tree_.names_of(tree_.nodes[id])));
    return static_cast<NameEvidence>(stats_[id].evidence);
  }
  std::vector<std::uint32_t> ancestors(std::uint32_t id) const;

  const Tree& tree_;
  std::vector<Stats> stats_;
  std::uint32_t body_chars_ = 0;
};

void BodyFinder::count(bool respect_pruning) {
  for (Stats& s : stats_) s.chars = s.link_chars = s.inline_chars = s.commas = s.p_chars = 0;
  // Children come after their parents, so one backward pass sums every subtree.
  for (std::size_t i = tree_.nodes.size(); i-- > 0;) {
    const Node& n = tree_.nodes[i];
    Stats& s = stats_[i];
    if (respect_pruning && s.pruned) continue;
    if (n.tag == Tag::kText) {
      s.chars = s.inline_chars = visible_bytes(tree_.text_of(n), s.commas);
    }
    if (n.tag == Tag::kA && (n.flags & html::kHasHref)) s.link_chars = s.chars;
    if (n.tag == Tag::kP) s.p_chars = s.chars - s.link_chars;
    if (n.parent == kNoNode) continue;
    Stats& p = stats_[n.parent];
    p.chars += s.chars;
    p.p_chars += s.p_chars;
    p.link_chars += s.link_chars;
    p.commas += s.commas;
    if (!is_block(n.tag)) p.inline_chars += s.inline_chars;
  }
}

void BodyFinder::prune() {
  body_chars_ = stats_[0].chars;
  const std::uint32_t most_of_page = std::max<std::uint32_t>(1500, body_chars_ / 2);
  // A wrapper named for a share bar or a teaser can still hold the article's paragraphs.
  const std::uint32_t much_prose = std::max<std::uint32_t>(400, stats_[0].p_chars * 2 / 5);
  for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
    const Node& n = tree_.nodes[i];
    if (stats_[n.parent].pruned) {
      stats_[i].pruned = true;
      continue;
    }
    if (n.tag == Tag::kText) continue;
    // Most of the page's text is the article, unless the names say it is the comments
    // (a long discussion under a short article).
    bool prune = never_text(n.tag);
    if (prune) {
      stats_[i].pruned = true;
      continue;
    }
    const bool section = n.tag != Tag::kBody && n.tag != Tag::kHtml && n.tag != Tag::kMain && n.tag != Tag::kArticle;
    const bool comment_names = names_a_comment(tree_.names_of(n));
    const bool comments = section && !(n.flags & html::kArticleBodyProp) && comment_names;
    const bool holds_article = stats_[i].chars >= most_of_page && !comments;
    if (!holds_article) {
      NameEvidence ev = evidence(static_cast<std::uint32_t>(i));
      bool by_name = ev == NameEvidence::kStrongNegative || ev == NameEvidence::kWeakNegative || comments;
      if (by_name && stats_[i].p_chars >= much_prose && !comment_names) by_name = false;
      // A page header that holds most of the page's prose was never closed where the page
      // meant it to be (libxml2 nests HTML5's <header> as it reads it): the article is inside.
      const bool swallowed_article = n.tag == Tag::kHeader && stats_[i].p_chars >= much_prose;
      prune = (furniture_tag(n.tag) && !swallowed_article) || (n.flags & (html::kHidden | html::kRoleNavigation)) ||
              by_name;
      if (prune && (n.flags & html::kArticleBodyProp)) prune = false;
    }
    stats_[i].pruned = prune;
  }
}

float tag_weight(Tag t) {
  switch (t) {
    case Tag::kDiv: case Tag::kArticle: case Tag::kMain: case Tag::kSection: return 5;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return 3;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd: case Tag::kDt:
    case Tag::kLi: case Tag::kForm: return -3;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kTh:
      return -5;
    default: return 0;
  }
}

float name_weight(NameEvidence evidence) {
  switch (evidence) {
    case NameEvidence::kPositive: return 25;
    case NameEvidence::kWeakNegative: case NameEvidence::kStrongNegative: return -25;
    default: return 0;
  }
}

void BodyFinder::score_paragraphs() {
  for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
    const Node& n = tree_.nodes[i];
    const Stats& s = stats_[i];
    if (s.pruned || n.tag == Tag::kText) continue;
    std::uint32_t length = 0;
    if (n.tag == Tag::kP || n.tag == Tag::kPre || n.tag == Tag::kTd || is_heading(n.tag)) length = s.chars;
    else if (n.tag == Tag::kDiv || n.tag == Tag::kSection || n.tag == Tag::kArticle || n.tag == Tag::kBlockquote ||
             n.tag == Tag::kLi || n.tag == Tag::kDd || n.tag == Tag::kFont || n.tag == Tag::kCenter)
      length = s.inline_chars;  // a div used as a paragraph: its own text, not its blocks'
    if (length < 25 || is_heading(n.tag)) continue;
    float score = 1.f + static_cast<float>(s.commas) + std::min(static_cast<float>(length) / 100.f, 3.f);
    std::uint32_t ancestor = n.tag == Tag::kP || n.tag == Tag::kPre || n.tag == Tag::kTd ? n.parent
                                                                                          : static_cast<std::uint32_t>(i);
    for (int level = 0; level < 5 && ancestor != kNoNode && ancestor != 0; ++level) {
      Stats& a = stats_[ancestor];
      const Node& an = tree_.nodes[ancestor];
      if (!a.scored) {
        a.scored = true;
        a.score = tag_weight(an.tag) + name_weight(evidence(ancestor));
        if (an.flags & (html::kArticleBodyProp | html::kRoleMain)) a.score += 25;
      }
      a.score += level == 0 ? score : level == 1 ? score / 2 : score / static_cast<float>(level * 3);
      ancestor = an.parent;
    }
  }
}

std::vector<std::uint32_t> BodyFinder::ancestors(std::uint32_t id) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t a = tree_.nodes[id].parent; a != kNoNode && a != 0; a = tree_.nodes[a].parent) out.push_back(a);
  return out;
}

// As Readability.js: the best-scoring node; then, when several near-best candidates
// share an ancestor, that ancestor (an article split into boxes); then up while the
// parents score higher; then up through frames that add nothing.
std::uint32_t BodyFinder::best_candidate() const {
  constexpr std::size_t kTop = 5;
  constexpr std::uint32_t kMinChars = 100;  // a byline with an "article" class is no article
  std::vector<std::uint32_t> top;
  for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
    if (!stats_[i].scored || stats_[i].pruned || stats_[i].chars < kMinChars) continue;
    top.push_back(static_cast<std::uint32_t>(i));
  }
  if (top.empty()) return kNoNode;
  std::size_t keep = std::min(kTop, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(keep), top.end(),
                    [&](std::uint32_t a, std::uint32_t b) { return final_score(a) > final_score(b); });
  top.resize(keep);
  std::uint32_t best = top[0];
  const float best_score = final_score(best);
  // How many near-best candidates each node is an ancestor of (counted along their chains).
  std::unordered_map<std::uint32_t, std::size_t> shared;
  std::size_t alternatives = 0;
  for (std::size_t i = 1; i < top.size(); ++i) {
    if (final_score(top[i]) < 0.75f * best_score) continue;
    ++alternatives;
    for (std::uint32_t a : ancestors(top[i])) ++shared[a];
  }
  constexpr std::size_t kMinAlternatives = 3;
  if (alternatives >= kMinAlternatives) {
    for (std::uint32_t a : ancestors(best)) {
      if (tree_.nodes[a].tag == Tag::kBody) break;
      auto it = shared.find(a);
      if (it != shared.end() && it->second >= kMinAlternatives) {
        best = a;
        break;
      }
    }
  }
  float last = final_score(best);
  const float threshold = last / 3;
  for (std::uint32_t a : ancestors(best)) {
    if (tree_.nodes[a].tag == Tag::kBody) break;
    if (!stats_[a].scored) continue;
    float score = final_score(a);
    if (score < threshold) break;
    if (score > last) {
      best = a;
      break;
    }
    last = score;
  }
  // An article split into boxes (ads, embeds between them): the ancestor that holds much
  // more of the page's prose, with few links, is the article.
  for (std::uint32_t a : ancestors(best)) {
    const Node& an = tree_.nodes[a];
    if (an.tag == Tag::kBody || an.tag == Tag::kHtml || stats_[a].pruned) break;
    if (stats_[a].p_chars * 10 < stats_[best].p_chars * 16 || link_density(a) > 0.3f) continue;
    if (stats_[a].p_chars * 2 < stats_[0].p_chars) continue;  // not most of the page's prose
    best = a;
  }
  // A container that is its parent's only element: the parent is the article's frame.
  while (true) {
    const Node& n = tree_.nodes[best];
    if (n.parent == kNoNode || n.parent == 0) break;
    const Node& p = tree_.nodes[n.parent];
    if (p.tag == Tag::kBody || p.tag == Tag::kHtml || stats_[n.parent].chars > stats_[best].chars + 20) break;
    best = n.parent;
  }
  return best;
}

bool reads_like_sentence(std::string_view text) {
  text = trim(text);
  return !text.empty() && (text.back() == '.' || text.find(". ") != std::string_view::npos);
}

std::vector<std::uint32_t> BodyFinder::with_siblings(std::uint32_t top) const {
  const Node& t = tree_.nodes[top];
  if (t.parent == kNoNode || t.parent == 0) return {top};
  const float top_score = final_score(top);
  const float threshold = std::max(10.f, top_score * 0.2f);
  std::vector<std::uint32_t> out;
  for (std::uint32_t c = tree_.nodes[t.parent].first_child; c != kNoNode; c = tree_.nodes[c].next_sibling) {
    const Node& n = tree_.nodes[c];
    const Stats& s = stats_[c];
    if (c == top) {
      out.push_back(c);
      continue;
    }
    if (s.pruned || n.tag == Tag::kText || s.chars == 0) continue;
    float bonus = !t.names.empty() && tree_.names_of(n) == tree_.names_of(t) ? top_score * 0.2f : 0.f;
    bool take = s.scored && final_score(c) + bonus >= threshold;
    if (!take && n.tag == Tag::kP) {
      float ld = link_density(c);
      take = (s.chars > 80 && ld < 0.25f) ||
             (s.chars > 0 && ld == 0.f && reads_like_sentence(collapsed_text(tree_, c)));
    }
    if (take) out.push_back(c);
  }
  return out;
}

std::vector<std::uint32_t> BodyFinder::article_body_props() const {
  // Parents come before children: one pass knows whether a node lies inside a chosen one.
  std::vector<std::uint8_t> inside(tree_.nodes.size(), 0);
  std::vector<std::uint32_t> out;
  for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
    const Node& n = tree_.nodes[i];
    if (n.parent != kNoNode && inside[n.parent]) {
      inside[i] = 1;
      continue;
    }
    if (!(n.flags & html::kArticleBodyProp) || stats_[i].pruned || stats_[i].chars < 100) continue;
    out.push_back(static_cast<std::uint32_t>(i));
    inside[i] = 1;
  }
  return out;
}

// CHORUS_EXTRACT_DEBUG=1: what was pruned and how the candidates scored, on stderr.
void BodyFinder::debug_dump(std::uint32_t top) const {
  for (std::size_t i = 1; i < tree_.nodes.size(); ++i) {
    const Node& n = tree_.nodes[i];
    if (n.tag == Tag::kText) continue;
    bool pruned_here = stats_[i].pruned && !stats_[n.parent].pruned;
    if (pruned_here && stats_[0].chars && stats_[i].chars * 50 >= body_chars_ / 4)
      std::fprintf(stderr, "pruned #%zu <%d> '%.*s' chars %u p_chars %u\n", i, static_cast<int>(n.tag),
                   static_cast<int>(n.names.size()), tree_.names_of(n).data(), stats_[i].chars, stats_[i].p_chars);
    if (stats_[i].scored && final_score(static_cast<std::uint32_t>(i)) > 10)
      std::fprintf(stderr, "%s #%zu <%d> '%.*s' score %.1f final %.1f chars %u\n", i == top ? "TOP" : "cand", i,
                   static_cast<int>(n.tag), static_cast<int>(n.names.size()), tree_.names_of(n).data(),
                   stats_[i].score, final_score(static_cast<std::uint32_t>(i)), stats_[i].chars);
  }
}

std::vector<std::uint32_t> BodyFinder::find() {
  count(false);
  prune();
  count(true);
  score_paragraphs();
  std::uint32_t top = best_candidate();
  if (std::getenv("CHORUS_EXTRACT_DEBUG")) debug_dump(top);
  std::vector<std::uint32_t> chosen;
  if (top != kNoNode) chosen = with_siblings(top);
  std::vector<std::uint32_t> props = article_body_props();
  std::uint32_t chosen_chars = 0, prop_chars = 0;
  for (std::uint32_t c : chosen) chosen_chars += stats_[c].chars;
  for (std::uint32_t c : props) prop_chars += stats_[c].chars;
  if (!props.empty() && prop_chars * 2 >= chosen_chars) return props;
  if (chosen.empty()) return {0};
  return chosen;
}

std::string normalized_title(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_ascii_space(c) || c == '\n') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

// Writes the chosen nodes' text as lines: a block element starts and ends a line, <br>
// ends one, text inside <pre> keeps its line breaks.
class LineWriter {
 public:
  LineWriter(const Tree& tree, const BodyFinder& finder, std::string_view title, ExtractedPage& page)
      : tree_(tree), finder_(finder), title_(normalized_title(title)), page_(page),
        protected_blocks_(page.blocks.size()) {}

  void write(std::uint32_t root);

 private:
  struct Frame {
    std::uint32_t node;
    bool leaving;
  };
  void enter(std::uint32_t id, std::vector<Frame>& stack);
  void leave(std::uint32_t id);
  void add_text(const Node& n);
  void flush();
  void drop_label_of_links();
  bool repeats_title(std::string_view heading) const;

  const Tree& tree_;
  const BodyFinder& finder_;
  std::string title_;
  ExtractedPage& page_;
  std::string line_;
  Span html_{~0u, 0};
  std::uint32_t link_bytes_ = 0;
  std::size_t protected_blocks_ = 0;  // blocks written before this writer began (another root's)
  int link_depth_ = 0;
  int pre_depth_ = 0;
  std::vector<TextBlock::Kind> kinds_{TextBlock::Kind::kParagraph};
};

TextBlock::Kind kind_of(Tag t, TextBlock::Kind outer) {
  if (is_heading(t)) return TextBlock::Kind::kHeading;
  switch (t) {
    case Tag::kLi: case Tag::kDt: case Tag::kDd: return TextBlock::Kind::kListItem;
    case Tag::kBlockquote: return TextBlock::Kind::kQuote;
    case Tag::kPre: return TextBlock::Kind::kPreformatted;
    case Tag::kTd: case Tag::kTh: return TextBlock::Kind::kTableCell;
    case Tag::kP: return outer == TextBlock::Kind::kQuote || outer == TextBlock::Kind::kListItem
                             ? outer : TextBlock::Kind::kParagraph;
    default: return outer;
  }
}

void LineWriter::write(std::uint32_t root) {
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    if (f.leaving) leave(f.node);
    else enter(f.node, stack);
  }
  flush();
}

void LineWriter::enter(std::uint32_t id, std::vector<Frame>& stack) {
  const Node& n = tree_.nodes[id];
  if (finder_.stats(id).pruned && id != 0) return;
  if (n.tag == Tag::kText) {
    add_text(n);
    return;
  }
  if (n.tag == Tag::kBr || n.tag == Tag::kHr) {
    flush();
    return;
  }
  if (is_block(n.tag)) {
    flush();
    kinds_.push_back(kind_of(n.tag, kinds_.back()));
  }
  if (n.tag == Tag::kA && (n.flags & html::kHasHref)) ++link_depth_;
  if (n.tag == Tag::kPre) ++pre_depth_;
  stack.push_back({id, true});
  std::size_t mark = stack.size();
  for (std::uint32_t c = n.first_child; c != kNoNode; c = tree_.nodes[c].next_sibling) stack.push_back({c, false});
  std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
}

void LineWriter::leave(std::uint32_t id) {
  const Node& n = tree_.nodes[id];
  if (n.tag == Tag::kA && (n.flags & html::kHasHref)) --link_depth_;
  if (n.tag == Tag::kPre) --pre_depth_;
  if (is_block(n.tag)) {
    flush();
    kinds_.pop_back();
  }
}

void LineWriter::add_text(const Node& n) {
  std::string_view s = tree_.text_of(n);
  std::size_t before = line_.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // Soft hyphens (U+00AD) and zero-width spaces (U+200B) are invisible: readers and
    // searches see the word whole.
    if (c == '\xc2' && i + 1 < s.size() && s[i + 1] == '\xad') {
      ++i;
      continue;
    }
    if (c == '\xe2' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x8b') {
      i += 2;
      continue;
    }
    if (c == '\n' && pre_depth_ > 0) {
      flush();
      continue;
    }
    if (is_ascii_space(c) || c == '\n') {
      if (!line_.empty() && line_.back() != ' ') line_ += ' ';
      continue;
    }
    line_ += c;
  }
  if (line_.size() == before) return;
  if (link_depth_ > 0) link_bytes_ += static_cast<std::uint32_t>(line_.size() - before);
  html_.begin = std::min(html_.begin, n.html.begin);
  html_.end = std::max(html_.end, n.html.end);
}

// "Read also", "Neueste Artikel:", "Schon gelesen?": a short label right before a list of
// links introduces the links, and goes with them.
void LineWriter::drop_label_of_links() {
  if (page_.blocks.empty() || page_.blocks.size() <= protected_blocks_) return;
  const TextBlock& last = page_.blocks.back();
  std::string_view label = std::string_view(page_.maintext).substr(last.text.begin, last.text.size());
  const bool short_line = label.size() <= 60 && std::count(label.begin(), label.end(), ' ') < 6;
  const char end = label.empty() ? '.' : label.back();
  const bool labels = last.kind == TextBlock::Kind::kHeading || end == ':' || end == '?' ||
                      (end != '.' && end != '!' && end != '"' && std::count(label.begin(), label.end(), ' ') < 3);
  if (!short_line || !labels) return;
  page_.maintext.resize(last.text.begin);
  page_.blocks.pop_back();
}

// The page's headline again: equal to the title, or one of them holding the other (a
// title with the site's name, a shorter <h1>).
bool LineWriter::repeats_title(std::string_view heading) const {
  if (title_.empty()) return false;
  std::string h = normalized_title(heading);
  if (h == title_) return true;
  constexpr std::size_t kMinBytes = 16;
  return h.size() >= kMinBytes && (title_.find(h) != std::string::npos || h.find(title_) != std::string::npos);
}

void LineWriter::flush() {
  std::string_view text = trim(line_);
  // U+00A0 (&nbsp;) at either end is layout, not text.
  while (text.starts_with("\xc2\xa0")) text = trim(text.substr(2));
  while (text.ends_with("\xc2\xa0")) text = trim(text.substr(0, text.size() - 2));
  const TextBlock::Kind kind = kinds_.back();
  bool keep = !text.empty();
  if (keep && link_bytes_ * 2 > text.size()) {  // a link list, not prose
    keep = false;
    drop_label_of_links();
  }
  if (keep && (furniture_line(text) || timestamp_line(text))) keep = false;
  if (keep && kind != TextBlock::Kind::kPreformatted && code_line(text)) keep = false;
  if (keep && kind == TextBlock::Kind::kHeading && repeats_title(text)) keep = false;
  if (keep) {
    TextBlock block;
    block.kind = kind;
    block.text = Span{static_cast<std::uint32_t>(page_.maintext.size()),
                      static_cast<std::uint32_t>(page_.maintext.size() + text.size())};
    block.html = html_.begin <= html_.end ? html_ : Span{};
    page_.maintext.append(text);
    page_.maintext += '\n';
    page_.blocks.push_back(block);
  }
  line_.clear();
  link_bytes_ = 0;
  html_ = Span{~0u, 0};
}

}  // namespace

// When the chosen container holds little, the page's prose may stand outside any
// container the scoring saw (a layout table, a form, blocks the pruning took). As
// jusText does, the fallback keeps every unpruned line of the page long enough to be
// prose, and the headings between them.
void keep_prose_lines(const ExtractedPage& all, ExtractedPage& out) {
  constexpr std::size_t kProseBytes = 60;
  for (std::size_t i = 0; i < all.blocks.size(); ++i) {
    const TextBlock& b = all.blocks[i];
    bool prose = b.text.size() >= kProseBytes;
    if (!prose && b.kind == TextBlock::Kind::kHeading && i + 1 < all.blocks.size())
      prose = all.blocks[i + 1].text.size() >= kProseBytes;
    if (!prose) continue;
    TextBlock kept = b;
    kept.text = Span{static_cast<std::uint32_t>(out.maintext.size()),
                     static_cast<std::uint32_t>(out.maintext.size() + b.text.size())};
    out.maintext.append(all.maintext, b.text.begin, b.text.size() + 1);
    out.blocks.push_back(kept);
  }
}

void extract_main_text(const Tree& tree, std::string_view title, ExtractedPage& page) {
  BodyFinder finder(tree);
  std::vector<std::uint32_t> roots = finder.find();
  LineWriter writer(tree, finder, title, page);
  for (std::uint32_t r : roots) writer.write(r);
  cut_trailer(page);
  constexpr std::size_t kLittle = 400;
  if (page.maintext.size() >= kLittle) return;
  ExtractedPage whole, prose;
  LineWriter all(tree, finder, title, whole);
  all.write(0);
  keep_prose_lines(whole, prose);
  cut_trailer(prose);
  if (prose.maintext.size() >= 2 * page.maintext.size() + 200) {
    page.maintext = std::move(prose.maintext);
    page.blocks = std::move(prose.blocks);
  }
}

void prefer_json_ld_body(std::string_view body, ExtractedPage& page) {
  if (body.size() < 2 * page.maintext.size() + 200) return;
  if (body.find('<') != std::string_view::npos) return;  // markup inside JSON: not plain text
  ExtractedPage from_ld;
  for (std::size_t start = 0; start < body.size();) {
    std::size_t nl = body.find('\n', start);
    if (nl == std::string_view::npos) nl = body.size();
    std::string line = collapse_spaces(decode_entities(body.substr(start, nl - start)));
    start = nl + 1;
    if (line.empty()) continue;
    TextBlock b;
    b.text = Span{static_cast<std::uint32_t>(from_ld.maintext.size()),
                  static_cast<std::uint32_t>(from_ld.maintext.size() + line.size())};
    from_ld.maintext += line;
    from_ld.maintext += '\n';
    from_ld.blocks.push_back(b);
  }
  if (from_ld.maintext.size() <= page.maintext.size()) return;
  page.maintext = std::move(from_ld.maintext);
  page.blocks = std::move(from_ld.blocks);
}

}  // namespace chorus::internal::extract
