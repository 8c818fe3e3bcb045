// include/chorus/serve.h: the HTTP server over a store: a JSON API and web pages.
// Usage:
//   auto server = chorus::Server::create({.db = "news.db", .port = 8080});
//   if (!server.ok()) return server.status();
//   chorus::Result<int> port = (*server)->bind();   // port 0 picks a free one
//   (*server)->run();                                // until stop() from another thread
// Reads never block on an ingest (SQLite WAL): each worker reads on its own connection
// and answers repeated reads from a cache that a committed write invalidates. POST
// /api/articles is refused unless a token is configured, and then needs it as
// "Authorization: Bearer TOKEN". Bodies are size-limited, queries are prepared
// statements, pages escape every piece of article text and carry no script.
#pragma once

#include <memory>
#include <string>

#include "chorus/status.h"
#include "chorus/store.h"

namespace chorus {

struct ServeOptions {
  std::string db;                       // the database file (must exist)
  std::string host = "127.0.0.1";       // loopback by default; "0.0.0.0" to expose
  int port = 8080;                      // 0: any free port
  std::string token;                    // "" = read-only
  std::size_t max_body_bytes = 1 << 20; // larger POST bodies get 413
  int threads = 32;                     // workers; each holds one keep-alive connection at a time
  std::size_t cache_bytes = 64 << 20;   // cached response bodies at most (then the cache starts over)
  StoreOptions store;                   // for POSTed articles
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> create(const ServeOptions& opts);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port.
  Result<int> bind();
  // Serves until stop(); false when the socket failed.
  bool run();
  void stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus
