// SqliteStore's social half: follows, likes, comments, profile edits and the lists built
// on them. Each edge and the counter it changes are written in one BEGIN IMMEDIATE
// transaction, so the counters on users and videos never drift from the edge tables.
// A missing cursor is the sentinel (INT64_MAX, ''), which sorts after every row, so one
// SQL text serves the first and the following pages.
#include <limits>

#include "adapters/store/sqlite/in_write_transaction.h"
#include "adapters/store/sqlite/sqlite_connection_pool.h"
#include "adapters/store/sqlite/sqlite_rows.h"
#include "adapters/store/sqlite/sqlite_store.h"

namespace dreamfeed {

using sqlite::Connection;
using sqlite::WriteTransaction;

namespace {

PagePosition start_of(const std::optional<PagePosition>& after) {
  return after.value_or(PagePosition{std::numeric_limits<std::int64_t>::max(), ""});
}

Error not_found(std::string_view what, std::string_view id) {
  return make_error(ErrorCode::not_found,
                    std::string(what) + " " + std::string(id) + " does not exist");
}

Result<User> find_user_on(Connection& connection, std::string_view user_id) {
  auto query = connection.prepare("SELECT " DREAMFEED_USER_COLUMNS " FROM users u WHERE u.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(user_id).step();
  if (!row) return row.error();
  if (!*row) return not_found("user", user_id);
  return sqlite::read_user_at(*query, 0);
}

// A single integer column of the first row, or not_found naming `what`.
Result<std::int64_t> read_count(Connection& connection, std::string_view sql, std::string_view id,
                                std::string_view what) {
  auto query = connection.prepare(sql);
  if (!query) return query.error();
  auto row = query->bind_all(id).step();
  if (!row) return row.error();
  if (!*row) return not_found(what, id);
  return query->int64(0);
}

// The rows of `sql` (whose first parameter is `owner` and whose remaining ones are
// `ids`) as strings: which of `ids` are linked to `owner`.
Result<std::vector<std::string>> ids_among(Connection& connection, const std::string& sql,
                                           std::string_view owner,
                                           const std::vector<std::string>& ids) {
  std::vector<std::string> found;
  if (ids.empty()) return found;
  auto query = connection.prepare(sql);
  if (!query) return query.error();
  query->bind(1, owner);
  for (std::size_t i = 0; i < ids.size(); ++i) query->bind(static_cast<int>(i) + 2, ids[i]);
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return found;
    found.push_back(query->text(0));
  }
}

Result<std::vector<FollowEntry>> read_follow_entries(sqlite::Statement& query) {
  std::vector<FollowEntry> entries;
  while (true) {
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return entries;
    entries.push_back({sqlite::read_user_at(query, 0), query.int64(sqlite::kUserColumnCount)});
  }
}

#define DREAMFEED_COMMENT_SELECT                                              \
  "SELECT c.id, c.video_id, c.text, c.created_at_ms, " DREAMFEED_USER_COLUMNS \
  " FROM comments c CROSS JOIN users u ON u.id = c.author_id"

Comment read_comment(const sqlite::Statement& row) {
  Comment comment;
  comment.id = row.text(0);
  comment.video_id = row.text(1);
  comment.text = row.text(2);
  comment.created_at_ms = row.int64(3);
  comment.author = sqlite::read_user_at(row, 4);
  return comment;
}

Result<Comment> find_comment_on(Connection& connection, std::string_view comment_id) {
  auto query = connection.prepare(DREAMFEED_COMMENT_SELECT " WHERE c.id = ?");
  if (!query) return query.error();
  auto row = query->bind_all(comment_id).step();
  if (!row) return row.error();
  if (!*row) return not_found("comment", comment_id);
  return read_comment(*query);
}

}  // namespace

// ---- profiles ----

Result<User> SqliteStore::update_profile(std::string_view user_id,
                                         const std::optional<std::string>& display_name,
                                         const std::optional<std::string>& bio) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<User> {
    {
      auto update = connection.prepare(
          "UPDATE users SET display_name = COALESCE(?, display_name),"
          " bio = COALESCE(?, bio) WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(display_name, bio, user_id).run(); !s) return s.error();
    }
    if (connection.changes() == 0) return not_found("user", user_id);
    auto user = find_user_on(connection, user_id);
    if (!user) return user.error();
    return user;
  });
}

Result<User> SqliteStore::bump_avatar_version(std::string_view user_id) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<User> {
    {
      auto update =
          connection.prepare("UPDATE users SET avatar_version = avatar_version + 1 WHERE id = ?");
      if (!update) return update.error();
      if (auto s = update->bind_all(user_id).run(); !s) return s.error();
    }
    if (connection.changes() == 0) return not_found("user", user_id);
    auto user = find_user_on(connection, user_id);
    if (!user) return user.error();
    return user;
  });
}

// ---- follows ----

namespace {

// Adds (`delta` = 1) or removes (-1) the edge and moves both users' counters when the
// edge really changed; returns the followee's follower count.
Result<std::int64_t> change_follow(Connection& connection, std::string_view follower_id,
                                   std::string_view followee_id, std::int64_t now_ms, int delta) {
  for (std::string_view id : {follower_id, followee_id}) {
    if (auto user = find_user_on(connection, id); !user) return user.error();
  }
  auto edge =
      delta > 0
          ? connection.prepare(
                "INSERT OR IGNORE INTO follows (follower_id, followee_id, "
                "created_at_ms) VALUES (?, ?, ?)")
          : connection.prepare("DELETE FROM follows WHERE follower_id = ? AND followee_id = ?");
  if (!edge) return edge.error();
  edge->bind_all(follower_id, followee_id);
  if (delta > 0) edge->bind(3, now_ms);
  if (auto s = edge->run(); !s) return s.error();
  if (connection.changes() > 0) {
    auto counters = connection.prepare(
        "UPDATE users SET"
        " followers_count = followers_count + CASE WHEN id = ? THEN ? ELSE 0 END,"
        " following_count = following_count + CASE WHEN id = ? THEN ? ELSE 0 END"
        " WHERE id IN (?, ?)");
    if (!counters) return counters.error();
    if (auto s =
            counters->bind_all(followee_id, delta, follower_id, delta, follower_id, followee_id)
                .run();
        !s) {
      return s.error();
    }
  }
  return read_count(connection, "SELECT followers_count FROM users WHERE id = ?", followee_id,
                    "user");
}

}  // namespace

Result<std::int64_t> SqliteStore::follow(std::string_view follower_id, std::string_view followee_id,
                                         std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::int64_t> {
    auto followers = change_follow(connection, follower_id, followee_id, now_ms, 1);
    if (!followers) return followers.error();
    return followers;
  });
}

Result<std::int64_t> SqliteStore::unfollow(std::string_view follower_id,
                                           std::string_view followee_id) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::int64_t> {
    auto followers = change_follow(connection, follower_id, followee_id, 0, -1);
    if (!followers) return followers.error();
    return followers;
  });
}

namespace {

// One side of the follows table, newest first: who follows `user_id` (listing the
// follower_id column, matched on followee_id) or whom `user_id` follows (the reverse).
// The column names are compile-time constants, never input.
Result<std::vector<FollowEntry>> list_follow_edges(
    sqlite::ConnectionPool& pool, std::string_view listed_column, std::string_view matched_column,
    std::string_view user_id, const std::optional<PagePosition>& after, int limit) {
  if (limit <= 0) return std::vector<FollowEntry>{};
  auto connection = pool.acquire();
  if (!connection) return connection.error();
  const std::string sql = std::string("SELECT " DREAMFEED_USER_COLUMNS
                                      ", f.created_at_ms FROM follows f CROSS JOIN users u"
                                      " ON u.id = f.") +
                          std::string(listed_column) + " WHERE f." + std::string(matched_column) +
                          " = ? AND (f.created_at_ms, f." + std::string(listed_column) +
                          ") < (?, ?) ORDER BY f.created_at_ms DESC, f." +
                          std::string(listed_column) + " DESC LIMIT ?";
  auto query = (*connection)->prepare(sql);
  if (!query) return query.error();
  const PagePosition start = start_of(after);
  query->bind_all(user_id, start.published_at_ms, start.video_id, limit);
  return read_follow_entries(*query);
}

}  // namespace

Result<std::vector<FollowEntry>> SqliteStore::list_followers(
    std::string_view user_id, const std::optional<PagePosition>& after, int limit) {
  return list_follow_edges(*pool_, "follower_id", "followee_id", user_id, after, limit);
}

Result<std::vector<FollowEntry>> SqliteStore::list_following(
    std::string_view user_id, const std::optional<PagePosition>& after, int limit) {
  return list_follow_edges(*pool_, "followee_id", "follower_id", user_id, after, limit);
}

Result<std::vector<std::string>> SqliteStore::followed_among(
    std::string_view follower_id, const std::vector<std::string>& user_ids) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return ids_among(**connection,
                   "SELECT followee_id FROM follows WHERE follower_id = ? AND followee_id IN (" +
                       sqlite::placeholders(user_ids.size()) + ")",
                   follower_id, user_ids);
}

// ---- likes ----

namespace {

Result<std::int64_t> change_like(Connection& connection, std::string_view user_id,
                                 std::string_view video_id, std::int64_t now_ms, int delta) {
  if (auto user = find_user_on(connection, user_id); !user) return user.error();
  auto before =
      read_count(connection, "SELECT likes_count FROM videos WHERE id = ?", video_id, "video");
  if (!before) return before.error();
  auto edge =
      delta > 0
          ? connection.prepare(
                "INSERT OR IGNORE INTO likes (user_id, video_id, created_at_ms) VALUES (?, ?, ?)")
          : connection.prepare("DELETE FROM likes WHERE user_id = ? AND video_id = ?");
  if (!edge) return edge.error();
  edge->bind_all(user_id, video_id);
  if (delta > 0) edge->bind(3, now_ms);
  if (auto s = edge->run(); !s) return s.error();
  if (connection.changes() == 0) return *before;
  auto counter = connection.prepare("UPDATE videos SET likes_count = likes_count + ? WHERE id = ?");
  if (!counter) return counter.error();
  if (auto s = counter->bind_all(delta, video_id).run(); !s) return s.error();
  return *before + delta;
}

}  // namespace

Result<std::int64_t> SqliteStore::like(std::string_view user_id, std::string_view video_id,
                                       std::int64_t now_ms) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::int64_t> {
    auto likes = change_like(connection, user_id, video_id, now_ms, 1);
    if (!likes) return likes.error();
    return likes;
  });
}

Result<std::int64_t> SqliteStore::unlike(std::string_view user_id, std::string_view video_id) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<std::int64_t> {
    auto likes = change_like(connection, user_id, video_id, 0, -1);
    if (!likes) return likes.error();
    return likes;
  });
}

Result<std::vector<std::string>> SqliteStore::liked_among(
    std::string_view user_id, const std::vector<std::string>& video_ids) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return ids_among(**connection,
                   "SELECT video_id FROM likes WHERE user_id = ? AND video_id IN (" +
                       sqlite::placeholders(video_ids.size()) + ")",
                   user_id, video_ids);
}

Result<std::vector<std::string>> SqliteStore::liked_videos(std::string_view user_id, int limit) {
  std::vector<std::string> liked;
  if (limit <= 0) return liked;
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  // The primary key (user_id, video_id) holds the answer; the rows are not read.
  auto query = (*connection)->prepare("SELECT video_id FROM likes WHERE user_id = ? LIMIT ?");
  if (!query) return query.error();
  query->bind_all(user_id, limit);
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return liked;
    liked.push_back(query->text(0));
  }
}

// ---- comments ----

Result<Comment> SqliteStore::add_comment(const Comment& comment) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Result<Comment> {
    if (auto author = find_user_on(connection, comment.author.id); !author) return author.error();
    {
      auto counter =
          connection.prepare("UPDATE videos SET comments_count = comments_count + 1 WHERE id = ?");
      if (!counter) return counter.error();
      if (auto s = counter->bind_all(comment.video_id).run(); !s) return s.error();
      if (connection.changes() == 0) return not_found("video", comment.video_id);
    }
    {
      auto insert = connection.prepare(
          "INSERT INTO comments (id, video_id, author_id, text, created_at_ms)"
          " VALUES (?, ?, ?, ?, ?)");
      if (!insert) return insert.error();
      insert->bind_all(comment.id, comment.video_id, comment.author.id, comment.text,
                       comment.created_at_ms);
      if (auto s = insert->run(); !s) return s.error();
    }
    auto stored = find_comment_on(connection, comment.id);
    if (!stored) return stored.error();
    return stored;
  });
}

Result<Comment> SqliteStore::find_comment(std::string_view comment_id) {
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  return find_comment_on(**connection, comment_id);
}

Status SqliteStore::delete_comment(std::string_view comment_id) {
  return in_write_transaction([&](sqlite::Connection& connection) -> Status {
    auto comment = find_comment_on(connection, comment_id);
    if (!comment) return comment.error();
    {
      auto remove = connection.prepare("DELETE FROM comments WHERE id = ?");
      if (!remove) return remove.error();
      if (auto s = remove->bind_all(comment_id).run(); !s) return s.error();
    }
    {
      auto counter =
          connection.prepare("UPDATE videos SET comments_count = comments_count - 1 WHERE id = ?");
      if (!counter) return counter.error();
      if (auto s = counter->bind_all(comment->video_id).run(); !s) return s.error();
    }
    return {};
  });
}

Result<std::vector<Comment>> SqliteStore::list_comments(std::string_view video_id,
                                                        const std::optional<PagePosition>& after,
                                                        int limit) {
  std::vector<Comment> comments;
  if (limit <= 0) return comments;
  auto connection = pool_->acquire();
  if (!connection) return connection.error();
  auto query = (*connection)
                   ->prepare(DREAMFEED_COMMENT_SELECT
                             " WHERE c.video_id = ? AND (c.created_at_ms, c.id) < (?, ?)"
                             " ORDER BY c.created_at_ms DESC, c.id DESC LIMIT ?");
  if (!query) return query.error();
  const PagePosition start = start_of(after);
  query->bind_all(video_id, start.published_at_ms, start.video_id, limit);
  while (true) {
    auto row = query->step();
    if (!row) return row.error();
    if (!*row) return comments;
    comments.push_back(read_comment(*query));
  }
}

// ---- video lists ----

namespace {

// Published videos matching `condition` (one parameter), in feed order.
Result<std::vector<Video>> published_page(sqlite::ConnectionPool& pool, const char* sql,
                                          std::string_view key,
                                          const std::optional<PagePosition>& after, int limit) {
  if (limit <= 0) return std::vector<Video>{};
  auto connection = pool.acquire();
  if (!connection) return connection.error();
  auto query = (*connection)->prepare(sql);
  if (!query) return query.error();
  const PagePosition start = start_of(after);
  query->bind_all(key, start.published_at_ms, start.video_id, limit);
  return sqlite::read_videos(*query);
}

#define DREAMFEED_PUBLISHED_PAGE(condition)              \
  "SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM \
  " WHERE v.status = 'published' AND " condition         \
  " AND (v.published_at_ms, v.id) < (?, ?) ORDER BY v.published_at_ms DESC, v.id DESC LIMIT ?"

}  // namespace

Result<std::vector<Video>> SqliteStore::list_creator_videos(
    std::string_view creator_id, const std::optional<PagePosition>& after, int limit) {
  return published_page(*pool_, DREAMFEED_PUBLISHED_PAGE("v.creator_id = ?"), creator_id, after,
                        limit);
}

Result<std::vector<Video>> SqliteStore::list_remixes(std::string_view video_id,
                                                     const std::optional<PagePosition>& after,
                                                     int limit) {
  return published_page(*pool_, DREAMFEED_PUBLISHED_PAGE("v.remix_of = ?"), video_id, after, limit);
}

Result<std::vector<Video>> SqliteStore::list_following_feed(
    std::string_view follower_id, const std::optional<PagePosition>& after, int limit) {
  return published_page(
      *pool_,
      DREAMFEED_PUBLISHED_PAGE(
          "v.creator_id IN (SELECT followee_id FROM follows WHERE follower_id = ?)"),
      follower_id, after, limit);
}

}  // namespace dreamfeed
