// SqliteStore::in_write_transaction, the one place a store write acquires a connection,
// begins BEGIN IMMEDIATE and commits; included only by the store's own .cpp files.
#pragma once

#include "adapters/store/sqlite/sqlite_connection.h"
#include "adapters/store/sqlite/sqlite_connection_pool.h"
#include "adapters/store/sqlite/sqlite_store.h"

namespace dreamfeed {

template <class Body>
std::invoke_result_t<Body&, sqlite::Connection&> SqliteStore::in_write_transaction(Body&& body) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto transaction = sqlite::WriteTransaction::begin(**connection, pool_->writers());
  if (!transaction) return transaction.error();
  auto result = body(**connection);
  if (!result) return result;  // the transaction rolls back as it goes out of scope
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return result;
}

}  // namespace dreamfeed
