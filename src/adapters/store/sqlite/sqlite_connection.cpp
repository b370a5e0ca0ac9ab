// RAII wrappers around sqlite3 and sqlite3_stmt; see sqlite_connection.h.
#include "adapters/store/sqlite/sqlite_connection.h"

#include <utility>

namespace dreamfeed::sqlite {

namespace {

constexpr int kBusyTimeoutMs = 5000;

void rollback(Connection& connection) {
  // Fails only when SQLite already rolled back by itself (e.g. after an I/O error);
  // either way nothing of the transaction is kept.
  if (sqlite3_get_autocommit(connection.handle()) == 0) (void)connection.execute("ROLLBACK");
}

}  // namespace

Error make_sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  // errmsg describes the last failure on this connection, which names the constraint or
  // file at fault; errstr is only the generic text of the code.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return make_error(ErrorCode::unavailable, message + " (the database stayed locked)");
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return make_error(ErrorCode::conflict, std::move(message));
      }
      return make_error(ErrorCode::invalid_argument, std::move(message));
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      return make_error(ErrorCode::unavailable, std::move(message));
    default:
      return make_error(ErrorCode::internal, std::move(message));
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bind_rc_(other.bind_rc_) {}

Statement& Statement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind(int index, std::uint64_t value) {
  // Conversion to a signed type is modular since C++20: the bits are kept.
  return bind(index, static_cast<std::int64_t>(value));
}

Statement& Statement::bind(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  return *this;
}

Result<bool> Statement::step() {
  if (bind_rc_ != SQLITE_OK) return make_sqlite_error(db_, bind_rc_, "binding a query parameter");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return make_sqlite_error(db_, rc, "running a query");
}

Status Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return {};
  }
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

Result<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path& db_file) {
  sqlite3* db = nullptr;
  // NOMUTEX: the pool gives each connection to one thread at a time, so SQLite's own
  // per-connection mutex would only cost time.
  int rc =
      sqlite3_open_v2(db_file.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // sqlite3_open_v2 hands back a handle even on failure (to read the error from).
  std::unique_ptr<Connection> connection(new Connection(db));
  if (rc != SQLITE_OK) {
    return make_sqlite_error(db, rc, "cannot open database " + db_file.string());
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  {
    auto mode = connection->prepare("PRAGMA journal_mode=WAL");
    if (!mode) return mode.error();
    auto row = mode->step();
    if (!row) return row.error();
    // SQLite silently keeps the old mode where WAL is impossible (e.g. no shared memory).
    if (!*row || mode->text(0) != "wal") {
      return make_error(ErrorCode::unavailable,
                        "cannot switch database " + db_file.string() + " to WAL journal mode");
    }
  }
  if (auto s = connection->execute("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"); !s) {
    return s.error();
  }
  return connection;
}

Connection::~Connection() {
  statements_.clear();  // statements must be finalized before the connection closes
  sqlite3_close(db_);
}

Result<Statement> Connection::prepare(std::string_view sql) {
  std::string key(sql);
  auto found = statements_.find(key);
  if (found == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return make_sqlite_error(db_, rc, "preparing a query");
    found = statements_.emplace(std::move(key), stmt).first;
  }
  return Statement(db_, found->second.get());
}

Status Connection::execute(std::string_view sql) {
  std::string text(sql);  // sqlite3_exec needs a terminated string
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // the same text is available from sqlite3_errmsg
  if (rc != SQLITE_OK) return make_sqlite_error(db_, rc, "running SQL");
  return {};
}

std::int64_t Connection::changes() const { return sqlite3_changes64(db_); }

Result<WriteTransaction> WriteTransaction::begin(Connection& connection, std::mutex& writers) {
  std::unique_lock writer(writers);
  auto begin = connection.prepare("BEGIN IMMEDIATE");
  if (!begin) return begin.error();
  if (auto s = begin->run(); !s) return s.error();
  return WriteTransaction(&connection, std::move(writer));
}

WriteTransaction::~WriteTransaction() {
  if (connection_ != nullptr) {
    rollback(*connection_);
  }
}

WriteTransaction::WriteTransaction(WriteTransaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)), writer_(std::move(other.writer_)) {}

Status WriteTransaction::commit() {
  Connection* connection = std::exchange(connection_, nullptr);
  auto commit = connection->prepare("COMMIT");
  Status committed = commit ? commit->run() : Status(commit.error());
  if (!committed) {
    rollback(*connection);
    return committed.error();
  }
  writer_.unlock();
  return {};
}

}  // namespace dreamfeed::sqlite
