// See ordered_worker.h.
#include "common/ordered_worker.h"

#include <utility>

namespace dreamfeed {

OrderedWorker::OrderedWorker(std::size_t capacity)
    : capacity_(capacity == 0 ? 1 : capacity), thread_([this] { run(); }) {}

OrderedWorker::~OrderedWorker() {
  {
    std::lock_guard lock(mutex_);
    dropping_ = true;
    closing_ = true;
  }
  has_work_.notify_all();
  has_room_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status OrderedWorker::submit(Task task) {
  std::unique_lock lock(mutex_);
  has_room_.wait(lock, [&] { return tasks_.size() < capacity_ || failure_ || closing_; });
  if (failure_) return *failure_;
  if (closing_) {
    return make_error(ErrorCode::invalid_argument,
                      "the worker was drained; it takes no more tasks");
  }
  tasks_.push_back(std::move(task));
  has_work_.notify_one();
  return {};
}

Status OrderedWorker::drain() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  has_work_.notify_all();
  has_room_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  if (failure_) return *failure_;
  return {};
}

void OrderedWorker::run() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      has_work_.wait(lock, [&] { return !tasks_.empty() || closing_; });
      if (dropping_ || failure_ || tasks_.empty()) {
        tasks_.clear();
        has_room_.notify_all();
        return;
      }
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    has_room_.notify_one();
    Status status = task();
    if (!status) {
      std::lock_guard lock(mutex_);
      failure_ = status.error();
      tasks_.clear();
      has_room_.notify_all();
      return;
    }
  }
}

}  // namespace dreamfeed
