// src/store/sqlite.h: a thin RAII layer over the SQLite C API (internal). Every query is a
// prepared statement with bound parameters: no SQL is ever built from input.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "chorus/status.h"

namespace chorus::internal {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool valid() const { return stmt_ != nullptr; }

  // Binds 1-based parameters; text is copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_null(int index);

  // True while a row is ready; false at the end. Errors throw nothing: they end the
  // rows and are kept in error() (the caller's transaction then rolls back).
  bool step();
  // Runs a statement that returns no rows; false on error.
  bool run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  bool column_null(int index) const;

  const std::string& error() const { return error_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

// One connection. Opened in WAL mode with a busy timeout, so readers and one writer in
// other processes work side by side.
class Database {
 public:
  static Result<Database> open(const std::string& path, bool read_only);
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  // Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT); the error as a Status.
  Status exec(const char* sql);
  Statement prepare(std::string_view sql) const { return Statement(db_, sql); }
  std::string last_error() const;

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace chorus::internal
