// libFuzzer target: any bytes through the feed reader (libxml2 in recovery mode, the item
// walk, the HTML-to-text of item content) and the WARC reader (gzip members, record
// headers, HTTP responses with chunked and compressed bodies), as a file in memory.
// Then the same bytes as a fetched URL of each media type (ingest_fetched: the JSON
// document and array reader, text, pages, feeds with relative links, WARC from memory).
// Checks that item text is valid UTF-8 and that records stay inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"
#include "chorus/ingest.h"
#include "ingest/feed_format.h"
#include "ingest/warc_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  chorus::Result<chorus::internal::Feed> feed = chorus::internal::parse_feed(bytes);
  if (feed.ok()) {
    for (const chorus::internal::FeedItem& item : feed->items) {
      if (chorus::internal::check_utf8(item.text).invalid_bytes != 0) std::abort();
    }
  }
  (void)chorus::internal::parse_http_response(bytes, 1 << 20);
  if (size == 0) return 0;
  std::FILE* f = fmemopen(const_cast<std::uint8_t*>(data), size, "rb");
  if (!f) return 0;
  chorus::internal::read_warc(
      f, 1 << 20,
      [&](chorus::internal::WarcRecord&& r) {
        if (r.block.size() > size * 1100 + (1 << 16)) std::abort();  // gzip inflates, but not without bound
        (void)chorus::internal::parse_http_response(r.block, 1 << 20);
      },
      [](std::uint64_t, chorus::Status) {});
  std::fclose(f);
  chorus::FetchedUrl fetched;
  fetched.url = fetched.final_url = "http://fuzz.example/a/b.json";
  fetched.body = std::string(bytes);
  for (const char* type : {"application/json", "text/plain", "text/html", "application/rss+xml", "application/warc"}) {
    fetched.content_type = type;
    chorus::ingest_fetched(
        fetched, chorus::IngestOptions{},
        [](chorus::Article&& a) {
          if (chorus::internal::check_utf8(a.text).invalid_bytes != 0) std::abort();
        },
        [](chorus::Problem&&) {});
  }
  return 0;
}
