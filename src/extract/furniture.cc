// Lexicons of page furniture as lines: what sites put inside the article's container
// that is not the article, in the languages of the benchmarks (English, German, French,
// Spanish). Matching is on whole lines, lower-cased, so prose that uses the words stays.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "base/string_util.h"
#include "extract/extract_internal.h"

namespace chorus::internal::extract {
namespace {

template <std::size_t N>
bool starts_with_any(std::string_view s, const std::array<std::string_view, N>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.starts_with(p); });
}

std::size_t words_in(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

}  // namespace

bool furniture_line(std::string_view line) {
  std::string lower = to_lower_ascii(trim(line));
  static constexpr std::array<std::string_view, 20> kExact = {
      "advertisement", "advertisements", "advert", "adverts", "ad", "sponsored", "share", "share this", "tweet", "email", "print",
      "comments", "continue reading", "read more", "skip to content", "close", "menu", "anzeige", "werbung",
      "publicidad"};
  if (std::find(kExact.begin(), kExact.end(), lower) != kExact.end()) return true;
  static constexpr std::array<std::string_view, 38> kPrefixes = {
      "this slideshow requires javascript", "please enable javascript", "kommentare geschlossen", "comments closed", "- anzeige", "photograph by", "beitragsbild", "be sociable",
      "read more:", "related:", "see also:", "advertisement", "sign up for", "click here to", "subscribe now",
      "subscribe to", "for the latest stories", "get the latest news", "we want to hear what you think",
      "follow us on", "share this article", "möchten sie den artikel teilen", "war der artikel nützlich",
      "teilen sie", "jetzt teilen", "pour lire la suite", "pour accéder", "abonnez-vous", "foto:", "fotos:",
      "photo:", "photos:", "bild:", "image:", "credit:", "credits:", "\xc2\xa9", "(c) "};
  return starts_with_any(lower, kPrefixes);
}

bool code_line(std::string_view line) {
  // JSON, template code and shortcodes left in a page's text: '{"type":"Image",...', '[button link=...]'.
  if (line.size() < 20) return false;
  if (line.starts_with("{\"") || line.starts_with("[{") || (line.starts_with('[') && line.find("=") != std::string_view::npos &&
                                                        line.find(']') != std::string_view::npos && line.find(']') < 200))
    return true;
  std::size_t marks = 0;
  for (char c : line) marks += c == '{' || c == '}' || c == '\\' || c == '<' || c == '>' || c == ';' || c == '=';
  return marks * 100 > line.size() * 4;
}

bool timestamp_line(std::string_view line) {
  if (line.size() > 60 || std::count(line.begin(), line.end(), ' ') > 5) return false;
  return !date_in_text(line).empty();
}

bool marks_a_paywall(const html::Tree& tree) {
  static constexpr std::array<std::string_view, 7> kNames = {"paywall", "regwall", "piano-", "subscriber-only",
                                                            "premium-wall", "meteredcontent", "plus-teaser"};
  static constexpr std::array<std::string_view, 11> kPhrases = {
      "subscribe to continue reading", "to continue reading", "already a subscriber", "subscribers only",
      "bereits abonnent", "weiterlesen mit", "jetzt abonnieren und weiterlesen", "pour lire la suite",
      "réservé aux abonnés", "exclusivo para suscriptores", "this content is for subscribers"};
  for (const html::Node& n : tree.nodes) {
    if (n.tag == html::Tag::kText) {
      std::string_view text = tree.text_of(n);
      if (text.size() > 200) continue;
      std::string lower = to_lower_ascii(text);
      if (std::any_of(kPhrases.begin(), kPhrases.end(), [&](std::string_view p) { return lower.find(p) != std::string::npos; }))
        return true;
    } else if (!n.names.empty()) {
      std::string_view names = tree.names_of(n);
      if (std::any_of(kNames.begin(), kNames.end(), [&](std::string_view w) { return names.find(w) != std::string_view::npos; }))
        return true;
    }
  }
  return false;
}

void cut_trailer(ExtractedPage& page) {
  static constexpr std::array<std::string_view, 44> kEnds = {
      "about the author", "über den autor", "über die autorin", "mehr zum thema", "das könnte sie auch",
      "weitere artikel", "ähnliche artikel", "verwandte artikel", "am meisten gelesen", "meistgelesen",
      "letzte kommentare", "you may also like", "you might also like", "more from", "keep reading",
      "related articles", "related stories", "recommended", "most read", "most popular", "zum weiterlesen",
      "lesen sie auch", "auch interessant", "à lire aussi", "lire aussi", "te puede interesar", "siehe auch",
      "schon gelesen", "neueste artikel", "empfohlene beiträge", "ähnliche beiträge", "explore further",
      "mehr aus dem", "das thema könnte", "quellenangaben", "bildergalerie", "themen:", "autoren:",
      "tags:", "schlagwörter", "kategorie:", "category:", "lust auf mehr", "gefällt dir"};
  // Where the reader comments start: "Kommentare", "3 Comments", "Leave a reply".
  // The first words name nothing else; the others ("Antworten", "Reviews") head article
  // sections too, so they count only in the article's second half.
  static constexpr std::array<std::string_view, 18> kComments = {
      "comments", "comment", "kommentare", "kommentar", "leserkommentare", "leave a reply", "leave a comment",
      "schreibe einen kommentar", "kommentar schreiben", "commentaires", "comentarios",
      "reaktionen", "discussion", "bewertungen", "reviews", "responses", "antworten", "diskussion"};
  constexpr std::size_t kSureComments = 11;
  const std::size_t half = page.maintext.size() / 2;
  // A long thread under a short article puts the comments' heading in the first half:
  // that heading may cut once some article stands before it.
  constexpr std::size_t kArticleBefore = 200;
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const TextBlock& b = page.blocks[i];
    if (i < 2 || b.text.begin < std::min(half, kArticleBefore)) continue;
    std::string_view line = std::string_view(page.maintext).substr(b.text.begin, b.text.size());
    if (words_in(line) > 6) continue;
    std::string lower = to_lower_ascii(line);
    std::string_view counted = lower;  // "12 Kommentare", "(3) comments"
    while (!counted.empty() && (is_ascii_digit(counted.front()) || counted.front() == ' ' || counted.front() == '(' ||
                                counted.front() == ')'))
      counted.remove_prefix(1);
    const std::size_t words = b.text.begin < half ? kSureComments : kComments.size();
    const bool comments_start = std::any_of(kComments.begin(), kComments.begin() + words, [&](std::string_view c) {
      return counted == c || (counted.starts_with(c) && counted.size() <= c.size() + 6);
    });
    if (!comments_start && (b.text.begin < half || !starts_with_any(lower, kEnds))) continue;
    page.maintext.resize(b.text.begin);
    page.blocks.resize(i);
    return;
  }
}

}  // namespace chorus::internal::extract
