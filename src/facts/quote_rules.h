// src/facts/quote_rules.h: the parts of finding who said what (internal): pairing
// quotation marks in a paragraph (quote_marks.cc), reading the speaker phrase at a speech
// verb (speaker_phrase.cc) and around a quotation (speaker_clause.cc), and resolving it
// (speakers.cc). quotes.cc strings them together.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/facts_internal.h"
#include "facts/tokens.h"

namespace chorus::internal {

// quote_marks.cc
struct Segment {
  std::size_t begin = 0, end = 0;  // the quoted words, in the cleaned text (marks excluded)
  std::size_t open = 0, close = 0; // the marks' offsets (close = end of text when left open)
  bool closed = true;
  std::uint32_t paragraph = 0;
};
// Quote segments of one paragraph [begin, end) of the cleaned text.
std::vector<Segment> pair_marks(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t paragraph);
// One or two quoted words that mark a term, not who said what ("a 'peripheral' figure").
bool is_scare_quote(std::string_view quoted, std::string_view before);

// speaker_phrase.cc
bool is_pronoun(std::string_view w);
bool is_speech_verb(std::string_view w);  // "said", "told", "stressed", "was quoted as saying" ...
// A quotation that is the title of a book, film or report ("his book ``The Malaria
// Capers''", "``Hate Crimes: The Rising Tide'' (Plenum Press, 1993)"): nobody says it.
bool is_work_title(std::string_view quoted, std::string_view before, std::string_view after);
bool is_speech_verb_at(const std::vector<Token>& tok, std::size_t k);  // not "United States"
// Abbreviations whose full stop a number follows: "No. 1", "Dec. 20".
bool abbreviates_before_number(std::string_view w);
// Whether the mark at tok[k] ends a sentence (not "Gov." nor "John F. Kennedy").
bool ends_sentence(const std::vector<Token>& tok, std::size_t k);
// A day or month ("Muasher Friday" says when; "May" stays a surname).
bool is_day_or_month(std::string_view w);
// A day or month at tok[k] that says when ("said June 5"), not a first name ("June Arnette").
bool is_when(const std::vector<Token>& tok, std::size_t k);
// Sentence-initial capitalised words that are no part of a name ("But", "The", "Last").
bool is_sentence_connective(std::string_view w);
// Titles and offices before a name ("Mr", "Defence Secretary").
bool is_title_word(std::string_view w);
// The full name a speaker phrase gives by itself ("Mayor Janet Osei" -> "Janet Osei"), or
// "" when it needs the names around it (a pronoun, "Mr Rowley", "the PM").
std::string name_in_phrase(const std::string& phrase);
// A person described, not named ("a U.N. source" -> "U.N. source"); "" for other phrases.
std::string described_speaker(const std::string& phrase);
// The speaker phrase for a speech verb at tok[v]: the name, pronoun or "the ..." phrase
// before it, or (when `after`) the one after it.
std::string speaker_near_verb(const std::vector<Token>& tok, std::size_t v, bool after);
// The speaker phrase for a quotation from the words before and after it in its sentence;
// `partial`: words of the sentence come before it; `verb_found`: a speech verb attributes it.
std::string speaker_phrase(std::string_view before, std::string_view after, bool& partial, bool& verb_found);

// speakers.cc

// The last person quoted in an article, and where.
struct LastSpeaker {
  std::string name;
  std::size_t offset = 0;  // where their quotation was
};

// The names of each sentence of an article, and who speaks in it, found on first need and
// kept, so resolving speakers reads each sentence at most once and usually only the few
// before a quotation.
class NameCache {
 public:
  explicit NameCache(const Document& doc);
  const std::vector<NameMention>& sentence(std::size_t k);
  // Who a sentence without quotation marks says is speaking ("Olin said there were ..."), or "".
  const std::string& subject(std::size_t k);
  // The full name a short mention ("Mr Rowley", "Sir Michael", "the PM") stands for: the
  // nearest fitting name before `offset`, looking back from sentence `from`; "" if none.
  std::string resolve(std::string_view written, std::size_t from, std::size_t offset);

 private:
  const Document& doc_;
  std::vector<std::optional<std::vector<NameMention>>> by_sentence_;
  std::vector<std::optional<std::string>> subject_of_;
};

// "the statement said", "the report added": a document, whoever wrote it said before.
bool is_bare_document(const std::string& phrase);

// The speaker `phrase` names for a quotation at `offset` in sentence `sentence_index`,
// resolved with the article's names; "" when unknown.
std::string speaker_of(NameCache& names, const Document& doc, const std::string& phrase, std::size_t sentence_index,
                       std::size_t offset, const LastSpeaker& last);

}  // namespace chorus::internal
