// Who said a quotation: its speaker phrase (speaker_phrase.cc) resolved with the
// article's names: pronouns to the person meant, short names to full ones, "the company"
// to the organisation named before, "the message" to its writer, acronyms to their full
// name.
#include <algorithm>
#include <set>

#include "base/string_util.h"
#include "facts/quote_rules.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

// What a group or office speaks through: "a Cabinet statement said".
bool is_document_noun(std::string_view w) {
  static const WordSet kWords{"statement", "statements", "communique", "leaflet", "letter", "release", "announcement",
                              "message", "report", "notice", "website", "broadcast", "note", "memo", "memorandum",
                              "e-mail", "email", "document", "editorial", "ad", "advertisement", "commercial"};
  return kWords.contains(w);
}

}  // namespace

// "the message said", "the letter said": the words of whoever wrote it, said before.
bool is_bare_document(const std::string& phrase) {
  TokenList tok = tokenize_sentence(phrase);
  const std::size_t first = !tok.empty() && one_of(tok[0].lower, {"the", "a", "an", "his", "her", "their"}) ? 1 : 0;
  return tok.size() == first + 1 && is_document_noun(tok[first].lower);
}

namespace {

// The speaker a (non-pronoun) phrase names: a full name as written, else the full name a
// short one stands for (`resolve` looks back through the article), else the phrase itself
// without its article ("IS statement", "company").
template <typename Resolve>
std::string resolve_speaker(const std::string& written, Resolve&& resolve) {
  if (written.empty()) return "";
  // "Arafat Arafat": a doubled word (a wire typo) is the one word.
  std::string phrase = written;
  if (std::size_t sp = phrase.find(' '); sp != std::string::npos && phrase.compare(sp + 1, std::string::npos, phrase, 0, sp) == 0) {
    phrase.resize(sp);
  }
  std::string direct = name_in_phrase(phrase);
  if (!direct.empty()) return direct;
  TokenList tok = tokenize_sentence(phrase);
  const bool has_article = !tok.empty() && one_of(tok[0].lower, {"the", "a", "an", "one"});
  std::string full = resolve(phrase);
  if (!full.empty()) return full;
  // An organisation or a role that names no one: keep it, without its article; "a Cabinet
  // statement", "the group's leaflet" speak for the Cabinet, the group.
  std::size_t end = tok.size();
  if (end > (has_article ? 2u : 1u) && is_document_noun(tok[end - 1].lower)) --end;
  std::string out;
  for (std::size_t j = has_article ? 1 : 0; j < end; ++j) append_word(out, tok[j].text);
  for (std::string_view pos : {"\xE2\x80\x99s", "'s"}) {
    if (out.ends_with(pos)) out.resize(out.size() - pos.size());
  }
  return std::string(canonical_name(out));  // "the IS statement" speaks for Islamic State
}

// Whether a lower-case word of the text is a speech verb: most sentences have none, and
// this needs no tokens.
bool has_speech_verb(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (!is_ascii_lower(text[i])) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < text.size() && is_ascii_alpha(text[e])) ++e;
    if (e - i >= 4 && is_speech_verb(text.substr(i, e - i))) return true;
    i = e;
  }
  return false;
}

// The person a sentence without quotation marks says is speaking: "Olin said there
// were ...", "Yaakov Perry, former head of ..., told The Associated Press that ...".
std::string speech_subject(NameCache& names, const Document& doc, std::size_t k) {
  const std::string_view text = doc.sentence_text(doc.sentences[k]);
  // (A sentence quoting someone speaks for its own quotation; an apostrophe is no quote.)
  const bool quotes = text.find('"') != std::string_view::npos || text.find("\xE2\x80\x9C") != std::string_view::npos ||
                      text.find("\xE2\x80\x9D") != std::string_view::npos;
  if (quotes || !has_speech_verb(text)) return "";
  TokenList tok = tokenize_sentence(text);
  // (Far enough for a long apposition: "Carl Locke, director of client services at the
  // Gay and Lesbian Anti-Violence Project, a nonprofit organization that ..., said".)
  // ("..., may be necessary, Mead said." ends a long sentence: the verb may come late.)
  for (std::size_t v = 1; v < tok.size() && v < 120; ++v) {
    if (!is_speech_verb_at(tok, v)) continue;
    // "..., said a spokesman for the committee, Mike Russell.": the speaker follows.
    // "Yaakov Perry, former head of ..., told The Associated Press": the subject first.
    std::string phrase = speaker_near_verb(tok, v, false);
    if (tok[v - 1].text == "," && v + 1 < tok.size()) {
      std::string after = speaker_near_verb(tok, v, true);
      // "That is enough to keep them content, said student Eric Lane": a name right after
      // the verb speaks, whatever the clause before names.
      std::size_t first_capital = v + 1;
      while (first_capital < tok.size() && first_capital < v + 5 && !tok[first_capital].capitalised) ++first_capital;
      // ("..., said Goldstein of the industry group": a surname right after "said" too, not
      // the object of "told TT".)
      const bool named_after = first_capital < v + 5 && (!name_in_phrase(after).empty() ||
                                                         (first_capital == v + 1 && one_of(tok[v].lower, {"said", "says", "added", "adds"}) &&
                                                          !after.empty() && is_ascii_upper(after[0]) &&
                                                          after.find(' ') == std::string::npos));
      if (named_after || ((phrase.empty() || !is_ascii_upper(phrase[0])) && !after.empty())) phrase = after;
    }
    // "a U.N. source said on condition of anonymity": a described speaker, "he" after it.
    if (std::string described = described_speaker(phrase); !described.empty()) return described;
    // ("In a statement, the WHO said": the organisation, without its article.)
    if ((phrase.starts_with("the ") || phrase.starts_with("The ")) && phrase.size() > 4 && is_ascii_upper(phrase[4])) {
      phrase.erase(0, 4);
    }
    if (phrase.empty() || is_pronoun(phrase) || !is_ascii_upper(phrase[0])) return "";
    std::string direct = name_in_phrase(phrase);
    if (!direct.empty()) return direct;
    const std::size_t words = static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    // "Ms. Maple said she ...": an honorific and a surname name someone too.
    const bool honorific = words == 2 && is_title(lower_word(phrase.substr(0, phrase.find_first_of(". "))));
    if (words != 1 && !honorific) return "";
    // ("One hostage, released this year ..., described ...": a number is no one's name.)
    // ("One hostage, ... described": the person the number counts, "hostage".)
    if (words == 1 && number_word_value(lower_word(phrase)) > 0) {
      const bool described = tok.size() > 2 && tok[0].text == phrase && tok[1].type == Token::kWord &&
                             !tok[1].capitalised && tok[2].text == ",";
      return described ? std::string(tok[1].lower) : "";
    }
    std::string full = names.resolve(phrase, k, doc.sentences[k].span.begin + tok[v].begin);
    return full.empty() ? phrase : full;  // "Gates wrote": the name as the article gives it
  }
  return "";
}

// "Amnesty International ... In a statement, the group said": the organisation a "the
// group", "the agency", "the ministry" stands for, named in the last few sentences; one
// whose name holds the noun first ("the agency" -> "Interfax news agency"). "" if none.
std::string organisation_meant(NameCache& names, const Document& doc, std::string_view written, std::size_t sentence,
                               std::size_t offset) {
  TokenList tok = tokenize_sentence(written);
  if (tok.size() != 2 || tok[0].lower != "the") return "";
  static const WordSet kNouns{"group", "organization", "organisation", "agency", "company", "ministry", "council",
                              "commission", "committee", "party", "union", "association", "newspaper", "paper",
                              "network", "army", "government", "court", "tribunal", "board", "firm", "bank",
                              "embassy", "movement", "center", "centre", "institute", "foundation", "department",
                              "office", "airline", "coalition", "alliance", "federation"};
  const std::string_view noun = tok[1].lower;
  if (!kNouns.contains(noun)) return "";
  // "Doctors Without Borders \"can no longer tolerate ...\" the group said": the name that
  // opens the quotation's own sentence.
  if (sentence < doc.sentences.size() && offset > doc.sentences[sentence].span.begin) {
    const Sentence& s = doc.sentences[sentence];
    const TokenList opening = tokenize_sentence(doc.sentence_text(s).substr(0, offset - s.span.begin));
    std::string name;
    std::size_t words = 0;
    bool all_name = !opening.empty() && opening[0].capitalised;
    for (const Token& t : opening) {
      if (t.type == Token::kMark && is_quote_mark(t.text)) continue;
      all_name = all_name && t.type == Token::kWord && (t.capitalised || one_of(t.lower, {"of", "for", "and"}));
      append_word(name, t.text);
      ++words;
    }
    if (all_name && words >= 2 && words <= 6) return name;
  }
  std::string nearest;
  constexpr std::size_t kLookBack = 4;
  for (std::size_t k = std::min(sentence + 1, doc.sentences.size()); k-- > 0 && sentence - k <= kLookBack;) {
    const std::vector<NameMention>& here = names.sentence(k);
    for (auto it = here.rbegin(); it != here.rend(); ++it) {
      if (it->offset >= offset || it->kind != EntityKind::kOrganisation || it->name.empty()) continue;
      if (lower_word(it->name).find(noun) != std::string::npos) return it->name;
      if (nearest.empty()) nearest = it->name;
    }
  }
  return nearest;
}

// The capitalised word that opens a sentence when a verb follows it ("Castro had ...",
// "Shirvani came to ..."); "" otherwise.
std::string opening_name(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && !is_ascii_alpha(text[i])) ++i;
  std::size_t e = i;
  while (e < text.size() && (is_ascii_alpha(text[e]) || text[e] == '-')) ++e;
  if (e == i || !is_ascii_upper(text[i]) || e >= text.size() || (text[e] != ' ' && !text.substr(e).starts_with(", who ")))
    return "";
  const std::string first(text.substr(i, e - i));
  // ("Then Boies indicated ...", "But Smith said": past the connective.)
  if (is_sentence_connective(lower_word(first)) && e + 1 < text.size() && is_ascii_upper(text[e + 1]) &&
      !one_of(lower_word(first), {"the", "a", "an", "this", "that"})) {
    return opening_name(text.substr(e + 1));
  }
  // ("As he did in the Friday debate, Spitzer provided ...", "At a news conference, Condon
  // accepted ...": past a short opening clause or phrase;
  // "As far as she is concerned, Slepian gave her ..." is about her, not Slepian.)
  const bool about_someone = text.substr(i).starts_with("As far as") || text.substr(i).starts_with("As for");
  if (!about_someone &&
      one_of(lower_word(first), {"as", "when", "after", "before", "while", "although", "though", "since", "if", "at",
                                 "during", "on", "in"})) {
    const std::size_t comma = text.find(", ", e);
    if (comma != std::string_view::npos && comma - e < 60) return opening_name(text.substr(comma + 2));
  }
  if (is_sentence_connective(lower_word(first)) || is_pronoun(lower_word(first)) ||
      one_of(lower_word(first), {"i", "we", "you", "it"})) {
    return "";
  }
  // "Berezovsky _ who has played an open role ... _ has routinely denied", "Smith, who
  // ..., said": an aside after the name leaves it the subject.
  const std::string_view rest = text.substr(e);
  if (rest.starts_with(" _ ") || rest.starts_with(" -- ") || rest.starts_with(" \xE2\x80\x94 ") ||
      rest.starts_with(", who ")) {
    return first;
  }
  std::size_t b = e + 1, f = b;
  while (f < text.size() && is_ascii_lower(text[f])) ++f;
  const std::string_view verb = text.substr(b, f - b);
  const bool verb_like = verb.size() > 2 && (verb.ends_with("ed") || verb.ends_with("s") ||
                                             one_of(verb, {"had", "was", "came", "went", "said", "told", "met", "made",
                                                           "took", "gave", "wrote", "spoke", "left", "sent", "held", "put",
                                                           "got", "ran", "saw", "found", "brought", "kept", "felt", "began",
                                                           "stood", "sat", "won", "lost", "paid", "led", "knew", "thought",
                                                           "heard", "set", "cut", "let", "hit", "shot", "fled", "grew"}));
  return verb_like ? first : "";
}

// Whether a sentence's first word is `word` (any case): "He said ..." for "he".
bool opens_with_word(std::string_view text, std::string_view word) {
  std::size_t i = 0;
  while (i < text.size() && !is_ascii_alpha(text[i])) ++i;
  std::size_t e = i;
  while (e < text.size() && is_ascii_alpha(text[e])) ++e;
  return !word.empty() && lower_word(text.substr(i, e - i)) == word;
}

// Whether offset `at` of the text lies inside quotation marks opened before it.
bool inside_quotes(std::string_view text, std::size_t at) {
  int open = 0;
  bool straight = false;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '"') straight = !straight;
    if (text.compare(i, 3, "\xE2\x80\x9C") == 0) ++open;
    if (text.compare(i, 3, "\xE2\x80\x9D") == 0 && open > 0) --open;
  }
  return straight || open > 0;
}

// The people a sentence names, outside any quoted title ("an author of “Hate Crimes: The
// Rising Tide”" names no Rising Tide).
std::size_t people_in(const std::vector<NameMention>& names, const Document& doc, const Sentence& sentence) {
  std::set<std::string> people;
  const std::string_view text = doc.sentence_text(sentence);
  for (const NameMention& n : names) {
    if (n.kind != EntityKind::kPerson || n.name.find(' ') == std::string::npos) continue;
    if (!inside_quotes(text, n.offset - sentence.span.begin)) people.insert(n.name);
  }
  return people.size();
}

// "A newswoman in a small restaurant ...": the noun of a sentence that opens by describing a
// woman (or a man) without a name, when `sex` is hers (his); "" otherwise.
std::string described_opening(std::string_view text, NameSex sex) {
  if (sex == NameSex::kUnknown) return "";
  static const WordSet kFemale{"woman", "newswoman", "girl", "mother", "grandmother", "widow", "businesswoman",
                               "policewoman", "spokeswoman", "housewife", "nun", "actress"};
  static const WordSet kMale{"man", "newsman", "boy", "father", "grandfather", "widower", "businessman",
                             "policeman", "spokesman", "priest", "actor"};
  const TokenList tok = tokenize_sentence(text.substr(0, std::min<std::size_t>(text.size(), 60)));
  if (tok.empty() || !one_of(tok[0].lower, {"a", "an"})) return "";
  // ("A 42-year-old man who says ...": an age among the words before the noun.)
  for (std::size_t j = 1; j < tok.size() && j <= 5 && !tok[j].capitalised &&
                          (tok[j].type != Token::kMark || tok[j].text == "-");
       ++j) {
    const bool match = sex == NameSex::kFemale ? kFemale.contains(tok[j].lower) : kMale.contains(tok[j].lower);
    if (match) return std::string(tok[j].lower);
  }
  return "";
}

// The group a sentence says spoke, described without a name ("A group of 29 British
// rights organizations said"), without its article; "" otherwise.
std::string group_speaking(const Document& doc, std::size_t k) {
  const TokenList tok = tokenize_sentence(doc.sentence_text(doc.sentences[k]));
  for (std::size_t v = 2; v < tok.size() && v < 40; ++v) {
    if (!is_speech_verb_at(tok, v)) continue;
    if (!one_of(tok[0].lower, {"a", "an", "the"})) return "";
    static const WordSet kGroups{"group", "groups", "organizations", "organisations", "coalition", "alliance",
                                 "activists", "protesters", "residents", "officials", "lawyers", "leaders"};
    bool group = false;
    std::string phrase;
    for (std::size_t j = 1; j < v; ++j) {
      if (tok[j].type != Token::kWord && tok[j].type != Token::kNumber) return "";
      group = group || kGroups.contains(tok[j].lower);
      append_word(phrase, tok[j].text);
    }
    return group && v <= 10 ? phrase : "";
  }
  return "";
}

// "He said:": in the nearest earlier sentences (six at most, none before the last person
// quoted), who speaks in one, or the subject it opens with, or the last person it names;
// the speaker of a quotation in such a sentence; else the last person quoted.
// "..., the experts noted. \"...,\" they claimed": the people the sentence before
// describes as speaking ("experts"), for "they"; "" otherwise.
std::string described_people_speaking(const Document& doc, std::size_t k) {
  const TokenList tok = tokenize_sentence(doc.sentence_text(doc.sentences[k]));
  for (std::size_t v = tok.size(); v-- > 2;) {
    if (!is_speech_verb_at(tok, v)) continue;
    const Token& noun = tok[v - 1];
    if (tok[v - 2].lower != "the" || noun.capitalised || noun.type != Token::kWord || noun.lower.size() < 4 ||
        !noun.lower.ends_with('s') || noun.lower.ends_with("ss")) {
      return "";
    }
    return std::string(noun.lower);
  }
  return "";
}

std::string pronoun_speaker(NameCache& names, std::string_view pronoun, std::uint32_t sentence,
                            const LastSpeaker& last, const Document& doc) {
  const std::vector<Sentence>& sentences = doc.sentences;
  // The person meant is named within the last few sentences; farther back, the last
  // speaker is the better guess (and the look back stays short on long articles).
  constexpr std::size_t kLookBack = 6;
  const std::size_t from = std::min<std::size_t>(sentence, sentences.size());
  // "she said" is not the last man named ("Matthew", "Mr."), nor "he" the last woman.
  const NameSex sex = sex_of_word(pronoun);
  auto fits = [&](const std::string& name, std::string_view title = {}) {
    return !name.empty() && !sexes_clash(sex, first_name_sex(name.substr(0, name.find(' ')))) &&
           !sexes_clash(sex, sex_of_word(title));
  };
  // "A group of 29 British rights organizations said ... They claimed ...": "they" after a
  // group the sentence before says spoke is that group.
  if (pronoun == "they" && from > 0) {
    if (std::string group = group_speaking(doc, from - 1); !group.empty()) return group;
    if (std::string people = described_people_speaking(doc, from - 1); !people.empty()) return people;
  }
  for (std::size_t k = from; k-- > 0 && from - k <= kLookBack;) {
    if (sentences[k].span.end <= last.offset) break;
    // "\"...,\" said Rick Sherlund, an analyst with Goldman Sachs. \"...,\" he said": the
    // sentence of the last quotation speaks for its speaker, not its apposition's names.
    if (fits(last.name) && sentences[k].span.begin <= last.offset) return last.name;
    // "Olin said there were indications ...": who speaks in that sentence comes first.
    const std::string& subject = names.subject(k);
    if (fits(subject)) return subject;
    // "A newswoman in a small restaurant ... asked the waiter ... \"...,\" she says": a woman
    // the article describes and never names.
    if (std::string described = described_opening(doc.sentence_text(sentences[k]), sex); !described.empty()) {
      return described;
    }

    // "Castro had just finished breakfast with King Juan Carlos. He said ...": a one-word
    // name opening the sentence before its verb is its subject, resolved to the full name.
    if (std::string lone = opening_name(doc.sentence_text(sentences[k])); !lone.empty()) {
      std::string full = names.resolve(lone, k, sentences[k].span.begin);
      if (fits(full)) return full;
    }
    // "The prince expressed his sympathy to Stephen's parents ... \"...,\" he said": an
    // office opening the sentence is its subject, the person the article named in it.
    {
      const TokenList open = tokenize_sentence(doc.sentence_text(sentences[k]).substr(0, 40));
      if (open.size() > 2 && open[0].lower == "the" && !open[1].capitalised && is_title(open[1].lower) &&
          open[2].type == Token::kWord && !open[2].capitalised) {
        std::string holder = names.resolve("the " + std::string(open[1].lower), k, sentences[k].span.begin);
        if (fits(holder)) return holder;
      }
    }
    // "He said only one, Smith Kline Beecham, has ...": a sentence whose subject is the
    // same pronoun is about the same person; the names in it are not who is meant.
    if (opens_with_word(doc.sentence_text(sentences[k]), pronoun)) continue;
    const std::vector<NameMention>& here = names.sentence(k);
    // A list of people ("Olympia Snowe, Susan Collins, James Jeffords and John Chafee")
    // introduces no one.
    if (people_in(here, doc, sentences[k]) > 2) continue;
    // "Castro had breakfast with King Juan Carlos. He said ...": the subject comes first.
    // (A name inside a quotation is not who "he" is: "\"The West Nile virus raises ...\"".)
    const std::string_view here_text = doc.sentence_text(sentences[k]);
    auto quoted = [&](const NameMention& m) { return inside_quotes(here_text, m.offset - sentences[k].span.begin); };
    for (const NameMention& m : here) {
      if (m.kind != EntityKind::kPerson || m.offset < last.offset || quoted(m)) continue;
      if (!fits(m.name, m.title)) continue;
      const bool opens = m.offset <= sentences[k].span.begin + 4;  // past a quote mark or "The"
      if (opens && m.name.find(' ') != std::string::npos) return m.name;
      if (opens && !m.title.empty()) {
        std::string full = names.resolve(m.title + " " + m.name, k, m.offset);
        if (!full.empty()) return full;
      }
      break;
    }
    for (auto it = here.rbegin(); it != here.rend(); ++it) {
      if (it->kind != EntityKind::kPerson || it->offset < last.offset || !fits(it->name, it->title) || quoted(*it)) continue;
      if (it->name.find(' ') != std::string::npos) return it->name;
      // A lone capitalised word without a title ("a former Goteborg firefighter") is as
      // likely a place as a person: only "Sir Michael" or "Mr. Olin" is resolved.
      if (it->title.empty()) continue;
      std::string full = names.resolve(it->title + " " + it->name, k, it->offset);
      if (!full.empty()) return full;
    }
  }
  return fits(last.name) ? last.name : "";
}

// "said the Mattapan Democrat", "the 40-year-old single mother said", "said the
// Republican governor": a definite description of one person the article has named, read
// like "he" or "she" (the pronoun returned); "" for any other phrase ("the ministry", "the
// officials", "the statement").
std::string_view description_as_pronoun(const std::string& phrase) {
  TokenList tok = tokenize_sentence(phrase);
  if (tok.size() < 2 || tok[0].lower != "the") return "";
  const std::string_view head = tok.back().lower;
  static const WordSet kFemale{"mother", "widow", "woman", "wife", "daughter", "sister", "grandmother", "girl",
                               "spokeswoman", "chairwoman", "actress", "congresswoman", "businesswoman"};
  static const WordSet kMale{"father", "widower", "man", "husband", "son", "brother", "grandfather", "boy",
                             "congressman", "businessman"};
  // ("the Arab official", "the U.N. source" are who the article would not name.)
  static const WordSet kAnonymous{"official", "source", "diplomat", "officer", "witness", "resident"};
  if (kAnonymous.contains(head)) return "";
  static const WordSet kPeople{"democrat", "republican", "lawmaker", "legislator", "lawyer", "attorney",
                               "veteran", "activist", "dissident", "candidate", "incumbent", "prosecutor",
                               "defendant", "victim", "writer", "author", "economist", "analyst", "scientist",
                               "physician", "researcher", "coach", "player", "pilot", "owner", "executive"};
  if (kFemale.contains(head)) return "she";
  if (kMale.contains(head)) return "he";
  if (!kPeople.contains(head) && !is_title(head) && !is_role_noun(head)) return "";
  // "the official said" may be anyone; "the senior Chinese official", "the 62-year-old
  // senator", "the Republican governor" is someone the reader has met.
  const bool specific = std::any_of(tok.begin() + 1, tok.end() - 1, [](const Token& t) {
    return t.capitalised || t.type == Token::kNumber || t.lower.find("year-old") != std::string::npos;
  });
  return specific || kPeople.contains(head) ? "they" : "";
}

// "the NCRI said" after "the National Council of Resistance in Iran": the full name an
// acronym stands for, when the article gives it before; else the acronym.
std::string expand_acronym(const Document& doc, std::size_t sentence, const std::string& speaker) {
  const bool acronym = speaker.size() >= 2 && speaker.size() <= 6 &&
                       std::all_of(speaker.begin(), speaker.end(), [](char c) { return is_ascii_upper(c); });
  if (!acronym) return speaker;
  for (std::size_t k = std::min(sentence + 1, doc.sentences.size()); k-- > 0;) {
    TokenList tok = tokenize_sentence(doc.sentence_text(doc.sentences[k]));
    for (std::size_t b = 0; b < tok.size(); ++b) {
      if (!tok[b].capitalised || tok[b].text.front() != speaker.front()) continue;
      std::size_t letter = 0, e = b;
      for (; e < tok.size() && letter < speaker.size(); ++e) {
        if (tok[e].capitalised && tok[e].text.front() == speaker[letter]) {
          ++letter;
        } else if (!one_of(tok[e].lower, {"of", "for", "in", "and", "the", "on"}) || e == b) {
          break;
        }
      }
      if (letter == speaker.size() && e - b > speaker.size() - 1 && e - b >= 2) {
        std::string full;
        for (std::size_t j = b; j < e; ++j) append_word(full, tok[j].text);
        return full;
      }
    }
  }
  return speaker;
}

}  // namespace

NameCache::NameCache(const Document& doc)
    : doc_(doc), by_sentence_(doc.sentences.size()), subject_of_(doc.sentences.size()) {}

const std::string& NameCache::subject(std::size_t k) {
  if (!subject_of_[k]) subject_of_[k] = speech_subject(*this, doc_, k);
  return *subject_of_[k];
}

const std::vector<NameMention>& NameCache::sentence(std::size_t k) {
  if (!by_sentence_[k]) {
    by_sentence_[k].emplace();
    find_names_in(doc_, k, k + 1, *by_sentence_[k]);
  }
  return *by_sentence_[k];
}

// Whether the last mention of `noun` before `offset` is of someone not named: "One senior
// Democratic senator", "a judge", "another official".
bool unnamed_before(const Document& doc, std::string_view noun, std::size_t offset) {
  const std::string_view before = std::string_view(doc.clean.text).substr(0, std::min(offset, doc.clean.text.size()));
  const std::size_t at = before.rfind(noun);
  if (at == std::string_view::npos) return false;
  const std::size_t from = before.find_last_of(".\n", at);
  const TokenList words = tokenize_sentence(before.substr(from == std::string_view::npos ? 0 : from + 1, at - (from == std::string_view::npos ? 0 : from + 1)));
  // The few words before the noun: "One senior Democratic senator".
  for (std::size_t k = words.size(), seen = 0; k-- > 0 && seen < 4; ++seen) {
    if (one_of(words[k].lower, {"a", "an", "one", "another"})) return true;
    if (words[k].type != Token::kWord || one_of(words[k].lower, {"the", "his", "her", "its", "their"})) break;
  }
  return false;
}

std::string NameCache::resolve(std::string_view written, std::size_t from, std::size_t offset) {
  const PersonMention mention = read_person_mention(written);
  // "One senior Democratic senator ... the senator said": the office's last mention is of
  // someone the article does not name, not of the senator it named before.
  if (mention.words.empty() && !mention.title.empty() && unnamed_before(doc_, mention.title, offset)) return "";
  // A one-word mention ("Mr Rowley") can only resolve to a name holding that word, so
  // sentences without it need no names found; a misspelt surname ("Lockart" a sentence
  // after "Joe Lockhart", which resolve_person allows one edit from it) only to a name just
  // before, holding its first letters.
  constexpr std::size_t kTypoLookBack = 4;
  const bool one_word = mention.words.size() == 1;
  const bool may_be_typo = one_word && mention.words[0].size() >= 5;
  const std::string_view stem = one_word ? std::string_view(mention.words[0]).substr(0, 2) : std::string_view();
  for (std::size_t k = std::min(from + 1, by_sentence_.size()); k-- > 0;) {
    if (one_word) {
      const std::string_view text = doc_.sentence_text(doc_.sentences[k]);
      const bool typo_here = may_be_typo && from - k < kTypoLookBack && text.find(stem) != std::string_view::npos;
      if (!typo_here && text.find(mention.words[0]) == std::string_view::npos) continue;
    }
    const std::vector<NameMention>& names = sentence(k);
    auto end = std::partition_point(names.begin(), names.end(), [&](const NameMention& m) { return m.offset < offset; });
    std::string full = resolve_person(mention, std::span<const NameMention>(names.data(), static_cast<std::size_t>(end - names.begin())));
    if (full.empty()) continue;
    // "Eliot Spitzer ... Spitzer said ... his father, Bernard Spitzer ... Spitzer said": a
    // surname alone is the first person the article gave it to; a relative named later is
    // named in full.
    if (one_word && full.find(' ') != std::string::npos && full.ends_with(" " + mention.words[0])) {
      for (std::size_t e = k; e-- > 0;) {
        if (doc_.sentence_text(doc_.sentences[e]).find(mention.words[0]) == std::string_view::npos) continue;
        const std::vector<NameMention>& earlier = sentence(e);
        std::string other = resolve_person(mention, std::span<const NameMention>(earlier.data(), earlier.size()));
        if (!other.empty() && other.ends_with(" " + mention.words[0])) full = std::move(other);
      }
    }
    return full;
  }
  return "";
}

// "according to the Minister for London" after "... and Minister for London, Tessa Jowell",
// "the judge wrote" after "The judge, Thomas Penfield Jackson of U.S. District Court": the
// person the article named in that office before `offset`; "" if none.
std::string holder_of_office(const Document& doc, std::string_view office, std::size_t offset) {
  if (office.starts_with("the ")) office.remove_prefix(4);
  bool titled = false;
  for (const Token& t : tokenize_sentence(office)) titled = titled || is_title(t.lower);
  if (!titled) return "";
  const std::string_view before = std::string_view(doc.clean.text).substr(0, std::min(offset, doc.clean.text.size()));
  for (std::size_t at = before.rfind(office); at != std::string_view::npos && at > 0;
       at = before.rfind(office, at - 1)) {
    // "Minister for London, Tessa Jowell": the name right after the office and a comma.
    std::size_t k = at + office.size();
    if (k + 2 >= before.size() || before[k] != ',' || before[k + 1] != ' ') continue;
    TokenList after = tokenize_sentence(before.substr(k + 2, 60));
    std::string name;
    std::size_t words = 0;
    for (const Token& t : after) {
      if (t.text == "." && name.empty()) continue;  // "Col." split from its point
      if (!t.capitalised) break;
      // ("the Libyan leader, Col. Moammar Gadhafi": the rank is no part of the name.)
      std::string bare = lower_word(t.text);
      if (!bare.empty() && bare.back() == '.') bare.pop_back();
      if (name.empty() && (is_title(bare) || is_abbreviated_title(bare))) continue;
      append_word(name, t.text);
      ++words;
    }
    if (words >= 2 && words <= 4) return name;
  }
  return "";
}

// "The report by retired judge Sir William Macpherson": the author the article gives for
// `noun` before `offset` (the name after "<noun> by" and any lower-case description); ""
// if none.
std::string document_author(const Document& doc, std::string_view noun, std::size_t offset) {
  const std::string_view before = std::string_view(doc.clean.text).substr(0, std::min(offset, doc.clean.text.size()));
  const std::string key = std::string(noun) + " by ";
  for (std::size_t at = before.rfind(key); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : before.rfind(key, at - 1)) {
    TokenList tok = tokenize_sentence(before.substr(at + key.size(), 80));
    std::size_t k = 0;
    while (k < tok.size() && k < 4 && tok[k].type == Token::kWord && !tok[k].capitalised &&
           !one_of(tok[k].lower, {"and", "or", "that", "which", "who", "of"})) {
      ++k;  // "retired judge", "the"
    }
    std::string name;
    std::size_t words = 0;
    for (; k < tok.size() && tok[k].capitalised; ++k, ++words) append_word(name, tok[k].text);
    if (words >= 2) return name;
  }
  // "The Coalition for Juvenile Justice report said ...": the name written before the noun.
  std::string spaced(1, ' ');
  spaced += noun;
  for (std::size_t at = before.rfind(spaced); at != std::string_view::npos && at > 0;
       at = before.rfind(spaced, at - 1)) {
    TokenList tok = tokenize_sentence(before.substr(at > 80 ? at - 80 : 0, std::min<std::size_t>(at, 80)));
    std::size_t b = tok.size();
    while (b > 0 && (tok[b - 1].capitalised || (b > 1 && one_of(tok[b - 1].lower, {"for", "of", "and"}) &&
                                                   tok[b - 2].capitalised))) {
      --b;
    }
    while (b < tok.size() && (!tok[b].capitalised || one_of(tok[b].lower, {"the", "a", "an"}))) ++b;  // "of", "The"
    if (tok.size() - b >= 2 && !is_sentence_connective(tok[b].lower)) {
      std::string name;
      for (std::size_t j = b; j < tok.size(); ++j) append_word(name, tok[j].text);
      return name;
    }
  }
  return "";
}

// "Al-Hayat said it had questioned Justice Minister Mohamed al-Zuwiy, but he had replied
// only \"...\"": the person the same sentence named before the pronoun; "" if none.
std::string person_before_pronoun(NameCache& names, const Document& doc, std::string_view pronoun,
                                  std::size_t sentence_index, std::size_t offset) {
  if (sentence_index >= doc.sentences.size()) return "";
  const Span span = doc.sentences[sentence_index].span;
  if (offset <= span.begin) return "";
  const std::string_view text = std::string_view(doc.clean.text).substr(span.begin, offset - span.begin);
  std::size_t at = std::string_view::npos;
  for (std::size_t p = text.find(pronoun); p != std::string_view::npos; p = text.find(pronoun, p + 1)) {
    const bool word = p > 0 && text[p - 1] == ' ' && (p + pronoun.size() == text.size() || text[p + pronoun.size()] == ' ');
    if (word) at = p;
  }
  if (at == std::string_view::npos) return "";  // opening the sentence ("He said"): no one before it
  const NameSex sex = sex_of_word(pronoun);
  const std::vector<NameMention>& here = names.sentence(sentence_index);
  for (auto it = here.rbegin(); it != here.rend(); ++it) {
    if (it->kind != EntityKind::kPerson || it->offset >= span.begin + at || it->name.find(' ') == std::string::npos)
      continue;
    if (inside_quotes(text, it->offset - span.begin)) continue;  // "demonize Bill Gates," whom he described
    if (sexes_clash(sex, first_name_sex(it->name.substr(0, it->name.find(' '))))) continue;
    return it->name;
  }
  return "";
}

// "Netscape Communications Corp. filed a complaint ... It said ...": the organisation an
// "it" stands for: the one that opens the nearest earlier sentence naming one (three
// sentences back at most), else the last one named there; "" if none.
std::string organisation_it(NameCache& names, const Document& doc, std::size_t sentence, std::size_t offset) {
  for (std::size_t k = std::min(sentence + 1, doc.sentences.size()), back = 0; k-- > 0 && back < 4; ++back) {
    const std::vector<NameMention>& here = names.sentence(k);
    const NameMention* last = nullptr;
    for (const NameMention& m : here) {
      if (m.kind != EntityKind::kOrganisation || m.offset >= offset) continue;
      if (m.offset <= doc.sentences[k].span.begin + 4) return m.name;  // past "The"
      last = &m;
    }
    if (last) return last->name;
  }
  return "";
}

// The speaker a phrase names by its kind: a document to its writer, a pronoun or a
// description to the person meant, a short name to the full one, "the company" to the
// organisation given before.
std::string phrase_speaker(NameCache& names, const Document& doc, const std::string& phrase, std::size_t sentence_index,
                           std::size_t offset, const LastSpeaker& last) {
  std::string speaker;
  if (is_bare_document(phrase)) {
    // "the message said": whoever the sentence before says wrote or said it; else the
    // document itself ("the report states" -> report).
    const std::size_t prev = sentence_index > 0 ? sentence_index - 1 : 0;
    const TokenList words = tokenize_sentence(phrase);  // (tokens view into their list: keep it)
    const Token& noun = words.back();
    speaker = sentence_index > 0 ? names.subject(prev) : "";
    if (speaker.empty()) speaker = document_author(doc, noun.lower, offset);
    if (speaker.empty()) speaker = std::string(noun.text);  // "report"
  } else if (is_pronoun(phrase)) {
    speaker = person_before_pronoun(names, doc, phrase, sentence_index, offset);
    if (speaker.empty()) speaker = pronoun_speaker(names, phrase, static_cast<std::uint32_t>(sentence_index), last, doc);
  } else if (std::string_view pronoun = description_as_pronoun(phrase); !pronoun.empty()) {
    // "said the Republican governor": the person the article named in that office first,
    // then whoever the description can stand for.
    const std::size_t sp = phrase.rfind(' ');
    const std::string head = sp == std::string::npos ? phrase : phrase.substr(sp + 1);
    // ("the Libyan leader pronounced" after "the Libyan leader, Col. Moammar Gadhafi": the
    // office as written first, then its head alone.)
    if (is_title(head)) speaker = holder_of_office(doc, phrase, offset);
    if (is_title(head) && speaker.empty()) speaker = names.resolve("the " + head, sentence_index, offset);
    if (speaker.empty()) speaker = pronoun_speaker(names, pronoun, static_cast<std::uint32_t>(sentence_index), last, doc);
    if (speaker.empty()) speaker = resolve_speaker(phrase, [](std::string_view) { return std::string(); });
  } else {
    speaker = resolve_speaker(phrase, [&](std::string_view written) {
      // Only a name or an office can stand for a person ("Mr Hale", "the PM", "the
      // president"); "the company" or "a spokesman" cannot, so no names are read for them.
      // A short name is one capitalised word besides titles; longer capitalised runs that
      // name_in_phrase did not take are organisations and need no looking back.
      bool could_be_person = false;
      std::size_t name_words = 0;
      for (const Token& t : tokenize_sentence(written)) {
        const bool title = is_title_word(t.lower);
        could_be_person = could_be_person || t.capitalised || title;
        name_words += t.capitalised && !title;
      }
      could_be_person = could_be_person && name_words <= 1;
      // "\"...,\" said Shepard's father Dennis. ... Shepard added": a family name alone is
      // the one just quoted who bears it, not the last of the family the article named.
      const std::size_t cut = last.name.size() - std::min(last.name.size(), written.size());
      if (could_be_person && name_words == 1 && written.find(' ') == std::string_view::npos && cut > 0 &&
          last.name.ends_with(written) && last.name[cut - 1] == ' ') {
        return last.name;
      }
      if (could_be_person) {
        if (std::string full = names.resolve(written, sentence_index, offset); !full.empty()) return full;
      }
      if (std::string holder = holder_of_office(doc, written, offset); !holder.empty()) return holder;
      if (could_be_person) return std::string();
      return organisation_meant(names, doc, written, sentence_index, offset);
    });
  }
  return speaker;
}

// The speaker a phrase at a quotation names, resolved with the article's names: "it" to
// the organisation meant, then as phrase_speaker does; an office alone to its holder, "a
// government statement" to its country, an acronym to its full name.
std::string speaker_of(NameCache& names, const Document& doc, const std::string& phrase, std::size_t sentence_index,
                       std::size_t offset, const LastSpeaker& last) {
  std::string speaker = phrase == "it" || phrase == "It" ? organisation_it(names, doc, sentence_index, offset) : "";
  if (speaker.empty()) speaker = phrase_speaker(names, doc, phrase, sentence_index, offset, last);
  // "the governor also said" (or "she said" after it): an office alone is the person the
  // article named in it before ("Gov. Christie Whitman", "Attorney General Janet Reno").
  if (!speaker.empty() && std::none_of(speaker.begin(), speaker.end(), is_ascii_upper)) {
    const PersonMention office = read_person_mention(speaker);
    if (office.words.empty() && !office.title.empty()) {
      if (std::string holder = names.resolve(speaker, sentence_index, offset); !holder.empty()) speaker = std::move(holder);
    }
  }
  // "Syria denies ... and in a government statement confirmed \"...\"", "A government
  // statement confirmed Syria's \"...\"": the government is the country's the sentence names.
  if ((speaker == "government" || speaker == "Government") && sentence_index < doc.sentences.size()) {
    const Sentence& s = doc.sentences[sentence_index];
    const std::string_view text = doc.sentence_text(s);
    const TokenList tok = tokenize_sentence(text.substr(0, offset > s.span.begin ? offset - s.span.begin : 0));
    for (const Token& t : tok) {
      if (t.capitalised && is_country(bare_word(t.lower))) return std::string(bare_word(t.text));
    }
  }
  return expand_acronym(doc, sentence_index, speaker);
}

}  // namespace chorus::internal
