// Feed v0: published videos, newest first, in pages joined by an opaque cursor.
// The ranked For You feed (issue 5) replaces the ordering; the page shape stays.
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

// Exposed for tests: the cursor is base64url("<published_at_ms>.<video_id>").
std::string encode_feed_cursor(const FeedPosition& position);
std::optional<FeedPosition> decode_feed_cursor(std::string_view cursor);

}  // namespace dreamfeed
