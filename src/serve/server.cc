// The HTTP server: routes, validation, the response cache and the reader pool.
#include "chorus/serve.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <sstream>
#include <unordered_map>
#include <variant>

#include "chorus/ingest.h"
#include "chorus/render.h"

namespace chorus {
namespace {

using Json = nlohmann::ordered_json;

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string location;  // for redirects
};

Reply json_reply(int status, const Json& j) {
  return Reply{status, "application/json", j.dump(-1, ' ', false, Json::error_handler_t::replace), ""};
}

// A JSON body the store already serialised.
Reply json_text(std::string body) { return Reply{200, "application/json", std::move(body), ""}; }

Reply error_reply(int status, const std::string& message) { return json_reply(status, Json{{"error", message}}); }

Reply html_reply(int status, std::string body) { return Reply{status, "text/html; charset=utf-8", std::move(body), ""}; }

// A whole number in [lo, hi], or nullopt (not a number, trailing junk, out of range).
std::optional<int> parse_int(const std::string& s, int lo, int hi) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// The list query from ?since=&q=&limit=&offset=, or the reason it is malformed.
std::variant<EventQuery, std::string> read_event_query(const httplib::Request& req) {
  EventQuery q;
  if (req.has_param("since")) {
    q.since = req.get_param_value("since");
    if (!q.since.empty() && !is_iso_date(q.since)) return std::string("since: expected a date YYYY-MM-DD");
  }
  if (req.has_param("q")) {
    q.q = req.get_param_value("q");
    if (q.q.size() > 200) return std::string("q: at most 200 bytes");
    std::istringstream words(q.q);
    int n = 0;
    for (std::string w; words >> w;) ++n;
    // Every word counts, so more than the search can match are refused, not dropped.
    if (n > kMaxQueryWords) return "q: at most " + std::to_string(kMaxQueryWords) + " words";
  }
  if (req.has_param("limit")) {
    auto v = parse_int(req.get_param_value("limit"), 1, 500);
    if (!v) return std::string("limit: expected a whole number from 1 to 500");
    q.limit = *v;
  }
  if (req.has_param("offset")) {
    auto v = parse_int(req.get_param_value("offset"), 0, 100000000);
    if (!v) return std::string("offset: expected a whole number from 0");
    q.offset = *v;
  }
  return q;
}

// Compares without stopping at the first difference, so timing says nothing of the token.
bool same_secret(std::string_view given, std::string_view token) {
  if (given.size() != token.size() || token.empty()) return false;  // the length may leak; the bytes do not
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ token[i]);
  return diff == 0;
}

std::string events_page(const std::vector<EventSummary>& events, std::int64_t total, const EventQuery& q) {
  std::string body = "<h1>chorus</h1><form class=\"search\" method=\"get\" action=\"/\"><input type=\"search\" name=\"q\" "
                     "aria-label=\"Search events\" placeholder=\"Search events, outlets, names\" value=\"" +
                     escape_html(q.q) + "\"><button type=\"submit\">Search</button></form>\n<p class=\"meta\">" +
                     std::to_string(total) + " event" + (total == 1 ? "" : "s") +
                     (q.q.empty() ? "" : " matching &ldquo;" + escape_html(q.q) + "&rdquo;") + ", newest first</p>\n";
  body += "<ol class=\"events\" start=\"" + std::to_string(q.offset + 1) + "\">\n";
  for (const EventSummary& e : events) {
    body += "<li><a href=\"/events/" + std::to_string(e.id) + "\">" + escape_html(e.headline.empty() ? "(no headline)" : e.headline) +
            "</a><br><span class=\"meta\">" + escape_html(e.last_date.empty() ? "undated" : e.last_date) + " &middot; " +
            std::to_string(e.articles) + " article" + (e.articles == 1 ? "" : "s") + " &middot; " +
            std::to_string(e.outlets) + " outlet" + (e.outlets == 1 ? "" : "s") + "</span>" +
            (e.snippet.empty() ? "" : "<br><span class=\"snippet\">" + escape_html(e.snippet) + "</span>") + "</li>\n";
  }
  body += "</ol><nav>";
  auto link = [&](int offset, const char* label) {
    std::string href = "/?offset=" + std::to_string(offset) + "&limit=" + std::to_string(q.limit);
    if (!q.q.empty()) href += "&q=" + httplib::detail::encode_query_param(q.q);
    if (!q.since.empty()) href += "&since=" + q.since;
    return "<a href=\"" + escape_html(href) + "\">" + label + "</a> ";
  };
  if (q.offset > 0) body += link(std::max(0, q.offset - q.limit), "&larr; newer");
  if (q.offset + q.limit < total) body += link(q.offset + q.limit, "older &rarr;");
  return html_page("chorus: events", body + "</nav>\n");
}

}  // namespace

struct Server::Impl {
  ServeOptions opts;
  httplib::Server http;
  std::mutex readers_mutex;
  std::vector<std::unique_ptr<StoreReader>> idle_readers;
  struct CacheEntry {
    std::int64_t generation = -1;
    Reply reply;
    bool refreshing = false;  // a worker is recomputing it for a newer generation
  };
  std::shared_mutex cache_mutex;
  std::unordered_map<std::string, CacheEntry> cache;
  std::size_t cached_bytes = 0;  // bodies and keys in `cache`
  std::mutex store_mutex;
  std::unique_ptr<Store> store;  // only with a token: the writer for POST

  // A reader for this request, returned to the pool afterwards.
  class Lease {
   public:
    Lease(Impl& impl, std::unique_ptr<StoreReader> r) : impl_(impl), reader_(std::move(r)) {}
    ~Lease() {
      if (!reader_) return;
      std::lock_guard lock(impl_.readers_mutex);
      impl_.idle_readers.push_back(std::move(reader_));
    }
    StoreReader* operator->() { return reader_.get(); }
    StoreReader& operator*() { return *reader_; }
    explicit operator bool() const { return reader_ != nullptr; }

   private:
    Impl& impl_;
    std::unique_ptr<StoreReader> reader_;
  };

  Lease lease() {
    {
      std::lock_guard lock(readers_mutex);
      if (!idle_readers.empty()) {
        std::unique_ptr<StoreReader> r = std::move(idle_readers.back());
        idle_readers.pop_back();
        return Lease(*this, std::move(r));
      }
    }
    Result<std::unique_ptr<StoreReader>> r = StoreReader::open(opts.db);
    return Lease(*this, r.ok() ? std::move(*r) : nullptr);
  }

  // Answers a read from the cache while the database has not changed. After a commit
  // the first request for a key recomputes it; requests that arrive meanwhile get the
  // previous answer instead of piling onto the database (an ingest commits every few
  // hundred milliseconds; a recompute takes about one).
  template <typename Compute>
  Reply cached(const std::string& key, Compute compute) {
    Lease reader = lease();
    if (!reader) return error_reply(503, "database unavailable");
    const std::int64_t generation = reader->generation();
    {
      std::shared_lock lock(cache_mutex);
      auto it = cache.find(key);
      if (it != cache.end() && it->second.generation == generation) return it->second.reply;
    }
    {
      std::unique_lock lock(cache_mutex);
      auto it = cache.find(key);
      if (it != cache.end() && it->second.generation < generation) {
        if (it->second.refreshing) return it->second.reply;  // one recompute at a time
        it->second.refreshing = true;
      }
    }
    Reply reply;
    try {
      reply = compute(*reader);
    } catch (...) {  // out of memory: let the next request try again
      std::unique_lock lock(cache_mutex);
      if (auto it = cache.find(key); it != cache.end()) it->second.refreshing = false;
      throw;
    }
    std::unique_lock lock(cache_mutex);
    if (cached_bytes + reply.body.size() > opts.cache_bytes) {
      cache.clear();
      cached_bytes = 0;
    }
    CacheEntry& entry = cache[key];
    if (entry.generation <= generation) {
      if (entry.generation >= 0) cached_bytes -= entry.reply.body.size() + key.size();  // replaced
      cached_bytes += reply.body.size() + key.size();
      entry = CacheEntry{generation, reply, false};
    }
    return reply;
  }

  void routes();
  void api_routes();   // /healthz and /api/...
  void page_routes();  // the HTML pages
  Reply post_article(const httplib::Request& req, const httplib::ContentReader& read_body);
};

namespace {

void send(httplib::Response& res, const Reply& r) {
  res.status = r.status;
  if (!r.location.empty()) res.set_header("Location", r.location);
  res.set_content(r.body, r.content_type);
}

std::string cache_key(const httplib::Request& req) {
  std::string key = req.path;
  for (const auto& [k, v] : req.params) key += "\x1f" + k + "=" + v;  // params are sorted by name
  return key;
}

int id_of(const httplib::Request& req) { return parse_int(req.matches[1].str(), 1, INT32_MAX).value_or(0); }

// The HTTP status for a failed update brief.
int update_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kNotFound: return 404;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kResourceExhausted: return 413;
    default: return 500;
  }
}

}  // namespace

// Everything that can refuse a POST is decided before its body is read; the body is then
// read only up to --max-body, chunked or not (cpp-httplib's own limit let a chunked body
// through whole), so an oversized body costs at most the limit.
Reply Server::Impl::post_article(const httplib::Request& req, const httplib::ContentReader& read_body) {
  if (opts.token.empty()) return error_reply(403, "this server is read-only: start it with --token to accept articles");
  const std::string auth = req.get_header_value("Authorization");
  if (!auth.starts_with("Bearer ") || !same_secret(std::string_view(auth).substr(7), opts.token)) {
    return error_reply(401, "a valid 'Authorization: Bearer TOKEN' header is needed");
  }
  const std::string type = req.get_header_value("Content-Type");
  const bool html = type.find("text/html") != std::string::npos || type.find("application/xhtml") != std::string::npos;
  if (!html && type.find("application/json") == std::string::npos) {
    return error_reply(415, "send the article as application/json, or a web page as text/html");
  }
  const std::string too_large = "request body larger than " + std::to_string(opts.max_body_bytes) + " bytes (--max-body)";
  if (req.has_header("Content-Length") &&
      parse_int(req.get_header_value("Content-Length"), 0, INT32_MAX).value_or(INT32_MAX) > static_cast<long long>(opts.max_body_bytes)) {
    return error_reply(413, too_large);
  }
  std::string body;
  bool over = false;
  read_body([&](const char* data, std::size_t n) {
    if (body.size() + n > opts.max_body_bytes) {
      over = true;
      return false;  // stop reading: the rest of the body is never buffered
    }
    body.append(data, n);
    return true;
  });
  if (over) return error_reply(413, too_large);
  // A page's address comes as ?url= (the body is the page as fetched).
  Result<Article> article = html ? parse_html_article(body, "POST /api/articles", req.get_param_value("url"))
                                 : parse_json_article(body, "POST /api/articles", 1);
  if (!article.ok()) return error_reply(400, article.status().message());
  StoreStats stats;
  std::lock_guard lock(store_mutex);
  Result<std::vector<StoredArticle>> stored = store->add({std::move(*article)}, stats);
  if (!stored.ok()) return error_reply(500, "could not store the article: " + stored.status().message());
  const StoredArticle& s = stored->front();
  Json j = {{"article", s.article_id}, {"event", s.event_id}, {"already_stored", s.already_stored}};
  j["copy_of"] = s.duplicate_of ? Json(s.duplicate_of) : Json(nullptr);
  j["url"] = "/api/events/" + std::to_string(s.event_id);
  Reply r = json_reply(s.already_stored ? 200 : 201, j);
  r.location = "/api/articles/" + std::to_string(s.article_id);
  return r;
}

void Server::Impl::api_routes() {
  http.Get("/healthz", [this](const httplib::Request& req, httplib::Response& res) {
    // Open connections keep reading a deleted file: health asks the file system itself.
    std::error_code ec;
    if (!std::filesystem::exists(opts.db, ec)) {
      Reply gone = json_reply(503, Json{{"status", "unavailable"}, {"error", "the database file " + opts.db + " is gone"}});
      return send(res, gone);
    }
    send(res, cached(cache_key(req), [](StoreReader& r) { return json_text(r.health_json()); }));
  });
  http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) {
    auto query = read_event_query(req);
    if (auto* why = std::get_if<std::string>(&query)) return send(res, error_reply(400, *why));
    const EventQuery q = std::get<EventQuery>(query);
    send(res, cached(cache_key(req), [&](StoreReader& r) { return json_text(r.events_json(q)); }));
  });
  http.Get(R"(/api/events/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const int id = id_of(req);
    send(res, cached(cache_key(req), [&](StoreReader& r) {
      if (const int into = r.merged_into(id)) {
        Reply moved = error_reply(301, "event " + std::to_string(id) + " was merged into " + std::to_string(into));
        moved.location = "/api/events/" + std::to_string(into);
        return moved;
      }
      if (req.has_param("since")) {
        const std::optional<int> since = parse_int(req.get_param_value("since"), 0, INT32_MAX);
        if (!since) return error_reply(400, "since must be a version number");
        Result<std::string> update = r.update_json(id, *since);
        if (update.ok()) return json_text(std::move(*update));
        return error_reply(update_status(update.status()), update.status().message());
      }
      std::optional<std::string> j = r.event_json(id);
      return j ? json_text(std::move(*j)) : error_reply(404, "no such event");
    }));
  });
  http.Get(R"(/api/articles/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const int id = id_of(req);
    send(res, cached(cache_key(req), [&](StoreReader& r) {
      std::optional<std::string> j = r.article_json(id);
      return j ? json_text(std::move(*j)) : error_reply(404, "no such article");
    }));
  });
  http.Post("/api/articles", [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& read) {
    Reply reply = post_article(req, read);
    if (reply.status == 413) res.set_header("Connection", "close");  // the unread body is not worth reading
    send(res, reply);
  });
}

void Server::Impl::page_routes() {
  http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
    auto query = read_event_query(req);
    if (auto* why = std::get_if<std::string>(&query)) {
      return send(res, html_reply(400, html_page("chorus: bad request", "<h1>Bad request</h1><p>" + escape_html(*why) + "</p>")));
    }
    const EventQuery q = std::get<EventQuery>(query);
    send(res, cached(cache_key(req), [&](StoreReader& r) {
      std::int64_t total = 0;
      std::vector<EventSummary> events = r.list_events(q, &total);
      return html_reply(200, events_page(events, total, q));
    }));
  });
  http.Get("/feed.atom", [this](const httplib::Request& req, httplib::Response& res) {
    auto query = read_event_query(req);
    if (auto* why = std::get_if<std::string>(&query)) return send(res, error_reply(400, *why));
    const EventQuery q = std::get<EventQuery>(query);
    const bool updates = req.get_param_value("updates") == "1";
    // Links are absolute, as feed readers need: the address the client asked for.
    std::string host = req.get_header_value("Host");
    const bool plain_host = !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
    if (!plain_host) host = opts.host + ":" + std::to_string(opts.port);
    const std::string base = "http://" + host;
    send(res, cached(cache_key(req) + "\x1fhost=" + host, [&](StoreReader& r) {
      return Reply{200, "application/atom+xml; charset=utf-8", r.events_atom(q, updates, base), ""};
    }));
  });
  http.Get(R"(/events/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
    const int id = id_of(req);
    send(res, cached(cache_key(req), [&](StoreReader& r) {
      if (const int into = r.merged_into(id)) {
        Reply moved = html_reply(301, html_page("chorus: moved", "<p>Merged into <a href=\"/events/" +
                                                                     std::to_string(into) + "\">event " + std::to_string(into) + "</a>.</p>"));
        moved.location = "/events/" + std::to_string(into);
        return moved;
      }
      if (req.has_param("since")) {
        const std::optional<int> since = parse_int(req.get_param_value("since"), 0, INT32_MAX);
        Result<std::string> update = since ? r.update_page(id, *since) : Status(StatusCode::kInvalidArgument, "since must be a version number");
        if (update.ok()) return html_reply(200, std::move(*update));
        const std::string why = escape_html(update.status().message());
        return html_reply(update_status(update.status()), html_page("chorus: " + why, "<h1>" + why + "</h1><p><a href=\"/events/" +
                                                                                          std::to_string(id) + "\">The event</a></p>"));
      }
      std::optional<std::string> page = r.event_page(id);
      return page ? html_reply(200, std::move(*page))
                  : html_reply(404, html_page("chorus: not found", "<h1>No such event</h1><p><a href=\"/\">All events</a></p>"));
    }));
  });
}

void Server::Impl::routes() {
  // Ranges are for files: chorus's pages and JSON need none, and cpp-httplib would answer
  // "Range: bytes=0-,0-,..." with as many copies of the page as ranges asked (1,000 in a
  // 3 KB header). The parsed ranges are dropped before any route sees the request (the
  // Request object is the server's own, not const: only the callback's view is).
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    const_cast<httplib::Request&>(req).ranges.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  api_routes();
  page_routes();
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already said why
    const std::string message = res.status == 404 ? "no such resource: " + req.path
                                : res.status == 413 ? "request body too large"
                                                    : "request failed";
    res.set_content(Json{{"error", message}}.dump(), "application/json");
  });
  // No script runs on chorus pages, so none may; nothing is fetched from elsewhere.
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"},
                            {"Referrer-Policy", "no-referrer"}});
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

Result<std::unique_ptr<Server>> Server::create(const ServeOptions& opts) {
  auto impl = std::make_unique<Impl>();
  impl->opts = opts;
  // Fail now, not at the first request, when the file is missing or not a chorus database.
  Result<std::unique_ptr<StoreReader>> first = StoreReader::open(opts.db);
  if (!first.ok()) return first.status();
  impl->idle_readers.push_back(std::move(*first));
  if (!opts.token.empty()) {
    CHORUS_ASSIGN_OR_RETURN(impl->store, Store::open(opts.db, opts.store));
  }
  const int threads = std::max(2, opts.threads);
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  impl->http.set_payload_max_length(opts.max_body_bytes);
  impl->http.set_keep_alive_max_count(10000);
  // Small responses must not wait for Nagle's algorithm (40 ms stalls with delayed ACKs).
  impl->http.set_tcp_nodelay(true);
  impl->http.set_read_timeout(10, 0);
  impl->routes();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::bind() {
  Impl& s = *impl_;
  if (s.opts.port == 0) {
    const int port = s.http.bind_to_any_port(s.opts.host);
    if (port <= 0) return Status(StatusCode::kIoError, "cannot listen on " + s.opts.host);
    return port;
  }
  if (!s.http.bind_to_port(s.opts.host, s.opts.port)) {
    return Status(StatusCode::kIoError, "cannot listen on " + s.opts.host + ":" + std::to_string(s.opts.port) +
                                            " (in use, or not allowed)");
  }
  return s.opts.port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

}  // namespace chorus
