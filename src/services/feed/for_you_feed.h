// ForYouFeed: GET /api/v1/feed's pages — the ranking's choice of clips for one viewer (or
// a visitor) joined with the store's records, each with why it was chosen. Its cursor
// carries the clips served on the scroll's earlier pages (as id hashes, 4 bytes each:
// ranking/served_clips.h), whose impressions may not have arrived yet, so a quick scroll
// never repeats a clip.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "model/video.h"
#include "services/feed/cached_clip_store.h"
#include "services/ranking/ranking_service.h"

namespace dreamfeed {

struct ForYouItem {
  std::shared_ptr<const Video> video;  // the record as the clip cache keeps it (shared)
  std::string reason;                  // "because you finished 3 clips about horses"
  bool liked_by_me = false;            // the record's own liked_by_me is not set
};

struct ForYouPage {
  std::vector<ForYouItem> items;
  std::optional<std::string> next_cursor;  // absent when the ranking had no more to give
  bool limit_reached = false;              // the viewer's daily watch limit; items is empty
  std::string message;                     // why the feed ended, when it did
  std::optional<std::string> nudge;        // "want to make a clip of your own?"
};

class ForYouFeed {
 public:
  // How many served clips a cursor remembers: three pages of 20. Older ones have had
  // time for their impressions to arrive and be filtered as seen.
  static constexpr std::size_t kCursorMemory = 60;

  ForYouFeed(ranking::RankingService& ranking, CachedClipStore& clips)
      : ranking_(ranking), clips_(clips) {}

  // `viewer_id` empty: a visitor (trending and exploring clips, no personal filters).
  // Errors: invalid_argument on "limit" (1–50) or "cursor" (not one made here).
  Result<ForYouPage> page(std::string_view viewer_id, std::string_view cursor, int limit) const;

 private:
  ranking::RankingService& ranking_;
  CachedClipStore& clips_;
};

// Exposed for tests: base64url("r2" + each served clip's id hash, 4 bytes little endian,
// oldest first); decoding also reads the ids of version 1's cursors as their hashes.
std::string encode_for_you_cursor(const std::vector<std::uint32_t>& served);
std::optional<std::vector<std::uint32_t>> decode_for_you_cursor(std::string_view cursor);

}  // namespace dreamfeed
