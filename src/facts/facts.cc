// extract_facts: gathers each document's figures, quotes, entities and dated sentences,
// and settles what the sources agree on across the event.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chorus/facts.h"
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

Figure settle_figure(std::vector<FigureMention> mentions) {
  std::sort(mentions.begin(), mentions.end(), earlier);
  Figure f;
  f.kind = mentions[0].kind;
  f.subject = mentions[0].subject;
  std::map<double, std::set<int>> sources_by_value;
  std::set<int> sources;
  for (const FigureMention& m : mentions) {
    sources_by_value[m.value].insert(m.article_id);
    sources.insert(m.article_id);
    if (!std::isnan(m.previous)) sources_by_value[m.previous];
  }
  f.sources.assign(sources.begin(), sources.end());
  for (const auto& [v, s] : sources_by_value) f.values.push_back(v);
  auto qualifier_of = [&](double v) {
    for (const FigureMention& m : mentions) {
      if (m.value == v) return m.qualifier;
    }
    return std::string();
  };
  // A sentence that reports the change settles it: the latest such statement wins.
  const FigureMention* revision = nullptr;
  for (const FigureMention& m : mentions) {
    if (!std::isnan(m.previous)) revision = &m;
  }
  // "had earlier put the number at five" beside a current figure is a revision too.
  std::vector<FigureMention> current;
  const FigureMention* earlier_figure = nullptr;
  for (const FigureMention& m : mentions) {
    if (m.earlier) earlier_figure = &m;
    else current.push_back(m);
  }
  if (!revision && earlier_figure && !current.empty()) {
    std::set<double> now;
    for (const FigureMention& m : current) now.insert(m.value);
    if (now.size() == 1 && *now.begin() != earlier_figure->value) {
      f.status = FigureStatus::kRevised;
      f.value = *now.begin();
      f.previous = earlier_figure->value;
      f.qualifier = qualifier_of(f.value);
      f.mentions = std::move(mentions);
      return f;
    }
  }
  if (revision) {
    f.status = FigureStatus::kRevised;
    f.value = revision->value;
    f.previous = revision->previous;
    f.qualifier = revision->qualifier;
  } else if (sources_by_value.size() == 1) {
    f.value = mentions[0].value;
    f.qualifier = qualifier_of(f.value);
    f.status = sources.size() > 1 ? FigureStatus::kAgreed : FigureStatus::kSingle;
  } else {
    // Later sources that all moved to a new value, with no disagreement on any one date,
    // are a revision over time; anything else is a conflict.
    std::map<std::string, std::set<double>> values_by_date;
    for (const FigureMention& m : mentions) values_by_date[m.date].insert(m.value);
    bool one_per_date = values_by_date.size() > 1 && !mentions.front().date.empty();
    for (const auto& [d, vs] : values_by_date) one_per_date = one_per_date && vs.size() == 1;
    if (one_per_date) {
      f.status = FigureStatus::kRevised;
      f.value = mentions.back().value;
      f.previous = mentions.front().value;
      f.qualifier = mentions.back().qualifier;
    } else {
      f.status = FigureStatus::kConflict;
      // The value most sources give; on a tie an exact figure beats "around", then the later.
      double best = mentions[0].value;
      auto rank = [&](double v) {
        const std::string q = qualifier_of(v);
        return std::make_pair(sources_by_value[v].size(), q.empty() || q == "total" ? 1 : 0);
      };
      for (const FigureMention& m : mentions) {
        if (rank(m.value) >= rank(best)) best = m.value;
      }
      f.value = best;
      f.qualifier = qualifier_of(best);
    }
  }
  f.mentions = std::move(mentions);
  return f;
}

std::vector<Figure> settle_figures(const std::vector<Document>& documents) {
  std::map<std::tuple<FigureKind, std::string, double>, std::vector<FigureMention>> groups;
  for (const Document& d : documents) {
    for (FigureMention& m : find_figures(d)) {
      const bool by_value = !is_revisable_quantity(m.kind);
      groups[{m.kind, m.subject, by_value ? m.value : 0.0}].push_back(std::move(m));
    }
  }
  std::vector<Figure> out;
  for (auto& [key, mentions] : groups) out.push_back(settle_figure(std::move(mentions)));
  std::stable_sort(out.begin(), out.end(), [](const Figure& a, const Figure& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.subject.empty() != b.subject.empty()) return a.subject.empty();  // people in general first
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
