#include "chorus/brief.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <unordered_map>

#include "chorus/outlets.h"
#include "base/string_util.h"
#include "chorus/dedup.h"
#include "brief/cite.h"
#include "brief/rankers.h"
#include "brief/sentence_model.h"

namespace chorus {
namespace {

using internal::SentenceModel;

SourceInfo source_info(const Document& doc, const OutletTally& outlets) {
  const Article& a = doc.article;
  // One outlet shows one name in every source line ("Metro", not also "metro.co.uk").
  return SourceInfo{a.id, outlets.display(a.outlet), a.date, a.title, a.byline, a.url, a.path, a.line,
                    internal::count_words(doc.clean.text), a.language};
}

BriefSentence brief_sentence(const SentenceModel& model, const std::vector<Document>& docs,
                             const internal::CitationFinder& finder, std::size_t index, double score) {
  const internal::SentenceInfo& info = model.sentences()[index];
  const Document& doc = docs[info.doc];
  const Sentence& sent = doc.sentences[info.sentence];
  BriefSentence out;
  out.text = std::string(doc.sentence_text(sent));
  out.article_id = doc.article.id;
  out.sentence = sent.index;
  out.source = sent.source;
  out.source_chars = sent.source_chars;
  out.score = score;
  out.citations = finder.cite(index);
  // Known articles (an update brief's, numbered below 1) are what the reader has read,
  // not sources of this brief.
  std::erase_if(out.citations, [](const Citation& c) { return c.article_id <= 0; });
  return out;
}

// Sentences that state a count the facts show as replaced, without saying so: "12
// injured" once the toll was revised to 15, "more than 30 injured" beside an exact 34.
// The brief takes the current figure from another sentence instead. Conflicts are left
// alone: no source is known to be behind.
std::vector<std::pair<int, std::uint32_t>> superseded_statements(const Facts& facts) {
  std::vector<std::pair<int, std::uint32_t>> out;
  for (const Figure& f : facts.figures) {
    if (!is_revisable_quantity(f.kind) || f.status == FigureStatus::kConflict || f.status == FigureStatus::kSingle) continue;
    const bool exact_now = f.qualifier.empty() || f.qualifier == "total";
    for (const FigureMention& m : f.mentions) {
      if (m.earlier || !std::isnan(m.previous)) continue;  // it says the figure changed
      const bool behind = m.value != f.value || (exact_now && m.qualifier != f.qualifier && m.qualifier != "total");
      if (behind) out.emplace_back(m.article_id, m.sentence);
    }
  }
  return out;
}

// Whether a line of text (a title) states a count that `facts` shows as replaced.
bool states_replaced_count(const std::string& text, const Facts& facts) {
  Document doc;
  doc.clean.text = text;
  Sentence s;
  s.span = Span{0, static_cast<std::uint32_t>(text.size())};
  doc.sentences.push_back(s);
  for (const FigureMention& m : find_figures(doc)) {
    for (const Figure& f : facts.figures) {
      if (f.kind != m.kind || !f.subject.empty() || !f.place.empty() || f.status != FigureStatus::kRevised) continue;
      if (m.value != f.value) return true;
    }
  }
  return false;
}

// Reading order: older articles first (undated last), then position in the article, so
// ledes come before detail; ties by article id keep it deterministic.
void order_for_reading(std::vector<std::size_t>& chosen, const SentenceModel& model, const std::vector<Document>& docs) {
  const auto& sents = model.sentences();
  auto key = [&](std::size_t i) {
    const std::string& date = docs[sents[i].doc].article.date;
    return std::make_tuple(date.empty() ? std::string("9999") : date, sents[i].paragraph, docs[sents[i].doc].article.id,
                           sents[i].sentence);
  };
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
}

internal::Selection select(const SentenceModel& model, const std::vector<Document>& docs, const BriefOptions& opts,
                           const internal::SelectionBudget& budget) {
  switch (opts.method) {
    case RankMethod::kCentroid: return internal::select_by_centroid(model, opts, budget);
    case RankMethod::kLead: return internal::select_lead(model, docs, opts, budget);
    case RankMethod::kRandom: return internal::select_random(model, opts, budget);
    case RankMethod::kConceptCoverage: break;
  }
  return internal::select_by_concept_coverage(model, opts, budget);
}

// An update brief says a figure that changed since the known articles as a change: the
// known value becomes the one it replaced ("dead: 14 (revised from 12)").
void mark_changes_since(const std::vector<Document>& known, Facts& facts) {
  const Facts before = extract_facts(known);
  for (Figure& f : facts.figures) {
    if (!is_revisable_quantity(f.kind) || f.status == FigureStatus::kRevised) continue;
    for (const Figure& k : before.figures) {
      if (k.kind != f.kind || k.subject != f.subject || k.place != f.place || k.value == f.value) continue;
      f.status = FigureStatus::kRevised;
      f.previous = k.value;
      break;
    }
  }
}

// An update brief's model reads the known articles first, numbered -1, -2, ... so that
// their ids never meet the new articles'.
std::vector<Document> known_then_new(std::span<const Document> known, const std::vector<Document>& documents) {
  std::vector<Document> all;
  all.reserve(known.size() + documents.size());
  for (std::size_t i = 0; i < known.size(); ++i) {
    all.push_back(known[i]);
    all.back().article.id = -static_cast<int>(i + 1);
  }
  all.insert(all.end(), documents.begin(), documents.end());
  return all;
}

}  // namespace

Result<Brief> make_brief(const std::vector<Document>& new_documents, const BriefOptions& opts) {
  if (new_documents.empty()) return Status(StatusCode::kEmpty, "no articles to brief");
  std::vector<Document> with_known;
  if (!opts.known.empty()) with_known = known_then_new(opts.known, new_documents);
  const std::vector<Document>& documents = opts.known.empty() ? new_documents : with_known;
  const std::size_t known_count = opts.known.size();
  // Facts first: their working memory is gone before the sentence model is built. Every
  // mention is read for the statements a later figure replaced, then the figures keep
  // their usual few.
  std::vector<std::pair<int, std::uint32_t>> superseded;
  Facts facts;
  if (opts.facts) {
    const FactsOptions keep;
    FactsOptions all_mentions;
    all_mentions.max_mentions = std::numeric_limits<std::size_t>::max();
    facts = extract_facts(new_documents, all_mentions);
    if (known_count) {
      mark_changes_since(std::vector<Document>(documents.begin(), documents.begin() + static_cast<std::ptrdiff_t>(known_count)),
                         facts);
    }
    superseded = superseded_statements(facts);
    for (Figure& f : facts.figures) {
      if (f.mentions.size() > keep.max_mentions) {
        f.mentions.resize(keep.max_mentions);
        f.mentions.shrink_to_fit();
      }
    }
  }
  // A syndicated copy is another source for citations, not another vote for what matters.
  std::vector<bool> counts_for_support(documents.size(), true);
  if (opts.dedup && documents.size() > 1) {
    std::unordered_map<int, std::size_t> index_of;
    for (std::size_t d = 0; d < documents.size(); ++d) index_of[documents[d].article.id] = d;
    for (const std::vector<int>& group : find_duplicates(documents).groups) {
      for (std::size_t k = 1; k < group.size(); ++k) counts_for_support[index_of[group[k]]] = false;
    }
  }
  SentenceModel model(documents, opts, counts_for_support, known_count);
  if (!superseded.empty()) {
    std::unordered_map<int, std::uint32_t> doc_of;
    for (std::size_t d = 0; d < documents.size(); ++d) doc_of[documents[d].article.id] = static_cast<std::uint32_t>(d);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> withdrawn;
    for (const auto& [article, sentence] : superseded) withdrawn.emplace_back(doc_of[article], sentence);
    model.withdraw(withdrawn);
  }
  // What the reader has read is never chosen; it counts as covered and as shown (below).
  std::vector<std::size_t> known_sentences;
  if (known_count) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> withdrawn;
    for (std::size_t i = 0; i < model.sentences().size(); ++i) {
      const internal::SentenceInfo& s = model.sentences()[i];
      if (s.doc >= known_count) continue;
      withdrawn.emplace_back(s.doc, s.sentence);
      known_sentences.push_back(i);
    }
    model.withdraw(std::move(withdrawn));
  }
  const auto& sents = model.sentences();
  if (std::none_of(sents.begin(), sents.end(), [](const auto& s) { return s.candidate; })) {
    return Status(StatusCode::kEmpty, known_count ? "no new article has a complete sentence to brief from"
                                                  : "no article has a complete sentence to brief from");
  }
  internal::CitationFinder finder(model, documents, opts.citation_threshold);

  Brief brief;
  brief.known_articles = known_count;
  OutletTally outlets;
  for (const Document& d : new_documents) outlets.add(d.article.outlet);
  for (const Document& d : new_documents) brief.sources.push_back(source_info(d, outlets));

  internal::SelectionBudget budget{.words = opts.words, .sentences = opts.sentences, .seen = {}, .known = known_sentences};
  internal::HeadlineChoice choice;
  if (opts.headline) choice = internal::choose_headline(model, opts, known_sentences);
  const std::size_t headline = choice.chosen;
  if (headline != SIZE_MAX) {
    brief.has_headline = true;
    brief.headline = brief_sentence(model, documents, finder, headline, choice.score);
    budget.seen.push_back(headline);
    if (opts.budget_includes_headline && budget.words) {
      budget.words -= std::min<std::size_t>(budget.words, sents[headline].words);
    }
  }
  internal::Selection sel = select(model, documents, opts, budget);
  std::vector<std::size_t> order = sel.chosen;
  order_for_reading(order, model, documents);
  for (std::size_t i : order) {
    auto pos = std::find(sel.chosen.begin(), sel.chosen.end(), i) - sel.chosen.begin();
    brief.digest.push_back(brief_sentence(model, documents, finder, i, sel.scores[static_cast<std::size_t>(pos)]));
  }
  brief.facts = std::move(facts);
  return brief;
}

std::string event_title(const std::string& title, const Brief& brief) {
  if (title.empty() || !brief.has_headline || !states_replaced_count(title, brief.facts)) {
    return title.empty() && brief.has_headline ? brief.headline.text : title;
  }
  return brief.headline.text;
}

}  // namespace chorus
