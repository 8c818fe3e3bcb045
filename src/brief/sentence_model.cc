#include "brief/sentence_model.h"

#include <algorithm>
#include <cmath>
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

SentenceModel::SentenceModel(const std::vector<Document>& documents, const BriefOptions& opts) {
  TermDictionary dict;
  doc_count_ = documents.size();
  for (std::uint32_t d = 0; d < documents.size(); ++d) add_document(d, documents[d], opts, dict);
  for (const Document& doc : documents) {
    std::vector<int> terms;
    for_each_word(doc.article.title, [&](const std::string& w) {
      TermDictionary::Term t = dict.lookup(w);
      if (!t.stopword) terms.push_back(t.id);
    });
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    if (!terms.empty()) ++titled_docs_;
    title_terms_.push_back(std::move(terms));
  }
  // Sentence-level idf over every sentence of the event.
  idf_.assign(dict.size(), 0.0);
  std::vector<int> df(dict.size(), 0);
  for (const SentenceInfo& s : sentences_) {
    for (const auto& [term, count] : s.tf) ++df[static_cast<std::size_t>(term)];
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, sentences_.size()));
  for (std::size_t t = 0; t < df.size(); ++t) idf_[t] = std::log((n + 1.0) / (df[t] + 0.5));
  for (SentenceInfo& s : sentences_) {
    double sum = 0;
    for (const auto& [term, count] : s.tf) {
      double w = count * idf_[static_cast<std::size_t>(term)];
      sum += w * w;
    }
    s.tfidf_norm = std::sqrt(sum);
  }
  compute_weights();
}

void SentenceModel::add_document(std::uint32_t doc_index, const Document& doc, const BriefOptions& opts,
                                 TermDictionary& dict) {
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
    std::vector<int> content;
    int prev = -1;
    bool prev_stop = true;
    for_each_word(text, [&](const std::string& w) {
      if (is_negation(w)) info.negated = true;
      TermDictionary::Term term = dict.lookup(w);
      if (!term.stopword) content.push_back(term.id);
      if (prev >= 0 && !(prev_stop && term.stopword)) info.concepts.push_back(pack(prev, term.id));
      prev = term.id;
      prev_stop = term.stopword;
    });
    std::sort(content.begin(), content.end());
    for (std::size_t i = 0; i < content.size();) {
      std::size_t j = i;
      while (j < content.size() && content[j] == content[i]) ++j;
      info.tf.emplace_back(content[i], static_cast<float>(j - i));
      i = j;
    }
    std::sort(info.concepts.begin(), info.concepts.end());
    info.concepts.erase(std::unique(info.concepts.begin(), info.concepts.end()), info.concepts.end());
    sentences_.push_back(std::move(info));
  }
}

void SentenceModel::compute_weights() {
  // Document frequency of each concept: how many articles state it.
  std::unordered_map<ConceptKey, int> df;
  std::unordered_map<ConceptKey, int> tf;
  std::unordered_set<ConceptKey> seen_in_doc;
  std::uint32_t current_doc = UINT32_MAX;
  for (const SentenceInfo& s : sentences_) {
    if (s.doc != current_doc) {
      seen_in_doc.clear();
      current_doc = s.doc;
    }
    for (ConceptKey c : s.concepts) {
      ++tf[c];
      if (seen_in_doc.insert(c).second) ++df[c];
    }
  }
  // With several sources, a concept counts when at least two of them state it: what
  // many outlets report is what the event is about. A single article falls back to
  // concepts it repeats.
  const bool multi = doc_count_ >= 2;
  const int min_support = multi ? std::max(2, static_cast<int>(std::ceil(doc_count_ * 0.1))) : 2;
  for (const auto& [key, count] : (multi ? df : tf)) {
    if (count >= min_support) concept_weight_[key] = count;
  }
}

double SentenceModel::concept_weight(ConceptKey key) const {
  auto it = concept_weight_.find(key);
  return it == concept_weight_.end() ? 0.0 : it->second;
}

double SentenceModel::cosine(const SentenceInfo& a, const SentenceInfo& b) const {
  if (a.tfidf_norm == 0 || b.tfidf_norm == 0) return 0;
  double dot = 0;
  auto i = a.tf.begin();
  auto j = b.tf.begin();
  while (i != a.tf.end() && j != b.tf.end()) {
    if (i->first < j->first) ++i;
    else if (j->first < i->first) ++j;
    else {
      double w = idf(i->first);
      dot += i->second * j->second * w * w;
      ++i;
      ++j;
    }
  }
  return dot / (a.tfidf_norm * b.tfidf_norm);
}

double SentenceModel::title_support(int term, std::uint32_t own_doc) const {
  const bool own_titled = !title_terms_[own_doc].empty();
  const std::size_t others = titled_docs_ - (own_titled ? 1 : 0);
  if (others == 0) return 0.0;
  std::size_t hits = 0;
  for (std::uint32_t d = 0; d < title_terms_.size(); ++d) {
    if (d != own_doc && std::binary_search(title_terms_[d].begin(), title_terms_[d].end(), term)) ++hits;
  }
  return static_cast<double>(hits) / static_cast<double>(others);
}

double SentenceModel::idf_mass(const SentenceInfo& s) const {
  double sum = 0;
  for (const auto& [term, count] : s.tf) sum += idf(term);
  return sum;
}

}  // namespace chorus::internal
