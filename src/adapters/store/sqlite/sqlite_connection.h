// RAII wrappers around one sqlite3 connection and its prepared statements. Each
// connection caches the statements it has prepared (keyed by SQL text), so the hot
// queries are compiled once per connection. A connection must be used by one thread at
// a time; SqliteConnectionPool hands them out.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"

namespace dreamfeed::sqlite {

// Turns an SQLite result code into an Error callers can act on: busy/locked →
// unavailable, unique or primary-key violations → conflict, foreign-key violations →
// invalid_argument, anything else → internal.
Error make_sqlite_error(sqlite3* db, int rc, std::string_view what);

// A prepared statement borrowed from a connection's cache. Binds are 1-based, columns
// 0-based, as in SQLite. Reset (and unbound) when it goes out of scope so the cached
// statement can be used again and holds no read snapshot open.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  // Stored as the signed 64-bit integer with the same bits, so all 2^64 values round-trip.
  Statement& bind(int index, std::uint64_t value);
  Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  // Binds the arguments to parameters 1, 2, 3…
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  // true when a row is available, false when done.
  Result<bool> step();
  // Steps to completion (for statements that return no rows).
  Status run();

  int column_count() const;
  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int int32(int column) const { return static_cast<int>(int64(column)); }
  std::uint64_t uint64(int column) const { return static_cast<std::uint64_t>(int64(column)); }
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  // The first bind error is kept and reported by step(), so call sites can chain binds.
  int bind_rc_ = SQLITE_OK;
};

class Connection {
 public:
  // Opens (creating when missing) the database file and applies the connection
  // settings every Dreamfeed connection uses: WAL, foreign keys, 5 s busy timeout,
  // synchronous=NORMAL.
  static Result<std::unique_ptr<Connection>> open(const std::filesystem::path& db_file);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The cached statement for `sql`, prepared on first use. `sql` must be one statement.
  Result<Statement> prepare(std::string_view sql);
  // Runs one or more statements that take no parameters (migrations, BEGIN/COMMIT).
  Status execute(std::string_view sql);
  // Rows changed by the last INSERT/UPDATE/DELETE on this connection.
  std::int64_t changes() const;

  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<sqlite3_stmt, StatementFinalizer>> statements_;
};

// A write transaction (BEGIN IMMEDIATE: takes the database write lock up front, so a
// read-then-write cannot be overtaken by another writer). Rolls back unless committed.
// `writers` is held for the transaction's lifetime: threads of one process queue on it
// instead of on SQLite's busy handler, which polls with sleeps of up to 100 ms; the busy
// timeout still arbitrates between processes sharing the file.
class WriteTransaction {
 public:
  static Result<WriteTransaction> begin(Connection& connection, std::mutex& writers);
  ~WriteTransaction();
  WriteTransaction(WriteTransaction&& other) noexcept;
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  WriteTransaction& operator=(WriteTransaction&&) = delete;

  Status commit();

 private:
  WriteTransaction(Connection* connection, std::unique_lock<std::mutex> writer)
      : connection_(connection), writer_(std::move(writer)) {}
  Connection* connection_;  // null once committed or rolled back
  std::unique_lock<std::mutex> writer_;
};

}  // namespace dreamfeed::sqlite
