// `chorus eval facts`: precision and recall of figures, quotes and speakers against a
// hand-labelled JSONL file (labelled/facts.jsonl describes the format).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace chorus::cli {
namespace {

struct FactsEvalFlags {
  std::vector<std::string> input;
  std::string gold;
  std::string statuses;
  std::string set;
  bool verbose = false;
};

// Calls `on_object` for each JSON object line of a labels file; a bad line is reported.
template <typename OnObject>
bool for_each_label(const std::string& path, int& code, OnObject on_object) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "chorus: cannot read " << path << "\n";
    code = kExitFailure;
    return false;
  }
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !on_object(j)) {
      std::cerr << "chorus: " << path << ":" << n << ": skipped: not a label object\n";
      code = kExitPartial;
    }
  }
  return true;
}

// Reads the labels; a bad line is reported and skipped. Entries may carry a byte offset
// as a third element ([kind, value, offset]); it locates the label for a reader.
std::vector<FactsGold> read_gold(const std::string& path, const std::string& set, int& code) {
  std::vector<FactsGold> out;
  for_each_label(path, code, [&](const nlohmann::json& j) {
    if (!j.contains("line") && !j.contains("path")) return false;
    FactsGold g;
    g.line = j.value("line", std::size_t{0});
    g.path = j.value("path", std::string());
    g.set = j.value("set", std::string());
    if (!set.empty() && g.set != set) return true;
    for (const auto& f : j.value("figures", nlohmann::json::array())) {
      if (f.is_array() && f.size() >= 2 && f[0].is_string() && f[1].is_number()) g.figures.emplace_back(f[0], f[1]);
    }
    for (const auto& q : j.value("quotes", nlohmann::json::array())) {
      if (q.is_array() && q.size() >= 2 && q[0].is_string() && q[1].is_string()) g.quotes.emplace_back(q[0], q[1]);
    }
    out.push_back(std::move(g));
    return true;
  });
  return out;
}

std::vector<StatusGold> read_statuses(const std::string& path, const std::string& set, int& code) {
  std::vector<StatusGold> out;
  for_each_label(path, code, [&](const nlohmann::json& j) {
    StatusGold g;
    g.event = j.value("event", std::string());
    g.set = j.value("set", std::string());
    if (!set.empty() && !g.set.empty() && g.set != set) return true;
    g.kind = j.value("kind", std::string());
    g.subject = j.value("subject", std::string());
    g.place = j.value("place", std::string());
    g.current = j.value("current", 0.0);
    if (j.contains("values") && j["values"].is_array()) {
      for (const auto& v : j["values"]) {
        if (v.is_array() && v.size() == 2 && v[1].is_number()) g.values.push_back(v[1].get<double>());
      }
    }
    const std::string status = j.value("status", std::string());
    bool known = false;
    for (FigureStatus st : {FigureStatus::kSingle, FigureStatus::kAgreed, FigureStatus::kConflict, FigureStatus::kRevised}) {
      if (figure_status_name(st) == status) {
        g.status = st;
        known = true;
      }
    }
    if (g.event.empty() || !parse_figure_kind(g.kind) || !known) return false;
    out.push_back(std::move(g));
    return true;
  });
  return out;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The labelled documents of one event: those whose gold path starts with "EVENT/", of the
// labelled set `set` when it is not "" (two sets may label files of one cluster).
std::vector<Document> event_documents(const std::vector<Document>& docs, const std::vector<FactsGold>& gold,
                                      const std::string& event, const std::string& set) {
  std::vector<Document> out;
  for (const Document& d : docs) {
    for (const FactsGold& g : gold) {
      if (!g.path.starts_with(event + "/") || !d.article.path.ends_with(g.path)) continue;
      if (!set.empty() && g.set != set) continue;
      out.push_back(d);
      break;
    }
  }
  return out;
}

void print_statuses(const std::vector<Document>& docs, const std::vector<FactsGold>& gold,
                    const std::vector<StatusGold>& statuses, bool verbose) {
  std::vector<std::pair<std::string, std::string>> events;  // (event, set)
  for (const StatusGold& s : statuses) {
    if (std::find(events.begin(), events.end(), std::pair{s.event, s.set}) == events.end()) events.emplace_back(s.event, s.set);
  }
  std::size_t labelled = 0, status_right = 0, value_right = 0, right_by_value = 0;
  for (const auto& [event, set] : events) {
    std::vector<Document> in_event = event_documents(docs, gold, event, set);
    if (in_event.empty()) continue;  // not in this run's set
    std::vector<StatusGold> of_event;
    for (const StatusGold& s : statuses) {
      if (s.event == event && s.set == set) of_event.push_back(s);
    }
    for (const StatusResult& r : score_statuses(in_event, of_event)) {
      ++labelled;
      status_right += r.status_right();
      value_right += r.value_right();
      right_by_value += r.status_right() && r.by_value;
      if (!verbose || (r.status_right() && r.value_right())) continue;
      std::string what = r.gold.kind;
      if (!r.gold.subject.empty()) what += " of " + r.gold.subject;
      if (!r.gold.place.empty()) what += " in " + r.gold.place;
      std::string found = r.found ? std::string(figure_status_name(r.status)) : "nothing";
      if (r.found) found += " " + format_number(r.value);
      if (r.by_value) found += " (matched by value)";
      std::printf("  status %s %s: labelled %s %s, found %s\n", event.c_str(), what.c_str(),
                  std::string(figure_status_name(r.gold.status)).c_str(), format_number(r.gold.current).c_str(),
                  found.c_str());
    }
  }
  std::printf("%-13s %6zu right, %zu with the current value, of %zu labelled (%zu right by name alone)\n", "statuses",
              status_right, value_right, labelled, status_right - right_by_value);
}

void print_row(const char* name, const PrecisionRecall& pr) {
  std::printf("%-13s %6zu %6zu %9.3f %7.3f\n", name, pr.system, pr.gold, pr.precision(), pr.recall());
}

int run_facts_eval(const FactsEvalFlags& f) {
  int code = kExitOk;
  std::vector<FactsGold> gold = read_gold(f.gold, f.set, code);
  std::vector<StatusGold> statuses;
  if (!f.statuses.empty()) statuses = read_statuses(f.statuses, f.set, code);
  if (code == kExitFailure) return code;
  LoadedCorpus corpus = load_documents(f.input);
  code = std::max(code, report_problems(corpus.problems, false));
  if (corpus.documents.empty()) {
    std::cerr << "chorus: no article to evaluate\n";
    return kExitFailure;
  }
  FactsScore s = score_facts(corpus.documents, gold);
  std::printf("%-13s %6s %6s %9s %7s\n", "", "found", "gold", "precision", "recall");
  print_row("figures", s.figures);
  print_row("quotes", s.quotes);
  print_row("speakers", s.speakers);
  std::printf("%-13s %6zu right of %zu matched quotes: %.3f\n", "speaker acc.", s.speaker_accuracy.correct_gold,
              s.speaker_accuracy.gold, s.speaker_accuracy.recall());
  for (const auto& [kind, pr] : s.figures_by_kind) print_row(("  " + kind).c_str(), pr);
  if (!statuses.empty()) print_statuses(corpus.documents, gold, statuses, f.verbose);
  if (f.verbose) {
    for (const std::string& n : s.notes) std::printf("  %s\n", n.c_str());
  }
  return code;
}

}  // namespace

Runner add_facts_eval_command(CLI::App& eval) {
  auto f = std::make_shared<FactsEvalFlags>();
  CLI::App* cmd = eval.add_subcommand("facts", "Precision and recall of figures, quotes and speakers against labels");
  cmd->add_option("--input", f->input, "Articles (files, folders, JSONL); labels name them by path and line")->required();
  cmd->add_option("--gold", f->gold, "JSONL labels: {\"line\", \"figures\": [[kind, value]], \"quotes\": [[speaker, first words]]}")
      ->required();
  cmd->add_option("--statuses", f->statuses,
                  "JSONL: {\"event\", \"kind\", \"subject\", \"place\", \"status\", \"current\"} per event figure "
                  "(events are the labels' path folders)");
  cmd->add_option("--set", f->set, "Only labels with this \"set\" (labelled/real/: tune, heldout)");
  cmd->add_flag("-v,--verbose", f->verbose, "List every miss and false find");
  return [f]() { return run_facts_eval(*f); };
}

}  // namespace chorus::cli
