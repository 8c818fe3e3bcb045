// find_figures: the counted facts of each sentence, read with the rules of
// figure_rules.h, then settled sentence by sentence: revisions inside a sentence ("revised
// down to four"), old figures ("had earlier put"), counts in quotations, background
// clauses and "including" lists left out, parts joined by "and", places of parts.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "base/string_util.h"
#include "chorus/facts.h"
#include "facts/figure_rules.h"

namespace chorus {
namespace {

using namespace internal::figures;
using internal::Token;
using internal::one_of;
using internal::WordSet;

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
      /*a*/ {"age", "airlift", "aboard", "arrest", "alive", "afghani"}, /*b*/ {"board", "bodies", "baht"},
      /*c*/ {"critical", "custody", "carr", "cent", "charg", "claim", "captur", "cedi"},
      /*d*/ {"dead", "die", "died", "death", "detain", "day", "decade", "dying", "displac", "drown", "drov", "driv", "dlrs",
             "dollar", "defendant", "dinar", "dirham", "drachma", "dong"},
      /*e*/ {"evacu", "euro", "execut", "escudo"}, /*f*/ {"fatal", "fled", "forc", "franc", "forint"}, /*g*/ {"gourde", "guilder"},
      /*h*/ {"hospital", "hurt", "held", "hour", "homeless", "homes", "homicid", "half-"}, /*i*/ {"injur", "intensive", "indict", "imprison"},
      /*j*/ {"jail"}, /*k*/ {"kill", "kron", "korun", "kwacha"},
      /*l*/ {"lives", "lei", "lira", "lire", "los"}, /*m*/ {"missing", "minute", "month", "murder", "massacr"}, /*n*/ {"naira"}, /*o*/ {"ordered"},
      /*p*/ {"perish", "passenger", "percent", "peso", "peseta", "pulled", "plucked"},
      /*q*/ {}, /*r*/ {"rescu", "raid", "removed", "rupee", "rupiah", "refuge", "rand", "rounded", "rubl", "roubl", "ringgit", "riyal", "rial"}, /*s*/ {"saved", "search", "safety", "shilling", "shekel", "shot", "shoot"},
      /*t*/ {"toll", "took", "threat", "total", "treated", "taka"}, /*u*/ {"unaccounted", "usd"},
      /*v*/ {}, /*w*/ {"wound", "week"}, /*x*/ {}, /*y*/ {"year", "yuan", "yen"}, /*z*/ {"zlot"}};
  char word[24];
  std::size_t len = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == '%' || c == '$' || (c == '(' && text.substr(i, 4) == "(PS)")) return true;
    if (c == ',' && i + 2 < text.size() && text[i + 1] == ' ' && internal::is_ascii_digit(text[i + 2])) return true;
    // An age after "who is", "now", "then", "both", "turned", "at" or "as": "Lawrence, who was 18, ...".
    if (c == ' ' && i + 1 < text.size() && internal::is_ascii_digit(text[i + 1]) && len >= 2 && len <= 6) {
      const std::string_view w(word, len);
      if (w == "is" || w == "was" || w == "now" || w == "then" || w == "both" || w == "turned" || w == "at" || w == "as")
        return true;
    }
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

// Whether the words after token `from` run up to now ("since 1984 ... has claimed"), with
// no "when" that dates them back.
bool runs_until_now(const std::vector<Token>& tok, std::size_t from) {
  bool perfect = false;
  for (std::size_t k = from + 1; k < tok.size(); ++k) {
    if (tok[k].lower == "when") return false;
    perfect = perfect || one_of(tok[k].lower, {"has", "have"});
  }
  return perfect;
}

// Whether the year at token k is when this story's stretch of time began: "since 1984",
// "the combat actions in Chechnya that began on October 1, 1999".
bool opens_a_stretch(const std::vector<Token>& tok, std::size_t k) {
  for (std::size_t j = k; j-- > 0 && k - j <= 5;) {
    if (one_of(tok[j].lower, {"since", "began", "begun", "started", "start", "beginning"})) return true;
    if (tok[j].type == Token::kWord && !is_month(tok[j].lower) && !one_of(tok[j].lower, {"on", "in", "of"})) return false;
  }
  return false;
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
      // "fighting since 1984 in a war that has claimed 37,000 lives": a count that runs
      // from then up to now is this story's ("since 1994, when 31 died" is not).
      if (y >= 1900 && y < year && !(opens_a_stretch(tok, k) && runs_until_now(tok, k))) return k;
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

// Whether a count or a noun of counted people comes before the "including" at token k, so
// that what the list counts is part of it ("killing 140, including 9 Germans", "The
// fatalities included 71 people who died in landslides").
bool counts_a_whole_before(const std::vector<Token>& tok, std::size_t k) {
  for (std::size_t j = 0; j < k; ++j) {
    const NumberAt n = number_at(tok, j);
    if (n.value >= 0 && !is_time_or_date(tok, n)) return true;
    if (one_of(tok[j].lower, {"fatalities", "dead", "victims", "casualties", "toll", "injured", "wounded", "deaths",
                              "those", "passengers", "survivors", "missing", "arrested", "detainees"})) {
      return true;
    }
  }
  return false;
}

// Whether a sentence names a year before the article's ("struck in October 1970").
bool names_past_year(std::string_view text, std::string_view article_date) {
  int year = 0;
  if (article_date.size() < 4) return false;
  std::from_chars(article_date.data(), article_date.data() + 4, year);
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
    if (!digit(i) || (i > 0 && (digit(i - 1) || text[i - 1] == ',' || text[i - 1] == '.')) || digit(i + 4)) continue;
    int y = 0;
    std::from_chars(text.data() + i, text.data() + i + 4, y);
    if (y >= 1900 && y < year && digit(i + 3)) return true;
  }
  return false;
}

// "... struck in October 1970. That typhoon left 2,361 dead": a sentence that opens by
// pointing back at an earlier event goes on about it.
bool points_back(const std::vector<Token>& tok) {
  if (tok.size() > 2 && one_of(tok[0].text, {"That", "Those"}) && tok[1].type == Token::kWord && !tok[1].capitalised) {
    return true;
  }
  // "... since the explosion of TWA Flight 800 ... on July 17, 1996. The crash, which killed
  // 230 people, led to ...": an aside about the event just named.
  return tok.size() > 4 && tok[0].text == "The" && tok[1].type == Token::kWord && !tok[1].capitalised &&
         tok[2].text == "," && tok[3].lower == "which";
}

// "Typhoon Babs in Catanduanes. The island province ... At least 69 people from the
// province died": the province is the place the article last named, a few sentences back.
std::string named_place_before(const Document& doc, std::size_t sentence) {
  for (std::size_t back = 1; back <= 4 && back <= sentence; ++back) {
    internal::TokenList tok = internal::tokenize_sentence(doc.sentence_text(doc.sentences[sentence - back]));
    for (std::size_t k = tok.size(); k-- > 0;) {
      if (!one_of(tok[k].lower, {"in", "on", "at", "over"})) continue;
      std::string place = place_after(tok, k);
      if (!place.empty() && !is_generic_place(place)) return place;
    }
  }
  return "";
}

// The storms a sentence names: "Super Typhoon Zeb", "Hurricane Mitch" -> zeb, mitch.
std::vector<std::string> storms_named(std::string_view text) {
  std::vector<std::string> out;
  // (Most sentences name no storm: a look for the words first.)
  if (text.find("yphoon") == std::string_view::npos && text.find("urricane") == std::string_view::npos &&
      text.find("yclone") == std::string_view::npos && text.find("Storm") == std::string_view::npos) {
    return out;
  }
  internal::TokenList tok = internal::tokenize_sentence(text);
  for (std::size_t k = 0; k + 1 < tok.size(); ++k) {
    if (!tok[k].capitalised || !one_of(tok[k].lower, {"typhoon", "hurricane", "cyclone", "storm"})) continue;
    if (tok[k + 1].capitalised && tok[k + 1].type == Token::kWord && !one_of(tok[k + 1].lower, {"center", "centre"})) {
      out.emplace_back(tok[k + 1].lower);
    }
  }
  return out;
}

// The storm an article is about: the one it names most (the first on a tie); "" if none.
std::string main_storm(const Document& doc) {
  std::map<std::string, std::pair<int, std::size_t>> seen;  // name -> (count, first sentence)
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    for (std::string& name : storms_named(doc.sentence_text(doc.sentences[si]))) {
      auto [it, fresh] = seen.try_emplace(std::move(name), 0, si);
      ++it->second.first;
    }
  }
  std::string best;
  std::pair<int, std::size_t> rank{0, 0};
  for (const auto& [name, r] : seen) {
    if (r.first > rank.first || (r.first == rank.first && r.second < rank.second)) {
      best = name;
      rank = r;
    }
  }
  return best;
}

// "Last week, Super Typhoon Zeb killed at least 74 people" in a story about Typhoon Babs:
// a sentence that names another storm, and not the article's, counts that storm's toll.
bool about_another_storm(std::string_view text, const std::string& main) {
  if (main.empty()) return false;
  bool other = false;
  for (const std::string& name : storms_named(text)) {
    if (name == main) return false;
    other = true;
  }
  return other;
}

// The names an article opens with, in its title and first sentence ("EgyptAir",
// "Lockerbie", "Flight 990" -> egyptair, lockerbie, flight): what the story is about.
std::set<std::string> lead_names(const Document& doc) {
  std::set<std::string> out;
  auto add = [&](std::string_view text) {
    internal::TokenList tok = internal::tokenize_sentence(text);
    for (std::size_t k = 1; k < tok.size(); ++k) {
      const Token& t = tok[k];
      if (!t.capitalised || t.type != Token::kWord || t.lower.size() < 4 || is_month(t.lower) ||
          internal::weekday_number(t.lower) >= 0) {
        continue;
      }
      // (A dateline's city is set in capitals: "JERUSALEM (AP)" names where, not what.)
      if (std::all_of(t.text.begin(), t.text.end(), [](char c) { return !(c >= 'a' && c <= 'z'); })) continue;
      out.insert(std::string(internal::bare_word(t.lower)));
    }
  };
  add(doc.article.title);
  if (!doc.sentences.empty()) add(doc.sentence_text(doc.sentences[0]));
  return out;
}

// "EgyptAir Flight 990 ... crashed ... on October 31, 1999, killing 217 people on board" in a
// story of 2000 about that crash: a past year in a sentence that names what the article
// opens with is when this story's event happened, not another event's time.
bool names_the_lead(const std::vector<Token>& tok, std::size_t year_at, const std::set<std::string>& names) {
  // ("since February 1992, when two teenagers ... were shot", "The worst previous fire was in
  // 1978 in Boraas, when 20 people died": a year the sentence sets apart as another time.)
  for (std::size_t k = year_at + 1; k < tok.size() && k <= year_at + 5; ++k) {
    if (tok[k].lower == "when") return false;
  }
  for (const Token& t : tok) {
    if (one_of(t.lower, {"previous", "earlier", "worst", "deadliest", "last", "since"})) return false;
  }
  for (std::size_t k = 1; k < tok.size(); ++k) {
    if (tok[k].capitalised && tok[k].type == Token::kWord && names.count(std::string(internal::bare_word(tok[k].lower)))) return true;
  }
  return false;
}

}  // namespace

std::vector<FigureMention> find_figures(const Document& doc) {
  std::vector<FigureMention> out;
  bool after_past_year = false;
  const std::string storm = main_storm(doc);
  const std::set<std::string> lead = lead_names(doc);
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    std::string_view text = doc.sentence_text(s);
    const bool follows_past_year = std::exchange(after_past_year, names_past_year(text, doc.article.date));
    // Most sentences hold no count: without a number and a word that says what was
    // counted, there is nothing to tokenize.
    if (!internal::may_hold_number(text) || !may_name_a_count(text)) continue;
    internal::TokenList tok = internal::tokenize_sentence(text);
    const std::vector<bool> quoted = inside_quotes(tok, text, s);
    std::size_t background = (follows_past_year && points_back(tok)) || about_another_storm(text, storm)
                                 ? 0
                                 : background_from(tok, doc.article.date);
    // (The first sentence is what the lead names come from: it cannot vouch for itself.)
    if (si > 0 && background < tok.size() && tok[background].type == Token::kNumber &&
        names_the_lead(tok, background, lead)) {
      background = tok.size();
    }
    // "killing 140, including 9 Germans", "The fatalities included 71 people who died in
    // landslides": counts after "including" are the detail of a figure, not figures.
    // The list runs until a new verb takes over: "killed 224 people, including 12
    // Americans, and injured an estimated 5,000".
    // A list is a part of a whole the sentence has counted or named first: "several
    // attacks, including the shooting deaths of two settlers" counts the deaths themselves.
    std::vector<bool> in_list(tok.size(), false);
    for (std::size_t k = 0; k < tok.size(); ++k) {
      if (tok[k].lower.size() < 7 || tok[k].lower[0] != 'i' || !tok[k].lower.starts_with("includ")) continue;
      if (!counts_a_whole_before(tok, k)) continue;
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
      // People come whole: "A 1.4 tonne plaque with the names of the people killed".
      const bool fraction_of_people = m.value != std::floor(m.value);
      // What is to be prevented or is expected has not happened: "prevent nearly 2,900
      // serious injuries per year", "increases an expected 22 percent by 2005".
      bool foreseen = false;
      for (std::size_t b = n.first; b > 0 && n.first - b < 4 && !foreseen; --b) {
        foreseen = one_of(tok[b - 1].lower, {"prevent", "prevents", "preventing", "avert", "averting", "expected",
                                             "projected", "forecast"});
      }
      // "may eventually rise to 300,000", "could reach 1,000": a count that may come.
      for (std::size_t b = n.first, rises = 0; b > 0 && n.first - b < 6 && !foreseen; --b) {
        const std::string_view w = tok[b - 1].lower;
        rises += one_of(w, {"rise", "reach", "climb", "increase", "top", "exceed", "grow", "double", "surpass"});
        foreseen = rises > 0 && one_of(w, {"may", "might", "could", "would", "will"});
        if (is_clause_break(tok[b - 1])) break;
      }
      if (c.has_kind && foreseen && (m.kind <= FigureKind::kOnBoard || m.kind == FigureKind::kPercent)) {
        i = n.last;
        continue;
      }
      if (c.has_kind && m.kind <= FigureKind::kOnBoard && (in_list[i] || i >= background || fraction_of_people)) {
        i = n.last;  // a part listed in a figure's detail
        continue;
      }
      if (c.has_kind && m.kind <= FigureKind::kOnBoard) m.place = place_of(tok, n);
      if (c.has_kind && m.kind == FigureKind::kDuration) m.detail = duration_of(tok, n);
      c.at = n;
      // ("two more bodies"; not money: "paid $5 to $15 more for each copy" is a price.)
      c.increment = n.last + 1 < tok.size() && one_of(tok[n.last + 1].lower, {"more", "additional", "further"}) &&
                    !(c.has_kind && m.kind == FigureKind::kMoney);
      // (Animals are set aside as increments are: their cue still counts the people beside.)
      if (c.has_kind && m.kind <= FigureKind::kOnBoard && counts_animals(tok, n)) c.increment = true;
      m.qualifier = qualifier_before(tok, n.first);
      std::size_t first = n.first;
      // ("the deaths of more than 40" is written "more than 40", "losses at more than 2,300"
      // "more than 2,300"; "a total of 40" keeps "of", "at least 40" "at".)
      while (first > 0 && !m.qualifier.empty() && tok[first - 1].type == Token::kWord &&
             is_qualifier_word(tok[first - 1].lower) && n.first - first < 3 &&
             !(tok[first - 1].lower == "of" && !(first >= 2 && tok[first - 2].lower == "total")) &&
             !(tok[first - 1].lower == "at" && tok[first].lower != "least") &&
             !(tok[first - 1].lower == "up" && tok[first].lower != "to")) {
        --first;
      }
      // ("$5 million" keeps its sign; "(5 million U.S. dollars" does not take the bracket.)
      if (first > 0 && tok[first - 1].type == Token::kMark && m.kind == FigureKind::kMoney &&
          !one_of(tok[first - 1].text, {"(", "[", ",", ";", ":", "-", "\"", "'"})) {
        --first;
      }
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
    // "had 89 passengers and 11 crew members aboard", "Two soldiers and three civilians
    // were killed": the cue after the second count counts the first too, when only its
    // noun and "and" stand between them.
    for (std::size_t k = 0; k + 1 < cands.size(); ++k) {
      Candidate& c = cands[k];
      const Candidate& next = cands[k + 1];
      if (c.has_kind || !next.has_kind || next.mention.kind > FigureKind::kOnBoard) continue;
      if (next.at.first < c.at.last + 3 || next.at.first > c.at.last + 4 || tok[next.at.first - 1].lower != "and") continue;
      bool noun = true;
      for (std::size_t j = c.at.last + 1; j + 1 < next.at.first && noun; ++j) {
        noun = tok[j].type == Token::kWord && !is_auxiliary(tok[j].lower) && !tok[j].lower.ends_with("ed");
      }
      if (!noun || c.at.first >= background) continue;
      c.has_kind = true;
      c.mention.kind = next.mention.kind;
    }
    // "2 million to 3 million deaths", "seven to 10 injured", "between 800,000 and 1
    // million people have lost their homes", "four or five dead", "2,000-20,000 baht", "(5
    // to 10 yuan)": a range's first end counts what its second does ("from 48 to 44
    // deaths" is a revision, read as one).
    for (std::size_t k = 0; k + 1 < cands.size(); ++k) {
      Candidate& c = cands[k];
      const Candidate& next = cands[k + 1];
      if (c.has_kind || c.after_from || !next.has_kind ||
          (next.mention.kind > FigureKind::kOnBoard && next.mention.kind != FigureKind::kMoney)) {
        continue;
      }
      if (next.at.first != c.at.last + 2 || c.at.first >= background) continue;
      const std::string_view joint = tok[c.at.last + 1].lower;
      const bool between = joint == "and" && c.at.first > 0 && tok[c.at.first - 1].lower == "between";
      if (joint != "to" && joint != "or" && joint != "-" && !between) continue;
      c.has_kind = true;
      c.mention.kind = next.mention.kind;
      c.mention.subject = next.mention.subject;
      c.mention.place = next.mention.place;
      // "1.5 to 2.7 million deaths", "300 to 500 million cases": the first end has the
      // second's multiplier.
      const std::string_view mult_word = tok[next.at.last].lower;
      const double mult = mult_word == "million" ? 1e6 : mult_word == "billion" ? 1e9 : 1;
      if (mult > 1 && c.at.first == c.at.last && c.mention.value * mult <= next.mention.value) c.mention.value *= mult;
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
    for (FigureMention& m : found) {
      if (is_generic_place(m.place)) {
        if (std::string named = named_place_before(doc, si); !named.empty()) m.place = std::move(named);
      }
      out.push_back(std::move(m));
    }
  }
  keep_places_of_parts(out);
  return out;
}

}  // namespace chorus
