// The reader: what the server asks of the database, as JSON and HTML. Prepared once per
// connection; a reader belongs to one thread at a time.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <sstream>

#include "chorus/pipeline.h"
#include "chorus/render.h"
#include "chorus/store.h"
#include "store/store_internal.h"

namespace chorus {

using internal::Database;
using internal::Statement;
using Json = nlohmann::ordered_json;

namespace {

// Every query word (up to kMaxQueryWords) must appear in an event's search text.
constexpr int kQueryWords = kMaxQueryWords;

constexpr const char* kEventFilter =
    " FROM events WHERE merged_into IS NULL AND (?1 = '' OR last_date >= ?1)"
    " AND (?2 = '' OR instr(search_text, ?2) > 0) AND (?3 = '' OR instr(search_text, ?3) > 0)"
    " AND (?4 = '' OR instr(search_text, ?4) > 0) AND (?5 = '' OR instr(search_text, ?5) > 0)";

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

void bind_filter(Statement& q, const EventQuery& query) {
  q.bind(1, query.since);
  std::istringstream words(internal::search_folded(query.q));
  std::string w;
  for (int i = 0; i < kQueryWords; ++i) {
    if (!(words >> w)) w.clear();
    q.bind(2 + i, w);
  }
}

}  // namespace

struct StoreReader::Impl {
  Database db;
  Statement generation, list, count, event, page, merged, article, history, figure_history, event_articles, brief;

  Status prepare() {
    generation = db.prepare("SELECT value FROM meta WHERE key = 'generation'");
    list = db.prepare(std::string("SELECT id, headline, first_date, last_date, updated_at, articles, outlets, version") +
                      kEventFilter + " ORDER BY last_date DESC, id DESC LIMIT ?6 OFFSET ?7");
    count = db.prepare(std::string("SELECT count(*)") + kEventFilter);
    event = db.prepare(
        "SELECT id, headline, first_date, last_date, articles, outlets, version, created_at, updated_at, merged_into, "
        "brief_json FROM events WHERE id = ?");
    page = db.prepare("SELECT page_html FROM events WHERE id = ? AND merged_into IS NULL");
    merged = db.prepare("SELECT merged_into FROM events WHERE id = ?");
    article = db.prepare(std::string("SELECT ") + internal::kArticleColumns +
                         ", event_id, duplicate_of, ingested_at, clean_text FROM articles WHERE id = ?");
    history = db.prepare(
        "SELECT version, recorded_at, articles, headline, digest FROM brief_history WHERE event_id = ? ORDER BY version");
    figure_history = db.prepare(
        "SELECT version, recorded_at, as_of, kind, subject, value, previous, status, summary FROM figure_history "
        "WHERE event_id = ? ORDER BY version, kind, subject");
    event_articles = db.prepare(
        "SELECT id, title, outlet, date, url, duplicate_of FROM articles WHERE event_id = ? ORDER BY id");
    brief = db.prepare("SELECT brief_json FROM events WHERE id = ?");
    for (const Statement* s : {&generation, &list, &count, &event, &page, &merged, &article, &history, &figure_history,
                               &event_articles, &brief}) {
      if (!s->valid()) return Status(StatusCode::kDataLoss, "not a chorus database (" + db.last_error() + ")");
    }
    return Status();
  }
};

StoreReader::StoreReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoreReader::~StoreReader() = default;

Result<std::unique_ptr<StoreReader>> StoreReader::open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  CHORUS_ASSIGN_OR_RETURN(impl->db, Database::open(path, true));
  Status s = impl->prepare();
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return std::unique_ptr<StoreReader>(new StoreReader(std::move(impl)));
}

std::int64_t StoreReader::generation() {
  Statement& q = impl_->generation;
  const std::int64_t g = q.step() ? q.column_int(0) : -1;
  q.reset();
  return g;
}

// The sentence of a stored brief (headline or digest) that holds most of the query's
// words, earlier sentences first among equals: a search result's snippet.
std::string snippet_for(const std::string& brief_json, const std::string& query) {
  const Json brief = Json::parse(brief_json, nullptr, false);
  if (!brief.is_object()) return "";
  std::vector<std::string> words;
  std::istringstream in(internal::search_folded(query));
  for (std::string w; in >> w;) words.push_back(w);
  std::string best;
  std::size_t best_hits = 0;
  auto consider = [&](const Json& sentence) {
    if (!sentence.is_object() || !sentence.contains("text") || !sentence["text"].is_string()) return;
    const std::string text = sentence["text"].get<std::string>();
    const std::string folded = internal::search_folded(text);
    std::size_t hits = 0;
    for (const std::string& w : words) hits += folded.find(w) != std::string::npos;
    if (hits > best_hits) {
      best_hits = hits;
      best = text;
    }
  };
  if (brief.contains("headline")) consider(brief["headline"]);
  for (const Json& s : brief.value("digest", Json::array())) consider(s);
  return best;
}

std::vector<EventSummary> StoreReader::list_events(const EventQuery& query, std::int64_t* total) {
  std::vector<EventSummary> out;
  Statement& q = impl_->list;
  bind_filter(q, query);
  q.bind(6, query.limit).bind(7, query.offset);
  while (q.step()) {
    EventSummary e;
    e.id = static_cast<int>(q.column_int(0));
    e.headline = q.column_text(1);
    e.first_date = q.column_text(2);
    e.last_date = q.column_text(3);
    e.updated_at = q.column_text(4);
    e.articles = static_cast<int>(q.column_int(5));
    e.outlets = static_cast<int>(q.column_int(6));
    e.version = static_cast<int>(q.column_int(7));
    out.push_back(std::move(e));
  }
  q.reset();
  if (!query.q.empty()) {
    Statement& b = impl_->brief;
    for (EventSummary& e : out) {
      b.bind(1, e.id);
      if (b.step()) e.snippet = snippet_for(b.column_text(0), query.q);
      b.reset();
    }
  }
  if (total != nullptr) {
    Statement& c = impl_->count;
    bind_filter(c, query);
    *total = c.step() ? c.column_int(0) : 0;
    c.reset();
  }
  return out;
}

std::string StoreReader::events_json(const EventQuery& query) {
  std::int64_t total = 0;
  Json events = Json::array();
  for (const EventSummary& e : list_events(query, &total)) {
    events.push_back({{"id", e.id},
                      {"headline", e.headline},
                      {"first_date", e.first_date},
                      {"last_date", e.last_date},
                      {"articles", e.articles},
                      {"outlets", e.outlets},
                      {"version", e.version},
                      {"updated_at", e.updated_at},
                      {"url", "/api/events/" + std::to_string(e.id)}});
    if (!query.q.empty()) events.back()["snippet"] = e.snippet;
  }
  Json j = {{"total", total}, {"limit", query.limit}, {"offset", query.offset}, {"events", std::move(events)}};
  return dump(j);
}

std::optional<std::string> StoreReader::event_json(int id) {
  Statement& q = impl_->event;
  q.bind(1, id);
  if (!q.step()) {
    q.reset();
    return std::nullopt;
  }
  Json j = {{"id", q.column_int(0)},         {"headline", q.column_text(1)}, {"first_date", q.column_text(2)},
            {"last_date", q.column_text(3)}, {"size", q.column_int(4)},      {"outlet_count", q.column_int(5)},
            {"version", q.column_int(6)},    {"created_at", q.column_text(7)}, {"updated_at", q.column_text(8)}};
  j["merged_into"] = q.column_null(9) ? Json(nullptr) : Json(q.column_int(9));
  j["brief"] = Json::parse(q.column_text(10), nullptr, false);
  q.reset();
  Statement& a = impl_->event_articles;
  a.bind(1, id);
  j["articles"] = Json::array();
  while (a.step()) {
    Json aj = {{"id", a.column_int(0)}, {"title", a.column_text(1)}, {"outlet", a.column_text(2)},
               {"date", a.column_text(3)}, {"url", a.column_text(4)}};
    aj["copy_of"] = a.column_null(5) ? Json(nullptr) : Json(a.column_int(5));
    j["articles"].push_back(std::move(aj));
  }
  a.reset();
  Statement& h = impl_->history;
  h.bind(1, id);
  j["history"] = Json::array();
  while (h.step()) {
    j["history"].push_back({{"version", h.column_int(0)}, {"recorded_at", h.column_text(1)}, {"articles", h.column_int(2)},
                            {"headline", h.column_text(3)}, {"digest", h.column_text(4)}});
  }
  h.reset();
  Statement& f = impl_->figure_history;
  f.bind(1, id);
  j["figure_history"] = Json::array();
  while (f.step()) {
    Json fj = {{"version", f.column_int(0)}, {"recorded_at", f.column_text(1)}, {"as_of", f.column_text(2)},
               {"kind", f.column_text(3)},   {"subject", f.column_text(4)},     {"value", f.column_double(5)}};
    fj["previous"] = f.column_null(6) ? Json(nullptr) : Json(f.column_double(6));
    fj["status"] = f.column_text(7);
    fj["summary"] = f.column_text(8);
    j["figure_history"].push_back(std::move(fj));
  }
  f.reset();
  return dump(j);
}

namespace {

// The event's articles in the order they joined it, those it had at version `since`
// first (brief_history says how many): what a reader of that version had read.
struct UpdateInput {
  std::vector<Document> known, added;
  int version = 0;
  std::string since_recorded_at;
};

Result<UpdateInput> read_update_input(Database& db, int id, int since) {
  Statement ev = db.prepare("SELECT version FROM events WHERE id = ? AND merged_into IS NULL");
  ev.bind(1, id);
  if (!ev.step()) return Status(StatusCode::kNotFound, "no such event");
  UpdateInput in;
  in.version = static_cast<int>(ev.column_int(0));
  Statement h = db.prepare("SELECT articles, recorded_at FROM brief_history WHERE event_id = ? AND version = ?");
  h.bind(1, id).bind(2, since);
  if (!h.step()) {
    return Status(StatusCode::kInvalidArgument,
                  "event " + std::to_string(id) + " has no version " + std::to_string(since) + " (it is at version " +
                      std::to_string(in.version) + ")");
  }
  const auto known_count = static_cast<std::size_t>(h.column_int(0));
  in.since_recorded_at = h.column_text(1);
  Statement n = db.prepare("SELECT count(*) FROM articles WHERE event_id = ?");
  n.bind(1, id);
  if (n.step() && static_cast<std::size_t>(n.column_int(0)) > StoreReader::kMaxUpdateArticles) {
    return Status(StatusCode::kResourceExhausted, "the event has more than " + std::to_string(StoreReader::kMaxUpdateArticles) +
                                                      " articles: compare its history instead");
  }
  Statement q = db.prepare(std::string("SELECT ") + internal::kArticleColumns + " FROM articles WHERE event_id = ? ORDER BY id");
  q.bind(1, id);
  PipelineOptions popts;
  popts.keep_source_text = false;
  while (q.step()) {
    Document d = process_article(internal::article_from_row(q), popts);
    (in.known.size() < known_count ? in.known : in.added).push_back(std::move(d));
  }
  return in;
}

Result<Brief> update_brief(const UpdateInput& in) {
  if (in.added.empty()) return Status(StatusCode::kEmpty, "nothing new since that version");
  BriefOptions opts;
  opts.known = in.known;
  return make_brief(in.added, opts);
}

}  // namespace

Result<std::string> StoreReader::update_json(int id, int since) {
  CHORUS_ASSIGN_OR_RETURN(UpdateInput in, read_update_input(impl_->db, id, since));
  Json j = {{"id", id}, {"since", since}, {"since_recorded_at", in.since_recorded_at}, {"version", in.version},
            {"known_articles", in.known.size()}, {"new_articles", in.added.size()}};
  Result<Brief> brief = update_brief(in);
  j["update"] = brief.ok() ? Json::parse(render_brief(*brief, RenderFormat::kJson, {}), nullptr, false) : Json(nullptr);
  return dump(j);
}

Result<std::string> StoreReader::update_page(int id, int since) {
  CHORUS_ASSIGN_OR_RETURN(UpdateInput in, read_update_input(impl_->db, id, since));
  const std::string when = "version " + std::to_string(since) + " (" + in.since_recorded_at + ")";
  HtmlOptions page;
  page.nav_html = "<nav><a href=\"/\">&larr; all events</a> &middot; <a href=\"/events/" + std::to_string(id) +
                  "\">the whole event</a></nav>\n<p class=\"since\"><strong>New since " + when + "</strong>: " +
                  std::to_string(in.added.size()) + " articles added to the " + std::to_string(in.known.size()) +
                  " you had read.</p>\n";
  Result<Brief> brief = update_brief(in);
  if (!brief.ok()) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>chorus: nothing new</title></head><body>" +
           page.nav_html + "<p>Nothing new since " + when + ".</p></body></html>\n";
  }
  return render_brief_html(*brief, in.added, page);
}

// A query parameter's value percent-encoded (RFC 3986 unreserved characters kept), so a
// search with spaces or '&' makes a valid feed id and self link.
static std::string percent_encoded(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

std::string StoreReader::events_atom(const EventQuery& query, bool updates, const std::string& base_url) {
  AtomFeed feed;
  std::string params;
  if (!query.q.empty()) params = "q=" + percent_encoded(query.q);
  if (updates) params += (params.empty() ? "" : "&") + std::string("updates=1");
  feed.id = "tag:chorus,2026:events" + (query.q.empty() ? std::string() : "?q=" + percent_encoded(query.q));
  feed.title = query.q.empty() ? "chorus: events" : "chorus: events about " + query.q;
  feed.self = base_url + "/feed.atom" + (params.empty() ? "" : "?" + params);
  feed.alternate = base_url + "/";
  Statement& brief = impl_->brief;
  for (const EventSummary& e : list_events(query)) {
    brief.bind(1, e.id);
    AtomEntry entry = atom_entry_of_json(brief.step() ? brief.column_text(0) : "{}");
    brief.reset();
    entry.id = atom_event_id(e.id);
    entry.title = e.headline;
    entry.published = rfc3339(e.first_date);
    entry.updated = rfc3339(e.updated_at);
    entry.link = base_url + "/events/" + std::to_string(e.id);
    if (feed.updated < entry.updated) feed.updated = entry.updated;
    feed.entries.push_back(std::move(entry));
    if (!updates || e.version < 2) continue;
    Result<UpdateInput> in = read_update_input(impl_->db, e.id, e.version - 1);
    Result<Brief> update = in.ok() ? update_brief(*in) : Result<Brief>(in.status());
    if (!update.ok()) continue;
    AtomEntry u = atom_entry_of(*update);
    u.id = atom_event_id(e.id, e.version);
    u.title = "Updated: " + e.headline;
    u.published = u.updated = rfc3339(e.updated_at);
    u.link = base_url + "/events/" + std::to_string(e.id) + "?since=" + std::to_string(e.version - 1);
    feed.entries.push_back(std::move(u));
  }
  if (feed.updated.empty()) feed.updated = "1970-01-01T00:00:00Z";
  return render_atom(feed);
}

std::optional<std::string> StoreReader::event_page(int id) {
  Statement& q = impl_->page;
  q.bind(1, id);
  std::optional<std::string> out;
  if (q.step()) out = q.column_text(0);
  q.reset();
  return out;
}

int StoreReader::merged_into(int id) {
  Statement& q = impl_->merged;
  q.bind(1, id);
  const int into = q.step() ? static_cast<int>(q.column_int(0)) : 0;
  q.reset();
  return into;
}

std::optional<std::string> StoreReader::article_json(int id) {
  Statement& q = impl_->article;
  q.bind(1, id);
  if (!q.step()) {
    q.reset();
    return std::nullopt;
  }
  Article a = internal::article_from_row(q);
  Json j = {{"id", a.id},         {"title", a.title}, {"outlet", a.outlet}, {"byline", a.byline},
            {"date", a.date},     {"url", a.url},     {"path", a.path},     {"line", a.line},
            {"event_id", q.column_int(10)}};
  j["copy_of"] = q.column_null(11) ? Json(nullptr) : Json(q.column_int(11));
  j["ingested_at"] = q.column_text(12);
  j["clean_text"] = q.column_text(13);
  q.reset();
  // Sentences as the pipeline finds them again: offsets are bytes of `text`.
  const Document doc = process_article(Article(a));
  j["text"] = a.text;
  j["sentences"] = Json::array();
  for (const Sentence& s : doc.sentences) {
    j["sentences"].push_back({{"index", s.index},
                              {"paragraph", s.paragraph},
                              {"begin", s.source.begin},
                              {"end", s.source.end},
                              {"text", doc.sentence_text(s)}});
  }
  return dump(j);
}

std::string StoreReader::health_json() {
  Statement articles = impl_->db.prepare("SELECT count(*) FROM articles");
  Statement events = impl_->db.prepare("SELECT count(*) FROM events WHERE merged_into IS NULL");
  Json j = {{"status", "ok"},
            {"articles", articles.step() ? articles.column_int(0) : 0},
            {"events", events.step() ? events.column_int(0) : 0},
            {"generation", generation()}};
  return dump(j);
}

}  // namespace chorus
