// How users, videos and jobs map to rows: the column lists every SELECT uses and the
// functions that read a row back into a model struct. Kept together so a column added
// to one query cannot drift out of step with the reader. The column lists are macros
// so they join the rest of a query as one string literal, prepared and cached as is.
#pragma once

#include <vector>

#include "adapters/store/sqlite/sqlite_connection.h"
#include "model/job.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed::sqlite {

// Columns of `users u`, in the order read_user_record expects.
#define DREAMFEED_USER_COLUMNS                                                            \
  "u.id, u.handle, u.display_name, u.is_admin, u.created_at_ms, u.password_hash, u.bio, " \
  "u.avatar_version, u.followers_count, u.following_count, u.published_count"
// The number of columns DREAMFEED_USER_COLUMNS reads, for queries that add their own after.
inline constexpr int kUserColumnCount = 11;
UserRecord read_user_record(const Statement& row);
// The same from column `first` on, for queries that select other columns first.
User read_user_at(const Statement& row, int first);

// Columns of DREAMFEED_VIDEO_FROM, in read_video's order. CROSS JOIN keeps videos as the
// outer loop, so the planner walks the videos index that matches ORDER BY and never sorts;
// the remix source and its creator are primary-key look-ups per row of the page.
#define DREAMFEED_VIDEO_COLUMNS                                                          \
  "v.id, v.creator_id, u.handle, v.status, v.prompt, v.seconds, v.width, v.height, "     \
  "v.seed, v.remix_of, v.backend, v.video_key, v.thumbnail_key, v.size_bytes, "          \
  "v.scene_json, v.created_at_ms, v.published_at_ms, u.display_name, u.avatar_version, " \
  "v.likes_count, v.comments_count, v.remixes_count, ru.handle"
#define DREAMFEED_VIDEO_FROM                                 \
  " FROM videos v CROSS JOIN users u ON u.id = v.creator_id" \
  " LEFT JOIN videos rv ON rv.id = v.remix_of LEFT JOIN users ru ON ru.id = rv.creator_id"
Video read_video(const Statement& row);
// "?, ?, ?" for `n` parameters of an IN list. Callers bound `n` by a page size (≤ 50), so
// the statement cache holds a handful of these texts at most.
std::string placeholders(std::size_t n);
// Every remaining row of `query` as a video.
Result<std::vector<Video>> read_videos(Statement& query);
// Inserts every stored field of `video` (creator_handle is not stored; it is joined).
// A video inserted already published is counted like a publication.
Status insert_video_row(Connection& connection, const Video& video);
// Moves the counters a publication changes by `delta` (+1 publish, -1 unpublish or
// delete): the creator's published videos and the remix source's remixes.
Status count_publication(Connection& connection, const Video& video, int delta);

// Columns of `jobs j`, in read_job's order.
#define DREAMFEED_JOB_COLUMNS                                                            \
  "j.id, j.user_id, j.status, j.progress, j.prompt, j.seconds, j.aspect, j.resolution, " \
  "j.seed, j.remix_of, j.creator_handle, j.priority, j.attempts, j.max_attempts, "       \
  "j.lease_token, j.lease_owner, j.lease_expires_at_ms, j.video_id, j.error, "           \
  "j.created_at_ms, j.updated_at_ms"
// Fails (internal) only when a stored enum name is unknown, i.e. the row was written by
// something other than this store.
Result<Job> read_job(const Statement& row);

}  // namespace dreamfeed::sqlite
