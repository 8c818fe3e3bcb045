// Counts of people by the cue words around them ("were killed", "killing three", "the
// death toll rose to 14", "pulled from the water"), and the place a count is of.
#include <algorithm>
#include <unordered_map>

#include "base/string_util.h"
#include "facts/figure_rules.h"

namespace chorus::internal::figures {

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
      {"jailed", FigureKind::kArrested},       {"imprisoned", FigureKind::kArrested},
      {"killings", FigureKind::kDead},         {"murders", FigureKind::kDead},
      {"executions", FigureKind::kDead},       {"homicides", FigureKind::kDead},
      {"refugees", FigureKind::kEvacuated},    {"defendants", FigureKind::kCharged},
      {"executed", FigureKind::kDead},
      {"treated", FigureKind::kInHospital}};
  const std::string_view w = tok[j].lower;
  auto lower_at = [&](std::size_t k) { return k < tok.size() ? tok[k].lower : std::string_view(); };
  // "730,000 of the armed police are primarily charged with maintaining public order": a
  // duty, not a charge.
  if (w == "charged" && lower_at(j + 1) == "with" &&
      one_of(lower_at(j + 2), {"maintaining", "protecting", "overseeing", "managing", "ensuring", "guarding",
                               "supervising", "keeping", "running", "coordinating", "investigating", "monitoring",
                               "enforcing", "implementing", "organizing", "organising", "handling", "drafting",
                               "developing", "leading", "providing", "safeguarding"})) {
    return false;
  }
  // "some 20,000 Chechens had sought refuge there": people who fled.
  if (w == "refuge" && j > 0 && one_of(tok[j - 1].lower, {"sought", "taken", "found", "seeking", "took"})) {
    kind = FigureKind::kEvacuated;
    return true;
  }
  // "the three men being tried", "five were tried in absentia": put on trial is charged.
  if (w == "tried" && j > 0 && one_of(tok[j - 1].lower, {"being", "were", "was", "been", "are", "is"})) {
    kind = FigureKind::kCharged;
    return true;
  }
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
  // "15 Royal Navy sailors captured at gunpoint": people taken (not "two tanks captured").
  if (one_of(w, {"captured", "seized"})) {
    static const WordSet kPeople{"people", "persons", "men", "women", "sailors", "marines", "soldiers", "troops",
                                 "crew", "personnel", "tourists", "civilians", "fighters", "rebels", "militants",
                                 "suspects", "fishermen", "workers", "journalists", "servicemen"};
    for (std::size_t k = j; k > 0 && j - k < 4; --k) {
      if (kPeople.contains(tok[k - 1].lower)) {
        kind = FigureKind::kArrested;
        return true;
      }
    }
    return false;
  }
  // "More than 100 people are still being held captive": hostages, not arrests.
  if (w == "held" && one_of(lower_at(j + 1), {"captive", "hostage", "hostages"})) return false;
  // "800,000 people have lost their homes" are homeless; "fled their homes", evacuated.
  if (w == "homes" && j >= 2 && one_of(tok[j - 1].lower, {"their", "his", "her"})) {
    if (one_of(tok[j - 2].lower, {"lost"})) kind = FigureKind::kHomeless;
    else if (one_of(tok[j - 2].lower, {"fled", "left", "abandoned", "evacuated"})) kind = FigureKind::kEvacuated;
    else return false;
    return true;
  }
  // "claimed more than 90 lives", "cost 20 lives" (but "saved 20 lives" is read before;
  // "could save 1,300 lives a year", "credited with saving more than 5,000 lives" count no
  // dead).
  if (w == "lives") {
    for (std::size_t k = j; k > 0 && j - k < 6; --k) {
      if (one_of(tok[k - 1].lower, {"save", "saves", "saving", "spare", "spared", "sparing"})) return false;
    }
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

namespace {

// Nouns of people a verb's number counts ("shot four students").
bool is_people_noun(std::string_view w) {
  static const WordSet kWords{"people", "persons", "students", "pupils", "children", "classmates", "teachers", "men",
                              "women", "boys", "girls", "officers", "policemen", "soldiers", "civilians", "others",
                              "workers", "passengers", "worshippers", "residents", "bystanders", "teenagers",
                              "teen-agers", "villagers", "protesters", "demonstrators", "prisoners", "inmates",
                              "convicts"};
  return kWords.contains(w);
}

// "killing all 217 aboard", "All 217 people aboard the plane were killed": one number
// counts both the dead and those on board. Returns the second kind the words after the
// number give, if any.
std::optional<FigureKind> second_kind(const std::vector<Token>& tok, const NumberAt& n, FigureKind first) {
  // ("All 229 passengers and crew aboard Flight 111 from New York to Geneva were killed":
  // a flight's number is a name, and the verb may come late.)
  for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 14; ++k) {
    if (is_clause_break(tok[k]) || (tok[k].type == Token::kNumber && number_at(tok, k).value >= 0)) break;
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
  // ("ordered at least 10,000 people living along swollen creeks and rivers out of their homes")
  if (!one_of(tok[verb].lower, {"drove", "driving", "forcing", "forced", "drive", "ordered", "ordering"})) return false;
  for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 8; ++k) {
    if (one_of(tok[k].lower, {"from", "out"})) return true;
    if (tok[k].lower == "to" && k + 1 < tok.size() && one_of(tok[k + 1].lower, {"flee", "leave", "evacuate"})) return true;
    if (is_clause_break(tok[k])) break;
  }
  return false;
}

}  // namespace

// The kind of a number at tok[n.first..n.last] from the words around it; fills subject.
// "collected 200 dead birds", "2,000 Kenyans and 7,500 animals have been displaced":
// animals are no casualties (though what befell them tells what befell the people beside).
bool counts_animals(const std::vector<Token>& tok, const NumberAt& n) {
  static const WordSet kAnimals{"birds", "crows", "jays", "fish", "horses", "cattle", "cows", "sheep", "pigs",
                                "chickens", "dogs", "cats", "animals", "livestock", "mosquitoes"};
  for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 2; ++k) {
    if (kAnimals.contains(tok[k].lower)) return true;
    if (tok[k].lower == "head" && k + 1 < tok.size() && tok[k + 1].lower == "of") return true;  // "500 head of cattle"
    if (!one_of(tok[k].lower, {"dead", "sick", "infected", "more", "other"})) break;
  }
  return false;
}

// "The two typhoons ... have also hurt coconut crops", "two gunmen had killed a guard":
// a verb in the active perfect with an object after it says what the counted did, not
// what befell them ("three have died", "two had been killed" are what befell them).
bool acts_on_an_object(const std::vector<Token>& tok, std::size_t k) {
  if (k < 1 || k + 1 >= tok.size() || tok[k + 1].type != Token::kWord) return false;
  std::size_t h = k - 1;
  while (h > 0 && one_of(tok[h].lower, {"also", "already", "now", "since", "reportedly"})) --h;
  if (!one_of(tok[h].lower, {"have", "has", "had"})) return false;
  if (!one_of(tok[k].lower, {"killed", "injured", "wounded", "hurt", "evacuated", "rescued", "arrested", "detained",
                             "charged", "displaced"})) {
    return false;
  }
  static const WordSet kNoObject{"in", "on", "at", "when", "after", "since", "during", "by", "and", "or", "while",
                                 "as", "so", "far", "before", "because", "near", "outside", "inside",
                                 "today", "yesterday", "overnight", "there", "here", "this", "last", "from", "with"};
  return !kNoObject.contains(tok[k + 1].lower);
}

bool casualty_kind(const std::vector<Token>& tok, const NumberAt& n, FigureKind& kind, std::string& subject,
                   std::string& detail, std::optional<FigureKind>& also) {
  // "16 months ago that killed ...": a number of time units counts time, not people.
  if (n.last + 1 < tok.size() && is_time_unit(tok[n.last + 1].lower)) return false;
  // "99 times more likely to be shot and killed", "killed at 23 times the rate": a ratio.
  if (n.last + 1 < tok.size() && tok[n.last + 1].lower == "times") return false;
  // "He was 18 when he was killed": an age, not a count of the dead.
  if (n.first > 0 && one_of(tok[n.first - 1].lower, {"was", "is"}) && n.last + 1 < tok.size() &&
      tok[n.last + 1].lower == "when") {
    return false;
  }
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
    else if (one_of(noun, {"deaths", "killing", "killings", "murders", "murder", "lives"})) of_kind = FigureKind::kDead;
    else if (noun == "evacuation") of_kind = FigureKind::kEvacuated;
    else if (noun == "rescue") of_kind = FigureKind::kRescued;
    if (of_kind) {
      kind = *of_kind;
      subject.clear();
      return true;
    }
  }
  // "Rescuers recovered 17 bodies from the rubble".
  if (b > 0 && n.last + 1 < tok.size() && tok[n.last + 1].lower == "bodies" &&
      one_of(tok[b - 1].lower, {"recovered", "found", "retrieved", "pulled", "discovered", "recovering", "finding"})) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
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
  // "the shooting deaths of two settlers", "the killings of 14 Muslims", "the deaths of more
  // than 4,000 people", "the massacre of 18 members of a family" ("of" is a qualifier's word
  // too: "a total of").
  const std::size_t of_at = tok[b].lower == "of" ? b : b > 0 && tok[b - 1].lower == "of" ? b - 1 : 0;
  if (of_at > 0 && one_of(tok[of_at - 1].lower, {"deaths", "killings", "murders", "killing", "massacre", "slaying",
                                                 "slayings"})) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "Texas, which executed 104 people", "executed as many as 50 people", "of executing 50
  // East Timorese": executions are deaths.
  std::size_t ex = b;
  while (ex > 0 && n.first - ex < 4 && one_of(tok[ex - 1].lower, {"as", "many", "much"})) --ex;
  if (ex > 0 && one_of(tok[ex - 1].lower, {"executed", "executing", "executes"}) && n.last + 1 < tok.size() &&
      (is_people_noun(tok[n.last + 1].lower) || (tok[n.last + 1].capitalised && tok[n.last + 1].type == Token::kWord))) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "Russian official figures put total federal losses at more than 2,300": a war's losses
  // are its dead (a sum of money is read as money before this).
  // ("at" is a qualifier's word too: "at least".)
  const std::size_t at_at = tok[b].lower == "at" ? b : b > 0 && tok[b - 1].lower == "at" ? b - 1 : 0;
  if (at_at > 0 && tok[at_at - 1].lower == "losses") {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "police rounded up more than 100 leaders of the sect".
  const std::size_t up_at = tok[b].lower == "up" ? b : b > 0 && tok[b - 1].lower == "up" ? b - 1 : 0;
  if (up_at > 0 && one_of(tok[up_at - 1].lower, {"rounded", "rounding", "round"})) {
    kind = FigureKind::kArrested;
    subject.clear();
    return true;
  }
  // "brought charges against 110 former and active military and police officers".
  if (b > 1 && tok[b - 1].lower == "against" && one_of(tok[b - 2].lower, {"charges", "indictments", "charge"})) {
    kind = FigureKind::kCharged;
    subject.clear();
    return true;
  }
  // "the decision to try three of the country's democracy activists on criminal charges":
  // those put on trial are charged.
  if (b > 1 && one_of(tok[b - 1].lower, {"try", "trying"}) && one_of(tok[b - 2].lower, {"to", "of", "for"})) {
    for (std::size_t k = n.last + 1; k < tok.size() && k <= n.last + 12; ++k) {
      if (one_of(tok[k].lower, {"charges", "charge", "trial"})) {
        kind = FigureKind::kCharged;
        subject.clear();
        return true;
      }
      if (is_clause_break(tok[k])) break;
    }
  }
  // "malaria alone claims 2 million people", "has claimed 37,000 lives".
  if (b > 0 && one_of(tok[b - 1].lower, {"claims", "claimed", "claiming", "claim"}) && n.last + 1 < tok.size() &&
      one_of(tok[n.last + 1].lower, {"people", "lives", "victims"})) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "killing the chief and four other people", "wounding a policeman and two civilians":
  // a count joined to the verb's first object.
  if (b > 2 && tok[b - 1].lower == "and") {
    for (std::size_t k = b - 1; k-- > 0 && b - 1 - k <= 4;) {
      if (is_clause_break(tok[k]) || tok[k].type == Token::kNumber) break;
      if (tok[k].type == Token::kWord && one_of(tok[k].lower, {"killing", "killed", "wounding", "wounded", "injuring",
                                                                 "arresting", "arrested"})) {
        // (Its object stands between it and "and": "were killed and 18 others injured" is
        // two clauses, and a passive verb has no object.)
        const bool passive = k > 0 && one_of(tok[k - 1].lower, {"was", "were", "been", "be", "is", "are", "being"});
        FigureKind verb_kind;
        if (!passive && k + 1 < b - 1 && cue_before(tok[k].lower, verb_kind) && n.last + 1 < tok.size() &&
            (is_people_noun(tok[n.last + 1].lower) || tok[n.last + 1].lower == "other")) {
          kind = verb_kind;
          subject.clear();
          return true;
        }
        break;
      }
    }
  }
  // "the Chechen side only lost 32 men", "had lost 47 servicemen": soldiers killed.
  if (b > 0 && one_of(tok[b - 1].lower, {"lost", "losing", "lose", "loses"}) && n.last + 1 < tok.size() &&
      one_of(tok[n.last + 1].lower, {"men", "soldiers", "servicemen", "troops", "officers", "policemen", "marines",
                                     "fighters", "lives", "sailors", "airmen", "guerrillas", "rebels"})) {
    kind = FigureKind::kDead;
    subject.clear();
    return true;
  }
  // "fatally shot 12 students", "shot 12 students and a teacher to death": the dead;
  // "shot four students" alone: the wounded.
  if (b > 0 && one_of(tok[b - 1].lower, {"shot", "shooting", "shoots"}) && n.last + 1 < tok.size() &&
      is_people_noun(tok[n.last + 1].lower)) {
    bool to_death = b > 1 && tok[b - 2].lower == "fatally";
    for (std::size_t k = n.last + 1; k + 1 < tok.size() && k <= n.last + 8 && !is_clause_break(tok[k]); ++k) {
      to_death = to_death || (tok[k].lower == "to" && tok[k + 1].lower == "death");
    }
    kind = to_death ? FigureKind::kDead : FigureKind::kInjured;
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
    // ("the confirmed death count is over 120,000", "the body count")
    if (tok[k - 1].lower == "toll" ||
        (k >= 2 && one_of(tok[k - 1].lower, {"count", "total"}) && one_of(tok[k - 2].lower, {"death", "body"}))) {
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
    // The part's own verb: "five of the injured are ...". ("About 65 of the young people
    // died and more than 190 were ...": the whole ends where the next count's clause begins.)
    static const WordSet kPartVerbs{"is", "are", "was", "were", "remain", "remains", "remained", "have", "has", "had"};
    std::size_t verb = j;
    while (verb < tok.size() && !is_clause_break(tok[verb]) && tok[verb].type != Token::kNumber &&
           tok[verb].lower != "and" && !kPartVerbs.contains(tok[verb].lower)) {
      ++verb;
    }
    if (verb < tok.size() && kPartVerbs.contains(tok[verb].lower)) j = verb;
    else if (tok[j - 1].lower == "the" && j < tok.size() && tok[j].type == Token::kWord) ++j;  // "of the injured"
    // "one of the 162 injured claimed to know ...": the whole is the count; the part,
    // with no state of its own, is a person.
    else if (j < tok.size() && is_casualty_adjective(tok[j].lower) &&
             (tok[j - 1].type == Token::kNumber || internal::number_word_value(tok[j - 1].lower) > 0)) {
      return false;
    }
  }
  std::string noun;
  bool noun_done = false;
  std::size_t scan_end = j + 14;  // (grows past an aside)
  for (std::size_t k = j; k < tok.size() && k < scan_end; ++k) {
    const Token& t = tok[k];
    // "some 3,600 people, mostly civilians, have been killed": past the aside.
    if (t.text == "," && k > j) {
      std::size_t close = k + 1;
      // ("Three Macau government employees, including the No. 3 official in the gambling
      // inspection agency, have been killed": an aside of a dozen words, a number in it.)
      while (close < tok.size() && close < k + 14 &&
             (tok[close].type == Token::kWord || tok[close].type == Token::kNumber || tok[close].text == ".")) {
        ++close;
      }
      if (close < tok.size() && close > k + 1 && tok[close].text == "," && close + 1 < tok.size() &&
          is_auxiliary(tok[close + 1].lower)) {
        scan_end += close - k;
        k = close;
        continue;
      }
    }
    if (is_clause_break(t) || t.type == Token::kNumber) break;
    if (t.type != Token::kWord) continue;
    if (internal::number_word_value(t.lower) > 0 && k > j) break;
    // "the 19 states pressing the suit contended that Microsoft had hurt consumers": a
    // clause of its own after the count's verb says nothing of what was counted.
    if (noun_done && t.lower == "that") break;
    // "the three men being tried or the many other members who have been detained": the
    // other group's state is not theirs.
    if (t.lower == "or" && k > j) break;
    // "one posting, by a woman named Mette, who said her father died": a clause someone
    // reports has a subject of its own.
    if (one_of(t.lower, {"said", "says"}) && k + 1 < tok.size() &&
        one_of(tok[k + 1].lower, {"her", "his", "their", "its", "the", "he", "she", "they", "it"})) {
      break;
    }
    const bool held = t.lower == "held" && (noun.empty() || is_generic_people(noun) ||
                                            one_of(noun, {"teenagers", "boys", "girls", "youths"}));
    if (held) kind = FigureKind::kArrested;
    if (!held && acts_on_an_object(tok, k)) return false;
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
    // ("4,500 people living on the bank ... were evacuated": a participle ends the noun too.)
    const bool verb_like = (t.lower.size() > 4 && t.lower.compare(t.lower.size() - 2, 2, "ed") == 0) ||
                           (!noun.empty() && t.lower.size() > 5 && t.lower.ends_with("ing") &&
                            !one_of(t.lower, {"morning", "evening", "building", "meeting", "wedding", "offspring"}));
    // "69 people from the province died": a preposition ends the noun.
    // ("12 people lost their lives", "took eight people into custody": a possessive or
    // "into" ends it as well.)
    if (verb_like || one_of(t.lower, {"as", "from", "on", "at", "across", "throughout", "near", "into", "lost", "their",
                                      "his", "her", "its"})) {
      noun_done = true;
    }
    // "Thirty other people died": people in general, beside those counted already.
    const bool beside = noun.empty() && one_of(t.lower, {"other", "more", "additional", "further"});
    if (!noun_done && !is_auxiliary(t.lower) && !beside) {
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

// The place named after the preposition at token k ("in Catanduanes", "on the island of
// ..."): a capitalised run, past "the", "nearby", "neighbouring"; "" when none.
std::string place_after(const std::vector<Token>& tok, std::size_t k) {
  std::size_t p = k + 1;
  while (p < tok.size() && p < k + 3 && one_of(tok[p].lower, {"the", "nearby", "neighboring", "neighbouring", "central",
                                                             "northern", "southern", "eastern", "western"})) {
    ++p;
  }
  std::string place;
  auto is_name = [&](std::size_t q) {
    return q < tok.size() && tok[q].capitalised && !is_month(tok[q].lower) && internal::weekday_number(tok[q].lower) < 0;
  };
  // "in the breakaway republic of Chechnya", "in the province of Sorsogon": the name after
  // the description.
  if (p > k + 1 && tok[p - 1].lower == "the") {
    std::size_t of = p;
    while (of < tok.size() && of < p + 3 && tok[of].type == Token::kWord && !tok[of].capitalised &&
           tok[of].lower != "of") {
      ++of;
    }
    if (of > p && of + 1 < tok.size() && tok[of].lower == "of" && is_name(of + 1) &&
        (is_generic_place(tok[of - 1].lower) || one_of(tok[of - 1].lower, {"republic", "kingdom", "territory"}))) {
      std::size_t q = of + 1;
      while (is_name(q)) append_word(place, bare_word(tok[q++].text));
      return place;
    }
  }
  // "from the province", "in the capital": a part of the event's area, named or not.
  if (p > k + 1 && tok[p - 1].lower == "the" && p < tok.size() && is_generic_place(tok[p].lower)) {
    return std::string(tok[p].lower);
  }
  while (is_name(p)) {
    append_word(place, bare_word(tok[p].text));
    ++p;
    // "in Romania and Bulgaria": two places counted together are one place of the count.
    if (!place.empty() && !is_name(p) && p + 1 < tok.size() && tok[p].lower == "and" && is_name(p + 1)) {
      append_word(place, "and");
      ++p;
    }
  }
  return place;
}

bool is_generic_place(std::string_view w) {
  return one_of(w, {"province", "region", "city", "town", "village", "state", "county", "district", "island", "capital",
                    "north", "south", "east", "west"});
}

// The place a count is of, when its clause names one: "were killed in landslides on
// Catanduanes island", "died in nearby Camarines Sur province", "In Nairobi, 248 ...".
std::string place_of(const std::vector<Token>& tok, const NumberAt& n) {
  for (std::size_t k = n.last + 1; k < tok.size() && k < n.last + 16; ++k) {
    if (is_clause_break(tok[k]) || tok[k].type == Token::kNumber) break;
    if (one_of(tok[k].lower, {"in", "on", "at", "from"})) {
      std::string place = place_after(tok, k);
      if (!place.empty()) return place;
    }
  }
  // "The simultaneous blast in Nairobi killed more than 250": the place of the subject,
  // in the same clause before the number.
  for (std::size_t k = n.first; k > 0 && n.first - k < 8; --k) {
    if (is_clause_break(tok[k - 1])) break;
    if (one_of(tok[k - 1].lower, {"in", "at"}) && k < n.first) {
      std::string place = place_after(tok, k - 1);
      if (!place.empty()) return place;
    }
  }
  // "In Nairobi, 248 people were killed": a place that opens the sentence.
  // "In Romania, at least 21 people died": a qualifier may stand between.
  std::size_t before = n.first;
  while (before > 0 && tok[before - 1].type == Token::kWord && is_qualifier_word(tok[before - 1].lower)) --before;
  if (before >= 3 && tok[0].lower == "in" && tok[before - 1].text == ",") {
    std::string place = place_after(tok, 0);
    if (!place.empty() && internal::count_words(place) + 2 == before) return place;
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

}  // namespace chorus::internal::figures
