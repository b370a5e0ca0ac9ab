// SqliteStore's durable job queue. Every state change runs in one BEGIN IMMEDIATE
// transaction that reads the job and then writes it, so two workers can never both
// take, finish or fail the same lease. Each step is a plain indexed SELECT followed by
// an UPDATE by id, which is how the PostgreSQL store will do it with
// SELECT … FOR UPDATE SKIP LOCKED.
#include <algorithm>
#include <tuple>

#include "adapters/store/sqlite/in_write_transaction.h"
#include "adapters/store/sqlite/sqlite_connection_pool.h"
#include "adapters/store/sqlite/sqlite_queries.h"
#include "adapters/store/sqlite/sqlite_rows.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "common/crypto.h"

namespace dreamfeed {

using sqlite::Connection;
using sqlite::WriteTransaction;

namespace {

constexpr std::size_t kLeaseTokenBytes = 16;  // 128 bits: not guessable by another worker
constexpr std::string_view kRetriesExhausted =
    "the worker running this job stopped responding; retries exhausted";

Result<int> count_charged_jobs_on(Connection& connection, std::string_view user_id,
                                  std::int64_t since_ms);

Result<Job> find_job_on(Connection& connection, std::string_view job_id) {
  auto query = connection.prepare("SELECT " DREAMFEED_JOB_COLUMNS " FROM jobs j WHERE j.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(job_id).step();
  if (!row) return row.error();
  if (!*row)
    return make_error(ErrorCode::not_found, "job " + std::string(job_id) + " does not exist");
  return sqlite::read_job(*query);
}

// The next runnable job in lease order, as (-priority, created_at_ms, rowid) so that
// the smaller key runs first. The rowid is the enqueue order: jobs made in the same
// millisecond run in the order they were made, not in the order of their random ids.
struct Candidate {
  std::tuple<std::int64_t, std::int64_t, std::int64_t> order;
  std::string job_id;
  std::string id() const { return job_id; }
};

Result<std::optional<Candidate>> first_candidate(sqlite::Statement& query) {
  auto row = query.step();
  if (!row) return row.error();
  if (!*row) return std::optional<Candidate>();
  return std::optional<Candidate>(
      Candidate{{-query.int64(1), query.int64(2), query.int64(3)}, query.text(0)});
}

// Expired leases with no attempts left end here rather than being leased again.
Status fail_exhausted_leases(Connection& connection, std::int64_t now_ms) {
  auto update = connection.prepare(
      "UPDATE jobs SET status = 'failed', error = ?, lease_token = '', lease_expires_at_ms = 0,"
      " updated_at_ms = ?"
      " WHERE status = 'running' AND lease_expires_at_ms <= ? AND attempts >= max_attempts");
  if (!update) return update.error();
  return update->bind_all(kRetriesExhausted, now_ms, now_ms).run();
}

Result<std::optional<Candidate>> next_runnable(Connection& connection, std::int64_t now_ms) {
  // Two index walks (jobs_runnable, jobs_leased) rather than one OR query, which SQLite
  // would answer by scanning every job ever made.
  std::optional<Candidate> queued;
  {
    auto query = connection.prepare(sqlite::kNextQueuedJobSql);
    if (!query) return query.error();
    auto found = first_candidate(*query);
    if (!found) return found.error();
    queued = std::move(found).value();
  }
  std::optional<Candidate> expired;
  {
    auto query = connection.prepare(sqlite::kNextExpiredJobSql);
    if (!query) return query.error();
    query->bind_all(now_ms);
    auto found = first_candidate(*query);
    if (!found) return found.error();
    expired = std::move(found).value();
  }
  if (queued && expired) return expired->order < queued->order ? expired : queued;
  return queued ? queued : expired;
}

// The job behind `lease` if the lease is still the current one. cancelled when the job
// was cancelled (the worker should stop), lease_lost when another lease replaced it or
// the job is no longer running.
Result<Job> check_lease(Connection& connection, const JobLease& lease) {
  auto job = find_job_on(connection, lease.job_id);
  if (!job) {
    if (job.error().code != ErrorCode::not_found) return job.error();
    return make_error(ErrorCode::lease_lost, "job " + lease.job_id + " no longer exists");
  }
  if (job->status == JobStatus::cancelled) {
    return make_error(ErrorCode::cancelled, "job " + lease.job_id + " was cancelled");
  }
  if (job->status != JobStatus::running || job->lease_token != lease.token) {
    return make_error(ErrorCode::lease_lost,
                      "the lease on job " + lease.job_id + " expired or was taken over");
  }
  return job;
}

// Queued again with the lease cleared; `attempt_refund` is 1 when the attempt is given
// back (release) and 0 when it is spent (a retryable failure).
Status requeue(Connection& connection, std::string_view job_id, int attempt_refund,
               std::int64_t now_ms) {
  auto update = connection.prepare(
      "UPDATE jobs SET status = 'queued', progress = 0, attempts = MAX(attempts - ?, 0),"
      " lease_token = '', lease_expires_at_ms = 0, updated_at_ms = ? WHERE id = ?");
  if (!update) return update.error();
  return update->bind_all(attempt_refund, now_ms, job_id).run();
}

}  // namespace

Result<Job> SqliteStore::enqueue(const NewJob& job) {
  if (job.max_attempts < 1) {
    return make_error(ErrorCode::invalid_argument, "a job needs at least one attempt",
                      "max_attempts");
  }
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Job> {
    if (job.allowance) {
      // Counted under the write lock, so concurrent orders cannot both take the last one.
      auto used = count_charged_jobs_on(connection, job.user_id, job.allowance->since_ms);
      if (!used) return used.error();
      if (*used >= job.allowance->limit) {
        return make_error(ErrorCode::quota_exhausted,
                          "job allowance of user " + job.user_id + " is used up");
      }
    }
    {
      auto insert = connection.prepare(
          "INSERT INTO jobs (id, user_id, status, prompt, seconds, aspect, resolution, seed,"
          " remix_of, creator_handle, priority, max_attempts, created_at_ms, updated_at_ms)"
          " VALUES (?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      const GenerationRequest& request = job.request;
      insert->bind_all(job.id, job.user_id, request.prompt, request.seconds,
                       to_string(request.aspect), to_string(request.resolution), request.seed,
                       request.remix_of, request.creator_handle, job.priority, job.max_attempts,
                       job.now_ms, job.now_ms);
      if (auto s = insert->run(); !s) {
        Error error = s.error();
        error.message = "cannot queue job " + job.id + ": " + error.message;
        if (error.code == ErrorCode::conflict) error.field = "id";
        return error;
      }
    }
    auto stored = find_job_on(connection, job.id);
    if (!stored) return stored.error();
    return stored;
  });
}

Result<Job> SqliteStore::find_job(std::string_view job_id) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return find_job_on(**connection, job_id);
}

Result<std::optional<Job>> SqliteStore::lease(std::string_view worker_id, std::int64_t now_ms,
                                              std::int64_t lease_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::optional<Job>> {
    if (auto s = fail_exhausted_leases(connection, now_ms); !s) return s.error();
    auto candidate = next_runnable(connection, now_ms);
    if (!candidate) return candidate.error();
    if (!*candidate) {
      // A success, so it commits: jobs that just ran out of attempts must stay failed.
      return std::optional<Job>();
    }
    const std::string job_id = (*candidate)->id();
    {
      auto update = connection.prepare(
          "UPDATE jobs SET status = 'running', attempts = attempts + 1, progress = 0,"
          " lease_token = ?, lease_owner = ?, lease_expires_at_ms = ?, updated_at_ms = ?"
          " WHERE id = ?");
      if (!update) return update.error();
      update->bind_all(random_token(kLeaseTokenBytes), worker_id, now_ms + lease_ms, now_ms,
                       job_id);
      if (auto s = update->run(); !s) return s.error();
    }
    auto leased = find_job_on(connection, job_id);
    if (!leased) return leased.error();
    return std::optional<Job>(std::move(leased).value());
  });
}

Status SqliteStore::heartbeat(const JobLease& lease, int progress, std::int64_t now_ms,
                              std::int64_t lease_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    if (auto job = check_lease(connection, lease); !job) return job.error();
    {
      auto update = connection.prepare(
          "UPDATE jobs SET progress = ?, lease_expires_at_ms = ?, updated_at_ms = "
          "? WHERE id = ?");
      if (!update) return update.error();
      update->bind_all(std::clamp(progress, 0, 100), now_ms + lease_ms, now_ms, lease.job_id);
      if (auto s = update->run(); !s) return s.error();
    }
    return {};
  });
}

Result<Job> SqliteStore::complete(const JobLease& lease, const Video& video, std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Job> {
    if (auto job = check_lease(connection, lease); !job) return job.error();
    if (auto s = sqlite::insert_video_row(connection, video); !s) return s.error();
    {
      auto update = connection.prepare(
          "UPDATE jobs SET status = 'succeeded', progress = 100, video_id = ?, error = NULL,"
          " lease_token = '', lease_expires_at_ms = 0, updated_at_ms = ? WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(video.id, now_ms, lease.job_id).run(); !s) return s.error();
    }
    auto done = find_job_on(connection, lease.job_id);
    if (!done) return done.error();
    return done;
  });
}

Result<Job> SqliteStore::fail(const JobLease& lease, std::string_view error, bool retryable,
                              std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Job> {
    auto job = check_lease(connection, lease);
    if (!job) return job.error();
    if (retryable && job->attempts < job->max_attempts) {
      if (auto s = requeue(connection, lease.job_id, 0, now_ms); !s) return s.error();
    } else {
      auto update = connection.prepare(
          "UPDATE jobs SET status = 'failed', error = ?, lease_token = '', "
          "lease_expires_at_ms = 0,"
          " updated_at_ms = ? WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(error, now_ms, lease.job_id).run(); !s) return s.error();
    }
    auto after = find_job_on(connection, lease.job_id);
    if (!after) return after.error();
    return after;
  });
}

Status SqliteStore::release(const JobLease& lease, std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    if (auto job = check_lease(connection, lease); !job) return job.error();
    if (auto s = requeue(connection, lease.job_id, 1, now_ms); !s) return s.error();
    return {};
  });
}

Result<Job> SqliteStore::cancel(std::string_view job_id, std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Job> {
    auto job = find_job_on(connection, job_id);
    if (!job) return job.error();
    if (is_terminal(job->status)) {
      return make_error(ErrorCode::conflict, "job " + std::string(job_id) + " has already " +
                                                 std::string(to_string(job->status)) +
                                                 " and cannot be cancelled");
    }
    {
      // The lease is cleared, so the worker's next heartbeat learns of the cancellation
      // and nothing it sends afterwards can change the job.
      auto update = connection.prepare(
          "UPDATE jobs SET status = 'cancelled', lease_token = '', lease_expires_at_ms = 0,"
          " updated_at_ms = ? WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(now_ms, job_id).run(); !s) return s.error();
    }
    auto cancelled = find_job_on(connection, job_id);
    if (!cancelled) return cancelled.error();
    return cancelled;
  });
}

Result<int> SqliteStore::queue_position(std::string_view job_id) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  // One statement, so the job's state and the count come from the same snapshot.
  auto query = (*connection)
                   ->prepare(
                       "SELECT CASE WHEN j.status <> 'queued' THEN 0 ELSE 1 + ("
                       "  SELECT COUNT(*) FROM jobs q WHERE q.status = 'queued' AND ("
                       "    q.priority > j.priority OR (q.priority = j.priority AND ("
                       "      q.created_at_ms < j.created_at_ms OR"
                       "      (q.created_at_ms = j.created_at_ms AND q.rowid < j.rowid))))) END"
                       " FROM jobs j WHERE j.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(job_id).step();
  if (!row) return row.error();
  if (!*row)
    return make_error(ErrorCode::not_found, "job " + std::string(job_id) + " does not exist");
  return query->int32(0);
}

namespace {

Result<int> count_charged_jobs_on(Connection& connection, std::string_view user_id,
                                  std::int64_t since_ms) {
  auto query = connection.prepare(
      "SELECT COUNT(*) FROM jobs WHERE user_id = ? AND created_at_ms >= ?"
      " AND status <> 'failed' AND NOT (status = 'cancelled' AND attempts = 0)");
  if (!query) return query.error();
  auto row = query->bind_all(user_id, since_ms).step();
  if (!row) return row.error();
  return query->int32(0);
}

}  // namespace

Result<int> SqliteStore::count_charged_jobs(std::string_view user_id, std::int64_t since_ms) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return count_charged_jobs_on(**connection, user_id, since_ms);
}

Result<std::vector<Job>> SqliteStore::list_active_jobs(std::string_view user_id, int limit) {
  std::vector<Job> jobs;
  if (limit <= 0) return jobs;
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query =
      (*connection)
          ->prepare("SELECT " DREAMFEED_JOB_COLUMNS
                    " FROM jobs j WHERE j.user_id = ? AND j.status IN ('queued', 'running')"
                    " ORDER BY j.created_at_ms, j.rowid LIMIT ?");
  if (!query) return query.error();
  query->bind_all(user_id, limit);
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return jobs;
    auto job = sqlite::read_job(*query);
    if (!job) return job.error();
    jobs.push_back(std::move(*job));
  }
}

}  // namespace dreamfeed
