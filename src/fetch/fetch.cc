// URLs to bytes through libcurl: one easy handle per call, http(s) only, every limit set.
#include "chorus/fetch.h"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <curl/curl.h>

#include "base/string_util.h"
#include "chorus/chorus.h"

namespace chorus {
namespace {

using Clock = std::chrono::steady_clock;

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

// What the callbacks fill while a transfer runs.
struct Transfer {
  FetchedUrl* out = nullptr;
  std::size_t max_bytes = 0;
  bool too_big = false;
  const std::atomic<bool>* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->max_bytes && t->out->body.size() + n > t->max_bytes) {
    t->too_big = true;
    return 0;  // libcurl stops with CURLE_WRITE_ERROR
  }
  t->out->body.append(data, n);
  return n;
}

// Headers of every response in a redirect chain arrive here; a status line starts a new
// response, so what is kept is the last one's.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    t->out->etag.clear();
    t->out->last_modified.clear();
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  const std::string_view name = internal::trim(line.substr(0, colon));
  const std::string_view value = internal::trim(line.substr(colon + 1));
  if (internal::equals_icase(name, "etag")) t->out->etag = value;
  else if (internal::equals_icase(name, "last-modified")) t->out->last_modified = value;
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->cancel && t->cancel->load() ? 1 : 0;
}

// "text/html; charset=ISO-8859-1" -> media type "text/html", charset "iso-8859-1".
void split_content_type(std::string_view header, FetchedUrl& out) {
  const std::size_t semi = header.find(';');
  out.content_type = internal::to_lower_ascii(internal::trim(header.substr(0, semi)));
  if (semi == std::string_view::npos) return;
  const std::string params = internal::to_lower_ascii(header.substr(semi + 1));
  const std::size_t at = params.find("charset=");
  if (at == std::string::npos) return;
  std::string_view value = std::string_view(params).substr(at + 8);
  value = value.substr(0, value.find(';'));
  value = internal::trim(value);
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) value = value.substr(1, value.size() - 2);
  out.charset = value;
}

// Waits until `host` may be asked again, then books the slot (politeness across threads).
void wait_for_host(const std::string& host, long interval_ms, const std::atomic<bool>* cancel) {
  static std::mutex mu;
  static std::map<std::string, Clock::time_point> next_slot;
  Clock::time_point at;
  {
    std::lock_guard<std::mutex> lock(mu);
    const Clock::time_point now = Clock::now();
    auto [it, fresh] = next_slot.emplace(host, now);
    at = fresh || it->second < now ? now : it->second;
    it->second = at + std::chrono::milliseconds(interval_ms);
  }
  while (Clock::now() < at && !(cancel && cancel->load())) {
    std::this_thread::sleep_for(std::min<Clock::duration>(at - Clock::now(), std::chrono::milliseconds(50)));
  }
}

// The host of an http(s) URL, or an error that says what is wrong with it.
Result<std::string> host_of(const std::string& url) {
  std::unique_ptr<CURLU, UrlDeleter> parts(curl_url());
  if (!parts || curl_url_set(parts.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return Status(StatusCode::kInvalidArgument, "not a valid URL");
  }
  char* host = nullptr;
  if (curl_url_get(parts.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || !host) {
    return Status(StatusCode::kInvalidArgument, "a URL without a host");
  }
  std::string out(host);
  curl_free(host);
  return out;
}

Status transfer_error(CURLcode code, const Transfer& t, const char* detail, const FetchOptions& opts) {
  if (t.too_big) {
    return Status(StatusCode::kResourceExhausted,
                  "larger than the fetch limit of " + std::to_string(opts.max_bytes) + " bytes");
  }
  const std::string why = detail[0] ? detail : curl_easy_strerror(code);
  if (code == CURLE_OPERATION_TIMEDOUT) return Status(StatusCode::kDeadlineExceeded, "timed out: " + why);
  if (code == CURLE_ABORTED_BY_CALLBACK) return Status(StatusCode::kUnavailable, "fetch cancelled");
  if (code == CURLE_UNSUPPORTED_PROTOCOL) return Status(StatusCode::kInvalidArgument, "only http and https are fetched: " + why);
  return Status(StatusCode::kUnavailable, "cannot fetch: " + why);
}

}  // namespace

bool is_url(std::string_view path) {
  return internal::starts_with_icase(path, "http://") || internal::starts_with_icase(path, "https://");
}

Result<FetchedUrl> fetch_url(const std::string& url, const FetchOptions& opts) {
  if (!is_url(url)) return Status(StatusCode::kInvalidArgument, "not an http(s) URL");
  init_curl_once();
  CHORUS_ASSIGN_OR_RETURN(std::string host, host_of(url));
  std::unique_ptr<CURL, EasyDeleter> h(curl_easy_init());
  if (!h) return Status(StatusCode::kInternal, "libcurl could not start a transfer");
  FetchedUrl out;
  out.url = url;
  Transfer t{&out, opts.max_bytes, false, opts.cancel};
  char error[CURL_ERROR_SIZE] = "";
  const std::string agent = !opts.user_agent.empty() ? opts.user_agent : std::string("chorus/") + version();
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&](const std::string& line) { headers.reset(curl_slist_append(headers.release(), line.c_str())); };
  if (!opts.if_none_match.empty()) add_header("If-None-Match: " + opts.if_none_match);
  if (!opts.if_modified_since.empty()) add_header("If-Modified-Since: " + opts.if_modified_since);

  CURL* c = h.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, opts.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, opts.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, opts.timeout_ms);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in threads
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes (gzip, deflate, ...)
  curl_easy_setopt(c, CURLOPT_USERAGENT, agent.c_str());
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  if (opts.max_bytes) curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opts.max_bytes));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  if (opts.host_interval_ms > 0) wait_for_host(host, opts.host_interval_ms, opts.cancel);
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_FILESIZE_EXCEEDED) t.too_big = true;
  if (code != CURLE_OK) return transfer_error(code, t, error, opts);

  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out.status);
  char* final_url = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) out.final_url = final_url;
  char* type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) split_content_type(type, out);
  if (out.status == 200 || out.status == 304) return out;
  const std::string why = "HTTP status " + std::to_string(out.status);
  if (out.status >= 300 && out.status < 400) return Status(StatusCode::kUnavailable, why + " (too many redirects?)");
  if (out.status == 404 || out.status == 410) return Status(StatusCode::kNotFound, why + " (no such page)");
  return Status(StatusCode::kUnavailable, why);
}

}  // namespace chorus
