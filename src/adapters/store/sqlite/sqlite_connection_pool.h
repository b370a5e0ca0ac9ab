// A mutex-guarded pool of SQLite connections to one database file. SQLite connections
// are not safe to share between threads mid-statement, and opening one per call would
// throw away the prepared-statement cache, so each calling thread borrows one for the
// duration of a store call and gives it back.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "adapters/store/sqlite/sqlite_connection.h"
#include "common/result.h"

namespace dreamfeed::sqlite {

class ConnectionPool {
 public:
  // Borrowed connection; goes back to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~Lease();
    Lease(Lease&&) noexcept = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;

    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // `first` is an already open connection (the one migrations ran on); more are opened
  // on demand up to `max_connections`, after which callers wait for one to come back.
  ConnectionPool(std::filesystem::path db_file, std::unique_ptr<Connection> first,
                 std::size_t max_connections);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  Result<Lease> acquire();

  // Serialises this process's write transactions (see WriteTransaction).
  std::mutex& writers() { return writers_; }

 private:
  void give_back(std::unique_ptr<Connection> connection);

  const std::filesystem::path db_file_;
  const std::size_t max_connections_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_count_ = 0;
  std::mutex writers_;
};

}  // namespace dreamfeed::sqlite
