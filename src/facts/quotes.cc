// Direct quotations and who said them. Quote marks are paired paragraph by paragraph
// (straight and typographic, double and single; an apostrophe between letters is not a
// mark); a quotation left open at the end of a paragraph goes on in the next paragraph
// when that one opens with a mark. The speaker comes from the words around the
// quotation ("X said:", "\"...,\" X said", "said X", "X told MPs:", "X called it
// \"...\""), and pronouns and short names are resolved to the full names seen before.
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <set>

#include "base/string_util.h"
#include "base/unicode.h"
#include "base/utf8.h"
#include "facts/facts_internal.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

bool is_speech_verb(std::string_view w) {
  static const WordSet kWords{"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "tweeted", "explained",
                    "warned", "stated", "declared", "insisted", "continued", "replied", "announced", "admitted",
                    "urged", "called", "described", "saying", "adding", "concluded", "asked", "confirmed",
                    "shouted", "yelled", "screamed", "cried", "chanted", "stressed", "testified", "affirmed", "noted",
                    "recalled", "argued", "contended", "predicted", "promised", "vowed", "pledged", "acknowledged",
                    "conceded", "complained", "suggested", "asserted", "maintained", "claimed", "observed", "quipped",
                    "remarked", "responded", "answered", "countered", "whispered", "emphasized", "emphasised",
                    "cautioned", "lamented", "boasted", "recounted", "declaring", "insisting", "warning", "telling",
                    "explaining", "asking", "urging", "announcing", "proclaimed", "shouting", "stating", "retorted",
                    "snapped", "joked", "mused", "sighed", "conceded", "reiterated", "speculated", "estimated",
                    "acknowledging", "contending", "arguing", "noting", "recalling", "predicting", "promising",
                    "states", "notes", "concludes", "reads", "argues", "insists", "warns", "explains", "recalls",
                    "reported", "reports"};
  return kWords.contains(w);
}

// Words between a subject and its speech verb: "X was quoted as saying", "X has
// testified", "X also said", "X, who affirmed".
bool is_verb_auxiliary(std::string_view w) {
  static const WordSet kWords{"was", "were", "is", "are", "has", "had", "have", "also", "later", "then", "again", "quoted",
                              "as", "further", "once", "would", "will", "reportedly", "previously", "earlier", "first",
                              "who", "which", "had", "repeatedly", "often", "publicly", "angrily", "tearfully", "simply",
                              "just", "only", "still", "quietly", "openly"};
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

bool is_pronoun(std::string_view w) { return one_of(w, {"he", "she", "they"}); }

// "Muasher Friday": a day or month after a name is when, not who ("May" stays: a surname).
bool is_day_or_month(std::string_view w) {
  return weekday_number(w) >= 0 || (month_number(w) > 0 && w != "may") || w == "today" || w == "yesterday";
}

// Words that make a capitalised run an organisation or a place rather than a person.
bool is_org_like(std::string_view w) { return is_org_word(w) || is_place_word(w); }

// Titles and offices before a name ("Mr", "Defence Secretary").
bool is_title_word(std::string_view w) { return is_title(w) || is_office_word(w); }

struct Segment {
  std::size_t begin = 0, end = 0;  // the quoted words, in the cleaned text (marks excluded)
  std::size_t open = 0, close = 0; // the marks' offsets (close = end of text when left open)
  bool closed = true;
  std::uint32_t paragraph = 0;
};

bool is_letter_or_digit(char32_t c) { return is_letter(c) || is_digit(c); }

// After "s'" and a space: whether the next word is a noun the plural possessive holds
// ("years' service") rather than the sentence going on ("the boys' and", "' he said").
bool possessive_follows(std::string_view text, std::size_t pos, std::size_t end) {
  std::size_t b = pos + 1;  // past the space
  std::size_t e = b;
  while (e < end && is_ascii_alpha(text[e])) ++e;
  if (e == b || !is_ascii_lower(text[b])) return false;
  static const WordSet kFunction{"and", "or", "but", "he", "she", "they", "it", "said", "says", "to", "in", "on", "at",
                                 "of", "for", "with", "as", "is", "was", "were", "are", "that", "which", "who", "the",
                                 "a", "an", "by", "from", "than", "then", "so", "if", "when", "we", "i", "you", "told",
                                 "added", "asked", "replied", "wrote", "has", "had", "have", "be", "been", "not"};
  return !kFunction.contains(lower_word(text.substr(b, e - b)));
}

// Quote segments of one paragraph [begin, end) of the cleaned text.
std::vector<Segment> pair_marks(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t paragraph) {
  std::vector<Segment> out;
  enum { kNone, kDouble, kSingle } open = kNone;
  Segment cur;
  char32_t prev = ' ';
  std::size_t pos = begin;
  while (pos < end) {
    const std::size_t at = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    // Letters, digits and spaces only matter as the neighbours of a mark: skip them fast.
    if (byte < 0x80 && byte != '"' && byte != '\'') {
      prev = byte;
      ++pos;
      continue;
    }
    const char32_t c = decode_utf8(text, pos);
    std::size_t peek = pos;
    const char32_t next = pos < end ? decode_utf8(text, peek) : U' ';
    const bool dbl = c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u00AB' || c == U'\u00BB';
    const bool sgl = c == U'\'' || c == U'\u2018' || c == U'\u2019';
    if (dbl) {
      if (open == kNone && c != U'\u201D' && c != U'\u00BB') {
        open = kDouble;
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if ((open == kDouble && c != U'\u201C' && c != U'\u00AB') || (open == kSingle && c == U'\u201D')) {
        // (A closing double mark also ends a quotation some copy opened with a single one.)
        cur.end = at;
        cur.close = at;
        out.push_back(cur);
        open = kNone;
      }
    } else if (sgl && !(is_letter_or_digit(prev) && is_letter_or_digit(next))) {
      // "‘(Thursday) morning, Parliament will meet": a bracket may open the quoted words.
      const bool opens_words = is_letter_or_digit(next) || next == U'(' || next == U'[';
      if (open == kNone && c != U'\u2019' && !is_letter_or_digit(prev) && opens_words) {
        open = kSingle;
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if (open == kNone && c == U'\u2019' && !is_letter_or_digit(prev) && is_letter_or_digit(next)) {
        open = kSingle;  // some outlets open with a right single mark
        cur = Segment{pos, pos, at, at, true, paragraph};
      } else if (open == kSingle && c != U'\u2018' && prev != U' ' && !is_letter(next) &&
                 !(prev == U's' && next == U' ' && possessive_follows(text, pos, end))) {
        // "years' service": a plural possessive after a closing letter would look the same,
        // so only a mark followed by punctuation, a space or the end closes a quotation,
        // and not "s' " before a noun ("15 years' service" goes on).
        cur.end = at;
        cur.close = at;
        out.push_back(cur);
        open = kNone;
      }
    }
    prev = c;
  }
  if (open != kNone) {
    cur.end = end;
    cur.close = end;
    cur.closed = false;
    out.push_back(cur);
  }
  return out;
}

// Abbreviations whose full stop does not end a sentence ("Col. Arkady Krimsky said").
bool is_abbreviated_title(std::string_view w) {
  static const WordSet kWords{"mr", "mrs", "ms", "dr", "st", "jr", "sr", "rev", "prof", "sgt", "gen", "col", "lt", "maj",
                              "capt", "cpl", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "det", "brig",
                              "cmdr", "cdr", "fr", "msgr", "hon", "gens", "cols", "lieut", "sgts", "reps", "sens"};
  return kWords.contains(w);
}

std::string name_in_phrase(const std::string& phrase);

// The speaker phrase for a speech verb at tok[v]: the name, pronoun or "the ..." phrase
// before it, or (when `after`) the one after it.
std::string speaker_near_verb(const std::vector<Token>& tok, std::size_t v, bool after) {
  if (after) {
    // "said Priya Nand, the union's organiser", "said resident Paul Hendry, 64", "said the
    // 46-year-old Chmiel", "said a grim-faced Arafat".
    std::size_t k = v + 1;
    std::size_t skipped = 0;
    while (k < tok.size() && !tok[k].capitalised && skipped < 6 &&
           ((tok[k].type == Token::kWord && !is_pronoun(tok[k].lower)) || tok[k].type == Token::kNumber ||
            tok[k].text == "-")) {
      ++k, ++skipped;
    }
    if (k < tok.size() && is_pronoun(tok[k].lower)) return std::string(tok[k].lower);
    std::string name;
    std::size_t words = 0;
    while (k < tok.size() && (tok[k].capitalised || (tok[k].text == "." && k > 0 && is_abbreviated_title(tok[k - 1].lower))) &&
           !is_day_or_month(tok[k].lower)) {
      if (tok[k].text != ".") {
        append_word(name, tok[k].text);
        ++words;
      }
      ++k;
    }
    // "said Anna Berg's husband Lars Berg": the possessive names whose relative speaks.
    if (words > 0 && (name.ends_with("'s") || name.ends_with("\xE2\x80\x99s"))) {
      std::size_t j = k, skipped_nouns = 0;
      while (j < tok.size() && !tok[j].capitalised && tok[j].type == Token::kWord && skipped_nouns < 3) ++j, ++skipped_nouns;
      std::string relative;
      while (j < tok.size() && tok[j].capitalised) append_word(relative, tok[j++].text);
      if (!relative.empty() && skipped_nouns > 0) return relative;
    }
    // "said a young man who gave his name only as Sami", "said a woman identified as X".
    if (words == 0) {
      for (std::size_t j = k; j + 1 < tok.size() && j < k + 10 && tok[j].text != "," && tok[j].text != "."; ++j) {
        if (one_of(tok[j].lower, {"as", "named"}) && tok[j + 1].capitalised) {
          std::string named;
          for (std::size_t m = j + 1; m < tok.size() && tok[m].capitalised; ++m) append_word(named, tok[m].text);
          return named;
        }
      }
    }
    // "said a top Russian commander in Chechnya, Col. Gen. Gennady Troshev", "said one
    // woman, Lena Marsh": the name the apposition gives.
    if (words < 2) {
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
        if (n >= 2 && !full.empty() && (j == tok.size() || tok[j].text == "," || tok[j].text == ".")) return full;
      }
    }
    // "said a senior Republican senator on Capitol Hill": a description, not a name.
    if (words <= 1 && skipped > 0 && one_of(tok[v + 1].lower, {"a", "an", "the", "one"})) {
      std::size_t e = k - words;
      while (e < tok.size() && tok[e].capitalised) ++e;
      if (e > k - words && e < tok.size() && tok[e].type == Token::kWord && !tok[e].capitalised &&
          !one_of(tok[e].lower, {"of", "and", "in", "at", "for", "on", "who", "said"}) && e + 1 <= tok.size()) {
        std::string phrase;
        for (std::size_t j = v + 2; j <= e; ++j) append_word(phrase, tok[j].text);
        return phrase;
      }
    }
    return name;
  }
  if (v == 0) return "";
  // "Gates wrote a memo to others in the company acknowledging that ...": a participle
  // speaks for the subject of its clause, a name followed by its verb.
  if (tok[v].lower.ends_with("ing") || one_of(tok[v - 1].lower, {"and", "but"})) {
    for (std::size_t j = v; j-- > 1;) {
      if (tok[j - 1].capitalised && tok[j].type == Token::kWord && !tok[j].capitalised &&
          (tok[j].lower.ends_with("ed") || one_of(tok[j].lower, {"wrote", "said", "told", "sent", "gave", "made", "spoke"})) &&
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
  std::size_t k = v;
  while (k > 1 && tok[k - 1].type == Token::kWord && is_verb_auxiliary(tok[k - 1].lower)) --k;
  // "An Intel note a few weeks later said": back over the time phrase.
  if (k > 3 && one_of(tok[k - 1].lower, {"later", "earlier", "ago", "before"}) &&
      one_of(tok[k - 2].lower, {"days", "weeks", "months", "years", "hours", "minutes", "day", "week", "month", "year"})) {
    k -= 2;
    while (k > 1 && (tok[k - 1].type == Token::kNumber || one_of(tok[k - 1].lower, {"a", "few", "several", "two", "three"}))) --k;
  }
  // "Tom Ridley, an area manager at the Environment Agency, said": back over the apposition.
  if (tok[k - 1].text == ",") {
    std::size_t start = k - 1;
    while (start > 0 && tok[start - 1].text != "." && tok[start - 1].text != ":") --start;
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
      if (!is_country(lower_word(name))) return name;  // "..., in Porto, Portugal, said" is no one
    }
  }
    // The first run that looks like a person (two words, or a title); else the first run.
    std::string first_run;
    for (std::size_t j = start; j + 1 < k; ++j) {
      if (tok[j].capitalised && is_sentence_connective(tok[j].lower)) continue;  // "But Jim Hall, ..."
      if (tok[j].capitalised && !one_of(tok[j].lower, {"asked", "in", "speaking", "paying", "according", "after"})) {
        std::string name;
        std::size_t words = 0;
        bool org = false;
        while (j < k && tok[j].capitalised) {
          org = org || is_org_like(tok[j].lower);
          append_word(name, tok[j++].text);
          ++words;
        }
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
  // A run of capitalised words right before the verb ("Mrs May told", "Sir Michael said").
  std::size_t run = k;
  while (run > 0 && tok[run - 1].capitalised) --run;
  while (run < k && is_sentence_connective(tok[run].lower)) ++run;  // "But McDonald said"
  if (run < k && run >= 1 && one_of(tok[run - 1].lower, {"in", "at", "from", "near"})) {
    // "doctors in Fort William said": the speakers are the noun before the place; a
    // place itself does not speak.
    if (run >= 2 && !tok[run - 2].capitalised && tok[run - 2].type == Token::kWord) return std::string(tok[run - 2].lower);
    return "";
  }
  if (run < k) {
    // "Priya Nand of the Maritime Workers Union told": the person before "of the".
    if (run >= 3 && tok[run - 1].lower == "the" && tok[run - 2].lower == "of" && tok[run - 3].capitalised) {
      std::size_t p = run - 2;
      std::size_t q = p;
      while (q > 0 && tok[q - 1].capitalised) --q;
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
  while (det > 0 && k - det < 6 && (tok[det - 1].type == Token::kWord || tok[det - 1].text == ",") &&
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
    for (std::size_t j = det; j < end; ++j) append_word(phrase, tok[j].text);
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

// The speaker phrase for a quotation from the words before and after it in its sentence.
std::string speaker_phrase(std::string_view before, std::string_view after, bool& partial, bool& verb_found) {
  TokenList pre = tokenize_sentence(before);
  TokenList post = tokenize_sentence(after);
  // Before the quote, within the same sentence: "X said:", "X called the strike".
  std::size_t start = 0;
  for (std::size_t k = 0; k < pre.size(); ++k) {
    if (pre[k].text == "." || pre[k].text == "?" || pre[k].text == "!") start = k + 1;
  }
  std::vector<Token> clause(pre.begin() + static_cast<std::ptrdiff_t>(start), pre.end());
  const bool ends_with_colon = !clause.empty() && (clause.back().text == ":" || clause.back().text == ",");
  partial = !clause.empty() && !ends_with_colon;
  verb_found = false;
  for (std::size_t k = clause.size(); k > 0; --k) {
    if (clause[k - 1].type == Token::kWord && is_speech_verb(clause[k - 1].lower)) {
      verb_found = true;
      std::string s = speaker_near_verb(clause, k - 1, false);
      if (!s.empty()) return s;
    }
  }
  // After it: "\"...,\" X said", "\"...,\" said X".
  for (std::size_t k = 0; k < post.size() && k < 24; ++k) {
    if (post[k].text == "." && k > 0) break;
    if (post[k].type == Token::kWord && is_speech_verb(post[k].lower)) {
      std::string lead = leading_name(post, k);
      if (!lead.empty()) return lead;
      std::string s = speaker_near_verb(post, k, k == 0 || (k == 1 && post[0].type == Token::kMark));
      if (s.empty()) s = speaker_near_verb(post, k, false);
      if (!s.empty()) return s;
    }
  }
  // "X said it was a 'peripheral' figure": any speech verb earlier in the sentence.
  return "";
}

// The full speaker for a phrase, given the names and speakers seen before in the article.
struct LastSpeaker {
  std::string name;
  std::size_t offset = 0;  // where their quotation was
};


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
    if (is_day_or_month(tok[j].lower)) break;
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

// What a group or office speaks through: "a Cabinet statement said".
bool is_document_noun(std::string_view w) {
  static const WordSet kWords{"statement", "statements", "communique", "leaflet", "letter", "release", "announcement",
                              "message", "report", "notice", "website", "broadcast", "note", "memo", "memorandum",
                              "e-mail", "email", "document", "editorial", "ad", "advertisement", "commercial"};
  return kWords.contains(w);
}

// "the message said", "the letter said": the words of whoever wrote it, said before.
bool is_bare_document(const std::string& phrase) {
  TokenList tok = tokenize_sentence(phrase);
  const std::size_t first = !tok.empty() && one_of(tok[0].lower, {"the", "a", "an", "his", "her", "their"}) ? 1 : 0;
  return tok.size() == first + 1 && is_document_noun(tok[first].lower);
}

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

}  // namespace

std::string normalise_for_match(std::string_view text) {
  std::string out;
  for_each_word(text, [&](const std::string& w) {
    if (!out.empty()) out += ' ';
    out += w;
  });
  return out;
}

// "He said:": the person named in the nearest earlier sentence after the last person
// quoted, else that person. Sentences are read backwards one at a time, so an article's
// names are only found as far back as needed.
// The names of each sentence of an article, found on first need and kept, so resolving
// speakers reads each sentence at most once and usually only the few before a quotation.
class NameCache {
 public:
  explicit NameCache(const Document& doc)
      : doc_(doc), by_sentence_(doc.sentences.size()), subject_of_(doc.sentences.size()) {}

  // Who speaks in sentence k (speech_subject), found once.
  template <typename Find>
  const std::string& subject(std::size_t k, Find&& find) {
    if (!subject_of_[k]) subject_of_[k] = find();
    return *subject_of_[k];
  }

  const std::vector<NameMention>& sentence(std::size_t k) {
    if (!by_sentence_[k]) {
      by_sentence_[k].emplace();
      find_names_in(doc_, k, k + 1, *by_sentence_[k]);
    }
    return *by_sentence_[k];
  }

  // The full name a short mention ("Mr Rowley", "Sir Michael", "the PM") stands for: the
  // nearest fitting name before `offset`, looking back from sentence `from`; "" if none.
  std::string resolve(std::string_view written, std::size_t from, std::size_t offset) {
    const PersonMention mention = read_person_mention(written);
    for (std::size_t k = std::min(from + 1, by_sentence_.size()); k-- > 0;) {
      // A one-word mention ("Mr Rowley") can only resolve to a name holding that word:
      // sentences without it need no names found.
      if (mention.words.size() == 1 &&
          doc_.sentence_text(doc_.sentences[k]).find(mention.words[0]) == std::string_view::npos) {
        continue;
      }
      const std::vector<NameMention>& names = sentence(k);
      auto end = std::partition_point(names.begin(), names.end(), [&](const NameMention& m) { return m.offset < offset; });
      std::string full = resolve_person(mention, std::span<const NameMention>(names.data(), static_cast<std::size_t>(end - names.begin())));
      if (!full.empty()) return full;
    }
    return "";
  }

 private:
  const Document& doc_;
  std::vector<std::optional<std::vector<NameMention>>> by_sentence_;
  std::vector<std::optional<std::string>> subject_of_;
};

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

// The person a sentence without quotation marks says is speaking: "Olin said there
// were ...", "Yaakov Perry, former head of ..., told The Associated Press that ...".
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

std::string speech_subject(NameCache& names, const Document& doc, std::size_t k) {
  const std::string_view text = doc.sentence_text(doc.sentences[k]);
  // (A sentence quoting someone speaks for its own quotation; an apostrophe is no quote.)
  const bool quotes = text.find('"') != std::string_view::npos || text.find("\xE2\x80\x9C") != std::string_view::npos ||
                      text.find("\xE2\x80\x9D") != std::string_view::npos;
  if (quotes || !has_speech_verb(text)) return "";
  TokenList tok = tokenize_sentence(text);
  for (std::size_t v = 1; v < tok.size() && v < 24; ++v) {
    if (tok[v].type != Token::kWord || !is_speech_verb(tok[v].lower)) continue;
    // "..., said a spokesman for the committee, Mike Russell.": the speaker follows.
    // "Yaakov Perry, former head of ..., told The Associated Press": the subject first.
    std::string phrase = speaker_near_verb(tok, v, false);
    if ((phrase.empty() || !is_ascii_upper(phrase[0])) && tok[v - 1].text == "," && v + 1 < tok.size()) {
      std::string after = speaker_near_verb(tok, v, true);
      if (!after.empty()) phrase = after;
    }
    if (phrase.empty() || is_pronoun(phrase) || !is_ascii_upper(phrase[0])) return "";
    std::string direct = name_in_phrase(phrase);
    if (!direct.empty()) return direct;
    const std::size_t words = static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
    if (words != 1) return "";
    std::string full = names.resolve(phrase, k, doc.sentences[k].span.begin + tok[v].begin);
    return full.empty() ? phrase : full;  // "Gates wrote": the name as the article gives it
  }
  return "";
}

// The capitalised word that opens a sentence when a verb follows it ("Castro had ...",
// "Shirvani came to ..."); "" otherwise.
std::string opening_name(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && !is_ascii_alpha(text[i])) ++i;
  std::size_t e = i;
  while (e < text.size() && (is_ascii_alpha(text[e]) || text[e] == '-')) ++e;
  if (e == i || !is_ascii_upper(text[i]) || e >= text.size() || text[e] != ' ') return "";
  const std::string first(text.substr(i, e - i));
  if (is_sentence_connective(lower_word(first)) || is_pronoun(lower_word(first))) return "";
  std::size_t b = e + 1, f = b;
  while (f < text.size() && is_ascii_lower(text[f])) ++f;
  const std::string_view verb = text.substr(b, f - b);
  const bool verb_like = verb.size() > 2 && (verb.ends_with("ed") || verb.ends_with("s") ||
                                             one_of(verb, {"had", "was", "came", "went", "said", "told", "met", "made",
                                                           "took", "gave", "wrote", "spoke", "left", "sent", "held"}));
  return verb_like ? first : "";
}

std::size_t people_in(const std::vector<NameMention>& names) {
  std::set<std::string> people;
  for (const NameMention& n : names) {
    if (n.kind == EntityKind::kPerson && n.name.find(' ') != std::string::npos) people.insert(n.name);
  }
  return people.size();
}

// "He said:": the person named in the nearest earlier sentence after the last person
// quoted, else that person.
std::string pronoun_speaker(NameCache& names, std::uint32_t sentence, const LastSpeaker& last,
                            const Document& doc) {
  const std::vector<Sentence>& sentences = doc.sentences;
  // The person meant is named within the last few sentences; farther back, the last
  // speaker is the better guess (and the look back stays short on long articles).
  constexpr std::size_t kLookBack = 6;
  const std::size_t from = std::min<std::size_t>(sentence, sentences.size());
  for (std::size_t k = from; k-- > 0 && from - k <= kLookBack;) {
    if (sentences[k].span.end <= last.offset) break;
    // "\"...,\" said Rick Sherlund, an analyst with Goldman Sachs. \"...,\" he said": the
    // sentence of the last quotation speaks for its speaker, not its apposition's names.
    if (!last.name.empty() && sentences[k].span.begin <= last.offset) return last.name;
    // "Olin said there were indications ...": who speaks in that sentence comes first.
    const std::string& subject = names.subject(k, [&] { return speech_subject(names, doc, k); });
    if (!subject.empty()) return subject;

    // "Castro had just finished breakfast with King Juan Carlos. He said ...": a one-word
    // name opening the sentence before its verb is its subject, resolved to the full name.
    if (std::string lone = opening_name(doc.sentence_text(sentences[k])); !lone.empty()) {
      std::string full = names.resolve(lone, k, sentences[k].span.begin);
      if (!full.empty()) return full;
    }
    const std::vector<NameMention>& here = names.sentence(k);
    // A list of people ("Olympia Snowe, Susan Collins, James Jeffords and John Chafee")
    // introduces no one.
    if (people_in(here) > 2) continue;
    // "Castro had breakfast with King Juan Carlos. He said ...": the subject comes first.
    for (const NameMention& m : here) {
      if (m.kind != EntityKind::kPerson || m.offset < last.offset) continue;
      const bool opens = m.offset <= sentences[k].span.begin + 4;  // past a quote mark or "The"
      if (opens && m.name.find(' ') != std::string::npos) return m.name;
      if (opens && !m.title.empty()) {
        std::string full = names.resolve(m.title + " " + m.name, k, m.offset);
        if (!full.empty()) return full;
      }
      break;
    }
    for (auto it = here.rbegin(); it != here.rend(); ++it) {
      if (it->kind != EntityKind::kPerson || it->offset < last.offset) continue;
      if (it->name.find(' ') != std::string::npos) return it->name;
      // A lone capitalised word without a title ("a former Goteborg firefighter") is as
      // likely a place as a person: only "Sir Michael" or "Mr. Olin" is resolved.
      if (it->title.empty()) continue;
      std::string full = names.resolve(it->title + " " + it->name, k, it->offset);
      if (!full.empty()) return full;
    }
  }
  return last.name;
}

// One or two quoted words ("a 'peripheral' figure", "described it as an 'amateur bomb.'")
// mark a term, not who said what, unless they make a sentence of their own ("No way!").
bool is_scare_quote(std::string_view quoted, std::string_view before) {
  if (std::count(quoted.begin(), quoted.end(), ' ') >= 2) return false;
  const bool opens_sentence = trim(before).empty();
  const char last = quoted.back();
  const bool sentence = opens_sentence && is_ascii_upper(quoted.front()) && (last == '.' || last == '!' || last == '?');
  return !sentence;
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

// Whether the text has any quote mark at all (most sentences of most articles do not).
bool has_quote_marks(std::string_view text) {
  // One pass: a straight mark, or the lead byte of a typographic one (checked in full).
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\'') return true;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(text[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) return true;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAB) return true;
  }
  return false;
}

std::vector<Quote> quotes_of(const Document& doc) {
  std::vector<Quote> out;
  const std::string& text = doc.clean.text;
  if (!has_quote_marks(text)) return out;
  NameCache names(doc);  // found only as far as a speaker needs them
  // Paragraph extents from their sentences.
  std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> paragraphs;
  for (const Sentence& s : doc.sentences) {
    auto [it, inserted] = paragraphs.try_emplace(s.paragraph, s.span.begin, s.span.end);
    if (!inserted) it->second.second = s.span.end;
  }
  auto sentence_at = [&](std::size_t offset) -> const Sentence* {
    auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), offset,
                               [](std::size_t o, const Sentence& s) { return o < s.span.begin; });
    if (it == doc.sentences.begin()) return nullptr;
    --it;
    return offset < it->span.end ? &*it : nullptr;
  };
  std::string last_speaker;
  LastSpeaker last_person;
  bool open_quote = false;  // the previous paragraph ended inside a quotation
  bool previous_paragraph_quoted = false;
  for (const auto& [index, extent] : paragraphs) {
    std::vector<Segment> segs = pair_marks(text, extent.first, extent.second, index);
    bool this_paragraph_quoted = false;
    std::string paragraph_speaker;
    std::size_t prev_end = extent.first;
    for (std::size_t n = 0; n < segs.size(); ++n) {
      const Segment& seg = segs[n];
      std::string_view quoted = std::string_view(text).substr(seg.begin, seg.end - seg.begin);
      quoted = trim(quoted);
      // "…in about ten minutes," said X: the comma before the closing mark belongs to the
      // reporting sentence, not to the words quoted.
      while (!quoted.empty() && quoted.back() == ',') quoted = trim(quoted.substr(0, quoted.size() - 1));
      if (quoted.empty()) continue;
      const bool starts_paragraph = trim(std::string_view(text).substr(extent.first, seg.open - extent.first)).empty();
      if (open_quote && starts_paragraph && n == 0 && !out.empty()) {
        // A quotation running on from the previous paragraph.
        out.back().text.append(" ").append(quoted);
        open_quote = !seg.closed;
        this_paragraph_quoted = true;
        prev_end = seg.close;
        continue;
      }
      const std::size_t after_end = n + 1 < segs.size() ? segs[n + 1].open : extent.second;
      std::string_view before = std::string_view(text).substr(prev_end, seg.open - prev_end);
      // Only the sentence around the quotation matters: start after the last full stop.
      for (std::size_t k = before.size(); k >= 2; --k) {
        if (before[k - 1] == ' ' && (before[k - 2] == '.' || before[k - 2] == '?' || before[k - 2] == '!')) {
          // Not after "Mr." or "Dr.": those points end a title, not a sentence.
          std::size_t w = k - 2;
          while (w > 0 && is_ascii_alpha(before[w - 1])) --w;
          const std::string title = lower_word(before.substr(w, k - 2 - w));
          // Nor after an initial or "U.S.": a single letter before the point.
          if (before[k - 2] == '.' && (is_abbreviated_title(title) || k - 2 - w <= 1)) continue;
          before.remove_prefix(k);
          break;
        }
      }
      std::string_view after = seg.closed ? std::string_view(text).substr(seg.close, std::min<std::size_t>(after_end - seg.close, 300)) : "";
      // Skip the closing mark itself.
      if (!after.empty()) {
        std::size_t p = 0;
        decode_utf8(after, p);
        after.remove_prefix(p);
        // Only the rest of the sentence can attribute it: stop at the next full stop
        // (not the one after "Mr.", nor an initial's).
        for (std::size_t k = 1; k + 1 < after.size(); ++k) {
          if (after[k] != '.' || after[k + 1] != ' ') continue;
          std::size_t w = k;
          while (w > 0 && is_ascii_alpha(after[w - 1])) --w;
          const std::string_view word = after.substr(w, k - w);
          if (word.size() <= 1 || is_abbreviated_title(lower_word(word))) continue;
          after = after.substr(0, k + 1);
          break;
        }
      }
      bool partial = false, verb_found = false;
      std::string phrase = speaker_phrase(before, after, partial, verb_found);
      const bool short_quote = std::count(quoted.begin(), quoted.end(), ' ') < 3;
      if (short_quote && phrase.empty() && !verb_found) continue;  // scare quotes: “soldiers”
      if (is_scare_quote(quoted, before)) continue;
      // Names are in text order: those before the quotation are a prefix.
      const Sentence* s = sentence_at(seg.begin);
      const std::size_t sentence_index = s ? s->index : 0;
      std::string speaker;
      if (is_bare_document(phrase)) {
        // "the message said": whoever the sentence before says wrote or said it; else the
        // document itself ("the report states" -> report).
        const std::size_t prev = sentence_index > 0 ? sentence_index - 1 : 0;
        speaker = sentence_index > 0 ? names.subject(prev, [&] { return speech_subject(names, doc, prev); }) : "";
        if (speaker.empty()) speaker = resolve_speaker(phrase, [](std::string_view) { return std::string(); });
        if (speaker.empty()) {
          TokenList words = tokenize_sentence(phrase);
          if (!words.empty()) speaker = std::string(words.back().text);
        }
      } else if (is_pronoun(phrase)) {
        speaker = pronoun_speaker(names, static_cast<std::uint32_t>(sentence_index), last_person, doc);
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
          if (could_be_person) return names.resolve(written, sentence_index, seg.open);
          return organisation_meant(names, doc, written, sentence_index, seg.open);
        });
      }
      speaker = expand_acronym(doc, sentence_index, speaker);
      // "\"Go home,\" Judy Shepard said in a message read by a spokesman who announced it,
      // \"and don't let a day go by\"": the words between two parts of one quotation name
      // its speaker again, so the second part is theirs.
      if (n > 0 && !out.empty() && !paragraph_speaker.empty() && out.back().sources[0].sentence == sentence_index) {
        const std::string& said_before = out.back().sources[0].speaker_as_written;
        if (!said_before.empty() && before.find(said_before) != std::string_view::npos) speaker = paragraph_speaker;
      }
      // No attribution of its own: the quotation goes on from the last one in this
      // paragraph ("\"...,\" said X. \"...\""), or from the previous paragraph's.
      if (speaker.empty() && n > 0 && !paragraph_speaker.empty()) speaker = paragraph_speaker;
      if (speaker.empty() && starts_paragraph && previous_paragraph_quoted) speaker = last_speaker;
      Quote q;
      q.speaker = speaker;
      q.text = std::string(quoted);
      q.partial = partial || short_quote;
      QuoteSource src;
      src.article_id = doc.article.id;
      src.sentence = s ? s->index : 0;
      const auto quoted_begin = static_cast<std::uint32_t>(quoted.data() - text.data());
      src.source = doc.clean.map.to_source(Span{quoted_begin, quoted_begin + static_cast<std::uint32_t>(quoted.size())});
      src.speaker_as_written = phrase;
      q.sources.push_back(src);
      out.push_back(std::move(q));
      if (!speaker.empty()) {
        last_speaker = speaker;
        paragraph_speaker = speaker;
        const bool named = !phrase.empty() && !one_of(phrase.substr(0, phrase.find(' ')), {"the", "a", "an"});
        const bool person = is_pronoun(phrase) || (named && speaker.find(' ') != std::string::npos && is_ascii_upper(speaker[0]));
        if (person) last_person = {speaker, seg.open};
      }
      open_quote = !seg.closed;
      this_paragraph_quoted = true;
      prev_end = seg.closed ? seg.close : seg.end;
    }
    if (segs.empty()) open_quote = false;
    previous_paragraph_quoted = this_paragraph_quoted;
  }
  return out;
}

// Hashes of every run of five words of a normalised text (none for shorter texts).
std::vector<std::uint64_t> word_shingles(const std::string& key) {
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == ' ') starts.push_back(i + 1);
  }
  std::vector<std::uint64_t> out;
  for (std::size_t w = 0; w + 5 <= starts.size(); ++w) {
    const std::size_t end = w + 5 < starts.size() ? starts[w + 5] - 1 : key.size();
    out.push_back(hash64(std::string_view(key).substr(starts[w], end - starts[w])));
  }
  return out;
}

std::vector<Quote> merge_quotes(const std::vector<Document>& documents) {
  std::vector<Quote> merged;
  std::vector<std::string> keys;  // normalised text of each merged quote
  std::vector<NameMention> all_names;  // people named in any article
  auto speaker_rank = [](const std::string& s) {
    if (s.empty()) return 0;
    // A full name: two or more words, each capitalised.
    bool all_capitalised = s.find(' ') != std::string::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((i == 0 || s[i - 1] == ' ') && !is_ascii_upper(s[i])) all_capitalised = false;
    }
    if (all_capitalised) return 3;
    return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_upper(c); }) ? 2 : 1;
  };
  // Candidates come from five-word shingles: a quote contained in another shares its first
  // shingle with one of the other's shingles. Each pair is then checked on the text.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_first, by_any;
  std::unordered_map<std::string, std::size_t> by_key;  // exact normalised text -> merged quote
  auto index = [&](std::size_t i) {
    by_key.emplace(keys[i], i);
    std::vector<std::uint64_t> sh = word_shingles(keys[i]);
    if (sh.empty()) return;
    by_first[sh[0]].push_back(i);
    for (std::uint64_t h : sh) by_any[h].push_back(i);
  };
  for (const Document& d : documents) {
    for (Quote& q : quotes_of(d)) {
      std::string key = normalise_for_match(q.text);
      if (key.empty()) continue;
      // The same words in another source: one contains the other (a partial quote, other
      // marks or punctuation), at least five words long.
      std::size_t match = merged.size();
      std::vector<std::uint64_t> sh = word_shingles(key);
      std::vector<std::size_t> candidates;
      if (!sh.empty()) {
        if (auto it = by_any.find(sh[0]); it != by_any.end()) candidates = it->second;
        for (std::uint64_t h : sh) {
          if (auto it = by_first.find(h); it != by_first.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      }
      // Under five words there are no shingles: the same words, by the same speaker (or one
      // unknown), are the same quote ("We lost everything downstairs.").
      if (sh.empty()) {
        if (auto it = by_key.find(key); it != by_key.end()) {
          const std::string& other = merged[it->second].speaker;
          if (other.empty() || q.speaker.empty() || other == q.speaker) candidates.push_back(it->second);
        }
      }
      for (std::size_t i : candidates) {
        const std::string& a = keys[i];
        const std::string& shorter = a.size() < key.size() ? a : key;
        const std::string& longer = a.size() < key.size() ? key : a;
        if (longer.find(shorter) != std::string::npos) {
          match = i;
          break;
        }
      }
      if (match == merged.size()) {
        merged.push_back(std::move(q));
        keys.push_back(key);
        index(keys.size() - 1);
        continue;
      }
      Quote& m = merged[match];
      const bool same_article = std::any_of(m.sources.begin(), m.sources.end(),
                                            [&](const QuoteSource& s) { return s.article_id == d.article.id; });
      if (!same_article) m.sources.push_back(q.sources[0]);
      if (speaker_rank(q.speaker) > speaker_rank(m.speaker)) m.speaker = q.speaker;
      if (key.size() > keys[match].size()) {
        keys[match] = key;
        m.text = q.text;
        m.partial = q.partial;
        index(match);  // the longer wording's shingles too (old entries stay, checked on use)
      }
    }
  }
  // "the US president" quoted in one article may be named in another.
  bool names_found = false;
  for (Quote& q : merged) {
    if (speaker_rank(q.speaker) >= 3) continue;
    if (!names_found) {
      for (const Document& d : documents) {
        for (NameMention& n : find_names(d)) {
          if (n.kind == EntityKind::kPerson) all_names.push_back(std::move(n));
        }
      }
      names_found = true;
    }
    for (const QuoteSource& src : q.sources) {
      std::string full = resolve_person(src.speaker_as_written, all_names);
      if (!full.empty()) {
        q.speaker = full;
        break;
      }
    }
  }
  return merged;
}

}  // namespace chorus::internal

namespace chorus {

std::vector<Quote> find_quotes(const Document& doc) {
  // Names are only needed when there is something to attribute.
  if (!internal::has_quote_marks(doc.clean.text)) return {};
  return internal::quotes_of(doc);
}

}  // namespace chorus
