// src/ingest/warc_format.h: WARC records out of a web archive, and the HTTP responses in
// them (internal to ingest).
// A .warc.gz holds one gzip member per record (ISO 28500); each member is inflated on its
// own, so the file is never loaded whole, and a corrupt member is named by its byte offset
// and skipped: reading goes on at the next member. A plain .warc is read record by record.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus::internal {

struct WarcRecord {
  std::uint64_t offset = 0;  // byte offset in the file: of its gzip member, or of "WARC/"
  std::string type;          // WARC-Type: response, request, metadata, revisit, warcinfo, resource...
  std::string target_uri;    // WARC-Target-URI, without the <> some writers put around it
  std::string date;          // WARC-Date (ISO 8601)
  std::string content_type;  // of the block: "application/http; msgtype=response" for a response
  std::string block;         // the record's content block
};

using WarcRecordSink = std::function<void(WarcRecord&&)>;
// A record that could not be read: its offset and why (truncated, corrupt gzip, bad header).
using WarcErrorSink = std::function<void(std::uint64_t offset, Status why)>;

// Reads every record of a WARC file (gzip-compressed or not: the first bytes say). Records
// whose block is larger than `max_record_bytes` are skipped as resource_exhausted. Returns
// the bytes read from the file.
std::uint64_t read_warc(std::FILE* file, std::size_t max_record_bytes, const WarcRecordSink& on_record,
                        const WarcErrorSink& on_error);

// An HTTP response from a response record's block: its status, its Content-Type and its
// body with any chunked transfer coding and gzip or deflate content coding undone.
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string charset;  // Content-Type's charset parameter, lower case, or ""
  std::string body;
};
Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body_bytes);

}  // namespace chorus::internal
