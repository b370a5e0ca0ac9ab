// ForYouFeed: the ranking's page joined with the store's records, and its cursor.
#include "services/feed/for_you_feed.h"

#include <algorithm>
#include <unordered_map>

#include "common/crypto.h"
#include "services/feed/feed_service.h"
#include "services/ranking/served_clips.h"

namespace dreamfeed {
namespace {

// Version 2: "r2" and each served clip's id hash (ranking::ServedClips), 4 bytes little
// endian. Version 1 carried the ids, comma-separated, after "r1."; such cursors, made
// before an upgrade, are still read.
constexpr std::string_view kCursorPrefix = "r2";
constexpr std::string_view kIdsCursorPrefix = "r1.";

std::optional<std::vector<std::uint32_t>> decode_ids_cursor(std::string_view rest) {
  std::vector<std::uint32_t> served;
  if (rest.empty()) return std::nullopt;  // every cursor made here names a served clip
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view id = rest.substr(0, comma);
    if (id.empty() || served.size() >= ForYouFeed::kCursorMemory) return std::nullopt;
    served.push_back(ranking::ServedClips::hash_of(id));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
    if (rest.empty()) return std::nullopt;  // a trailing comma was not made here
  }
  return served;
}

}  // namespace

std::string encode_for_you_cursor(const std::vector<std::uint32_t>& served) {
  std::string raw(kCursorPrefix);
  raw.reserve(kCursorPrefix.size() + 4 * served.size());
  for (std::uint32_t hash : served) {
    for (int shift = 0; shift < 32; shift += 8) raw += static_cast<char>(hash >> shift & 0xFF);
  }
  return base64url_encode(raw);
}

std::optional<std::vector<std::uint32_t>> decode_for_you_cursor(std::string_view cursor) {
  auto raw = base64url_decode(cursor);
  if (!raw) return std::nullopt;
  if (raw->starts_with(kIdsCursorPrefix)) {
    return decode_ids_cursor(std::string_view(*raw).substr(kIdsCursorPrefix.size()));
  }
  if (!raw->starts_with(kCursorPrefix)) return std::nullopt;
  const std::string_view hashes = std::string_view(*raw).substr(kCursorPrefix.size());
  if (hashes.empty() || hashes.size() % 4 != 0 || hashes.size() / 4 > ForYouFeed::kCursorMemory) {
    return std::nullopt;
  }
  std::vector<std::uint32_t> served;
  served.reserve(hashes.size() / 4);
  for (std::size_t i = 0; i < hashes.size(); i += 4) {
    std::uint32_t hash = 0;
    for (int b = 0; b < 4; ++b) {
      hash |= std::uint32_t{static_cast<unsigned char>(hashes[i + b])} << (8 * b);
    }
    served.push_back(hash);
  }
  return served;
}

Result<ForYouPage> ForYouFeed::page(std::string_view viewer_id, std::string_view cursor,
                                    int limit) const {
  if (auto ok = check_page_limit(limit); !ok) return ok.error();
  std::vector<std::uint32_t> served;
  if (!cursor.empty()) {
    auto decoded = decode_for_you_cursor(cursor);
    if (!decoded) return make_error(ErrorCode::invalid_argument, "cursor is not valid", "cursor");
    served = std::move(*decoded);
  }

  ranking::FeedPage ranked = ranking_.page(viewer_id, limit, ranking::ServedClips(served));
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
    for (const std::string& id : ids) served.push_back(ranking::ServedClips::hash_of(id));
    if (served.size() > kCursorMemory) {
      served.erase(served.begin(), served.end() - static_cast<std::ptrdiff_t>(kCursorMemory));
    }
    page.next_cursor = encode_for_you_cursor(served);
  }
  return page;
}

}  // namespace dreamfeed
