// A mutex-guarded pool of SQLite connections; see sqlite_connection_pool.h.
#include "adapters/store/sqlite/sqlite_connection_pool.h"

namespace dreamfeed::sqlite {

ConnectionPool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->give_back(std::move(connection_));
}

ConnectionPool::ConnectionPool(std::filesystem::path db_file, std::unique_ptr<Connection> first,
                               std::size_t max_connections)
    : db_file_(std::move(db_file)), max_connections_(max_connections < 1 ? 1 : max_connections) {
  if (first != nullptr) {
    idle_.push_back(std::move(first));
    open_count_ = 1;
  }
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || open_count_ < max_connections_; });
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  // Open outside the lock: it touches the file and may wait on the busy timeout.
  ++open_count_;
  lock.unlock();
  auto opened = Connection::open(db_file_);
  if (!opened) {
    lock.lock();
    --open_count_;
    returned_.notify_one();
    return opened.error();
  }
  return Lease(this, std::move(opened).value());
}

void ConnectionPool::give_back(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

}  // namespace dreamfeed::sqlite
