// The facts sections of the text and Markdown renderers.
#include <cmath>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <algorithm>

#include "render/render_internal.h"

namespace chorus::internal {
namespace {

std::string marks(const std::vector<int>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + "]";
}

template <typename Source>
std::string source_marks(const std::vector<Source>& sources) {
  std::vector<int> ids;
  for (const Source& s : sources) ids.push_back(s.article_id);
  return marks(ids);
}

std::string escape_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

}  // namespace

std::string figure_label(const Figure& f) {
  std::string label(figure_kind_name(f.kind));
  if (!f.subject.empty() && f.kind != FigureKind::kMoney && f.kind != FigureKind::kDuration) {
    label += " (" + f.subject + ")";
  }
  if (f.kind == FigureKind::kDuration) {  // "duration (strike)": what lasted
    for (const FigureMention& m : f.mentions) {
      if (!m.detail.empty()) return label + " (" + m.detail + ")";
    }
  }
  return label;
}

// ", including a police officer and the assailant" when a source says who.
std::string figure_detail(const Figure& f) {
  if (f.kind == FigureKind::kDuration) return "";  // its detail is in the label
  for (const FigureMention& m : f.mentions) {
    if (!m.detail.empty() && m.value == f.value) return ", " + m.detail;
  }
  return "";
}


std::string format_number(double v) {
  char buf[64];
  if (v >= 1e9 && std::fmod(v, 1e8) == 0) std::snprintf(buf, sizeof buf, "%g billion", v / 1e9);
  else if (v >= 1e6 && std::fmod(v, 1e5) == 0) std::snprintf(buf, sizeof buf, "%g million", v / 1e6);
  else if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string figure_value(const Figure& f, double v, const std::string& qualifier) {
  std::string n = format_number(v);
  // "$12 million", "700 million gourdes": a symbol goes before, a currency's name after.
  const bool currency_name = f.subject.size() > 1 && std::isalpha(static_cast<unsigned char>(f.subject[0]));
  if (f.kind == FigureKind::kMoney) n = currency_name ? n + " " + f.subject : f.subject + n;
  if (f.kind == FigureKind::kPercent) n += "%";
  if (f.kind == FigureKind::kDuration) n += " " + f.subject;
  if (qualifier == "total") return n + " in total";
  return qualifier.empty() ? n : qualifier + " " + n;
}

// "4 (revised from 5)", "29 (conflict: 29, around 40)", "8 (agreed)".
std::string figure_summary(const Figure& f) {
  std::string out = figure_value(f, f.value, f.qualifier);
  if (f.status == FigureStatus::kRevised && !std::isnan(f.previous)) {
    std::string q;  // "revised from more than 30": the old value as a source gave it
    for (const FigureMention& m : f.mentions) {
      if (m.value == f.previous && !m.qualifier.empty()) q = m.qualifier;
    }
    out += " (revised from " + figure_value(f, f.previous, q) + ")";
  } else if (f.status == FigureStatus::kConflict) {
    out += " (conflict: ";
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      std::string q;
      for (const FigureMention& m : f.mentions) {
        if (m.value == f.values[i] && !m.qualifier.empty()) q = m.qualifier;
      }
      out += (i ? ", " : "") + figure_value(f, f.values[i], q);
    }
    out += ")";
  } else if (f.status == FigureStatus::kAgreed) {
    out += " (agreed)";
  }
  return out;
}

namespace {

// What a general count is called in a sentence; "" for kinds no sentence is written about.
std::string_view count_phrase(FigureKind kind) {
  switch (kind) {
    case FigureKind::kDead: return "the death toll";
    case FigureKind::kInjured: return "the number injured";
    case FigureKind::kInHospital: return "the number in hospital";
    case FigureKind::kCritical: return "the number in a critical condition";
    case FigureKind::kMissing: return "the number missing";
    case FigureKind::kRescued: return "the number rescued";
    case FigureKind::kArrested: return "the number arrested";
    case FigureKind::kCharged: return "the number charged";
    case FigureKind::kHomeless: return "the number made homeless";
    case FigureKind::kRaided: return "the number of places raided";
    case FigureKind::kEvacuated: return "the number evacuated";
    case FigureKind::kOnBoard: return "the number on board";
    default: return "";
  }
}

// "4 (Express, Evening Standard)": a value with the outlets that gave it.
std::string value_with_outlets(const Figure& f, double v, const std::map<int, std::string>& outlet_of) {
  std::string qualifier;
  std::vector<std::string> outlets;
  for (const FigureMention& m : f.mentions) {
    if (m.value != v) continue;
    if (!m.qualifier.empty()) qualifier = m.qualifier;
    auto it = outlet_of.find(m.article_id);
    std::string outlet = it == outlet_of.end() ? std::string() : it->second;
    if (outlet.empty()) outlet.append("[").append(std::to_string(m.article_id)).append("]");
    if (std::find(outlets.begin(), outlets.end(), outlet) == outlets.end()) outlets.push_back(outlet);
  }
  std::string out = figure_value(f, v, qualifier);
  if (outlets.empty()) return out;
  out += " (";
  for (std::size_t i = 0; i < outlets.size() && i < 3; ++i) out.append(i ? ", " : "").append(outlets[i]);
  if (outlets.size() > 3) out.append(" and ").append(std::to_string(outlets.size() - 3)).append(" more");
  return out + ")";
}

}  // namespace

std::vector<std::string> figure_differences(const Brief& brief) {
  std::map<int, std::string> outlet_of;
  for (const SourceInfo& s : brief.sources) outlet_of[s.article_id] = s.outlet;
  std::vector<std::string> out;
  for (const Figure& f : brief.facts.figures) {
    std::string phrase(count_phrase(f.kind));
    if (phrase.empty() || !f.subject.empty()) continue;
    // Sources differ only where there are two: one outlet's own update is in the figures.
    std::set<std::string> outlets;
    for (const FigureMention& m : f.mentions) {
      auto it = outlet_of.find(m.article_id);
      outlets.insert(it == outlet_of.end() || it->second.empty() ? std::to_string(m.article_id) : it->second);
    }
    if (outlets.size() < 2) continue;
    if (!f.place.empty()) phrase += " in " + f.place;
    if (f.status == FigureStatus::kRevised && !std::isnan(f.previous)) {
      phrase[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[0])));
      out.push_back(phrase + " was revised from " + value_with_outlets(f, f.previous, outlet_of) + " to " +
                    value_with_outlets(f, f.value, outlet_of) + ".");
    } else if (f.status == FigureStatus::kConflict) {
      // "Reports": the values may come from one article that gives two.
      std::string line = "Reports differ on " + phrase + ": ";
      for (std::size_t i = 0; i < f.values.size(); ++i) line.append(i ? "; " : "").append(value_with_outlets(f, f.values[i], outlet_of));
      out.push_back(line + ".");
    }
  }
  return out;
}

std::string facts_text(const Facts& facts) {
  std::string out;
  if (!facts.figures.empty()) {
    out += "\nKEY FIGURES\n";
    for (const Figure& f : facts.figures) {
      out += "  " + figure_label(f) + ": " + figure_summary(f) + figure_detail(f) + " " + marks(f.sources) + "\n";
    }
  }
  if (!facts.quotes.empty()) {
    out += "\nWHO SAID WHAT\n";
    for (const Quote& q : facts.quotes) {
      out += "  " + (q.speaker.empty() ? std::string("(speaker unknown)") : q.speaker) + ": \"" + q.text + "\" " +
             source_marks(q.sources) + "\n";
    }
  }
  if (!facts.entities.empty()) {
    out += "\nENTITIES\n";
    for (const Entity& e : facts.entities) {
      out += "  " + e.name + " (" + std::string(entity_kind_name(e.kind));
      if (!e.role.empty()) out += ", " + e.role;
      if (!e.aliases.empty()) {
        out += "; also ";
        for (std::size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + e.aliases[i];
      }
      out += ") " + marks(e.sources) + "\n";
    }
  }
  if (!facts.timeline.empty()) {
    out += "\nTIMELINE\n";
    for (const TimelineEntry& t : facts.timeline) {
      out += "  " + t.date + (t.time.empty() ? "" : " " + t.time) + " (" + t.expression + ") " + t.text + " " +
             source_marks(t.sources) + "\n";
    }
  }
  return out;
}

std::string facts_markdown(const Facts& facts) {
  std::string out;
  if (!facts.figures.empty()) {
    out += "\n## Key figures\n\n| figure | value | status | sources |\n|---|---|---|---|\n";
    for (const Figure& f : facts.figures) {
      out += "| " + escape_cell(figure_label(f)) + " | " + escape_cell(figure_summary(f) + figure_detail(f)) + " | " +
             std::string(figure_status_name(f.status)) + " | " + marks(f.sources) + " |\n";
    }
  }
  if (!facts.quotes.empty()) {
    out += "\n## Who said what\n\n| speaker | quote | sources |\n|---|---|---|\n";
    for (const Quote& q : facts.quotes) {
      out += "| " + escape_cell(q.speaker.empty() ? "(unknown)" : q.speaker) + " | \"" + escape_cell(q.text) + "\" | " +
             source_marks(q.sources) + " |\n";
    }
  }
  if (!facts.entities.empty()) {
    out += "\n## Entities\n\n";
    for (const Entity& e : facts.entities) {
      out += "- **" + e.name + "** (" + std::string(entity_kind_name(e.kind)) + (e.role.empty() ? "" : ", " + e.role) +
             ") " + marks(e.sources) + "\n";
    }
  }
  if (!facts.timeline.empty()) {
    out += "\n## Timeline\n\n";
    for (const TimelineEntry& t : facts.timeline) {
      out += "- **" + t.date + (t.time.empty() ? "" : " " + t.time) + "** (" + t.expression + ") " + t.text + " " +
             source_marks(t.sources) + "\n";
    }
  }
  return out;
}

}  // namespace chorus::internal
