// See ordered_worker.h.
#include "common/ordered_worker.h"

#include <algorithm>
#include <utility>

namespace dreamfeed {

OrderedWorker::OrderedWorker(std::size_t capacity)
    : OrderedWorker(capacity, capacity == 0 ? 0 : capacity - 1) {}

OrderedWorker::OrderedWorker(std::size_t capacity, std::size_t resume_at)
    : capacity_(capacity == 0 ? 1 : capacity),
      resume_at_(std::min(resume_at, capacity_ - 1)),
      thread_([this] { run(); }) {}

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
  if (tasks_.size() >= capacity_) {
    has_room_.wait(lock, [&] { return tasks_.size() <= resume_at_ || failure_ || closing_; });
  }
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
    bool wake_producer = false;
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
      wake_producer = tasks_.size() <= resume_at_;
    }
    if (wake_producer) has_room_.notify_one();
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
