#include "ingest/warc_format.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "base/string_util.h"

namespace chorus::internal {
namespace {

constexpr std::size_t kChunk = 1 << 16;

// The value of header `name` in a block of "Name: value" lines (case-insensitive), or "".
std::string header_value(std::string_view headers, std::string_view name) {
  for (std::string_view line : split_lines(headers)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || !equals_icase(trim(line.substr(0, colon)), name)) continue;
    return std::string(trim(line.substr(colon + 1)));
  }
  return "";
}

// Where a header block ends: after the first empty line ("\r\n\r\n", or "\n\n" from
// writers that drop the CR). npos when it has not ended within `s`.
std::size_t header_end(std::string_view s) {
  const std::size_t crlf = s.find("\r\n\r\n");
  const std::size_t lf = s.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) return crlf + 4;
  return lf + 2;
}

// Fills a record's fields from its WARC header block; false when it is no WARC header.
bool parse_warc_header(std::string_view head, WarcRecord& r, std::uint64_t& length) {
  if (!head.starts_with("WARC/")) return false;
  const std::string len = header_value(head, "Content-Length");
  if (len.empty() || !std::all_of(len.begin(), len.end(), is_ascii_digit) || len.size() > 15) return false;
  length = std::stoull(len);
  r.type = to_lower_ascii(header_value(head, "WARC-Type"));
  r.target_uri = header_value(head, "WARC-Target-URI");
  if (r.target_uri.size() >= 2 && r.target_uri.front() == '<' && r.target_uri.back() == '>') {
    r.target_uri = r.target_uri.substr(1, r.target_uri.size() - 2);
  }
  r.date = header_value(head, "WARC-Date");
  r.content_type = header_value(head, "Content-Type");
  return true;
}

// Inflates gzip or zlib data (`window_bits` as for inflateInit2), at most `cap` bytes out.
Result<std::string> inflate_all(std::string_view in, int window_bits, std::size_t cap) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status(StatusCode::kInternal, "zlib cannot start");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[kChunk];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (cap && out.size() > cap) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // truncated: keep what came out
  }
  inflateEnd(&zs);
  if (rc == Z_MEM_ERROR) return Status(StatusCode::kResourceExhausted, "inflates past the size limit");
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) return Status(StatusCode::kDataLoss, "corrupt compressed body");
  return out;
}

// Undoes a chunked transfer coding; the bytes as they are when they are not chunked.
std::string dechunk(std::string_view body) {
  std::string out;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) return std::string(body);
    std::string_view size_line = trim(body.substr(pos, eol - pos));
    size_line = size_line.substr(0, size_line.find(';'));  // chunk extensions
    std::size_t size = 0;
    if (size_line.empty() || size_line.size() > 12) return std::string(body);
    for (char c : size_line) {
      const int d = is_ascii_digit(c) ? c - '0' : (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') ? ascii_lower(c) - 'a' + 10 : -1;
      if (d < 0) return std::string(body);
      size = size * 16 + static_cast<std::size_t>(d);
    }
    if (size == 0) return out;
    pos = eol + 1;
    if (pos + size > body.size()) size = body.size() - pos;  // a clipped last chunk: keep it
    out.append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;
}

// Reads the records of decompressed gzip members (one member usually holds one record, but
// some writers split a record over several, or put several in one). `data` starts at a
// record; returns how many bytes were whole records: the rest is the start of a record
// that goes on in the next member.
std::size_t records_in(std::string_view data, std::uint64_t offset, std::size_t max_record_bytes,
                       const WarcRecordSink& on_record, const WarcErrorSink& on_error) {
  std::size_t pos = 0;
  while (pos < data.size()) {
    const std::size_t start = pos;
    while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
    if (pos >= data.size()) return pos;
    const std::size_t end = header_end(data.substr(pos));
    if (end == std::string_view::npos) return start;  // the header goes on in the next member
    WarcRecord r;
    r.offset = offset;
    std::uint64_t length = 0;
    if (!parse_warc_header(data.substr(pos, end), r, length)) {
      on_error(offset, Status(StatusCode::kDataLoss, "not a WARC record header"));
      // Go on at the next record that starts a line.
      const std::size_t next = data.find("\nWARC/", pos);
      if (next == std::string_view::npos) return data.size();
      pos = next + 1;
      continue;
    }
    if (length > data.size() - pos - end) return start;  // the block goes on in the next member
    pos += end;
    if (max_record_bytes && length > max_record_bytes) {
      on_error(offset, Status(StatusCode::kResourceExhausted, "record of " + std::to_string(length) + " bytes, over the limit"));
    } else {
      r.block.assign(data.substr(pos, length));
      on_record(std::move(r));
    }
    pos += length;
  }
  return pos;
}

// Inflates a .warc.gz one member at a time from a FILE.
class GzipMembers {
 public:
  explicit GzipMembers(std::FILE* f) : file_(f) { inflateInit2(&zs_, 16 + MAX_WBITS); }
  ~GzipMembers() { inflateEnd(&zs_); }
  GzipMembers(const GzipMembers&) = delete;
  GzipMembers& operator=(const GzipMembers&) = delete;

  // The next member's content into `out` (at most `cap` bytes kept), and its offset.
  // kOk, kEnd at the end of the file, or an error status (the reader has moved on to the
  // next member's magic bytes, if any).
  Status next(std::string& out, std::uint64_t& offset, std::size_t cap, bool& end) {
    out.clear();
    end = false;
    if (!skip_to_magic()) {
      end = true;
      return Status();
    }
    offset = position();
    inflateReset(&zs_);
    char buf[kChunk];
    bool over = false;
    while (true) {
      if (zs_.avail_in == 0 && !refill()) {
        end = true;
        return Status(StatusCode::kDataLoss, "truncated gzip member (the file ends inside it)");
      }
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = sizeof buf;
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      if (!over) out.append(buf, sizeof buf - zs_.avail_out);
      if (cap && out.size() > cap) {
        over = true;
        out.clear();
      }
      if (rc == Z_STREAM_END) {
        if (over) return Status(StatusCode::kResourceExhausted, "gzip member inflates past the record limit");
        return Status();
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        // Corrupt: look for the next member after this one's first byte.
        resync(offset + 1);
        return Status(StatusCode::kDataLoss, std::string("corrupt gzip member: ") + (zs_.msg ? zs_.msg : "bad data"));
      }
    }
  }
  std::uint64_t bytes_read() const { return consumed_ + buf_.size(); }

 private:
  std::uint64_t position() const { return consumed_ + (zs_.next_in - reinterpret_cast<const Bytef*>(buf_.data())); }

  bool refill() {
    consumed_ += buf_.size();
    buf_.resize(kChunk);
    const std::size_t got = std::fread(buf_.data(), 1, buf_.size(), file_);
    buf_.resize(got);
    zs_.next_in = reinterpret_cast<Bytef*>(buf_.data());
    zs_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }

  // Moves to the next gzip magic (1f 8b 08); false at the end of the file.
  bool skip_to_magic() {
    while (true) {
      if (zs_.avail_in < 3) {
        // Keep the last bytes so a magic split across reads is seen.
        std::string keep(reinterpret_cast<const char*>(zs_.next_in), zs_.avail_in);
        const std::uint64_t at = position();
        buf_.resize(kChunk);
        std::memcpy(buf_.data(), keep.data(), keep.size());
        const std::size_t got = std::fread(buf_.data() + keep.size(), 1, kChunk - keep.size(), file_);
        buf_.resize(keep.size() + got);
        consumed_ = at;
        zs_.next_in = reinterpret_cast<Bytef*>(buf_.data());
        zs_.avail_in = static_cast<uInt>(buf_.size());
        if (got == 0 && buf_.size() < 3) return false;
      }
      const unsigned char* p = zs_.next_in;
      if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 0x08) return true;
      ++zs_.next_in;
      --zs_.avail_in;
    }
  }

  void resync(std::uint64_t from) {
    if (std::fseek(file_, static_cast<long>(from), SEEK_SET) != 0) {
      // Not seekable (a pipe): go on from where inflate stopped.
      return;
    }
    consumed_ = from;
    buf_.clear();
    zs_.next_in = reinterpret_cast<Bytef*>(buf_.data());
    zs_.avail_in = 0;
  }

  std::FILE* file_;
  z_stream zs_{};
  std::vector<char> buf_;
  std::uint64_t consumed_ = 0;  // file bytes before buf_
};

// A plain .warc: records read one at a time, never the whole file.
std::uint64_t read_plain(std::FILE* f, std::string first, std::size_t cap, const WarcRecordSink& on_record,
                         const WarcErrorSink& on_error) {
  std::string buf = std::move(first);
  std::uint64_t base = 0;  // file offset of buf[0]
  std::uint64_t total = buf.size();
  char chunk[kChunk];
  auto more = [&] {
    const std::size_t got = std::fread(chunk, 1, sizeof chunk, f);
    buf.append(chunk, got);
    total += got;
    return got > 0;
  };
  while (true) {
    std::size_t start = 0;
    while (start < buf.size() && (buf[start] == '\r' || buf[start] == '\n')) ++start;
    buf.erase(0, start);
    base += start;
    if (buf.empty() && !more()) return total;
    std::size_t end;
    while ((end = header_end(buf)) == std::string::npos) {
      if (buf.size() > (1 << 20) || !more()) {
        if (!buf.empty()) on_error(base, Status(StatusCode::kDataLoss, "truncated or unreadable WARC header"));
        return total;
      }
    }
    WarcRecord r;
    r.offset = base;
    std::uint64_t length = 0;
    if (!parse_warc_header(std::string_view(buf).substr(0, end), r, length)) {
      on_error(base, Status(StatusCode::kDataLoss, "not a WARC record header"));
      std::size_t next = buf.find("\nWARC/", 1);
      while (next == std::string::npos && buf.size() < (8 << 20) && more()) next = buf.find("\nWARC/", 1);
      if (next == std::string::npos) return total;
      buf.erase(0, next + 1);
      base += next + 1;
      continue;
    }
    const bool keep = !cap || length <= cap;
    std::uint64_t need = end + length;
    while (keep && buf.size() < need && more()) {}
    if (!keep) {
      // Too big to hold: read past it.
      on_error(base, Status(StatusCode::kResourceExhausted, "record of " + std::to_string(length) + " bytes, over the limit"));
      std::uint64_t left = need > buf.size() ? need - buf.size() : 0;
      base += std::min<std::uint64_t>(need, buf.size());
      buf.erase(0, std::min<std::uint64_t>(need, buf.size()));
      while (left > 0) {
        const std::size_t got = std::fread(chunk, 1, std::min<std::uint64_t>(left, sizeof chunk), f);
        if (got == 0) return total;
        total += got;
        left -= got;
        base += got;
      }
      continue;
    }
    if (buf.size() < need) {
      on_error(base, Status(StatusCode::kDataLoss, "truncated record: " + std::to_string(buf.size() - end) + " of " +
                                                       std::to_string(length) + " bytes"));
      return total;
    }
    r.block = buf.substr(end, length);
    on_record(std::move(r));
    buf.erase(0, need);
    base += need;
  }
}

}  // namespace

std::uint64_t read_warc(std::FILE* file, std::size_t max_record_bytes, const WarcRecordSink& on_record,
                        const WarcErrorSink& on_error) {
  std::string first(2, '\0');
  first.resize(std::fread(first.data(), 1, 2, file));
  if (first.size() == 2 && static_cast<unsigned char>(first[0]) == 0x1f && static_cast<unsigned char>(first[1]) == 0x8b) {
    if (std::fseek(file, 0, SEEK_SET) != 0) {
      on_error(0, Status(StatusCode::kUnsupported, "a compressed WARC must be a file, not a pipe"));
      return 2;
    }
    GzipMembers members(file);
    const std::size_t cap = max_record_bytes ? max_record_bytes + 4096 : 0;
    std::string content, pending;  // pending: a record begun in an earlier member
    std::uint64_t offset = 0, pending_offset = 0;
    bool end = false;
    while (!end) {
      Status st = members.next(content, offset, cap, end);
      if (!st.ok()) {
        on_error(offset, st);
        pending.clear();
        continue;
      }
      if (end) break;
      if (pending.empty()) pending_offset = offset;
      pending += content;
      pending.erase(0, records_in(pending, pending_offset, max_record_bytes, on_record, on_error));
      if (cap && pending.size() > cap) {
        on_error(pending_offset, Status(StatusCode::kResourceExhausted, "record over the limit"));
        pending.clear();
      }
    }
    if (!trim(pending).empty()) {
      on_error(pending_offset, Status(StatusCode::kDataLoss, "truncated record: the file ends inside it"));
    }
    return members.bytes_read();
  }
  return read_plain(file, std::move(first), max_record_bytes, on_record, on_error);
}

Result<HttpResponse> parse_http_response(std::string_view block, std::size_t max_body_bytes) {
  if (!block.starts_with("HTTP/")) return Status(StatusCode::kDataLoss, "no HTTP status line");
  const std::size_t end = header_end(block);
  if (end == std::string_view::npos) return Status(StatusCode::kDataLoss, "HTTP headers do not end");
  const std::string_view head = block.substr(0, end);
  HttpResponse r;
  const std::size_t sp = head.find(' ');
  if (sp == std::string_view::npos || sp + 4 > head.size() || !is_ascii_digit(head[sp + 1])) {
    return Status(StatusCode::kDataLoss, "bad HTTP status line");
  }
  r.status = std::stoi(std::string(head.substr(sp + 1, 3)));
  r.content_type = header_value(head, "Content-Type");
  const std::string type = to_lower_ascii(r.content_type);
  if (std::size_t cs = type.find("charset="); cs != std::string::npos) {
    std::string_view label = std::string_view(type).substr(cs + 8);
    label = label.substr(0, label.find(';'));
    r.charset = std::string(trim(label));
    std::erase(r.charset, '"');
  }
  std::string body(block.substr(end));
  if (to_lower_ascii(header_value(head, "Transfer-Encoding")).find("chunked") != std::string::npos) body = dechunk(body);
  const std::string coding = to_lower_ascii(header_value(head, "Content-Encoding"));
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    // deflate is zlib-wrapped by the standard and raw by some servers: 15 + 32 takes both
    // zlib and gzip headers; raw deflate is tried second.
    Result<std::string> plain = inflate_all(body, coding == "deflate" ? 15 + 32 : 16 + MAX_WBITS, max_body_bytes);
    if (!plain.ok() && coding == "deflate") plain = inflate_all(body, -MAX_WBITS, max_body_bytes);
    // Archives often store the body already decoded under the original header (ClueWeb):
    // a body that is not compressed data is kept as it is.
    const bool compressed = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                            static_cast<unsigned char>(body[1]) == 0x8b;
    if (plain.ok()) body = std::move(*plain);
    else if (compressed || plain.status().code() == StatusCode::kResourceExhausted) return plain.status();
  }
  r.body = std::move(body);
  return r;
}

}  // namespace chorus::internal
