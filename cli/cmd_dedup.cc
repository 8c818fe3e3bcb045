// `chorus dedup PATH...`: groups near-identical copies (syndicated stories).
#include <iostream>
#include <memory>

#include "commands.h"

namespace chorus::cli {
namespace {

struct DedupFlags {
  InputFlags input;
  DedupOptions opts;
  bool all = false;
};

int run_dedup(const DedupFlags& flags) {
  LoadedCorpus corpus = load_documents(flags.input.paths, pipeline_options(flags.input));
  int code = report_problems(corpus.problems, flags.input.quiet);
  if (corpus.documents.empty()) {
    std::cerr << "chorus: no article to compare\n";
    return kExitFailure;
  }
  DuplicateGroups groups = find_duplicates(corpus.documents, flags.opts);
  std::size_t copies = 0, n = 0;
  for (const std::vector<int>& g : groups.groups) {
    if (g.size() < 2 && !flags.all) continue;
    copies += g.size() - 1;
    std::cout << "group " << ++n << " (" << g.size() << " article" << (g.size() > 1 ? "s" : "") << ")\n";
    for (int id : g) {
      const Article& a = corpus.documents[static_cast<std::size_t>(id - 1)].article;
      std::cout << "  [" << id << "] " << a.outlet << " | " << (a.title.empty() ? "(no title)" : a.title) << " | "
                << a.path << (a.line ? ":" + std::to_string(a.line) : std::string()) << "\n";
    }
  }
  std::cout << corpus.documents.size() << " articles, " << copies << " near-duplicate copies in "
            << (flags.all ? groups.groups.size() : n) << " groups\n";
  return code;
}

}  // namespace

Runner add_dedup_command(CLI::App& app) {
  auto flags = std::make_shared<DedupFlags>();
  CLI::App* cmd = app.add_subcommand("dedup", "Group near-identical copies of articles (syndicated stories)");
  add_input_flags(*cmd, flags->input);
  cmd->add_option("--threshold", flags->opts.min_similarity, "Estimated shingle Jaccard for a copy (default 0.7)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--all", flags->all, "Also list articles without copies");
  return [flags]() { return run_dedup(*flags); };
}

}  // namespace chorus::cli
