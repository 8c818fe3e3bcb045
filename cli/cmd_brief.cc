// `chorus brief PATH...`: one attributed brief of the articles given, or one per event
// when they clearly report several.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace chorus::cli {
namespace {

struct BriefFlags {
  InputFlags input;
  std::size_t words = 120;
  std::size_t sentences = 0;
  std::string format = "text";
  std::string method = "coverage";
  bool words_given = false;
  bool one_event = false;
  std::vector<std::string> known;  // articles the reader has read: an update brief
  std::string focus;
};

// One brief of `docs`, rendered; false (after saying why) when there is nothing to brief.
bool write_brief(const std::vector<Document>& docs, const BriefOptions& bopts, RenderFormat format,
                 const std::vector<Problem>& problems, bool json_line) {
  Result<Brief> brief = make_brief(docs, bopts);
  if (!brief.ok()) {
    std::cerr << "chorus: cannot brief: " << brief.status().to_string() << "\n";
    return false;
  }
  if (json_line) {
    // Several events as JSON Lines: one brief object per line, as `events --format jsonl`.
    std::cout << nlohmann::json::parse(render_brief(*brief, format, problems)).dump() << "\n";
    return true;
  }
  // HTML shows the sources' sentences, so each citation can highlight the one it cites.
  std::cout << (format == RenderFormat::kHtml ? render_brief_html(*brief, docs) : render_brief(*brief, format, problems));
  return true;
}

int run_brief(const BriefFlags& flags) {
  PipelineOptions popts = pipeline_options(flags.input);
  popts.keep_source_text = false;  // the brief reports offsets, never the source bytes
  Result<RenderFormat> format = parse_render_format(flags.format);
  if (!format.ok()) {
    std::cerr << "chorus: " << format.status().message() << "\n";
    return kExitUsage;
  }
  LoadedCorpus corpus = load_documents(flags.input.paths, popts);
  int code = report_problems(corpus.problems, flags.input.quiet);
  LoadedCorpus known;
  if (!flags.known.empty()) {
    known = load_documents(flags.known, popts);
    code = std::max(code, report_problems(known.problems, flags.input.quiet));
  }
  BriefOptions bopts;
  bopts.known = known.documents;
  bopts.focus = flags.focus;
  // --sentences alone means "this many sentences", not "this many within 120 words".
  bopts.words = (flags.sentences && !flags.words_given) ? 0 : flags.words;
  bopts.sentences = flags.sentences;
  bopts.budget_includes_headline = *format == RenderFormat::kPlain;
  if (flags.method == "centroid") bopts.method = RankMethod::kCentroid;
  else if (flags.method == "lead") bopts.method = RankMethod::kLead;
  // Articles about several events get a brief each: one brief would pair their figures
  // as revisions of each other. Plain output is what ROUGE scores: one summary per input.
  std::vector<std::vector<std::size_t>> groups;
  if (!flags.one_event && *format != RenderFormat::kPlain) groups = group_by_event(corpus.documents);
  if (groups.size() <= 1) {
    return write_brief(corpus.documents, bopts, *format, corpus.problems, false) ? finish_output(code) : kExitFailure;
  }
  if (*format == RenderFormat::kHtml) {
    std::cerr << "chorus: these articles report " << groups.size()
              << " events; an HTML page holds one brief: use `chorus events --briefs` (or `chorus serve`) for each "
                 "event, or --one-event for one brief of everything\n";
    return kExitFailure;
  }
  if (!flags.input.quiet) {
    std::cerr << "chorus: these articles report " << groups.size() << " events: one brief each (--one-event for one)\n";
  }
  bool any = false;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<Document> docs;
    for (std::size_t i : groups[g]) docs.push_back(std::move(corpus.documents[i]));  // each document is in one group
    const bool text_like = *format == RenderFormat::kText || *format == RenderFormat::kMarkdown;
    if (text_like) {
      std::cout << (g ? "\n" : "") << (*format == RenderFormat::kMarkdown ? "# " : "") << "EVENT " << g + 1 << " of "
                << groups.size() << " (" << docs.size() << (docs.size() == 1 ? " article" : " articles") << ")\n"
                << (*format == RenderFormat::kMarkdown ? "\n" : "");
    }
    any = write_brief(docs, bopts, *format, g + 1 == groups.size() ? corpus.problems : std::vector<Problem>{},
                      *format == RenderFormat::kJson) || any;
  }
  return any ? finish_output(code) : kExitFailure;
}

}  // namespace

Runner add_brief_command(CLI::App& app) {
  auto flags = std::make_shared<BriefFlags>();
  CLI::App* cmd = app.add_subcommand("brief", "Write an attributed brief of the articles about one event");
  add_input_flags(*cmd, flags->input);
  cmd->add_option("-w,--words", flags->words, "Digest length in words (default 120)");
  cmd->add_option("-n,--sentences", flags->sentences, "Digest length in sentences (0 = by words only)");
  cmd->add_option("-f,--format", flags->format, "text, markdown, json, html (a page with the sources) or plain (one sentence per line)")
      ->check(CLI::IsMember({"text", "markdown", "md", "json", "html", "plain"}));
  cmd->add_option("--method", flags->method, "Sentence ranker: coverage (default), centroid or lead")
      ->check(CLI::IsMember({"coverage", "centroid", "lead"}));
  cmd->add_option("--known", flags->known,
                 "Articles the reader has already read (files, folders, URLs): brief only what the others add")
      ->expected(1, -1);
  cmd->add_option("--focus", flags->focus, "What the reader asks about: the digest favours sentences about it");
  cmd->add_flag("--one-event", flags->one_event,
                "One brief of everything, even when the articles clearly report several events (plain output always is)");
  return [flags, cmd]() {
    flags->words_given = cmd->count("--words") > 0;
    return run_brief(*flags);
  };
}

}  // namespace chorus::cli
