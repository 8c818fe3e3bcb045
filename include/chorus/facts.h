// include/chorus/facts.h: what the sources state, and where they agree or not.
// Usage:
//   chorus::Facts facts = chorus::extract_facts(corpus.documents);
//   for (const chorus::Figure& f : facts.figures) print(f.kind, f.value, f.status);
//   for (const chorus::Quote& q : facts.quotes) print(q.speaker, q.text, q.sources);
// Everything is found with rules over the cleaned text (number words, cue words, quote
// marks, capitalisation, titles), never a trained model. Boilerplate never reaches here:
// the cleaner has already dropped "READ MORE: Seven arrested ..." lines. Every item keeps
// the article and byte spans it came from, so a reader can check it.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/corpus.h"

namespace chorus {

enum class FigureKind : std::uint8_t {
  kDead, kInjured, kInHospital, kCritical, kMissing, kRescued, kArrested, kCharged, kRaided,
  kEvacuated, kHomeless, kOnBoard, kMoney, kPercent, kAge, kDuration,
};
// "dead", "injured", "in hospital", "critical", "missing", "rescued", "arrested", "charged",
// "raided", "evacuated", "homeless", "on board", "money", "percent", "age", "duration".
std::string_view figure_kind_name(FigureKind kind);
// The kind a name above stands for, or nullopt.
std::optional<FigureKind> parse_figure_kind(std::string_view name);
// Whether a kind is one quantity per kind and group that sources may disagree on or revise
// (counts of people, percentages), rather than separate facts per value (sums of money,
// ages, durations: two ages are two people, not a conflict).
bool is_revisable_quantity(FigureKind kind);

// Where a figure stands across the sources.
enum class FigureStatus : std::uint8_t {
  kSingle,    // one source states it
  kAgreed,    // several sources give the same value
  kConflict,  // outlets give different values for the same day, and none says it changed
  kRevised,   // a source reports a change ("revised down to four"), or the value changes
              // over time ("17 missing", a day later "15 missing"; an outlet updating its
              // own figure). "More than 30" and 34 agree: a bound and a value within it.
};
std::string_view figure_status_name(FigureStatus status);

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// One statement of a figure in one sentence of one article.
struct FigureMention {
  FigureKind kind = FigureKind::kDead;
  double value = 0;
  std::string as_written;       // "four", "around 40", "£2.5 million"
  std::string qualifier;        // "at least", "around", "more than", "total", or ""
  std::string subject;          // a group other than people in general ("police officers"),
                                // or what a money/percent/age/duration figure is of
  std::string detail;           // "including a police officer and the assailant"
  std::string place;            // where the count applies when the sentence says ("Nairobi"), else ""
  double previous = kNoValue;   // the earlier value the same sentence says it replaced
  bool earlier = false;         // given as a figure since replaced ("had earlier put the number at five")
  bool update = false;          // given as the new value of a change ("the toll has risen to 151")
  int article_id = 0;
  std::uint32_t sentence = 0;   // Sentence::index
  Span source;                  // the sentence's bytes in Article::text
  Span figure_source;           // the figure's own bytes in Article::text
  std::string date;             // the article's date
  std::string outlet;           // the article's outlet: an outlet's later figure replaces its own earlier one
};

// One figure of the event (a kind and subject) with every mention of it.
struct Figure {
  FigureKind kind = FigureKind::kDead;
  std::string subject;
  std::string place;             // a place of its own ("Nairobi"), or "" for the whole event
  double value = 0;              // the current value: the revised one, else the most cited
  std::string qualifier;         // of that value
  FigureStatus status = FigureStatus::kSingle;
  double previous = kNoValue;    // for kRevised: the value it replaced
  std::vector<double> values;    // every distinct value reported, ascending
  std::vector<int> sources;      // articles that state it, ascending
  std::vector<FigureMention> mentions;
};

struct QuoteSource {
  int article_id = 0;
  std::uint32_t sentence = 0;   // Sentence::index of the sentence where the quote starts
  Span source;                  // the quotation's bytes in Article::text (marks excluded)
  std::string speaker_as_written;  // "He", "Mr Rowley", "the IS statement"
};

struct Quote {
  std::string speaker;          // resolved full name or organisation; "" when unknown
  std::string text;             // the quoted words (first source's wording)
  bool partial = false;         // a few quoted words inside a reported sentence
  std::vector<QuoteSource> sources;  // every article that carries it, ascending
};

enum class EntityKind : std::uint8_t { kPerson, kOrganisation, kPlace };
std::string_view entity_kind_name(EntityKind kind);

struct Entity {
  std::string name;              // the fullest form seen ("Theresa May")
  EntityKind kind = EntityKind::kPerson;
  std::string role;              // title or role the text gives ("Prime Minister")
  std::vector<std::string> aliases;  // other forms merged into it ("Mrs May", "the PM")
  std::size_t mentions = 0;
  std::vector<int> sources;      // articles that mention it, ascending
  struct Where {
    int article_id = 0;
    Span source;                 // the mention's bytes in Article::text
  };
  std::vector<Where> where;      // the first mention in each source
};

struct TimelineSource {
  int article_id = 0;
  std::uint32_t sentence = 0;
  Span source;                   // the sentence's bytes in Article::text
};

// A dated statement: a sentence whose time expression resolves to an absolute date.
struct TimelineEntry {
  std::string date;              // YYYY-MM-DD
  std::string time;              // "14:30" when the sentence gives one, else ""
  std::string expression;        // "on Wednesday", "yesterday", "shortly after 1.30am"
  std::string text;              // the sentence
  std::vector<TimelineSource> sources;
};

struct Facts {
  std::vector<Figure> figures;        // casualty counts first, then the rest; by kind
  std::vector<Quote> quotes;          // in order of first appearance
  std::vector<Entity> entities;       // most mentioned first
  std::vector<TimelineEntry> timeline;  // by date and time
};

struct FactsOptions {
  std::size_t max_figures = 40;    // keep counts of people in general, then the most cited
  std::size_t max_single_figures = 8;  // money/percent/age/duration figures from one source
  std::size_t max_quotes = 50;     // keep the most cited (a large event has thousands)
  std::size_t max_mentions = 12;   // mentions kept per figure (its sources are all listed)
  std::size_t max_entities = 30;   // keep the most mentioned
  std::size_t max_timeline = 20;   // keep the earliest-dated, most-cited entries
};

Facts extract_facts(const std::vector<Document>& documents, const FactsOptions& opts = {});

// The figure mentions of one document (what extract_facts gathers), for evaluation.
std::vector<FigureMention> find_figures(const Document& doc);
// The quotes of one document with their speakers resolved inside it.
std::vector<Quote> find_quotes(const Document& doc);

// A date resolved from a time expression relative to the article's date (YYYY-MM-DD):
// "on Wednesday" -> the last Wednesday on or before it, "yesterday" -> the day before,
// "22 March" -> that day of the article's year; "" when nothing resolves.
std::string resolve_date(std::string_view expression, std::string_view article_date);

// ---- Evaluation against hand-labelled facts (`chorus eval facts`) ----

// The facts a person labelled in one article (a JSONL line of the input).
struct FactsGold {
  std::string path;                                         // ends the article's path ("" = any)
  std::size_t line = 0;                                     // the article's JSONL line (0 = a text file)
  std::vector<std::pair<std::string, double>> figures;      // kind name, value
  std::vector<std::pair<std::string, std::string>> quotes;  // speaker, first words of the quote
  std::string set;                                          // "tune", "heldout" or "" (labelled/real/)
};

// The labelled standing of one figure of an event over its labelled articles
// (labelled/real/statuses.jsonl).
struct StatusGold {
  std::string event;      // the articles' folder: the cluster id ("d31022t")
  std::string set;        // the labelled set whose articles of the event it covers, "" for all
  std::string kind;       // figure kind name
  std::string subject;    // a group ("soldiers") or ""
  std::string place;      // where, when an event has tolls per place; "" for the whole event
  FigureStatus status = FigureStatus::kSingle;
  double current = 0;     // the latest value
  std::vector<double> values;  // every value the labelled articles give
};

struct StatusResult {
  StatusGold gold;
  bool found = false;             // a figure of that kind, subject and place
  bool by_value = false;          // found as the figure of that kind giving the labelled values
                                  // (its subject or place named otherwise, or not at all)
  FigureStatus status = FigureStatus::kSingle;
  double value = kNoValue;
  bool status_right() const { return found && status == gold.status; }
  bool value_right() const { return found && value == gold.current; }
};

// Scores each status against the figures extract_facts finds in `documents` (the event's
// labelled articles): the figure with the label's kind, subject and place; failing that,
// the figure of that kind that gives most of the labelled values.
std::vector<StatusResult> score_statuses(const std::vector<Document>& documents, const std::vector<StatusGold>& gold);

struct PrecisionRecall {
  std::size_t system = 0, gold = 0;        // items found, items labelled
  std::size_t correct_system = 0;          // found items that match a label
  std::size_t correct_gold = 0;            // labels that some found item matches
  double precision() const { return system ? static_cast<double>(correct_system) / static_cast<double>(system) : 0; }
  double recall() const { return gold ? static_cast<double>(correct_gold) / static_cast<double>(gold) : 0; }
};

struct FactsScore {
  PrecisionRecall figures;   // (kind, value) per article
  PrecisionRecall quotes;    // quotation text per article
  PrecisionRecall speakers;  // of matched quotes: is the speaker right (system = those with a speaker,
                             // gold = labels that name one)
  PrecisionRecall speaker_accuracy;  // of matched quotes (gold): speaker right, or none where the label has none
  std::vector<std::pair<std::string, PrecisionRecall>> figures_by_kind;  // by kind name, sorted
  std::vector<std::string> notes;  // every miss and false find, "line N: ..."
};

// Scores each document against the gold entry with its path and line (others are ignored).
FactsScore score_facts(const std::vector<Document>& documents, const std::vector<FactsGold>& gold);

}  // namespace chorus
