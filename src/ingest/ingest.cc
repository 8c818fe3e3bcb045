// Walks paths, reads files and sends each article or problem to the caller's sinks.
// Every failure is turned into a Problem; nothing here throws past this file.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

#include <unistd.h>
#include <zlib.h>

#include "base/string_util.h"
#include "base/utf8.h"
#include "chorus/ingest.h"
#include "ingest/feed_format.h"
#include "ingest/warc_format.h"

namespace chorus {
namespace fs = std::filesystem;
namespace {

using internal::check_utf8;
using internal::Utf8Check;

// C0 and C1 control characters (an ESC that retitles a terminal or clears it, a NUL)
// become spaces, byte for byte, so no offset moves; tab, newline and carriage return stay.
void blank_controls(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
      s[i] = ' ';
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      s[i] = ' ';  // U+0080..U+009F, two bytes in UTF-8
      s[++i] = ' ';
    }
  }
}

// A path as printed in a diagnostic: control characters escaped, so a file named with a
// newline cannot forge a line of its own.
std::string printable_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}


// Where a reader takes bytes from: a FILE* or a gzip stream. read() returns the bytes
// read, 0 at the end and -1 on an error.
class ByteSource {
 public:
  explicit ByteSource(std::FILE* f) : file_(f) {}
  explicit ByteSource(gzFile gz) : gz_(gz) {}
  explicit ByteSource(std::string_view memory) : memory_(memory), in_memory_(true) {}
  long read(char* buf, std::size_t n) {
    if (in_memory_) {
      const std::size_t got = std::min(n, memory_.size());
      std::memcpy(buf, memory_.data(), got);
      memory_.remove_prefix(got);
      return static_cast<long>(got);
    }
    if (gz_) return gzread(gz_, buf, static_cast<unsigned>(n));
    std::size_t got = std::fread(buf, 1, n, file_);
    return got == 0 && std::ferror(file_) ? -1 : static_cast<long>(got);
  }
  // The next line with its '\n' (if any) into `line`; false at the end or on an error.
  // A line longer than `limit` (0 = none) is not kept: `line` is left empty and
  // `dropped` says how many bytes it had, read past in bounded memory.
  bool next_line(std::string& line, bool& error, std::size_t limit = 0, std::size_t* dropped = nullptr);

 private:
  std::FILE* file_ = nullptr;
  gzFile gz_ = nullptr;
  std::string_view memory_;
  bool in_memory_ = false;
  std::string pending_;
  std::size_t pending_at_ = 0;
  bool eof_ = false;
};

bool ByteSource::next_line(std::string& line, bool& error, std::size_t limit, std::size_t* dropped) {
  line.clear();
  std::size_t skipped = 0;  // bytes of an over-long line already let go
  if (dropped) *dropped = 0;
  while (true) {
    std::size_t nl = pending_.find('\n', pending_at_);
    if (nl != std::string::npos) {
      if (skipped) {
        *dropped = skipped + nl + 1 - pending_at_;
      } else {
        line.assign(pending_, pending_at_, nl + 1 - pending_at_);
      }
      pending_at_ = nl + 1;
      return true;
    }
    if (eof_) {
      if (skipped) *dropped = skipped + pending_.size() - pending_at_;
      else line.assign(pending_, pending_at_, std::string::npos);
      const bool any = skipped || pending_.size() > pending_at_;
      pending_.clear();
      pending_at_ = 0;
      return any;
    }
    if (limit && dropped && pending_.size() - pending_at_ > limit) {
      skipped += pending_.size() - pending_at_;  // over the limit: keep reading, not keeping
      pending_.clear();
      pending_at_ = 0;
    }
    pending_.erase(0, pending_at_);
    pending_at_ = 0;
    char buf[1 << 16];
    long n = read(buf, sizeof buf);
    if (n < 0) error = true;
    if (n <= 0) eof_ = true;
    else pending_.append(buf, static_cast<std::size_t>(n));
  }
}

struct GzCloser {
  void operator()(gzFile f) const {
    if (f) gzclose(f);
  }
};
using GzPtr = std::unique_ptr<std::remove_pointer_t<gzFile>, GzCloser>;

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f && f != stdin) std::fclose(f);
  }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Where bytes came from when they were fetched: the address and the HTTP charset, which
// the page and feed readers use over what the bytes say.
struct Origin {
  std::string url;
  std::string charset;
};

class Ingestor {
 public:
  Ingestor(const IngestOptions& opts, const ArticleSink& on_article, const ProblemSink& on_problem)
      : opts_(opts), on_article_(on_article), on_problem_(on_problem) {}
  // Pages go to `on_page` as extracted instead of becoming articles.
  void send_pages_to(const PageSink* on_page, const ExtractOptions* extract) {
    on_page_ = on_page;
    extract_ = extract;
  }

  void add_path(const std::string& path);
  void read_fetched(const FetchedUrl& fetched);
  std::size_t bytes_read() const { return bytes_read_; }

 private:
  void add_file(const std::string& path);
  void add_url(const std::string& url);
  void read_text(const std::string& path, ByteSource& in, InputFormat format, const Origin& origin = {});
  void read_html(const std::string& path, std::string bytes, const Origin& origin = {});
  void read_warc_file(const std::string& path, std::FILE* f);
  void read_feed(const std::string& path, const std::string& bytes, const Origin& origin = {});
  bool replace_by_linked_page(const std::string& path, Article& a);
  bool read_warc_record(const std::string& path, internal::WarcRecord&& r, std::map<std::string, int>& passed);
  void read_jsonl(const std::string& path, ByteSource& in);
  void read_json_document(const std::string& path, ByteSource& in);
  void read_json_array(const std::string& path, std::string_view bytes);
  void read_jsonl_line(const std::string& path, std::size_t line_no, std::string_view line);
  InputFormat format_for(const std::string& path, Status& why_not) const;

  void problem(const std::string& path, std::size_t line, Problem::Severity sev, StatusCode code, std::string msg) {
    on_problem_(Problem{path, line, sev, Status(code, std::move(msg))});
  }
  void emit(Article&& a) {
    a.id = ++next_id_;
    for (std::string* field : {&a.title, &a.outlet, &a.byline, &a.date, &a.url, &a.language}) blank_controls(*field);
    blank_controls(a.text);
    on_article_(std::move(a));
  }
  // An article parsed from `path` at `line`: its reader's warnings, then the article, or
  // why it was skipped.
  void take(const std::string& path, std::size_t line, Result<Article> article, std::vector<std::string>& warnings) {
    if (!article.ok()) {
      problem(path, line, Problem::Severity::kSkipped, article.status().code(), article.status().message());
      return;
    }
    for (std::string& w : warnings) problem(path, line, Problem::Severity::kWarning, StatusCode::kDataLoss, std::move(w));
    emit(std::move(article).value());
  }
  // Checks bytes for binary data and bad UTF-8; repairs a few bad bytes with a warning.
  // Returns false (and reports) when the bytes must be skipped.
  bool vet_utf8(const std::string& path, std::size_t line, std::string& bytes);

  const IngestOptions& opts_;
  const ArticleSink& on_article_;
  const ProblemSink& on_problem_;
  const PageSink* on_page_ = nullptr;
  const ExtractOptions* extract_ = nullptr;
  int next_id_ = 0;
  std::size_t bytes_read_ = 0;
};

bool has_extension(const std::string& path, std::initializer_list<std::string_view> exts) {
  std::string ext = internal::to_lower_ascii(fs::path(path).extension().string());
  return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

bool is_gzip(const std::string& path) { return has_extension(path, {".gz"}); }

InputFormat Ingestor::format_for(const std::string& gz_path, Status& why_not) const {
  // "page.html.gz" is read as "page.html".
  const std::string path = is_gzip(gz_path) ? fs::path(gz_path).replace_extension().string() : gz_path;
  // An archive of pages is read as one when pages are asked for (chorus extract).
  const bool pages = opts_.format == InputFormat::kAuto || opts_.format == InputFormat::kHtml;
  if (pages && has_extension(path, {".warc"})) return InputFormat::kWarc;
  if (opts_.format != InputFormat::kAuto) return opts_.format;
  if (has_extension(path, {".jsonl", ".ndjson", ".json", ".jsonlines"})) return InputFormat::kJsonl;
  if (has_extension(path, {".html", ".htm", ".xhtml", ".shtml"})) return InputFormat::kHtml;
  if (has_extension(path, {".rss", ".atom", ".rdf", ".xml"})) return InputFormat::kFeed;
  if (has_extension(path, {".txt", ".text", ".md", ""})) return InputFormat::kText;
  // TREC collections name documents by id: "APW19981030.1037" (read_text sniffs <DOC>).
  const std::string ext = fs::path(path).extension().string();
  if (ext.size() > 1 && std::all_of(ext.begin() + 1, ext.end(), internal::is_ascii_digit)) return InputFormat::kText;
  why_not = Status(StatusCode::kUnsupported,
                   "unknown format '" + fs::path(path).extension().string() +
                       "': chorus reads plain text (.txt), JSON Lines (.jsonl), web pages (.html), feeds "
                       "(.rss, .atom, .xml) and web archives (.warc), each also as .gz; use --input-format to force one");
  return InputFormat::kAuto;
}

void Ingestor::add_path(const std::string& path) {
  if (is_url(path)) {
    add_url(path);
    return;
  }
  if (path == "-") {
    // Sniff stdin: JSONL starts with '{'; anything else is one text article.
    int c;
    while ((c = std::getc(stdin)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
    if (c == EOF) {
      problem("-", 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "standard input is empty");
      return;
    }
    std::ungetc(c, stdin);
    ByteSource in(stdin);
    bool jsonl = opts_.format == InputFormat::kJsonl || (opts_.format == InputFormat::kAuto && (c == '{' || c == '['));
    if (jsonl && c == '[') read_json_document("-", in);
    else if (jsonl) read_jsonl("-", in);
    else read_text("-", in, opts_.format);  // a page on stdin is recognised by its markup
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kNotFound, "no such file or folder");
    return;
  }
  if (!fs::is_directory(st)) {
    if (!fs::is_regular_file(st)) {
      // A FIFO would block for ever, a device never end: only files are read (stdin aside).
      problem(path, 0, Problem::Severity::kSkipped, StatusCode::kUnsupported,
              "not a regular file (a pipe, socket or device); send its bytes on standard input ('-') instead");
      return;
    }
    add_file(path);
    return;
  }
  std::vector<std::string> files;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(path, options, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with('.')) {  // hidden files and folders (.git) are not articles
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      // An unreadable folder's articles would be lost without a word: it is named.
      if (access(it->path().c_str(), R_OK | X_OK) != 0) {
        problem(it->path().string(), 0, Problem::Severity::kSkipped, StatusCode::kPermissionDenied,
                std::string("cannot read this folder: ") + std::strerror(errno));
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!opts_.recurse && it.depth() > 0) continue;
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
    else problem(it->path().string(), 0, Problem::Severity::kSkipped, StatusCode::kUnsupported,
                 "not a regular file (a pipe, socket or device): skipped");
  }
  if (ec) problem(path, 0, Problem::Severity::kSkipped, StatusCode::kIoError, "cannot list folder: " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) add_file(f);
}

void Ingestor::add_file(const std::string& path) {
  Status why_not;
  InputFormat format = format_for(path, why_not);
  if (format == InputFormat::kAuto) {
    problem(path, 0, Problem::Severity::kSkipped, why_not.code(), why_not.message());
    return;
  }
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    StatusCode code = errno == EACCES ? StatusCode::kPermissionDenied : StatusCode::kIoError;
    problem(path, 0, Problem::Severity::kSkipped, code, std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  if (format == InputFormat::kWarc) {
    read_warc_file(path, f.get());
    return;
  }
  GzPtr gz;
  if (is_gzip(path)) {
    gz.reset(gzdopen(dup(fileno(f.get())), "rb"));
    if (!gz) {
      problem(path, 0, Problem::Severity::kSkipped, StatusCode::kIoError, "cannot open the gzip stream");
      return;
    }
  }
  ByteSource in = gz ? ByteSource(gz.get()) : ByteSource(f.get());
  const std::string name = is_gzip(path) ? fs::path(path).replace_extension().string() : path;
  if (format == InputFormat::kJsonl && has_extension(name, {".json"})) read_json_document(path, in);
  else if (format == InputFormat::kJsonl) read_jsonl(path, in);
  else read_text(path, in, format);
}

bool Ingestor::vet_utf8(const std::string& path, std::size_t line, std::string& bytes) {
  Utf8Check check = check_utf8(bytes);
  auto where = [&](std::size_t offset) { return line ? line : internal::line_of_offset(bytes, offset); };
  if (check.has_nul || check.control_bytes * 100 > bytes.size() + 100) {
    problem(path, line, Problem::Severity::kSkipped, StatusCode::kDataLoss,
            "binary data, not text (NUL or control bytes); skipped");
    return false;
  }
  if (check.invalid_bytes == 0) return true;
  std::size_t at_line = where(check.first_invalid);
  // A stray byte in a short JSONL line is a typo to repair; many are another encoding.
  constexpr std::size_t kMinInvalidToReject = 4;
  if (check.invalid_bytes >= kMinInvalidToReject &&
      check.invalid_bytes * 1000 > bytes.size() * opts_.max_invalid_utf8_per_mille) {
    problem(path, at_line, Problem::Severity::kSkipped, StatusCode::kDataLoss,
            "not UTF-8 (" + std::to_string(check.invalid_bytes) +
                " invalid bytes, the first here); convert it with iconv and retry");
    return false;
  }
  problem(path, at_line, Problem::Severity::kWarning, StatusCode::kDataLoss,
          "invalid UTF-8 (" + std::to_string(check.invalid_bytes) + " bytes, the first here) replaced by U+FFFD");
  bytes = internal::repair_utf8(bytes);
  return true;
}

void Ingestor::read_text(const std::string& path, ByteSource& in, InputFormat format, const Origin& origin) {
  std::string bytes;
  char buf[1 << 16];
  long got;
  const std::size_t limit = opts_.max_article_bytes;
  while ((got = in.read(buf, sizeof buf)) > 0) {
    const auto n = static_cast<std::size_t>(got);
    bytes_read_ += n;
    if (limit && bytes.size() + n > limit) {
      problem(path, 0, Problem::Severity::kSkipped, StatusCode::kResourceExhausted,
              "file larger than the article limit of " + std::to_string(limit) +
                  " bytes (--max-article-bytes); is it one article?");
      return;
    }
    bytes.append(buf, n);
  }
  if (got < 0) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kIoError, "read error (a broken gzip stream?)");
    return;
  }
  if (internal::trim(bytes).empty()) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "empty file");
    return;
  }
  if (format == InputFormat::kFeed || (format == InputFormat::kAuto && internal::looks_like_feed(bytes))) {
    read_feed(path, bytes, origin);
    return;
  }
  if (format == InputFormat::kHtml ||
      (format == InputFormat::kAuto && looks_like_html(bytes) && !looks_like_trec_sgml(bytes))) {
    read_html(path, std::move(bytes), origin);
    return;
  }
  if (!vet_utf8(path, 0, bytes)) return;
  if (bytes.starts_with("\xef\xbb\xbf")) bytes.erase(0, 3);  // a BOM is not content
  if (opts_.format == InputFormat::kAuto && looks_like_trec_sgml(bytes)) {
    std::vector<Article> docs = parse_trec_documents(bytes, path);
    if (docs.empty()) problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "TREC file without a <TEXT>");
    for (Article& a : docs) emit(std::move(a));
    return;
  }
  std::vector<std::string> warnings;
  Result<Article> article = parse_text_article(std::move(bytes), path, &warnings);
  take(path, 0, std::move(article), warnings);
}

// A page is decoded by its own charset rules (extract_html), not vetted as UTF-8 text.
void Ingestor::read_html(const std::string& path, std::string bytes, const Origin& origin) {
  if (on_page_) {
    ExtractOptions extract = *extract_;
    if (!origin.url.empty()) extract.url = origin.url;
    if (!origin.charset.empty()) extract.charset = origin.charset;
    Result<ExtractedPage> page = extract_html(bytes, extract);
    if (!page.ok()) problem(path, 0, Problem::Severity::kSkipped, page.status().code(), page.status().message());
    else (*on_page_)(path, std::move(page).value());
    return;
  }
  Result<Article> article = parse_html_article(bytes, path, origin.url, origin.charset);
  if (!article.ok()) {
    problem(path, 0, Problem::Severity::kSkipped, article.status().code(), article.status().message());
    return;
  }
  emit(std::move(article).value());
}

// Each item of a feed is an article, named by the feed's path and the item's line.
void Ingestor::read_feed(const std::string& path, const std::string& bytes, const Origin& origin) {
  Result<internal::Feed> feed = internal::parse_feed(bytes, origin.url);
  if (!feed.ok()) {
    problem(path, 0, Problem::Severity::kSkipped, feed.status().code(), feed.status().message());
    return;
  }
  if (!feed->repaired.empty()) {
    problem(path, 0, Problem::Severity::kWarning, StatusCode::kDataLoss, "ill-formed XML, read as far as it goes: " + feed->repaired);
  }
  std::size_t summaries = 0, read = 0, known = 0, fetched = 0;
  for (internal::FeedItem& item : feed->items) {
    std::string url = !item.link.empty() ? item.link : item.id.starts_with("http") ? item.id : "";
    if (opts_.already_have && !url.empty() && opts_.already_have(url)) {
      ++known;
      continue;
    }
    const bool wants_page = (item.summary_only || item.text.empty()) && opts_.fetch_linked_pages && is_url(url);
    if (item.text.empty() && !wants_page) {
      problem(path, item.line, Problem::Severity::kSkipped, StatusCode::kEmpty,
              "feed item without text" + (item.link.empty() ? std::string() : " (" + item.link + ")"));
      continue;
    }
    Article a;
    a.path = path;
    a.line = item.line;
    a.title = std::move(item.title);
    a.url = std::move(url);
    const std::string& date = !item.published.empty() ? item.published : item.updated;
    a.date = date.substr(0, std::min<std::size_t>(10, date.size()));
    a.byline = internal::join(item.authors, ", ");
    a.language = feed->language;
    a.outlet = !feed->title.empty() ? feed->title : internal::domain_of(!feed->link.empty() ? feed->link : a.url);
    a.text = std::move(item.text);
    if (wants_page && replace_by_linked_page(path, a)) ++fetched;
    else if (a.text.empty()) continue;  // the page could not be had either: named by replace_by_linked_page
    else summaries += item.summary_only;
    ++read;
    emit(std::move(a));
  }
  if (feed->items.empty()) problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "a feed without items");
  if (known) problem(path, 0, Problem::Severity::kNote, StatusCode::kOk, std::to_string(known) + " items already stored, passed over");
  if (fetched) problem(path, 0, Problem::Severity::kNote, StatusCode::kOk, std::to_string(fetched) + " items read from their linked pages");
  if (summaries) {
    problem(path, 0, Problem::Severity::kNote, StatusCode::kOk,
            std::to_string(summaries) + " of " + std::to_string(read) + " items carry only a summary or description, not the article" +
                (opts_.fetch_linked_pages ? " (their pages could not be read)" : " (--fetch reads their pages)"));
  }
}

// A summary-only feed item gets the text of the page it links to; its title, date,
// author and outlet stay the feed's where the page gives none. False (with a warning
// naming the page) when the page cannot be fetched or holds no article: the summary stays.
bool Ingestor::replace_by_linked_page(const std::string& path, Article& a) {
  const auto why_not = [&](const Status& status) {
    problem(path, a.line, a.text.empty() ? Problem::Severity::kSkipped : Problem::Severity::kWarning, status.code(),
            a.url + ": " + status.message() + (a.text.empty() ? "" : "; the item's summary is kept"));
    return false;
  };
  Result<FetchedUrl> page = fetch_url(a.url, opts_.fetch);
  if (!page.ok()) return why_not(page.status());
  bytes_read_ += page->body.size();
  Result<Article> linked = parse_html_article(page->body, path, page->final_url, page->charset);
  if (!linked.ok()) return why_not(linked.status());
  a.text = std::move(linked->text);
  a.header_spans.clear();
  if (a.title.empty()) a.title = std::move(linked->title);
  if (a.date.empty()) a.date = std::move(linked->date);
  if (a.byline.empty()) a.byline = std::move(linked->byline);
  return true;
}

void Ingestor::add_url(const std::string& url) {
  Result<FetchedUrl> fetched = fetch_url(url, opts_.fetch);
  if (!fetched.ok()) {
    problem(url, 0, Problem::Severity::kSkipped, fetched.status().code(), fetched.status().message());
    return;
  }
  read_fetched(*fetched);
}

// A fetched body is read by what the server says it is, then by the address's name, then
// by its bytes (read_text's sniffing).
InputFormat format_of_fetched(const FetchedUrl& f, InputFormat forced) {
  if (forced != InputFormat::kAuto) return forced;
  const std::string& type = f.content_type;
  if (type == "text/html" || type == "application/xhtml+xml") return InputFormat::kHtml;
  if (type.find("rss") != std::string::npos || type.find("atom") != std::string::npos) return InputFormat::kFeed;
  if (type.find("json") != std::string::npos) return InputFormat::kJsonl;
  if (type == "application/warc") return InputFormat::kWarc;
  std::string name = f.final_url.empty() ? f.url : f.final_url;
  name = name.substr(0, name.find_first_of("?#"));
  if (has_extension(name, {".warc"}) || name.ends_with(".warc.gz")) return InputFormat::kWarc;
  if (has_extension(name, {".jsonl", ".ndjson", ".json"})) return InputFormat::kJsonl;
  return InputFormat::kAuto;
}

void Ingestor::read_fetched(const FetchedUrl& f) {
  const std::string& path = f.url;
  if (internal::trim(f.body).empty()) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "empty response");
    return;
  }
  const Origin origin{f.final_url.empty() ? f.url : f.final_url, f.charset};
  const InputFormat format = format_of_fetched(f, opts_.format);
  if (format == InputFormat::kWarc) {
    FilePtr memory(fmemopen(const_cast<char*>(f.body.data()), f.body.size(), "rb"));
    if (memory) read_warc_file(path, memory.get());
    else problem(path, 0, Problem::Severity::kSkipped, StatusCode::kInternal, "cannot read the archive from memory");
    return;
  }
  ByteSource in{std::string_view(f.body)};
  if (format == InputFormat::kJsonl) read_json_document(path, in);
  else read_text(path, in, format, origin);
}

void Ingestor::read_warc_file(const std::string& path, std::FILE* f) {
  std::map<std::string, int> passed;  // records passed over by design, by kind
  int pages = 0;
  bytes_read_ += internal::read_warc(
      f, opts_.max_warc_record_bytes,
      [&](internal::WarcRecord&& r) { pages += read_warc_record(path, std::move(r), passed) ? 1 : 0; },
      [&](std::uint64_t offset, Status why) {
        problem(path, 0, Problem::Severity::kSkipped, why.code(), "record at byte " + std::to_string(offset) + ": " + why.message());
      });
  std::string note = std::to_string(pages) + (pages == 1 ? " page" : " pages");
  for (auto it = passed.begin(); it != passed.end(); ++it) {
    note += (it == passed.begin() ? "; passed over: " : ", ") + std::to_string(it->second) + " " + it->first;
  }
  problem(path, 0, Problem::Severity::kNote, StatusCode::kOk, note);
}

// A response (or resource) record holding an HTML page with status 200 becomes an
// article (or page, for chorus extract); everything else is counted as passed over.
// Returns whether it did.
bool Ingestor::read_warc_record(const std::string& path, internal::WarcRecord&& r, std::map<std::string, int>& passed) {
  const std::string where = "record at byte " + std::to_string(r.offset) + " (" + r.target_uri + "): ";
  std::string html, charset;
  if (r.type == "response") {
    if (!internal::starts_with_icase(r.content_type, "application/http")) {
      ++passed["non-HTTP responses"];
      return false;
    }
    Result<internal::HttpResponse> http = internal::parse_http_response(r.block, opts_.max_warc_record_bytes);
    if (!http.ok()) {
      problem(path, 0, Problem::Severity::kSkipped, http.status().code(), where + http.status().message());
      return false;
    }
    if (http->status != 200) {
      ++passed["non-200 responses"];
      return false;
    }
    const std::string type = internal::to_lower_ascii(http->content_type);
    if (!type.empty() && type.find("html") == std::string::npos) {
      ++passed["non-HTML responses"];
      return false;
    }
    html = std::move(http->body);
    charset = std::move(http->charset);
  } else if (r.type == "resource" && internal::to_lower_ascii(r.content_type).find("html") != std::string::npos) {
    html = std::move(r.block);
  } else {
    ++passed[(r.type.empty() ? std::string("untyped") : r.type) + (r.type == "resource" ? " records (not HTML)" : " records")];
    return false;
  }
  if (on_page_) {
    ExtractOptions extract = *extract_;
    extract.url = r.target_uri;
    extract.charset = charset;
    Result<ExtractedPage> page = extract_html(html, extract);
    if (!page.ok()) {
      problem(path, 0, Problem::Severity::kSkipped, page.status().code(), where + page.status().message());
      return false;
    }
    if (!r.target_uri.empty()) page->url = r.target_uri;  // as for articles, below
    (*on_page_)(path, std::move(page).value());
    return true;
  }
  Result<Article> article = parse_html_article(html, path, r.target_uri, charset);
  if (!article.ok()) {
    problem(path, 0, Problem::Severity::kSkipped, article.status().code(), where + article.status().message());
    return false;
  }
  // The archive says where the page was fetched from (its canonical link may differ) and
  // when: the date of last resort.
  if (!r.target_uri.empty()) article->url = r.target_uri;
  if (article->date.empty() && r.date.size() >= 10) article->date = r.date.substr(0, 10);
  emit(std::move(article).value());
  return true;
}

void Ingestor::read_jsonl(const std::string& path, ByteSource& in) {
  std::string raw;
  std::size_t line_no = 0;
  bool any_line = false;
  bool error = false;
  std::size_t dropped = 0;
  while (in.next_line(raw, error, opts_.max_article_bytes, &dropped)) {
    ++line_no;
    bytes_read_ += raw.size() + dropped;
    if (dropped) {
      any_line = true;
      problem(path, line_no, Problem::Severity::kSkipped, StatusCode::kResourceExhausted,
              "line of " + std::to_string(dropped) + " bytes exceeds the article limit of " +
                  std::to_string(opts_.max_article_bytes) + " (--max-article-bytes)");
      continue;
    }
    std::string_view line(raw);
    // A byte-order mark opens some files: it is not part of the first object.
    if (line_no == 1 && line.starts_with("\xef\xbb\xbf")) line.remove_prefix(3);
    if (internal::trim(line).empty()) continue;
    any_line = true;
    read_jsonl_line(path, line_no, line);
  }
  if (error) problem(path, line_no, Problem::Severity::kSkipped, StatusCode::kIoError, "read error");
  if (!any_line) problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "empty file");
}

// A .json file: one article object (news-please writes one per file, indented), or an
// array of them; JSON Lines under a .json name are read as lines.
void Ingestor::read_json_document(const std::string& path, ByteSource& in) {
  std::string bytes;
  char buf[1 << 16];
  long got;
  // An array holds many articles: it may be larger than one article, within reason.
  const std::size_t limit = opts_.max_article_bytes * 64;
  while ((got = in.read(buf, sizeof buf)) > 0) {
    bytes_read_ += static_cast<std::size_t>(got);
    if (limit && bytes.size() + static_cast<std::size_t>(got) > limit) {
      problem(path, 0, Problem::Severity::kSkipped, StatusCode::kResourceExhausted,
              "JSON file larger than " + std::to_string(limit) + " bytes (64 x --max-article-bytes); write it as JSON Lines");
      return;
    }
    bytes.append(buf, static_cast<std::size_t>(got));
  }
  if (got < 0) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kIoError, "read error (a broken gzip stream?)");
    return;
  }
  if (internal::trim(bytes).empty()) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "empty file");
    return;
  }
  if (!vet_utf8(path, 0, bytes)) return;  // may repair bytes: trimmed after
  const std::string_view json = internal::trim(bytes);
  if (json.front() == '[') {
    read_json_array(path, bytes);
    return;
  }
  // One object over many lines, or JSON Lines after all.
  if (json.find('\n') != std::string_view::npos && json.back() == '}') {
    std::vector<std::string> warnings;
    Result<Article> one = parse_json_article(json, path, 0, &warnings);
    if (one.ok() || one.status().code() == StatusCode::kEmpty) {
      take(path, 0, std::move(one), warnings);
      return;
    }
  }
  ByteSource lines{std::string_view(bytes)};
  const std::size_t counted = bytes_read_;
  read_jsonl(path, lines);
  bytes_read_ = counted;  // already counted above
}

// The elements of a top-level JSON array, each parsed as one article and named by the
// line it starts on; a broken element costs only itself when the array's brackets hold.
void Ingestor::read_json_array(const std::string& path, std::string_view bytes) {
  int depth = 0;
  bool in_string = false, escaped = false;
  std::size_t start = 0, elements = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (depth == 1) start = i;
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 1) {
      ++elements;
      const std::size_t line = internal::line_of_offset(bytes, start);
      std::vector<std::string> warnings;
      take(path, line, parse_json_article(bytes.substr(start, i + 1 - start), path, line, &warnings), warnings);
    } else if (depth == 0 && c == ']') {
      break;
    }
  }
  if (depth != 0 || in_string) {
    problem(path, internal::line_of_offset(bytes, start), Problem::Severity::kSkipped, StatusCode::kDataLoss,
            "broken JSON: the array or an element in it is not closed (from here on)");
  } else if (elements == 0) {
    problem(path, 0, Problem::Severity::kSkipped, StatusCode::kEmpty, "an empty JSON array");
  }
}

void Ingestor::read_jsonl_line(const std::string& path, std::size_t line_no, std::string_view line) {
  const std::size_t limit = opts_.max_article_bytes;
  if (limit && line.size() > limit) {
    problem(path, line_no, Problem::Severity::kSkipped, StatusCode::kResourceExhausted,
            "line of " + std::to_string(line.size()) + " bytes exceeds the article limit of " +
                std::to_string(limit) + " (--max-article-bytes)");
    return;
  }
  std::string owned;
  Utf8Check check = check_utf8(line);
  if (check.invalid_bytes > 0 || check.has_nul) {
    owned.assign(line);
    if (!vet_utf8(path, line_no, owned)) return;
    line = owned;
  }
  std::vector<std::string> warnings;
  Result<Article> article = parse_json_article(line, path, line_no, &warnings);
  take(path, line_no, std::move(article), warnings);
}

std::size_t read_paths(Ingestor& ingestor, const std::vector<std::string>& paths, const ProblemSink& on_problem) {
  for (const std::string& p : paths) {
    try {
      ingestor.add_path(p);
    } catch (const std::exception& e) {  // std::filesystem and allocation failures stop at this edge
      on_problem(Problem{p, 0, Problem::Severity::kSkipped, Status(StatusCode::kInternal, e.what())});
    }
  }
  return ingestor.bytes_read();
}

}  // namespace

std::string Problem::to_string() const {
  std::string out = printable_path(path);
  if (line) {
    out += ':';
    out += std::to_string(line);
  }
  if (severity == Severity::kNote) return out + ": note: " + status.message();
  out += severity == Severity::kWarning ? ": warning: " : ": skipped: ";
  out += status.to_string();
  return out;
}

bool any_skipped(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Problem::Severity::kSkipped; });
}

bool IngestReport::any_skipped() const { return chorus::any_skipped(problems); }

std::size_t ingest_paths(const std::vector<std::string>& paths, const IngestOptions& opts,
                         const ArticleSink& on_article, const ProblemSink& on_problem) {
  Ingestor ingestor(opts, on_article, on_problem);
  return read_paths(ingestor, paths, on_problem);
}

std::size_t extract_pages(const std::vector<std::string>& paths, const IngestOptions& opts,
                          const ExtractOptions& extract, const PageSink& on_page, const ProblemSink& on_problem) {
  IngestOptions html = opts;
  html.format = InputFormat::kHtml;
  html.max_article_bytes = extract.max_html_bytes;
  ArticleSink no_articles = [](Article&&) {};
  Ingestor ingestor(html, no_articles, on_problem);
  ingestor.send_pages_to(&on_page, &extract);
  return read_paths(ingestor, paths, on_problem);
}

std::size_t ingest_fetched(const FetchedUrl& fetched, const IngestOptions& opts, const ArticleSink& on_article,
                           const ProblemSink& on_problem) {
  Ingestor ingestor(opts, on_article, on_problem);
  try {
    ingestor.read_fetched(fetched);
  } catch (const std::exception& e) {
    on_problem(Problem{fetched.url, 0, Problem::Severity::kSkipped, Status(StatusCode::kInternal, e.what())});
  }
  return ingestor.bytes_read();
}

IngestReport ingest_paths(const std::vector<std::string>& paths, const IngestOptions& opts) {
  IngestReport report;
  report.bytes_read = ingest_paths(
      paths, opts, [&](Article&& a) { report.articles.push_back(std::move(a)); },
      [&](Problem&& p) { report.problems.push_back(std::move(p)); });
  return report;
}

}  // namespace chorus
