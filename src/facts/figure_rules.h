// src/facts/figure_rules.h: the rules find_figures uses to read a count in a sentence
// (internal): number words and qualifiers (figure_words.cc), the cue words that say what
// was counted and where (figure_cues.cc), and figures whose unit is in the number itself,
// money, percentages, ages and durations (figure_units.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/facts.h"
#include "facts/tokens.h"

namespace chorus::internal::figures {

// figure_words.cc: words and numbers.
bool is_month(std::string_view w);
// Words that stop a cue scan: the clause has moved on to something else.
bool is_clause_break(const Token& t);
// Nouns that count people in general, not a group within them.
bool is_generic_people(std::string_view w);
// Words between a number and its cue that are part of the clause, not a new subject.
bool is_auxiliary(std::string_view w);
bool is_qualifier_word(std::string_view w);
// The qualifier written before token i ("at least", "around", "a total of").
std::string qualifier_before(const std::vector<Token>& tok, std::size_t i);
// Nouns for a person whose age an article gives.
bool is_person_noun(std::string_view w);
bool is_time_unit(std::string_view w);
// Words that name people by what befell them: "the 162 injured", "the 60 dead".
bool is_casualty_adjective(std::string_view w);

struct NumberAt {
  double value = -1;
  std::size_t first = 0, last = 0;  // token range of the number (multipliers included)
};
// A number starting at token i: digits, number words, "a dozen", with "million" etc.;
// value -1 when there is none (or it counts nothing: "no one", "Flight 111").
NumberAt number_at(const std::vector<Token>& tok, std::size_t i);
// Not a count: a time ("2.30pm"), a date ("22 March", "March 22", "2017"), an ordinal.
bool is_time_or_date(const std::vector<Token>& tok, const NumberAt& n);
// Words after token j until a break, as a short subject ("of the vote" -> "vote").
std::string words_after(const std::vector<Token>& tok, std::size_t j, std::size_t max_words);

// figure_cues.cc: counts of people and places, by the cue words around them.
// The kind a cue word after a number names ("were killed", "in hospital"), if any.
bool cue_after(const std::vector<Token>& tok, std::size_t j, FigureKind& kind);
// The kind a verb just before a number names ("killing three", "injured around 40").
bool cue_before(std::string_view w, FigureKind& kind);
// Whether the number counts animals ("200 dead birds"): no casualties.
bool counts_animals(const std::vector<Token>& tok, const NumberAt& n);
// The kind of a number at tok[n.first..n.last] from the words around it; fills subject,
// detail, and `also` when the number counts a second kind ("killing all 217 aboard").
bool casualty_kind(const std::vector<Token>& tok, const NumberAt& n, FigureKind& kind, std::string& subject,
                   std::string& detail, std::optional<FigureKind>& also);
// The place named after the preposition at token k ("in Catanduanes"); "" when none.
std::string place_after(const std::vector<Token>& tok, std::size_t k);
// A word that stands for a part of the event's area without naming it ("the province").
bool is_generic_place(std::string_view w);
// The place a count is of, when its clause names one; "" otherwise.
std::string place_of(const std::vector<Token>& tok, const NumberAt& n);
// Keeps a mention's place only where it is a part of a larger count of the article.
void keep_places_of_parts(std::vector<FigureMention>& mentions);

// figure_units.cc: money, percentages, ages and durations. May extend n past the unit.
bool unit_kind(const std::vector<Token>& tok, NumberAt& n, FigureKind& kind, std::string& subject);
// What a duration is of: "a 72-hour strike", "14 months of captivity"; "" when unsaid.
std::string duration_of(const std::vector<Token>& tok, const NumberAt& n);

}  // namespace chorus::internal::figures
