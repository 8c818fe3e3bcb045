// The speaker phrase of a quotation from the words around it in its sentence: a source
// labelled before it ("Source: ..."), a speech verb before the quotation ("X said:", "X
// called the strike \"...\""), "according to X", "in X's words", or a speech verb after it
// ("\"...,\" X said", "\"...,\" said X"); speaker_near_verb (speaker_phrase.cc) reads the
// speaker at each verb, tidy_phrase cuts what the rules left in the wrong place.
#include "base/string_util.h"
#include "facts/quote_rules.h"
#include "facts/tokens.h"
#include "text/tokenize.h"

namespace chorus::internal {

namespace {

// Verbs that, after a comma, name their speaker next: "..., said Wang, a former surgeon,"
// (after "told" the name is who heard it: "..., told The Associated Press").
bool puts_speaker_after_comma(std::string_view verb) {
  return one_of(verb, {"said", "says", "added", "adds", "wrote", "writes"});
}

// "\"...,\" 17-year-old Zuhir Hersi, one of the disc jockeys at the bash, said": the name
// that opens the words after a quotation and an apposition before the verb at tok[v].
std::string leading_name(const std::vector<Token>& tok, std::size_t v) {
  std::size_t k = 0;
  while (k < v && k < 5 && !tok[k].capitalised && (tok[k].type == Token::kNumber || tok[k].text == "-" ||
                                                    (tok[k].type == Token::kWord && !is_pronoun(tok[k].lower)))) {
    ++k;
  }
  std::string name;
  std::size_t words = 0;
  while (k < v && tok[k].capitalised && !is_day_or_month(tok[k].lower)) {
    append_word(name, tok[k++].text);
    ++words;
  }
  if (words < 2 || k >= v || tok[k].text != ",") return "";
  return name;
}

}  // namespace

namespace {

// `* AP - "..."`, `BBC: "..."`: a list item or a transcript line that is only a name and a
// dash or colon before the quotation names its source; "" otherwise.
std::string labelled_source(std::string_view before) {
  before = trim(before);
  while (!before.empty() && (before.front() == '*' || before.front() == '-')) before = trim(before.substr(1));
  if (before.starts_with("\xE2\x80\xA2")) before = trim(before.substr(3));  // a bullet
  std::size_t mark = 0;
  if (before.ends_with(" -") || before.ends_with(":")) mark = before.ends_with(":") ? 1 : 2;
  else if (before.ends_with(" \xE2\x80\x93") || before.ends_with(" \xE2\x80\x94")) mark = 4;
  if (mark == 0 || before.size() <= mark) return "";
  const std::string_view name = trim(before.substr(0, before.size() - mark));
  std::size_t words = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const bool starts_word = i == 0 || name[i - 1] == ' ';
    if (starts_word && !is_ascii_upper(name[i])) return "";  // a sentence, not a name
    if (!starts_word) continue;
    ++words;
    const std::size_t end = std::min(name.find(' ', i), name.size());
    if (is_speech_verb(to_lower_ascii(name.substr(i, end - i)))) return "";  // "Says McCarty:"
  }
  return words >= 1 && words <= 5 ? std::string(name) : "";
}

// The speaker phrase before tidying (speaker_phrase below).
// "The Board said in a statement that ... the smoke that the pilots reported in the
// cockpit ... was \"...\"": a speech verb in a clause that describes a noun ("the smoke
// that the pilots reported") reports that noun, not the quotation.
bool in_relative_clause(const std::vector<Token>& tok, std::size_t v) {
  std::size_t b = v;
  while (b > 0 && v - b < 4 && tok[b - 1].type == Token::kWord && !tok[b - 1].capitalised &&
         !one_of(tok[b - 1].lower, {"that", "which"})) {
    --b;
  }
  if (b < 2 || b == v || !one_of(tok[b - 1].lower, {"that", "which"})) return false;
  const Token& noun = tok[b - 2];
  return noun.type == Token::kWord && !noun.capitalised && !is_speech_verb(noun.lower) && !noun.lower.ends_with("ed") &&
         !one_of(noun.lower, {"so", "now", "believe", "believes", "think", "thinks", "know", "knows", "knew", "thought",
                              "say", "tell", "show", "shows", "found", "and", "but", "is", "was", "are", "were"});
}

std::string raw_speaker_phrase(std::string_view before, std::string_view after, bool& partial, bool& verb_found) {
  if (std::string source = labelled_source(before); !source.empty()) {
    partial = false;
    verb_found = true;
    return source;
  }
  TokenList pre = tokenize_sentence(before);
  TokenList post = tokenize_sentence(after);
  // Before the quote, within the same sentence: "X said:", "X called the strike".
  std::size_t start = 0;
  for (std::size_t k = 0; k < pre.size(); ++k) {
    if (ends_sentence(pre, k)) start = k + 1;
  }
  std::vector<Token> clause(pre.begin() + static_cast<std::ptrdiff_t>(start), pre.end());
  const bool ends_with_colon = !clause.empty() && (clause.back().text == ":" || clause.back().text == ",");
  partial = !clause.empty() && !ends_with_colon;
  verb_found = false;
  // "In the March interview, Southerland said, journalists called Zhang ... and \"he
  // didn't say ...\"": a name and "said" set off by commas report the rest of the sentence.
  for (std::size_t v = 1; v + 1 < clause.size(); ++v) {
    if (!one_of(clause[v].lower, {"said", "says"}) || clause[v + 1].text != "," || !clause[v - 1].capitalised) continue;
    std::size_t b = v - 1;
    while (b > 0 && clause[b - 1].capitalised) --b;
    if (b > 0 && clause[b - 1].text != ",") continue;
    std::string name;
    for (std::size_t j = b; j < v; ++j) append_word(name, clause[j].text);
    if (is_sentence_connective(lower_word(name.substr(0, name.find(' '))))) continue;
    verb_found = true;
    return name;
  }
  for (std::size_t k = clause.size(); k > 0; --k) {
    if (is_speech_verb_at(clause, k - 1) && !in_relative_clause(clause, k - 1)) {
      verb_found = true;
      // "Andreessen ... is said by Barksdale to be an": the passive's agent speaks.
      if (k + 1 < clause.size() && clause[k].lower == "by" && clause[k + 1].capitalised) {
        std::string agent;
        for (std::size_t j = k + 1; j < clause.size() && clause[j].capitalised; ++j) append_word(agent, clause[j].text);
        return agent;
      }
      // "Says McCarty: ...", "Says Florida State defensive end Tony Bryant: ...": the verb
      // first, its speaker after it.
      std::string s = speaker_near_verb(clause, k - 1, k == 1);
      // "The business was shuttered in 1996, said Wang, a former surgeon in Beijing,
      // \"...\"": a comma before the verb puts its speaker after it.
      // ("David Boies, the lead lawyer, said Microsoft's strategy was ...": a name that
      // goes on into its clause is what was said, not who said it.)
      std::size_t name_end = k;
      while (name_end < clause.size() && clause[name_end].capitalised && !clause[name_end].lower.ends_with("'s")) {
        ++name_end;
      }
      // ("... said Farrakhan \"has clearly offensive views\"": the quotation goes on with
      // the name as its subject.)
      // (After "told" the name is who heard it: "As his uncle, R.W. Eaton, told The Denver
      // Post, ...".)
      if (k >= 2 && clause[k - 2].text == "," && name_end > k && name_end < clause.size() &&
          clause[name_end].text == "," && puts_speaker_after_comma(clause[k - 1].lower)) {
        std::string named = speaker_near_verb(clause, k - 1, true);
        if (!named.empty() && is_ascii_upper(named[0])) s = std::move(named);
      }
      // "Deputy Reggie Fluty, who said she told the victim, ...": the one the relative
      // clause is about, not a pronoun to resolve.
      if (is_pronoun(s)) {
        for (std::size_t w = 2; w + 1 < k; ++w) {
          if (clause[w].lower != "who" || clause[w - 1].text != "," || !clause[w - 2].capitalised ||
              !is_speech_verb_at(clause, w + 1)) {
            continue;
          }
          std::size_t b = w - 1;
          while (b > 0 && clause[b - 1].capitalised) --b;
          // ("Albany County Deputy Reggie Fluty": the name after the last title.)
          for (std::size_t j = b; j + 1 < w - 1; ++j) {
            if (is_title_word(clause[j].lower)) b = j + 1;
          }
          std::string name;
          for (std::size_t j = b; j < w - 1; ++j) append_word(name, clause[j].text);
          if (!name_in_phrase(name).empty()) return name;
        }
      }
      if (!s.empty()) return s;
    }
  }
  // "According to police chief Tom Brown, \"...\"", "\"...,\" according to the ministry."
  auto according_to = [](const std::vector<Token>& tok, std::size_t within) -> std::string {
    for (std::size_t k = 0; k + 2 < tok.size() && k < within; ++k) {
      if (tok[k].lower != "according" || tok[k + 1].lower != "to") continue;
      std::size_t end = k + 2;
      while (end < tok.size() && tok[end].text != "," && !ends_sentence(tok, end)) ++end;
      // "According to the Iranian Foreign Minister, Manouchehr Mottaki, ...": the name the
      // apposition gives.
      if (end + 3 < tok.size() && tok[end].text == ",") {
        std::size_t e = end + 1;
        std::string named;
        while (e < tok.size() && tok[e].capitalised) append_word(named, tok[e++].text);
        if (e - end - 1 >= 2 && e < tok.size() && tok[e].text == "," && !name_in_phrase(named).empty()) return named;
      }
      // "police chief Tom Brown": the name a description ends with.
      std::size_t name = end;
      while (name > k + 2 && tok[name - 1].capitalised) --name;
      const std::size_t first = end - name >= 2 ? name : k + 2 + (one_of(tok[k + 2].lower, {"a", "an", "the"}) ? 1 : 0);
      std::string who;
      for (std::size_t j = first; j < end; ++j) append_word(who, tok[j].text);
      return who;
    }
    return "";
  };
  if (std::string who = according_to(clause, clause.size()); !who.empty()) return who;
  // "in Piccard's words, \"...\"": whose words they are.
  for (std::size_t k = 0; k + 2 < clause.size(); ++k) {
    if (clause[k].lower != "in" || !clause[k + 1].capitalised || !one_of(clause[k + 2].lower, {"words", "phrase"})) continue;
    const std::string_view who = bare_word(clause[k + 1].text);
    if (who.size() < clause[k + 1].text.size()) return std::string(who);
  }
  // After it: "\"...,\" X said", "\"...,\" said X"; farther for a name whose long
  // apposition comes before the verb ("\"...,\" Thorne Lay, professor of ... at the
  // University of California, Santa Cruz said").
  for (std::size_t k = 0; k < post.size() && k < 48; ++k) {
    if (k > 0 && ends_sentence(post, k) && post[k].text == ".") break;
    // ("\"...,\" agreed Thelma Hansen": right after a quotation, agreeing is saying.)
    const bool agrees = k <= 1 && one_of(post[k].lower, {"agreed", "agrees"}) && k + 1 < post.size() &&
                        post[k + 1].capitalised;
    if (agrees || is_speech_verb_at(post, k)) {
      // ("\"...\" as well as parts of South America, says Rappole": a name right after the
      // verb that a comma opens speaks, not the place before it.)
      // (After "told" the name is who heard it: "..., told The Associated Press".)
      if (k > 1 && post[k - 1].text == "," && k + 1 < post.size() && post[k + 1].capitalised &&
          !is_when(post, k + 1) && puts_speaker_after_comma(post[k].lower)) {
        std::string named = speaker_near_verb(post, k, true);
        if (!named.empty() && is_ascii_upper(named[0])) return named;
      }
      std::string lead = leading_name(post, k);
      if (!lead.empty()) return lead;
      if (k >= 24) break;
      // ("It will \"take two months\" to eliminate the militants in Chechnya, said General
      // Valery Manilov": a comma before the verb puts its speaker after it.)
      if (k > 1 && post[k - 1].text == ",") {
        std::string named = speaker_near_verb(post, k, true);
        if (!name_in_phrase(named).empty()) return named;
      }
      std::string s = speaker_near_verb(post, k, k == 0 || (k == 1 && post[0].type == Token::kMark));
      if (s.empty()) s = speaker_near_verb(post, k, false);
      if (!s.empty()) return s;
    }
  }
  if (std::string who = according_to(post, 2); !who.empty()) return who;
  return "";
}

// A phrase the rules above cut in the wrong place names no one: "lower courts and",
// "then"; "of Agriculture Dan Glickman" is Dan Glickman, "attorney general said" the
// attorney general and "a party manifesto that" the manifesto.
std::string tidy_phrase(const std::string& phrase) {
  TokenList tok = tokenize_sentence(phrase);
  bool trimmed = false;
  while (!tok.empty() && one_of(tok.back().lower, {"said", "says", "that", "which", "who"})) {
    tok.pop_back();
    trimmed = true;
  }
  if (tok.empty()) return "";
  if (one_of(tok.back().lower, {"and", "but", "or"})) return "";
  if (tok.size() == 1 && one_of(tok[0].lower, {"then", "time", "way", "dozen", "now", "also", "later", "year-old"})) {
    return "";
  }
  std::size_t first = 0;
  if (tok[0].lower == "of") {
    first = tok.size();
    while (first > 1 && tok[first - 1].capitalised) --first;
    if (tok.size() - first < 2) return "";
  }
  if (first == 0 && !trimmed) return phrase;
  std::string out;
  for (std::size_t j = first; j < tok.size(); ++j) append_word(out, tok[j].text);
  return out;
}

}  // namespace

// The speaker phrase for a quotation from the words before and after it in its sentence.
std::string speaker_phrase(std::string_view before, std::string_view after, bool& partial, bool& verb_found) {
  return tidy_phrase(raw_speaker_phrase(before, after, partial, verb_found));
}

}  // namespace chorus::internal
