// OrderedWorker: tasks run in submission order on another thread, the queue is
// bounded, and the first failure stops the rest and is reported.
#include "common/ordered_worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace dreamfeed {
namespace {

TEST(OrderedWorker, RunsEveryTaskInOrderOnAnotherThread) {
  OrderedWorker worker(3);
  std::vector<int> order;  // touched only by the worker's thread until drain()
  std::atomic<bool> on_caller_thread = false;
  const auto caller = std::this_thread::get_id();
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(worker.submit([&, i] {
      if (std::this_thread::get_id() == caller) on_caller_thread = true;
      order.push_back(i);
      return Status{};
    }));
  }
  ASSERT_TRUE(worker.drain());
  ASSERT_EQ(order.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(order[i], i);
  EXPECT_FALSE(on_caller_thread);
}

TEST(OrderedWorker, SubmitWaitsWhileTheQueueIsFull) {
  OrderedWorker worker(2);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ASSERT_TRUE(worker.submit([released] {
    released.wait();
    return Status{};
  }));
  // The first task is running (or about to); two more fill the queue.
  ASSERT_TRUE(worker.submit([] { return Status{}; }));
  ASSERT_TRUE(worker.submit([] { return Status{}; }));
  std::atomic<bool> fourth_queued = false;
  std::thread producer([&] {
    EXPECT_TRUE(worker.submit([] { return Status{}; }));
    fourth_queued = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(fourth_queued) << "a full queue makes the producer wait";
  release.set_value();
  producer.join();
  EXPECT_TRUE(fourth_queued);
  EXPECT_TRUE(worker.drain());
}

TEST(OrderedWorker, ABlockedSubmitResumesOnlyOnceTheQueueIsDownToResumeAt) {
  OrderedWorker worker(3, 0);
  std::promise<void> first_started;
  std::vector<std::promise<void>> releases(4);
  for (std::size_t i = 0; i < releases.size(); ++i) {
    std::shared_future<void> released = releases[i].get_future().share();
    ASSERT_TRUE(worker.submit([&first_started, released, i] {
      if (i == 0) first_started.set_value();
      released.wait();
      return Status{};
    }));
    // The first task is running before three more fill the queue.
    if (i == 0) first_started.get_future().wait();
  }
  std::atomic<bool> fifth_queued = false;
  std::thread producer([&] {
    EXPECT_TRUE(worker.submit([] { return Status{}; }));
    fifth_queued = true;
  });
  // The producer must be blocked on the full queue before room is made: a submit that
  // finds room queues at once, whatever resume_at says.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(fifth_queued) << "the queue is full";
  releases[0].set_value();
  releases[1].set_value();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(fifth_queued) << "a task still waits in the queue, more than resume_at";
  releases[2].set_value();
  releases[3].set_value();
  producer.join();
  EXPECT_TRUE(fifth_queued);
  EXPECT_TRUE(worker.drain());
}

TEST(OrderedWorker, TheFirstFailureSkipsTheRestAndIsReported) {
  OrderedWorker worker(8);
  std::atomic<int> ran = 0;
  ASSERT_TRUE(worker.submit([&] {
    ++ran;
    return Status{};
  }));
  ASSERT_TRUE(worker.submit([&] {
    ++ran;
    return Status(make_error(ErrorCode::internal, "the encoder failed"));
  }));
  for (int i = 0; i < 5; ++i) {
    Status queued = worker.submit([&] {
      ++ran;
      return Status{};
    });
    if (!queued) {
      EXPECT_EQ(queued.error().message, "the encoder failed");
    }
  }
  Status drained = worker.drain();
  ASSERT_FALSE(drained);
  EXPECT_EQ(drained.error().message, "the encoder failed");
  EXPECT_EQ(ran, 2) << "nothing after the failure runs";
  Status later = worker.submit([] { return Status{}; });
  ASSERT_FALSE(later);
  EXPECT_EQ(later.error().message, "the encoder failed");
}

TEST(OrderedWorker, SubmitAfterDrainIsRefused) {
  OrderedWorker worker(1);
  ASSERT_TRUE(worker.drain());
  EXPECT_FALSE(worker.submit([] { return Status{}; }));
}

TEST(OrderedWorker, DestroyingItDropsWhatHasNotRun) {
  std::atomic<int> ran = 0;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::thread releaser;
  {
    OrderedWorker worker(4);
    ASSERT_TRUE(worker.submit([&, released] {
      released.wait();
      ++ran;
      return Status{};
    }));
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(worker.submit([&] {
        ++ran;
        return Status{};
      }));
    }
    releaser = std::thread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      release.set_value();
    });
  }
  releaser.join();
  EXPECT_LE(ran, 1) << "only the task already running finishes";
}

}  // namespace
}  // namespace dreamfeed
