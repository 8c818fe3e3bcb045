// `chorus eval rouge ...`: ROUGE-1.5.5 scores; `chorus eval summarize ...`: chorus and
// baselines on a dataset, scored with it.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "chorus/rouge.h"

namespace chorus::cli {
namespace {

struct RougeFlags {
  std::string system;
  std::vector<std::string> references;
  std::string pairs;
  std::string peer_id = "1";
  RougeOptions opts;
  std::string mode = "A";
  bool no_lcs = false;
  bool all_systems = false;  // -a: chorus always scores every system it is given
  std::string average_mode = "0";  // -t 0: per-evaluation average, the only mode chorus has
};

Result<std::vector<std::string>> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

Result<RougeEval> read_eval(const std::string& id, const std::string& peer, const std::vector<std::string>& models) {
  RougeEval e;
  e.id = id;
  CHORUS_ASSIGN_OR_RETURN(e.peer, read_lines(peer));
  for (const std::string& m : models) {
    CHORUS_ASSIGN_OR_RETURN(std::vector<std::string> lines, read_lines(m));
    e.models.push_back(std::move(lines));
  }
  return e;
}

// --pairs FILE: "id peer_path model_path..." per line, white-space separated.
Result<std::vector<RougeEval>> read_pairs(const std::string& path) {
  CHORUS_ASSIGN_OR_RETURN(std::vector<std::string> lines, read_lines(path));
  std::vector<RougeEval> evals;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::istringstream fields(lines[i]);
    std::string id, peer, model;
    std::vector<std::string> models;
    if (!(fields >> id)) continue;
    if (!(fields >> peer)) return Status(StatusCode::kInvalidArgument, path + ":" + std::to_string(i + 1) + ": no peer");
    while (fields >> model) models.push_back(model);
    CHORUS_ASSIGN_OR_RETURN(RougeEval e, read_eval(id, peer, models));
    evals.push_back(std::move(e));
  }
  return evals;
}

int run_rouge(RougeFlags& flags) {
  flags.opts.best_model = flags.mode == "B";
  flags.opts.lcs = !flags.no_lcs;
  Result<std::vector<RougeEval>> evals = std::vector<RougeEval>{};
  if (!flags.pairs.empty()) {
    evals = read_pairs(flags.pairs);
  } else if (!flags.system.empty() && !flags.references.empty()) {
    Result<RougeEval> e = read_eval("1", flags.system, flags.references);
    if (e.ok()) evals = std::vector<RougeEval>{std::move(e).value()};
    else evals = e.status();
  } else {
    std::cerr << "chorus: give --system and --references, or --pairs\n";
    return kExitUsage;
  }
  if (!evals.ok()) {
    std::cerr << "chorus: " << evals.status().to_string() << "\n";
    return kExitFailure;
  }
  Result<RougeReport> report = rouge(*evals, flags.opts);
  if (!report.ok()) {
    std::cerr << "chorus: " << report.status().to_string() << "\n";
    return kExitUsage;
  }
  std::cout << format_rouge_report(*report, flags.peer_id, flags.opts.confidence);
  return kExitOk;
}

}  // namespace

Runner add_eval_command(CLI::App& app) {
  CLI::App* eval = app.add_subcommand("eval", "Measure quality: ROUGE, and summarisation on datasets");
  eval->require_subcommand(1);
  auto flags = std::make_shared<RougeFlags>();
  CLI::App* r = eval->add_subcommand("rouge", "ROUGE-1.5.5 scores of summaries (one sentence per line)");
  r->add_option("--system", flags->system, "System summary file");
  r->add_option("--references", flags->references, "Reference summary files")->expected(1, -1);
  r->add_option("--pairs", flags->pairs, "File of lines 'ID SYSTEM_FILE REFERENCE_FILE...' (many evaluations)");
  r->add_option("--peer-id", flags->peer_id, "System id printed in the report (default 1)");
  r->add_option("-n", flags->opts.max_n, "ROUGE-N up to this N (default 4)");
  r->add_flag("-x", flags->no_lcs, "Do not compute ROUGE-L");
  r->add_option("-w", flags->opts.wlcs_weight, "Compute ROUGE-W with this weight (e.g. 1.2)");
  r->add_option("-2", flags->opts.skip_distance, "Compute ROUGE-S with this maximum gap (-1: any)");
  r->add_flag("-u", flags->opts.skip_unigrams, "Count unigrams in ROUGE-S (ROUGE-SU)");
  r->add_flag("-m", flags->opts.stem, "Porter stemming with WordNet exceptions");
  r->add_flag("-s", flags->opts.remove_stopwords, "Remove stop words");
  r->add_option("-l", flags->opts.word_limit, "Score only the first N words");
  r->add_option("-b", flags->opts.byte_limit, "Score only the first N bytes");
  r->add_option("-f", flags->mode, "A: sum over references (default); B: best reference")
      ->check(CLI::IsMember({"A", "B"}));
  r->add_flag("--jackknife", flags->opts.jackknife, "Average over leave-one-reference-out sets (as DUC did)");
  r->add_option("-p", flags->opts.alpha, "F-measure weight of recall (default 0.5)");
  r->add_option("-c", flags->opts.confidence, "Confidence interval in percent (default 95)");
  r->add_option("-r", flags->opts.resamples, "Bootstrap resamples (default 1000)");
  // Accepted for command-line compatibility with ROUGE-1.5.5: -a (all systems) and
  // -t 0 (average per evaluation) are what chorus always does.
  r->add_flag("-a", flags->all_systems, "Accepted for compatibility");
  r->add_option("-t", flags->average_mode, "Accepted for compatibility (0 only)")->check(CLI::IsMember({"0"}));
  CLI::App* stem = eval->add_subcommand("stem", "Print ROUGE-1.5.5's -m stem of each word read from stdin");
  Runner summarize = add_eval_summarize_command(*eval);
  Runner clustering = add_cluster_eval_command(*eval);
  Runner facts = add_facts_eval_command(*eval);
  Runner extract = add_extract_eval_command(*eval);
  CLI::App* extract_cmd = eval->get_subcommand("extract");
  CLI::App* clustering_cmd = eval->get_subcommand("clustering");
  CLI::App* facts_cmd = eval->get_subcommand("facts");
  return [flags, r, stem, summarize, clustering, clustering_cmd, facts, facts_cmd, extract, extract_cmd]() {
    if (r->parsed()) return run_rouge(*flags);
    if (clustering_cmd->parsed()) return clustering();
    if (facts_cmd->parsed()) return facts();
    if (extract_cmd->parsed()) return extract();
    if (stem->parsed()) {
      std::string word;
      while (std::cin >> word) std::cout << word << ' ' << rouge_morph_stem(word) << '\n';
      return int{kExitOk};
    }
    return summarize();
  };
}

}  // namespace chorus::cli
