// SqliteStore as the ranking's event log: one row per change, in the store's file.
#include "adapters/store/sqlite/in_write_transaction.h"
#include "adapters/store/sqlite/sqlite_connection_pool.h"
#include "adapters/store/sqlite/sqlite_store.h"

namespace dreamfeed {

Result<std::uint64_t> SqliteStore::append(std::string_view payload) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::uint64_t> {
    auto insert =
        connection.prepare("INSERT INTO ranking_log (payload) VALUES (?) RETURNING position");
    if (!insert) return insert.error();
    auto row = insert->bind_all(payload).step();
    if (!row) return row.error();
    const std::uint64_t position = insert->uint64(0);
    // RETURNING hands the row over before the statement ends; step it to completion.
    if (auto done = insert->step(); !done) return done.error();
    return position;
  });
}

Result<std::vector<LoggedChange>> SqliteStore::read_after(std::uint64_t position, int limit) {
  std::vector<LoggedChange> changes;
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query = (*connection)
                   ->prepare(
                       "SELECT position, payload FROM ranking_log WHERE position > ?"
                       " ORDER BY position LIMIT ?");
  if (!query) return query.error();
  query->bind_all(static_cast<std::int64_t>(position), limit);
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return changes;
    changes.push_back({query->uint64(0), query->text(1)});
  }
}

Status SqliteStore::forget_through(std::uint64_t position) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    auto remove = connection.prepare("DELETE FROM ranking_log WHERE position <= ?");
    if (!remove) return remove.error();
    return remove->bind_all(static_cast<std::int64_t>(position)).run();
  });
}

}  // namespace dreamfeed
