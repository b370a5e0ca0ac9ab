// Dreamfeed's SQLite schema, one migration per step, and the code that applies them.
// Times are integer milliseconds since the Unix epoch; enums are stored by name.
#include "adapters/store/sqlite/migrations.h"

#include <mutex>
#include <string>

namespace dreamfeed::sqlite {

namespace {

constexpr std::string_view kUsersAndSessions = R"sql(
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  handle        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  created_at_ms INTEGER NOT NULL
);
CREATE TABLE sessions (
  token_hash    TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
)sql";

// The feed and drafts indexes are partial and ordered exactly like their queries, so a
// page is an index walk of `limit` entries, never a sort of every published video.
constexpr std::string_view kVideos = R"sql(
CREATE TABLE videos (
  id              TEXT PRIMARY KEY,
  creator_id      TEXT NOT NULL REFERENCES users (id),
  status          TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  prompt          TEXT NOT NULL,
  seconds         INTEGER NOT NULL,
  width           INTEGER NOT NULL,
  height          INTEGER NOT NULL,
  seed            INTEGER NOT NULL,  -- uint64 stored with the same bits as int64
  remix_of        TEXT REFERENCES videos (id) ON DELETE SET NULL,
  backend         TEXT NOT NULL,
  video_key       TEXT NOT NULL,
  thumbnail_key   TEXT NOT NULL,
  size_bytes      INTEGER NOT NULL,
  scene_json      TEXT NOT NULL DEFAULT '',
  created_at_ms   INTEGER NOT NULL,
  published_at_ms INTEGER,
  CHECK (status = 'draft' OR published_at_ms IS NOT NULL)
);
CREATE INDEX videos_feed ON videos (published_at_ms DESC, id DESC) WHERE status = 'published';
CREATE INDEX videos_drafts ON videos (creator_id, created_at_ms DESC, id DESC)
  WHERE status = 'draft';
CREATE INDEX videos_by_remix_of ON videos (remix_of) WHERE remix_of IS NOT NULL;
)sql";

// jobs_runnable is the lease order (priority first, then age) over queued jobs only, so
// lease and queue_position walk the queue, not the whole job history; jobs_leased finds
// expired leases among the few running jobs.
constexpr std::string_view kJobs = R"sql(
CREATE TABLE jobs (
  id                  TEXT PRIMARY KEY,
  user_id             TEXT NOT NULL REFERENCES users (id),
  status              TEXT NOT NULL
    CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress            INTEGER NOT NULL DEFAULT 0,
  prompt              TEXT NOT NULL,
  seconds             INTEGER NOT NULL,
  aspect              TEXT NOT NULL,
  resolution          TEXT NOT NULL,
  seed                INTEGER NOT NULL,  -- uint64 stored with the same bits as int64
  remix_of            TEXT,
  creator_handle      TEXT NOT NULL,
  priority            INTEGER NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0,
  max_attempts        INTEGER NOT NULL,
  lease_token         TEXT NOT NULL DEFAULT '',
  lease_owner         TEXT NOT NULL DEFAULT '',
  lease_expires_at_ms INTEGER NOT NULL DEFAULT 0,
  video_id            TEXT REFERENCES videos (id) ON DELETE SET NULL,
  error               TEXT,
  created_at_ms       INTEGER NOT NULL,
  updated_at_ms       INTEGER NOT NULL
);
CREATE INDEX jobs_runnable ON jobs (priority DESC, created_at_ms, id) WHERE status = 'queued';
CREATE INDEX jobs_leased ON jobs (lease_expires_at_ms) WHERE status = 'running';
CREATE INDEX jobs_by_user ON jobs (user_id, created_at_ms);
CREATE INDEX jobs_by_video ON jobs (video_id) WHERE video_id IS NOT NULL;
)sql";

// Ties in the lease order fall to the enqueue order (the rowid, which every SQLite
// index ends with) rather than to the random job id.
constexpr std::string_view kJobsInEnqueueOrder = R"sql(
DROP INDEX jobs_runnable;
CREATE INDEX jobs_runnable ON jobs (priority DESC, created_at_ms) WHERE status = 'queued';
)sql";

// The social layer. Counters live on the user and video rows (kept in step by the store
// in the same transaction as each follow, like, comment or publication) so profiles and
// feed pages never COUNT(*); existing rows are counted once here. The per-creator and
// per-remix indexes are ordered like the feed, so those pages are index walks too.
constexpr std::string_view kSocial = R"sql(
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN avatar_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN followers_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN following_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN published_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE videos ADD COLUMN likes_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE videos ADD COLUMN comments_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE videos ADD COLUMN remixes_count INTEGER NOT NULL DEFAULT 0;
UPDATE users SET published_count =
  (SELECT COUNT(*) FROM videos v WHERE v.creator_id = users.id AND v.status = 'published');
UPDATE videos SET remixes_count =
  (SELECT COUNT(*) FROM videos r WHERE r.remix_of = videos.id AND r.status = 'published');
CREATE TABLE follows (
  follower_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  followee_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
CREATE INDEX follows_by_follower ON follows (follower_id, created_at_ms DESC, followee_id DESC);
CREATE INDEX follows_by_followee ON follows (followee_id, created_at_ms DESC, follower_id DESC);
CREATE TABLE likes (
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  video_id      TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, video_id)
);
CREATE INDEX likes_by_video ON likes (video_id);
CREATE TABLE comments (
  id            TEXT PRIMARY KEY,
  video_id      TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
  author_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  text          TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
);
CREATE INDEX comments_by_video ON comments (video_id, created_at_ms DESC, id DESC);
CREATE INDEX videos_by_creator ON videos (creator_id, published_at_ms DESC, id DESC)
  WHERE status = 'published';
CREATE INDEX videos_remixes ON videos (remix_of, published_at_ms DESC, id DESC)
  WHERE status = 'published' AND remix_of IS NOT NULL;
CREATE INDEX jobs_by_user_status ON jobs (user_id, created_at_ms, status, attempts);
)sql";

// Changes the ranking made since its last snapshot (interfaces/ranking_event_log.h).
// AUTOINCREMENT: a position is never reused, even after the newest rows are forgotten.
constexpr char kRankingLog[] = R"sql(
CREATE TABLE ranking_log (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  payload TEXT NOT NULL
);
)sql";

constexpr Migration kMigrations[] = {
    {1, "users and sessions", kUsersAndSessions},
    {2, "videos", kVideos},
    {3, "job queue", kJobs},
    {4, "job queue ties in enqueue order", kJobsInEnqueueOrder},
    {5, "social: follows, likes, comments, profiles, counters", kSocial},
    {6, "ranking log: changes since the last ranking snapshot", kRankingLog},
};

Result<int> latest_applied_version(Connection& connection) {
  auto query = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!query) return query.error();
  auto row = query->step();
  if (!row) return row.error();
  return query->int32(0);
}

}  // namespace

std::span<const Migration> schema_migrations() { return kMigrations; }

Status apply_migrations(Connection& connection, std::span<const Migration> migrations,
                        std::int64_t now_ms) {
  if (auto s = connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                  "  version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
      !s) {
    return s.error();
  }
  // Only this thread uses the connection yet; the busy timeout orders processes that
  // open the same file at once, and the version is re-read under the write lock.
  std::mutex writers;
  for (const Migration& migration : migrations) {
    auto transaction = WriteTransaction::begin(connection, writers);
    if (!transaction) return transaction.error();
    auto latest = latest_applied_version(connection);
    if (!latest) return latest.error();
    if (migration.version <= *latest) continue;
    if (auto s = connection.execute(migration.sql); !s) {
      return make_error(s.error().code, "database migration " + std::to_string(migration.version) +
                                            " (" + std::string(migration.name) +
                                            ") failed: " + s.error().message);
    }
    auto record =
        connection.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    if (!record) return record.error();
    if (auto s = record->bind_all(migration.version, now_ms).run(); !s) return s.error();
    if (auto s = transaction->commit(); !s) return s.error();
  }
  auto latest = latest_applied_version(connection);
  if (!latest) return latest.error();
  if (!migrations.empty() && *latest > migrations.back().version) {
    return make_error(ErrorCode::internal,
                      "the database has schema version " + std::to_string(*latest) +
                          ", newer than this build of Dreamfeed knows (" +
                          std::to_string(migrations.back().version) + "); upgrade Dreamfeed");
  }
  return {};
}

}  // namespace dreamfeed::sqlite
