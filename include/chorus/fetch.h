// include/chorus/fetch.h: http(s) URLs to bytes with their HTTP metadata (libcurl). The
// only code in chorus that talks to the network.
// Usage:
//   chorus::FetchOptions opts;                 // timeouts, size cap, redirects, User-Agent
//   opts.if_none_match = saved_etag;           // a conditional GET
//   chorus::Result<chorus::FetchedUrl> got = chorus::fetch_url("https://example.com/feed.rss", opts);
//   if (!got.ok()) report(got.status());       // unavailable, not_found, deadline_exceeded, ...
//   else if (got->not_modified()) ...          // 304: nothing new
//   else use(got->body, got->charset);
// Only http and https are fetched, redirects included; a body over the cap is cut off and
// fails (nothing half-read is returned). Thread-safe: each call has its own handle.
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus {

struct FetchOptions {
  std::string user_agent;              // empty: "chorus/VERSION"
  long connect_timeout_ms = 10'000;    // to open the connection
  long timeout_ms = 30'000;            // for the whole transfer, redirects included
  std::size_t max_bytes = 16u << 20;   // the body, decoded; larger fails with kResourceExhausted
  long max_redirects = 5;
  long host_interval_ms = 0;           // politeness: at least this long between two requests to one host
  std::string if_none_match;           // an ETag from an earlier fetch: a 304 when unchanged
  std::string if_modified_since;       // a Last-Modified from an earlier fetch, as sent
  const std::atomic<bool>* cancel = nullptr;  // when set and it turns true, the transfer stops (kUnavailable)
};

struct FetchedUrl {
  std::string url;            // as asked
  std::string final_url;      // after redirects
  long status = 0;            // HTTP status of the last response: 200, or 304 for a conditional GET
  std::string content_type;   // the media type, lower-case, without parameters ("text/html")
  std::string charset;        // from Content-Type, when given ("iso-8859-1")
  std::string etag;           // for the next conditional GET
  std::string last_modified;
  std::string body;           // decoded (gzip, deflate)
  bool not_modified() const { return status == 304; }
};

// Whether `path` is an http:// or https:// URL (case-insensitive scheme).
bool is_url(std::string_view path);

// Fetches one URL. A status other than 200 and 304 fails: 404 and 410 with kNotFound,
// others with kUnavailable; a timeout with kDeadlineExceeded. Messages name the URL's
// problem, not the URL (callers name it).
Result<FetchedUrl> fetch_url(const std::string& url, const FetchOptions& opts = {});

}  // namespace chorus
