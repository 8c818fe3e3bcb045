// `chorus eval extract`: chorus's HTML extraction on AEB and trafilatura's benchmark,
// beside the peers' outputs, scored by each benchmark's own protocol.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "chorus/extract_eval.h"
#include "commands.h"

namespace chorus::cli {
namespace {

struct ExtractEvalFlags {
  std::string aeb;
  std::string trafilatura;
  std::vector<std::string> aeb_outputs;  // NAME=FILE: published outputs keyed by page id
  std::vector<std::string> peers;        // NAME=FILE: a driver's "### FILE" output
  std::string half = "all";
  bool no_chorus = false;
  bool verbose = false;
};

struct Run {
  std::string name;
  std::map<std::string, std::string> text;  // page id -> article text
  double seconds = 0;                       // chorus only: time spent extracting
};

// The pages' texts as chorus extracts them, and the extraction time (files read first).
Result<Run> run_chorus(const std::vector<BenchmarkPage>& pages, std::vector<ExtractedPage>* extracted) {
  Run run{.name = "chorus"};
  std::vector<std::string> html;
  for (const BenchmarkPage& p : pages) {
    CHORUS_ASSIGN_OR_RETURN(std::string bytes, read_maybe_gzip(p.html_path));
    html.push_back(std::move(bytes));
  }
  auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    ExtractOptions opts;
    opts.url = pages[i].url;
    opts.keep_html = false;
    Result<ExtractedPage> page = extract_html(html[i], opts);
    ExtractedPage value = page.ok() ? std::move(page).value() : ExtractedPage{};
    run.text[pages[i].id] = value.maintext;
    if (extracted) extracted->push_back(std::move(value));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

Result<Run> read_peer(const std::string& spec, bool by_id, const std::vector<BenchmarkPage>& pages) {
  std::size_t eq = spec.find('=');
  if (eq == std::string::npos) return Status(StatusCode::kInvalidArgument, "expected NAME=FILE, got " + spec);
  Run run{.name = spec.substr(0, eq)};
  std::string path = spec.substr(eq + 1);
  if (by_id) {
    CHORUS_ASSIGN_OR_RETURN(run.text, read_aeb_output(path));
    return run;
  }
  CHORUS_ASSIGN_OR_RETURN(auto by_file, read_driver_output(path));
  for (const BenchmarkPage& p : pages) {
    auto it = by_file.find(std::filesystem::path(p.html_path).filename().string());
    if (it != by_file.end()) run.text[p.id] = it->second;
  }
  return run;
}

// chorus (unless --no-chorus), then the published outputs keyed by page id, then the
// peers' driver outputs, in that order.
Result<std::vector<Run>> collect_runs(const ExtractEvalFlags& flags, const std::vector<BenchmarkPage>& pages,
                                      const std::vector<std::string>& by_id, std::vector<ExtractedPage>* extracted) {
  std::vector<Run> runs;
  if (!flags.no_chorus) {
    CHORUS_ASSIGN_OR_RETURN(Run r, run_chorus(pages, extracted));
    runs.push_back(std::move(r));
  }
  for (const auto& [specs, keyed_by_id] : {std::pair{&by_id, true}, std::pair{&flags.peers, false}}) {
    for (const std::string& spec : *specs) {
      CHORUS_ASSIGN_OR_RETURN(Run r, read_peer(spec, keyed_by_id, pages));
      runs.push_back(std::move(r));
    }
  }
  return runs;
}

std::vector<BenchmarkPage> in_half(std::vector<BenchmarkPage> pages, const std::string& half) {
  if (half == "all") return pages;
  std::erase_if(pages, [&](const BenchmarkPage& p) { return benchmark_half(p.id) != half; });
  return pages;
}

void print_header(const std::string& set, std::size_t pages, const std::string& half) {
  std::cout << set << " (" << pages << " pages, " << half << ")\n";
  std::printf("%-26s %6s %9s %7s %7s %9s %9s\n", "system", "pages", "precision", "recall", "F1", "accuracy",
              "pages/s");
}

void print_row(const Run& run, const ExtractScore& s) {
  std::printf("%-26s %6zu %9.3f %7.3f %7.3f %9.3f", run.name.c_str(), s.pages, s.precision, s.recall, s.f1,
              s.accuracy);
  if (run.seconds > 0) std::printf(" %9.0f", static_cast<double>(s.pages) / run.seconds);
  std::printf("\n");
}

std::string text_of(const Run& run, const std::string& id) {
  auto it = run.text.find(id);
  return it == run.text.end() ? "" : it->second;
}

// Names in `ours` found in the annotation, and annotated names we found ("A, B; C").
void score_authors(const BenchmarkPage& p, const std::vector<std::string>& ours, std::size_t& right,
                   std::size_t& given, std::size_t& found, std::size_t& annotated) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };
  std::string truth = lower(p.author);
  std::string joined;
  for (const std::string& a : ours) {
    ++given;
    if (!truth.empty() && truth.find(lower(a)) != std::string::npos) ++right;
    joined += lower(a) + "\n";
  }
  std::string name;
  for (std::size_t i = 0; i <= truth.size(); ++i) {
    char c = i < truth.size() ? truth[i] : ',';
    if (c == ',' || c == ';' || c == '&' || c == '|') {
      std::string_view n = name;
      while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
      while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
      if (!n.empty()) {
        ++annotated;
        if (joined.find(n) != std::string::npos) ++found;
      }
      name.clear();
    } else {
      name += c;
    }
  }
}

int run_aeb(const ExtractEvalFlags& flags) {
  Result<std::vector<BenchmarkPage>> all = read_aeb(flags.aeb);
  if (!all.ok()) return std::cerr << "chorus: " << all.status().to_string() << "\n", int{kExitFailure};
  std::vector<BenchmarkPage> pages = in_half(std::move(all).value(), flags.half);
  Result<std::vector<Run>> got = collect_runs(flags, pages, flags.aeb_outputs, nullptr);
  if (!got.ok()) return std::cerr << "chorus: " << got.status().to_string() << "\n", int{kExitFailure};
  std::vector<Run> runs = std::move(got).value();
  print_header("AEB", pages.size(), flags.half);
  for (const Run& run : runs) {
    std::vector<ShingleCounts> counts;
    for (const BenchmarkPage& p : pages) {
      counts.push_back(shingle_counts(p.truth, text_of(run, p.id)));
      if (flags.verbose && &run == &runs.front()) {
        ExtractScore one = aeb_score({counts.back()});
        std::printf("  page %s P %.3f R %.3f\n", p.id.c_str(), one.precision, one.recall);
      }
    }
    print_row(run, aeb_score(counts));
  }
  return kExitOk;
}

int run_trafilatura(const ExtractEvalFlags& flags) {
  Result<std::vector<BenchmarkPage>> all = read_trafilatura_set(flags.trafilatura);
  if (!all.ok()) return std::cerr << "chorus: " << all.status().to_string() << "\n", int{kExitFailure};
  std::vector<BenchmarkPage> pages = in_half(std::move(all).value(), flags.half);
  std::vector<ExtractedPage> extracted;
  Result<std::vector<Run>> got = collect_runs(flags, pages, {}, &extracted);
  if (!got.ok()) return std::cerr << "chorus: " << got.status().to_string() << "\n", int{kExitFailure};
  std::vector<Run> runs = std::move(got).value();
  print_header("trafilatura benchmark", pages.size(), flags.half);
  std::vector<std::string> leaks;
  for (const Run& run : runs) {
    SnippetCounts total;
    std::size_t comments = 0, leaked = 0;
    for (const BenchmarkPage& p : pages) {
      SnippetCounts c = snippet_counts(p, text_of(run, p.id));
      comments += p.comments.size();
      const std::size_t page_leaks = comment_snippets_in(p, text_of(run, p.id));
      leaked += page_leaks;
      if (flags.verbose && &run == &runs.front() && page_leaks > 0)
        std::printf("  comments %s: %zu of %zu comment snippets in the text\n", p.html_path.c_str(), page_leaks,
                    p.comments.size());
      total += c;
      if (flags.verbose && &run == &runs.front() && (c.fp || c.fn))
        std::printf("  page %s tp %zu fp %zu fn %zu\n", p.html_path.c_str(), c.tp, c.fp, c.fn);
    }
    print_row(run, snippet_score(total, pages.size()));
    char line[200];
    std::snprintf(line, sizeof line, "%s comment leak: %zu of %zu comment snippets in the text (%.3f)",
                  run.name.c_str(), leaked, comments, comments ? static_cast<double>(leaked) / comments : 0.0);
    leaks.push_back(line);
  }
  for (const std::string& l : leaks) std::printf("%s\n", l.c_str());
  if (extracted.empty()) return kExitOk;
  std::size_t dated = 0, dates_right = 0, right = 0, given = 0, found = 0, annotated = 0, titled = 0, titles_right = 0;
  auto spaced = [](std::string_view t) {  // white space collapsed, as the annotators' strings are
    std::string out;
    for (char c : t) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += c;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const BenchmarkPage& p = pages[i];
    if (!p.has_metadata) continue;
    if (!p.date.empty()) {
      ++dated;
      dates_right += extracted[i].date_publish.substr(0, 10) == p.date;
      if (flags.verbose && extracted[i].date_publish.substr(0, 10) != p.date)
        std::printf("  date %s: %s, annotated %s\n", p.html_path.c_str(), extracted[i].date_publish.c_str(),
                    p.date.c_str());
    }
    const std::size_t right_before = right, given_before = given;
    score_authors(p, extracted[i].authors, right, given, found, annotated);
    if (flags.verbose && right - right_before != given - given_before) {
      std::string ours;
      for (const std::string& a : extracted[i].authors) ours += (ours.empty() ? "" : "; ") + a;
      std::printf("  author %s: %s, annotated %s\n", p.html_path.c_str(), ours.c_str(), p.author.c_str());
    }
    if (!p.title.empty()) {
      ++titled;
      titles_right += spaced(extracted[i].title) == spaced(p.title);
    }
  }
  std::printf("chorus dates: %zu of %zu dated pages right (%.3f)\n", dates_right, dated,
              dated ? static_cast<double>(dates_right) / static_cast<double>(dated) : 0.0);
  std::printf("chorus titles: %zu of %zu exactly as annotated (%.3f)\n", titles_right, titled,
              titled ? static_cast<double>(titles_right) / static_cast<double>(titled) : 0.0);
  std::printf("chorus authors: precision %.3f (%zu of %zu names), recall %.3f (%zu of %zu annotated names)\n",
              given ? static_cast<double>(right) / static_cast<double>(given) : 0.0, right, given,
              annotated ? static_cast<double>(found) / static_cast<double>(annotated) : 0.0, found, annotated);
  return kExitOk;
}

int run_extract_eval(const ExtractEvalFlags& flags) {
  if (flags.aeb.empty() && flags.trafilatura.empty()) {
    std::cerr << "chorus: give --aeb DIR and/or --trafilatura DIR\n";
    return kExitUsage;
  }
  int code = kExitOk;
  if (!flags.aeb.empty()) code = std::max(code, run_aeb(flags));
  if (!flags.trafilatura.empty()) code = std::max(code, run_trafilatura(flags));
  return finish_output(code);
}

}  // namespace

Runner add_extract_eval_command(CLI::App& eval) {
  auto flags = std::make_shared<ExtractEvalFlags>();
  CLI::App* cmd = eval.add_subcommand("extract", "Score HTML extraction on AEB and trafilatura's benchmark");
  cmd->add_option("--aeb", flags->aeb, "AEB folder (ground-truth.json, html/)");
  cmd->add_option("--trafilatura", flags->trafilatura, "trafilatura benchmark folder (evaldata.json, html/)");
  cmd->add_option("--aeb-output", flags->aeb_outputs, "NAME=FILE: a published AEB output (JSON, .gz) to score too");
  cmd->add_option("--peer", flags->peers, "NAME=FILE: a peer driver's '### FILE' output to score too");
  cmd->add_option("--half", flags->half, "all, tune or test: the fixed half of each set to score")
      ->check(CLI::IsMember({"all", "tune", "test"}));
  cmd->add_flag("--no-chorus", flags->no_chorus, "Score only the given outputs");
  cmd->add_flag("-v,--verbose", flags->verbose, "Per-page scores of the first system");
  return [flags]() { return run_extract_eval(*flags); };
}

}  // namespace chorus::cli
