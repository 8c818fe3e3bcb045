// include/chorus/status.h: error values that cross chorus's public API.
// Usage:
//   chorus::Result<int> parse(std::string_view s);
//   CHORUS_ASSIGN_OR_RETURN(int n, parse("12"));
//   if (n < 0) return chorus::Status(chorus::StatusCode::kInvalidArgument, "negative");
// No exception crosses the public API: functions return Status or Result<T>.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace chorus {

// One closed set of error kinds; every value says what it means to a caller.
enum class StatusCode {
  kOk = 0,            // success
  kInvalidArgument,   // the caller's request or option is malformed
  kNotFound,          // a path or id does not exist
  kPermissionDenied,  // a path exists but cannot be read
  kDataLoss,          // input bytes are not what the format promises (binary, broken JSON)
  kUnsupported,       // the input format is not one chorus reads
  kResourceExhausted, // input exceeds a configured size limit
  kEmpty,             // input holds no article text at all
  kIoError,           // the operating system failed a read or write
  kUnavailable,       // a URL could not be fetched (no route, refused, an HTTP error status)
  kDeadlineExceeded,  // a fetch took longer than its timeout
  kInternal,          // a bug in chorus; please report it
};

// Short stable name of a code ("data_loss"), used in messages and JSON.
std::string_view status_code_name(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "data_loss: broken JSON at byte 12"; "ok" when ok().
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status ok_status() { return Status(); }

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like simdjson's result
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace chorus

#define CHORUS_CONCAT_INNER_(a, b) a##b
#define CHORUS_CONCAT_(a, b) CHORUS_CONCAT_INNER_(a, b)

#define CHORUS_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::chorus::Status chorus_status_ = (expr);     \
    if (!chorus_status_.ok()) return chorus_status_; \
  } while (0)

#define CHORUS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

#define CHORUS_ASSIGN_OR_RETURN(lhs, expr) \
  CHORUS_ASSIGN_OR_RETURN_IMPL_(CHORUS_CONCAT_(chorus_result_, __LINE__), lhs, expr)
