#include "brief/sentence_model.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "base/string_util.h"

namespace chorus::internal {
namespace {

ConceptKey pack(int a, int b) {
  return (static_cast<ConceptKey>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}

// A sentence that can stand alone in a brief: a real sentence, whole quotations, and not
// a fragment that needs the paragraph before it.
// Pronouns that point back at a sentence the reader of a brief will not see.
bool starts_with_pronoun(std::string_view text) {
  constexpr std::string_view kPronouns[] = {"He ", "She ", "They ", "It ", "His ", "Her ", "Their ", "Its ",
                                            "This ", "These ", "Those ", "That "};
  for (std::string_view p : kPronouns) {
    if (text.starts_with(p)) return true;
  }
  return false;
}

// `"...," he said.` or `She said: "..."`: a quotation whose speaker is only a pronoun.
bool pronoun_attribution(std::string_view text) {
  constexpr std::string_view kTails[] = {" he said.", " she said.", " they said.", " he added.", " she added."};
  for (std::string_view t : kTails) {
    if (text.ends_with(t)) return true;
  }
  return false;
}

// Counts are what news briefs are about ("29 people", "four dead", "a dozen"): concepts
// with a figure weigh double. Measured: DUC 2003 R-2 +0.006, DUC 2006 unchanged.
constexpr float kFigureBoost = 2.0f;
bool is_figure(std::string_view w) {
  constexpr std::string_view kNumbers[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                           "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand",
                                           "thousands", "million", "millions", "billion"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') return true;
  for (std::string_view n : kNumbers) {
    if (w == n) return true;
  }
  return false;
}

// A focused brief: a concept with a focus stem weighs up to (1 + kConceptFocus) times as
// much; stems the event uses beside the focus's count up to kNeighbourFocus of one.
// Chosen on DUC 2006's first 13 topics (R-2 0.0692 -> 0.0768; the other 12: 0.1089 ->
// 0.1113): 1, 2, 4, 8 times, neighbours at 0, 0.25, 0.5, 1.
constexpr float kConceptFocus = 1.0f;

bool is_negation(std::string_view w) {
  return w == "no" || w == "not" || w == "never" || w == "t" || w == "nor" || w == "none" || w == "nothing" ||
         w == "neither" || w == "nobody";
}

bool is_candidate(const Sentence& s, std::string_view text, std::size_t words, const BriefOptions& opts) {
  if (starts_with_pronoun(text) || pronoun_attribution(text)) return false;
  if (s.heading || !s.balanced_quotes || s.quote == QuoteRole::kContinues) return false;
  if (words < opts.min_sentence_words) return false;
  if (opts.max_sentence_words && words > opts.max_sentence_words) return false;
  if (text.ends_with(':') || text.ends_with('?')) return false;  // lead-ins and questions
  unsigned char first = static_cast<unsigned char>(text.front());
  return !(first >= 'a' && first <= 'z');  // starts mid-sentence: a segmentation leftover
}

}  // namespace

SentenceModel::SentenceModel(const std::vector<Document>& documents, const BriefOptions& opts,
                             const std::vector<bool>& counts_for_support, std::size_t known_documents) {
  TermDictionary dict;
  doc_count_ = documents.size() - std::min(known_documents, documents.size());
  std::size_t sentence_count = 0;
  for (const Document& d : documents) sentence_count += d.sentences.size();
  sentences_.reserve(sentence_count);
  // Upper bounds, so the pools grow once instead of doubling past what they need.
  std::size_t words = 0;
  for (const Document& d : documents) words += count_words(d.clean.text);
  tf_pool_.reserve(words * 3 / 4);
  for (std::uint32_t d = 0; d < documents.size(); ++d) {
    const bool supports = d >= known_documents && (counts_for_support.empty() || counts_for_support[d]);
    add_document(d, documents[d], opts, supports, dict);
  }
  for (const Document& doc : documents) {
    std::vector<int> terms;
    for_each_word(doc.article.title, [&](const std::string& w) {
      TermDictionary::Term t = dict.lookup(w);
      if (!t.stopword) terms.push_back(t.id);
    });
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (!terms.empty()) ++titled_docs_;
    for (int t : terms) ++title_doc_count_[t];
    own_title_terms_.push_back(std::move(terms));
  }
  // Sentence-level idf over every sentence of the event.
  idf_.assign(dict.size(), 0.0);
  std::vector<int> df(dict.size(), 0);
  for (const SentenceInfo& s : sentences_) {
    for (const auto& [term, count] : tf(s)) ++df[static_cast<std::size_t>(term)];
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, sentences_.size()));
  for (std::size_t t = 0; t < df.size(); ++t) idf_[t] = std::log((n + 1.0) / (df[t] + 0.5));
  for (SentenceInfo& s : sentences_) {
    double sum = 0;
    for (const auto& [term, count] : tf(s)) {
      double w = count * idf_[static_cast<std::size_t>(term)];
      sum += w * w;
    }
    s.tfidf_norm = std::sqrt(sum);
  }
  if (!opts.focus.empty()) compute_focus(opts.focus, dict);
  std::vector<ConceptKey> keys = compute_weights();
  assign_weighted_concepts(documents, dict, keys);
}

void SentenceModel::compute_focus(std::string_view focus, TermDictionary& dict) {
  // Words that frame a request rather than say what it is about (DUC's topic statements,
  // an analyst's "describe the reactions"): not part of the focus.
  static const std::unordered_set<std::string> kRequestWords = {
      "describe", "discuss", "identify", "include", "includ", "explain", "report", "specifi", "specific",
      "inform", "information", "detail", "provid", "give", "list", "what", "which", "how", "why", "when",
      "where", "who", "whose", "also", "any", "all", "mention", "note", "possibl", "relat", "various"};
  std::vector<int> own;
  for_each_word(focus, [&](const std::string& w) {
    TermDictionary::Term t = dict.lookup(w);
    if (t.stopword || kRequestWords.count(w) || kRequestWords.count(dict.stem(t.id))) return;
    own.push_back(t.id);
  });
  if (own.empty()) return;
  focus_.assign(dict.size(), 0.0f);
  for (int t : own) focus_[static_cast<std::size_t>(t)] = 1.0f;
  // Neighbours: the share of a stem's sentences that also hold a focus stem, for stems
  // seen in at least two such sentences (the event's own words for what is asked).
  std::vector<std::uint32_t> with_focus(dict.size(), 0), all(dict.size(), 0);
  for (const SentenceInfo& s : sentences_) {
    bool has_focus = false;
    for (const auto& [term, count] : tf(s)) has_focus |= focus_[term] == 1.0f;
    for (const auto& [term, count] : tf(s)) {
      ++all[term];
      if (has_focus) ++with_focus[term];
    }
  }
  for (std::size_t t = 0; t < focus_.size(); ++t) {
    if (focus_[t] == 1.0f || with_focus[t] < 2) continue;
    focus_[t] = kNeighbourFocus * static_cast<float>(with_focus[t]) / static_cast<float>(all[t]);
  }
}

void SentenceModel::add_document(std::uint32_t doc_index, const Document& doc, const BriefOptions& opts,
                                 bool counts_for_support,
                                 TermDictionary& dict) {
  std::vector<int> content;
  std::vector<ConceptKey> doc_concepts;
  for (const Sentence& sent : doc.sentences) {
    if (sent.heading) continue;
    std::string_view text = doc.sentence_text(sent);
    SentenceInfo info;
    info.doc = doc_index;
    info.sentence = sent.index;
    info.paragraph = sent.paragraph;
    info.words = static_cast<std::uint32_t>(count_words(text));
    info.candidate = !text.empty() && is_candidate(sent, text, info.words, opts);
    std::size_t p = 0;
    char32_t first = text.empty() ? 0 : decode_utf8(text, p);
    info.opens_with_quote = is_double_quote(first) || is_single_quote(first);
    content.clear();
    int prev = -1;
    bool prev_stop = true;
    for_each_word(text, [&](const std::string& w) {
      if (is_negation(w)) info.negated = true;
      TermDictionary::Term term = dict.lookup(w);
      if (is_figure(w)) {
        if (numeric_terms_.size() <= static_cast<std::size_t>(term.id)) numeric_terms_.resize(static_cast<std::size_t>(term.id) + 1, 0);
        numeric_terms_[static_cast<std::size_t>(term.id)] = 1;
      }
      if (!term.stopword) content.push_back(term.id);
      if (prev >= 0 && !(prev_stop && term.stopword)) doc_concepts.push_back(pack(prev, term.id));
      prev = term.id;
      prev_stop = term.stopword;
    });
    std::sort(content.begin(), content.end());
    info.tf_begin = static_cast<std::uint32_t>(tf_pool_.size());
    for (std::size_t i = 0; i < content.size();) {
      std::size_t j = i;
      while (j < content.size() && content[j] == content[i]) ++j;
      tf_pool_.push_back({static_cast<std::uint32_t>(content[i]), static_cast<std::uint32_t>(std::min<std::size_t>(j - i, 255))});
      i = j;
    }
    info.tf_end = static_cast<std::uint32_t>(tf_pool_.size());
    sentences_.push_back(info);
  }
  // Several sources: a concept counts once per article. One source: every occurrence.
  if (doc_count_ >= 2) {
    std::sort(doc_concepts.begin(), doc_concepts.end());
    doc_concepts.erase(std::unique(doc_concepts.begin(), doc_concepts.end()), doc_concepts.end());
  }
  if (counts_for_support) pending_concepts_.insert(pending_concepts_.end(), doc_concepts.begin(), doc_concepts.end());
  doc_concepts.clear();
  // Folding the pending occurrences into the counts once they outgrow them keeps memory
  // near the number of distinct concepts: outlets repeat each other's words.
  constexpr std::size_t kMinPending = 1u << 14;
  if (pending_concepts_.size() >= std::max(kMinPending, concept_support_.size())) fold_pending_concepts();
}

void SentenceModel::fold_pending_concepts() {
  std::sort(pending_concepts_.begin(), pending_concepts_.end());
  std::vector<std::pair<ConceptKey, std::uint32_t>> merged;
  merged.reserve(concept_support_.size() + pending_concepts_.size() / 2);
  auto old = concept_support_.begin();
  for (std::size_t i = 0; i < pending_concepts_.size();) {
    std::size_t j = i;
    while (j < pending_concepts_.size() && pending_concepts_[j] == pending_concepts_[i]) ++j;
    const ConceptKey key = pending_concepts_[i];
    for (; old != concept_support_.end() && old->first < key; ++old) merged.push_back(*old);
    auto count = static_cast<std::uint32_t>(j - i);
    if (old != concept_support_.end() && old->first == key) count += (old++)->second;
    merged.emplace_back(key, count);
    i = j;
  }
  merged.insert(merged.end(), old, concept_support_.end());
  merged.shrink_to_fit();
  concept_support_ = std::move(merged);
  std::vector<ConceptKey>().swap(pending_concepts_);  // `= {}` would keep the capacity
}

template <typename Fn>
void SentenceModel::for_each_concept(std::string_view text, TermDictionary& dict, Fn&& fn) {
  int prev = -1;
  bool prev_stop = true;
  for_each_word(text, [&](const std::string& w) {
    TermDictionary::Term term = dict.lookup(w);
    if (prev >= 0 && !(prev_stop && term.stopword)) fn(pack(prev, term.id));
    prev = term.id;
    prev_stop = term.stopword;
  });
}

bool SentenceModel::is_numeric_concept(ConceptKey key) const {
  auto numeric = [&](std::uint32_t id) { return id < numeric_terms_.size() && numeric_terms_[id]; };
  return numeric(static_cast<std::uint32_t>(key >> 32)) || numeric(static_cast<std::uint32_t>(key & 0xffffffffu));
}

std::vector<ConceptKey> SentenceModel::compute_weights() {
  // Support of each concept (counted by sorting and merging, not hashing, for flat memory).
  // A concept counts when at least two sources state it (what many outlets report is
  // what the event is about), or a tenth of them in a large cluster.
  const bool multi = doc_count_ >= 2;
  const std::size_t min_support = multi ? std::max<std::size_t>(2, (doc_count_ + 9) / 10) : 2;
  fold_pending_concepts();
  std::vector<ConceptKey> keys;
  for (const auto& [key, count] : concept_support_) {
    if (count < min_support) continue;
    keys.push_back(key);
    float w = static_cast<float>(count);
    if (is_numeric_concept(key)) w *= kFigureBoost;
    if (!focus_.empty()) {
      w *= 1.0f + kConceptFocus * std::max(focus(static_cast<int>(key >> 32)), focus(static_cast<int>(key & 0xffffffffu)));
    }
    concept_weights_.push_back(w);
  }
  decltype(concept_support_)().swap(concept_support_);
  return keys;
}

void SentenceModel::assign_weighted_concepts(const std::vector<Document>& documents, TermDictionary& dict,
                                             const std::vector<ConceptKey>& keys) {
  // A second pass over the words (cheaper in memory than keeping every bigram): each
  // sentence keeps only its weighted concepts, as dense ids into concept_weights_.
  std::vector<std::uint32_t> ids;
  // A sentence has fewer concepts than words: one allocation, no doubling on the way.
  std::size_t most = 0;
  for (const SentenceInfo& s : sentences_) most += s.words;
  weighted_pool_.reserve(weighted_pool_.size() + most);
  for (SentenceInfo& s : sentences_) {
    const Document& doc = documents[s.doc];
    ids.clear();
    for_each_concept(doc.sentence_text(doc.sentences[s.sentence]), dict, [&](ConceptKey c) {
      auto it = std::lower_bound(keys.begin(), keys.end(), c);
      if (it != keys.end() && *it == c) ids.push_back(static_cast<std::uint32_t>(it - keys.begin()));
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    s.concepts_begin = static_cast<std::uint32_t>(weighted_pool_.size());
    weighted_pool_.insert(weighted_pool_.end(), ids.begin(), ids.end());
    s.concepts_end = static_cast<std::uint32_t>(weighted_pool_.size());
  }
  // The pools grew by doubling or were reserved generously; the brief's peak comes later
  // (citations), so giving the slack back now lowers it.
  weighted_pool_.shrink_to_fit();
  tf_pool_.shrink_to_fit();
}

double SentenceModel::cosine(const SentenceInfo& a, const SentenceInfo& b) const {
  if (a.tfidf_norm == 0 || b.tfidf_norm == 0) return 0;
  double dot = 0;
  std::span<const TermCount> ta = tf(a), tb = tf(b);
  auto i = ta.begin();
  auto j = tb.begin();
  while (i != ta.end() && j != tb.end()) {
    if (i->term < j->term) ++i;
    else if (j->term < i->term) ++j;
    else {
      double w = idf(i->term);
      dot += i->count * j->count * w * w;
      ++i;
      ++j;
    }
  }
  return dot / (a.tfidf_norm * b.tfidf_norm);
}

double SentenceModel::title_support(int term, std::uint32_t own_doc) const {
  const std::vector<int>& own = own_title_terms_[own_doc];
  const std::size_t others = titled_docs_ - (own.empty() ? 0 : 1);
  if (others == 0) return 0.0;
  auto it = title_doc_count_.find(term);
  if (it == title_doc_count_.end()) return 0.0;
  const std::size_t own_has = std::binary_search(own.begin(), own.end(), term) ? 1 : 0;
  return static_cast<double>(it->second - own_has) / static_cast<double>(others);
}

double SentenceModel::idf_mass(const SentenceInfo& s) const {
  double sum = 0;
  for (const auto& [term, count] : tf(s)) sum += idf(term);
  return sum;
}

void SentenceModel::withdraw(std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences) {
  std::sort(sentences.begin(), sentences.end());
  for (SentenceInfo& s : sentences_) {
    if (std::binary_search(sentences.begin(), sentences.end(), std::make_pair(s.doc, s.sentence))) s.candidate = false;
  }
}

}  // namespace chorus::internal
