// The queries whose plans matter as the data grows: the feed, the drafts list and the
// two halves of the queue's next-job lookup. Each must walk its partial index in ORDER BY
// order and stop after LIMIT rows; sqlite_store_test.cpp checks their plans, which is
// why they live here rather than inline at their one call site.
#pragma once

#include "adapters/store/sqlite/sqlite_rows.h"

namespace dreamfeed::sqlite {

// Parameter: limit.
inline constexpr char kFeedFirstPageSql[] = "SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM
                                            " WHERE v.status = 'published'"
                                            " ORDER BY v.published_at_ms DESC, v.id DESC LIMIT ?";

// Parameters: the cursor's published_at_ms and video id, limit. The row-value comparison
// lets SQLite start the walk at the cursor instead of filtering from the top.
inline constexpr char kFeedNextPageSql[] =
    "SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM
    " WHERE v.status = 'published' AND (v.published_at_ms, v.id) < (?, ?)"
    " ORDER BY v.published_at_ms DESC, v.id DESC LIMIT ?";

// The same two pages' places alone, read from the feed index without touching the rows.
// Columns: published_at_ms, id.
inline constexpr char kFeedFirstPositionsSql[] =
    "SELECT v.published_at_ms, v.id FROM videos v WHERE v.status = 'published'"
    " ORDER BY v.published_at_ms DESC, v.id DESC LIMIT ?";
inline constexpr char kFeedNextPositionsSql[] =
    "SELECT v.published_at_ms, v.id FROM videos v"
    " WHERE v.status = 'published' AND (v.published_at_ms, v.id) < (?, ?)"
    " ORDER BY v.published_at_ms DESC, v.id DESC LIMIT ?";

// Parameters: creator id, limit.
inline constexpr char kDraftsSql[] = "SELECT " DREAMFEED_VIDEO_COLUMNS DREAMFEED_VIDEO_FROM
                                     " WHERE v.creator_id = ? AND v.status = 'draft'"
                                     " ORDER BY v.created_at_ms DESC, v.id DESC LIMIT ?";

// The first queued job in lease order. Columns: id, priority, created_at_ms.
inline constexpr char kNextQueuedJobSql[] =
    "SELECT id, priority, created_at_ms, rowid FROM jobs WHERE status = 'queued'"
    " ORDER BY priority DESC, created_at_ms, rowid LIMIT 1";

// The first running job whose lease expired at `now` (the parameter), in lease order.
inline constexpr char kNextExpiredJobSql[] =
    "SELECT id, priority, created_at_ms, rowid FROM jobs"
    " WHERE status = 'running' AND lease_expires_at_ms <= ?"
    " ORDER BY priority DESC, created_at_ms, rowid LIMIT 1";

}  // namespace dreamfeed::sqlite
