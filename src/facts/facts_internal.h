// src/facts/facts_internal.h: the parts of extract_facts (internal).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chorus/facts.h"
#include "facts/tokens.h"

namespace chorus::internal {

// A person, organisation or place named in one document, in text order.
struct NameMention {
  std::string name;       // the name without its title ("Theresa May", "Rowley")
  std::string title;      // "Prime Minister", "Mrs", "" when none
  EntityKind kind = EntityKind::kPerson;
  std::uint32_t sentence = 0;
  std::size_t offset = 0; // byte offset of the mention in the cleaned text
};

// Word lists shared by names and speakers (entities.cc).
bool is_title(std::string_view lower);        // "mr", "sir", "minister", "president" ...
bool is_office_word(std::string_view lower);  // "health" in "Health Secretary"
bool is_org_word(std::string_view lower);     // "police", "union", "museum" ...
bool is_place_word(std::string_view lower);   // "street", "bridge", "river" ...
bool one_edit_apart(std::string_view a, std::string_view b);  // "Nahcman" / "Nachman"

// Nouns for a role that open a sentence before a name ("Witness Grace Mbeki said").
bool is_role_noun(std::string_view lower);

// The name a short form stands for ("IS" -> "Islamic State", "Met Police" ->
// "Metropolitan Police"), else the name itself.
std::string_view canonical_name(std::string_view name);

// Countries, regions and continents ("United States", "Portugal", "Middle East"), lower case.
bool is_country(std::string_view name_lower);

// Names in a document's sentences, in order.
std::vector<NameMention> find_names(const Document& doc);
// The names of sentences [first, last), appended to `out`.
void find_names_in(const Document& doc, std::size_t first, std::size_t last, std::vector<NameMention>& out);

// The sex a given name ("Matthew"), a title or a pronoun ("Mrs", "she") usually marks;
// unknown for most words. Two clash only when both are known and differ.
enum class NameSex { kUnknown, kMale, kFemale };
NameSex first_name_sex(std::string_view first);
NameSex sex_of_word(std::string_view word);
bool sexes_clash(NameSex a, NameSex b);

// An abbreviated person mention, read once: its title ("mrs", "sir", "prime minister")
// and its name words ("May"); no words for a role alone ("the PM").
struct PersonMention {
  std::vector<std::string> words;
  std::string title;
};
PersonMention read_person_mention(std::string_view written);

// The full name an abbreviated person mention ("Mrs May", "Sir Michael", "the Prime
// Minister") refers to among the names seen before it, or "" when none.
std::string resolve_person(const PersonMention& mention, std::span<const NameMention> before);
std::string resolve_person(std::string_view written, std::span<const NameMention> before);

// Whether the text has any quote mark at all.
bool has_quote_marks(std::string_view text);

// The quotations of one document, speakers resolved with its names.
// The quotations of one document with their speakers (names are found only as needed).
std::vector<Quote> quotes_of(const Document& doc);

std::vector<Entity> find_entities(const std::vector<Document>& documents, std::size_t max_entities);
std::vector<Quote> merge_quotes(const std::vector<Document>& documents);
std::vector<TimelineEntry> build_timeline(const std::vector<Document>& documents, std::size_t max_entries);

// Lower-case letters and digits only, single spaces: for matching quotes across sources.
std::string normalise_for_match(std::string_view text);

}  // namespace chorus::internal
