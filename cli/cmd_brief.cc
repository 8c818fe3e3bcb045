// `chorus brief PATH...`: one attributed brief of the articles given.
#include <iostream>
#include <memory>

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
};

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
  BriefOptions bopts;
  // --sentences alone means "this many sentences", not "this many within 120 words".
  bopts.words = (flags.sentences && !flags.words_given) ? 0 : flags.words;
  bopts.sentences = flags.sentences;
  bopts.budget_includes_headline = *format == RenderFormat::kPlain;
  if (flags.method == "centroid") bopts.method = RankMethod::kCentroid;
  else if (flags.method == "lead") bopts.method = RankMethod::kLead;
  Result<Brief> brief = make_brief(corpus.documents, bopts);
  if (!brief.ok()) {
    std::cerr << "chorus: cannot brief: " << brief.status().to_string() << "\n";
    return kExitFailure;
  }
  // HTML shows the sources' sentences, so each citation can highlight the one it cites.
  std::cout << (*format == RenderFormat::kHtml ? render_brief_html(*brief, corpus.documents)
                                               : render_brief(*brief, *format, corpus.problems));
  return finish_output(code);
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
  return [flags, cmd]() {
    flags->words_given = cmd->count("--words") > 0;
    return run_brief(*flags);
  };
}

}  // namespace chorus::cli
