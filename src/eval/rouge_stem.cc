// ROUGE-1.5.5's stemmer, ported rule by rule from its perl `stem` (Porter 1980 with the
// script's own Step 4 change) and `MorphStem` (WordNet exceptions first).
#include <algorithm>
#include <string_view>
#include <vector>
#include <string>
#include <unordered_map>

#include "chorus/rouge.h"
#include "eval/rouge_data.h"

namespace chorus {
namespace {

// The script tests stems with regular expressions built from c = [^aeiou], v = [aeiouy],
// C = c[^aeiouy]*, V = v[aeiou]*. Each is a sequence of "one char of a class, then any
// number of another" pieces, so whether it matches is a small set-of-positions walk,
// exactly what a backtracking regex engine decides, without compiling regexes.
enum class Cls { kNotAeiou, kNotAeiouy, kAeiouy, kAeiou, kNotAeiouwxy, kNone };

bool in_class(char ch, Cls c) {
  auto in = [ch](const char* set) { return std::string_view(set).find(ch) != std::string_view::npos; };
  switch (c) {
    case Cls::kNotAeiou: return !in("aeiou");
    case Cls::kNotAeiouy: return !in("aeiouy");
    case Cls::kAeiouy: return in("aeiouy");
    case Cls::kAeiou: return in("aeiou");
    case Cls::kNotAeiouwxy: return !in("aeiouwxy");
    case Cls::kNone: return false;
  }
  return false;
}

struct Piece {
  Cls first;      // one character of this class
  Cls rest;       // then any number of this class (kNone: none)
  bool optional;  // the whole piece may be absent
};
constexpr Piece kConsonants{Cls::kNotAeiou, Cls::kNotAeiouy, false};  // C
constexpr Piece kVowels{Cls::kAeiouy, Cls::kAeiou, false};            // V
constexpr Piece kOptConsonants{Cls::kNotAeiou, Cls::kNotAeiouy, true};
constexpr Piece kOptVowels{Cls::kAeiouy, Cls::kAeiou, true};
constexpr Piece kVowel{Cls::kAeiouy, Cls::kNone, false};              // v
constexpr Piece kNotWxy{Cls::kNotAeiouwxy, Cls::kNone, false};        // [^aeiouwxy]

// Whether `pieces`, anchored at the start (and at the end when `to_end`), match `w`.
template <std::size_t N>
bool matches(const std::string& w, const Piece (&pieces)[N], bool to_end) {
  std::vector<char> at(w.size() + 1, 0), next(w.size() + 1, 0);
  at[0] = 1;
  for (const Piece& piece : pieces) {
    std::fill(next.begin(), next.end(), 0);
    for (std::size_t p = 0; p <= w.size(); ++p) {
      if (!at[p]) continue;
      if (piece.optional) next[p] = 1;
      if (p < w.size() && in_class(w[p], piece.first)) {
        std::size_t q = p + 1;
        next[q] = 1;
        while (q < w.size() && in_class(w[q], piece.rest)) next[++q] = 1;
      }
    }
    std::swap(at, next);
  }
  if (to_end) return at[w.size()] != 0;
  return std::find(at.begin(), at.end(), 1) != at.end();
}

constexpr Piece kMgr0[] = {kOptConsonants, kVowels, kConsonants};                       // ^(C)?VC
constexpr Piece kMeq1[] = {kOptConsonants, kVowels, kConsonants, kOptVowels};           // ^(C)?VC(V)?$
constexpr Piece kMgr1[] = {kOptConsonants, kVowels, kConsonants, kVowels, kConsonants}; // ^(C)?VCVC
constexpr Piece kHasVowel[] = {kOptConsonants, kVowel};                                 // ^(C)?v
constexpr Piece kCvc[] = {kConsonants, kVowel, kNotWxy};                                // ^Cv[^aeiouwxy]$

bool mgr0(const std::string& w) { return matches(w, kMgr0, false); }
bool meq1(const std::string& w) { return matches(w, kMeq1, true); }
bool mgr1(const std::string& w) { return matches(w, kMgr1, false); }
bool has_vowel(const std::string& w) { return matches(w, kHasVowel, false); }
bool cvc(const std::string& w) { return matches(w, kCvc, true); }
bool double_consonant(const std::string& w) {  // ([^aeiouylsz])\1$
  std::size_t n = w.size();
  return n >= 2 && w[n - 1] == w[n - 2] && std::string_view("aeiouylsz").find(w[n - 1]) == std::string_view::npos;
}

bool ends_with(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

struct Suffix {
  std::string_view from, to;
};

// The longest listed suffix of `w` (a perl alternation anchored at $ matches the leftmost,
// i.e. longest, one), or nullptr.
template <std::size_t N>
const Suffix* longest_suffix(const std::string& w, const Suffix (&list)[N]) {
  const Suffix* best = nullptr;
  for (const Suffix& s : list) {
    if (w.ends_with(s.from) && (!best || s.from.size() > best->from.size())) best = &s;
  }
  return best;
}

constexpr Suffix kStep2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"}};
constexpr Suffix kStep3[] = {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
                             {"ical", "ic"},  {"ful", ""},   {"ness", ""}};
constexpr Suffix kStep4[] = {{"al", ""},   {"ance", ""}, {"ence", ""}, {"er", ""},    {"ic", ""},  {"able", ""},
                             {"ible", ""}, {"ant", ""},  {"ement", ""}, {"ou", ""},   {"ism", ""}, {"ate", ""},
                             {"iti", ""},  {"ous", ""},  {"ive", ""},  {"ize", ""}};

std::string drop(const std::string& w, std::size_t n) { return w.substr(0, w.size() - n); }

void step1(std::string& w) {
  if (ends_with(w, "sses") || ends_with(w, "ies")) w = drop(w, 2);  // (ss|i)es -> ss|i
  else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') w = drop(w, 1);
  if (ends_with(w, "eed")) {
    if (mgr0(drop(w, 3))) w = drop(w, 1);
  } else if (ends_with(w, "ed") || ends_with(w, "ing")) {
    std::string stem = drop(w, ends_with(w, "ed") ? 2 : 3);
    if (has_vowel(stem)) {
      w = stem;
      if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) w += 'e';
      else if (double_consonant(w)) w = drop(w, 1);
      else if (cvc(w)) w += 'e';
    }
  }
  if (ends_with(w, "y")) {
    std::string stem = drop(w, 1);
    if (has_vowel(stem)) w = stem + "i";
  }
}

template <std::size_t N>
void replace_suffix_if(std::string& w, const Suffix (&list)[N], bool (*condition)(const std::string&)) {
  if (const Suffix* s = longest_suffix(w, list)) {
    std::string stem = drop(w, s->from.size());
    if (condition(stem)) w = stem + std::string(s->to);
  }
}

void step4(std::string& w) {
  // The script's 2004 change: -ement words do not also try -ment and -ent via the
  // alternation; -ment and -ent are then tried on their own, in sequence.
  replace_suffix_if(w, kStep4, mgr1);
  if (ends_with(w, "ment") && mgr1(drop(w, 4))) w = drop(w, 4);
  if (ends_with(w, "ent")) {
    if (mgr1(drop(w, 3))) w = drop(w, 3);
  } else if (ends_with(w, "sion") || ends_with(w, "tion")) {
    if (mgr1(drop(w, 3))) w = drop(w, 3);
  }
}

void step5(std::string& w) {
  if (ends_with(w, "e")) {
    std::string stem = drop(w, 1);
    if (mgr1(stem) || (meq1(stem) && !cvc(stem))) w = stem;
  }
  if (ends_with(w, "ll") && mgr1(w)) w = drop(w, 1);
}

std::string porter_stem_rouge(std::string w) {
  if (w.size() < 3) return w;
  const bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';  // so that the patterns never treat it as a vowel
  step1(w);
  replace_suffix_if(w, kStep2, mgr0);
  replace_suffix_if(w, kStep3, mgr0);
  step4(w);
  step5(w);
  if (initial_y && !w.empty() && w[0] == 'Y') w[0] = 'y';
  return w;
}

// WordNet 2.0 exceptions: adj, adv, noun, verb in that order, a later entry winning.
const std::unordered_map<std::string, std::string>& exceptions() {
  static const auto table = [] {
    std::unordered_map<std::string, std::string> t;
    for (std::string_view list : internal::kWordNetExceptions) {
      std::size_t pos = 0;
      while (pos < list.size()) {
        std::size_t nl = list.find('\n', pos);
        std::string_view line = list.substr(pos, (nl == std::string_view::npos ? list.size() : nl) - pos);
        pos = nl == std::string_view::npos ? list.size() : nl + 1;
        std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos) continue;
        std::size_t sp2 = line.find(' ', sp + 1);
        t[std::string(line.substr(0, sp))] = std::string(line.substr(sp + 1, sp2 == std::string_view::npos ? sp2 : sp2 - sp - 1));
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string rouge_morph_stem(const std::string& token) {
  thread_local std::unordered_map<std::string, std::string> cache;
  auto it = cache.find(token);
  if (it != cache.end()) return it->second;
  std::string out;
  if (auto e = exceptions().find(token); e != exceptions().end()) out = e->second;
  else out = porter_stem_rouge(token);
  cache.emplace(token, out);
  return out;
}

}  // namespace chorus
