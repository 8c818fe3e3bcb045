// `chorus segment PATH...`: the cleaned sentences of every article, or just counts.
#include <chrono>
#include <iostream>
#include <memory>

#include "commands.h"

namespace chorus::cli {
namespace {

struct SegmentFlags {
  InputFlags input;
  bool stats = false;
  bool facts = false;
};

void print_document(const Document& doc) {
  const Article& a = doc.article;
  std::cout << "# [" << a.id << "] " << a.outlet << " | " << (a.date.empty() ? "date unknown" : a.date) << " | "
            << (a.title.empty() ? "(no title)" : a.title) << " | " << a.path << (a.line ? ":" + std::to_string(a.line) : "")
            << "\n";
  for (const Removal& r : doc.clean.removed) {
    std::cout << "  removed " << removal_kind_name(r.kind) << " @" << r.source.begin << "-" << r.source.end << ": "
              << std::string_view(a.text).substr(r.source.begin, r.source.size()) << "\n";
  }
  for (const Sentence& s : doc.sentences) {
    std::cout << "  " << s.paragraph << "." << s.index << (s.heading ? " H" : "") << (s.bullet ? " B" : "")
              << " @" << s.source.begin << "-" << s.source.end << ": " << doc.sentence_text(s) << "\n";
  }
}

// One line per figure and quote of an article (segment --facts).
void print_facts(const std::vector<FigureMention>& figures, const std::vector<Quote>& quotes) {
  for (const FigureMention& m : figures) {
    std::cout << "  figure " << figure_kind_name(m.kind) << (m.subject.empty() ? "" : " (" + m.subject + ")")
              << (m.place.empty() ? "" : " in " + m.place) << ": " << m.as_written
              << (m.earlier ? " (earlier)" : m.update ? " (update)" : "") << " @" << m.figure_source.begin << "-"
              << m.figure_source.end << "\n";
  }
  for (const Quote& q : quotes) {
    std::cout << "  quote " << (q.speaker.empty() ? "(speaker unknown)" : q.speaker) << ": \"" << q.text << "\"\n";
  }
}

int run_segment(const SegmentFlags& flags) {
  PipelineOptions opts = pipeline_options(flags.input);
  std::size_t articles = 0, sentences = 0, figures = 0, quotes = 0;
  std::vector<Problem> problems;
  auto start = std::chrono::steady_clock::now();
  // Streams: each article is cleaned, segmented and dropped, so memory stays flat.
  std::size_t bytes = ingest_paths(
      flags.input.paths, opts.ingest,
      [&](Article&& a) {
        Document doc = process_article(std::move(a), opts);
        ++articles;
        sentences += doc.sentences.size();
        if (!flags.stats) print_document(doc);
        if (flags.facts) {
          std::vector<FigureMention> f = find_figures(doc);
          std::vector<Quote> q = find_quotes(doc);
          figures += f.size();
          quotes += q.size();
          if (!flags.stats) print_facts(f, q);
        }
      },
      [&](Problem&& p) { problems.push_back(std::move(p)); });
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int code = report_problems(problems, flags.input.quiet);
  if (flags.stats) {
    std::cout << "articles " << articles << "\nsentences " << sentences << "\nbytes " << bytes << "\nseconds "
              << seconds << "\nMB/s " << (seconds > 0 ? bytes / 1e6 / seconds : 0) << "\nproblems "
              << problems.size() << "\n";
    if (flags.facts) std::cout << "figures " << figures << "\nquotes " << quotes << "\n";
  }
  if (articles == 0) return kExitFailure;
  return code;
}

}  // namespace

Runner add_segment_command(CLI::App& app) {
  auto flags = std::make_shared<SegmentFlags>();
  CLI::App* cmd = app.add_subcommand("segment", "Print each article's metadata, removed boilerplate and sentences");
  add_input_flags(*cmd, flags->input);
  cmd->add_flag("--stats", flags->stats, "Print only counts and throughput");
  cmd->add_flag("--facts", flags->facts, "Also find each article's figures and quotes (and count them with --stats)");
  return [flags]() { return run_segment(*flags); };
}

}  // namespace chorus::cli
