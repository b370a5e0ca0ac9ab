// The record store: users, sessions, videos and the durable job queue. Services see
// only these interfaces; adapters/store/sqlite implements them now and a PostgreSQL
// implementation can follow without touching any service. Every implementation must
// pass tests/store/store_contract_test.cpp.
//
// All timestamps are milliseconds since the Unix epoch, passed in by the caller (so
// tests control time). Every method is safe to call from many threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/ranking_event_log.h"
#include "interfaces/social_store.h"
#include "model/job.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed {

class UserStore {
 public:
  virtual ~UserStore() = default;
  // conflict (field "handle") when the handle is taken, compared case-insensitively.
  virtual Result<User> create_user(const UserRecord& record) = 0;
  virtual Result<UserRecord> find_user_by_handle(std::string_view handle) = 0;  // not_found
  virtual Result<User> find_user(std::string_view user_id) = 0;                 // not_found
  virtual Status set_admin(std::string_view user_id, bool is_admin) = 0;        // not_found
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual Status create_session(const Session& session) = 0;
  // not_found when absent or expired at `now_ms`.
  virtual Result<Session> find_session(std::string_view token_hash, std::int64_t now_ms) = 0;
  virtual Status delete_session(std::string_view token_hash) = 0;  // absent is not an error
};

class VideoStore {
 public:
  virtual ~VideoStore() = default;
  virtual Status insert_video(const Video& video) = 0;
  virtual Result<Video> find_video(std::string_view video_id) = 0;  // not_found
  // Sets status published and published_at_ms (keeps the first time when already published).
  virtual Result<Video> publish_video(std::string_view video_id, std::int64_t now_ms) = 0;
  virtual Status delete_video(std::string_view video_id) = 0;  // not_found
  // Published videos, newest published first (ties by id, descending), starting
  // strictly after `after` when given.
  virtual Result<std::vector<Video>> list_published(const std::optional<FeedPosition>& after,
                                                    int limit) = 0;
  // The same page's places (published time, id) alone, without the records: cheap
  // enough for a caller that keeps the records at hand (services/feed/cached_clip_store).
  virtual Result<std::vector<FeedPosition>> list_published_positions(
      const std::optional<FeedPosition>& after, int limit) = 0;
  // A user's drafts, newest first.
  virtual Result<std::vector<Video>> list_drafts(std::string_view user_id, int limit) = 0;
  // The published videos among `video_ids`, in no particular order; ids of drafts and of
  // videos that do not exist are left out.
  virtual Result<std::vector<Video>> find_published(const std::vector<std::string>& video_ids) = 0;
};

// At most `limit` charged jobs (see JobQueue::count_charged_jobs) made since `since_ms`.
struct JobAllowance {
  int limit = 0;
  std::int64_t since_ms = 0;
};

struct NewJob {
  std::string id;
  std::string user_id;
  GenerationRequest request;
  int priority = 0;
  int max_attempts = 3;
  std::int64_t now_ms = 0;
  // When set, enqueue refuses (quota_exhausted) a job that would exceed it, checked in
  // the same transaction as the insert.
  std::optional<JobAllowance> allowance;
};

// Identifies one lease of one job; a worker holding an old lease cannot touch the job.
struct JobLease {
  std::string job_id;
  std::string token;
};

// The durable queue. A job moves queued → running (leased) → succeeded | failed |
// cancelled; a running job whose lease expires is leased again while attempts remain.
class JobQueue {
 public:
  virtual ~JobQueue() = default;
  virtual Result<Job> enqueue(const NewJob& job) = 0;
  virtual Result<Job> find_job(std::string_view job_id) = 0;  // not_found

  // Takes the next runnable job: queued, or running with an expired lease, highest
  // priority first then oldest. Increments attempts and gives it a fresh lease token.
  // A job whose lease expired with no attempts left becomes failed instead.
  // nullopt when nothing is runnable.
  virtual Result<std::optional<Job>> lease(std::string_view worker_id, std::int64_t now_ms,
                                           std::int64_t lease_ms) = 0;
  // Extends the lease and records progress. lease_lost when the lease is no longer
  // this one; cancelled when the job was cancelled (the worker should stop).
  virtual Status heartbeat(const JobLease& lease, int progress, std::int64_t now_ms,
                           std::int64_t lease_ms) = 0;
  // Inserts the finished video and marks the job succeeded, in one transaction.
  virtual Result<Job> complete(const JobLease& lease, const Video& video, std::int64_t now_ms) = 0;
  // retryable and attempts remain → queued again; otherwise failed with `error`.
  virtual Result<Job> fail(const JobLease& lease, std::string_view error, bool retryable,
                           std::int64_t now_ms) = 0;
  // Puts a running job back in the queue without spending an attempt (shutdown).
  virtual Status release(const JobLease& lease, std::int64_t now_ms) = 0;
  // queued or running → cancelled; conflict when already finished.
  virtual Result<Job> cancel(std::string_view job_id, std::int64_t now_ms) = 0;
  // 1 for the next job to run, 2 after it…; 0 when the job is not queued.
  virtual Result<int> queue_position(std::string_view job_id) = 0;
  // Jobs of `user_id` made at or after `since_ms` that count against the monthly
  // allowance: every job except failed ones and ones cancelled before a worker took
  // them (attempts == 0), which give their generation back.
  virtual Result<int> count_charged_jobs(std::string_view user_id, std::int64_t since_ms) = 0;
  // The user's queued and running jobs, oldest first, at most `limit`.
  virtual Result<std::vector<Job>> list_active_jobs(std::string_view user_id, int limit) = 0;
};

// Everything a store implementation offers, for wiring in main and for tests.
class Store : public UserStore,
              public SessionStore,
              public VideoStore,
              public JobQueue,
              public SocialStore,
              public RankingEventLog {};

}  // namespace dreamfeed
