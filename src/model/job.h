// A generation job: the durable record of one request moving through the queue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/generation_request.h"

namespace dreamfeed {

enum class JobStatus { queued, running, succeeded, failed, cancelled };
std::string_view to_string(JobStatus status);
std::optional<JobStatus> parse_job_status(std::string_view text);
inline bool is_terminal(JobStatus s) {
  return s == JobStatus::succeeded || s == JobStatus::failed || s == JobStatus::cancelled;
}

struct Job {
  std::string id;  // "job_…", opaque
  std::string user_id;
  JobStatus status = JobStatus::queued;
  int progress = 0;  // 0–100
  GenerationRequest request;
  int priority = 0;  // higher runs first
  int attempts = 0;  // leases taken so far
  int max_attempts = 3;
  std::string lease_token;  // empty unless running; proves which lease a worker holds
  std::string lease_owner;  // worker id, for operators
  std::int64_t lease_expires_at_ms = 0;
  std::optional<std::string> video_id;  // once succeeded
  std::optional<std::string> error;     // once failed
  std::int64_t created_at_ms = 0;
  std::int64_t updated_at_ms = 0;
};

}  // namespace dreamfeed
