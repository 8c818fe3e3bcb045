// extract_facts: gathers each document's figures, quotes, entities and dated sentences,
// and settles what the sources agree on across the event.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "base/string_util.h"
#include "chorus/facts.h"
#include "chorus/outlets.h"
#include "facts/facts_internal.h"

namespace chorus {
namespace {

bool is_casualty(FigureKind k) { return k <= FigureKind::kOnBoard; }

// Mentions in time order: article date, then input order (ids follow the stream).
bool earlier(const FigureMention& a, const FigureMention& b) {
  if (a.date != b.date) return a.date < b.date;
  if (a.article_id != b.article_id) return a.article_id < b.article_id;
  return a.sentence < b.sentence;
}

// Whether a qualifier makes a value a lower bound ("more than 30", "at least 400").
bool is_lower_bound(const std::string& qualifier) {
  return qualifier == "more than" || qualifier == "at least";
}

// "More than 30" and 34 agree; so do "around 40" and 40. Two different exact values, or
// two different bounds, do not.
bool compatible(double a, const std::string& qa, double b, const std::string& qb) {
  if (a == b) return true;
  if (is_lower_bound(qa) && !is_lower_bound(qb)) return b > a;
  if (is_lower_bound(qb) && !is_lower_bound(qa)) return a > b;
  return false;
}

// What one article says a figure is: the new value of a change it reports, else the value
// it repeats most (the first on a tie); figures it calls old are not what it says now.
struct Statement {
  int article_id = 0;
  std::string date, outlet;
  double value = 0;
  std::string qualifier;
};

std::vector<Statement> statements_of(const std::vector<FigureMention>& mentions) {
  std::vector<Statement> out;
  for (std::size_t i = 0; i < mentions.size();) {
    std::size_t j = i;
    while (j < mentions.size() && mentions[j].article_id == mentions[i].article_id) ++j;
    const FigureMention* chosen = nullptr;
    std::map<double, int> count;
    // Old figures are not what the article says it is now.
    auto aside = [](const FigureMention& m) { return m.earlier; };
    for (std::size_t k = i; k < j; ++k) {
      if (!aside(mentions[k])) ++count[mentions[k].value];
    }
    for (std::size_t k = i; k < j; ++k) {
      const FigureMention& m = mentions[k];
      if (aside(m)) continue;
      if (m.update || !std::isnan(m.previous)) chosen = &m;  // the latest change wins
    }
    // Otherwise the value it repeats most; on a tie the largest: the whole, not a part.
    for (std::size_t k = i; k < j; ++k) {
      const FigureMention& m = mentions[k];
      if (aside(m) || (chosen && (count[m.value] < count[chosen->value] ||
                                   (count[m.value] == count[chosen->value] && m.value <= chosen->value)))) {
        continue;
      }
      if (!chosen || !(chosen->update || !std::isnan(chosen->previous))) chosen = &m;
    }
    if (!chosen) {
      i = j;
      continue;
    }
    // An article that gives two values that cannot both hold, with no change between them
    // ("a total of 29 injured" ... "injured around 40"), disagrees with itself: each value
    // is a statement of its own source.
    // Only counts given as the whole ("a total of", "around") disagree; a smaller exact
    // count beside a larger one is usually a part ("59 bodies were found at the scene").
    const bool settled = chosen->update || !std::isnan(chosen->previous);
    auto whole = [](const FigureMention& m) { return m.qualifier == "total" || m.qualifier == "around" || m.qualifier == "nearly"; };
    std::vector<const FigureMention*> others;
    for (std::size_t k = i; k < j && !settled; ++k) {
      const FigureMention& m = mentions[k];
      if (aside(m) || compatible(m.value, m.qualifier, chosen->value, chosen->qualifier)) continue;
      if (!whole(m) && !whole(*chosen)) continue;
      if (std::none_of(others.begin(), others.end(), [&](const FigureMention* o) { return o->value == m.value; })) {
        others.push_back(&m);
      }
    }
    // Outlets compare by identity: "Metro" and "metro.co.uk" are one source.
    out.push_back({chosen->article_id, chosen->date, others.empty() ? outlet_key(chosen->outlet) : "",
                   chosen->value, chosen->qualifier});
    for (const FigureMention* o : others) out.push_back({o->article_id, o->date, "", o->value, o->qualifier});
    i = j;
  }
  return out;
}

// Two outlets whose latest statements of one day cannot both be true.
bool outlets_disagree(const std::vector<Statement>& st) {
  for (std::size_t i = 0; i < st.size(); ++i) {
    for (std::size_t j = i + 1; j < st.size(); ++j) {
      if (st[i].date != st[j].date || (!st[i].outlet.empty() && st[i].outlet == st[j].outlet)) continue;
      // Each outlet's last word that day: a later article of the same outlet replaces it.
      auto last_of = [&](std::size_t k) {
        for (std::size_t l = st.size(); l-- > k + 1;) {
          if (st[l].date == st[k].date && !st[k].outlet.empty() && st[l].outlet == st[k].outlet) return false;
        }
        return true;
      };
      if (!last_of(i) || !last_of(j)) continue;
      if (!compatible(st[i].value, st[i].qualifier, st[j].value, st[j].qualifier)) return true;
    }
  }
  return false;
}

// Two outlets whose last words differ with the later one lower ("more than 250 died",
// then another outlet's "224 killed"): a toll that shrinks with no change reported is
// two sources disagreeing; a toll that grows is the story moving on.
bool outlets_shrink(const std::vector<Statement>& st) {
  auto last_of_outlet = [&](std::size_t k) {
    for (std::size_t l = k + 1; l < st.size(); ++l) {
      if (st[l].outlet == st[k].outlet) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < st.size(); ++i) {
    if (st[i].outlet.empty() || !last_of_outlet(i)) continue;
    for (std::size_t j = i + 1; j < st.size(); ++j) {
      if (st[j].outlet.empty() || st[j].outlet == st[i].outlet || !last_of_outlet(j)) continue;
      // "About 65 died" one day, another outlet's count of 60 two days later: the estimate
      // was revised, not contradicted.
      if (st[i].qualifier == "around" && st[i].date < st[j].date) continue;
      if (st[j].value < st[i].value && !compatible(st[i].value, st[i].qualifier, st[j].value, st[j].qualifier)) return true;
    }
  }
  return false;
}

Figure settle_figure(std::vector<FigureMention> mentions) {
  std::sort(mentions.begin(), mentions.end(), earlier);
  Figure f;
  f.kind = mentions[0].kind;
  f.subject = mentions[0].subject;
  f.place = mentions[0].place;
  std::map<double, std::set<int>> sources_by_value;
  std::set<int> sources;
  for (const FigureMention& m : mentions) {
    sources_by_value[m.value].insert(m.article_id);
    sources.insert(m.article_id);
    if (!std::isnan(m.previous)) sources_by_value[m.previous];
  }
  f.sources.assign(sources.begin(), sources.end());
  for (const auto& [v, s] : sources_by_value) f.values.push_back(v);
  const std::vector<Statement> st = statements_of(mentions);
  if (st.empty()) {  // only old figures: the latest of them stands
    f.value = mentions.back().value;
    f.qualifier = mentions.back().qualifier;
    f.mentions = std::move(mentions);
    return f;
  }
  // The current value: the latest statement; an exact value beats a bound it agrees with.
  const Statement* now = &st.back();
  for (const Statement& s : st) {
    if (s.value != now->value && compatible(s.value, s.qualifier, now->value, now->qualifier) &&
        is_lower_bound(now->qualifier) && !is_lower_bound(s.qualifier)) {
      now = &s;
    }
  }
  f.value = now->value;
  f.qualifier = now->qualifier;
  // "More than 30" and a later 34 agree: a bound is a round number a little below the
  // count. "More than 100,000" one day and "nearly 400,000" two days later do not: the
  // count grew far past the bound.
  auto agrees_now = [&](const Statement& s) {
    if (!compatible(s.value, s.qualifier, now->value, now->qualifier)) return false;
    return !(is_lower_bound(s.qualifier) && now->value > 1.5 * s.value && s.date < now->date);
  };
  bool all_agree = true;
  for (const Statement& s : st) all_agree = all_agree && agrees_now(s);
  // Twelve articles give 217 dead, one in the middle 223 (another crash's, read as this
  // one's): a lone value that later articles do not take up revised nothing.
  if (!all_agree) {
    std::size_t agreeing = 0;
    bool lone_outliers = true;
    for (std::size_t i = 0; i < st.size(); ++i) {
      if (agrees_now(st[i])) {
        ++agreeing;
        continue;
      }
      std::size_t same = 0, later_agreeing = 0;
      for (std::size_t j = 0; j < st.size(); ++j) {
        if (j != i && st[j].value == st[i].value) ++same;
        if (j > i && agrees_now(st[j]) && st[j].date > st[i].date) ++later_agreeing;
      }
      lone_outliers = lone_outliers && same == 0 && later_agreeing >= 2;
    }
    if (lone_outliers && agreeing >= 3 && agreeing >= 3 * (st.size() - agreeing)) all_agree = true;
  }
  // A change a source reports ("revised down to four", "had earlier put it at five").
  double reported_previous = kNoValue;
  for (const FigureMention& m : mentions) {
    if (!std::isnan(m.previous) && m.value == now->value) reported_previous = m.previous;
    if (m.earlier && !compatible(m.value, m.qualifier, now->value, now->qualifier)) reported_previous = m.value;
  }
  if (all_agree) {
    if (!std::isnan(reported_previous) && reported_previous != now->value) {
      f.status = FigureStatus::kRevised;
      f.previous = reported_previous;
    } else {
      f.status = sources.size() > 1 ? FigureStatus::kAgreed : FigureStatus::kSingle;
    }
  } else if (f.kind == FigureKind::kAge || outlets_disagree(st) ||
             (std::isnan(reported_previous) && outlets_shrink(st))) {  // an age is not revised
    f.status = FigureStatus::kConflict;
    // The value most sources give; on a tie an exact figure beats "around", then the later.
    double best = now->value;
    std::string best_q = now->qualifier;
    auto rank = [&](double v, const std::string& q) {
      return std::make_pair(sources_by_value[v].size(), q.empty() || q == "total" ? 1 : 0);
    };
    for (const Statement& s : st) {
      if (rank(s.value, s.qualifier) >= rank(best, best_q)) {
        best = s.value;
        best_q = s.qualifier;
      }
    }
    f.value = best;
    f.qualifier = best_q;
  } else {
    // The value changed over time: the last change is from the statement before it.
    f.status = FigureStatus::kRevised;
    f.previous = reported_previous;
    for (std::size_t i = st.size(); i-- > 0;) {
      if (!agrees_now(st[i])) {
        if (std::isnan(f.previous)) f.previous = st[i].value;
        break;
      }
    }
  }
  f.mentions = std::move(mentions);
  return f;
}

// Whether two names are one spelling apart ("Siavaash Mohseni" and "Siavash Mohseni"):
// outlets transliterate a name differently, not two people. (The first letter stays:
// "Anna" and "Hanna" are two women.)
bool one_letter_apart(std::string_view a, std::string_view b) {
  return std::min(a.size(), b.size()) >= 8 && a[0] == b[0] && internal::one_edit_apart(a, b);
}

// Content words of a subject: "macau government employees" -> macau, government,
// employees (people in general and small words say nothing of who).
std::set<std::string> subject_words(const std::string& subject) {
  std::set<std::string> out;
  std::size_t b = 0;
  while (b < subject.size()) {
    std::size_t e = subject.find(' ', b);
    if (e == std::string::npos) e = subject.size();
    std::string w = subject.substr(b, e - b);
    if (w.size() > 2 && !internal::one_of(w, {"the", "and", "people", "persons", "other", "more", "were", "have"})) {
      out.insert(std::move(w));
    }
    b = e + 1;
  }
  return out;
}

// "Three Macau government employees ... have been killed" in one article, "Three
// government officials ... have been killed" in another: one count described twice. Two
// articles' counts of one kind and value whose subjects share a content word get the
// subject the earlier article gave (within one article, two subjects are two groups).
void join_subjects_across_articles(std::vector<std::vector<FigureMention>>& found) {
  for (std::size_t a = 0; a < found.size(); ++a) {
    for (const FigureMention& first : found[a]) {
      if (!is_casualty(first.kind) || first.subject.empty()) continue;
      const std::set<std::string> words = subject_words(first.subject);
      for (std::size_t b = a + 1; b < found.size(); ++b) {
        for (FigureMention& later : found[b]) {
          if (later.kind != first.kind || later.value != first.value || later.subject.empty() ||
              later.subject == first.subject || later.place != first.place) {
            continue;
          }
          const std::set<std::string> other = subject_words(later.subject);
          const bool shared = std::any_of(other.begin(), other.end(), [&](const std::string& w) { return words.count(w); });
          if (shared) later.subject = first.subject;
        }
      }
    }
  }
}

// Words of five letters or more in a sentence, numbers and "percent" aside: what it is about.
std::set<std::string> sentence_words(const Document& doc, std::size_t sentence) {
  std::set<std::string> out;
  if (sentence >= doc.sentences.size()) return out;
  const std::string_view text = doc.sentence_text(doc.sentences[sentence]);
  std::size_t b = 0;
  while (b < text.size()) {
    while (b < text.size() && !internal::is_ascii_alpha(text[b])) ++b;
    std::size_t e = b;
    while (e < text.size() && internal::is_ascii_alpha(text[e])) ++e;
    if (e - b >= 5) {
      std::string w = internal::to_lower_ascii(text.substr(b, e - b));
      if (!internal::one_of(w, {"percent", "about", "there", "their", "which", "would", "could", "since", "after",
                                "before", "other", "still", "while", "where"})) {
        out.insert(std::move(w));
      }
    }
    b = e;
  }
  return out;
}

// "About 70 percent of the wreckage has been recovered" in one article, "70 percent of the
// aircraft has been recovered" in another: one share, named by two nouns. Two articles'
// percentages of one value whose sentences share two content words besides the subject's
// are one figure, with the earlier article's subject.
void join_percentages_across_articles(const std::vector<Document>& documents,
                                      std::vector<std::vector<FigureMention>>& found) {
  for (std::size_t a = 0; a < found.size(); ++a) {
    for (const FigureMention& first : found[a]) {
      if (first.kind != FigureKind::kPercent) continue;
      std::set<std::string> words;
      for (std::size_t b = a + 1; b < found.size(); ++b) {
        for (FigureMention& later : found[b]) {
          if (later.kind != first.kind || later.value != first.value || later.subject == first.subject ||
              later.place != first.place) {
            continue;
          }
          if (words.empty()) words = sentence_words(documents[a], first.sentence);
          const std::set<std::string> other = sentence_words(documents[b], later.sentence);
          std::size_t shared = 0;
          for (const std::string& w : other) shared += words.count(w) && w != first.subject && w != later.subject;
          if (shared >= 2) later.subject = first.subject;
        }
      }
    }
  }
}

std::vector<Figure> settle_figures(const std::vector<Document>& documents) {
  // A figure is a quantity of a subject at a place: the two bombing sites, or the
  // provinces a storm hit, are figures of their own beside the whole event's.
  std::map<std::tuple<FigureKind, std::string, std::string, double>, std::vector<FigureMention>> groups;
  std::vector<std::vector<FigureMention>> found;
  found.reserve(documents.size());
  for (const Document& d : documents) found.push_back(find_figures(d));
  // "Qin, 44," and "Qin Yongmin, 45,": a one-word name is the full name of the one person
  // it can stand for among the ages given, so the two ages are one person's.
  std::vector<std::string> full_names;
  for (const auto& mentions : found) {
    for (const FigureMention& m : mentions) {
      if (m.kind == FigureKind::kAge && m.subject.find(' ') != std::string::npos &&
          std::find(full_names.begin(), full_names.end(), m.subject) == full_names.end()) {
        full_names.push_back(m.subject);
      }
    }
  }
  // A spelling of a name one letter from an earlier one is that name.
  for (auto& mentions : found) {
    for (FigureMention& m : mentions) {
      if (m.kind != FigureKind::kAge || m.subject.find(' ') == std::string::npos) continue;
      for (const std::string& full : full_names) {
        if (full == m.subject) break;  // names are listed in the order first given
        if (one_letter_apart(full, m.subject)) {
          m.subject = full;
          break;
        }
      }
    }
  }
  for (auto& mentions : found) {
    for (FigureMention& m : mentions) {
      if (m.kind != FigureKind::kAge || m.subject.empty() || m.subject.find(' ') != std::string::npos) continue;
      const std::string* only = nullptr;
      std::size_t matches = 0;
      for (const std::string& full : full_names) {
        const bool first = full.compare(0, m.subject.size() + 1, m.subject + " ") == 0;
        const bool last = full.size() > m.subject.size() && full.ends_with(" " + m.subject);
        if (first || last) {
          only = &full;
          ++matches;
        }
      }
      if (matches == 1) m.subject = *only;
    }
  }
  join_subjects_across_articles(found);
  join_percentages_across_articles(documents, found);
  for (std::size_t di = 0; di < documents.size(); ++di) {
    const Document& d = documents[di];
    for (FigureMention& m : found[di]) {
      // Two ages are two people, unless the article says whose: then they are one age.
      const bool named_age = m.kind == FigureKind::kAge && !m.subject.empty() &&
                             std::isupper(static_cast<unsigned char>(m.subject[0]));
      const bool by_value = !is_revisable_quantity(m.kind) && !named_age;
      m.outlet = d.article.outlet;
      groups[{m.kind, m.subject, m.place, by_value ? m.value : 0.0}].push_back(std::move(m));
    }
  }
  std::vector<Figure> out;
  for (auto& [key, mentions] : groups) out.push_back(settle_figure(std::move(mentions)));
  std::stable_sort(out.begin(), out.end(), [](const Figure& a, const Figure& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.subject.empty() != b.subject.empty()) return a.subject.empty();  // people in general first
    if (a.place.empty() != b.place.empty()) return a.place.empty();        // the whole event first
    return a.sources.size() > b.sources.size();
  });
  return out;
}

}  // namespace

std::string_view figure_kind_name(FigureKind kind) {
  static const char* const names[] = {"dead",     "injured",  "in hospital", "critical", "missing", "rescued",
                                      "arrested", "charged",  "raided",      "evacuated", "homeless", "on board",
                                      "money",    "percent",  "age",         "duration"};
  return names[static_cast<int>(kind)];
}

std::optional<FigureKind> parse_figure_kind(std::string_view name) {
  for (int k = 0; k <= static_cast<int>(FigureKind::kDuration); ++k) {
    if (figure_kind_name(static_cast<FigureKind>(k)) == name) return static_cast<FigureKind>(k);
  }
  return std::nullopt;
}

bool is_revisable_quantity(FigureKind kind) { return is_casualty(kind) || kind == FigureKind::kPercent; }

std::string_view figure_status_name(FigureStatus status) {
  static const char* const names[] = {"single", "agreed", "conflict", "revised"};
  return names[static_cast<int>(status)];
}

std::string_view entity_kind_name(EntityKind kind) {
  static const char* const names[] = {"person", "organisation", "place"};
  return names[static_cast<int>(kind)];
}

Facts extract_facts(const std::vector<Document>& documents, const FactsOptions& opts) {
  Facts facts;
  facts.figures = settle_figures(documents);
  facts.entities = internal::find_entities(documents, opts.max_entities);
  facts.quotes = internal::merge_quotes(documents);
  if (facts.quotes.size() > opts.max_quotes) {
    // The most cited, then in order of first appearance.
    std::vector<std::size_t> order(facts.quotes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return facts.quotes[a].sources.size() > facts.quotes[b].sources.size();
    });
    order.resize(opts.max_quotes);
    std::sort(order.begin(), order.end());
    std::vector<Quote> kept;
    for (std::size_t i : order) kept.push_back(std::move(facts.quotes[i]));
    facts.quotes = std::move(kept);
  }
  // An age says whose it is, a duration what lasted, or they say nothing.
  std::erase_if(facts.figures, [](const Figure& f) {
    if (f.kind == FigureKind::kAge) return f.subject.empty();
    if (f.kind != FigureKind::kDuration) return false;
    return std::none_of(f.mentions.begin(), f.mentions.end(), [](const FigureMention& m) { return !m.detail.empty(); });
  });
  // Money, percentages, ages and durations one source gives are many in a long event
  // and say little: beyond a few, only those several sources agree on are kept.
  std::size_t single_units = 0;
  std::erase_if(facts.figures, [&](const Figure& f) {
    if (is_casualty(f.kind) || f.sources.size() > 1) return false;
    return ++single_units > opts.max_single_figures;
  });
  if (facts.figures.size() > opts.max_figures) {
    // Counts of people in general first, then the figures most sources give.
    std::vector<std::size_t> order(facts.figures.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto general = [&](std::size_t i) { return is_casualty(facts.figures[i].kind) && facts.figures[i].subject.empty(); };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (general(a) != general(b)) return general(a);
      return facts.figures[a].sources.size() > facts.figures[b].sources.size();
    });
    order.resize(opts.max_figures);
    std::sort(order.begin(), order.end());
    std::vector<Figure> kept;
    for (std::size_t i : order) kept.push_back(std::move(facts.figures[i]));
    facts.figures = std::move(kept);
  }
  for (Figure& f : facts.figures) {
    if (f.mentions.size() > opts.max_mentions) {
      f.mentions.resize(opts.max_mentions);
      f.mentions.shrink_to_fit();
    }
  }
  facts.timeline = internal::build_timeline(documents, opts.max_timeline);
  return facts;
}

}  // namespace chorus
