// `chorus ingest --db FILE PATH...`: adds articles to the SQLite store, in input order,
// one transaction per batch; events, briefs and their history are kept up to date.
#include <iostream>

#include "commands.h"

namespace chorus::cli {
namespace {

struct IngestFlags {
  InputFlags input;
  std::string db;
  std::size_t batch = StoreOptions{}.batch_articles;
  std::size_t brief_words = 120;
};

int run_ingest(const IngestFlags& flags) {
  StoreOptions opts;
  opts.batch_articles = flags.batch;
  opts.brief.words = flags.brief_words;
  Result<std::unique_ptr<Store>> store = Store::open(flags.db, opts);
  if (!store.ok()) {
    std::cerr << "chorus: " << store.status().to_string() << "\n";
    return kExitFailure;
  }
  StoreStats stats;
  int code = kExitOk;
  Status failed;
  std::vector<Article> pending;
  auto flush = [&] {
    if (pending.empty() || !failed.ok()) return;
    Result<std::vector<StoredArticle>> stored = (*store)->add(std::move(pending), stats);
    pending.clear();
    if (!stored.ok()) failed = stored.status();
  };
  ingest_paths(
      flags.input.paths, pipeline_options(flags.input).ingest,
      [&](Article&& a) {
        pending.push_back(std::move(a));
        if (pending.size() >= flags.batch) flush();
      },
      [&](Problem&& p) { code = std::max(code, report_problems({std::move(p)}, flags.input.quiet)); });
  flush();
  if (!failed.ok()) {
    // What was committed before the failure stays; the rest can be added again later.
    std::cerr << "chorus: " << flags.db << ": " << failed.to_string() << "\n";
    return kExitFailure;
  }
  if (!flags.input.quiet) {
    std::cerr << "chorus: " << stats.added << " articles added, " << stats.already_stored << " already stored, "
              << stats.copies << " syndicated copies; " << stats.events_created << " events created, "
              << stats.events_updated << " updated, " << stats.merges << " merged; " << flags.db << " holds "
              << (*store)->article_count() << " articles in " << (*store)->event_count() << " events\n";
  }
  if (stats.added + stats.already_stored == 0) {
    std::cerr << "chorus: no article to add\n";
    return kExitFailure;
  }
  return code;
}

}  // namespace

Runner add_ingest_command(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand("ingest", "Add articles to a SQLite database of events (created when missing)");
  add_input_flags(*cmd, flags->input);
  cmd->add_option("--db", flags->db, "The database file")->required();
  cmd->add_option("--batch", flags->batch, "Articles per transaction (default 256)")->check(CLI::Range(1, 100000));
  cmd->add_option("--brief-words", flags->brief_words, "Digest length of each event's brief in words (default 120)");
  return [flags] { return run_ingest(*flags); };
}

}  // namespace chorus::cli
