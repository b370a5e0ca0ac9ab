// GenerationWorker: takes jobs from the queue and turns each into a stored draft
// video — backend → encoder → blob store → JobQueue::complete. It heartbeats while it
// renders, stops when the job is cancelled or the lease is lost, and gives the job
// back to the queue when asked to stop (so a shutdown loses nothing).
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "interfaces/blob_store.h"
#include "interfaces/clip_encoder.h"
#include "interfaces/clock.h"
#include "interfaces/generation_backend.h"
#include "interfaces/store.h"

namespace dreamfeed {

struct WorkerConfig {
  std::string worker_id = "worker";
  std::int64_t lease_ms = 30'000;
  std::int64_t heartbeat_ms = 2'000;
  std::chrono::milliseconds idle_poll{250};  // how often an idle worker looks for work
  std::filesystem::path scratch_dir;         // where files are encoded before storing
};

// What one call to run_next did.
enum class WorkOutcome { idle, succeeded, failed, cancelled, released, lease_lost };

class GenerationWorker {
 public:
  GenerationWorker(JobQueue& jobs, BlobStore& blobs, GenerationBackend& backend,
                   ClipEncoderFactory& encoders, const Clock& clock, WorkerConfig config);

  // Leases one job, if any, and carries it to its end. Errors are store failures; a
  // job that fails is recorded on the job and reported as WorkOutcome::failed.
  Result<WorkOutcome> run_next();

  // Makes a running run_next give its job back to the queue as soon as the backend
  // next reports progress.
  void request_stop() { stop_requested_ = true; }
  bool stop_requested() const { return stop_requested_; }

 private:
  Result<WorkOutcome> run(const Job& job);
  Result<Video> render_and_store(const Job& job, const JobLease& lease, ErrorCode& stop_reason);

  JobQueue& jobs_;
  BlobStore& blobs_;
  GenerationBackend& backend_;
  ClipEncoderFactory& encoders_;
  const Clock& clock_;
  WorkerConfig config_;
  std::atomic<bool> stop_requested_{false};
};

// A few workers on their own threads, inside `dreamfeed serve`.
class WorkerPool {
 public:
  // `make_worker(i)` builds worker i; each runs run_next in a loop until stop().
  WorkerPool(std::vector<std::unique_ptr<GenerationWorker>> workers,
             std::chrono::milliseconds idle_poll);
  ~WorkerPool();
  void start();
  // Running jobs go back to the queue; returns when every thread has ended.
  void stop();

 private:
  std::vector<std::unique_ptr<GenerationWorker>> workers_;
  std::chrono::milliseconds idle_poll_;
  std::vector<std::jthread> threads_;
};

}  // namespace dreamfeed
