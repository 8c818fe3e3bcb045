// The speaker phrase of a quotation, read from the words around it: "X said:", "\"...,\"
// X said", "said X, the union's organiser", "X, director of the Y, told", "X was quoted as
// saying", "said a grim-faced Arafat", "said a top commander, Col. Gen. X"; and the full
// name a phrase gives by itself ("Mayor Janet Osei" -> "Janet Osei").
#include "base/string_util.h"
#include "facts/quote_rules.h"
#include "facts/tokens.h"
#include "text/tokenize.h"

namespace chorus::internal {

bool is_pronoun(std::string_view w) { return one_of(w, {"he", "she", "they"}); }


bool abbreviates_before_number(std::string_view w) {
  return one_of(w, {"no", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec"});
}

// Whether the mark at tok[k] ends a sentence: "Gov. George Pataki", "Sen. John McCain,
// R-Ariz., said" and "John F. Kennedy" hold full stops that do not.
bool ends_sentence(const std::vector<Token>& tok, std::size_t k) {
  if (tok[k].text == "?" || tok[k].text == "!") return true;
  if (tok[k].text != ".") return false;
  if (k > 0 && (is_abbreviated_title(tok[k - 1].lower) || (tok[k - 1].text.size() == 1 && tok[k - 1].capitalised))) {
    return false;
  }
  // "Rep. Mac Collins (R-Ga.) said": an abbreviation's point inside brackets.
  if (k + 1 < tok.size() && tok[k + 1].text == ")") return false;
  // "the No. 1 ranking", "Dec. 20, 1999": a number's or a month's abbreviation.
  if (k > 0 && k + 1 < tok.size() && tok[k + 1].type == Token::kNumber &&
      abbreviates_before_number(tok[k - 1].lower)) {
    return false;
  }
  return !(k + 1 < tok.size() && (tok[k + 1].text == "," || (tok[k + 1].type == Token::kWord && !tok[k + 1].capitalised)));
}

bool is_speech_verb(std::string_view w) {
  static const WordSet kWords{"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "tweeted", "explained",
                    "warned", "stated", "declared", "insisted", "continued", "replied", "announced", "admitted",
                    "urged", "called", "described", "saying", "adding", "concluded", "asked", "confirmed",
                    "shouted", "yelled", "screamed", "cried", "chanted", "stressed", "testified", "affirmed", "noted",
                    "recalled", "argued", "contended", "predicted", "promised", "vowed", "pledged", "acknowledged",
                    "conceded", "complained", "suggested", "asserted", "maintained", "claimed", "claims", "observed", "quipped",
                    "remarked", "responded", "answered", "countered", "whispered", "emphasized", "emphasised",
                    "cautioned", "lamented", "boasted", "recounted", "declaring", "insisting", "warning", "telling",
                    "explaining", "asking", "urging", "announcing", "proclaimed", "pronounced", "shouting", "stating", "retorted",
                    "snapped", "joked", "mused", "sighed", "conceded", "reiterated", "speculated", "estimated",
                    "acknowledging", "contending", "arguing", "noting", "recalling", "predicting", "promising",
                    "states", "notes", "concludes", "reads", "argues", "insists", "warns", "explains", "recalls",
                    "reported", "reports", "accused", "demanded", "appealed", "denounced", "condemned", "accusing",
                    "demanding", "denouncing", "condemning", "concedes", "admits", "asks", "replies",
                    "acknowledges", "contends", "predicts", "suggests", "complains", "declares", "announces",
                    "maintains", "observes", "responds", "jokes", "calls", "accuse", "repeated", "repeats",
                    "deadpanned", "recounts", "suggesting", "shrieked", "exclaimed", "muttered", "murmured", "bellowed",
                    "hollered", "demands", "sobbed", "wept"};
  return kWords.contains(w);
}

// Sentence-initial words that are capitalised without being part of a name.
bool is_sentence_connective(std::string_view w) {
  static const WordSet kWords{"but", "and", "however", "also", "meanwhile", "still", "yet", "so", "then", "now", "later",
                              "earlier", "instead", "indeed", "thus", "moreover", "separately", "elsewhere", "there",
                              "last", "next", "this", "that", "on", "in", "at", "after", "before", "when", "while",
                              "although", "though", "because", "since", "if", "as", "asked", "speaking", "the", "a",
                              "an"};
  return kWords.contains(w);
}

// Titles and offices before a name ("Mr", "Defence Secretary").
bool is_title_word(std::string_view w) { return is_title(w) || is_office_word(w); }

// A speech verb at tok[k]: a capitalised word inside a sentence is a name's part ("the
// United States should", "Reads Landing"), not the verb.
bool is_speech_verb_at(const std::vector<Token>& tok, std::size_t k) {
  if (tok[k].type != Token::kWord || !is_speech_verb(tok[k].lower) || (k > 0 && tok[k].capitalised)) return false;
  // "said the reports sought ...", "his notes": after a determiner it is a noun.
  // ("news reports" is a noun too; "the media reported" a verb.)
  // ("Preliminary reports indicate", "unconfirmed reports said": a noun after its adjective.)
  if (k > 0 && one_of(tok[k].lower, {"reports", "claims", "notes", "states"}) &&
      one_of(tok[k - 1].lower, {"news", "press", "media", "preliminary", "initial", "early", "earlier", "later", "latest",
                                "unconfirmed", "conflicting", "local", "official", "several", "some", "many", "other",
                                "recent", "separate", "further"})) {
    return false;
  }
  if (k > 0 && one_of(tok[k - 1].lower, {"the", "a", "an", "his", "her", "their", "its", "these", "those"})) return false;
  // ("Zhu's claims are \"...\"": after a possessive it is a noun too.)
  return !(k > 0 && (tok[k - 1].lower.ends_with("'s") || tok[k - 1].lower.ends_with("\xE2\x80\x99s")));
}

namespace {

// Words between a subject and its speech verb: "X was quoted as saying", "X has
// testified", "X also said", "X, who affirmed".
bool is_verb_auxiliary(std::string_view w) {
  static const WordSet kWords{"was", "were", "is", "are", "has", "had", "have", "also", "later", "then", "again", "quoted",
                              "as", "further", "once", "would", "will", "reportedly", "previously", "earlier", "first",
                              "who", "which", "had", "repeatedly", "often", "publicly", "angrily", "tearfully", "simply",
                              "just", "only", "still", "quietly", "openly", "instead", "formally", "officially",
                              "immediately", "finally", "strongly", "sharply", "flatly", "bluntly"};
  return kWords.contains(w);
}

}  // namespace

// "Muasher Friday": a day or month after a name is when, not who ("May" stays: a surname).
bool is_day_or_month(std::string_view w) {
  return weekday_number(w) >= 0 || (month_number(w) > 0 && w != "may") || w == "today" || w == "yesterday";
}

// A day or month at tok[k] that says when: "June Arnett", a month before a second name
// word, is a woman's name ("said Friday", "said June 5" say when).
bool is_when(const std::vector<Token>& tok, std::size_t k) {
  if (!is_day_or_month(tok[k].lower)) return false;
  const bool first_name = month_number(tok[k].lower) > 0 && tok[k].capitalised && k + 1 < tok.size() &&
                          tok[k + 1].type == Token::kWord && tok[k + 1].capitalised && !is_day_or_month(tok[k + 1].lower);
  return !first_name;
}

namespace {

// Words that make a capitalised run an organisation or a place rather than a person.
bool is_org_like(std::string_view w) { return is_org_word(w) || is_place_word(w); }

}  // namespace

// The full name a speaker phrase gives by itself ("Mayor Janet Osei" -> "Janet Osei"),
// or "" when it needs the names around it (a pronoun, "Mr Rowley", "the PM").
std::string name_in_phrase(const std::string& phrase) {
  if (phrase.empty() || is_pronoun(phrase)) return "";
  TokenList tok = tokenize_sentence(phrase);
  const bool has_article = !tok.empty() && one_of(tok[0].lower, {"the", "a", "an", "one"});
  std::size_t k = has_article ? 1 : 0;
  while (k + 1 < tok.size() && is_role_noun(tok[k].lower)) ++k;  // "Witness Grace Mbeki"
  if (k >= tok.size() || !tok[k].capitalised) return "";
  // "EPA Steve Ireland": an agency's acronym in front of a person's name.
  auto acronym = [](std::string_view t) {
    return t.size() >= 2 && t.size() <= 5 && std::all_of(t.begin(), t.end(), [](char c) { return is_ascii_upper(c); });
  };
  if (k + 2 < tok.size() && acronym(tok[k].text) && tok[k + 1].capitalised) ++k;
  while (k + 1 < tok.size() && is_title_word(tok[k].lower)) ++k;
  // "Met Police Mark Rowley": the person after the organisation.
  for (std::size_t j = k; j + 2 < tok.size(); ++j) {
    if (is_org_like(tok[j].lower)) k = j + 1;
  }
  std::vector<std::string> words;
  bool org = false;
  for (std::size_t j = k; j < tok.size(); ++j) {
    // "Muasher Friday": a day or month after a name is when, not who.
    if (is_when(tok, j)) break;
    words.emplace_back(tok[j].text);
    org = org || is_org_like(tok[j].lower) || !tok[j].capitalised;
  }
  // A long run of offices before a name ("Near Eastern Affairs Martin Indyk"): the name is
  // its last two words.
  if (words.size() > 3) words.erase(words.begin(), words.end() - 2);
  // "Arafat Arafat": a doubled word (a wire typo) is the short name, resolved by the caller.
  if (words.size() == 2 && words[0] == words[1]) return "";
  return words.size() >= 2 && !org && !is_title_word(tok[k].lower) ? join(words, " ") : "";
}

// "a U.N. source", "one Arab official": a person described, not named, without the
// article; "" for any other phrase.
std::string described_speaker(const std::string& phrase) {
  TokenList tok = tokenize_sentence(phrase);
  if (tok.size() < 2 || !one_of(tok[0].lower, {"a", "an", "one", "the"})) return "";
  const std::string_view head = tok.back().lower;
  const bool person = is_role_noun(head) || is_title(head) ||
                      one_of(head, {"official", "source", "diplomat", "officer", "analyst", "expert", "lawyer"});
  if (!person) return "";
  std::string out;
  for (std::size_t j = 1; j < tok.size(); ++j) append_word(out, tok[j].text);
  return out;
}

namespace {

// The speaker after a speech verb at tok[v]: "said Priya Nand, the union's organiser",
// "said a senior Republican senator", "said one woman, Lena Marsh".
std::string speaker_after_verb(const std::vector<Token>& tok, std::size_t v) {
  // "said Priya Nand, the union's organiser", "said resident Paul Hendry, 64", "said the
  // 46-year-old Chmiel", "said a grim-faced Arafat".
  std::size_t k = v + 1;
  std::size_t skipped = 0;
  // ("said a young woman as she turned away": the pronoun of a clause after the speaker.)
  while (k < tok.size() && !tok[k].capitalised && skipped < 6 &&
         ((tok[k].type == Token::kWord && !is_pronoun(tok[k].lower) &&
           !(skipped > 0 && one_of(tok[k].lower, {"as", "when", "while", "after", "before", "because"}))) ||
          tok[k].type == Token::kNumber || tok[k].text == "-")) {
    ++k, ++skipped;
  }
  if (k < tok.size() && is_pronoun(tok[k].lower)) return std::string(tok[k].lower);
  std::string name;
  std::size_t words = 0;
  bool institution = false;
  // ("said state Department of Public Health spokesperson Roseanne Pawelec": an
  // institution's name runs over "of" to the noun and the name after it.)
  while (k < tok.size() &&
         (tok[k].capitalised || (tok[k].text == "." && k > 0 && is_abbreviated_title(tok[k - 1].lower)) ||
          (tok[k].lower == "of" && institution && k + 1 < tok.size() && tok[k + 1].capitalised)) &&
         !is_when(tok, k)) {
    if (tok[k].text != ".") {
      append_word(name, tok[k].text);
      ++words;
      institution = institution || is_org_like(tok[k].lower);
    }
    ++k;
  }
  // "said Secretary of Agriculture Dan Glickman": past the office to the name, its last
  // two words.
  if (words == 1 && is_title_word(to_lower_ascii(name)) && k + 3 < tok.size() && tok[k].lower == "of" &&
      tok[k + 1].capitalised) {
    std::size_t e = k + 1;
    while (e < tok.size() && tok[e].capitalised) ++e;
    if (e - (k + 1) >= 3) return std::string(tok[e - 2].text) + " " + std::string(tok[e - 1].text);
  }
  // "said task force member and Columbine student Sergie Gonzalez", "said Harvard
  // professor Ann Lee", "said Defense Ministry spokesman Avi Cohen", "said Columbia
  // University law professor Jim Lane": the capitalised words are where they are from;
  // the full name after a noun or two is who speaks.
  if (words >= 1) {
    std::size_t j = k, nouns = 0;
    while (j < tok.size() && nouns < 3 && tok[j].type == Token::kWord && !tok[j].capitalised &&
           !one_of(tok[j].lower, {"and", "of", "in", "at", "for", "on", "who", "said", "to"})) {
      ++j, ++nouns;
    }
    std::string later;
    std::size_t later_words = 0;
    while (j < tok.size() && tok[j].capitalised && !is_when(tok, j)) {
      append_word(later, tok[j++].text);
      ++later_words;
    }
    if (nouns > 0 && later_words >= 2 && (j == tok.size() || tok[j].text == "," || tok[j].text == ".")) return later;
    // "said the Monroe County sheriff, Richard Roth.": the name the description gives.
    if (nouns > 0 && later_words == 0 && j + 2 < tok.size() && tok[j].text == ",") {
      std::size_t e = j + 1;
      std::string named;
      while (e < tok.size() && tok[e].capitalised && !is_when(tok, e)) append_word(named, tok[e++].text);
      if (e - j - 1 >= 2 && e - j - 1 <= 4 && (e == tok.size() || tok[e].text == "." || tok[e].text == ",") &&
          !name_in_phrase(named).empty()) {
        return named;
      }
    }
  }
  // "said Anna Berg's husband Lars Berg": the possessive names whose relative speaks.
  // ("said Jones' wife, Joanna": the plural-style possessive as its own mark.)
  const bool bare_possessive = words > 0 && name.ends_with('s') && k < tok.size() && tok[k].text == "'";
  if (words > 0 && (name.ends_with("'s") || name.ends_with("\xE2\x80\x99s") || bare_possessive)) {
    std::size_t j = bare_possessive ? k + 1 : k, skipped_nouns = 0;
    // ("said Zughayar's 54-year-old father, Mohammed": an age is one of the words.)
    while (j < tok.size() && !tok[j].capitalised &&
           (tok[j].type != Token::kMark || (tok[j].text == "-" && skipped_nouns > 0)) && skipped_nouns < 5) {
      ++j, ++skipped_nouns;
    }
    if (skipped_nouns > 0 && j < tok.size() && tok[j].text == ",") ++j;  // "Arafat's spokesman, Nabil Abu Rdeneh"
    std::string relative;
    while (j < tok.size() && tok[j].capitalised) append_word(relative, tok[j++].text);
    // ("said Shepard's father Dennis": his first name and the family's.)
    if (!relative.empty() && relative.find(' ') == std::string::npos) {
      const std::string last = name.substr(name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1);
      const std::string_view family = bare_word(last);
      if (!family.empty()) {
        relative += ' ';
        relative += family;
      }
    }
    if (!relative.empty() && skipped_nouns > 0) return relative;
  }
  // "said a young man who gave his name only as Sami", "said a woman identified as X".
  if (words == 0) {
    // ("said one posting, by a woman named Mette": past the comma to its writer.)
    for (std::size_t j = k; j + 1 < tok.size() && j < k + 10 && tok[j].text != "." &&
                            (tok[j].text != "," || tok[j + 1].lower == "by");
         ++j) {
      if (one_of(tok[j].lower, {"as", "named"}) && tok[j + 1].capitalised) {
        std::string named;
        for (std::size_t m = j + 1; m < tok.size() && tok[m].capitalised; ++m) append_word(named, tok[m].text);
        return named;
      }
    }
  }
  // "said a top Russian commander in Chechnya, Col. Gen. Gennady Troshev", "said one
  // woman, Lena Marsh", "said a spokeswoman for the United Nations, Maria Lopez": the
  // name the apposition gives (a run after "for" is whom they speak for).
  const std::size_t run_start = k - words;
  const bool affiliation = words >= 2 && run_start > v + 1 &&
                           one_of(tok[run_start - 1].lower, {"for", "of", "at", "with", "the"}) && skipped > 1;
  if (words < 2 || affiliation) {
    std::size_t comma = k;
    while (comma < tok.size() && comma < k + 8 && tok[comma].text != "," && tok[comma].text != ".") ++comma;
    if (comma + 1 < tok.size() && tok[comma].text == "," && tok[comma + 1].capitalised) {
      std::string appositive;
      std::size_t j = comma + 1, n = 0;
      while (j < tok.size() && (tok[j].capitalised || tok[j].text == ".")) {
        if (tok[j].text != ".") {
          append_word(appositive, tok[j].text);
          ++n;
        }
        ++j;
      }
      std::string full = name_in_phrase(appositive);
      // ("said one dejected lawmaker, Ruth Rabinowitz of the Inkatha Freedom Party")
      if (n >= 2 && !full.empty() &&
          (j == tok.size() || tok[j].text == "," || tok[j].text == "." || one_of(tok[j].lower, {"of", "from", "at"}))) {
        return full;
      }
    }
  }
  // "said a senior Republican senator on Capitol Hill": a description, not a name.
  if (words <= 1 && skipped > 0 && one_of(tok[v + 1].lower, {"a", "an", "the", "one"})) {
    std::size_t e = k - words;
    while (e < tok.size() && tok[e].capitalised) ++e;
    if (e > k - words && e < tok.size() && tok[e].type == Token::kWord && !tok[e].capitalised &&
        !one_of(tok[e].lower, {"of", "and", "in", "at", "for", "on", "who", "said"}) && e + 1 <= tok.size()) {
      // ("the" stays: "said the Republican governor" is someone named before.)
      std::string phrase(tok[v + 1].lower == "the" ? "the" : "");
      for (std::size_t j = v + 2; j <= e; ++j) append_word(phrase, tok[j].text);
      return phrase;
    }
  }
  // "said one resident, who asked not to be named", "said a police officer at the
  // scene": a description without a name, up to where it goes on about them.
  if (words == 0 && v + 2 < tok.size() && one_of(tok[v + 1].lower, {"a", "an", "the", "one"})) {
    std::string phrase;
    for (std::size_t j = v + 2; j < tok.size() && j < v + 6 && tok[j].type == Token::kWord && !tok[j].capitalised &&
                                !one_of(tok[j].lower, {"who", "that", "at", "in", "of", "from", "with", "on", "and", "as",
                                                       "when", "while", "after", "before", "because"});
         ++j) {
      append_word(phrase, tok[j].text);
    }
    if (!phrase.empty()) return tok[v + 1].lower == "the" ? "the " + phrase : phrase;
  }
  if (words > 0 && skipped == 1 && tok[v + 1].lower == "the") return "the " + name;  // "said the Mattapan Democrat"
  return name;
  return name;
}

// The speaker before a speech verb at tok[v]: "Mrs May told", "Tom Ridley, an area manager
// at the Environment Agency, said", "Xinhua quoted Li Peng as saying", "the ministry said".
std::string speaker_before_verb(const std::vector<Token>& tok, std::size_t v) {
  if (v == 0) return "";
  // "Xinhua quoted Li Peng as saying that", "quoted an unnamed official as saying": the
  // one quoted speaks, not the one quoting.
  // "Yilmaz was quoted Saturday by the daily Hurriyet as saying": the passive's subject
  // speaks, read as if the verb stood where "quoted" does.
  std::size_t verb = v;
  if (tok[v].lower == "saying" && tok[v - 1].lower == "as") {
    for (std::size_t q = v - 1; q-- > 0 && v - q < 12;) {
      if (tok[q].lower != "quoted" || q + 2 >= v) continue;
      if (q > 1 && one_of(tok[q - 1].lower, {"was", "were", "is", "being"})) {
        verb = q;
        break;
      }
      // ("NTV quoted him as saying": he, whom the article named before.)
      if (q + 3 == v && one_of(tok[q + 1].lower, {"him", "her"})) return tok[q + 1].lower == "him" ? "he" : "she";
      // ("quoted Russian prosecutor in Chechnya Vladimir Kravchenko as saying": the name the
      // description ends with; a place after "in" is not part of it.)
      std::size_t name_from = v - 1;
      while (name_from > q + 1 && tok[name_from - 1].capitalised) --name_from;
      if (name_from > q + 1 && v - 1 - name_from >= 2) {
        if (v - 1 - name_from >= 3 && one_of(tok[name_from - 1].lower, {"in", "of", "from", "at", "for"})) ++name_from;
        std::string name;
        for (std::size_t j = name_from; j + 1 < v; ++j) append_word(name, tok[j].text);
        return name;
      }
      std::string quoted;
      for (std::size_t j = q + 1; j + 1 < v; ++j) {
        if (!(j == q + 1 && one_of(tok[j].lower, {"a", "an", "the"}))) append_word(quoted, tok[j].text);
      }
      return quoted;
    }
  }
  // "Gates wrote a memo to others in the company acknowledging that ...": a participle
  // speaks for the subject of its clause, a name followed by its verb.
  if (verb == v && (tok[v].lower.ends_with("ing") || one_of(tok[v - 1].lower, {"and", "but"}))) {
    for (std::size_t j = v; j-- > 1;) {
      if (tok[j - 1].capitalised && tok[j].type == Token::kWord && !tok[j].capitalised &&
          (tok[j].lower.ends_with("ed") ||
           one_of(tok[j].lower, {"wrote", "said", "told", "sent", "gave", "made", "spoke", "did", "does", "has", "had"})) &&
          !is_sentence_connective(tok[j - 1].lower)) {
        if (is_pronoun(tok[j - 1].lower)) return std::string(tok[j - 1].lower);  // "He declined ... but acknowledged"
        std::size_t b = j - 1;
        while (b > 0 && tok[b - 1].capitalised) --b;
        std::string name;
        for (std::size_t m = b; m < j; ++m) append_word(name, tok[m].text);
        return name;
      }
      if (tok[j].text == "." || tok[j].text == ";") break;
    }
  }
  std::size_t k = verb;
  // ("Jones _ who, like Piccard, wore a blue flight suit _ said": past the aside in dashes.)
  if (k > 2 && one_of(tok[k - 1].text, {"_", "--", "\xE2\x80\x94"})) {
    for (std::size_t j = k - 1; j-- > 0 && k - j < 40;) {
      if (tok[j].text == tok[k - 1].text) {
        if (j > 0) k = j;
        break;
      }
    }
  }
  // ("Stipe Dorotic, a 38-year electrician from eastern Croatia, who attended the ceremony
  // said": a relative clause whose closing comma was left out; read it as if it were there.)
  for (std::size_t w = k; w-- > 2 && k - w < 8;) {
    if (tok[w].text == "," || is_speech_verb_at(tok, w)) break;
    if (tok[w].lower == "who" && tok[w - 1].text == ",") {
      k = w;
      break;
    }
  }
  // ("a third lawyer, Bruce McIntyre, who represents Wadih el Hage, told the judge": past
  // the relative clause, commas and all.)
  if (k > 3 && tok[k - 1].text == ",") {
    for (std::size_t w = k - 1; w-- > 1 && k - w < 14;) {
      if (tok[w].text == ",") break;
      if (tok[w].lower == "who" && tok[w - 1].text == ",") {
        k = w;
        break;
      }
    }
  }
  // ("The President went on to accuse": the subject before the phrase.)
  if (k > 4 && tok[k - 1].lower == "to" && tok[k - 2].lower == "on" && one_of(tok[k - 3].lower, {"went", "goes", "go"})) k -= 3;
  // ("Muxie on the other hand said", "the ministry, for its part, said": an adverbial
  // between the subject and its verb.)
  {
    std::size_t a = k > 1 && tok[k - 1].text == "," ? k - 1 : k;
    std::size_t skipped = 0;
    if (a > 4 && tok[a - 1].lower == "hand" && tok[a - 2].lower == "other" && tok[a - 3].lower == "the" &&
        tok[a - 4].lower == "on") {
      skipped = 4;
    } else if (a > 3 && tok[a - 1].lower == "part" && one_of(tok[a - 2].lower, {"his", "her", "its", "their"}) &&
               tok[a - 3].lower == "for") {
      skipped = 3;
    }
    if (skipped > 0) {
      k = a - skipped;
      if (k > 1 && tok[k - 1].text == ",") --k;
    }
  }
  // ("Syria Saturday confirmed", "a statement Saturday said": the day says when, not who.)
  // ("the WHO said": an acronym in capitals is a name, not "who".)
  while (k > 1 && ((tok[k - 1].type == Token::kWord && is_verb_auxiliary(tok[k - 1].lower) &&
                    !(tok[k - 1].text.size() > 1 && is_ascii_upper(tok[k - 1].text[1]))) ||
                   (tok[k - 1].capitalised && is_day_or_month(tok[k - 1].lower)))) {
    --k;
  }
  // ("later", "earlier" are auxiliaries too: "a few weeks later" is a time phrase whole.)
  auto time_unit = [](std::string_view w) {
    return one_of(w, {"days", "weeks", "months", "years", "hours", "minutes", "day", "week", "month", "year"});
  };
  if (k < v && k > 0 && one_of(tok[k].lower, {"later", "earlier"}) && time_unit(tok[k - 1].lower)) ++k;
  // "An Intel note a few weeks later said": back over the time phrase.
  if (k > 3 && one_of(tok[k - 1].lower, {"later", "earlier", "ago", "before"}) && time_unit(tok[k - 2].lower)) {
    k -= 2;
    while (k > 1 && (tok[k - 1].type == Token::kNumber || one_of(tok[k - 1].lower, {"a", "few", "several", "two", "three"}))) --k;
  }
  // "Tom Ridley, an area manager at the Environment Agency, said": back over the apposition.
  if (tok[k - 1].text == ",") {
    std::size_t start = k - 1;
    while (start > 0 && !ends_sentence(tok, start - 1) && tok[start - 1].text != ":") --start;
    // "Harakat-ul-Ansar, a Pakistan-based organization labeled a terrorist group by the
    // United States, said": the name that opens the sentence, right before the apposition.
    {
      std::size_t j = start;
      while (j < k && tok[j].capitalised && is_sentence_connective(tok[j].lower)) ++j;
      std::string subject;
      std::size_t words = 0;
      while (j < k && tok[j].capitalised && !is_day_or_month(tok[j].lower)) {
        append_word(subject, tok[j++].text);
        ++words;
      }
      if (words > 0 && j < k && tok[j].text == "," && (words >= 2 || j == start + 1)) return subject;
    }
  // "A young woman who gave only her first name, Arezou, said": the name the apposition
  // gives right before the verb.
    if (k >= 3 && tok[k - 2].capitalised) {
    std::size_t b = k - 2;
    while (b > 0 && tok[b - 1].capitalised) --b;
    if (b > 0 && tok[b - 1].text == "," && !is_sentence_connective(tok[b].lower)) {
      std::string name;
      for (std::size_t j = b; j < k - 1; ++j) append_word(name, tok[j].text);
      // "..., in Porto, Portugal, said" is no one, nor a party and state ("Tom Lee, D-Texas, said").
      const bool party_tag = name.size() > 2 && name[1] == '-' && one_of(name.substr(0, 1), {"D", "R", "I"});
      if (!is_country(lower_word(name)) && !party_tag) return name;
    }
  }
    // "The judge, in a written ruling, said": a description that opens the sentence.
    if (start + 2 < k && one_of(tok[start].lower, {"the", "a", "an"}) && !tok[start + 1].capitalised) {
      std::size_t e = start + 1;
      while (e < k && e < start + 4 && tok[e].type == Token::kWord && !tok[e].capitalised) ++e;
      if (e < k && tok[e].text == ",") {
        std::string phrase(tok[start].lower);
        for (std::size_t j = start + 1; j < e; ++j) append_word(phrase, tok[j].text);
        return phrase;
      }
    }
    // The first run that looks like a person (two words, or a title); else the first run.
    std::string first_run;
    for (std::size_t j = start; j + 1 < k; ++j) {
      if (tok[j].capitalised && is_sentence_connective(tok[j].lower)) continue;  // "But Jim Hall, ..."
      if (tok[j].capitalised && !one_of(tok[j].lower, {"asked", "in", "speaking", "paying", "according", "after"})) {
        std::string name;
        std::size_t words = 0;
        bool org = false, possessive = false;
        while (j < k && tok[j].capitalised) {
          org = org || is_org_like(tok[j].lower);
          // ("Maloney's Republican opponent, state Sen. Mark Nielsen, has ...": whose
          // opponent, not who.)
          possessive = possessive || tok[j].lower.ends_with("'s") || tok[j].lower.ends_with("\xE2\x80\x99s");
          append_word(name, tok[j++].text);
          ++words;
        }
        // ("Prime Minister Tony Blair's spokesman, speaking ..., said": the role is the speaker.)
        if (possessive && j < k && !tok[j].capitalised && is_title_word(tok[j].lower)) return name + " " + std::string(tok[j].text);
        if (possessive) continue;
        if (words >= 2 && !org) return name;
        if (first_run.empty()) first_run = name;
      } else if ((is_pronoun(tok[j].lower) || tok[j].lower == "it") && first_run.empty()) {
        // "Last month, it expelled ..., saying": an "it" names no one here.
        return tok[j].lower == "it" ? std::string() : std::string(tok[j].lower);
      }
    }
    return first_run;
  }
  // "Ms. He said": a surname after an honorific, not a pronoun.
  if (is_pronoun(tok[k - 1].lower) && k >= 2) {
    const bool split = k >= 3 && tok[k - 2].text == "." && is_abbreviated_title(tok[k - 3].lower);
    std::string_view title = tok[k - 2].lower;  // "ms." as one token
    if (title.ends_with('.')) title.remove_suffix(1);
    if (split || (tok[k - 2].text.ends_with(".") && is_abbreviated_title(title))) {
      std::string honorific(split ? tok[k - 3].text : tok[k - 2].text);
      if (honorific.ends_with('.')) honorific.pop_back();
      return honorific + " " + std::string(tok[k - 1].text);
    }
  }
  if (is_pronoun(tok[k - 1].lower)) return std::string(tok[k - 1].lower);
  // "Maxey (D-Austin) said": past the parenthesis to the name.
  if (k >= 4 && tok[k - 1].text == ")") {
    std::size_t open = k - 1;
    while (open > 0 && k - open < 6 && tok[open].text != "(") --open;
    if (tok[open].text == "(" && open > 0 && tok[open - 1].capitalised) k = open;
  }
  // A run of capitalised words right before the verb ("Mrs May told", "Sir Michael said").
  std::size_t run = k;
  while (run > 0 && tok[run - 1].capitalised) --run;
  // ("DeKalb's McGiboney says": whose he is comes before him.)
  for (std::size_t j = run; j + 1 < k; ++j) {
    if (tok[j].lower.ends_with("'s") || tok[j].lower.ends_with("\xE2\x80\x99s")) run = j + 1;
  }
  // "A committee picked by China to prepare for the handover said", "a spokesman reached by
  // telephone said": a participle's clause after the subject's noun; the noun speaks.
  {
    std::size_t s0 = k;
    while (s0 > 0 && !ends_sentence(tok, s0 - 1) && tok[s0 - 1].text != ":" && tok[s0 - 1].text != ";") --s0;
    if (s0 + 3 < k && one_of(tok[s0].lower, {"a", "an", "the"})) {
      std::size_t j = s0 + 1;
      while (j < k && j < s0 + 4 && tok[j].type == Token::kWord && !tok[j].capitalised && !tok[j].lower.ends_with("ed")) ++j;
      if (j > s0 + 1 && j + 1 < k && tok[j].lower.size() > 4 && tok[j].lower.ends_with("ed") &&
          one_of(tok[j + 1].lower, {"by", "to", "for", "in", "with", "at"})) {
        std::string phrase(tok[s0].lower);
        for (std::size_t m = s0 + 1; m < j; ++m) append_word(phrase, tok[m].text);
        return phrase;
      }
    }
  }
  // "Margaret Beckett, the U.K.'s Foreign Secretary said": an office (its second comma
  // left out) after the name it describes.
  {
    bool office = run < k;
    for (std::size_t j = run; j < k && office; ++j) office = is_title_word(tok[j].lower);
    for (std::size_t c = run; office && c > 1 && run - c < 8; --c) {
      if (tok[c - 1].text != ",") continue;
      std::size_t b = c - 1;
      while (b > 0 && tok[b - 1].capitalised) --b;
      std::string name;
      for (std::size_t j = b; j + 1 < c; ++j) append_word(name, tok[j].text);
      if (c - 1 - b >= 2 && !name_in_phrase(name).empty()) return name;
      break;
    }
  }
  while (run < k && is_sentence_connective(tok[run].lower)) ++run;  // "But McDonald said"
  if (run < k && run >= 1 && one_of(tok[run - 1].lower, {"in", "at", "from", "near"})) {
    // "doctors in Fort William said": the speakers are the noun before the place; a
    // place itself does not speak.
    if (run >= 2 && !tok[run - 2].capitalised && tok[run - 2].type == Token::kWord) return std::string(tok[run - 2].lower);
    // "the United Nations High Commissioner for Refugees in Moscow said": the institution
    // before the place.
    if (run >= 2 && tok[run - 2].capitalised) {
      std::size_t e = run - 1, b = e;
      while (b > 0 && (tok[b - 1].capitalised ||
                       (one_of(tok[b - 1].lower, {"of", "for"}) && b > 1 && tok[b - 2].capitalised))) {
        --b;
      }
      if (one_of(tok[b].lower, {"the", "a", "an"})) ++b;
      bool institution = false;
      for (std::size_t j = b; j < e; ++j) institution = institution || is_org_like(tok[j].lower) || is_title_word(tok[j].lower);
      if (institution && e - b >= 2) {
        std::string name;
        for (std::size_t j = b; j < e; ++j) append_word(name, tok[j].text);
        return name;
      }
    }
    return "";
  }
  if (run < k) {
    // "The Transportation Safety Board of Canada said", "The Bank of England said": an
    // institution's name runs over "of".
    // ("The Board of Deputies of British Jews said": over each "of".)
    std::size_t from = run;
    bool institution = false;
    while (from >= 2 && tok[from - 1].lower == "of" && tok[from - 2].capitalised) {
      from -= 2;
      while (from > 0 && tok[from - 1].capitalised && !is_sentence_connective(tok[from - 1].lower)) --from;
      for (std::size_t j = from; j < run && !institution; ++j) institution = tok[j].capitalised && is_org_like(tok[j].lower);
    }
    if (institution) {
      if (one_of(tok[from].lower, {"the", "a", "an"})) ++from;
      std::string name;
      for (std::size_t j = from; j < k; ++j) append_word(name, tok[j].text);
      return name;
    }
    // "Baker of Rutgers noted": the person before "of" and the place or school.
    if (run >= 2 && tok[run - 1].lower == "of" && tok[run - 2].capitalised && !is_org_like(tok[run - 2].lower) &&
        !is_title_word(tok[run - 2].lower)) {
      std::size_t q = run - 2;
      while (q > 0 && tok[q - 1].capitalised && !is_sentence_connective(tok[q - 1].lower)) --q;
      std::string name;
      for (std::size_t j = q; j < run - 1; ++j) append_word(name, tok[j].text);
      return name;
    }
    // "Priya Nand of the Maritime Workers Union told": the person before "of the".
    if (run >= 3 && tok[run - 1].lower == "the" && tok[run - 2].lower == "of" && tok[run - 3].capitalised) {
      std::size_t p = run - 2;
      std::size_t q = p;
      while (q > 0 && tok[q - 1].capitalised) --q;
      // "On Tuesday Prime Minister of the United Kingdom Tony Blair said": an office before
      // "of the", so the name ends the run.
      bool office = true;
      for (std::size_t j = q; j < p && office; ++j) {
        office = is_title_word(tok[j].lower) || is_day_or_month(tok[j].lower) || is_sentence_connective(tok[j].lower) ||
                 one_of(tok[j].lower, {"on", "in", "at"});
      }
      if (office && k - run >= 3) return std::string(tok[k - 2].text) + " " + std::string(tok[k - 1].text);
      std::string name;
      for (std::size_t j = q; j < p; ++j) append_word(name, tok[j].text);
      return name;
    }
    std::string name;
    for (std::size_t j = run; j < k; ++j) append_word(name, tok[j].text);
    // "the Prime Minister said", "the IS statement said" keep their article.
    if (run > 0 && tok[run - 1].lower == "the") name = "the " + name;
    return name;
  }
  // "the IS statement said", "a spokesman said", "one witness told", "an older, heavyset
  // woman said", "the New York air traffic controller said".
  std::size_t det = k;
  // ("the 62-year-old senator said": an age inside the description.)
  while (det > 0 && k - det < 8 &&
         (tok[det - 1].type == Token::kWord || tok[det - 1].type == Token::kNumber || tok[det - 1].text == "," ||
          tok[det - 1].text == "-") &&
         !one_of(tok[det - 1].lower, {"the", "a", "an", "one"})) {
    --det;
  }
  if (det > 0 && one_of(tok[det - 1].lower, {"the", "a", "an", "one"})) {
    // "a police official stormed in and said": the subject ends at its own verb.
    std::size_t end = k;
    for (std::size_t j = det; j < k; ++j) {
      if (tok[j].type == Token::kWord && !tok[j].capitalised && tok[j].lower.size() > 3 && tok[j].lower.ends_with("ed")) {
        end = j;
        break;
      }
    }
    std::string phrase(tok[det - 1].lower);
    for (std::size_t j = det; j < end; ++j) {
      // The age says how old, not who: "the 62-year-old senator" is the senator.
      const bool age = tok[j].type == Token::kNumber || tok[j].text == "-" || tok[j].lower.starts_with("year-old");
      if (!age) append_word(phrase, tok[j].text);
    }
    return phrase;
  }
  // "London's Guardian newspaper said": a short phrase that opens the sentence.
  if (det == 0 && k <= 6 && tok[0].capitalised && !is_sentence_connective(tok[0].lower)) {
    std::string phrase;
    for (std::size_t j = 0; j < k; ++j) append_word(phrase, tok[j].text);
    return phrase;
  }
  return "";
}

}  // namespace

// The speaker phrase for a speech verb at tok[v]: the name, pronoun or "the ..." phrase
// before it, or (when `after`) the one after it.
std::string speaker_near_verb(const std::vector<Token>& tok, std::size_t v, bool after) {
  return after ? speaker_after_verb(tok, v) : speaker_before_verb(tok, v);
}

}  // namespace chorus::internal
