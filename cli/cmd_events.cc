// `chorus events PATH...`: groups articles into events as a stream (input order, which
// should be publication order); each event is printed when it closes (retires from the
// window, or at the end of the input);
// `chorus eval clustering`: B-cubed against gold event labels.
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "chorus/outlets.h"
#include "commands.h"

namespace chorus::cli {
namespace {

struct EventsFlags {
  InputFlags input;
  ClusterOptions opts;
  std::string format = "text";
  std::string sort;  // "", "size" or "time"
  bool briefs = false;
  std::size_t brief_words = 120;
  int threads = 0;
};

void add_cluster_flags(CLI::App& cmd, ClusterOptions& opts) {
  cmd.add_option("--threshold", opts.min_similarity, "Cosine needed to join a one-article event (default 0.12)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--growth-penalty", opts.growth_penalty, "Added to the threshold per unit of ln(an event's articles) (default 0.015)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--merge", opts.merge_similarity, "Centroid cosine at which two events merge (0 = never; default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--window-days", opts.window_days, "Also retire events quiet for this many days plus their span so far (0 = never, the default: events retire by --max-live)");
  cmd.add_option("--max-live", opts.max_live_events, "Beyond this many live events, retire the one quiet longest in the stream (0 = no cap; default 5000)");
  cmd.add_option("--max-live-articles", opts.max_live_articles,
                 "Beyond this many articles in live events, retire the quietest events (0 = no cap; default 50000)");
  cmd.add_flag("!--no-dedup", opts.dedup, "Do not look for syndicated copies");
}

// The event's brief, or nothing when it cannot be made (reported on stderr).
std::optional<Brief> event_brief(const ClosedEvent& e, std::size_t words) {
  BriefOptions bopts;
  bopts.words = words;
  Result<Brief> brief = make_brief(e.documents, bopts);
  if (!brief.ok()) {
    std::cerr << "chorus: event " << e.event.id << ": cannot brief: " << brief.status().to_string() << "\n";
    return std::nullopt;
  }
  return std::move(*brief);
}

nlohmann::ordered_json event_json(const ClosedEvent& e, const std::optional<Brief>& brief) {
  nlohmann::ordered_json j;
  j["event"] = e.event.id;
  j["headline"] = brief ? event_title(e.event.headline, *brief) : e.event.headline;
  j["size"] = e.event.articles.size();
  j["first_date"] = e.event.first_date;
  j["last_date"] = e.event.last_date;
  nlohmann::ordered_json outlets = nlohmann::ordered_json::object();
  for (const auto& [outlet, n] : e.event.outlets) outlets[outlet] = n;
  j["outlets"] = outlets;
  j["unknown_outlet_articles"] = e.event.unknown_outlet_articles;
  std::map<int, int> copy_of(e.event.copies.begin(), e.event.copies.end());
  j["articles"] = nlohmann::ordered_json::array();
  for (const Article& a : e.articles) {
    nlohmann::ordered_json aj = {{"id", a.id}, {"outlet", a.outlet}, {"title", a.title}, {"date", a.date},
                                 {"path", a.path}, {"line", a.line}};
    if (copy_of.count(a.id)) aj["copy_of"] = copy_of[a.id];
    j["articles"].push_back(aj);
  }
  if (brief) j["brief"] = nlohmann::ordered_json::parse(render_brief(*brief, RenderFormat::kJson));
  return j;
}

void print_event_text(const ClosedEvent& e, const std::optional<Brief>& brief) {
  const Event& ev = e.event;
  const std::string title = brief ? event_title(ev.headline, *brief) : ev.headline;
  std::cout << "event " << ev.id << ": " << (title.empty() ? "(no title)" : title) << "\n  "
            << ev.articles.size() << " article" << (ev.articles.size() > 1 ? "s" : "");
  if (!ev.copies.empty()) std::cout << " (" << ev.copies.size() << " syndicated cop" << (ev.copies.size() > 1 ? "ies" : "y") << ")";
  std::cout << ", " << ev.outlets.size() << " outlet" << (ev.outlets.size() == 1 ? "" : "s");
  if (ev.unknown_outlet_articles) std::cout << " (" << ev.unknown_outlet_articles << " of unknown outlet)";
  std::cout << ", "
            << (ev.first_date.empty() ? "date unknown" : ev.first_date)
            << (ev.last_date != ev.first_date && !ev.last_date.empty() ? " to " + ev.last_date : std::string()) << "\n";
  std::map<int, int> copy_of(ev.copies.begin(), ev.copies.end());
  OutletTally outlets;  // one outlet, one name: "Metro" for "metro.co.uk" too
  for (const Article& a : e.articles) outlets.add(a.outlet);
  for (const Article& a : e.articles) {
    std::cout << "  [" << a.id << "] " << (a.outlet.empty() ? "unknown outlet" : outlets.display(a.outlet)) << " | " << (a.title.empty() ? "(no title)" : a.title);
    if (copy_of.count(a.id)) std::cout << "  (copy of [" << copy_of[a.id] << "])";
    std::cout << "\n";
  }
  if (brief) std::cout << "\n" << render_brief(*brief, RenderFormat::kText) << "\n";
}

// An event closed, with its brief when asked for.
struct ClosedWithBrief {
  ClosedEvent event;
  std::optional<Brief> brief;
};

// Biggest first (`size`) or newest first (`time`), each breaking the other's ties, then by id.
void sort_events(std::vector<ClosedWithBrief>& events, const std::string& by) {
  std::stable_sort(events.begin(), events.end(), [&](const ClosedWithBrief& a, const ClosedWithBrief& b) {
    const Event& x = a.event.event;
    const Event& y = b.event.event;
    const auto size = [](const Event& e) { return e.articles.size(); };
    if (by == "size" && size(x) != size(y)) return size(x) > size(y);
    if (x.last_date != y.last_date) return x.last_date > y.last_date;
    if (size(x) != size(y)) return size(x) > size(y);
    return x.id < y.id;
  });
}

// An event as an Atom entry (its id permanent within the run: the clusterer's event id).
AtomEntry atom_entry(const ClosedWithBrief& e) {
  AtomEntry entry = e.brief ? atom_entry_of(*e.brief) : AtomEntry{};
  entry.id = atom_event_id(e.event.event.id);
  entry.title = e.brief ? event_title(e.event.event.headline, *e.brief) : e.event.event.headline;
  entry.published = rfc3339(e.event.event.first_date);
  entry.updated = rfc3339(e.event.event.last_date);
  return entry;
}

void print_event(const ClosedWithBrief& e, const std::string& format, nlohmann::ordered_json& array, AtomFeed& feed) {
  if (format == "atom") {
    feed.entries.push_back(atom_entry(e));
    if (feed.updated < feed.entries.back().updated) feed.updated = feed.entries.back().updated;
    return;
  }
  if (format == "json") array.push_back(event_json(e.event, e.brief));
  else if (format == "jsonl") std::cout << event_json(e.event, e.brief).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  else print_event_text(e.event, e.brief);
}

int run_events(const EventsFlags& flags) {
  StreamOptions sopts;
  sopts.pipeline = pipeline_options(flags.input);
  sopts.pipeline.keep_source_text = false;
  sopts.cluster = flags.opts;
  sopts.threads = flags.threads;
  const bool briefs = flags.briefs || flags.format == "atom";  // an Atom entry's content is its brief
  sopts.keep_documents = briefs;
  int code = kExitOk;
  // Events print as they close, unless sorted: then all of them when the input ends.
  std::vector<ClosedWithBrief> held;
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  AtomFeed feed;
  feed.id = "tag:chorus,2026:events";
  feed.title = "chorus: events";
  EventStream stream(sopts, [&](ClosedEvent&& e) {
    std::optional<Brief> brief = briefs ? event_brief(e, flags.brief_words) : std::nullopt;
    ClosedWithBrief closed{std::move(e), std::move(brief)};
    if (!flags.sort.empty()) held.push_back(std::move(closed));
    else print_event(closed, flags.format, array, feed);
  });
  ingest_paths(
      flags.input.paths, sopts.pipeline.ingest, [&](Article&& a) { stream.add(std::move(a)); },
      // Reported as they happen: the stream may be endless.
      [&](Problem&& p) { code = std::max(code, report_problems({std::move(p)}, flags.input.quiet)); });
  stream.finish();
  sort_events(held, flags.sort);
  for (const ClosedWithBrief& e : held) print_event(e, flags.format, array, feed);
  if (flags.format == "json") std::cout << array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  if (flags.format == "atom") {
    if (feed.updated.empty()) feed.updated = "1970-01-01T00:00:00Z";
    std::cout << render_atom(feed);
  }
  const StreamStats& st = stream.stats();
  if (!flags.input.quiet) {
    std::cerr << "chorus: " << st.articles << " articles, " << st.duplicates << " syndicated copies, " << st.events
              << (st.events == 1 ? " event (" : " events (") << st.merges << " merged), at most " << st.peak_live_events << " live at once\n";
  }
  if (stream.stats().articles == 0) {
    std::cerr << "chorus: no article to cluster\n";
    return kExitFailure;
  }
  return finish_output(code);
}

struct ClusterEvalFlags {
  std::string docs, models, folders, input, gold_field = "event", export_docs, format = "auto";
  bool no_dates = false, verbose = false;
  std::string half = "all";
  ClusterOptions opts;
};

// Each predicted event that mixes gold events, with how many articles of each.
void print_mixed_events(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  std::map<std::string, std::map<std::string, std::size_t>> by_event;
  for (std::size_t i = 0; i < gold.size(); ++i) ++by_event[predicted[i]][gold[i]];
  for (const auto& [event, golds] : by_event) {
    if (golds.size() < 2) continue;
    std::printf("  event %s mixes", event.c_str());
    for (const auto& [g, n] : golds) std::printf(" %s x%zu", g.c_str(), n);
    std::printf("\n");
  }
}

// Each subfolder of `dir` is one gold event: every article read under it (any depth, any
// format the readers know) is labelled with the subfolder's name.
bool read_event_folders(const ClusterEvalFlags& f, std::vector<Document>& docs, std::vector<std::string>& gold) {
  std::error_code ec;
  std::vector<std::filesystem::path> events;
  for (const auto& e : std::filesystem::directory_iterator(f.folders, ec)) {
    if (e.is_directory()) events.push_back(e.path());
  }
  if (ec) {
    std::cerr << "chorus: " << f.folders << ": " << ec.message() << "\n";
    return false;
  }
  std::sort(events.begin(), events.end());
  InputFlags input;
  input.format = f.format;
  for (const auto& dir : events) {
    LoadedCorpus corpus = load_documents({dir.string()}, pipeline_options(input));
    report_problems(corpus.problems, false);
    for (Document& d : corpus.documents) {
      d.article.id = static_cast<int>(docs.size()) + 1;
      docs.push_back(std::move(d));
      gold.push_back(dir.filename().string());
    }
  }
  return true;
}

// Writes each article's cleaned text as DIR/<gold>__<NNNNN>.txt: one folder of plain files,
// what the peer clusterers read, with the gold label recoverable from the name.
void export_flat(const std::vector<Document>& docs, const std::vector<std::string>& gold, const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string n = std::to_string(i + 1);
    n.insert(0, n.size() < 5 ? 5 - n.size() : 0, '0');
    std::ofstream(std::filesystem::path(dir) / (gold[i] + "__" + n + ".txt")) << docs[i].article.title << "\n\n"
                                                                               << docs[i].clean.text << "\n";
  }
}

// Keeps the gold events of one half: sorted by name, the even-numbered ones are the tune
// half, the odd-numbered ones the test half (so a rule tuned on one is checked on the other).
void keep_half(const std::string& half, std::vector<Document>& docs, std::vector<std::string>& gold) {
  std::vector<std::string> names(gold);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<Document> kept_docs;
  std::vector<std::string> kept_gold;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto rank = std::lower_bound(names.begin(), names.end(), gold[i]) - names.begin();
    if ((rank % 2 == 0) != (half == "tune")) continue;
    kept_docs.push_back(std::move(docs[i]));
    kept_gold.push_back(std::move(gold[i]));
  }
  docs = std::move(kept_docs);
  gold = std::move(kept_gold);
}

int run_cluster_eval(const ClusterEvalFlags& f) {
  std::vector<Document> docs;
  std::vector<std::string> gold;
  if (!f.docs.empty()) {
    Result<std::vector<EvalCluster>> clusters = read_duc(f.docs, f.models);
    if (!clusters.ok()) {
      std::cerr << "chorus: " << clusters.status().to_string() << "\n";
      return kExitFailure;
    }
    int id = 0;
    for (const EvalCluster& c : *clusters) {
      for (Article a : c.articles) {
        a.id = ++id;
        docs.push_back(process_article(std::move(a)));
        gold.push_back(c.id);
      }
    }
  } else if (!f.folders.empty()) {
    if (!read_event_folders(f, docs, gold)) return kExitFailure;
  } else {
    LoadedCorpus corpus = load_documents({f.input});
    report_problems(corpus.problems, false);
    // Gold labels: the named field of each JSONL line the article came from.
    std::ifstream in(f.input);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    simdjson::dom::parser parser;
    for (Document& d : corpus.documents) {
      std::string label;
      simdjson::dom::element el;
      std::string_view sv;
      int64_t n;
      if (d.article.line && !parser.parse(lines[d.article.line - 1]).get(el)) {
        if (!el[f.gold_field].get_string().get(sv)) label = std::string(sv);
        else if (!el[f.gold_field].get_int64().get(n)) label = std::to_string(n);
      }
      if (label.empty()) {
        std::cerr << "chorus: " << d.article.path << ":" << d.article.line << ": no \"" << f.gold_field << "\" label; skipped\n";
        continue;
      }
      gold.push_back(label);
      docs.push_back(std::move(d));
    }
  }
  if (f.half != "all") keep_half(f.half, docs, gold);
  if (docs.empty()) {
    std::cerr << "chorus: nothing to evaluate\n";
    return kExitFailure;
  }
  // A stream arrives in publication order (undated articles last, input order on ties).
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::string& da = docs[a].article.date;
    const std::string& db = docs[b].article.date;
    return (da.empty() ? "9999" : da) < (db.empty() ? "9999" : db);
  });
  if (!f.export_docs.empty()) export_flat(docs, gold, f.export_docs);
  // Still in publication order, but the clusterer cannot see when each was published.
  if (f.no_dates) {
    for (Document& d : docs) d.article.date.clear();
  }
  EventClusterer clusterer(f.opts);
  std::vector<std::string> predicted(docs.size());
  std::vector<int> placed(docs.size());
  for (std::size_t i : order) placed[i] = clusterer.add(docs[i]).event;
  // Merges after an article was placed move it: label each with its event's final id.
  for (std::size_t i = 0; i < docs.size(); ++i) predicted[i] = std::to_string(clusterer.resolve(placed[i]));
  BCubed b = b_cubed(gold, predicted);
  if (f.verbose) print_mixed_events(gold, predicted);
  std::printf("articles %zu  gold events %zu\npredicted events %4zu  B-cubed precision %.4f  recall %.4f  F1 %.4f\n",
              docs.size(), b.gold_events, b.predicted_events, b.precision, b.recall, b.f1);
  return kExitOk;
}

}  // namespace

Runner add_events_command(CLI::App& app) {
  auto flags = std::make_shared<EventsFlags>();
  CLI::App* cmd = app.add_subcommand("events", "Group a stream of articles into events (input order)");
  add_input_flags(*cmd, flags->input);
  add_cluster_flags(*cmd, flags->opts);
  cmd->add_option("-f,--format", flags->format,
                  "text (default), jsonl (one event per line, as each closes), json (one array, at the end) or atom (a feed, with briefs)")
      ->check(CLI::IsMember({"text", "jsonl", "json", "atom"}));
  cmd->add_option("--sort", flags->sort, "size (biggest first) or time (newest first); events then print when the input ends")
      ->check(CLI::IsMember({"size", "time"}));
  cmd->add_flag("--briefs", flags->briefs, "Write each event's brief too");
  cmd->add_option("--brief-words", flags->brief_words, "Digest length of each brief (default 120)");
  cmd->add_option("-j,--threads", flags->threads, "Worker threads for cleaning and segmenting, beside the clustering thread (0 = cores - 1)")
      ->check(CLI::Range(0, 256));
  return [flags]() { return run_events(*flags); };
}

Runner add_cluster_eval_command(CLI::App& eval) {
  auto f = std::make_shared<ClusterEvalFlags>();
  CLI::App* cmd = eval.add_subcommand("clustering", "B-cubed of chorus's events against gold event labels");
  cmd->add_option("--docs", f->docs, "DUC: folder of cluster folders (the folder is the gold event)");
  cmd->add_option("--models", f->models, "DUC: folder of reference summaries (clusters without one are left out)");
  cmd->add_option("--folders", f->folders, "Folder of event folders: each subfolder's articles are one gold event");
  cmd->add_option("--input-format", f->format, "With --folders: auto, text, jsonl or html (default: by extension)")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
  cmd->add_option("--input", f->input, "JSONL articles carrying a gold label field");
  cmd->add_option("--gold-field", f->gold_field, "Name of the gold label field (default event)");
  cmd->add_option("--export-docs", f->export_docs, "Also write every article as DIR/<gold>__NNNNN.txt (for peer clusterers)");
  cmd->add_option("--half", f->half, "all (default), tune (even-numbered gold events by name) or test (odd-numbered)")
      ->check(CLI::IsMember({"all", "tune", "test"}));
  cmd->add_flag("--no-dates", f->no_dates, "Withhold the dates: articles still arrive in date order");
  cmd->add_flag("-v,--verbose", f->verbose, "Also list each predicted event that mixes gold events");
  add_cluster_flags(*cmd, f->opts);
  return [f]() { return run_cluster_eval(*f); };
}

}  // namespace chorus::cli
