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

Status check_page_limit(int limit) {
  if (limit < 1 || limit > FeedService::kMaxPageSize) {
    return make_error(ErrorCode::invalid_argument, "limit must be between 1 and 50", "limit");
  }
  return {};
}

Result<std::optional<FeedPosition>> read_page_request(std::string_view cursor, int limit) {
  if (auto ok = check_page_limit(limit); !ok) return ok.error();
  if (cursor.empty()) return std::optional<FeedPosition>{};
  auto after = decode_feed_cursor(cursor);
  if (!after) return make_error(ErrorCode::invalid_argument, "cursor is not valid", "cursor");
  return after;
}

Result<FeedPage> FeedService::page(std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  auto rows = videos_.list_published(*after, limit + 1);
  if (!rows) return rows.error();
  FeedPage page;
  page.items = std::move(*rows);
  page.next_cursor = trim_to_page(page.items, limit, feed_position);
  return page;
}

}  // namespace dreamfeed
