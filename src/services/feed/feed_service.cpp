// FeedService: keyset pagination over published videos.
#include "services/feed/feed_service.h"

#include <charconv>

#include "common/crypto.h"

namespace dreamfeed {

std::string encode_feed_cursor(const FeedPosition& position) {
  return base64url_encode(std::to_string(position.published_at_ms) + "." + position.video_id);
}

std::optional<FeedPosition> decode_feed_cursor(std::string_view cursor) {
  auto raw = base64url_decode(cursor);
  if (!raw) return std::nullopt;
  auto dot = raw->find('.');
  if (dot == std::string::npos || dot + 1 >= raw->size()) return std::nullopt;
  FeedPosition position;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + dot, position.published_at_ms);
  if (ec != std::errc() || end != raw->data() + dot) return std::nullopt;
  position.video_id = raw->substr(dot + 1);
  return position;
}

FeedService::FeedService(VideoStore& videos) : videos_(videos) {}

Result<FeedPage> FeedService::page(std::string_view cursor, int limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    return make_error(ErrorCode::invalid_argument, "limit must be between 1 and 50", "limit");
  }
  std::optional<FeedPosition> after;
  if (!cursor.empty()) {
    after = decode_feed_cursor(cursor);
    if (!after) return make_error(ErrorCode::invalid_argument, "cursor is not valid", "cursor");
  }
  // One extra row tells whether another page exists without a second query.
  auto rows = videos_.list_published(after, limit + 1);
  if (!rows) return rows.error();
  FeedPage page;
  page.items = std::move(*rows);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(limit);
    const Video& last = page.items.back();
    page.next_cursor = encode_feed_cursor({last.published_at_ms.value_or(0), last.id});
  }
  return page;
}

}  // namespace dreamfeed
