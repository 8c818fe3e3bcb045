// The writer: articles in, events and their history out, one transaction per batch.
#include "chorus/store.h"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <map>
#include <optional>
#include <set>

#include <oneapi/tbb/parallel_for.h>

#include "chorus/outlets.h"
#include "base/string_util.h"
#include "chorus/pipeline.h"
#include "chorus/render.h"
#include "render/render_internal.h"
#include "store/store_internal.h"
#include "text/tokenize.h"

namespace chorus {

using internal::Database;
using internal::Statement;

namespace internal {

Status create_schema(Database& db) {
  // Every table names what one row is; NOT NULL wherever chorus always has a value.
  return db.exec(R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', 1), ('generation', 0);
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY, content_hash INTEGER NOT NULL UNIQUE,
  path TEXT NOT NULL, line INTEGER NOT NULL, title TEXT NOT NULL, outlet TEXT NOT NULL,
  byline TEXT NOT NULL, date TEXT NOT NULL, url TEXT NOT NULL,
  text TEXT NOT NULL, header_spans TEXT NOT NULL, clean_text TEXT NOT NULL,
  event_id INTEGER NOT NULL, duplicate_of INTEGER, ingested_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_event ON articles(event_id, id);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, headline TEXT NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL,
  articles INTEGER NOT NULL, outlets INTEGER NOT NULL, version INTEGER NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, merged_into INTEGER,
  search_text TEXT NOT NULL, brief_json TEXT NOT NULL, page_html TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_newest ON events(last_date DESC, id DESC);
CREATE TABLE IF NOT EXISTS brief_history(
  event_id INTEGER NOT NULL, version INTEGER NOT NULL, recorded_at TEXT NOT NULL,
  articles INTEGER NOT NULL, headline TEXT NOT NULL, digest TEXT NOT NULL,
  PRIMARY KEY(event_id, version));
CREATE TABLE IF NOT EXISTS figures(
  event_id INTEGER NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, value REAL NOT NULL,
  qualifier TEXT NOT NULL, status TEXT NOT NULL, previous REAL, summary TEXT NOT NULL,
  sources INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS figures_by_event ON figures(event_id);
CREATE TABLE IF NOT EXISTS figure_history(
  event_id INTEGER NOT NULL, version INTEGER NOT NULL, recorded_at TEXT NOT NULL, as_of TEXT NOT NULL,
  kind TEXT NOT NULL, subject TEXT NOT NULL, value REAL NOT NULL, previous REAL,
  status TEXT NOT NULL, summary TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS figure_history_by_event ON figure_history(event_id, version);
CREATE TABLE IF NOT EXISTS quotes(
  event_id INTEGER NOT NULL, speaker TEXT NOT NULL, text TEXT NOT NULL, sources INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_by_event ON quotes(event_id);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url);
CREATE TABLE IF NOT EXISTS feeds(
  url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,
  failures INTEGER NOT NULL, polled_at TEXT NOT NULL);
)sql");
}

Article article_from_row(const Statement& row) {
  Article a;
  a.id = static_cast<int>(row.column_int(0));
  a.path = row.column_text(1);
  a.line = static_cast<std::size_t>(row.column_int(2));
  a.title = row.column_text(3);
  a.outlet = row.column_text(4);
  a.byline = row.column_text(5);
  a.date = row.column_text(6);
  a.url = row.column_text(7);
  a.text = row.column_text(8);
  const std::string spans = row.column_text(9);
  for (std::size_t pos = 0; pos < spans.size();) {
    std::size_t comma = spans.find(',', pos);
    if (comma == std::string::npos) comma = spans.size();
    const std::string one = spans.substr(pos, comma - pos);
    const std::size_t dash = one.find('-');
    if (dash != std::string::npos) {
      a.header_spans.push_back(Span{static_cast<std::uint32_t>(std::stoul(one.substr(0, dash))),
                                    static_cast<std::uint32_t>(std::stoul(one.substr(dash + 1)))});
    }
    pos = comma + 1;
  }
  return a;
}

std::string spans_to_text(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) {
    if (!out.empty()) out += ',';
    out += std::to_string(s.begin) + "-" + std::to_string(s.end);
  }
  return out;
}

std::string search_folded(std::string_view text) { return lower_word(text); }

}  // namespace internal

namespace {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Re-ingesting the same article is a no-op: the key is its title and text.
std::int64_t content_hash(const Article& a) {
  return static_cast<std::int64_t>(internal::hash64(a.title + "\x1f" + a.text));
}

// Which stored figure a new one continues: the identity extract_facts gives figures (kind
// and group, and the value for kinds where each value is its own fact).
std::string figure_key(FigureKind kind, std::string_view subject, double value) {
  std::string key(figure_kind_name(kind));
  key.append("|").append(subject);
  if (!is_revisable_quantity(kind)) key.append("|").append(std::to_string(value));
  return key;
}

struct OldFigure {
  double value = 0;
  std::string status;
};

}  // namespace

struct Store::Impl {
  Database db;
  StoreOptions opts;
  std::unique_ptr<EventClusterer> clusterer;
  int last_article = 0;  // the highest article id the clusterer has seen

  Status prepare() {
    CHORUS_RETURN_IF_ERROR(internal::create_schema(db));
    clusterer = std::make_unique<EventClusterer>(opts.cluster);
    last_article = 0;
    return replay_new_articles();
  }

  // Feeds the clusterer the stored articles it has not seen (all of them when opening;
  // then those another process added), in id order: the order they were first added.
  // Each goes back into the event it was stored in (merges moved articles to the
  // survivor), so event ids are permanent: a later run with other options, or another
  // version of chorus, places only new articles. Articles are cleaned and featurised on
  // all cores, a chunk at a time; the clusterer takes them in order on this thread.
  Status replay_new_articles() {
    Statement q = db.prepare(std::string("SELECT ") + internal::kArticleColumns +
                             ", event_id, duplicate_of FROM articles WHERE id > ? ORDER BY id");
    q.bind(1, last_article);
    PipelineOptions popts;
    popts.keep_source_text = false;
    constexpr std::size_t kChunk = 1024;
    std::vector<Article> chunk;
    std::vector<Placement> placed;
    std::vector<ArticleFeatures> features;
    auto feed = [&] {
      features.assign(chunk.size(), ArticleFeatures{});
      tbb::parallel_for(std::size_t{0}, chunk.size(), [&](std::size_t i) {
        features[i] = article_features(process_article(std::move(chunk[i]), popts), opts.cluster);
      });
      for (std::size_t i = 0; i < features.size(); ++i) {
        last_article = features[i].id;
        clusterer->restore(std::move(features[i]), placed[i]);
        clusterer->drain_retired();
      }
      chunk.clear();
      placed.clear();
    };
    // event_id and duplicate_of follow kArticleColumns' ten columns.
    const int kEventColumn = static_cast<int>(std::count(internal::kArticleColumns,
                                                         internal::kArticleColumns + std::strlen(internal::kArticleColumns), ',')) + 1;
    while (q.step()) {
      chunk.push_back(internal::article_from_row(q));
      placed.push_back(Placement{static_cast<int>(q.column_int(kEventColumn)),
                                 q.column_null(kEventColumn + 1) ? 0 : static_cast<int>(q.column_int(kEventColumn + 1))});
      if (chunk.size() == kChunk) feed();
    }
    feed();
    if (!q.error().empty()) return Status(StatusCode::kIoError, "replaying stored articles: " + q.error());
    return Status();
  }

  Status add_batch(std::vector<Article>& batch, StoreStats& stats, std::vector<StoredArticle>& out);
  Status apply_merge(int from, int into, const std::string& now, std::set<int>& affected);
  Status refresh_event(int id, const std::map<int, const Document*>& batch_docs, const std::map<int, Event>& live,
                       const std::string& now, StoreStats& stats);
  std::string history_html(int id);
};

Status Store::Impl::apply_merge(int from, int into, const std::string& now, std::set<int>& affected) {
  Statement move = db.prepare("UPDATE articles SET event_id = ? WHERE event_id = ?");
  if (!move.bind(1, into).bind(2, from).run()) return Status(StatusCode::kIoError, move.error());
  Statement mark = db.prepare("UPDATE events SET merged_into = ?, updated_at = ? WHERE id = ?");
  if (!mark.bind(1, into).bind(2, now).bind(3, from).run()) return Status(StatusCode::kIoError, mark.error());
  // Events merged before into `from` now point at the survivor too.
  Statement chain = db.prepare("UPDATE events SET merged_into = ? WHERE merged_into = ?");
  if (!chain.bind(1, into).bind(2, from).run()) return Status(StatusCode::kIoError, chain.error());
  affected.erase(from);
  affected.insert(into);
  return Status();
}

Status Store::Impl::add_batch(std::vector<Article>& batch, StoreStats& stats, std::vector<StoredArticle>& out) {
  CHORUS_RETURN_IF_ERROR(replay_new_articles());  // inside the write lock: nobody adds meanwhile
  const std::string now = utc_now();
  Statement find = db.prepare("SELECT id, event_id, duplicate_of FROM articles WHERE content_hash = ?");
  Statement insert = db.prepare(
      "INSERT INTO articles(id, content_hash, path, line, title, outlet, byline, date, url, text, header_spans, "
      "clean_text, event_id, duplicate_of, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  std::map<int, Document> docs;
  std::set<int> affected;
  std::vector<std::pair<int, int>> merges;  // (absorbed, absorber)
  const std::size_t first_out = out.size();
  for (Article& a : batch) {
    const std::int64_t hash = content_hash(a);
    find.bind(1, hash);
    if (find.step()) {
      out.push_back(StoredArticle{static_cast<int>(find.column_int(0)), static_cast<int>(find.column_int(1)),
                                  static_cast<int>(find.column_int(2)), true});
      ++stats.already_stored;
      find.reset();
      continue;
    }
    find.reset();
    a.id = last_article + 1;
    Document doc = process_article(std::move(a));
    const Placement placed = clusterer->add(doc);
    last_article = doc.article.id;
    for (const Event& gone : clusterer->drain_retired()) {
      if (gone.merged_into != 0) merges.emplace_back(gone.id, gone.merged_into);
    }
    const int event = clusterer->resolve(placed.event);
    const Article& art = doc.article;
    insert.bind(1, art.id).bind(2, hash).bind(3, art.path).bind(4, static_cast<std::int64_t>(art.line)).bind(5, art.title);
    insert.bind(6, art.outlet).bind(7, art.byline).bind(8, art.date).bind(9, art.url).bind(10, art.text);
    insert.bind(11, internal::spans_to_text(art.header_spans)).bind(12, doc.clean.text).bind(13, event);
    if (placed.duplicate_of != 0) insert.bind(14, placed.duplicate_of);
    else insert.bind_null(14);
    insert.bind(15, now);
    if (!insert.run()) return Status(StatusCode::kIoError, "storing an article: " + insert.error());
    out.push_back(StoredArticle{art.id, event, placed.duplicate_of, false});
    ++stats.added;
    if (placed.duplicate_of != 0) ++stats.copies;
    affected.insert(event);
    docs.emplace(art.id, std::move(doc));
  }
  for (const auto& [from, into] : merges) {
    CHORUS_RETURN_IF_ERROR(apply_merge(from, clusterer->resolve(into), now, affected));
    ++stats.merges;
  }
  for (std::size_t i = first_out; i < out.size(); ++i) out[i].event_id = clusterer->resolve(out[i].event_id);
  std::map<int, Event> live;
  for (Event& e : clusterer->events()) {
    if (affected.count(e.id)) live.emplace(e.id, std::move(e));
  }
  std::map<int, const Document*> batch_docs;
  for (const auto& [id, doc] : docs) batch_docs.emplace(id, &doc);
  std::set<int> refreshed;
  for (int id : affected) {
    const int now_id = clusterer->resolve(id);
    if (!refreshed.insert(now_id).second) continue;
    CHORUS_RETURN_IF_ERROR(refresh_event(now_id, batch_docs, live, now, stats));
  }
  return db.exec("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
}

std::string Store::Impl::history_html(int id) {
  std::string out = "<section id=\"history\"><h2>History</h2><ul>\n";
  Statement versions = db.prepare(
      "SELECT version, recorded_at, articles, headline FROM brief_history WHERE event_id = ? ORDER BY version DESC LIMIT 30");
  versions.bind(1, id);
  Statement figures = db.prepare(
      "SELECT kind, subject, summary, previous, value FROM figure_history WHERE event_id = ? AND version = ? "
      "ORDER BY kind, subject");
  for (bool newest = true; versions.step(); newest = false) {
    const std::int64_t version = versions.column_int(0);
    out += "<li><strong>v" + std::to_string(version) + "</strong> <span class=\"meta\">" +
           escape_html(versions.column_text(1)) + " &middot; " + std::to_string(versions.column_int(2)) +
           " article" + (versions.column_int(2) == 1 ? "" : "s") + "</span>";
    // Every version but the newest (this page) links to what changed since it.
    if (!newest) {
      out += " <a href=\"/events/" + std::to_string(id) + "?since=" + std::to_string(version) + "\">new since v" +
             std::to_string(version) + "</a>";
    }
    std::string changes;
    figures.bind(1, id).bind(2, version);
    while (figures.step()) {
      std::string kind = figures.column_text(0);
      if (!figures.column_text(1).empty()) kind += " (" + figures.column_text(1) + ")";
      std::string note = " <span class=\"meta\">(new)</span>";
      if (!figures.column_null(3)) {
        const double previous = figures.column_double(3);
        note = previous == figures.column_double(4)
                   ? std::string()  // the same value, a new status: the summary says which
                   : " <span class=\"meta\">(was " + internal::format_number(previous) + ")</span>";
      }
      changes += "<li>" + escape_html(kind) + ": " + escape_html(figures.column_text(2)) + note + "</li>";
    }
    figures.reset();
    if (!changes.empty()) out += "<ul>" + changes + "</ul>";
    out += "</li>\n";
  }
  return out + "</ul></section>\n";
}

Status Store::Impl::refresh_event(int id, const std::map<int, const Document*>& batch_docs,
                                  const std::map<int, Event>& live, const std::string& now, StoreStats& stats) {
  // The event's articles, as documents: this batch's are at hand, older ones are read again.
  std::vector<Document> docs;
  Statement rows = db.prepare(std::string("SELECT ") + internal::kArticleColumns + " FROM articles WHERE event_id = ? ORDER BY id");
  rows.bind(1, id);
  while (rows.step()) {
    const int article = static_cast<int>(rows.column_int(0));
    auto it = batch_docs.find(article);
    docs.push_back(it != batch_docs.end() ? *it->second : process_article(internal::article_from_row(rows)));
  }
  if (!rows.error().empty()) return Status(StatusCode::kIoError, rows.error());
  if (docs.empty()) return Status();
  Result<Brief> made = make_brief(docs, opts.brief);
  Brief brief = made.ok() ? std::move(*made) : Brief{};

  OutletTally outlets;
  std::string first, last, search;
  for (const Document& d : docs) {
    outlets.add(d.article.outlet);
    if (!d.article.date.empty() && (first.empty() || d.article.date < first)) first = d.article.date;
    if (d.article.date > last) last = d.article.date;
    search += d.article.title + " " + d.article.outlet + " ";
  }
  auto ev = live.find(id);
  std::string headline = ev != live.end() ? ev->second.headline : std::string();
  headline = event_title(headline, brief);  // never a count the facts show as replaced
  if (headline.empty()) headline = docs.front().article.title;
  for (const Entity& e : brief.facts.entities) search += e.name + " ";

  Statement old = db.prepare("SELECT version FROM events WHERE id = ?");
  old.bind(1, id);
  const bool exists = old.step();
  const int version = exists ? static_cast<int>(old.column_int(0)) + 1 : 1;
  old.reset();
  if (exists) ++stats.events_updated;
  else ++stats.events_created;

  // History first, so the page can show it.
  std::string digest;
  for (const BriefSentence& s : brief.digest) digest += s.text + "\n";
  Statement hist = db.prepare(
      "INSERT INTO brief_history(event_id, version, recorded_at, articles, headline, digest) VALUES (?,?,?,?,?,?)");
  hist.bind(1, id).bind(2, version).bind(3, now).bind(4, static_cast<std::int64_t>(docs.size())).bind(5, headline).bind(6, digest);
  if (!hist.run()) return Status(StatusCode::kIoError, hist.error());

  std::map<std::string, OldFigure> before;
  Statement prev = db.prepare("SELECT kind, subject, value, status FROM figures WHERE event_id = ?");
  prev.bind(1, id);
  while (prev.step()) {
    const std::optional<FigureKind> kind = parse_figure_kind(prev.column_text(0));
    if (kind) before[figure_key(*kind, prev.column_text(1), prev.column_double(2))] = {prev.column_double(2), prev.column_text(3)};
  }
  Statement clear_figures = db.prepare("DELETE FROM figures WHERE event_id = ?");
  if (!clear_figures.bind(1, id).run()) return Status(StatusCode::kIoError, clear_figures.error());
  Statement add_figure = db.prepare(
      "INSERT INTO figures(event_id, kind, subject, value, qualifier, status, previous, summary, sources) VALUES (?,?,?,?,?,?,?,?,?)");
  Statement add_change = db.prepare(
      "INSERT INTO figure_history(event_id, version, recorded_at, as_of, kind, subject, value, previous, status, summary) "
      "VALUES (?,?,?,?,?,?,?,?,?,?)");
  for (const Figure& f : brief.facts.figures) {
    const std::string kind(figure_kind_name(f.kind));
    const std::string status(figure_status_name(f.status));
    const std::string summary = internal::figure_summary(f);
    add_figure.bind(1, id).bind(2, kind).bind(3, f.subject).bind(4, f.value).bind(5, f.qualifier).bind(6, status);
    if (std::isnan(f.previous)) add_figure.bind_null(7);
    else add_figure.bind(7, f.previous);
    add_figure.bind(8, summary).bind(9, static_cast<std::int64_t>(f.sources.size()));
    if (!add_figure.run()) return Status(StatusCode::kIoError, add_figure.error());
    // A change: a new figure, a new value, or a new status ("agreed" -> "conflict").
    auto was = before.find(figure_key(f.kind, f.subject, f.value));
    if (was != before.end() && was->second.value == f.value && was->second.status == status) continue;
    add_change.bind(1, id).bind(2, version).bind(3, now).bind(4, last).bind(5, kind).bind(6, f.subject).bind(7, f.value);
    if (was == before.end()) add_change.bind_null(8);
    else add_change.bind(8, was->second.value);
    add_change.bind(9, status).bind(10, summary);
    if (!add_change.run()) return Status(StatusCode::kIoError, add_change.error());
  }
  Statement clear_quotes = db.prepare("DELETE FROM quotes WHERE event_id = ?");
  if (!clear_quotes.bind(1, id).run()) return Status(StatusCode::kIoError, clear_quotes.error());
  Statement add_quote = db.prepare("INSERT INTO quotes(event_id, speaker, text, sources) VALUES (?,?,?,?)");
  for (const Quote& q : brief.facts.quotes) {
    add_quote.bind(1, id).bind(2, q.speaker).bind(3, q.text).bind(4, static_cast<std::int64_t>(q.sources.size()));
    if (!add_quote.run()) return Status(StatusCode::kIoError, add_quote.error());
  }

  HtmlOptions page;
  page.nav_html = "<nav><a href=\"/\">&larr; all events</a> &middot; <a href=\"/api/events/" + std::to_string(id) +
                  "\">JSON</a></nav>\n";
  page.extra_html = history_html(id);
  Statement upsert = db.prepare(R"sql(
INSERT INTO events(id, headline, first_date, last_date, articles, outlets, version, created_at, updated_at,
                   merged_into, search_text, brief_json, page_html)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, NULL, ?9, ?10, ?11)
ON CONFLICT(id) DO UPDATE SET headline = ?2, first_date = ?3, last_date = ?4, articles = ?5, outlets = ?6,
  version = ?7, updated_at = ?8, merged_into = NULL, search_text = ?9, brief_json = ?10, page_html = ?11)sql");
  upsert.bind(1, id).bind(2, headline).bind(3, first).bind(4, last).bind(5, static_cast<std::int64_t>(docs.size()));
  upsert.bind(6, static_cast<std::int64_t>(outlets.size())).bind(7, version).bind(8, now);
  upsert.bind(9, internal::search_folded(search)).bind(10, internal::render_json(brief, {}, -1));
  upsert.bind(11, render_brief_html(brief, docs, page));
  if (!upsert.run()) return Status(StatusCode::kIoError, upsert.error());
  return Status();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const StoreOptions& opts) {
  auto impl = std::make_unique<Impl>();
  CHORUS_ASSIGN_OR_RETURN(impl->db, Database::open(path, false));
  impl->opts = opts;
  if (impl->opts.batch_articles == 0) impl->opts.batch_articles = 1;
  Status s = impl->prepare();
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::vector<StoredArticle>> Store::add(std::vector<Article> articles, StoreStats& stats) {
  std::vector<StoredArticle> out;
  Impl& s = *impl_;
  for (std::size_t begin = 0; begin < articles.size(); begin += s.opts.batch_articles) {
    const std::size_t end = std::min(articles.size(), begin + s.opts.batch_articles);
    std::vector<Article> batch(std::make_move_iterator(articles.begin() + static_cast<std::ptrdiff_t>(begin)),
                               std::make_move_iterator(articles.begin() + static_cast<std::ptrdiff_t>(end)));
    // IMMEDIATE: take the write lock now, so no other writer slips in after our replay.
    CHORUS_RETURN_IF_ERROR(s.db.exec("BEGIN IMMEDIATE"));
    StoreStats batch_stats;
    const std::size_t kept = out.size();
    Status st = s.add_batch(batch, batch_stats, out);
    if (st.ok()) st = s.db.exec("COMMIT");
    if (!st.ok()) {
      s.db.exec("ROLLBACK");
      out.resize(kept);
      // The clusterer saw articles that were not stored: start it again from the database.
      Status again = s.prepare();
      return Status(st.code(), st.message() + (again.ok() ? "" : "; " + again.message()));
    }
    stats.added += batch_stats.added;
    stats.already_stored += batch_stats.already_stored;
    stats.copies += batch_stats.copies;
    stats.events_created += batch_stats.events_created;
    stats.events_updated += batch_stats.events_updated;
    stats.merges += batch_stats.merges;
  }
  return out;
}

std::int64_t Store::article_count() const {
  Statement q = impl_->db.prepare("SELECT count(*) FROM articles");
  return q.step() ? q.column_int(0) : 0;
}

bool Store::has_article_url(const std::string& url) const {
  if (url.empty()) return false;
  Statement q = impl_->db.prepare("SELECT 1 FROM articles WHERE url = ? LIMIT 1");
  q.bind(1, url);
  return q.step();
}

FeedState Store::feed_state(const std::string& url) const {
  FeedState state;
  state.url = url;
  Statement q = impl_->db.prepare("SELECT etag, last_modified, failures, polled_at FROM feeds WHERE url = ?");
  q.bind(1, url);
  if (q.step()) {
    state.etag = q.column_text(0);
    state.last_modified = q.column_text(1);
    state.failures = static_cast<int>(q.column_int(2));
    state.polled_at = q.column_text(3);
  }
  return state;
}

Status Store::save_feed_state(const FeedState& state) {
  Statement q = impl_->db.prepare(R"sql(
INSERT INTO feeds(url, etag, last_modified, failures, polled_at) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3, failures = ?4, polled_at = ?5)sql");
  q.bind(1, state.url).bind(2, state.etag).bind(3, state.last_modified).bind(4, static_cast<std::int64_t>(state.failures));
  q.bind(5, state.polled_at);
  if (!q.run()) return Status(StatusCode::kIoError, q.error());
  return Status();
}

std::int64_t Store::event_count() const {
  Statement q = impl_->db.prepare("SELECT count(*) FROM events WHERE merged_into IS NULL");
  return q.step() ? q.column_int(0) : 0;
}

}  // namespace chorus
