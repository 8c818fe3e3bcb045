// `chorus events PATH...`: groups articles into events as a stream (input order);
// `chorus eval clustering`: B-cubed against gold event labels.
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"

namespace chorus::cli {
namespace {

struct EventsFlags {
  InputFlags input;
  ClusterOptions opts;
  std::string format = "text";
};

void add_cluster_flags(CLI::App& cmd, ClusterOptions& opts) {
  cmd.add_option("--threshold", opts.min_similarity, "Cosine needed to join an event (default 0.2)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--window-days", opts.window_days, "Retire events quiet for this many days (0 = never; default 7)");
}

int run_events(const EventsFlags& flags) {
  PipelineOptions popts = pipeline_options(flags.input);
  popts.keep_source_text = false;
  EventClusterer clusterer(flags.opts);
  std::vector<Article> meta;  // id -> title/outlet/date for printing
  std::vector<Problem> problems;
  ingest_paths(
      flags.input.paths, popts.ingest,
      [&](Article&& a) {
        Document d = process_article(std::move(a), popts);
        clusterer.add(d);
        meta.push_back(std::move(d.article));
      },
      [&](Problem&& p) { problems.push_back(std::move(p)); });
  int code = report_problems(problems, flags.input.quiet);
  if (meta.empty()) {
    std::cerr << "chorus: no article to cluster\n";
    return kExitFailure;
  }
  for (const Event& e : clusterer.events()) {
    if (flags.format == "jsonl") {
      std::cout << "{\"event\":" << e.id << ",\"size\":" << e.articles.size() << ",\"first_date\":\"" << e.first_date
                << "\",\"last_date\":\"" << e.last_date << "\",\"articles\":[";
      for (std::size_t i = 0; i < e.articles.size(); ++i) std::cout << (i ? "," : "") << e.articles[i];
      std::cout << "]}\n";
      continue;
    }
    std::cout << "event " << e.id << ": " << e.articles.size() << " article" << (e.articles.size() > 1 ? "s" : "")
              << ", " << (e.first_date.empty() ? "date unknown" : e.first_date)
              << (e.last_date != e.first_date && !e.last_date.empty() ? " to " + e.last_date : std::string()) << "\n";
    for (int id : e.articles) {
      const Article& a = meta[static_cast<std::size_t>(id - 1)];
      std::cout << "  [" << id << "] " << a.outlet << " | " << (a.title.empty() ? "(no title)" : a.title) << "\n";
    }
  }
  return code;
}

struct ClusterEvalFlags {
  std::string docs, models, input, gold_field = "event";
  ClusterOptions opts;
};

int run_cluster_eval(const ClusterEvalFlags& f) {
  std::vector<Document> docs;
  std::vector<std::string> gold;
  if (!f.docs.empty()) {
    Result<std::vector<EvalCluster>> clusters = read_duc(f.docs, f.models);
    if (!clusters.ok()) {
      std::cerr << "chorus: " << clusters.status().to_string() << "\n";
      return kExitFailure;
    }
    int id = 0;
    for (const EvalCluster& c : *clusters) {
      for (Article a : c.articles) {
        a.id = ++id;
        docs.push_back(process_article(std::move(a)));
        gold.push_back(c.id);
      }
    }
  } else {
    LoadedCorpus corpus = load_documents({f.input});
    report_problems(corpus.problems, false);
    // Gold labels: the named field of each JSONL line the article came from.
    std::ifstream in(f.input);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    simdjson::dom::parser parser;
    for (Document& d : corpus.documents) {
      std::string label;
      simdjson::dom::element el;
      std::string_view sv;
      int64_t n;
      if (d.article.line && !parser.parse(lines[d.article.line - 1]).get(el)) {
        if (!el[f.gold_field].get_string().get(sv)) label = std::string(sv);
        else if (!el[f.gold_field].get_int64().get(n)) label = std::to_string(n);
      }
      if (label.empty()) {
        std::cerr << "chorus: " << d.article.path << ":" << d.article.line << ": no \"" << f.gold_field << "\" label; skipped\n";
        continue;
      }
      gold.push_back(label);
      docs.push_back(std::move(d));
    }
  }
  if (docs.empty()) {
    std::cerr << "chorus: nothing to evaluate\n";
    return kExitFailure;
  }
  // A stream arrives in publication order (undated articles last, input order on ties).
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::string& da = docs[a].article.date;
    const std::string& db = docs[b].article.date;
    return (da.empty() ? "9999" : da) < (db.empty() ? "9999" : db);
  });
  EventClusterer clusterer(f.opts);
  std::vector<std::string> predicted(docs.size());
  for (std::size_t i : order) predicted[i] = std::to_string(clusterer.add(docs[i]));
  BCubed b = b_cubed(gold, predicted);
  std::printf("articles %zu  gold events %zu  predicted events %zu\nB-cubed precision %.4f  recall %.4f  F1 %.4f\n",
              docs.size(), b.gold_events, b.predicted_events, b.precision, b.recall, b.f1);
  return kExitOk;
}

}  // namespace

Runner add_events_command(CLI::App& app) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "Group a stream of articles into events (input order)");
  add_input_flags(*cmd, flags->input);
  add_cluster_flags(*cmd, flags->opts);
  cmd->add_option("-f,--format", flags->format, "text (default) or jsonl")->check(CLI::IsMember({"text", "jsonl"}));
  return [flags]() { return run_events(*flags); };
}

Runner add_cluster_eval_command(CLI::App& eval) {
  auto f = std::make_shared<ClusterEvalFlags>();
  CLI::App* cmd = eval.add_subcommand("clustering", "B-cubed of chorus's events against gold event labels");
  cmd->add_option("--docs", f->docs, "DUC: folder of cluster folders (the folder is the gold event)");
  cmd->add_option("--models", f->models, "DUC: folder of reference summaries (clusters without one are left out)");
  cmd->add_option("--input", f->input, "JSONL articles carrying a gold label field");
  cmd->add_option("--gold-field", f->gold_field, "Name of the gold label field (default event)");
  add_cluster_flags(*cmd, f->opts);
  return [f]() { return run_cluster_eval(*f); };
}

}  // namespace chorus::cli
