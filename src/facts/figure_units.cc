// Figures whose unit is in or beside the number: percentages, money ("£2.5m", "dlrs 12
// million", "700 million yuan"), ages with whose age it is, durations with what lasted.
#include "base/string_util.h"
#include "facts/figure_rules.h"

namespace chorus::internal::figures {

namespace {

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

// "Slepian, a 51-year-old obstetrician,": the age at `first` is of the name before the
// apposition.
bool names_before_apposition(const std::vector<Token>& tok, std::size_t first) {
  return first > 2 && one_of(tok[first - 1].lower, {"a", "an"}) && tok[first - 2].text == "," && tok[first - 3].capitalised;
}

// Whether a thing that lasts follows token k ("a 14-year-old Kurdish insurgency", "a
// three-week-old crisis"): its age is how long it has gone on.
bool lasting_thing_after(const std::vector<Token>& tok, std::size_t k) {
  static const WordSet kLasting{"insurgency", "rebellion", "uprising", "war", "conflict", "dispute", "feud", "crisis",
                                "standoff", "stand-off", "crackdown", "strike", "siege", "blockade", "embargo",
                                "occupation", "dictatorship", "struggle", "campaign", "ban",
                                "stalemate", "impasse", "boycott", "ceasefire", "cease-fire", "truce", "fighting"};
  for (std::size_t j = k; j < tok.size() && j < k + 3 && tok[j].type == Token::kWord; ++j) {
    if (kLasting.contains(tok[j].lower)) return true;
  }
  return false;
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
                               "airplane", "aircraft", "airliner", "jetliner", "boat", "ferry", "vessel", "truck",
                               "bus", "train",
                               "movement", "insurgency", "rebellion", "record", "policy", "system", "feud"};
  // ("a 45-year-old state senator", "the 30-year-old party leader" are people.)
  if (word_next && kThings.contains(tok[k].lower)) {
    for (std::size_t j = k + 1; j < tok.size() && j < k + 3 && tok[j].type == Token::kWord; ++j) {
      if (is_person_noun(tok[j].lower)) return std::string(tok[j].lower);
    }
    return std::nullopt;
  }
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
  if (one_of(w, {"dollars", "dlrs", "usd"})) return "$";
  if (one_of(w, {"euros", "euro"})) return "\xE2\x82\xAC";
  if (w == "cents") return "cents";
  static const WordSet kNames{"yuan", "yen", "francs", "rupees", "pesos", "shillings", "gourdes", "rubles",
                              "roubles", "dinars", "lira", "lire", "baht", "ringgit", "kronor",
                              "kroner", "krona", "rupiah", "riyals", "dirhams", "pesetas", "drachmas", "zlotys", "lei", "rand", "rands",
                              "shekels", "naira", "escudos", "guilders", "forints", "korunas", "rials", "taka", "kwacha",
                              "cedis", "dong", "afghanis", "rupee", "peso", "franc", "shekel"};
  return kNames.contains(w) ? w : std::string_view();
}

}  // namespace

// Percent, money, age and duration figures, which name their unit in the number itself.
bool unit_kind(const std::vector<Token>& tok, NumberAt& n, FigureKind& kind, std::string& subject) {
  const std::size_t after = n.last + 1;
  auto lower_at = [&](std::size_t k) { return k < tok.size() ? tok[k].lower : std::string(); };
  // ("lagged behind by 10 percentage points")
  const bool points = lower_at(after) == "percentage" && one_of(lower_at(after + 1), {"point", "points"});
  if (lower_at(after) == "%" || lower_at(after) == "percent" || (lower_at(after) == "per" && lower_at(after + 1) == "cent") ||
      points) {
    // ("The poll had a margin of error of 3 percentage points": how sure, not how many.)
    for (std::size_t k = n.first; k-- > 0 && n.first - k <= 10;) {
      if (tok[k].lower == "margin" && k + 2 < n.first && tok[k + 1].lower == "of" && tok[k + 2].lower == "error") return false;
    }
    kind = FigureKind::kPercent;
    n.last = lower_at(after) == "per" || points ? after + 1 : after;
    subject = words_after(tok, n.last + 1, 2);
    // "70 percent of the wreckage", "of the plane's wreckage": one quantity, named by its head.
    if (std::size_t sp = subject.rfind(' '); sp != std::string::npos) subject = subject.substr(sp + 1);
    if (subject.empty()) {
      // "Turnout was 38%": the subject comes first.
      for (std::size_t k = n.first; k > 0 && n.first - k < 4; --k) {
        // ("The inflation rate rose to 8.5 percent": the rate, not "rose".)
        const bool change_verb = one_of(tok[k - 1].lower, {"rose", "fell", "grew", "dropped", "climbed", "jumped", "reached",
                                                           "hit", "stood", "increased", "decreased", "declined", "by"});
        if (tok[k - 1].type == Token::kWord && !is_auxiliary(tok[k - 1].lower) && !is_qualifier_word(tok[k - 1].lower) &&
            !change_verb) {
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
  // TREC's pound sign: "Malarone costs (PS)2 a pill".
  if (n.first >= 3 && tok[n.first - 1].text == ")" && tok[n.first - 2].text == "PS" && tok[n.first - 3].text == "(") {
    kind = FigureKind::kMoney;
    subject.assign("\xC2\xA3", 2);  // (assign, not =: GCC 12 warns falsely of an overlap)
    return true;
  }
  // AP's "dlrs 12 million"; "12 million dollars", "700 million gourdes", "5 billion yuan".
  if (n.first > 0 && one_of(tok[n.first - 1].lower, {"dlrs", "usd", "dollars"})) {
    kind = FigureKind::kMoney;
    subject.assign(1, '$');
    return true;
  }
  // "160 million Hong Kong dollars", "5 million Canadian dollars".
  for (std::size_t c = after; c < tok.size() && c < after + 3 && tok[c].capitalised; ++c) {
    // ("90 million Kenya Shillings", "5 million Saudi riyals")
    if (c + 1 < tok.size() && (one_of(tok[c + 1].lower, {"dollars", "dollar", "pounds", "francs", "pesos", "rupees"}) ||
                               !currency_after(tok[c + 1].lower).empty())) {
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
  // "a 10 million turkish lira fine": a currency's nationality in lower case between.
  if (after + 1 < tok.size() && tok[after].type == Token::kWord && !tok[after].capitalised &&
      tok[after].lower.ends_with("ish") && !currency_after(tok[after + 1].lower).empty()) {
    kind = FigureKind::kMoney;
    subject = std::string(currency_after(tok[after + 1].lower));
    n.last = after + 1;
    return true;
  }
  // Ages, with whose age it is: "a man aged 58", "aged 34 and 29", "a 45-year-old man",
  // "17-year-old Zuhir Hersi", "Paul Hendry, 64,". A key figure "age 48" alone says nothing.
  // Not a bracket of people in general: "Children ages 4 to 8 should ride in booster seats",
  // "for children between ages 5 and 15" (but "400 people, most aged 13 to 18" were there).
  {
    std::size_t a = n.first;
    while (a > 0 && a + 4 > n.first && (tok[a - 1].type == Token::kNumber || one_of(tok[a - 1].lower, {"to", "and"}))) --a;
    if (a > 1 && one_of(tok[a - 1].lower, {"ages", "aged", "age"})) {
      std::size_t noun = a - 1;
      if (noun > 0 && tok[noun - 1].lower == "between") --noun;
      const bool generic = noun > 0 && one_of(tok[noun - 1].lower, {"children", "kids", "youngsters", "adults", "people"}) &&
                           (noun < 2 || !(tok[noun - 2].type == Token::kNumber ||
                                          one_of(tok[noun - 2].lower, {"the", "their", "his", "her", "its", "most",
                                                                       "these", "those", "two", "three"})));
      if (generic) return false;
    }
  }
  // "Some are as young as 11", "as old as 90".
  if (n.first > 2 && tok[n.first - 1].lower == "as" && one_of(tok[n.first - 2].lower, {"young", "old"}) &&
      tok[n.first - 3].lower == "as" && n.value < 120 && tok[n.first].type == Token::kNumber &&
      (after >= tok.size() || tok[after].type != Token::kWord || !is_time_unit(tok[after].lower))) {
    kind = FigureKind::kAge;
    return true;
  }
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
  // "Aaron McKinney and Russell Henderson, both 21,", "At 82, Pinochet remains".
  if (n.first > 2 && tok[n.first - 1].lower == "both" && tok[n.first - 2].text == "," &&
      tok[n.first].type == Token::kNumber && n.value < 120 && (after >= tok.size() || one_of(tok[after].text, {",", "."}))) {
    kind = FigureKind::kAge;
    subject = person_before(tok, n.first - 2);
    return true;
  }
  if (n.first == 1 && tok[0].lower == "at" && tok[n.first].type == Token::kNumber && n.value < 120 && after + 1 < tok.size() &&
      tok[after].text == "," && tok[after + 1].capitalised) {
    kind = FigureKind::kAge;
    for (std::size_t k = after + 1; k < tok.size() && tok[k].capitalised; ++k) append_word(subject, tok[k].text);
    return true;
  }
  if (n.first > 1 && tok[n.first - 1].text == "," && tok[n.first - 2].lower == "age" && n.value < 120) {
    kind = FigureKind::kAge;
    return true;
  }
  // "Smith, now 52, said", "his brother Omar, then 24,", "Kebede Haile, now 32 and
  // studying", "Charest, at 40, is": an apposition's "now", "then" or "at" marks an age.
  const bool apposition_ends = after >= tok.size() || one_of(tok[after].text, {",", ".", "and"});
  if (n.first > 2 && one_of(tok[n.first - 1].lower, {"now", "then", "at"}) && tok[n.first - 2].text == "," &&
      tok[n.first].type == Token::kNumber && n.value < 120 && apposition_ends &&
      (tok[n.first - 1].lower == "now" || tok[n.first - 3].capitalised)) {
    kind = FigureKind::kAge;
    subject = person_before(tok, n.first - 2);
    return true;
  }
  // "He died at 62 in 1960", "she turned 19 earlier this year": not "died at 3 a.m.".
  const bool died_at = n.first > 1 && tok[n.first - 1].lower == "at" && one_of(tok[n.first - 2].lower, {"died", "dies"});
  if ((died_at || (n.first > 0 && tok[n.first - 1].lower == "turned")) && tok[n.first].type == Token::kNumber &&
      n.value >= 1 && n.value < 120 && tok[n.first].lower.find_first_of(".:") == std::string::npos &&
      (after >= tok.size() || tok[after].type != Token::kWord ||
       one_of(tok[after].lower, {"in", "on", "after", "and", "earlier", "last", "this", "when", "while"}))) {
    kind = FigureKind::kAge;
    return true;
  }
  // "at the age of 52", "52 years of age".
  if (n.first > 1 && tok[n.first - 1].lower == "of" && tok[n.first - 2].lower == "age" && n.value < 120) {
    kind = FigureKind::kAge;
    return true;
  }
  if (after + 2 < tok.size() && one_of(tok[after].lower, {"years", "year"}) && tok[after + 1].lower == "of" &&
      tok[after + 2].lower == "age" && n.value < 120) {
    kind = FigureKind::kAge;
    n.last = after + 2;
    return true;
  }
  // "51 years old", "at age 82", "their daughters, ages 4 and 6", "ages 7 to 15".
  // (not a thing's age: "The average car is about 9 years old")
  auto of_a_thing = [&] {
    for (std::size_t b = n.first; b > 0 && n.first - b < 6; --b) {
      if (one_of(tok[b - 1].lower, {"car", "cars", "vehicle", "vehicles", "building", "house", "plane", "aircraft",
                                    "ship", "bridge", "fleet", "company", "tree", "computer", "truck", "engine"})) {
        return true;
      }
    }
    return false;
  };
  if (after + 1 < tok.size() && one_of(tok[after].lower, {"years", "year"}) && tok[after + 1].lower == "old" &&
      n.value < 120 && !of_a_thing()) {
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
  // (not a threshold: "on probation until age 21", "children under age 5")
  if (n.first > 0 && one_of(tok[n.first - 1].lower, {"age", "ages"}) && n.value < 120 &&
      (n.first < 2 || !one_of(tok[n.first - 2].lower, {"the", "until", "till", "before", "under", "over", "above",
                                                          "below", "beyond", "minimum", "retirement", "voting",
                                                          "than"}))) {
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
      (after >= tok.size() || one_of(tok[after].text, {",", ".", ";"}) ||
       // "Berndt Christochowitz, 40 and Klaus Klemenz, 55": the list goes on.
       (tok[after].lower == "and" && after + 1 < tok.size() && tok[after + 1].capitalised && tok[n.first - 2].capitalised))) {
    const Token& who = tok[n.first - 2];
    if (who.capitalised || [&] {
    static const WordSet kWords{"man", "woman", "boy", "girl", "driver", "resident", "victim", "son", "daughter",
                                "wife", "husband", "mother", "father", "brother", "sister", "child", "baby",
                                "doctor", "officer", "student", "teacher", "pilot", "worker", "farmer", "soldier",
                                "suspect", "gunman", "nurse", "priest", "friend", "grandmother", "grandfather",
                                "teen-ager", "teenager", "youth", "passenger", "survivor", "widow", "owner"};
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
  // ("A child, 3-year old Rachel Aldrich", "26 year-old Faye Turney": a hyphen left out.)
  const bool year_old_unhyphenated = after + 2 < tok.size() && tok[after].text == "-" &&
                                     one_of(tok[after + 1].lower, {"year", "years"}) && tok[after + 2].lower == "old";
  const bool spaced_year_old = after < tok.size() && one_of(tok[after].lower, {"year-old", "years-old"});
  if (year_old_unhyphenated || spaced_year_old) {
    std::optional<std::string> who = person_after(tok, spaced_year_old ? after + 1 : after + 3);
    if (who) {
      kind = FigureKind::kAge;
      n.last = spaced_year_old ? after : after + 2;
      subject = *who;
      return true;
    }
  }
  // (People live less than 130 years: "the 5,000-year-old Pyramids" are no one's age.)
  if (after + 1 < tok.size() && tok[after].text == "-" && tok[after + 1].lower.rfind("year-old", 0) == 0 && n.value < 130) {
    if (lasting_thing_after(tok, after + 2)) {
      kind = FigureKind::kDuration;
      n.last = after + 1;
      subject = "years";
      return true;
    }
    std::optional<std::string> who = person_after(tok, after + 2);
    if (!who) return false;
    kind = FigureKind::kAge;
    n.last = after + 1;
    subject = *who;
    if (subject.empty() && n.first > 1 && tok[n.first - 1].text == ",") subject = person_before(tok, n.first - 1);
    if (names_before_apposition(tok, n.first)) subject = person_before(tok, n.first - 2);
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
      if (old_age && lasting_thing_after(tok, n.first + 1)) {
        kind = FigureKind::kDuration;
        subject = std::string(unit);
        if (subject.back() != 's') subject += 's';
        return true;
      }
      if (old_age) {
        if (unit != "year" && unit != "years") return false;  // "a 17-day-old newspaper"
        std::optional<std::string> who = person_after(tok, n.first + 1);
        if (!who) return false;
        kind = FigureKind::kAge;
        subject = *who;
        if (names_before_apposition(tok, n.first)) subject = person_before(tok, n.first - 2);
        return true;
      }
      kind = FigureKind::kDuration;
      subject = std::string(unit);
      if (subject.back() != 's') subject += 's';
      return true;
    }
  }
  // (A stock's "52-week high" is a price, not a stretch of time.)
  const bool hyphenated = after + 1 < tok.size() && tok[after].text == "-" && is_time_unit(tok[after + 1].lower) &&
                          !(after + 2 < tok.size() && (tok[after + 2].lower.starts_with("old") ||
                                                       one_of(tok[after + 2].lower, {"high", "low", "highs", "lows"})));
  const std::string_view next2 = after + 1 < tok.size() ? tok[after + 1].lower : std::string_view();
  std::size_t lead = n.first;
  bool framed = false;  // "these past", "the first", "the next": a stretch of time named as such
  while (lead > 0 && n.first - lead < 4 && tok[lead - 1].type == Token::kWord &&
         (is_qualifier_word(tok[lead - 1].lower) ||
          one_of(tok[lead - 1].lower, {"another", "the", "past", "last", "next", "first", "these", "those", "entire",
                                       "whole", "full"}))) {
    framed = framed || one_of(tok[lead - 1].lower, {"past", "next", "first", "these", "entire", "whole", "full", "last"});
    --lead;
  }
  // "take two to three years": the second end of a range stands where the first does.
  if (lead > 1 && lead < n.first && tok[lead].lower == "to" &&
      (tok[lead - 1].type == Token::kNumber || number_at(tok, lead - 1).value > 0)) {
    --lead;
    while (lead > 0 && n.first - lead < 7 && tok[lead - 1].type == Token::kWord && is_qualifier_word(tok[lead - 1].lower)) {
      --lead;
    }
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
  // ("for 2 1/2 hours before officials agreed", "take four or five days before" last; "two
  // hours before the crash" is when.)
  const bool held_for = one_of(before, {"for", "take", "takes", "took", "taking", "last", "lasted", "totaling", "totalling",
                                        "waiting", "waited", "wait", "delayed", "delaying"});
  // ("about 30 minutes out of New York's Kennedy Airport" is where, in time, it was.)
  const bool elapsed = one_of(next2, {"ago", "later", "earlier", "since", "old", "older", "younger", "away", "late",
                                      "early", "out"}) ||
                       (!held_for && one_of(next2, {"after", "before"}));
  // (The qualifier walk above passes "of" and "to": "sentences of", "sentenced to" end there.)
  const bool sentence_term = one_of(before, {"served", "serve", "serving", "face", "faces", "faced", "facing", "sentence",
                                             "sentences", "term", "terms", "sentenced", "jailed", "imprisoned",
                                             "condemned", "longer", "shorter"}) ||
                             (before == "to" && one_of(before2, {"sentenced", "jailed", "imprisoned", "condemned"})) ||
                             (before == "of" && one_of(before2, {"sentence", "sentences", "term", "terms"})) ||
                             // ("faced a maximum of two years": the walk passes "of")
                             one_of(before, {"maximum", "minimum"}) ||
                             // ("Hoeppner was given 18 months", "gave it 90 days to make it compatible")
                             (one_of(before, {"given", "received", "receives"}) && one_of(before2, {"was", "were", "is",
                                                                                                   "be", "been"})) ||
                             (one_of(before, {"it", "them", "him", "her"}) && one_of(before2, {"gave", "give", "gives",
                                                                                               "giving"})) ||
                             // ("asked a judge to give his wife Marianne 14 days to transfer the money")
                             (lower_at(after + 1) == "to" &&
                              [&] {
                                for (std::size_t j = n.first; j-- > 0 && n.first - j <= 4;) {
                                  if (one_of(tok[j].lower, {"give", "gave", "given", "giving", "gives"})) return true;
                                }
                                return false;
                              }());
  // "four or five days", "between five and seven years": the first of a range has the
  // second's unit.
  const bool range_start = after + 2 < tok.size() && one_of(tok[after].lower, {"or", "to", "and"}) &&
                           (tok[after + 1].type == Token::kNumber || number_at(tok, after + 1).value > 0) &&
                           is_time_unit(tok[after + 2].lower);
  const std::size_t unit_at = range_start ? after + 2 : after;
  const std::string_view unit_next = lower_at(unit_at + 1);
  // "his wife of 18 years": how long they have been married.
  auto partner = [](std::string_view w) {
    return one_of(w, {"wife", "husband", "partner", "spouse", "marriage", "companion", "girlfriend", "boyfriend"});
  };
  // (The qualifier walk passes "of".)
  const bool of_partner = (before == "of" && partner(before2)) || (partner(before) && tok[lead].lower == "of");
  // "up to three years in prison", "22 months probation", "two years behind bars".
  const bool prison_term = unit_next == "probation" ||
                           (unit_next == "in" && one_of(lower_at(unit_at + 2), {"prison", "jail", "detention", "custody"})) ||
                           (unit_next == "in" && lower_at(unit_at + 2) == "juvenile") ||
                           (unit_next == "behind" && lower_at(unit_at + 2) == "bars") ||
                           (unit_next == "of" && lower_at(unit_at + 2) == "probation");
  // ("who made their journey over 19 days": the qualifier walk passed "over"; "it took as
  // long as 40 minutes".)
  const bool over = (n.first > 0 && tok[n.first - 1].lower == "over" && !framed) ||
                    (n.first > 2 && tok[n.first - 1].lower == "as" && tok[n.first - 2].lower == "long" &&
                     tok[n.first - 3].lower == "as");
  // ("in the next two months" is a deadline, not how long something lasts; "in the past 17
  // years", "over the next three years" say how long.)
  bool ahead = false;
  for (std::size_t j = lead; j < n.first; ++j) ahead = ahead || one_of(tok[j].lower, {"next", "coming"});
  const bool spelled = is_time_unit(lower_at(unit_at)) && !elapsed &&
                       (over || (framed && !(ahead && before == "in")) || !one_of(before, {"in", "within", "than"}) ||
                        (before == "in" && next2 == "of") || (before == "within" && next2 != "of")) &&
                       // ("must decide within 40 days" is how long they have; "within five minutes
                       // of the alarm", "within 50 seconds of each other" are when.)
                       (framed || sentence_term || prison_term || over || of_partner || one_of(next2, {"into", "of"}) ||
                        (before == "within" && next2 != "of") ||
                        one_of(unit_next, {"passed", "elapsed"}) ||
                        one_of(before, {"for", "lasting", "took", "lasted", "spent", "over", "during", "his", "her",
                                        "its", "their", "throughout", "after", "totaling", "totalling", "take",
                                        "takes", "taking", "last", "lasts", "spend", "spends", "spending", "waiting",
                                        "waited", "delayed", "delaying"}));
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

}  // namespace chorus::internal::figures
