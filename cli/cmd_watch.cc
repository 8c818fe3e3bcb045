// `chorus watch --db FILE --feeds LIST [--every 15m]`: polls feeds and adds what is new to
// the store. Each poll is a conditional GET (the ETag and Last-Modified saved in the
// database, so a restart does not fetch everything again); an item already stored (by its
// link) is passed over before its page is fetched; a feed that fails is polled less often
// (doubling, up to a day) until it answers again; one host is asked at most once per
// --host-delay. SIGINT and SIGTERM stop it between two steps: what was added is committed.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"

namespace chorus::cli {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop.store(true); }

struct WatchFlags {
  std::string db;
  std::string feeds_file;
  std::vector<std::string> urls;
  std::string every = "15m";
  std::string host_delay = "1s";
  int polls = 0;
  std::size_t brief_words = 120;
  FetchFlags fetch;
  bool quiet = false;
};

// "90", "90s", "15m", "2h", "1d", "0.5s" -> milliseconds; -1 when malformed.
long long parse_duration_ms(const std::string& text) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return -1;
  }
  const std::string unit = text.substr(used);
  double scale = 0;
  if (unit.empty() || unit == "s") scale = 1000;
  else if (unit == "ms") scale = 1;
  else if (unit == "m") scale = 60'000;
  else if (unit == "h") scale = 3'600'000;
  else if (unit == "d") scale = 86'400'000;
  if (scale == 0 || value < 0) return -1;
  return static_cast<long long>(value * scale);
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The feeds to poll: URLs on the command line, then one per line of the list ('#' starts a
// comment), each once.
Result<std::vector<std::string>> feed_urls(const WatchFlags& flags) {
  std::vector<std::string> urls = flags.urls;
  if (!flags.feeds_file.empty()) {
    std::ifstream in(flags.feeds_file);
    if (!in) return Status(StatusCode::kNotFound, flags.feeds_file + ": cannot read the list of feeds");
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
      line = line.substr(0, line.find('#'));
      line.erase(0, line.find_first_not_of(" \t\r"));
      line.erase(line.find_last_not_of(" \t\r") + 1);
      if (line.empty()) continue;
      if (!is_url(line)) {
        return Status(StatusCode::kInvalidArgument,
                      flags.feeds_file + ":" + std::to_string(n) + ": not an http(s) URL: " + line);
      }
      urls.push_back(line);
    }
  }
  std::vector<std::string> unique;
  for (const std::string& u : urls) {
    if (std::find(unique.begin(), unique.end(), u) == unique.end()) unique.push_back(u);
  }
  return unique;
}

struct Feed {
  std::string url;
  Clock::time_point next_poll;
  int polls = 0;
};

class Watcher {
 public:
  Watcher(const WatchFlags& flags, Store& store, long long every_ms, long long host_delay_ms)
      : flags_(flags), store_(store), every_ms_(every_ms) {
    fetch_ = fetch_options(flags.fetch);
    fetch_.host_interval_ms = static_cast<long>(host_delay_ms);
    fetch_.cancel = &g_stop;
  }
  // One poll of one feed; returns the delay before its next poll. False in `ok` when the
  // store failed (the watcher stops).
  std::chrono::milliseconds poll(const std::string& url, bool& ok);
  std::size_t added() const { return added_; }

 private:
  void log(const std::string& url, const std::string& what) const {
    if (!flags_.quiet) std::cerr << "chorus watch: " << utc_now() << " " << url << ": " << what << "\n";
  }

  const WatchFlags& flags_;
  Store& store_;
  long long every_ms_;
  FetchOptions fetch_;
  std::size_t added_ = 0;
};

std::chrono::milliseconds Watcher::poll(const std::string& url, bool& ok) {
  const std::chrono::milliseconds every(every_ms_);
  FeedState state = store_.feed_state(url);
  FetchOptions opts = fetch_;
  opts.if_none_match = state.etag;
  opts.if_modified_since = state.last_modified;
  Result<FetchedUrl> got = fetch_url(url, opts);
  if (g_stop.load()) return every;  // cut short by a signal: nothing to record
  state.polled_at = utc_now();
  if (!got.ok()) {
    ++state.failures;
    const auto wait = std::min<std::chrono::milliseconds>(every * (1LL << std::min(state.failures, 6)),
                                                          std::max<std::chrono::milliseconds>(every, std::chrono::hours(24)));
    log(url, got.status().to_string() + " (failed " + std::to_string(state.failures) + " times in a row; next poll in " +
                 std::to_string(wait.count() / 1000) + " s)");
    Status saved = store_.save_feed_state(state);
    if (!saved.ok()) log(url, saved.to_string());
    return wait;
  }
  state.failures = 0;
  if (got->not_modified()) {
    log(url, "not modified");
    Status saved = store_.save_feed_state(state);
    if (!saved.ok()) log(url, saved.to_string());
    return every;
  }
  IngestOptions ingest;
  ingest.fetch = fetch_;
  ingest.fetch_linked_pages = true;
  ingest.already_have = [&](std::string_view link) { return store_.has_article_url(std::string(link)); };
  std::vector<Article> articles;
  std::size_t problems = 0;
  ingest_fetched(
      *got, ingest, [&](Article&& a) { articles.push_back(std::move(a)); },
      [&](Problem&& p) {
        problems += p.severity != Problem::Severity::kNote;
        if (!flags_.quiet) std::cerr << "chorus watch: " << p.to_string() << "\n";
      });
  StoreStats stats;
  if (!articles.empty()) {
    Result<std::vector<StoredArticle>> stored = store_.add(std::move(articles), stats);
    if (!stored.ok()) {
      log(url, "the database failed: " + stored.status().to_string());
      ok = false;
      return every;
    }
  }
  // The validators are saved only once what they vouch for is stored.
  state.etag = got->etag;
  state.last_modified = got->last_modified;
  Status saved = store_.save_feed_state(state);
  if (!saved.ok()) log(url, saved.to_string());
  added_ += stats.added;
  log(url, std::to_string(stats.added) + " new articles (" + std::to_string(stats.events_created) + " events created, " +
               std::to_string(stats.events_updated) + " updated), " + std::to_string(stats.already_stored) +
               " already stored" + (problems ? ", " + std::to_string(problems) + " problems" : "") + "; " +
               std::to_string(store_.article_count()) + " articles in " + std::to_string(store_.event_count()) +
               " events");
  return every;
}

int run_watch(const WatchFlags& flags) {
  const long long every_ms = parse_duration_ms(flags.every);
  const long long host_delay_ms = parse_duration_ms(flags.host_delay);
  if (every_ms < 1000 || host_delay_ms < 0) {
    std::cerr << "chorus watch: --every takes a duration of at least 1s (90s, 15m, 2h), --host-delay one like 1s or 500ms\n";
    return kExitUsage;
  }
  Result<std::vector<std::string>> urls = feed_urls(flags);
  if (!urls.ok()) {
    std::cerr << "chorus watch: " << urls.status().message() << "\n";
    return kExitUsage;
  }
  if (urls->empty()) {
    std::cerr << "chorus watch: no feed to watch (give URLs or --feeds FILE)\n";
    return kExitUsage;
  }
  StoreOptions opts;
  opts.brief.words = flags.brief_words;
  Result<std::unique_ptr<Store>> store = Store::open(flags.db, opts);
  if (!store.ok()) {
    std::cerr << "chorus: " << store.status().to_string() << "\n";
    return kExitFailure;
  }
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  Watcher watcher(flags, **store, every_ms, host_delay_ms);
  std::vector<Feed> feeds;
  for (const std::string& u : *urls) feeds.push_back(Feed{u, Clock::now(), 0});
  bool ok = true;
  while (!g_stop.load() && ok) {
    for (Feed& f : feeds) {
      if (g_stop.load() || !ok) break;
      if (f.next_poll > Clock::now() || (flags.polls && f.polls >= flags.polls)) continue;
      f.next_poll = Clock::now() + watcher.poll(f.url, ok);
      ++f.polls;
    }
    const bool done = flags.polls && std::all_of(feeds.begin(), feeds.end(), [&](const Feed& f) { return f.polls >= flags.polls; });
    if (done) break;
    Clock::time_point next = Clock::time_point::max();
    for (const Feed& f : feeds) {
      if (!flags.polls || f.polls < flags.polls) next = std::min(next, f.next_poll);
    }
    while (!g_stop.load() && Clock::now() < next) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!flags.quiet) {
    std::cerr << "chorus watch: stopped" << (g_stop.load() ? " by a signal" : "") << "; " << watcher.added()
              << " articles added; " << flags.db << " holds " << (*store)->article_count() << " articles in "
              << (*store)->event_count() << " events\n";
  }
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

Runner add_watch_command(CLI::App& app) {
  auto flags = std::make_shared<WatchFlags>();
  CLI::App* cmd = app.add_subcommand("watch", "Poll feeds and add their new articles to a database (until SIGINT/SIGTERM)");
  cmd->add_option("urls", flags->urls, "Feed URLs (RSS or Atom)");
  cmd->add_option("--db", flags->db, "The database file (created when missing)")->required();
  cmd->add_option("--feeds", flags->feeds_file, "A file of feed URLs, one per line ('#' comments)");
  cmd->add_option("--every", flags->every, "How often each feed is polled: 90s, 15m, 2h (default 15m)");
  cmd->add_option("--host-delay", flags->host_delay, "Least time between two requests to one host (default 1s)");
  cmd->add_option("--polls", flags->polls, "Stop after polling each feed this many times (default: never)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--brief-words", flags->brief_words, "Digest length of each event's brief in words (default 120)");
  add_fetch_flags(*cmd, flags->fetch);
  cmd->add_flag("-q,--quiet", flags->quiet, "Log nothing but errors that stop it");
  return [flags] { return run_watch(*flags); };
}

}  // namespace chorus::cli
