// SqliteStore: opening, and the users, sessions and videos it stores. The job queue is
// in sqlite_job_queue.cpp.
#include "adapters/store/sqlite/sqlite_store.h"

#include <chrono>

#include "adapters/store/sqlite/in_write_transaction.h"
#include "adapters/store/sqlite/migrations.h"
#include "adapters/store/sqlite/sqlite_connection_pool.h"
#include "adapters/store/sqlite/sqlite_queries.h"
#include "adapters/store/sqlite/sqlite_rows.h"
#include "common/crypto.h"

namespace dreamfeed {

using sqlite::WriteTransaction;

namespace {

std::int64_t wall_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Error not_found(std::string what, std::string_view id) {
  return make_error(ErrorCode::not_found, what + " " + std::string(id) + " does not exist");
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::filesystem::path& db_file,
                                                       std::size_t max_connections) {
  init_crypto();  // lease tokens come from libsodium's generator
  auto first = sqlite::Connection::open(db_file);
  if (!first) return first.error();
  // Migrations are stamped with the wall clock: the store's API takes times from its
  // callers, but opening has no caller-supplied time and this is only for operators.
  if (auto s = sqlite::apply_migrations(**first, sqlite::schema_migrations(), wall_clock_ms());
      !s) {
    return s.error();
  }
  auto pool =
      std::make_unique<sqlite::ConnectionPool>(db_file, std::move(first).value(), max_connections);
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(pool)));
}

SqliteStore::SqliteStore(std::unique_ptr<sqlite::ConnectionPool> pool) : pool_(std::move(pool)) {}

SqliteStore::~SqliteStore() = default;

// ---- users ----

Result<User> SqliteStore::create_user(const UserRecord& record) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<User> {
    {
      auto insert = connection.prepare(
          "INSERT INTO users (id, handle, display_name, password_hash, is_admin, "
          "created_at_ms) "
          "VALUES (?, ?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      insert->bind_all(record.user.id, record.user.handle, record.user.display_name,
                       record.password_hash, record.user.is_admin, record.user.created_at_ms);
      if (auto s = insert->run(); !s) {
        if (s.error().code != ErrorCode::conflict) return s.error();
        // SQLite names the violated column in its message ("UNIQUE constraint failed:
        // users.handle"); the extended code alone cannot tell handle from id.
        if (s.error().message.find("users.handle") != std::string::npos) {
          return make_error(ErrorCode::conflict,
                            "the handle \"" + record.user.handle + "\" is already taken", "handle");
        }
        return make_error(ErrorCode::conflict,
                          "a user with id " + record.user.id + " already exists", "id");
      }
    }
    return record.user;
  });
}

Result<UserRecord> SqliteStore::find_user_by_handle(std::string_view handle) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  // The column's NOCASE collation makes this comparison case-insensitive and indexed.
  auto query =
      (*connection)->prepare("SELECT " DREAMFEED_USER_COLUMNS " FROM users u WHERE u.handle = ?");
  if (!query) return query.error();
  auto row = query->bind_all(handle).step();
  if (!row) return row.error();
  if (!*row)
    return make_error(ErrorCode::not_found, "no user has the handle " + std::string(handle));
  return sqlite::read_user_record(*query);
}

Result<User> SqliteStore::find_user(std::string_view user_id) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query =
      (*connection)->prepare("SELECT " DREAMFEED_USER_COLUMNS " FROM users u WHERE u.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(user_id).step();
  if (!row) return row.error();
  if (!*row) return not_found("user", user_id);
  return sqlite::read_user_record(*query).user;
}

Status SqliteStore::set_admin(std::string_view user_id, bool is_admin) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    {
      auto update = connection.prepare("UPDATE users SET is_admin = ? WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(is_admin, user_id).run(); !s) return s.error();
    }
    if (connection.changes() == 0) return not_found("user", user_id);
    return {};
  });
}

// ---- sessions ----

Status SqliteStore::create_session(const Session& session) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    {
      auto insert = connection.prepare(
          "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at_ms, "
          "expires_at_ms) "
          "VALUES (?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      insert->bind_all(session.token_hash, session.user_id, session.csrf_token,
                       session.created_at_ms, session.expires_at_ms);
      if (auto s = insert->run(); !s) return s.error();
    }
    return {};
  });
}

Result<Session> SqliteStore::find_session(std::string_view token_hash, std::int64_t now_ms) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query =
      (*connection)
          ->prepare(
              "SELECT token_hash, user_id, csrf_token, created_at_ms, expires_at_ms FROM sessions "
              "WHERE token_hash = ? AND expires_at_ms > ?");
  if (!query) return query.error();
  auto row = query->bind_all(token_hash, now_ms).step();
  if (!row) return row.error();
  if (!*row) return make_error(ErrorCode::not_found, "the session does not exist or has expired");
  Session session;
  session.token_hash = query->text(0);
  session.user_id = query->text(1);
  session.csrf_token = query->text(2);
  session.created_at_ms = query->int64(3);
  session.expires_at_ms = query->int64(4);
  return session;
}

Status SqliteStore::delete_session(std::string_view token_hash) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    {
      auto remove = connection.prepare("DELETE FROM sessions WHERE token_hash = ?");
      if (!remove) return remove.error();
      if (auto s = remove->bind_all(token_hash).run(); !s) return s.error();
    }
    return {};
  });
}

// ---- videos ----

namespace {

Result<Video> find_video_on(sqlite::Connection& connection, std::string_view video_id) {
  auto query =
      connection.prepare("SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM " WHERE v.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(video_id).step();
  if (!row) return row.error();
  if (!*row) return not_found("video", video_id);
  return sqlite::read_video(*query);
}

}  // namespace

Status SqliteStore::insert_video(const Video& video) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    if (auto s = sqlite::insert_video_row(connection, video); !s) return s.error();
    return {};
  });
}

Result<Video> SqliteStore::find_video(std::string_view video_id) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return find_video_on(**connection, video_id);
}

Result<Video> SqliteStore::publish_video(std::string_view video_id, std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Video> {
    auto before = find_video_on(connection, video_id);
    if (!before) return before.error();
    if (before->status == VideoStatus::draft) {
      if (auto s = sqlite::count_publication(connection, *before, 1); !s) return s.error();
    }
    {
      // COALESCE keeps the first publication time, so re-publishing does not bump a video
      // back to the top of the feed.
      auto update = connection.prepare(
          "UPDATE videos SET status = 'published', published_at_ms = "
          "COALESCE(published_at_ms, ?) "
          "WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(now_ms, video_id).run(); !s) return s.error();
    }
    if (connection.changes() == 0) return not_found("video", video_id);
    auto video = find_video_on(connection, video_id);
    if (!video) return video.error();
    return video;
  });
}

Status SqliteStore::delete_video(std::string_view video_id) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    auto before = find_video_on(connection, video_id);
    if (!before) return before.error();
    if (before->status == VideoStatus::published) {
      if (auto s = sqlite::count_publication(connection, *before, -1); !s) return s.error();
    }
    {
      auto remove = connection.prepare("DELETE FROM videos WHERE id = ?");
      if (!remove) return remove.error();
      if (auto s = remove->bind_all(video_id).run(); !s) return s.error();
    }
    if (connection.changes() == 0) return not_found("video", video_id);
    return {};
  });
}

Result<std::vector<Video>> SqliteStore::list_published(const std::optional<FeedPosition>& after,
                                                       int limit) {
  if (limit <= 0) return std::vector<Video>{};
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  if (!after) {
    auto query = (*connection)->prepare(sqlite::kFeedFirstPageSql);
    if (!query) return query.error();
    query->bind_all(limit);
    return sqlite::read_videos(*query);
  }
  auto query = (*connection)->prepare(sqlite::kFeedNextPageSql);
  if (!query) return query.error();
  query->bind_all(after->published_at_ms, after->video_id, limit);
  return sqlite::read_videos(*query);
}

Result<std::vector<FeedPosition>> SqliteStore::list_published_positions(
    const std::optional<FeedPosition>& after, int limit) {
  if (limit <= 0) return std::vector<FeedPosition>{};
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query =
      (*connection)
          ->prepare(after ? sqlite::kFeedNextPositionsSql : sqlite::kFeedFirstPositionsSql);
  if (!query) return query.error();
  if (after) {
    query->bind_all(after->published_at_ms, after->video_id, limit);
  } else {
    query->bind_all(limit);
  }
  std::vector<FeedPosition> positions;
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) break;
    positions.push_back(FeedPosition{query->int64(0), query->text(1)});
  }
  return positions;
}

Result<std::vector<Video>> SqliteStore::list_drafts(std::string_view user_id, int limit) {
  if (limit <= 0) return std::vector<Video>{};
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query = (*connection)->prepare(sqlite::kDraftsSql);
  if (!query) return query.error();
  query->bind_all(user_id, limit);
  return sqlite::read_videos(*query);
}

Result<std::vector<Video>> SqliteStore::find_published(const std::vector<std::string>& video_ids) {
  if (video_ids.empty()) return std::vector<Video>{};
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query = (*connection)
                   ->prepare("SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM
                             " WHERE v.status = 'published' AND v.id IN (" +
                             sqlite::placeholders(video_ids.size()) + ")");
  if (!query) return query.error();
  for (std::size_t i = 0; i < video_ids.size(); ++i) {
    query->bind(static_cast<int>(i) + 1, video_ids[i]);
  }
  return sqlite::read_videos(*query);
}

}  // namespace dreamfeed
