// `chorus eval summarize`: runs chorus (or a baseline) on every cluster of a dataset and
// scores the summaries with ROUGE-1.5.5 (DUC 2004 settings: -n 2 -2 4 -u -m -l WORDS).
// --update: each topic's subsets in order, each briefed with the earlier ones known (the
// DUC 2007 update task); --focus-from: the topic statements as each brief's focus;
// --peers: the participants' summaries scored beside chorus by the same scorer.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
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
  bool update = false;
  std::string focus_from;
  std::string peers;
  bool jackknife = false;
  bool generic = false;  // --update without the known subsets: the baseline an update brief must beat
};

// One summary to write: a cluster (or an update subset) and what its reader knows.
struct Job {
  const EvalCluster* cluster = nullptr;
  std::vector<const EvalCluster*> known;  // earlier subsets of the same topic
  std::string focus;
  std::string group;  // the subset letter of an update task ("A", "B", "C"); "" otherwise
};

// The update task's layout: DOCS/<topic>/<topic>-<A|B|C>/<doc>; subsets in name order.
Result<std::vector<EvalCluster>> read_update_topics(const SummarizeFlags& f) {
  std::vector<std::filesystem::path> topics;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(f.docs, ec)) {
    if (e.is_directory()) topics.push_back(e.path());
  }
  if (ec) return Status(StatusCode::kNotFound, f.docs + ": " + ec.message());
  std::sort(topics.begin(), topics.end());
  std::vector<EvalCluster> all;
  for (const auto& t : topics) {
    CHORUS_ASSIGN_OR_RETURN(std::vector<EvalCluster> subsets, read_duc(t.string(), f.models, f.words));
    for (EvalCluster& c : subsets) all.push_back(std::move(c));
  }
  return all;
}

Result<std::vector<EvalCluster>> load(const SummarizeFlags& f) {
  if (f.dataset == "duc" && f.update) return read_update_topics(f);
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

// The jobs in dataset order: in an update task, subset "D0703A-B" knows "D0703A-A".
std::vector<Job> plan_jobs(const std::vector<EvalCluster>& clusters, const SummarizeFlags& f,
                           const std::map<std::string, std::string>& topics, const std::optional<std::regex>& match) {
  std::vector<Job> jobs;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const EvalCluster& c = clusters[i];
    Job job;
    job.cluster = &c;
    const std::size_t dash = c.id.rfind('-');
    const std::string topic = f.update && dash != std::string::npos ? c.id.substr(0, dash) : c.id;
    if (f.update && dash != std::string::npos) {
      job.group = c.id.substr(dash + 1);
      for (std::size_t k = 0; k < i; ++k) {
        if (clusters[k].id.starts_with(topic + "-")) job.known.push_back(&clusters[k]);
      }
    }
    std::string upper_topic = topic;
    for (char& ch : upper_topic) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (auto it = topics.find(upper_topic); it != topics.end()) job.focus = it->second;
    if (match && !std::regex_search(c.id, *match)) continue;
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::vector<Document> documents_of(const EvalCluster& c) {
  std::vector<Document> docs;
  for (const Article& a : c.articles) docs.push_back(process_article(Article(a)));
  return docs;
}

// ROUGE of one system's summaries over `evals` (peer lines replaced by `peer_of`).
Result<RougeReport> score(const std::vector<RougeEval>& evals, const SummarizeFlags& f) {
  RougeOptions ropts{.max_n = 2, .lcs = false, .skip_distance = 4, .skip_unigrams = true, .stem = true,
                     .word_limit = f.words, .jackknife = f.jackknife, .resamples = f.resamples};
  return rouge(evals, ropts);
}

// R-2 and R-SU4 recall of chorus beside every participant that summarised the same
// evaluations, best first; chorus's rank among them.
void print_peer_table(const std::string& title, const RougeReport& ours, const std::vector<RougeEval>& evals,
                      const std::map<std::string, std::map<std::string, std::vector<std::string>>>& peers,
                      const SummarizeFlags& f) {
  struct Row {
    std::string system;
    double r2 = 0, su4 = 0;
  };
  auto recall = [](const RougeReport& r, std::string_view name) {
    for (const RougeMetricResult& m : r.metrics) {
      if (m.name == name) return m.recall.mean;
    }
    return 0.0;
  };
  std::vector<Row> rows{{"chorus", recall(ours, "ROUGE-2"), recall(ours, "ROUGE-SU4")}};
  for (const auto& [id, summaries] : peers) {
    std::vector<RougeEval> theirs = evals;
    bool complete = true;
    for (RougeEval& e : theirs) {
      auto it = summaries.find(duc_summary_key(e.id));
      if (it == summaries.end()) complete = false;
      else e.peer = it->second;
    }
    if (!complete) continue;
    Result<RougeReport> r = score(theirs, f);
    if (r.ok()) rows.push_back({"peer " + id, recall(*r, "ROUGE-2"), recall(*r, "ROUGE-SU4")});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.r2 > b.r2; });
  std::printf("%s: %zu evaluations, recall%s\n", title.c_str(), evals.size(), f.jackknife ? " (jackknifed)" : "");
  std::printf("  %-4s %-12s %-8s %-8s\n", "rank", "system", "R-2", "R-SU4");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::printf("  %-4zu %-12s %.5f  %.5f\n", i + 1, rows[i].system.c_str(), rows[i].r2, rows[i].su4);
  }
}

int run_summarize(const SummarizeFlags& f) {
  Result<std::vector<EvalCluster>> clusters = load(f);
  if (!clusters.ok()) {
    std::cerr << "chorus: " << clusters.status().to_string() << "\n";
    return kExitFailure;
  }
  std::map<std::string, std::string> topics;
  if (!f.focus_from.empty()) {
    Result<std::map<std::string, std::string>> read = read_duc_topics(f.focus_from);
    if (!read.ok()) {
      std::cerr << "chorus: " << read.status().to_string() << "\n";
      return kExitFailure;
    }
    topics = std::move(read).value();
  }
  std::map<std::string, std::map<std::string, std::vector<std::string>>> peers;
  if (!f.peers.empty()) {
    auto read = read_duc_peers(f.peers, f.words);
    if (!read.ok()) {
      std::cerr << "chorus: " << read.status().to_string() << "\n";
      return kExitFailure;
    }
    peers = std::move(read).value();
  }
  std::optional<std::regex> match;
  if (!f.match.empty()) match.emplace(f.match);
  if (!f.out.empty()) std::filesystem::create_directories(f.out);
  const std::vector<Job> jobs = plan_jobs(*clusters, f, topics, match);
  std::vector<RougeEval> evals;
  std::vector<std::string> groups;
  double seconds = 0;
  std::size_t focused = 0;
  std::vector<RougeEval> unfocused;  // with --focus-from: the same briefs without it, side by side
  for (const Job& job : jobs) {
    const EvalCluster& c = *job.cluster;
    if (!f.export_docs.empty()) export_cluster(c, f.export_docs);
    auto start = std::chrono::steady_clock::now();
    std::vector<Document> docs = documents_of(c);
    std::vector<Document> known;
    for (const EvalCluster* k : job.known) {
      for (Document& d : documents_of(*k)) known.push_back(std::move(d));
    }
    BriefOptions bopts = brief_options(f);
    if (!f.generic) bopts.known = known;
    bopts.focus = job.focus;
    focused += !job.focus.empty();
    Result<Brief> brief = make_brief(docs, bopts);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!f.focus_from.empty()) {
      bopts.focus.clear();
      Result<Brief> plain = make_brief(docs, bopts);
      RougeEval u{.id = c.id, .peer = {}, .models = c.references};
      if (plain.ok() && plain->has_headline) u.peer.push_back(plain->headline.text);
      if (plain.ok()) for (const BriefSentence& s : plain->digest) u.peer.push_back(s.text);
      unfocused.push_back(std::move(u));
    }
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
    groups.push_back(job.group);
  }
  if (evals.empty()) {
    std::cerr << "chorus: no cluster to score\n";
    return kExitFailure;
  }
  if (!f.focus_from.empty() && focused < evals.size()) {
    std::cerr << "chorus: " << evals.size() - focused << " of " << evals.size() << " clusters have no topic in "
              << f.focus_from << " (briefed without a focus)\n";
  }
  Result<RougeReport> report = score(evals, f);
  if (!report.ok()) {
    std::cerr << "chorus: " << report.status().to_string() << "\n";
    return kExitFailure;
  }
  std::string system = f.baseline.empty() ? "chorus (" + f.method + ")" : "baseline " + f.baseline;
  if (!f.focus_from.empty()) system += ", focused";
  if (f.update) system += f.generic ? ", each subset alone" : ", update (earlier subsets known)";
  print_table(*report, system, evals.size(), f.words, seconds * 1000 / static_cast<double>(evals.size()));
  if (!unfocused.empty()) {
    Result<RougeReport> plain = score(unfocused, f);
    if (plain.ok()) {
      std::printf("side by side, recall:   with the focus   without\n");
      for (std::size_t m = 0; m < report->metrics.size() && m < plain->metrics.size(); ++m) {
        std::printf("  %-10s             %.5f          %.5f\n", report->metrics[m].name.c_str(), report->metrics[m].recall.mean,
                    plain->metrics[m].recall.mean);
      }
    }
  }
  if (peers.empty() && !f.update) return kExitOk;
  // Per subset (A, B, C) and over all, chorus beside the participants.
  std::vector<std::string> letters(groups.begin(), groups.end());
  std::sort(letters.begin(), letters.end());
  letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
  for (const std::string& g : letters) {
    std::vector<RougeEval> part;
    for (std::size_t i = 0; i < evals.size(); ++i) {
      if (groups[i] == g) part.push_back(evals[i]);
    }
    Result<RougeReport> r = score(part, f);
    if (!r.ok()) continue;
    print_peer_table(g.empty() ? std::string("all") : "subset " + g, *r, part, peers, f);
  }
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
  cmd->add_flag("--update", f->update, "DUC update task: DOCS/<topic>/<topic>-A, -B, ...; each subset briefed knowing the earlier ones");
  cmd->add_option("--focus-from", f->focus_from, "DUC topics.sgml: each cluster's title and narrative as its brief's --focus");
  cmd->add_option("--peers", f->peers, "DUC participants' summaries, scored beside chorus (R-2, R-SU4, ranks)");
  cmd->add_flag("--generic", f->generic, "With --update: brief each subset alone (nothing known), for comparison");
  cmd->add_flag("--jackknife", f->jackknife, "Average over leave-one-reference-out sets, as NIST scored DUC");
  return [f]() { return run_summarize(*f); };
}

}  // namespace chorus::cli
