#include <algorithm>
#include <iostream>

#include "commands.h"

namespace chorus::cli {

void add_input_flags(CLI::App& cmd, InputFlags& flags) {
  cmd.add_option("paths", flags.paths,
                 "Files or folders of articles (.txt, .jsonl, .html, .rss, .warc, and .gz of them), http(s) URLs; '-' reads stdin")
      ->required();
  cmd.add_option("--input-format", flags.format, "auto, text, jsonl, html, feed or warc (default: by extension)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html", "feed", "warc"}));
  cmd.add_option("--max-article-bytes", flags.max_article_bytes,
                 "Skip a text file or JSONL line larger than this (0 = no limit)");
  cmd.add_flag("-q,--quiet", flags.quiet, "Do not print skipped-input messages");
  add_fetch_flags(cmd, flags.fetch);
}

void add_fetch_flags(CLI::App& cmd, FetchFlags& flags) {
  cmd.add_flag("--fetch", flags.fetch_linked_pages, "Read a feed item that carries only a summary from its linked page");
  cmd.add_option("--timeout", flags.timeout_s, "Seconds a URL may take to fetch (default 30)")->check(CLI::Range(0.1, 3600.0));
  cmd.add_option("--max-fetch-bytes", flags.max_fetch_bytes, "Skip a fetched URL larger than this (default 16 MiB)");
  cmd.add_option("--user-agent", flags.user_agent, "The User-Agent sent with each fetch (default chorus/VERSION)");
}

FetchOptions fetch_options(const FetchFlags& flags) {
  FetchOptions opts;
  opts.timeout_ms = static_cast<long>(flags.timeout_s * 1000);
  opts.connect_timeout_ms = std::min(opts.connect_timeout_ms, opts.timeout_ms);
  opts.max_bytes = flags.max_fetch_bytes;
  opts.user_agent = flags.user_agent;
  return opts;
}

PipelineOptions pipeline_options(const InputFlags& flags) {
  PipelineOptions opts;
  if (flags.format == "text") opts.ingest.format = InputFormat::kText;
  else if (flags.format == "jsonl") opts.ingest.format = InputFormat::kJsonl;
  else if (flags.format == "html") opts.ingest.format = InputFormat::kHtml;
  else if (flags.format == "feed") opts.ingest.format = InputFormat::kFeed;
  else if (flags.format == "warc") opts.ingest.format = InputFormat::kWarc;
  opts.ingest.max_article_bytes = flags.max_article_bytes;
  opts.ingest.fetch_linked_pages = flags.fetch.fetch_linked_pages;
  opts.ingest.fetch = fetch_options(flags.fetch);
  return opts;
}

int report_problems(const std::vector<Problem>& problems, bool quiet) {
  if (!quiet) {
    for (const Problem& p : problems) std::cerr << "chorus: " << p.to_string() << "\n";
  }
  // Notes say what was passed over by design (a WARC's request records): nothing went wrong.
  const bool any = std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity != Problem::Severity::kNote; });
  return any ? kExitPartial : kExitOk;
}

int finish_output(int code) {
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "chorus: cannot write output\n";
    return kExitFailure;
  }
  return code;
}

}  // namespace chorus::cli
