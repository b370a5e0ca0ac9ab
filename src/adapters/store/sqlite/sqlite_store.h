// Store on one SQLite file: the embedded default for users, sessions, videos and the
// durable job queue. Safe to use from many threads: each call borrows a pooled
// connection, and every write runs in a BEGIN IMMEDIATE transaction (serialised within
// the process; other processes on the same file, e.g. `dreamfeed admin`, wait up to 5 s).
// Needs a real file: ":memory:" would give each pooled connection its own database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <type_traits>

#include "interfaces/store.h"

namespace dreamfeed {

namespace sqlite {
class Connection;
class ConnectionPool;
}  // namespace sqlite

class SqliteStore final : public Store {
 public:
  // Connections open at most at once; more concurrent callers wait for one to be free.
  static constexpr std::size_t kDefaultMaxConnections = 16;

  // Opens or creates the database file (its folder must exist) and brings its schema
  // up to date. unavailable when the file cannot be opened; internal when the file was
  // written by a newer Dreamfeed.
  static Result<std::unique_ptr<SqliteStore>> open(
      const std::filesystem::path& db_file, std::size_t max_connections = kDefaultMaxConnections);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // UserStore
  Result<User> create_user(const UserRecord& record) override;
  Result<UserRecord> find_user_by_handle(std::string_view handle) override;
  Result<User> find_user(std::string_view user_id) override;
  Status set_admin(std::string_view user_id, bool is_admin) override;

  // SessionStore
  Status create_session(const Session& session) override;
  Result<Session> find_session(std::string_view token_hash, std::int64_t now_ms) override;
  Status delete_session(std::string_view token_hash) override;

  // VideoStore
  Status insert_video(const Video& video) override;
  Result<Video> find_video(std::string_view video_id) override;
  Result<Video> publish_video(std::string_view video_id, std::int64_t now_ms) override;
  Status delete_video(std::string_view video_id) override;
  Result<std::vector<Video>> list_published(const std::optional<FeedPosition>& after,
                                            int limit) override;
  Result<std::vector<Video>> list_drafts(std::string_view user_id, int limit) override;
  Result<std::vector<Video>> find_published(const std::vector<std::string>& video_ids) override;
  Result<std::vector<FeedPosition>> list_published_positions(
      const std::optional<FeedPosition>& after, int limit) override;

  // JobQueue (sqlite_job_queue.cpp)
  Result<Job> enqueue(const NewJob& job) override;
  Result<Job> find_job(std::string_view job_id) override;
  Result<std::optional<Job>> lease(std::string_view worker_id, std::int64_t now_ms,
                                   std::int64_t lease_ms) override;
  Status heartbeat(const JobLease& lease, int progress, std::int64_t now_ms,
                   std::int64_t lease_ms) override;
  Result<Job> complete(const JobLease& lease, const Video& video, std::int64_t now_ms) override;
  Result<Job> fail(const JobLease& lease, std::string_view error, bool retryable,
                   std::int64_t now_ms) override;
  Status release(const JobLease& lease, std::int64_t now_ms) override;
  Result<Job> cancel(std::string_view job_id, std::int64_t now_ms) override;
  Result<int> queue_position(std::string_view job_id) override;
  Result<int> count_charged_jobs(std::string_view user_id, std::int64_t since_ms) override;
  Result<std::vector<Job>> list_active_jobs(std::string_view user_id, int limit) override;

  // SocialStore (sqlite_social_store.cpp)
  Result<User> update_profile(std::string_view user_id,
                              const std::optional<std::string>& display_name,
                              const std::optional<std::string>& bio) override;
  Result<User> bump_avatar_version(std::string_view user_id) override;
  Result<std::int64_t> follow(std::string_view follower_id, std::string_view followee_id,
                              std::int64_t now_ms) override;
  Result<std::int64_t> unfollow(std::string_view follower_id,
                                std::string_view followee_id) override;
  Result<std::vector<FollowEntry>> list_followers(std::string_view user_id,
                                                  const std::optional<PagePosition>& after,
                                                  int limit) override;
  Result<std::vector<FollowEntry>> list_following(std::string_view user_id,
                                                  const std::optional<PagePosition>& after,
                                                  int limit) override;
  Result<std::vector<std::string>> followed_among(
      std::string_view follower_id, const std::vector<std::string>& user_ids) override;
  Result<std::int64_t> like(std::string_view user_id, std::string_view video_id,
                            std::int64_t now_ms) override;
  Result<std::int64_t> unlike(std::string_view user_id, std::string_view video_id) override;
  Result<std::vector<std::string>> liked_among(std::string_view user_id,
                                               const std::vector<std::string>& video_ids) override;
  Result<std::vector<std::string>> liked_videos(std::string_view user_id, int limit) override;
  Result<Comment> add_comment(const Comment& comment) override;
  Result<Comment> find_comment(std::string_view comment_id) override;
  Status delete_comment(std::string_view comment_id) override;
  Result<std::vector<Comment>> list_comments(std::string_view video_id,
                                             const std::optional<PagePosition>& after,
                                             int limit) override;
  Result<std::vector<Video>> list_creator_videos(std::string_view creator_id,
                                                 const std::optional<PagePosition>& after,
                                                 int limit) override;
  Result<std::vector<Video>> list_remixes(std::string_view video_id,
                                          const std::optional<PagePosition>& after,
                                          int limit) override;
  Result<std::vector<Video>> list_following_feed(std::string_view follower_id,
                                                 const std::optional<PagePosition>& after,
                                                 int limit) override;

  // RankingEventLog (sqlite_ranking_log.cpp).
  Result<std::uint64_t> append(std::string_view payload) override;
  Result<std::vector<LoggedChange>> read_after(std::uint64_t position, int limit) override;
  Status forget_through(std::uint64_t position) override;

 private:
  explicit SqliteStore(std::unique_ptr<sqlite::ConnectionPool> pool);

  // Runs `body` on a pooled connection inside a write transaction, committed when `body`
  // succeeds and rolled back when it (or the commit) fails. Every write goes through it.
  // Defined in in_write_transaction.h, which the store's .cpp files include.
  template <class Body>
  std::invoke_result_t<Body&, sqlite::Connection&> in_write_transaction(Body&& body);

  std::unique_ptr<sqlite::ConnectionPool> pool_;
};

}  // namespace dreamfeed
