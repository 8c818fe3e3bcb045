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
  bool verbose = false;
};

// Reads the labels; a bad line is reported and skipped.
std::vector<FactsGold> read_gold(const std::string& path, int& code) {
  std::vector<FactsGold> out;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "chorus: cannot read " << path << "\n";
    code = kExitFailure;
    return out;
  }
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || (!j.contains("line") && !j.contains("path"))) {
      std::cerr << "chorus: " << path << ":" << n << ": skipped: not a label object\n";
      code = kExitPartial;
      continue;
    }
    FactsGold g;
    g.line = j.value("line", std::size_t{0});
    g.path = j.value("path", std::string());
    for (const auto& f : j.value("figures", nlohmann::json::array())) {
      if (f.is_array() && f.size() == 2 && f[0].is_string() && f[1].is_number()) g.figures.emplace_back(f[0], f[1]);
    }
    for (const auto& q : j.value("quotes", nlohmann::json::array())) {
      if (q.is_array() && q.size() == 2 && q[0].is_string() && q[1].is_string()) g.quotes.emplace_back(q[0], q[1]);
    }
    out.push_back(std::move(g));
  }
  return out;
}

void print_row(const char* name, const PrecisionRecall& pr) {
  std::printf("%-9s %6zu %6zu %9.3f %7.3f\n", name, pr.system, pr.gold, pr.precision(), pr.recall());
}

int run_facts_eval(const FactsEvalFlags& f) {
  int code = kExitOk;
  std::vector<FactsGold> gold = read_gold(f.gold, code);
  if (code == kExitFailure) return code;
  LoadedCorpus corpus = load_documents(f.input);
  code = std::max(code, report_problems(corpus.problems, false));
  if (corpus.documents.empty()) {
    std::cerr << "chorus: no article to evaluate\n";
    return kExitFailure;
  }
  FactsScore s = score_facts(corpus.documents, gold);
  std::printf("%-9s %6s %6s %9s %7s\n", "", "found", "gold", "precision", "recall");
  print_row("figures", s.figures);
  print_row("quotes", s.quotes);
  print_row("speakers", s.speakers);
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
  cmd->add_flag("-v,--verbose", f->verbose, "List every miss and false find");
  return [f]() { return run_facts_eval(*f); };
}

}  // namespace chorus::cli
