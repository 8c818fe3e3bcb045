// Throughput of ingest + clean + segment against a plain line reader over the same file
// (the baseline), the same with facts extraction, and brief latency (facts included) for
// 3, 10 and 500 articles of ~600 words.
// Run: build/bench/chorus_bench [--corpus_mb=100]   (bench/run.sh wraps it)
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "synthetic.h"

namespace chorus::bench {
namespace {

std::size_t g_corpus_mb = 100;

const std::string& corpus_path() {
  static const std::string path = [] {
    std::string p = (std::filesystem::temp_directory_path() / ("chorus_bench_" + std::to_string(::getpid()) + ".jsonl")).string();
    write_synthetic_jsonl(p, g_corpus_mb << 20, 600, 42);
    return p;
  }();
  return path;
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Baseline: read the file line by line and count lines, nothing else.
void BM_Baseline_ReadLines(benchmark::State& state) {
  const std::string& path = corpus_path();
  std::size_t bytes = 0, lines = 0;
  for (auto _ : state) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    char* buf = nullptr;
    std::size_t cap = 0;
    ssize_t n;
    bytes = lines = 0;
    while ((n = ::getline(&buf, &cap, f)) >= 0) {
      bytes += static_cast<std::size_t>(n);
      ++lines;
    }
    std::free(buf);
    std::fclose(f);
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(lines);
}

// ingest + clean + segment, streaming one article at a time as `chorus segment` does.
void BM_IngestCleanSegment(benchmark::State& state) {
  const std::string& path = corpus_path();
  std::size_t bytes = 0, articles = 0, sentences = 0, problems = 0;
  for (auto _ : state) {
    articles = sentences = problems = 0;
    bytes = ingest_paths(
        {path}, IngestOptions{},
        [&](Article&& a) {
          Document d = process_article(std::move(a));
          ++articles;
          sentences += d.sentences.size();
        },
        [&](Problem&&) { ++problems; });
  }
  // Check before trusting the time: every line is an article, none skipped.
  if (problems != 0 || articles == 0 || sentences < articles * 10) state.SkipWithError("unexpected output");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["articles"] = static_cast<double>(articles);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

// The same, plus the facts of every article (figures, quotes with speakers, names): what
// the facts layer adds to ingest. Compare its bytes/s with BM_IngestCleanSegment's.
void BM_IngestCleanSegmentFacts(benchmark::State& state) {
  const std::string& path = corpus_path();
  std::size_t bytes = 0, articles = 0, figures = 0, quotes = 0;
  for (auto _ : state) {
    articles = figures = quotes = 0;
    bytes = ingest_paths(
        {path}, IngestOptions{},
        [&](Article&& a) {
          Document d = process_article(std::move(a));
          ++articles;
          figures += find_figures(d).size();
          quotes += find_quotes(d).size();
        },
        [&](Problem&&) {});
  }
  if (articles == 0 || figures == 0 || quotes == 0) state.SkipWithError("no facts found");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["figures"] = static_cast<double>(figures);
  state.counters["quotes"] = static_cast<double>(quotes);
}

void BM_Brief(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<Document> docs = synthetic_event(n, 600, 7);
  std::size_t digest = 0;
  for (auto _ : state) {
    Result<Brief> b = make_brief(docs);
    digest = b.ok() ? b->digest.size() : 0;
    benchmark::DoNotOptimize(digest);
  }
  if (digest == 0) state.SkipWithError("empty brief");
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  state.counters["peak_rss_MB"] = peak_rss_mb();
}

BENCHMARK(BM_Baseline_ReadLines)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_IngestCleanSegment)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_IngestCleanSegmentFacts)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_Brief)->Arg(3)->Arg(10)->Arg(500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chorus::bench

int main(int argc, char** argv) {
  std::string write_to, write_stream;
  std::size_t stream_articles = 0;
  double new_event_share = 0.1;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--corpus_mb=", 0) == 0) chorus::bench::g_corpus_mb = std::stoul(arg.substr(12));
    if (arg.rfind("--write_corpus=", 0) == 0) write_to = arg.substr(15);
    if (arg.rfind("--write_stream=", 0) == 0) write_stream = arg.substr(15);
    if (arg.rfind("--stream_articles=", 0) == 0) stream_articles = std::stoul(arg.substr(18));
    if (arg.rfind("--stream_new_event=", 0) == 0) new_event_share = std::stod(arg.substr(19));
  }
  // --write_stream=PATH --stream_articles=N writes a labelled many-event stream (bench/events.sh);
  // --stream_new_event=P: the share of articles that start a new event (default 0.1).
  if (!write_stream.empty()) {
    chorus::bench::write_synthetic_stream(write_stream, stream_articles, 300, 7, new_event_share);
    return 0;
  }
  // --write_corpus=PATH only writes the synthetic JSONL (for bench/run.sh's memory runs).
  if (!write_to.empty()) {
    std::size_t n = chorus::bench::write_synthetic_jsonl(write_to, chorus::bench::g_corpus_mb << 20, 600, 42);
    std::printf("%zu articles\n", n);
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove(chorus::bench::corpus_path());
  return 0;
}
