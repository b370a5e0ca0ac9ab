// OrderedWorker runs tasks one at a time on a thread of its own, in the order they were
// submitted, so that a producer (a backend drawing frames) overlaps with a consumer
// (libx264 encoding them). submit() blocks while `capacity` tasks are waiting, which
// bounds the memory the queue can hold, and once blocked waits until no more than
// `resume_at` are left: on a single core that makes producer and consumer take turns
// in batches rather than a task each, so neither keeps evicting the other's working
// set from the CPU caches. The first task that fails stops the worker:
// later tasks are dropped unrun and that failure is what submit() and drain() report.
//
// Written by hand because neither the standard library nor the Boost parts this
// project uses has a single-consumer queue with back-pressure (asio::thread_pool
// queues without bound); it is one mutex and two condition variables.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "common/result.h"

namespace dreamfeed {

class OrderedWorker {
 public:
  using Task = std::function<Status()>;

  // `resume_at` below `capacity`; by default a blocked submit() resumes as soon as
  // there is room.
  explicit OrderedWorker(std::size_t capacity);
  OrderedWorker(std::size_t capacity, std::size_t resume_at);
  ~OrderedWorker();  // drops what has not run and waits for the running task

  OrderedWorker(const OrderedWorker&) = delete;
  OrderedWorker& operator=(const OrderedWorker&) = delete;

  // Queues `task`, waiting for room. Returns the failure of an earlier task instead
  // (without queueing) once one has failed, or invalid_argument after drain().
  Status submit(Task task);

  // Runs everything queued, then stops the thread. Returns the first failure, if any.
  // Later calls return the same.
  Status drain();

 private:
  void run();

  const std::size_t capacity_;
  const std::size_t resume_at_;
  std::mutex mutex_;
  std::condition_variable has_work_;
  std::condition_variable has_room_;
  std::deque<Task> tasks_;
  std::optional<Error> failure_;
  bool closing_ = false;   // no more tasks will come; finish what is queued
  bool dropping_ = false;  // stop now, without running what is queued
  std::thread thread_;
};

}  // namespace dreamfeed
