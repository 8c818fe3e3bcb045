// cli/commands.h: the subcommands of the chorus CLI. Each registers its flags on the
// CLI11 app and runs by filling Options and calling the library.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "chorus/chorus.h"

namespace chorus::cli {

// Process exit codes: what a script can rely on.
enum ExitCode : int {
  kExitOk = 0,       // everything read and done
  kExitFailure = 1,  // nothing usable: no article could be read, or output failed
  kExitUsage = 2,    // bad flags or arguments
  kExitPartial = 3,  // done, but some input was skipped or repaired (see stderr)
};

// How http(s) inputs are fetched.
struct FetchFlags {
  bool fetch_linked_pages = false;
  double timeout_s = FetchOptions{}.timeout_ms / 1000.0;
  std::size_t max_fetch_bytes = FetchOptions{}.max_bytes;
  std::string user_agent;
};
void add_fetch_flags(CLI::App& cmd, FetchFlags& flags);
FetchOptions fetch_options(const FetchFlags& flags);

// Flags every reading command shares.
struct InputFlags {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::size_t max_article_bytes = IngestOptions{}.max_article_bytes;
  bool quiet = false;
  FetchFlags fetch;
};
void add_input_flags(CLI::App& cmd, InputFlags& flags);
// PipelineOptions for the flags (CLI11 has already checked their values).
PipelineOptions pipeline_options(const InputFlags& flags);
// Prints problems to stderr (unless quiet) and returns the exit code they imply.
int report_problems(const std::vector<Problem>& problems, bool quiet);

// Flushes stdout; a write error (a closed pipe, a full disk) becomes kExitFailure with a
// message, otherwise `code` is returned.
int finish_output(int code);

// Registers a subcommand; the returned function runs it after parsing.
using Runner = std::function<int()>;
Runner add_brief_command(CLI::App& app);
Runner add_segment_command(CLI::App& app);
Runner add_eval_command(CLI::App& app);
Runner add_dedup_command(CLI::App& app);
Runner add_events_command(CLI::App& app);
Runner add_ingest_command(CLI::App& app);
Runner add_extract_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);
Runner add_watch_command(CLI::App& app);
// `eval clustering`, registered under the `eval` command.
Runner add_cluster_eval_command(CLI::App& eval);
// `eval facts`, registered under the `eval` command.
Runner add_facts_eval_command(CLI::App& eval);
// `eval summarize`, registered under the `eval` command.
Runner add_eval_summarize_command(CLI::App& eval);
// `eval extract`, registered under the `eval` command.
Runner add_extract_eval_command(CLI::App& eval);

}  // namespace chorus::cli
