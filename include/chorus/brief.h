// include/chorus/brief.h: an attributed brief of one event from its articles.
// Usage:
//   chorus::Result<chorus::Brief> brief = chorus::make_brief(corpus.documents, {.words = 120});
//   if (!brief.ok()) return brief.status();
//   for (const chorus::BriefSentence& s : brief->digest) print(s.text, s.citations);
// A brief is extractive: every sentence is a cleaned sentence of one article, and each
// carries citations to every article that says the same thing (found by near-paraphrase
// matching), with byte spans into each article's text for highlighting.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "chorus/corpus.h"
#include "chorus/facts.h"
#include "chorus/status.h"

namespace chorus {

// How sentences are scored and picked; swappable so `chorus eval` can compare them.
enum class RankMethod {
  kConceptCoverage,  // greedy maximum coverage of bigram concepts weighted by how many sources
                     // state them, with a lead-position prior (default)
  kCentroid,         // similarity to the cluster's TF-IDF centroid, MMR redundancy control
  kLead,             // first sentences of the earliest article (a baseline)
  kRandom,           // random candidate sentences, seeded by BriefOptions::random_seed (a baseline)
};

struct BriefOptions {
  std::size_t words = 120;              // digest length budget in words (0 = no word limit)
  std::size_t sentences = 0;            // digest length in sentences (0 = no sentence limit)
  RankMethod method = RankMethod::kConceptCoverage;
  bool headline = true;                 // pick a headline sentence (false: digest only, for baselines)
  std::size_t max_headline_words = 35;  // the headline is a single sentence no longer than this
  bool budget_includes_headline = false;  // count the headline against `words` (for ROUGE-style output)
  std::size_t min_sentence_words = 6;   // shorter sentences are not candidates
  std::size_t max_sentence_words = 70;  // longer sentences are not candidates (0 = no limit)
  double redundancy_threshold = 0.5;    // cosine above which a sentence repeats a chosen one
  double citation_threshold = 0.6;      // idf-weighted overlap for a near-paraphrase citation
  unsigned random_seed = 1;             // for RankMethod::kRandom
  bool dedup = true;                    // near-identical copies add citations but no concept support
                                        // (false = every article counts)
  bool facts = true;                    // extract key figures, quotes, entities and the timeline
  // An update brief: articles the reader has already read (kept alive by the caller). What
  // they say counts as told: their sentences are never chosen or cited, a sentence that
  // repeats one of them is left out, and the headline says what the new articles add.
  std::span<const Document> known;
  // A focused brief: what the reader asks about ("the investigation", a topic statement).
  // Sentences with its words, and with the words the event uses beside them, rank higher.
  std::string focus;
};

// One article that carries a sentence's information.
struct Citation {
  int article_id = 0;             // Article::id
  std::uint32_t sentence = 0;     // Sentence::index in that article
  Span source;                    // bytes of that article's Article::text
  Span source_chars;              // the same span in code points
  double similarity = 0;          // 1 for the sentence's own article
};

struct BriefSentence {
  std::string text;                 // the cleaned sentence
  int article_id = 0;               // the article it was taken from
  std::uint32_t sentence = 0;       // its Sentence::index there
  Span source;                      // its bytes in that Article::text
  Span source_chars;                // the same span in code points
  double score = 0;                 // ranking score (method-specific, higher is better)
  std::vector<Citation> citations;  // every supporting article, ascending id; includes its own
};

struct SourceInfo {
  int article_id = 0;
  std::string outlet, date, title, byline, url, path;
  std::size_t line = 0;  // JSONL line, 0 for whole files
  std::size_t words = 0; // words of cleaned text
  std::string language;  // as the source tagged it, "" when it did not
};

struct Brief {
  bool has_headline = false;
  BriefSentence headline;             // valid when has_headline
  std::vector<BriefSentence> digest;  // in reading order
  std::vector<SourceInfo> sources;    // one per input article, by id
  Facts facts;                        // when BriefOptions::facts
  std::size_t known_articles = 0;     // an update brief: how many articles the reader had read
};

// Fails with kEmpty when no document has a usable sentence.
Result<Brief> make_brief(const std::vector<Document>& documents, const BriefOptions& opts = {});

// An event's title that agrees with its brief's facts: `title` (the clusterer's, an
// article's headline), unless it states a count the facts show as replaced ("Blast
// injures 12" once sources revised it to 15); then the brief's headline sentence.
std::string event_title(const std::string& title, const Brief& brief);

}  // namespace chorus
