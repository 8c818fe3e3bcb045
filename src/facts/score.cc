// score_facts: figures, quotes and speakers against hand labels, per article.
#include <algorithm>
#include <cmath>
#include <map>

#include "base/string_util.h"
#include "chorus/facts.h"
#include "facts/facts_internal.h"

namespace chorus {
namespace {

std::string figure_name(const std::string& kind, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %g", kind.c_str(), value);
  return buf;
}

PrecisionRecall& kind_row(FactsScore& score, const std::string& kind) {
  auto& rows = score.figures_by_kind;
  auto it = std::lower_bound(rows.begin(), rows.end(), kind, [](const auto& row, const std::string& k) { return row.first < k; });
  if (it == rows.end() || it->first != kind) it = rows.insert(it, {kind, PrecisionRecall{}});
  return it->second;
}

void score_figures(const Document& doc, const FactsGold& gold, FactsScore& score) {
  // One (kind, value) per article: repeating a figure is not a second finding.
  std::vector<std::pair<std::string, double>> found;
  for (const FigureMention& m : find_figures(doc)) {
    std::pair<std::string, double> f{std::string(figure_kind_name(m.kind)), m.value};
    if (std::find(found.begin(), found.end(), f) == found.end()) found.push_back(f);
  }
  std::vector<std::pair<std::string, double>> labels = gold.figures;
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  score.figures.system += found.size();
  score.figures.gold += labels.size();
  const std::string where = (gold.path.empty() ? "" : gold.path + " ") + "line " + std::to_string(gold.line) + ": ";
  for (const auto& f : found) {
    const bool ok = std::find(labels.begin(), labels.end(), f) != labels.end();
    score.figures.correct_system += ok;
    PrecisionRecall& by_kind = kind_row(score, f.first);
    ++by_kind.system;
    by_kind.correct_system += ok;
    if (!ok) score.notes.push_back(where + "figure found, not labelled: " + figure_name(f.first, f.second));
  }
  for (const auto& l : labels) {
    const bool ok = std::find(found.begin(), found.end(), l) != found.end();
    score.figures.correct_gold += ok;
    PrecisionRecall& by_kind = kind_row(score, l.first);
    ++by_kind.gold;
    by_kind.correct_gold += ok;
    if (!ok) score.notes.push_back(where + "figure missed: " + figure_name(l.first, l.second));
  }
}

// One name holds the other ("Reno", "Janet Reno"), or the two give the same first and last
// names ("Halima Fazul" as she is quoted, "Halima Badroudine Fazul" as first named).
bool same_speaker(const std::string& system, const std::string& gold) {
  const std::string a = internal::normalise_for_match(system), b = internal::normalise_for_match(gold);
  if (a.empty()) return false;
  if (a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
  auto first_last = [](const std::string& name) {
    const std::size_t first = name.find(' '), last = name.rfind(' ');
    return first == std::string::npos ? std::pair<std::string, std::string>()
                                      : std::pair{name.substr(0, first), name.substr(last + 1)};
  };
  const auto fa = first_last(a);
  return !fa.first.empty() && fa == first_last(b);
}

void score_quotes(const Document& doc, const FactsGold& gold, FactsScore& score) {
  std::vector<Quote> found = find_quotes(doc);
  const std::string where = (gold.path.empty() ? "" : gold.path + " ") + "line " + std::to_string(gold.line) + ": ";
  std::vector<bool> gold_hit(gold.quotes.size(), false);
  score.quotes.system += found.size();
  score.quotes.gold += gold.quotes.size();
  for (const auto& [speaker, words] : gold.quotes) score.speakers.gold += !speaker.empty();
  for (const Quote& q : found) {
    const std::string text = internal::normalise_for_match(q.text);
    std::size_t match = gold.quotes.size();
    for (std::size_t g = 0; g < gold.quotes.size() && match == gold.quotes.size(); ++g) {
      const std::string start = internal::normalise_for_match(gold.quotes[g].second);
      if (!gold_hit[g] && !start.empty() && text.find(start) != std::string::npos) match = g;
    }
    if (match == gold.quotes.size()) {
      score.notes.push_back(where + "quote found, not labelled: \"" + q.text.substr(0, 60) + "\"");
      continue;
    }
    gold_hit[match] = true;
    ++score.quotes.correct_system;
    ++score.quotes.correct_gold;
    const bool unattributed = gold.quotes[match].first.empty();  // the text does not say who
    ++score.speaker_accuracy.gold;
    if (unattributed) {
      score.speaker_accuracy.correct_gold += q.speaker.empty();
      if (!q.speaker.empty()) {
        ++score.speakers.system;
        score.notes.push_back(where + "speaker \"" + q.speaker + "\" for \"" + gold.quotes[match].second +
                              "\", labelled unattributed");
      }
      continue;
    }
    if (q.speaker.empty()) {
      score.notes.push_back(where + "no speaker for \"" + gold.quotes[match].second + "\" (" + gold.quotes[match].first + ")");
      continue;
    }
    ++score.speakers.system;
    if (same_speaker(q.speaker, gold.quotes[match].first)) {
      ++score.speakers.correct_system;
      ++score.speakers.correct_gold;
      ++score.speaker_accuracy.correct_gold;
    } else {
      score.notes.push_back(where + "speaker \"" + q.speaker + "\" for \"" + gold.quotes[match].second + "\", labelled " +
                            gold.quotes[match].first);
    }
  }
  for (std::size_t g = 0; g < gold.quotes.size(); ++g) {
    if (!gold_hit[g]) score.notes.push_back(where + "quote missed: \"" + gold.quotes[g].second + "\"");
  }
}

}  // namespace

FactsScore score_facts(const std::vector<Document>& documents, const std::vector<FactsGold>& gold) {
  FactsScore score;
  for (const Document& d : documents) {
    const std::string& path = d.article.path;
    for (const FactsGold& g : gold) {
      const bool path_ok = g.path.empty() || (path.size() >= g.path.size() &&
                                              path.compare(path.size() - g.path.size(), g.path.size(), g.path) == 0);
      if (!path_ok || g.line != d.article.line) continue;
      FactsGold named = g;
      if (!g.path.empty()) named.line = g.line;  // notes say "line N"; the path is in the file
      score_figures(d, named, score);
      score_quotes(d, named, score);
      break;
    }
  }
  return score;
}

std::vector<StatusResult> score_statuses(const std::vector<Document>& documents, const std::vector<StatusGold>& gold) {
  const Facts facts = extract_facts(documents);
  std::vector<StatusResult> out;
  for (const StatusGold& g : gold) {
    StatusResult r;
    r.gold = g;
    const std::string subject = internal::normalise_for_match(g.subject), place = internal::normalise_for_match(g.place);
    // The figure of that kind, subject and place; a label without a subject ("70 percent"
    // of what the article says) takes the figure of that kind and place most sources give.
    // A subject matches when one name holds the other ("Wang" and "Wang Youcai"); without
    // a labelled subject, the figure that gives the labelled value, then the most cited.
    const Figure* match = nullptr;
    auto gives_current = [&](const Figure& f) {
      return std::find(f.values.begin(), f.values.end(), g.current) != f.values.end();
    };
    auto better = [&](const Figure& f) {
      if (!match) return true;
      if (gives_current(f) != gives_current(*match)) return gives_current(f);
      return f.sources.size() > match->sources.size();
    };
    for (const Figure& f : facts.figures) {
      if (figure_kind_name(f.kind) != g.kind || internal::normalise_for_match(f.place) != place) continue;
      const std::string fs = internal::normalise_for_match(f.subject);
      if (fs == subject) {
        match = &f;
        break;
      }
      const bool related = !subject.empty() && !fs.empty() &&
                           (fs.find(subject) != std::string::npos || subject.find(fs) != std::string::npos);
      if ((subject.empty() || related) && better(f)) match = &f;
    }
    // Labels name a figure's subject and place in words of their own ("civilians in
    // Chechnya", "ransom for the two tycoons"): the figure of that kind whose values are the
    // labelled ones is the same figure, however chorus names it.
    if (!match) {
      std::size_t best_shared = 0;
      for (const Figure& f : facts.figures) {
        if (figure_kind_name(f.kind) != g.kind) continue;
        const auto shared = static_cast<std::size_t>(std::count_if(g.values.begin(), g.values.end(), [&](double v) {
          return std::find(f.values.begin(), f.values.end(), v) != f.values.end();
        }));
        if (shared > best_shared || (shared == best_shared && shared > 0 && better(f))) {
          best_shared = shared;
          match = &f;
        }
      }
      r.by_value = match != nullptr;
    }
    if (match) {
      r.found = true;
      r.status = match->status;
      r.value = match->value;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace chorus
