// Pages per second of HTML extraction on AEB's 181 real pages, in one process on one
// core, against a baseline in the same run: libxml2's HTML parser reading the same pages
// through SAX with no callbacks (the parse alone, what any libxml2-based extractor pays).
// Run: build/bench/chorus_extract_bench [--pages_dir=DIR]   (bench/extract.sh wraps it)
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>
#include <sys/resource.h>

#include <cstring>
#include <filesystem>
#include <iostream>

#include "chorus/extract.h"
#include "chorus/extract_eval.h"

namespace chorus::bench {
namespace {

std::string g_pages_dir = CHORUS_SOURCE_DIR "/../shared/data/html/aeb/html";

const std::vector<std::string>& pages() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out;
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(g_pages_dir, ec)) paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      Result<std::string> bytes = read_maybe_gzip(p);
      if (bytes.ok()) out.push_back(std::move(bytes).value());
    }
    return out;
  }();
  return all;
}

std::size_t total_bytes() {
  std::size_t n = 0;
  for (const std::string& p : pages()) n += p.size();
  return n;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

void BM_Baseline_LibxmlSaxParse(benchmark::State& state) {
  if (pages().empty()) return state.SkipWithError("no pages (../shared/data/html/aeb/html)");
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  for (auto _ : state) {
    for (const std::string& page : pages()) {
      htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(page.data(), static_cast<int>(page.size()));
      std::memcpy(ctxt->sax, &sax, sizeof sax);
      htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
      htmlParseDocument(ctxt);
      htmlFreeParserCtxt(ctxt);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages().size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_Baseline_LibxmlSaxParse)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  if (pages().empty()) return state.SkipWithError("no pages (../shared/data/html/aeb/html)");
  // Check the output before timing counts: every AEB page has an article.
  std::size_t with_text = 0;
  for (const std::string& page : pages()) with_text += extract_html(page).ok();
  if (with_text < pages().size() * 9 / 10) return state.SkipWithError("extraction lost most pages");
  ExtractOptions opts;
  opts.keep_html = false;  // as `chorus extract` and ingest run it
  std::size_t text_bytes = 0;
  for (auto _ : state) {
    text_bytes = 0;
    for (const std::string& page : pages()) {
      Result<ExtractedPage> p = extract_html(page, opts);
      if (p.ok()) text_bytes += p->maintext.size();
    }
    benchmark::DoNotOptimize(text_bytes);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages().size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes()));
  state.counters["peak_rss_mb"] = peak_rss_mb();
  state.counters["text_mb"] = static_cast<double>(text_bytes) / 1e6;
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chorus::bench

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--pages_dir=", 12) == 0) chorus::bench::g_pages_dir = argv[i] + 12;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
