// `chorus eval summarize`: runs chorus (or a baseline) on every cluster of a dataset and
// scores the summaries with ROUGE-1.5.5 (DUC 2004 settings: -n 2 -2 4 -u -m -l WORDS).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>

#include "chorus/datasets.h"
#include "chorus/rouge.h"
#include "commands.h"

namespace chorus::cli {
namespace {

struct SummarizeFlags {
  std::string dataset = "duc";
  std::string docs, models, src, tgt, input, out, match, export_docs;
  std::size_t words = 100;
  std::string baseline;
  std::string method = "coverage";
  int resamples = 1000;
};

Result<std::vector<EvalCluster>> load(const SummarizeFlags& f) {
  if (f.dataset == "duc") return read_duc(f.docs, f.models, f.words);
  if (f.dataset == "multinews") return read_multinews(f.src, f.tgt);
  return read_wcep(f.input);
}

BriefOptions brief_options(const SummarizeFlags& f) {
  BriefOptions b;
  b.facts = false;  // ROUGE scores the digest only
  b.words = f.words;
  b.budget_includes_headline = true;  // exactly what ROUGE scores: headline + digest in WORDS
  if (f.method == "centroid") b.method = RankMethod::kCentroid;
  if (!f.baseline.empty()) {
    b.headline = false;
    b.method = f.baseline == "lead" ? RankMethod::kLead : RankMethod::kRandom;
  }
  return b;
}

void print_table(const RougeReport& report, const std::string& system, std::size_t clusters, std::size_t words,
                 double ms_per_cluster) {
  std::printf("system: %s   clusters: %zu   words: %zu   ROUGE-1.5.5 -n 2 -2 4 -u -m -l %zu -c 95 -f A -p 0.5\n",
              system.c_str(), clusters, words, words);
  std::printf("%-10s %-8s %-17s %-8s %-17s\n", "metric", "R", "R 95% CI", "F", "F 95% CI");
  for (const RougeMetricResult& m : report.metrics) {
    std::printf("%-10s %.5f  %.5f-%.5f  %.5f  %.5f-%.5f\n", m.name.c_str(), m.recall.mean, m.recall.low,
                m.recall.high, m.f.mean, m.f.low, m.f.high);
  }
  std::printf("time per cluster: %.2f ms (clean + segment + brief, files already read)\n", ms_per_cluster);
}

// Writes a cluster's documents as plain text, one file each (what the peer systems read).
void export_cluster(const EvalCluster& c, const std::string& root) {
  std::filesystem::path dir = std::filesystem::path(root) / c.id;
  std::filesystem::create_directories(dir);
  for (const Article& a : c.articles) {
    char name[32];
    std::snprintf(name, sizeof name, "%03d.txt", a.id);
    std::ofstream(dir / name) << a.text << "\n";
  }
}

int run_summarize(const SummarizeFlags& f) {
  Result<std::vector<EvalCluster>> clusters = load(f);
  if (!clusters.ok()) {
    std::cerr << "chorus: " << clusters.status().to_string() << "\n";
    return kExitFailure;
  }
  std::optional<std::regex> match;
  if (!f.match.empty()) match.emplace(f.match);
  if (!f.out.empty()) std::filesystem::create_directories(f.out);
  const BriefOptions bopts = brief_options(f);
  std::vector<RougeEval> evals;
  double seconds = 0;
  for (const EvalCluster& c : *clusters) {
    if (match && !std::regex_search(c.id, *match)) continue;
    if (!f.export_docs.empty()) export_cluster(c, f.export_docs);
    auto start = std::chrono::steady_clock::now();
    std::vector<Document> docs;
    for (const Article& a : c.articles) docs.push_back(process_article(Article(a)));
    Result<Brief> brief = make_brief(docs, bopts);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RougeEval e{.id = c.id, .peer = {}, .models = c.references};
    if (brief.ok()) {
      if (brief->has_headline) e.peer.push_back(brief->headline.text);
      for (const BriefSentence& s : brief->digest) e.peer.push_back(s.text);
    } else {
      std::cerr << "chorus: " << c.id << ": " << brief.status().to_string() << " (scored as empty)\n";
    }
    if (!f.out.empty()) {
      std::ofstream out(std::filesystem::path(f.out) / (c.id + ".txt"));
      for (const std::string& line : e.peer) out << line << "\n";
    }
    evals.push_back(std::move(e));
  }
  if (evals.empty()) {
    std::cerr << "chorus: no cluster to score\n";
    return kExitFailure;
  }
  RougeOptions ropts{.max_n = 2, .lcs = false, .skip_distance = 4, .skip_unigrams = true, .stem = true,
                     .word_limit = f.words, .resamples = f.resamples};
  Result<RougeReport> report = rouge(evals, ropts);
  if (!report.ok()) {
    std::cerr << "chorus: " << report.status().to_string() << "\n";
    return kExitFailure;
  }
  std::string system = f.baseline.empty() ? "chorus (" + f.method + ")" : "baseline " + f.baseline;
  print_table(*report, system, evals.size(), f.words, seconds * 1000 / static_cast<double>(evals.size()));
  return kExitOk;
}

}  // namespace

Runner add_eval_summarize_command(CLI::App& eval) {
  auto f = std::make_shared<SummarizeFlags>();
  CLI::App* cmd = eval.add_subcommand("summarize", "Summarise every cluster of a dataset and score it with ROUGE");
  cmd->add_option("--dataset", f->dataset, "duc (default), multinews or wcep")
      ->check(CLI::IsMember({"duc", "multinews", "wcep"}));
  cmd->add_option("--docs", f->docs, "DUC: folder of cluster folders");
  cmd->add_option("--models", f->models, "DUC: folder of reference summaries");
  cmd->add_option("--src", f->src, "Multi-News: .src file");
  cmd->add_option("--tgt", f->tgt, "Multi-News: .tgt file");
  cmd->add_option("--input", f->input, "WCEP: JSONL file");
  cmd->add_option("-w,--words", f->words, "Summary length in words (default 100)");
  cmd->add_option("--baseline", f->baseline, "Score a baseline instead: lead or random")
      ->check(CLI::IsMember({"lead", "random"}));
  cmd->add_option("--method", f->method, "chorus ranker: coverage (default) or centroid")
      ->check(CLI::IsMember({"coverage", "centroid"}));
  cmd->add_option("--match", f->match, "Only clusters whose id matches this regular expression");
  cmd->add_option("--out", f->out, "Write every scored summary to DIR/<cluster>.txt");
  cmd->add_option("-r", f->resamples, "Bootstrap resamples (default 1000)");
  cmd->add_option("--export-docs", f->export_docs, "Also write each cluster's documents as DIR/<cluster>/NNN.txt");
  return [f]() { return run_summarize(*f); };
}

}  // namespace chorus::cli
