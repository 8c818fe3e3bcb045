// Names from capitalisation, titles and cue words: runs of capitalised words, with the
// titles before them ("Acting Deputy Commissioner", "Mrs"), classified by organisation
// and place words, merged across mentions by surname, first name after "Sir", and role.
#include <algorithm>
#include <map>
#include <set>

#include "base/string_util.h"
#include "facts/facts_internal.h"
#include "text/tokenize.h"

namespace chorus::internal {
namespace {

}  // namespace

// Titles and offices written before a name ("Prime Minister Theresa May").
bool is_title(std::string_view lower) {
  static const WordSet kWords{"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof", "rev",
                        "pc", "sgt", "sergeant", "inspector", "detective", "superintendent", "chief", "constable",
                        "commissioner", "deputy", "acting", "assistant", "president", "prime", "minister",
                        "secretary", "chancellor", "mayor", "councillor", "senator", "governor", "king", "queen",
                        "prince", "princess", "judge", "captain", "general", "colonel", "us", "uk", "director",
                        "leader", "officer", "attorney", "pm", "mp", "mep", "msp", "mla", "sen", "rep", "gov", "gen", "col", "lt", "maj",
                        "capt", "adm", "ambassador", "spokesman", "spokeswoman", "spokesperson", "envoy",
                        "chairman", "chairwoman", "cardinal", "bishop", "pope", "sheikh", "ayatollah", "principal"};
  return kWords.contains(lower);
}

// Words that are part of a title only before another title ("Health Secretary").
bool is_office_word(std::string_view lower) {
  static const WordSet kWords{"defence", "home", "foreign", "health", "justice", "transport", "education", "environment",
                        "business", "culture", "energy", "interior"};
  return kWords.contains(lower);
}


bool is_org_word(std::string_view w) {
  static const WordSet kWords{"police", "service", "services", "agency", "union", "council", "trust", "centre", "center", "group",
                    "party", "university", "college", "museum", "parliament", "government", "ministry", "department",
                    "office", "company", "bank", "corporation", "committee", "commission", "association", "network",
                    "news", "press", "times", "post", "herald", "daily", "radio", "church", "school", "court", "yard",
                    "palace", "state", "army", "force", "navy", "brigade", "authority", "board", "institute",
                    "foundation", "organisation", "organization", "club", "league", "fund", "cross", "crescent", "ltd", "plc", "inc",
                    "polymers", "shipping", "commons", "house", "ambulance", "fire", "coastguard", "rescue", "ferries", "lines", "cruises",
                    "executive", "transit", "transport", "airlines", "airways", "rail", "railway", "railways", "media",
                    "systems", "technologies", "holdings", "partners", "insurance", "energy", "foods", "motors",
                    "industries", "international", "limited", "llc", "co", "corp", "gang", "cartel", "alliance",
                    "federation", "nations", "council", "assembly", "senate", "congress", "embassy", "agency",
                    // agreements are no one: "the 1995 Dayton Accords ended the fighting"
                    "accords", "accord", "treaty", "pact", "agreement", "convention", "protocol"};
  return kWords.contains(w);
}

bool is_place_word(std::string_view w) {
  static const WordSet kWords{"street", "road", "lane", "bridge", "river", "square", "avenue", "city", "island", "mountain",
                    "lake", "estate", "county", "valley", "harbour", "port", "hill", "park", "airport", "station",
                    "town", "village", "province", "district", "region", "camp", "beach", "coast"};
  return kWords.contains(w);
}

namespace {

// Honorifics that mark a person even when the name after them is one word.
bool is_honorific(std::string_view lower) {
  static const WordSet kWords{"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof", "rev",
                        "pc", "sgt"};
  return kWords.contains(lower);
}

// Capitalised words that start sentences or stand alone without naming anyone.
bool is_common_capital(std::string_view lower) {
  static const WordSet kWords{"the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they", "we", "i", "this",
                        "that", "these", "those", "there", "his", "her", "their", "our", "its", "after", "before",
                        "when", "while", "as", "if", "for", "from", "with", "by", "of", "to", "speaking", "asked",
                        "according", "paying", "some", "many", "one", "two", "three", "four", "five", "six", "seven",
                        "eight", "nine", "ten", "police", "officers", "residents", "monday", "tuesday", "wednesday",
                        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
                        "june", "july", "august", "september", "october", "november", "december", "so-called",
                        "advertisement", "read", "more", "yesterday", "today", "tonight", "no", "all", "both",
                        "every", "each", "our", "my", "your", "what", "who", "where", "why", "how", "about",
                        "around", "more", "most", "several", "we're", "it's", "i'm", "you", "them", "says", "said",
                        "asks", "adds", "added", "then", "now", "also", "still", "meanwhile", "however", "yet",
                        "instead", "later", "earlier", "although", "though", "because", "since", "unless",
                        "until", "once", "whether"};
  return kWords.contains(lower);
}


bool is_place_preposition(std::string_view lower) {
  static const WordSet kWords{"in", "at", "near", "from", "outside", "across", "into", "towards", "through"};
  return kWords.contains(lower);
}

}  // namespace

// Countries, regions and continents news names most: places, whatever verb follows
// ("the United States said" is a government, not a person).
bool is_country(std::string_view name_lower) {
  static const WordSet kNames{
      "united states", "united kingdom", "britain", "great britain", "england", "scotland", "wales", "ireland",
      "northern ireland", "france", "germany", "italy", "spain", "portugal", "greece", "netherlands", "belgium",
      "switzerland", "austria", "sweden", "norway", "denmark", "finland", "iceland", "poland", "romania", "bulgaria",
      "hungary", "czech republic", "slovakia", "ukraine", "russia", "belarus", "serbia", "croatia", "bosnia",
      "kosovo", "albania", "macedonia", "slovenia", "montenegro", "turkey", "cyprus", "israel", "palestine",
      "lebanon", "syria", "jordan", "iraq", "iran", "kuwait", "saudi arabia", "yemen", "oman", "qatar", "bahrain",
      "united arab emirates", "egypt", "libya", "tunisia", "algeria", "morocco", "sudan", "ethiopia", "somalia",
      "kenya", "tanzania", "uganda", "rwanda", "congo", "nigeria", "ghana", "senegal", "south africa", "zimbabwe",
      "angola", "mozambique", "afghanistan", "pakistan", "india", "bangladesh", "sri lanka", "nepal", "china",
      "taiwan", "japan", "korea", "north korea", "south korea", "mongolia", "vietnam", "thailand", "cambodia",
      "laos", "myanmar", "burma", "malaysia", "singapore", "indonesia", "philippines", "east timor", "australia",
      "new zealand", "canada", "mexico", "cuba", "haiti", "dominican republic", "puerto rico", "jamaica",
      "guatemala", "honduras", "nicaragua", "el salvador", "panama", "colombia", "venezuela", "ecuador", "peru",
      "bolivia", "brazil", "argentina", "chile", "uruguay", "paraguay", "chechnya", "ingushetia", "dagestan",
      "georgia", "armenia", "azerbaijan", "kazakhstan", "uzbekistan", "europe", "asia", "africa", "america",
      "north america", "south america", "latin america", "middle east", "caribbean", "west bank", "gaza",
      "gaza strip", "comoros", "tatarstan", "siberia", "kashmir", "tibet", "hong kong", "macau", "balkans"};
  return kNames.contains(name_lower);
}

namespace {

// "South Koreans", "Americans", "Britons": people of a nation, a group and not a person.
bool is_demonym_plural(std::string_view lower) {
  static const WordSet kWords{"americans", "britons", "germans", "koreans", "israelis", "palestinians", "russians",
                              "chechens", "swedes", "poles", "romanians", "greeks", "italians", "chinese", "japanese",
                              "filipinos", "indonesians", "kenyans", "tanzanians", "iraqis", "iranians", "afghans",
                              "pakistanis", "indians", "egyptians", "somalis", "ethiopians", "serbs", "croats",
                              "bosnians", "albanians", "kurds", "turks", "arabs", "muslims", "christians", "jews",
                              "europeans", "africans", "asians", "australians", "canadians", "mexicans", "cubans",
                              "haitians", "french", "dutch", "irish", "scots", "spaniards", "portuguese", "saudis",
                              "syrians", "lebanese", "jordanians", "libyans", "sudanese", "nigerians", "ukrainians"};
  return kWords.contains(lower);
}

// AP's abbreviations of US states, written after a town ("Jonesboro, Ark.").
bool is_us_state_abbreviation(std::string_view lower) {
  static const WordSet kWords{"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
                              "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
                              "okla", "ore", "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo"};
  return kWords.contains(lower);
}

// Ships ("HMS Invincible", "the MV Estonia"): a vessel, not a person.
bool is_vessel_prefix(std::string_view word) {
  return one_of(word, {"HMS", "USS", "MV", "MS", "SS", "RMS", "HMAS", "HMCS", "FV"});
}

EntityKind classify(const std::vector<std::string>& words, bool titled, bool after_place_preposition) {
  std::string last = lower_word(words.back());
  std::string whole_lower;
  for (const std::string& w : words) append_word(whole_lower, lower_word(w));
  if (is_country(whole_lower)) return EntityKind::kPlace;
  if (is_vessel_prefix(words.front()) && words.size() >= 2) return EntityKind::kPlace;
  for (const std::string& w : words) {
    std::string l = lower_word(w);
    if (is_org_word(l)) return EntityKind::kOrganisation;
  }
  // Acronyms: MI5, ICSR, NHS, IS.
  if (words.size() == 1 && words[0].size() >= 2 && words[0].size() <= 5 &&
      std::all_of(words[0].begin(), words[0].end(), [](char c) { return is_ascii_upper(c) || is_ascii_digit(c); })) {
    return EntityKind::kOrganisation;
  }
  // "U.S.", "U.N.", "the U.S. Open": a country's or body's initials, no one's.
  auto initial = [](std::string_view w) { return w.size() <= 2 && is_ascii_upper(w[0]) && (w.size() == 1 || w[1] == '.'); };
  if (words.size() >= 2 && words[0][0] == 'U' && initial(words[0]) && initial(words[1])) return EntityKind::kPlace;
  // "Finneran, a Mattapan Democrat": a party's member described, not named.
  if (one_of(last, {"democrat", "democrats", "republican", "republicans"})) return EntityKind::kOrganisation;
  if (titled) return EntityKind::kPerson;
  if (is_place_word(last) || (words.size() >= 1 && lower_word(words[0]) == "ben")) return EntityKind::kPlace;
  if (after_place_preposition) return EntityKind::kPlace;
  return EntityKind::kPerson;
}

}  // namespace

std::vector<NameMention> find_names(const Document& doc) {
  std::vector<NameMention> out;
  find_names_in(doc, 0, doc.sentences.size(), out);
  return out;
}

void find_names_in(const Document& doc, std::size_t first, std::size_t last, std::vector<NameMention>& out) {
  for (std::size_t si = first; si < last && si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    std::string_view text = doc.sentence_text(s);
    TokenList tok = tokenize_sentence(text);
    for (std::size_t i = 0; i < tok.size();) {
      if (!tok[i].capitalised) {
        ++i;
        continue;
      }
      std::size_t j = i;
      // "House of Commons", "Bank of England": a run goes on over "of" into capitals, when
      // what comes before "of" is an institution; a person's name stops there ("Per-Olof
      // Ortarsen of Goteborg's emergency services").
      bool institution = false;
      while (j < tok.size() && (tok[j].capitalised || (tok[j].lower == "of" && j > i && j + 1 < tok.size() &&
                                                        tok[j + 1].capitalised && tok[j + 1].lower != "the" &&
                                                        institution))) {
        institution = institution || is_org_word(tok[j].lower) || is_place_word(tok[j].lower) ||
                      is_title(tok[j].lower);
        ++j;
        // "Mrs. Ciller's True Path": a titled person's possessive ends the name; what
        // follows is theirs ("King's College London" has no title before it).
        const std::string_view w = tok[j - 1].text;
        if (j - 1 > i && (w.ends_with("'s") || w.ends_with("\xE2\x80\x99s")) && j < tok.size() && tok[j].capitalised &&
            std::any_of(tok.begin() + static_cast<std::ptrdiff_t>(i), tok.begin() + static_cast<std::ptrdiff_t>(j - 1),
                        [](const Token& t) { return is_title(t.lower); })) {
          break;
        }
        // "DeKalb's McGiboney", "Britain's Blair": a possessive before one last capitalised
        // word is whose that person is ("King's College London" goes on).
        if ((w.ends_with("'s") || w.ends_with("\xE2\x80\x99s")) && j < tok.size() && tok[j].capitalised &&
            (j + 1 == tok.size() || !tok[j + 1].capitalised) && !is_org_word(tok[j].lower) && !is_place_word(tok[j].lower)) {
          break;
        }
      }
      std::size_t name_begin = i;
      // Sentence-initial and other common capitals name nothing ("The", "In", "Police",
      // "Witness"); a possessive does not change that ("Monday’s").
      // ("Xu's wife, He Xintong, said": mid-sentence, a capital "He" before another
      // capital is a surname, not the pronoun.)
      auto surname_he = [&](std::size_t k) {
        return tok[k].lower == "he" && k > 0 && k + 1 < j && (tok[k - 1].type == Token::kWord || tok[k - 1].text == ",");
      };
      while (name_begin < j && !surname_he(name_begin) &&
             (is_common_capital(bare_word(tok[name_begin].lower)) || is_role_noun(tok[name_begin].lower))) {
        ++name_begin;
      }
      // Titles lead the name; the last title in the run marks where the name starts
      // ("MPs Pc Keith Palmer", "Acting Deputy Commissioner Mark Rowley").
      auto titled = [&](std::size_t k) {
        return is_title(tok[k].lower) || (is_office_word(tok[k].lower) && k + 1 < j && is_title(tok[k + 1].lower));
      };
      std::size_t last_title = j;
      for (std::size_t k = name_begin; k + 1 < j; ++k) {
        if (titled(k)) last_title = k;
      }
      std::string title;
      if (last_title < j) {
        std::size_t first_title = last_title;
        while (first_title > name_begin && titled(first_title - 1)) --first_title;
        for (std::size_t k = first_title; k <= last_title; ++k) append_word(title, tok[k].text);
        if (title.back() == '.') title.pop_back();  // "Dr." -> "Dr"
        name_begin = last_title + 1;
      } else if (name_begin < j && is_title(tok[name_begin].lower) && name_begin + 1 == j) {
        // Only a title: "the PM" names a role; kept (with no name) so it can join the
        // person who holds it.
        if (i > 0 && tok[i - 1].lower == "the") {
          NameMention m;
          m.title = tok[name_begin].text;
          m.sentence = s.index;
          m.offset = s.span.begin + tok[name_begin].begin;
          out.push_back(std::move(m));
        }
        i = j;
        continue;
      }
      // "Met Police Mark Rowley": a person named after an organisation.
      const bool has_of = std::any_of(tok.begin() + static_cast<std::ptrdiff_t>(name_begin),
                                      tok.begin() + static_cast<std::ptrdiff_t>(j), [](const Token& t) { return t.lower == "of"; });
      for (std::size_t k = name_begin; k + 2 < j && !has_of && title.empty(); ++k) {
        if (is_org_word(tok[k].lower)) name_begin = k + 1;
      }
      if (name_begin < j) {
        std::vector<std::string> words;
        for (std::size_t k = name_begin; k < j; ++k) {
          std::string w(tok[k].text);
          // "Wednesday’s", "May's": the possessive is not part of the name; inside one it is
          // ("King's College London").
          for (std::string_view pos : {"\xE2\x80\x99s", "'s"}) {
            if (k + 1 == j && w.size() > pos.size() && w.compare(w.size() - pos.size(), pos.size(), pos) == 0) {
              w.resize(w.size() - pos.size());
            }
          }
          words.push_back(w);
        }
        // "South Koreans", "Americans": a nation's people are no one's name.
        if (words.size() <= 2 && is_demonym_plural(lower_word(words.back()))) {
          i = j;
          continue;
        }
        // "Shepard's mother, Judy, ...": a relative named by first name has the family's.
        if (words.size() == 1 && name_begin >= 3 && tok[name_begin - 1].text == "," &&
            one_of(tok[name_begin - 2].lower, {"mother", "father", "wife", "husband", "son", "daughter", "brother",
                                               "sister", "widow"}) &&
            tok[name_begin - 3].capitalised) {
          const std::string_view family = bare_word(tok[name_begin - 3].text);
          if (family.size() < tok[name_begin - 3].text.size()) words.emplace_back(family);
        }
        const bool after_prep = i > 0 && is_place_preposition(tok[i - 1].lower);
        const bool honorific = !title.empty();
        NameMention m;
        m.kind = classify(words, honorific, after_prep);
        // "Berkley Springs, W. Va.,", "Westlake Village, Calif.": a US state after a town.
        if (i > 0 && tok[i - 1].text == "," && j < tok.size() && tok[j].text == "." && !honorific &&
            is_us_state_abbreviation(lower_word(words.back()))) {
          m.kind = EntityKind::kPlace;
        }
        if (m.kind != EntityKind::kOrganisation) {  // only an institution's name holds a possessive
          for (std::string& w : words) {
            for (std::string_view pos : {"\xE2\x80\x99s", "'s"}) {
              if (w.size() > pos.size() && w.ends_with(pos)) w.resize(w.size() - pos.size());
            }
          }
        }
        // A single capitalised word at a sentence start, without title, names nothing sure.
        const bool lone_start = words.size() == 1 && name_begin == 0 && !honorific;
        if (!lone_start) {
          m.name = join(words, " ");
          m.title = title;
          m.sentence = s.index;
          m.offset = s.span.begin + tok[name_begin].begin;
          out.push_back(std::move(m));
        }
      }
      i = j;
    }
  }
}

PersonMention read_person_mention(std::string_view written) {
  PersonMention m;
  for (const Token& t : tokenize_sentence(written)) {
    if (t.type != Token::kWord || t.lower == "the") continue;
    if (m.words.empty() && is_title(t.lower)) {
      append_word(m.title, t.lower);
    } else {
      m.words.emplace_back(t.text);
    }
  }
  if (m.title == "pm") m.title = "prime minister";
  return m;
}

// Whether two different words are one edit apart: a letter inserted, dropped or replaced,
// or two neighbours swapped ("Nahcman" / "Nachman").
bool one_edit_apart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // one inserted
}

std::string resolve_person(std::string_view written, std::span<const NameMention> before) {
  return resolve_person(read_person_mention(written), before);
}

std::string resolve_person(const PersonMention& mention, std::span<const NameMention> before) {
  const std::vector<std::string>& words = mention.words;
  const std::string& title = mention.title;
  auto last_word = [](const std::string& name) {
    std::size_t sp = name.rfind(' ');
    return sp == std::string::npos ? name : name.substr(sp + 1);
  };
  auto first_word = [](const std::string& name) { return name.substr(0, name.find(' ')); };
  // "Mrs. Shepard" is not Matthew Shepard.
  const NameSex sex = sex_of_word(title);
  const bool role_only = words.empty() && !title.empty() && !one_of(title, {"us", "uk"});
  std::string surname_in_role;
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    // (A surname alone is someone only with the role asked for: "President Clinton ... the
    // president said".)
    // ("Ms. Pope" holds no office: an honorific is no role.)
    const bool one_name = it->name.find(' ') == std::string::npos;
    if (it->kind != EntityKind::kPerson || it->name.empty()) continue;
    if (one_name && (!role_only || it->title.empty() || one_of(lower_word(it->title), {"mr", "mrs", "ms", "miss", "dr",
                                                                                       "mr.", "mrs.", "ms.", "dr."}))) {
      continue;
    }
    if (sexes_clash(sex, first_name_sex(first_word(it->name)))) continue;
    if (words.size() == 1) {
      const bool first_name_title = title == "sir" || title == "dame";
      if (first_name_title ? first_word(it->name) == words[0] : last_word(it->name) == words[0]) return it->name;
    } else if (role_only) {
      // "the Prime Minister", "the PM", "the US president": a role given before ("the US"
      // alone is the country, not the president).
      std::string role = lower_word(it->title);
      std::erase(role, '.');  // "Gov." is the governor
      if (!role.empty() && (role.find(title) != std::string::npos || title.find(role) != std::string::npos)) {
        if (!one_name) return it->name;
        // (unless a full name holds the role too; "President Clinton", "Prince Charles" as
        // the article gives them)
        if (surname_in_role.empty()) surname_in_role = it->title + " " + it->name;
      }
    }
  }
  if (!surname_in_role.empty()) return surname_in_role;
  // "Ms. He" for He Xintong: Chinese and Korean names give the surname first; so does a
  // bare "Chen said" after "Chen Shaoji", when only one person named before starts so.
  if (words.size() == 1 && (title.empty() || one_of(title, {"mr", "mrs", "ms", "miss"}))) {
    const std::string* only = nullptr;
    for (auto it = before.rbegin(); it != before.rend(); ++it) {
      if (it->kind != EntityKind::kPerson || it->name.find(' ') == std::string::npos || first_word(it->name) != words[0]) {
        continue;
      }
      if (!title.empty()) return it->name;
      if (only && *only != it->name) {
        only = nullptr;
        break;
      }
      only = &it->name;
    }
    if (only) return *only;
  }
  // "Lockart said" after "Joe Lockhart": a wire typo of a surname named before, one edit
  // away (a letter added, dropped, changed or two swapped), when only one person fits.
  if (words.size() == 1 && words[0].size() >= 5) {
    std::string only;
    for (auto it = before.rbegin(); it != before.rend(); ++it) {
      if (it->kind != EntityKind::kPerson || it->name.find(' ') == std::string::npos) continue;
      const std::string surname = last_word(it->name);
      if (surname.size() < 5 || surname[0] != words[0][0] || !one_edit_apart(surname, words[0])) continue;
      if (!only.empty() && only != it->name) return "";
      only = it->name;
    }
    return only;
  }
  return "";
}

// Short forms news uses for a few organisations and countries, and the name they stand for.
std::string_view canonical_name(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kForms[] = {
      {"IS", "Islamic State"},          {"ISIS", "Islamic State"},      {"ISIL", "Islamic State"},
      {"Isis", "Islamic State"},        {"Daesh", "Islamic State"},     {"Met Police", "Metropolitan Police"},
      {"Met", "Metropolitan Police"},   {"UN", "United Nations"},       {"U.N.", "United Nations"},
      {"EU", "European Union"},         {"US", "United States"},        {"U.S.", "United States"},
      {"UK", "United Kingdom"},         {"NYPD", "New York Police Department"}};
  for (const auto& [form, full] : kForms) {
    if (name == form) return full;
  }
  return name;
}

std::vector<Entity> find_entities(const std::vector<Document>& documents, std::size_t max_entities) {
  std::vector<Entity> out;
  std::map<std::string, std::size_t> index;  // name -> entity
  auto add = [&](const std::string& name, EntityKind kind, const std::string& role, const std::string& alias, int doc,
                 Span source) {
    auto [it, inserted] = index.try_emplace(name, out.size());
    if (inserted) {
      Entity e;
      e.name = name;
      e.kind = kind;
      out.push_back(e);
    }
    Entity& e = out[it->second];
    ++e.mentions;
    if (e.role.empty() && !role.empty() && !is_honorific(lower_word(role))) e.role = role;
    if (!alias.empty() && alias != name && std::find(e.aliases.begin(), e.aliases.end(), alias) == e.aliases.end()) {
      e.aliases.push_back(alias);
    }
    if (std::find(e.sources.begin(), e.sources.end(), doc) == e.sources.end()) {
      e.sources.push_back(doc);
      e.where.push_back({doc, source});
    }
  };
  std::vector<NameMention> all_people;  // full names seen so far, across documents
  for (const Document& d : documents) {
    std::vector<NameMention> seen;
    for (const NameMention& m : find_names(d)) {
      std::string name = m.name;
      std::string alias;
      EntityKind kind = m.kind;
      if (std::string_view full = canonical_name(name); full != name) {  // "IS" is Islamic State
        alias = name;
        name = std::string(full);
        kind = is_country(lower_word(name)) || name.starts_with("United K") || name.starts_with("United S")
                   ? EntityKind::kPlace
                   : EntityKind::kOrganisation;
      }
      if (kind == EntityKind::kPerson && name.find(' ') == std::string::npos) {
        // "Mrs May", "Sir Michael", "Rowley": the full name seen before, in this article first.
        std::string written = m.title.empty() ? name : name.empty() ? "the " + m.title : m.title + " " + name;
        std::string full = resolve_person(written, seen);
        if (full.empty()) full = resolve_person(written, all_people);
        if (full.empty()) {
          if (m.title.empty() || name.empty()) continue;  // a lone capitalised word or an unheld role
        } else {
          alias = written;
          name = full;
        }
      }
      const std::size_t written_size = m.name.empty() ? m.title.size() : m.name.size();
      const Span clean{static_cast<std::uint32_t>(m.offset), static_cast<std::uint32_t>(m.offset + written_size)};
      add(name, kind, alias.empty() ? m.title : std::string(), alias, d.article.id, d.clean.map.to_source(clean));
      seen.push_back(m);
      if (m.kind == EntityKind::kPerson && m.name.find(' ') != std::string::npos) {
        // Each person once, at their latest mention (resolving looks from the latest back):
        // a 500-article event names the same people thousands of times.
        auto again = std::find_if(all_people.begin(), all_people.end(),
                                  [&](const NameMention& p) { return p.name == m.name && p.title == m.title; });
        if (again != all_people.end()) all_people.erase(again);
        all_people.push_back(m);
      }
    }
  }
  for (Entity& e : out) std::sort(e.sources.begin(), e.sources.end());
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
    if (a.sources.size() != b.sources.size()) return a.sources.size() > b.sources.size();
    return a.mentions > b.mentions;
  });
  if (out.size() > max_entities) out.resize(max_entities);
  return out;
}

}  // namespace chorus::internal
