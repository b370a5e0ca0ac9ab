// Published videos newest first, in pages joined by an opaque cursor: GET /api/v1/feed
// ?order=newest. The For You feed is for_you_feed.h; the cursor helpers below serve
// every newest-first list of the API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/store.h"
#include "model/video.h"

namespace dreamfeed {

struct FeedPage {
  std::vector<Video> items;
  std::optional<std::string> next_cursor;  // absent on the last page
};

class FeedService {
 public:
  static constexpr int kDefaultPageSize = 20;
  static constexpr int kMaxPageSize = 50;

  explicit FeedService(VideoStore& videos);

  // `cursor` is the next_cursor of the previous page, or empty for the first page.
  // A cursor that was not made here → invalid_argument on field "cursor".
  Result<FeedPage> page(std::string_view cursor, int limit = kDefaultPageSize);

 private:
  VideoStore& videos_;
};

// Exposed for tests: the cursor is base64url("<published_at_ms>.<video_id>"). Every
// newest-first list in the API (comments, followers, remixes…) uses the same scheme with
// its own (time, id) pair.
std::string encode_feed_cursor(const FeedPosition& position);
std::optional<FeedPosition> decode_feed_cursor(std::string_view cursor);

// invalid_argument naming "limit" unless 1 ≤ limit ≤ FeedService::kMaxPageSize.
Status check_page_limit(int limit);

// Checks a page request: limit from 1 to FeedService::kMaxPageSize, and a cursor that is
// empty (first page: nullopt) or was made by encode_feed_cursor. Errors name the field.
Result<std::optional<FeedPosition>> read_page_request(std::string_view cursor, int limit);

// Pages are asked of the store with one extra row, which tells whether another page
// exists without a second query: drops it and returns the cursor of the last item kept
// (nullopt on the last page). `position_of` gives an item's (time, id).
template <class T, class PositionOf>
std::optional<std::string> trim_to_page(std::vector<T>& items, int limit, PositionOf position_of) {
  if (static_cast<int>(items.size()) <= limit) return std::nullopt;
  items.resize(limit);
  return encode_feed_cursor(position_of(items.back()));
}

// A published video's place in feed order.
inline FeedPosition feed_position(const Video& video) {
  return {video.published_at_ms.value_or(0), video.id};
}

}  // namespace dreamfeed
