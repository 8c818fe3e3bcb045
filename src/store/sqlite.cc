#include "store/sqlite.h"

#include <chrono>
#include <thread>

namespace chorus::internal {

Statement::Statement(sqlite3* db, std::string_view sql) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    error_ = sqlite3_errmsg(db);
    stmt_ = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
    error_ = std::move(other.error_);
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (stmt_) sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  if (!stmt_) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) error_ = sqlite3_errmsg(sqlite3_db_handle(stmt_));
  return false;
}

bool Statement::run() {
  if (!stmt_) return false;
  error_.clear();
  step();
  const bool ok = error_.empty();
  reset();
  return ok;
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

bool Statement::column_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

Result<Database> Database::open(const std::string& path, bool read_only) {
  Database db;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db.db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string why = db.db_ ? sqlite3_errmsg(db.db_) : "out of memory";
    return Status(read_only ? StatusCode::kNotFound : StatusCode::kIoError, path + ": cannot open database: " + why);
  }
  // Another process may hold the write lock for a batch: wait rather than fail.
  sqlite3_busy_timeout(db.db_, 60000);
  Status s = db.exec(read_only ? "PRAGMA query_only=ON" : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
  if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

Status Database::exec(const char* sql) {
  // The busy handler does not cover every case (a journal-mode change, a lock upgrade
  // that could deadlock): when another process holds the lock, wait and try again.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return Status();
    std::string why = message ? message : "unknown error";
    sqlite3_free(message);
    const int primary = rc & 0xFF;
    if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
      return Status(StatusCode::kIoError, "database error: " + why + " (another process kept it locked for 60 s)");
    }
    // A file that is not a database says so here, at the first statement.
    return Status(primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT ? StatusCode::kDataLoss : StatusCode::kIoError,
                  "database error: " + why);
  }
}

std::string Database::last_error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

}  // namespace chorus::internal
