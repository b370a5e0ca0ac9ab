// ForYouFeed: the ranking's page joined with the store's records, and its cursor.
#include "services/feed/for_you_feed.h"

#include <algorithm>
#include <unordered_map>

#include "common/crypto.h"
#include "services/feed/feed_service.h"

namespace dreamfeed {
namespace {

constexpr std::string_view kCursorPrefix = "r1.";

}  // namespace

std::string encode_for_you_cursor(const std::vector<std::string>& served) {
  std::string raw(kCursorPrefix);
  for (std::size_t i = 0; i < served.size(); ++i) {
    if (i > 0) raw += ',';
    raw += served[i];
  }
  return base64url_encode(raw);
}

std::optional<std::vector<std::string>> decode_for_you_cursor(std::string_view cursor) {
  auto raw = base64url_decode(cursor);
  if (!raw || !raw->starts_with(kCursorPrefix)) return std::nullopt;
  std::vector<std::string> served;
  std::string_view rest = std::string_view(*raw).substr(kCursorPrefix.size());
  if (rest.empty()) return std::nullopt;  // every cursor made here names a served clip
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view id = rest.substr(0, comma);
    if (id.empty() || served.size() >= ForYouFeed::kCursorMemory) return std::nullopt;
    served.emplace_back(id);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
    if (rest.empty()) return std::nullopt;  // a trailing comma was not made here
  }
  return served;
}

Result<ForYouPage> ForYouFeed::page(std::string_view viewer_id, std::string_view cursor,
                                    int limit) const {
  if (auto ok = check_page_limit(limit); !ok) return ok.error();
  std::vector<std::string> served;
  if (!cursor.empty()) {
    auto decoded = decode_for_you_cursor(cursor);
    if (!decoded) return make_error(ErrorCode::invalid_argument, "cursor is not valid", "cursor");
    served = std::move(*decoded);
  }

  ranking::FeedPage ranked = ranking_.page(viewer_id, limit, served);
  ForYouPage page;
  page.limit_reached = ranked.limit_reached;
  page.message = std::move(ranked.message);
  page.nudge = std::move(ranked.nudge);

  std::vector<std::string> ids;
  for (const ranking::FeedItem& item : ranked.items) {
    if (!item.ad_slot) ids.push_back(item.video_id);  // ad slots stay empty until ads exist
  }
  auto records = clips_.find_published_records(ids);
  if (!records) return records.error();
  std::vector<std::string> liked;
  if (!viewer_id.empty() && !ids.empty()) {
    auto found = clips_.liked_among(viewer_id, ids);
    if (!found) return found.error();
    liked = std::move(*found);
  }
  std::unordered_map<std::string_view, const std::shared_ptr<const Video>*> by_id;
  for (const auto& record : *records) by_id.emplace(record->id, &record);
  for (ranking::FeedItem& item : ranked.items) {
    // A clip the ranking still holds but the store no longer publishes (deleted by
    // another server process) is left out.
    auto found = by_id.find(item.video_id);
    if (item.ad_slot || found == by_id.end()) continue;
    const bool liked_by_me = std::find(liked.begin(), liked.end(), item.video_id) != liked.end();
    page.items.push_back(ForYouItem{*found->second, std::move(item.reason), liked_by_me});
  }

  // A short page means the ranking has nothing more to give this scroll.
  if (!page.limit_reached && static_cast<int>(ranked.items.size()) >= limit) {
    for (const std::string& id : ids) served.push_back(id);
    if (served.size() > kCursorMemory) {
      served.erase(served.begin(), served.end() - static_cast<std::ptrdiff_t>(kCursorMemory));
    }
    page.next_cursor = encode_for_you_cursor(served);
  }
  return page;
}

}  // namespace dreamfeed
