// Number words, qualifiers and the word lists the figure rules share: reading "at least
// 1,500", "half a dozen", "2.5 million", "3 1/2" as a value, and telling a count from a
// date, a year or a name ("Flight 111").
#include <charconv>

#include "base/string_util.h"
#include "facts/figure_rules.h"

namespace chorus::internal::figures {

bool is_month(std::string_view w) { return internal::month_number(w) > 0; }

// Words that stop a cue scan: the clause has moved on to something else.
bool is_clause_break(const Token& t) {
  return t.type == Token::kMark && [&] {
    static const WordSet kWords{",", ";", ":", "(", ")", "\xE2\x80\x93", "\xE2\x80\x94"};
    return kWords.contains(t.text);
  }();
}

// Nouns that count people in general, not a group within them.
bool is_generic_people(std::string_view w) {
  static const WordSet kWords{"people", "persons", "person", "others", "other", "individuals", "victims", "men", "women",
                    "man", "woman", "casualties", "suspects", "adults", "of", "more"};
  return kWords.contains(w);
}

// Words between a number and its cue that are part of the clause, not a new subject.
bool is_auxiliary(std::string_view w) {
  static const WordSet kWords{"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "remain", "remained",
                    "remains", "still", "now", "later", "also", "all", "reported", "confirmed", "believed",
                    "feared", "thought", "known", "said", "to", "in", "a", "an", "the", "with", "serious",
                    "seriously", "critically", "badly", "taken", "being", "treated", "left", "who", "that",
                    "and", "by", "police", "after", "alive", "condition", "stable", "not", "yet", "reportedly"};
  return kWords.contains(w);
}

bool is_qualifier_word(std::string_view w) {
  static const WordSet kWords{"least", "around", "about", "approximately", "roughly", "some", "nearly", "almost", "more",
                    "than", "over", "up", "to", "fewer", "less", "estimated", "an", "total", "a", "of", "at"};
  return kWords.contains(w);
}

// The qualifier written before token i ("at least", "around", "a total of").
std::string qualifier_before(const std::vector<Token>& tok, std::size_t i) {
  auto word = [&](std::size_t back) -> std::string_view {
    return i >= back && tok[i - back].type == Token::kWord ? tok[i - back].lower : std::string_view();
  };
  if (word(2) == "at" && word(1) == "least") return "at least";
  if (word(2) == "more" && word(1) == "than") return "more than";
  if ((word(2) == "fewer" || word(2) == "less") && word(1) == "than") return "fewer than";
  if (word(2) == "up" && word(1) == "to") return "up to";
  if (word(3) == "a" && word(2) == "total" && word(1) == "of") return "total";
  if (word(2) == "an" && word(1) == "estimated") return "around";
  const std::string_view w = word(1);
  if ([&] {
    static const WordSet kWords{"around", "about", "approximately", "roughly", "some", "nearly", "almost", "over"};
    return kWords.contains(w);
  }()) {
    return w == "over" ? "more than" : (w == "nearly" || w == "almost") ? "nearly" : "around";
  }
  return "";
}

// Nouns for a person whose age an article gives.
bool is_person_noun(std::string_view w) {
  static const WordSet kWords{"man", "woman", "boy", "girl", "driver", "resident", "victim", "son", "daughter", "mother",
                              "father", "wife", "husband", "student", "worker", "officer", "soldier", "suspect",
                              "child", "baby", "teenager", "pilot", "passenger", "mayor", "doctor", "nurse", "jockey",
                              "secretary", "survivor", "gunman", "bomber", "farmer", "teacher", "employee", "owner",
                              "brother", "sister", "grandmother", "grandfather", "friend", "neighbor", "neighbour",
                              "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter", "widow",
                              "widower", "dictator", "leader", "president", "senator", "governor", "judge", "lawyer",
                              "priest", "pope", "bishop", "dissident", "activist", "journalist", "reporter",
                              "photographer", "writer", "author", "actor", "actress", "singer", "player", "coach",
                              "executive", "official", "spokesman", "spokeswoman", "commander", "general", "minister",
                              "professor", "inmate", "prisoner", "defendant", "witness", "rebel", "militant",
                              "hostage", "tourist", "refugee", "miner", "firefighter", "policeman", "guard",
                              "founder", "businessman", "businesswoman", "engineer", "scientist", "veteran",
                              "physician", "surgeon", "obstetrician", "fisherman", "sailor", "monk", "nun",
                              "chairman", "director", "manager", "clerk", "shopkeeper", "vendor", "youth",
                              "teen-ager", "immigrant", "lawmaker", "diplomat", "envoy", "candidate", "mechanic"};
  return kWords.contains(w);
}

bool is_casualty_adjective(std::string_view w) {
  static const WordSet kWords{"injured", "dead", "wounded", "killed", "missing", "hurt", "hospitalized", "hospitalised"};
  return kWords.contains(w);
}

bool is_time_unit(std::string_view w) {
  static const WordSet kWords{"seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
                              "months", "month", "years", "year", "decades", "decade"};
  return kWords.contains(w);
}

// A number starting at token i: digits, number words, "a dozen", with "million" etc.
NumberAt number_at(const std::vector<Token>& tok, std::size_t i) {
  NumberAt n;
  n.first = n.last = i;
  const Token& t = tok[i];
  // Most tokens are no number at all: digits, or a word starting as number words do
  // ("one", "two" ... "a dozen", "half"), before any look at the words around.
  if (t.type != Token::kNumber) {
    if (t.type != Token::kWord || t.lower.empty() || t.lower.size() > 20) return n;
    const char a = t.lower[0];
    if (a != 'o' && a != 't' && a != 'f' && a != 's' && a != 'e' && a != 'n' && a != 'd' && a != 'h' && a != 'a' && a != 'z') return n;
  }
  // "No one else was hurt"; "seven of the eight stolen pieces", "Seven of those 77 people
  // died": the eight, the 77 are the whole, already counted with the part.
  if (i > 0 && tok[i - 1].lower == "no") return n;
  if (i > 2 && one_of(tok[i - 1].lower, {"those", "these"}) && tok[i - 2].lower == "of" &&
      (tok[i - 3].type == Token::kNumber || internal::number_word_value(tok[i - 3].lower) > 0)) {
    return n;
  }
  // "Flight 111", "Boeing 767", "Pan Am 103": a number in a name identifies, it counts nothing
  // ("give his wife Marianne 14 days" does count).
  const bool unit_follows = i + 1 < tok.size() && is_time_unit(tok[i + 1].lower);
  if (t.type == Token::kNumber && i > 1 && tok[i - 1].capitalised && tok[i - 1].type == Token::kWord && !unit_follows &&
      !is_qualifier_word(tok[i - 1].lower) && !is_month(tok[i - 1].lower) && internal::weekday_number(tok[i - 1].lower) < 0 &&
      !one_of(tok[i - 1].lower, {"all", "today", "yesterday", "tonight"}) &&
      !tok[i - 1].lower.ends_with("'s") && !tok[i - 1].lower.ends_with("\xE2\x80\x99s")) {
    return n;  // ("Yilmaz's 17-month-old government": a possessive's number is no name)
  }
  // "the Boeing 767-300": a model's number after a hyphen is the name's too.
  if (t.type == Token::kNumber && i > 2 && tok[i - 1].text == "-" && tok[i - 1].begin == tok[i - 2].end &&
      tok[i].begin == tok[i - 1].end && tok[i - 2].type == Token::kNumber && tok[i - 3].capitalised &&
      tok[i - 3].type == Token::kWord) {
    return n;
  }
  // "one other died later", "she was one of six pulled out": "one" as a pronoun.
  // ("One of the three workers is in a critical condition" counts one.)
  if (t.lower == "one" && i + 1 < tok.size()) {
    const std::string_view next = tok[i + 1].lower, prev = i > 0 ? tok[i - 1].lower : std::string_view();
    if (one_of(next, {"other", "another", "who", "more"})) return n;
    if (next == "of" && one_of(prev, {"was", "is", "were", "are", "as", "being", "be", "become", "became"})) return n;
  }
  // ("one of the 162 injured claimed ...": a whole its own casualty word follows is a count.)
  if (i > 2 && tok[i - 1].lower == "the" && tok[i - 2].lower == "of" &&
      (tok[i - 3].type == Token::kNumber || internal::number_word_value(tok[i - 3].lower) > 0) &&
      !(i + 1 < tok.size() && is_casualty_adjective(tok[i + 1].lower))) {
    return n;
  }
  // "Five leaders of three hooligan gangs have been executed": the leaders are counted, the
  // gangs they lead are not.
  if (i > 2 && tok[i - 1].lower == "of" && tok[i - 2].type == Token::kWord && !tok[i - 2].capitalised &&
      (tok[i - 3].type == Token::kNumber || internal::number_word_value(tok[i - 3].lower) > 0)) {
    return n;
  }
  if (t.type == Token::kNumber) {
    std::from_chars(t.lower.data(), t.lower.data() + t.lower.size(), n.value);
  } else if (t.type == Token::kWord) {
    if (t.lower.size() < 1 || t.lower.size() > 20) return n;
    const char a = t.lower[0];
    if (a != 'o' && a != 't' && a != 'f' && a != 's' && a != 'e' && a != 'n' && a != 'd' && a != 'h' && a != 'a' && a != 'z') return n;
    n.value = internal::number_word_value(t.lower);
    // "a three-week crackdown", "a three-year-old girl": the number word before a hyphen.
    if (n.value < 0 && t.lower.find('-') != std::string_view::npos) {
      const std::string_view head = t.lower.substr(0, t.lower.find('-'));
      const std::string_view tail = t.lower.substr(t.lower.find('-') + 1);
      if (is_time_unit(tail.substr(0, tail.find('-')))) {
        n.value = head == "half" ? 0.5 : internal::number_word_value(head);  // "their half-hour debate"
      }
      // "for three-and-a-half hours".
      if (tail == "and-a-half" && internal::number_word_value(head) > 0 && i + 1 < tok.size() &&
          is_time_unit(tok[i + 1].lower)) {
        n.value = internal::number_word_value(head) + 0.5;
      }
    }
    // "half a dozen": six.
    if (t.lower == "half" && i + 2 < tok.size() && tok[i + 1].lower == "a" && tok[i + 2].lower == "dozen") {
      n.value = 6;
      n.last = i + 2;
      return n;
    }
    if (n.value < 0 && t.lower == "a" && i + 1 < tok.size() && one_of(tok[i + 1].lower, {"dozen", "hundred", "thousand"})) {
      n.value = internal::number_word_value(tok[i + 1].lower);
      n.last = i + 1;
    }
    // "kills about a million people a year": one, times the multiplier read below.
    if (n.value < 0 && t.lower == "a" && i + 1 < tok.size() && one_of(tok[i + 1].lower, {"million", "billion"})) n.value = 1;
    if (n.value == 0 || t.lower == "hundred" || t.lower == "thousand") n.value = -1;  // "zero", bare multipliers
  }
  if (n.value < 0) return n;
  // Multipliers: "2.5 million", "£2.5m", "two hundred".
  if (n.last + 1 < tok.size()) {
    const Token& m = tok[n.last + 1];
    const bool adjacent = m.begin == tok[n.last].end;
    double mult = 0;
    // ("a $5 million-a-year fund": the multiplier joined to what follows by a hyphen.)
    const std::string_view word = std::string_view(m.lower).substr(0, m.lower.find('-'));
    if (word == "million" || (adjacent && m.lower == "m")) mult = 1e6;
    else if (word == "billion" || (adjacent && m.lower == "bn")) mult = 1e9;
    else if (word == "trillion") mult = 1e12;
    else if (m.lower == "thousand") mult = 1e3;
    else if (m.lower == "hundred") mult = 100;
    else if (m.lower == "dozen") mult = 12;  // "more than two dozen"
    if (mult > 0) {
      n.value *= mult;
      ++n.last;
    }
  }
  // "two and a half hours": a whole number and a half.
  if (n.last + 4 < tok.size() && tok[n.last + 1].lower == "and" && tok[n.last + 2].lower == "a" &&
      tok[n.last + 3].lower == "half" && is_time_unit(tok[n.last + 4].lower)) {
    n.value += 0.5;
    n.last += 3;
  }
  // "3 1/2 years": a whole number and a half.
  // (AP writes it "2 1-2 years".)
  if (t.type == Token::kNumber && n.last + 3 < tok.size() && tok[n.last + 1].lower == "1" &&
      tok[n.last + 2].text == "-" && tok[n.last + 3].lower == "2" && n.last + 4 < tok.size() &&
      is_time_unit(tok[n.last + 4].lower)) {
    n.value += 0.5;
    n.last += 3;
  }
  if (t.type == Token::kNumber && n.last + 3 < tok.size() && tok[n.last + 1].lower == "1" && tok[n.last + 2].text == "/" && tok[n.last + 3].lower == "2") {
    n.value += 0.5;
    n.last += 3;
  }
  return n;
}

// Not a count: a time ("2.30pm"), a date ("22 March", "March 22", "2017"), an ordinal.
bool is_time_or_date(const std::vector<Token>& tok, const NumberAt& n) {
  const Token& t = tok[n.first];
  if (n.last + 1 < tok.size()) {
    const Token& next = tok[n.last + 1];
    if ([&] {
    static const WordSet kWords{"am", "pm", "a.m", "p.m", "gmt", "bst", "th", "st", "nd", "rd", "o'clock", "mph", "km",
                            "miles", "metres", "meters", "mm", "cm", "kg", "gigabytes", "gb", "tonnes", "feet"};
    return kWords.contains(next.lower);
  }() ||
        is_month(next.lower)) {
      return true;
    }
  }
  if (n.first > 0 && is_month(tok[n.first - 1].lower)) return true;
  // "in his 50s": an age range, not a count.
  if (n.last + 1 < tok.size() && tok[n.last + 1].lower == "s" && tok[n.last + 1].begin == t.end) return true;
  // A year: four digits written without a thousands comma ("1,500 people" is a count),
  // unless a qualifier or the people counted say it is one ("about 1500 people").
  if (t.type == Token::kNumber && t.lower.size() == 4 && t.lower[0] >= '1' && t.lower[0] <= '2' &&
      t.lower.find('.') == std::string::npos && t.text.find(',') == std::string_view::npos) {
    const bool qualified = !qualifier_before(tok, n.first).empty();
    const bool people = n.last + 1 < tok.size() && (is_generic_people(tok[n.last + 1].lower) ||
                                                   one_of(tok[n.last + 1].lower, {"dead", "killed", "injured", "people"}));
    return !(qualified || people);
  }
  return false;
}

// Words after token j until a break, as a short subject ("of the vote" -> "vote").
std::string words_after(const std::vector<Token>& tok, std::size_t j, std::size_t max_words) {
  std::string out;
  std::size_t taken = 0;
  for (; j < tok.size() && taken < max_words; ++j) {
    if (tok[j].type != Token::kWord) break;
    if (one_of(tok[j].lower, {"of", "the", "a", "an", "its", "their"}) && out.empty()) continue;
    if ([&] {
    static const WordSet kWords{"was", "were", "is", "are", "and", "had", "has", "have", "to", "in", "on", "at", "for",
                              "said", "but", "that", "which", "by", "last", "this", "next", "since", "from", "over",
                              "after", "before", "during", "than"};
    return kWords.contains(tok[j].lower);
  }()) {
      break;
    }
    // "60 percent of the voters stayed home": a verb after the noun ends it.
    if (!out.empty() && tok[j].lower.size() > 4 && tok[j].lower.ends_with("ed")) break;
    if (!out.empty()) out += ' ';
    out += tok[j].lower;
    ++taken;
  }
  return out;
}

}  // namespace chorus::internal::figures
