// Counted facts in sentences: a number (digits or words, with its qualifier), and the
// cue words around it that say what was counted ("were killed", "in hospital",
// "addresses raided", "killing", "death toll rose to").
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "base/string_util.h"
#include "chorus/facts.h"
#include "facts/tokens.h"

namespace chorus {
namespace {

using internal::Token;
using internal::one_of;
using internal::append_word;
using internal::WordSet;

bool is_month(std::string_view w) { return internal::month_number(w) > 0; }

// Words that stop a cue scan: the clause has moved on to something else.
bool is_clause_break(const Token& t) {
  return t.type == Token::kMark && [&] {
    static const WordSet kWords{",", ";", ":", "(", ")", "\xE2\x80\x93", "\xE2\x80\x94"};
    return kWords.contains(t.text);
  }();
}

// The kind a cue word after a number names ("were killed", "in hospital"), if any.
bool cue_after(const std::vector<Token>& tok, std::size_t j, FigureKind& kind) {
  // One lookup per word: the cue words of every kind in one table.
  static const std::unordered_map<std::string_view, FigureKind> cues = {
      {"critical", FigureKind::kCritical},     {"life-threatening", FigureKind::kCritical},
      {"killed", FigureKind::kDead},           {"dead", FigureKind::kDead},
      {"died", FigureKind::kDead},             {"die", FigureKind::kDead},
      {"deaths", FigureKind::kDead},           {"perished", FigureKind::kDead},
      {"fatalities", FigureKind::kDead},       {"dying", FigureKind::kDead},
      {"hospital", FigureKind::kInHospital},   {"hospitalised", FigureKind::kInHospital},
      {"hospitalized", FigureKind::kInHospital}, {"injured", FigureKind::kInjured},
      {"hurt", FigureKind::kInjured},          {"wounded", FigureKind::kInjured},
      {"injuries", FigureKind::kInjured},      {"missing", FigureKind::kMissing},
      {"unaccounted", FigureKind::kMissing},   {"rescued", FigureKind::kRescued},
      {"saved", FigureKind::kRescued},         {"airlifted", FigureKind::kRescued},
      {"arrested", FigureKind::kArrested},     {"arrests", FigureKind::kArrested},
      {"detained", FigureKind::kArrested},     {"custody", FigureKind::kArrested},
      {"raided", FigureKind::kRaided},         {"raids", FigureKind::kRaided},
      {"searched", FigureKind::kRaided},       {"evacuated", FigureKind::kEvacuated},
      {"evacuees", FigureKind::kEvacuated},    {"aboard", FigureKind::kOnBoard},
      {"drowned", FigureKind::kDead},          {"fled", FigureKind::kEvacuated},
      {"homeless", FigureKind::kHomeless},     {"displaced", FigureKind::kHomeless},
      {"charged", FigureKind::kCharged},       {"indicted", FigureKind::kCharged},
      {"jailed", FigureKind::kArrested},       {"imprisoned", FigureKind::kArrested}};
  const std::string_view w = tok[j].lower;
  auto lower_at = [&](std::size_t k) { return k < tok.size() ? tok[k].lower : std::string_view(); };
  // "at least 57 were in intensive care".
  if (w == "intensive" && lower_at(j + 1) == "care") {
    kind = FigureKind::kCritical;
    return true;
  }
  // "59 bodies were found", "17 bodies were recovered".
  if (w == "bodies") {
    for (std::size_t k = j + 1; k < tok.size() && k <= j + 4; ++k) {
      if (one_of(tok[k].lower, {"found", "recovered", "retrieved", "pulled", "discovered", "washed", "dug"})) {
        kind = FigureKind::kDead;
        return true;
      }
    }
    return false;
  }
  // "were forced out of their homes", "forced to flee", "were removed from low-lying areas".
  if ((w == "forced" && one_of(lower_at(j + 1), {"out", "from", "to"}) &&
       (lower_at(j + 1) != "to" || one_of(lower_at(j + 2), {"flee", "leave", "evacuate"}))) ||
      (w == "removed" && lower_at(j + 1) == "from")) {
    kind = FigureKind::kEvacuated;
    return true;
  }
  // "pulled to safety", "lifted to safety", "were pulled alive from the rubble".
  if ((w == "safety" && j > 0 && tok[j - 1].lower == "to") ||
      (w == "alive" && j > 0 && one_of(tok[j - 1].lower, {"pulled", "found", "dug", "rescued", "brought"}))) {
    kind = FigureKind::kRescued;
    return true;
  }
  // "Six survivors were hauled aboard the lifeboat": brought to safety, not on board.
  if (w == "aboard" && j > 0 && one_of(tok[j - 1].lower, {"hauled", "pulled", "lifted", "winched", "helped", "brought",
                                                          "taken", "plucked", "dragged"})) {
    kind = FigureKind::kRescued;
    return true;
  }
  // "More than 100 people are still being held captive": hostages, not arrests.
  if (w == "held" && one_of(lower_at(j + 1), {"captive", "hostage", "hostages"})) return false;
  // "claimed more than 90 lives", "cost 20 lives" (but "saved 20 lives" is read before).
  if (w == "lives") {
    kind = FigureKind::kDead;
    return true;
  }
  // "some 170,000 refugees", "20,000 Chechens had sought refuge there".
  if (w == "refugees" || (w == "refuge" && j > 0 && one_of(tok[j - 1].lower, {"sought", "found", "taken", "seeking"}))) {
    kind = FigureKind::kEvacuated;
    return true;
  }
  // "35 were discharged from hospital", "49 released from hospital": no longer in hospital.
  if ((w == "hospital" || w == "hospitals") && j >= 2 &&
      (one_of(tok[j - 2].lower, {"released", "discharged", "left", "sent"}) ||
       one_of(tok[j - 1].lower, {"released", "discharged", "left"}))) {
    return false;
  }
  auto it = cues.find(w);
  if (it != cues.end()) {
    // "critical" is a condition only as one: "in (a) critical condition", "critical care";
    // "critical habitat" counts nothing.
    if (it->second == FigureKind::kCritical && w == "critical") {
      const std::string_view next = j + 1 < tok.size() ? tok[j + 1].lower : std::string_view();
      const std::string_view prev = j > 0 ? tok[j - 1].lower : std::string_view();
      if (!one_of(next, {"condition", "conditions", "care", "injuries", "injury", "state"}) && prev != "in") return false;
    }
    kind = it->second;
    return true;
  }
  if (w == "board" && j > 0 && tok[j - 1].lower == "on") {
    kind = FigureKind::kOnBoard;
    return true;
  }
  return false;
}

// The kind a verb just before a number names ("killing three", "injured around 40").
bool cue_before(std::string_view w, FigureKind& kind) {
  if (one_of(w, {"killing", "killed", "kill", "kills", "claiming"})) kind = FigureKind::kDead;  // "kills": headlines
  else if (one_of(w, {"injures", "wounds", "hurts"})) kind = FigureKind::kInjured;
  else if (one_of(w, {"charging", "indicting", "indicted", "charged"})) kind = FigureKind::kCharged;
  else if (one_of(w, {"treated", "treating", "hospitalized", "hospitalised", "admitted"})) kind = FigureKind::kInHospital;
  else if (one_of(w, {"displacing", "displaced"})) kind = FigureKind::kHomeless;
  else if (one_of(w, {"jailing", "jailed"})) kind = FigureKind::kArrested;
  else if (one_of(w, {"injuring", "injured", "wounding", "wounded", "hurting"})) kind = FigureKind::kInjured;
  else if (one_of(w, {"arresting", "arrested", "detained"})) kind = FigureKind::kArrested;
  else if (one_of(w, {"rescued", "rescuing", "saved", "airlifted", "airlifting", "evacuated-by-air"})) kind = FigureKind::kRescued;
  else if (one_of(w, {"evacuated", "evacuating"})) kind = FigureKind::kEvacuated;
  else if (one_of(w, {"raided", "raiding", "searched", "search", "searching", "raid"})) kind = FigureKind::kRaided;
  else if (one_of(w, {"carrying", "carried"})) kind = FigureKind::kOnBoard;
  else return false;
  return true;
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
                              "brother", "sister", "grandmother", "grandfather", "friend", "neighbor", "neighbour"};
  return kWords.contains(w);
}

bool is_time_unit(std::string_view w) {
  static const WordSet kWords{"seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
                              "months", "month", "years", "year", "decades", "decade"};
  return kWords.contains(w);
}

struct NumberAt {
  double value = -1;
  std::size_t first = 0, last = 0;  // token range of the number (multipliers included)
};

// A number starting at token i: digits, number words, "a dozen", with "million" etc.
NumberAt number_at(const std::vector<Token>& tok, std::size_t i) {
  NumberAt n;
  n.first = n.last = i;
  const Token& t = tok[i];
  // Most tokens are no number at all: digits, or a word starting as number words do
  // ("one", "two" ... "a dozen", "half"), before any look at the words around.
  if (t.type != Token::kNumber) {
    if (t.type != Token::kWord || t.lower.empty() || t.lower.size() > 13) return n;
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
  // "Flight 111", "Boeing 767", "Pan Am 103": a number in a name identifies, it counts nothing.
  if (t.type == Token::kNumber && i > 1 && tok[i - 1].capitalised && tok[i - 1].type == Token::kWord &&
      !is_qualifier_word(tok[i - 1].lower) && !is_month(tok[i - 1].lower) && internal::weekday_number(tok[i - 1].lower) < 0 &&
      !one_of(tok[i - 1].lower, {"all", "today", "yesterday", "tonight"})) {
    return n;
  }
  // "one other died later", "she was one of six pulled out": "one" as a pronoun.
  // ("One of the three workers is in a critical condition" counts one.)
  if (t.lower == "one" && i + 1 < tok.size()) {
    const std::string_view next = tok[i + 1].lower, prev = i > 0 ? tok[i - 1].lower : std::string_view();
    if (one_of(next, {"other", "another", "who", "more"})) return n;
    if (next == "of" && one_of(prev, {"was", "is", "were", "are", "as", "being", "be", "become", "became"})) return n;
  }
  if (i > 2 && tok[i - 1].lower == "the" && tok[i - 2].lower == "of" &&
      (tok[i - 3].type == Token::kNumber || internal::number_word_value(tok[i - 3].lower) > 0)) {
    return n;
  }
  if (t.type == Token::kNumber) {
    std::from_chars(t.lower.data(), t.lower.data() + t.lower.size(), n.value);
  } else if (t.type == Token::kWord) {
    if (t.lower.size() < 1 || t.lower.size() > 13) return n;
    const char a = t.lower[0];
    if (a != 'o' && a != 't' && a != 'f' && a != 's' && a != 'e' && a != 'n' && a != 'd' && a != 'h' && a != 'a' && a != 'z') return n;
    n.value = internal::number_word_value(t.lower);
    // "a three-week crackdown", "a three-year-old girl": the number word before a hyphen.
    if (n.value < 0 && t.lower.find('-') != std::string_view::npos) {
      const std::string_view head = t.lower.substr(0, t.lower.find('-'));
      const std::string_view tail = t.lower.substr(t.lower.find('-') + 1);
      if (is_time_unit(tail.substr(0, tail.find('-')))) {
        n.value = internal::number_word_value(head);
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
    if (n.value == 0 || t.lower == "hundred" || t.lower == "thousand") n.value = -1;  // "zero", bare multipliers
  }
  if (n.value < 0) return n;
  // Multipliers: "2.5 million", "£2.5m", "two hundred".
  if (n.last + 1 < tok.size()) {
    const Token& m = tok[n.last + 1];
    const bool adjacent = m.begin == tok[n.last].end;
    double mult = 0;
    if (m.lower == "million" || (adjacent && m.lower == "m")) mult = 1e6;
    else if (m.lower == "billion" || (adjacent && m.lower == "bn")) mult = 1e9;
    else if (m.lower == "thousand") mult = 1e3;
    else if (m.lower == "hundred") mult = 100;
    else if (m.lower == "dozen") mult = 12;  // "more than two dozen"
    if (mult > 0) {
      n.value *= mult;
      ++n.last;
    }
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
                              "said", "but", "that", "which", "by"};
    return kWords.contains(tok[j].lower);
  }()) {
      break;
    }
    if (!out.empty()) out += ' ';
    out += tok[j].lower;
    ++taken;
  }
  return out;
}

// Sentence-level revision cues: the sentence reports a change of a figure.
bool has_revision_cue(const std::vector<Token>& tok) {
  for (std::size_t i = 0; i < tok.size(); ++i) {
    const std::string_view w = tok[i].lower;
    if ([&] {
    static const WordSet kWords{"revised", "raising", "risen", "rose", "rises", "climbed", "increased", "lowered", "corrected",
                   "previously", "initially", "earlier", "updated", "dropped", "raised", "cut", "reduced", "fell",
                   "jumped", "soared", "swelled", "upgraded", "downgraded", "revising", "lowering", "adjusted",
                   "climbing", "rising", "mounted"};
    return kWords.contains(w);
  }()) {
      return true;
    }
    if (w == "first" && i + 1 < tok.size() && one_of(tok[i + 1].lower, {"said", "reported", "put"})) return true;
  }
  return false;
}

// Cues that a sentence reports an old figure ("had earlier put", "Police earlier had
// reported 65 dead", "first said"); "the storm earlier killed 156" is only earlier in time.
bool has_earlier_cue(const std::vector<Token>& tok) {
  for (std::size_t i = 0; i < tok.size(); ++i) {
    const std::string_view w = tok[i].lower;
    if (one_of(w, {"earlier", "previously", "initially", "originally"})) {
      for (std::size_t k = i + 1; k < tok.size() && k <= i + 3; ++k) {
        if (one_of(tok[k].lower, {"said", "reported", "put", "gave", "given", "estimated", "listed", "announced",
                                  "report", "reports", "figure", "figures", "toll", "count", "estimate", "estimates",
                                  "stated", "told", "believed", "thought", "feared"})) {
          return true;
        }
      }
      if (i > 0 && one_of(tok[i - 1].lower, {"had", "an", "the"})) return true;
    }
    if (w == "first" && i + 1 < tok.size() && one_of(tok[i + 1].lower, {"said", "reported", "put"})) return true;
  }
  return false;
}

// Whether a sentence has any word or mark a figure needs besides its number: a casualty
// cue, a unit (%, per cent, a currency, an age or duration word), or ", 64," after a name.
bool may_name_a_count(std::string_view text) {
  // Word stems that can name what was counted, by first letter: one pass over the words,
  // a few prefix compares each.
  static const std::vector<std::string_view> by_letter[26] = {
      /*a*/ {"aged", "ages", "airlift", "aboard", "arrest", "alive"}, /*b*/ {"board", "bodies"},
      /*c*/ {"critical", "custody", "carr", "cent", "charg", "claim"},
      /*d*/ {"dead", "die", "died", "death", "detain", "day", "dying", "displac", "drown", "drov", "driv", "dlrs", "dollar"},
      /*e*/ {"evacu", "euro"}, /*f*/ {"fatal", "fled", "forc", "franc"}, /*g*/ {"gourde"},
      /*h*/ {"hospital", "hurt", "held", "hour", "homeless"}, /*i*/ {"injur", "intensive", "indict", "imprison"},
      /*j*/ {"jail"}, /*k*/ {"kill"},
      /*l*/ {"lives"}, /*m*/ {"missing", "minute", "month"}, /*n*/ {}, /*o*/ {},
      /*p*/ {"perish", "passenger", "percent", "peso"},
      /*q*/ {}, /*r*/ {"rescu", "raid", "removed", "rupee"}, /*s*/ {"saved", "search", "safety", "shilling"},
      /*t*/ {"toll", "took", "threat", "total"}, /*u*/ {"unaccounted"},
      /*v*/ {}, /*w*/ {"wound", "week"}, /*x*/ {}, /*y*/ {"year", "yuan", "yen"}, /*z*/ {}};
  char word[24];
  std::size_t len = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == '%' || c == '$') return true;
    if (c == ',' && i + 2 < text.size() && text[i + 1] == ' ' && internal::is_ascii_digit(text[i + 2])) return true;
    if (static_cast<unsigned char>(c) == 0xC2 || static_cast<unsigned char>(c) == 0xE2) {
      if (text.substr(i, 2) == "\xC2\xA3" || text.substr(i, 3) == "\xE2\x82\xAC") return true;
    }
    if (internal::is_ascii_alpha(c)) {  // a hyphen separates: "seven-month", "life-threatening"
      if (len < sizeof word) word[len] = internal::ascii_lower(c);
      ++len;
      continue;
    }
    if (len >= 3 && word[0] >= 'a' && word[0] <= 'z') {
      const std::string_view w(word, std::min(len, sizeof word));
      for (std::string_view stem : by_letter[word[0] - 'a']) {
        if (w.size() >= stem.size() && w.compare(0, stem.size(), stem) == 0) return true;
      }
    }
    len = 0;
  }
  return false;
}

struct Candidate {
  FigureMention mention;
  bool has_kind = false;
  bool after_to = false;    // written after "to"/"at": the new value of a revision
  bool after_from = false;  // written after "from" / "figure of": the old value
  NumberAt at;              // the number's tokens in the sentence
  bool increment = false;   // "two more bodies were recovered": added to a figure, not one
};

// The kind of a number at tok[n.first..n.last] from the words around it; fills subject.
// "killing all 217 aboard", "All 217 people aboard the plane were killed": one number
// counts both the dead and those on board. Returns the second kind the words after the
// number give, if any.
std::optional<FigureKind> second_kind(const std::vector<Token>& tok, const NumberAt& n, FigureKind first) {
  for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 8; ++k) {
    if (is_clause_break(tok[k]) || tok[k].type == Token::kNumber) break;
    FigureKind other;
    if (tok[k].type == Token::kWord && cue_after(tok, k, other) && other != first &&
        (other == FigureKind::kOnBoard || (first == FigureKind::kOnBoard && other == FigureKind::kDead))) {
      return other;
    }
  }
  return std::nullopt;
}

// "drove more than 100,000 people from their homes", "forcing 5,000 out of their homes".
bool drives_from_homes(const std::vector<Token>& tok, std::size_t verb, const NumberAt& n) {
  if (!one_of(tok[verb].lower, {"drove", "driving", "forcing", "forced", "drive"})) return false;
  for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 6; ++k) {
    if (one_of(tok[k].lower, {"from", "out"})) return true;
    if (is_clause_break(tok[k])) break;
  }
  return false;
}

bool casualty_kind(const std::vector<Token>& tok, const NumberAt& n, FigureKind& kind, std::string& subject,
                   std::string& detail, std::optional<FigureKind>& also) {
  // "16 months ago that killed ...": a number of time units counts time, not people.
  if (n.last + 1 < tok.size() && is_time_unit(tok[n.last + 1].lower)) return false;
  // Before: "killing three", "injured around 40 people", "death toll rose to 14",
  // "killed the two assailants", "killing all 217 aboard".
  std::size_t b = n.first;
  while (b > 0 && tok[b - 1].type == Token::kWord &&
         (is_qualifier_word(tok[b - 1].lower) || one_of(tok[b - 1].lower, {"all", "the"})) && n.first - b < 4) {
    --b;
  }
  // "the arrest of three alleged triad members", "the deaths of 12 miners", "the
  // evacuation of 4,000 residents".
  if (n.first >= 2 && tok[n.first - 1].lower == "of") {
    const std::string_view noun = tok[n.first - 2].lower;
    std::optional<FigureKind> of_kind;
    if (one_of(noun, {"arrest", "arrests", "detention"})) of_kind = FigureKind::kArrested;
    else if (one_of(noun, {"deaths", "killing", "killings", "murders", "murder"})) of_kind = FigureKind::kDead;
    else if (noun == "evacuation") of_kind = FigureKind::kEvacuated;
    else if (noun == "rescue") of_kind = FigureKind::kRescued;
    if (of_kind) {
      kind = *of_kind;
      subject.clear();
      return true;
    }
  }
  // "the bodies of four kidnapped foreigners", "the remains of 12 victims".
  if (n.first >= 2 && tok[n.first - 1].lower == "of" && one_of(tok[n.first - 2].lower, {"bodies", "remains", "corpses"})) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "Coastguards pulled 14 passengers from the water", "dug 12 survivors out of the rubble".
  if (b > 0 && one_of(tok[b - 1].lower, {"pulled", "pulling", "plucked", "dug", "hauled", "winched"})) {
    for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 4; ++k) {
      if (one_of(tok[k].lower, {"from", "out", "alive", "to"})) {
        kind = FigureKind::kRescued;
        subject.clear();
        return true;
      }
    }
  }
  if (b > 0 && tok[b - 1].type == Token::kWord && drives_from_homes(tok, b - 1, n)) {
    kind = FigureKind::kEvacuated;
    subject.clear();
    return true;
  }
  if (b > 0 && tok[b - 1].type == Token::kWord && cue_before(tok[b - 1].lower, kind)) {
    subject.clear();
    // "carrying 48 passengers" is a count on board; "carried 40,000 vehicles a day" is not.
    if (kind == FigureKind::kOnBoard) {
      const std::string_view next = n.last + 1 < tok.size() ? tok[n.last + 1].lower : std::string_view();
      static const WordSet kWords{"passengers", "people", "pupils", "children", "crew", "migrants", "workers"};
      return kWords.contains(next);
    }
    also = second_kind(tok, n, kind);
    return true;
  }
  // "detained or questioned more than 30 people": the cue before a second verb.
  if (b > 2 && one_of(tok[b - 2].lower, {"or", "and"}) && tok[b - 1].type == Token::kWord &&
      tok[b - 1].lower.ends_with("ed") && cue_before(tok[b - 3].lower, kind)) {
    subject.clear();
    return true;
  }
  // "the toll rose to 14"; farther back when the number closes the change: "the death toll
  // from the floods in Kelby has risen to three".
  std::size_t q = n.first;  // "raising the death toll ... to at least 74"
  while (q > 0 && n.first - q < 3 && tok[q - 1].type == Token::kWord && is_qualifier_word(tok[q - 1].lower) &&
         !one_of(tok[q - 1].lower, {"to", "at"})) {
    --q;
  }
  const bool closes_change = q > 0 && one_of(tok[q - 1].lower, {"to", "at", "reached", "hit", "passed"});
  for (std::size_t k = n.first; k > 0 && n.first - k < (closes_change ? 20u : 6u); --k) {
    if (tok[k - 1].lower == "toll") {
      kind = FigureKind::kDead;
      return true;
    }
    // "the number of injured was cut to 140", "the count of missing rose to 17".
    if (closes_change && k >= 3 && tok[k - 2].lower == "of" && one_of(tok[k - 3].lower, {"number", "count", "total"}) &&
        cue_after(tok, k - 1, kind)) {
      return true;
    }
    if (is_clause_break(tok[k - 1])) break;
  }
  // After: "three people were killed", "29 in hospital", "six addresses raided",
  // "seven of them are in a critical condition", "four dead, including ...".
  std::size_t j = n.last + 1;
  if (j + 1 < tok.size() && tok[j].lower == "of" && one_of(tok[j + 1].lower, {"the", "them", "those", "whom", "these"})) {
    // Partitive: "five of the injured are ...", "one of the three workers still in
    // hospital is ..." count a part; the whole they name runs up to the verb.
    j += 2;
    if (j < tok.size() && (tok[j].type == Token::kNumber || number_at(tok, j).value > 0)) ++j;  // "of those 77"
    std::size_t verb = j;
    while (verb < tok.size() && !is_clause_break(tok[verb]) &&
           ![&] {
    static const WordSet kWords{"is", "are", "was", "were", "remain", "remains", "remained", "have", "has", "had"};
    return kWords.contains(tok[verb].lower);
  }()) {
      ++verb;
    }
    if (verb < tok.size() && !is_clause_break(tok[verb])) j = verb;
    else if (tok[j - 1].lower == "the" && j < tok.size() && tok[j].type == Token::kWord) ++j;  // "of the injured"
  }
  std::string noun;
  bool noun_done = false;
  for (std::size_t k = j; k < tok.size() && k < j + 14; ++k) {
    const Token& t = tok[k];
    // "some 3,600 people, mostly civilians, have been killed": past the aside.
    if (t.text == "," && k > j) {
      std::size_t close = k + 1;
      while (close < tok.size() && close < k + 8 && tok[close].type == Token::kWord) ++close;
      if (close < tok.size() && close > k + 1 && tok[close].text == "," && close + 1 < tok.size() &&
          is_auxiliary(tok[close + 1].lower)) {
        k = close;
        continue;
      }
    }
    if (is_clause_break(t) || t.type == Token::kNumber) break;
    if (t.type != Token::kWord) continue;
    if (internal::number_word_value(t.lower) > 0 && k > j) break;
    const bool held = t.lower == "held" && (noun.empty() || is_generic_people(noun) ||
                                            one_of(noun, {"teenagers", "boys", "girls", "youths"}));
    if (held) kind = FigureKind::kArrested;
    if (held || cue_after(tok, k, kind)) {
      // "killed the two bombers and injured 21": a verb right before another number is
      // that number's cue, not this one's.
      std::size_t next = k + 1;
      while (next < tok.size() && tok[next].type == Token::kWord && is_qualifier_word(tok[next].lower)) ++next;
      if (next < tok.size() && next > k && (tok[next].type == Token::kNumber || number_at(tok, next).value > 0) &&
          tok[k].lower != "aboard") {
        return false;
      }
      if (kind == FigureKind::kOnBoard) also = second_kind(tok, NumberAt{0, k, k}, kind);
      // Addresses and homes are raided, searched or evacuated; people are not "raided".
      const bool places = [&] {
    static const WordSet kWords{"addresses", "properties", "homes", "houses", "premises", "buildings",
                                        "flats", "sites", "places"};
    return kWords.contains(noun);
  }();
      // "staged about two dozen raids": the raids themselves are counted.
      if (kind == FigureKind::kRaided && !places && !(noun.empty() && t.lower == "raids")) return false;
      // Places are raided and evacuated ("six addresses raided", "200 homes evacuated");
      // people in general are the figure itself.
      if (kind == FigureKind::kRaided || !is_generic_people(noun)) subject = noun;
      if (kind == FigureKind::kDead || kind == FigureKind::kInjured) {
        // "... four dead, including a police officer and the assailant".
        for (std::size_t d = k + 1; d + 1 < tok.size(); ++d) {
          if (tok[d].lower == "including") {
            detail = "including";
            for (std::size_t e = d + 1; e < tok.size() && !is_clause_break(tok[e]) && tok[e].text != "." && e < d + 12; ++e) {
              detail += " " + std::string(tok[e].text);
            }
            break;
          }
          if (tok[d].type == Token::kNumber) break;
        }
      }
      return true;
    }
    const bool verb_like = t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ed") == 0;
    // "69 people from the province died": a preposition ends the noun.
    if (verb_like || one_of(t.lower, {"as", "from", "on", "at", "across", "throughout", "near"})) noun_done = true;
    if (!noun_done && !is_auxiliary(t.lower)) {
      if (!noun.empty()) noun += ' ';
      noun += t.lower;
      if (noun.size() > 40) return false;
    } else {
      noun_done = !noun.empty();
    }
    if (t.lower == "passengers" || t.lower == "passenger") {
      if (n.first > 0 && one_of(tok[n.first - 1].lower, {"carrying", "with", "carried"})) {
        kind = FigureKind::kOnBoard;
        subject.clear();
        return true;
      }
    }
  }
  return false;
}

// Who a word at tok[end - 1] and before names: "Paul Hendry" in "Paul Hendry, 64", "man"
// in "a man aged 58". "" when it is not a name or a person.
std::string person_before(const std::vector<Token>& tok, std::size_t end) {
  if (end > 0 && tok[end - 1].text == ",") --end;
  if (end == 0) return "";
  std::size_t b = end;
  while (b > 0 && tok[b - 1].capitalised) --b;
  if (b < end) {
    std::string name;
    for (std::size_t k = b; k < end; ++k) {
      if (k == b && one_of(tok[k].lower, {"the", "a", "an"})) continue;
      append_word(name, tok[k].text);
    }
    return name;
  }
  return is_person_noun(tok[end - 1].lower) ? std::string(tok[end - 1].lower) : std::string();
}

// Who follows "a 45-year-old": "man", "Zuhir Hersi", "British man"; nullopt when it is
// not a person at all ("the 19-year-old Islamic regime", "a 17-year-old dispute").
std::optional<std::string> person_after(const std::vector<Token>& tok, std::size_t k) {
  std::string name;
  while (k < tok.size() && tok[k].capitalised) append_word(name, tok[k++].text);
  const bool word_next = k < tok.size() && tok[k].type == Token::kWord && !tok[k].capitalised;
  if (!name.empty() && !word_next) return name;  // "17-year-old Zuhir Hersi, one of ..."
  for (std::size_t j = k; j < tok.size() && j < k + 3 && tok[j].type == Token::kWord; ++j) {
    if (is_person_noun(tok[j].lower)) return std::string(tok[j].lower);
  }
  // "the 19-year-old Islamic regime", "a 57-year-old airline": things, not people.
  static const WordSet kThings{"regime", "dispute", "conflict", "war", "crackdown", "company", "airline", "carrier",
                               "tradition", "law", "ban", "building", "church", "bridge", "institution", "party",
                               "organization", "organisation", "state", "republic", "government", "rule", "treaty",
                               "agreement", "plant", "ship", "plane", "jet", "car", "house", "home", "business",
                               "movement", "insurgency", "rebellion", "record", "policy", "system", "feud"};
  if (word_next && kThings.contains(tok[k].lower)) return std::nullopt;
  if (!name.empty()) {
    // "17-year-old Alina Turk said": a verb after the name; "43-year-old Hong Kong gang
    // boss Cheung Tze-keung": the name after the description.
    for (std::size_t j = k; j < tok.size() && j < k + 4; ++j) {
      if (tok[j].capitalised) {
        std::string later;
        while (j < tok.size() && tok[j].capitalised) append_word(later, tok[j++].text);
        return later;
      }
    }
    return name;
  }
  return "";
}

// The currency a word after a number names ("dollars" -> "$", "gourdes"), or "".
std::string_view currency_after(std::string_view w) {
  if (one_of(w, {"dollars", "dlrs"})) return "$";
  if (one_of(w, {"euros", "euro"})) return "\xE2\x82\xAC";
  if (w == "cents") return "cents";
  static const WordSet kNames{"yuan", "yen", "francs", "rupees", "pesos", "shillings", "gourdes", "rubles",
                              "roubles", "dinars", "lira", "lire", "baht", "ringgit", "kronor",
                              "kroner", "krona", "rupiah", "riyals", "dirhams", "pesetas", "drachmas", "zlotys"};
  return kNames.contains(w) ? w : std::string_view();
}

// Percent, money, age and duration figures, which name their unit in the number itself.
bool unit_kind(const std::vector<Token>& tok, NumberAt& n, FigureKind& kind, std::string& subject) {
  const std::size_t after = n.last + 1;
  auto lower_at = [&](std::size_t k) { return k < tok.size() ? tok[k].lower : std::string(); };
  if (lower_at(after) == "%" || lower_at(after) == "percent" || (lower_at(after) == "per" && lower_at(after + 1) == "cent")) {
    kind = FigureKind::kPercent;
    n.last = lower_at(after) == "per" ? after + 1 : after;
    subject = words_after(tok, n.last + 1, 2);
    // "70 percent of the wreckage", "of the plane's wreckage": one quantity, named by its head.
    if (std::size_t sp = subject.rfind(' '); sp != std::string::npos) subject = subject.substr(sp + 1);
    if (subject.empty()) {
      // "Turnout was 38%": the subject comes first.
      for (std::size_t k = n.first; k > 0 && n.first - k < 4; --k) {
        if (tok[k - 1].type == Token::kWord && !is_auxiliary(tok[k - 1].lower) && !is_qualifier_word(tok[k - 1].lower)) {
          subject = tok[k - 1].lower;
          break;
        }
      }
    }
    return true;
  }
  if (n.first > 0 && tok[n.first - 1].type == Token::kMark &&
      one_of(tok[n.first - 1].text, {"\xC2\xA3", "$", "\xE2\x82\xAC"})) {
    kind = FigureKind::kMoney;
    subject = std::string(tok[n.first - 1].text);  // the currency
    return true;
  }
  // AP's "dlrs 12 million"; "12 million dollars", "700 million gourdes", "5 billion yuan".
  if (n.first > 0 && one_of(tok[n.first - 1].lower, {"dlrs", "usd", "dollars"})) {
    kind = FigureKind::kMoney;
    subject = "$";
    return true;
  }
  // "160 million Hong Kong dollars", "5 million Canadian dollars".
  for (std::size_t c = after; c < tok.size() && c < after + 3 && tok[c].capitalised; ++c) {
    if (c + 1 < tok.size() && one_of(tok[c + 1].lower, {"dollars", "dollar", "pounds", "francs", "pesos", "rupees"})) {
      kind = FigureKind::kMoney;
      subject.clear();
      for (std::size_t j = after; j <= c + 1; ++j) append_word(subject, tok[j].text);
      n.last = c + 1;
      return true;
    }
  }
  if (std::string_view currency = after < tok.size() ? currency_after(tok[after].lower) : std::string_view();
      !currency.empty()) {
    kind = FigureKind::kMoney;
    subject = std::string(currency);
    n.last = after;
    return true;
  }
  // Ages, with whose age it is: "a man aged 58", "aged 34 and 29", "a 45-year-old man",
  // "17-year-old Zuhir Hersi", "Paul Hendry, 64,". A key figure "age 48" alone says nothing.
  if (n.first > 0 && tok[n.first - 1].lower == "aged") {
    kind = FigureKind::kAge;
    subject = person_before(tok, n.first - 1);
    return true;
  }
  // "Pinochet, who is 82 and who ...", "his age, 25", "between the ages of 34 and 80".
  if (n.first > 2 && one_of(tok[n.first - 1].lower, {"is", "was"}) && tok[n.first - 2].lower == "who" &&
      tok[n.first].type == Token::kNumber && n.value < 120 &&
      (after >= tok.size() || (!is_time_unit(tok[after].lower) && !one_of(tok[after].lower, {"next", "on", "in"})))) {
    // (not "who is 83 next week": an age to come)
    kind = FigureKind::kAge;
    subject = person_before(tok, n.first - 2);
    return true;
  }
  if (n.first > 1 && tok[n.first - 1].text == "," && tok[n.first - 2].lower == "age" && n.value < 120) {
    kind = FigureKind::kAge;
    return true;
  }
  // "51 years old", "at age 82", "their daughters, ages 4 and 6", "ages 7 to 15".
  if (after + 1 < tok.size() && one_of(tok[after].lower, {"years", "year"}) && tok[after + 1].lower == "old" &&
      n.value < 120) {
    kind = FigureKind::kAge;
    n.last = after + 1;
    for (std::size_t b = n.first; b > 0 && n.first - b < 6; --b) {
      if (tok[b - 1].capitalised && (b == 1 || !tok[b - 2].capitalised)) {
        subject = person_before(tok, b + (tok[b].capitalised ? 1 : 0));
        break;
      }
    }
    return true;
  }
  if (n.first > 0 && one_of(tok[n.first - 1].lower, {"age", "ages"}) && n.value < 120 &&
      (n.first < 2 || tok[n.first - 2].lower != "the")) {
    kind = FigureKind::kAge;
    return true;
  }
  if (n.first > 2 && one_of(tok[n.first - 1].lower, {"to", "and"}) && tok[n.first - 3].lower == "ages" && n.value < 120) {
    kind = FigureKind::kAge;
    return true;
  }
  const bool ages_of = n.first > 1 && tok[n.first - 1].lower == "of" && tok[n.first - 2].lower == "ages";
  const bool and_ages = n.first > 3 && tok[n.first - 1].lower == "and" && tok[n.first - 3].lower == "of" &&
                        tok[n.first - 4].lower == "ages";
  if ((ages_of || and_ages) && n.value < 120) {
    kind = FigureKind::kAge;
    return true;
  }
  if (n.first > 2 && one_of(tok[n.first - 1].lower, {"and", "to"}) && tok[n.first - 3].lower == "aged") {
    kind = FigureKind::kAge;
    subject = person_before(tok, n.first - 3);
    return true;
  }
  // "Paul Hendry, 64,", "The woman, 81, died", "Callum Reid, 33.": a whole number after a
  // name or a person and a comma, closing the apposition.
  if (n.first > 1 && tok[n.first - 1].text == "," && tok[n.first].type == Token::kNumber && n.value >= 1 &&
      n.value < 120 && tok[n.first].lower.find('.') == std::string::npos &&
      (after >= tok.size() || one_of(tok[after].text, {",", ".", ";"}))) {
    const Token& who = tok[n.first - 2];
    if (who.capitalised || [&] {
    static const WordSet kWords{"man", "woman", "boy", "girl", "driver", "resident", "victim"};
    return kWords.contains(who.lower);
  }()) {
      kind = FigureKind::kAge;
      subject = person_before(tok, n.first - 1);
      return true;
    }
  }
  // "a 17-month-old government", "a 17-day-old crackdown": how long a thing has lasted.
  if (after + 1 < tok.size() && tok[after].text == "-" && tok[after + 1].lower.ends_with("-old") &&
      !tok[after + 1].lower.starts_with("year")) {
    const std::string_view unit = tok[after + 1].lower.substr(0, tok[after + 1].lower.find('-'));
    if (is_time_unit(unit)) {
      kind = FigureKind::kDuration;
      subject = std::string(unit);
      if (subject.back() != 's') subject += 's';
      n.last = after + 1;
      return true;
    }
  }
  if (after + 1 < tok.size() && tok[after].text == "-" && tok[after + 1].lower.rfind("year-old", 0) == 0) {
    std::optional<std::string> who = person_after(tok, after + 2);
    if (!who) return false;
    kind = FigureKind::kAge;
    n.last = after + 1;
    subject = *who;
    if (subject.empty() && n.first > 1 && tok[n.first - 1].text == ",") subject = person_before(tok, n.first - 1);
    return true;
  }
  // Durations: "for 23 hours", "a 72-hour strike", "talks lasting 14 hours", "a 30-second
  // commercial", "his 18 years in Congress", "these past three weeks", "12 months into a
  // five-year contract"; not elapsed time ("two years ago", "four minutes later", "within
  // five minutes of the alarm", "in less than three weeks").
  // "three-week" as one token: its unit after the hyphen; "three-year-old" is an age.
  if (tok[n.first].type == Token::kWord && n.first == n.last && tok[n.first].lower.find('-') != std::string_view::npos) {
    const std::string_view word = tok[n.first].lower;
    std::string_view unit = word.substr(word.find('-') + 1);
    const bool old_age = unit.ends_with("-old");
    unit = unit.substr(0, unit.find('-'));
    if (is_time_unit(unit)) {
      if (old_age) {
        if (unit != "year" && unit != "years") return false;  // "a 17-day-old crackdown"
        std::optional<std::string> who = person_after(tok, n.first + 1);
        if (!who) return false;
        kind = FigureKind::kAge;
        subject = *who;
        return true;
      }
      kind = FigureKind::kDuration;
      subject = std::string(unit);
      if (subject.back() != 's') subject += 's';
      return true;
    }
  }
  const bool hyphenated = after + 1 < tok.size() && tok[after].text == "-" && is_time_unit(tok[after + 1].lower) &&
                          !(after + 2 < tok.size() && tok[after + 2].lower.starts_with("old"));
  const std::string_view next2 = after + 1 < tok.size() ? tok[after + 1].lower : std::string_view();
  const bool elapsed = one_of(next2, {"ago", "later", "earlier", "after", "before", "since", "old", "older", "younger",
                                      "away", "late", "early"});
  std::size_t lead = n.first;
  bool framed = false;  // "these past", "the first", "the next": a stretch of time named as such
  while (lead > 0 && n.first - lead < 4 && tok[lead - 1].type == Token::kWord &&
         (is_qualifier_word(tok[lead - 1].lower) ||
          one_of(tok[lead - 1].lower, {"another", "the", "past", "last", "next", "first", "these", "those", "entire",
                                       "whole", "full"}))) {
    framed = framed || one_of(tok[lead - 1].lower, {"past", "next", "first", "these", "entire", "whole", "full", "last"});
    --lead;
  }
  // "sentenced to between five and seven years", "sentences of three years to life",
  // "served two years in prison", "face from 10 years to life".
  while (lead > 1 && one_of(tok[lead - 1].lower, {"between", "and", "from", "or"}) && lead > 2) {
    if (one_of(tok[lead - 1].lower, {"and", "or"}) &&
        (tok[lead - 2].type == Token::kNumber || number_at(tok, lead - 2).value > 0)) {
      lead -= 2;
      continue;
    }
    if (one_of(tok[lead - 1].lower, {"between", "from"})) --lead;
    else break;
  }
  const std::string_view before = lead > 0 ? tok[lead - 1].lower : std::string_view();
  const std::string_view before2 = lead > 1 ? tok[lead - 2].lower : std::string_view();
  const bool sentence_term = one_of(before, {"served", "serve", "serving", "face", "faces", "facing"}) ||
                             (before == "to" && one_of(before2, {"sentenced", "jailed", "imprisoned", "condemned"})) ||
                             (before == "of" && one_of(before2, {"sentence", "sentences", "term", "terms"}));
  // "four or five days", "between five and seven years": the first of a range has the
  // second's unit.
  const bool range_start = after + 2 < tok.size() && one_of(tok[after].lower, {"or", "to", "and"}) &&
                           (tok[after + 1].type == Token::kNumber || number_at(tok, after + 1).value > 0) &&
                           is_time_unit(tok[after + 2].lower);
  const std::size_t unit_at = range_start ? after + 2 : after;
  const bool spelled = is_time_unit(lower_at(unit_at)) && !elapsed && (framed || !one_of(before, {"in", "within", "than"})) &&
                       (framed || sentence_term || one_of(next2, {"into", "of"}) ||
                        one_of(before, {"for", "lasting", "took", "lasted", "spent", "over", "during", "his", "her",
                                        "its", "their", "throughout", "after", "totaling", "totalling"}));
  if (hyphenated || spelled) {
    kind = FigureKind::kDuration;
    std::string unit(tok[hyphenated ? after + 1 : unit_at].lower);
    if (!range_start || hyphenated) n.last = hyphenated ? after + 1 : after;
    if (unit.back() != 's') unit += 's';
    subject = unit;
    return true;
  }
  return false;
}

// Turns the candidates of one sentence into mentions, settling revisions inside it.
void settle_sentence(std::vector<Candidate>& cands, bool revision, FigureKind sentence_kind, bool has_sentence_kind,
                     std::vector<FigureMention>& out) {
  if (revision && has_sentence_kind) {
    // "The number of people killed ... has risen to seven": the new value sits far from
    // the sentence's one casualty word.
    for (Candidate& c : cands) {
      if (!c.has_kind && c.after_to) {
        c.has_kind = true;
        c.mention.kind = sentence_kind;
      }
    }
  }
  if (revision) {
    // A number with no cue of its own in a revision sentence takes the kind of the
    // sentence's other count: "five people had died ... revised down to four".
    const Candidate* with_kind = nullptr;
    for (const Candidate& c : cands) {
      if (c.has_kind && !c.increment && c.mention.kind <= FigureKind::kOnBoard) with_kind = with_kind ? with_kind : &c;
    }
    if (with_kind) {
      const FigureKind kind = with_kind->mention.kind;
      const std::string subject = with_kind->mention.subject;
      for (Candidate& c : cands) {
        if (!c.has_kind && (c.after_to || c.after_from)) {
          c.has_kind = true;
          c.mention.kind = kind;
          c.mention.subject = subject;
        }
      }
      // New value: one written after "to"/"at", else the last; the others are previous.
      std::vector<Candidate*> same;
      for (Candidate& c : cands) {
        if (c.has_kind && !c.increment && c.mention.kind == kind && c.mention.subject == subject) same.push_back(&c);
      }
      if (same.size() >= 2) {
        // The new value is written after "to"/"at"; failing that, the last one that is
        // not after "from" or "figure of" (those name the old value).
        Candidate* now = nullptr;
        for (Candidate* c : same) {
          if (c->after_to || (!c->after_from && !(now && now->after_to))) now = c;
        }
        if (!now) now = same.back();
        for (Candidate* c : same) {
          if (c != now && c->mention.value != now->mention.value) now->mention.previous = c->mention.value;
        }
        for (Candidate* c : same) {
          if (c != now) c->has_kind = false;  // reported as the previous value, not a mention
        }
      }
    }
  }
  for (Candidate& c : cands) {
    // "raising the death toll from three": the old value, reported as `previous` of a
    // mention when the sentence has one, never as a statement of its own.
    if (revision && c.after_from && c.mention.kind <= FigureKind::kOnBoard) c.has_kind = false;
    if (c.has_kind && !c.increment) {
      c.mention.update = revision && c.after_to && c.mention.kind <= FigureKind::kOnBoard;
      out.push_back(std::move(c.mention));
    }
  }
}

}  // namespace

// The place a count is of, when its clause names one: "were killed in landslides on
// Catanduanes island", "died in nearby Camarines Sur province", "In Nairobi, 248 ...".
std::string place_of(const std::vector<Token>& tok, const NumberAt& n) {
  auto place_at = [&](std::size_t k) -> std::string {
    // After "in"/"on"/"at": a capitalised run, past "the", "nearby", "neighbouring".
    std::size_t p = k + 1;
    while (p < tok.size() && p < k + 3 && one_of(tok[p].lower, {"the", "nearby", "neighboring", "neighbouring", "central",
                                                               "northern", "southern", "eastern", "western"})) {
      ++p;
    }
    std::string place;
    // "from the province", "in the capital": a part of the event's area, named or not.
    if (p > k + 1 && tok[p - 1].lower == "the" && p < tok.size() &&
        one_of(tok[p].lower, {"province", "region", "city", "town", "village", "state", "county", "district",
                              "island", "capital", "north", "south", "east", "west"})) {
      return std::string(tok[p].lower);
    }
    while (p < tok.size() && tok[p].capitalised && !is_month(tok[p].lower) && internal::weekday_number(tok[p].lower) < 0) {
      std::string w(tok[p].text);
      for (std::string_view pos : {"\xE2\x80\x99s", "'s"}) {
        if (w.ends_with(pos)) w.resize(w.size() - pos.size());
      }
      append_word(place, w);
      ++p;
    }
    return place;
  };
  for (std::size_t k = n.last + 1; k < tok.size() && k < n.last + 16; ++k) {
    if (is_clause_break(tok[k]) || tok[k].type == Token::kNumber) break;
    if (one_of(tok[k].lower, {"in", "on", "at", "from"})) {
      std::string place = place_at(k);
      if (!place.empty()) return place;
    }
  }
  // "The simultaneous blast in Nairobi killed more than 250": the place of the subject,
  // in the same clause before the number.
  for (std::size_t k = n.first; k > 0 && n.first - k < 8; --k) {
    if (is_clause_break(tok[k - 1])) break;
    if (one_of(tok[k - 1].lower, {"in", "at"}) && k < n.first) {
      std::string place = place_at(k - 1);
      if (!place.empty()) return place;
    }
  }
  // "In Nairobi, 248 people were killed": a place that opens the sentence.
  if (n.first >= 3 && tok[0].lower == "in" && tok[n.first - 1].text == ",") {
    std::string place = place_at(0);
    if (!place.empty() && internal::count_words(place) + 2 == n.first) return place;
  }
  return "";
}

// A place belongs to a count only as a part of a larger one the article gives: "killed at
// least 82 people ... At least 53 were killed on Catanduanes". The article's largest
// count of a kind is the whole event's, wherever it says it happened.
void keep_places_of_parts(std::vector<FigureMention>& mentions) {
  for (FigureMention& m : mentions) {
    if (m.place.empty()) continue;
    double largest = 0;
    for (const FigureMention& o : mentions) {
      if (o.kind == m.kind && o.subject == m.subject && !o.earlier) largest = std::max(largest, o.value);
    }
    // "more than 150 people in the Philippines" beside "risen to 151" is the whole too.
    const bool bound = m.qualifier == "more than" || m.qualifier == "at least" || m.qualifier == "nearly";
    if (m.value >= largest || (bound && m.value >= 0.9 * largest)) m.place.clear();
  }
}

// What a duration is of: "a 72-hour strike", "14 months of captivity", "two years in
// prison"; "" when the words around do not say.
std::string duration_of(const std::vector<Token>& tok, const NumberAt& n) {
  std::size_t k = n.last + 1;
  static const WordSet kFunction{"and", "or", "but", "in", "on", "at", "to", "for", "from", "by", "with", "that", "which",
                                 "was", "were", "is", "are", "ago", "later", "earlier", "after", "before", "since"};
  auto words_from = [&](std::size_t j, std::size_t max) {
    std::string out;
    for (std::size_t m = 0; j < tok.size() && m < max && tok[j].type == Token::kWord && !kFunction.contains(tok[j].lower);
         ++j, ++m) {
      append_word(out, tok[j].text);
    }
    return out;
  };
  if (k < tok.size() && tok[k].lower == "of") {
    ++k;
    while (k < tok.size() && one_of(tok[k].lower, {"the", "a", "an", "his", "her", "their", "its"})) ++k;
    return words_from(k, 3);
  }
  if (k + 1 < tok.size() && tok[k].lower == "in" && one_of(tok[k + 1].lower, {"prison", "jail", "custody", "office", "power"})) {
    return std::string(tok[k + 1].lower);
  }
  if (k < tok.size() && tok[k].type == Token::kWord && !tok[k].capitalised) return words_from(k, 2);
  return "";
}

// Which tokens lie inside quotation marks: numbers there are what someone said, not what
// the article reports ("exert 100 percent effort"). A sentence that goes on with a
// quotation left open before it starts inside.
std::vector<bool> inside_quotes(const std::vector<Token>& tok, std::string_view text, const Sentence& s) {
  bool open = s.quote == QuoteRole::kContinues;
  std::vector<bool> inside(tok.size(), open);
  if (text.find('"') == std::string_view::npos && text.find("\xE2\x80") == std::string_view::npos) return inside;
  std::size_t t = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c != '"' && c != 0xE2) continue;
    const bool opening = text.substr(i, 3) == "\xE2\x80\x9C";
    const bool closing = text.substr(i, 3) == "\xE2\x80\x9D";
    if (c == '"' || opening || closing) {
      while (t < tok.size() && tok[t].begin < i) inside[t++] = open;
      open = opening ? true : closing ? false : !open;
    }
  }
  while (t < tok.size()) inside[t++] = open;
  return inside;
}

// Where a sentence turns to another, earlier event, the numbers after it are that event's:
// "In 1978, 20 people died in a fire", "an attack 16 months ago that killed 16", "the
// deadliest since 1994, when 31 people died". Returns the first token of that background
// (tok.size() when there is none).
std::size_t background_from(const std::vector<Token>& tok, std::string_view article_date) {
  int year = 0;
  if (article_date.size() >= 4) std::from_chars(article_date.data(), article_date.data() + 4, year);
  for (std::size_t k = 0; k < tok.size(); ++k) {
    const Token& t = tok[k];
    if (t.type == Token::kNumber && year > 0 && t.lower.size() == 4 && t.lower.find('.') == std::string::npos) {
      int y = 0;
      std::from_chars(t.lower.data(), t.lower.data() + 4, y);
      if (y >= 1900 && y < year) return k;
    }
    // ("As of two weeks ago, only 10 percent had been recovered" is this event, earlier.)
    const bool as_of = k >= 4 && tok[k - 4].lower == "as" && tok[k - 3].lower == "of";
    if (t.lower == "ago" && k > 0 && !as_of &&
        one_of(tok[k - 1].lower, {"years", "year", "months", "month", "weeks", "decades", "decade"})) {
      return k;
    }
    if (t.lower == "last" && k + 1 < tok.size() && one_of(tok[k + 1].lower, {"year", "decade"})) return k;
  }
  return tok.size();
}

std::vector<FigureMention> find_figures(const Document& doc) {
  std::vector<FigureMention> out;
  for (const Sentence& s : doc.sentences) {
    std::string_view text = doc.sentence_text(s);
    // Most sentences hold no count: without a number and a word that says what was
    // counted, there is nothing to tokenize.
    if (!internal::may_hold_number(text) || !may_name_a_count(text)) continue;
    internal::TokenList tok = internal::tokenize_sentence(text);
    const std::vector<bool> quoted = inside_quotes(tok, text, s);
    const std::size_t background = background_from(tok, doc.article.date);
    // "killing 140, including 9 Germans", "The fatalities included 71 people who died in
    // landslides": counts after "including" are the detail of a figure, not figures.
    // The list runs until a new verb takes over: "killed 224 people, including 12
    // Americans, and injured an estimated 5,000".
    std::vector<bool> in_list(tok.size(), false);
    for (std::size_t k = 0; k < tok.size(); ++k) {
      if (tok[k].lower.size() < 7 || tok[k].lower[0] != 'i' || !tok[k].lower.starts_with("includ")) continue;
      for (std::size_t e = k + 1; e < tok.size(); ++e) {
        FigureKind verb_kind;
        if (tok[e].type == Token::kWord && cue_before(tok[e].lower, verb_kind) && e > k + 1) break;
        in_list[e] = true;
      }
    }
    std::vector<Candidate> cands;
    for (std::size_t i = 0; i < tok.size(); ++i) {
      NumberAt n = number_at(tok, i);
      if (n.value < 0 || is_time_or_date(tok, n)) continue;
      if (quoted[i]) {
        i = n.last;
        continue;
      }
      Candidate c;
      FigureMention& m = c.mention;
      m.value = n.value;
      std::optional<FigureKind> also;
      c.has_kind = unit_kind(tok, n, m.kind, m.subject) || casualty_kind(tok, n, m.kind, m.subject, m.detail, also);
      // Another event's counts in background ("In 1978, 20 people died"); an age or a
      // duration there still says what it says.
      if (c.has_kind && m.kind <= FigureKind::kOnBoard && (in_list[i] || i >= background)) {
        i = n.last;  // a part listed in a figure's detail
        continue;
      }
      if (c.has_kind && m.kind <= FigureKind::kOnBoard) m.place = place_of(tok, n);
      if (c.has_kind && m.kind == FigureKind::kDuration) m.detail = duration_of(tok, n);
      c.at = n;
      c.increment = n.last + 1 < tok.size() && one_of(tok[n.last + 1].lower, {"more", "additional", "further"});
      m.qualifier = qualifier_before(tok, n.first);
      std::size_t first = n.first;
      while (first > 0 && !m.qualifier.empty() && tok[first - 1].type == Token::kWord &&
             is_qualifier_word(tok[first - 1].lower) && n.first - first < 3) {
        --first;
      }
      if (first > 0 && tok[first - 1].type == Token::kMark && m.kind == FigureKind::kMoney) --first;
      const std::string_view prev = n.first > 0 ? tok[n.first - 1].lower : std::string_view();
      const std::string_view prev2 = n.first > 1 ? tok[n.first - 2].lower : std::string_view();
      c.after_to = prev == "to" || prev == "at";
      c.after_from = prev == "from" || (prev == "of" && prev2 == "figure");
      m.as_written = std::string(text.substr(tok[first].begin, tok[n.last].end - tok[first].begin));
      const Span clean{static_cast<std::uint32_t>(s.span.begin + tok[first].begin),
                       static_cast<std::uint32_t>(s.span.begin + tok[n.last].end)};
      m.figure_source = doc.clean.map.to_source(clean);
      m.article_id = doc.article.id;
      m.sentence = s.index;
      m.source = s.source;
      m.date = doc.article.date;
      if (also && c.has_kind) {
        Candidate second = c;
        second.mention.kind = *also;
        second.mention.subject.clear();
        cands.push_back(std::move(c));
        cands.push_back(std::move(second));
      } else {
        cands.push_back(std::move(c));
      }
      i = n.last;
    }
    if (cands.empty()) continue;
    // "wounding four senior police officers and 10 journalists": a count joined by "and"
    // to one the verb before them counts is counted by it too.
    for (std::size_t k = 1; k < cands.size(); ++k) {
      Candidate& c = cands[k];
      const Candidate& prev = cands[k - 1];
      if (c.has_kind || !prev.has_kind || prev.mention.kind > FigureKind::kOnBoard || c.at.first == 0) continue;
      if (tok[c.at.first - 1].lower != "and" || c.at.first <= prev.at.last + 1) continue;
      bool plain = true;  // only nouns and adjectives between them
      for (std::size_t j = prev.at.last + 1; j + 1 < c.at.first && plain; ++j) {
        plain = tok[j].type == Token::kWord && !is_auxiliary(tok[j].lower) && !tok[j].lower.ends_with("ed");
      }
      if (!plain || in_list[c.at.first] || c.at.first >= background) continue;
      c.has_kind = true;
      c.mention.kind = prev.mention.kind;
      c.mention.subject.clear();
    }
    // "Of the 129 deaths reported so far, 67 were attributed to landslides": the part
    // counts what the whole counts.
    if (cands.size() >= 2 && cands[0].has_kind && !cands[1].has_kind && tok.size() > 2 && tok[0].lower == "of" &&
        tok[1].lower == "the" && cands[0].mention.kind <= FigureKind::kOnBoard) {
      cands[1].has_kind = true;
      cands[1].mention.kind = cands[0].mention.kind;
      cands[1].mention.place = place_of(tok, cands[1].at);
    }
    const bool revision = has_revision_cue(tok);
    // The sentence's casualty kind, when its words name exactly one.
    std::set<FigureKind> kinds;
    for (std::size_t k = 0; k < tok.size() && revision; ++k) {
      FigureKind kind;
      if (tok[k].type == Token::kWord && cue_after(tok, k, kind) && kind <= FigureKind::kOnBoard) kinds.insert(kind);
    }
    // "raising the toll from three", "raising its earlier figure of 12": a kind-less
    // number after "from" is the previous value of the sentence's one count.
    std::vector<FigureMention> found;
    settle_sentence(cands, revision, kinds.empty() ? FigureKind::kDead : *kinds.begin(), kinds.size() == 1, found);
    if (revision) {
      for (FigureMention& m : found) {
        if (!std::isnan(m.previous) || m.kind > FigureKind::kOnBoard) continue;
        for (const Candidate& c : cands) {
          if (!c.has_kind && c.after_from) m.previous = c.mention.value;
        }
      }
    }
    // "Police had earlier put the number of dead at five": with nothing newer in the
    // sentence, the figure is one that has since been replaced.
    if (has_earlier_cue(tok)) {
      for (FigureMention& m : found) {
        if (std::isnan(m.previous) && m.kind <= FigureKind::kOnBoard) m.earlier = true;
      }
    }
    for (FigureMention& m : found) out.push_back(std::move(m));
  }
  keep_places_of_parts(out);
  return out;
}

}  // namespace chorus
