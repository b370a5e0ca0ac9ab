// CachedClipStore: find_published from the cache, and the writes that forget records.
// Each write forgets after the store changed: a read that raced with it cannot store
// its older record afterwards (ExpiringCache's generation moved on).
#include "services/feed/cached_clip_store.h"

#include <string_view>
#include <unordered_map>

namespace dreamfeed {

CachedClipStore::CachedClipStore(VideoStore& videos, SocialStore& social, const Clock& clock,
                                 ClipCacheConfig config)
    : videos_(videos),
      social_(social),
      clock_(clock),
      ttl_ms_(config.ttl.count()),
      max_likes_kept_(config.max_likes_kept),
      clips_(config.ttl.count() > 0 ? config.max_clips : 0),
      likes_(config.ttl.count() > 0 ? config.max_viewers : 0) {}

void CachedClipStore::forget(std::string_view video_id) { clips_.forget(std::string(video_id)); }

void CachedClipStore::forget_creator(std::string_view creator_id) {
  clips_.forget_if(
      [&](const std::shared_ptr<const Video>& clip) { return clip->creator_id == creator_id; });
}

// ---- VideoStore ----

Result<std::vector<Video>> CachedClipStore::find_published(
    const std::vector<std::string>& video_ids) {
  auto records = find_published_records(video_ids);
  if (!records) return records.error();
  std::vector<Video> found;
  found.reserve(records->size());
  for (const auto& record : *records) found.push_back(*record);
  return found;
}

Result<std::vector<std::shared_ptr<const Video>>> CachedClipStore::find_published_records(
    const std::vector<std::string>& video_ids) {
  const std::int64_t now = clock_.now_ms();
  std::vector<std::shared_ptr<const Video>> found;
  found.reserve(video_ids.size());
  std::vector<std::string> missing;
  for (const std::string& id : video_ids) {
    if (auto clip = clips_.find(id, now)) {
      found.push_back(std::move(*clip));
    } else {
      missing.push_back(id);
    }
  }
  if (missing.empty()) return found;
  const std::uint64_t generation = clips_.generation();  // before the read
  auto read = videos_.find_published(missing);
  if (!read) return read.error();
  for (Video& video : *read) {
    std::string id = video.id;
    auto clip = std::make_shared<const Video>(std::move(video));
    found.push_back(clip);
    clips_.store(std::move(id), std::move(clip), now, now + ttl_ms_, generation);
  }
  return found;
}

Status CachedClipStore::insert_video(const Video& video) {
  auto inserted = videos_.insert_video(video);
  // Inserted already published, it counts as a remix of its source.
  if (video.remix_of) forget(*video.remix_of);
  forget(video.id);
  return inserted;
}

Result<Video> CachedClipStore::find_video(std::string_view video_id) {
  return videos_.find_video(video_id);
}

Result<Video> CachedClipStore::publish_video(std::string_view video_id, std::int64_t now_ms) {
  auto published = videos_.publish_video(video_id, now_ms);
  if (published && published->remix_of) forget(*published->remix_of);  // its remix count
  forget(video_id);
  return published;
}

Status CachedClipStore::delete_video(std::string_view video_id) {
  auto deleted = videos_.delete_video(video_id);
  // Its remixes show their source, and its source counts it: finding them all would
  // take a query, and deletions are rare.
  clips_.clear();
  return deleted;
}

Result<std::vector<Video>> CachedClipStore::list_published(const std::optional<FeedPosition>& after,
                                                           int limit) {
  if (ttl_ms_ <= 0) return videos_.list_published(after, limit);
  // The page's places come from the feed index alone; the records, mostly remembered.
  auto positions = videos_.list_published_positions(after, limit);
  if (!positions) return positions.error();
  std::vector<std::string> ids;
  ids.reserve(positions->size());
  for (const FeedPosition& position : *positions) ids.push_back(position.video_id);
  auto records = find_published(ids);
  if (!records) return records.error();
  // A clip deleted between the two reads would make the page short, which reads as
  // the end of the feed: the whole page is read again in one query instead.
  if (records->size() != ids.size()) return videos_.list_published(after, limit);
  std::unordered_map<std::string_view, Video*> by_id;
  for (Video& video : *records) by_id.emplace(video.id, &video);
  std::vector<Video> page;
  page.reserve(ids.size());
  for (const std::string& id : ids) page.push_back(std::move(*by_id.at(id)));
  return page;
}

Result<std::vector<FeedPosition>> CachedClipStore::list_published_positions(
    const std::optional<FeedPosition>& after, int limit) {
  return videos_.list_published_positions(after, limit);
}

Result<std::vector<Video>> CachedClipStore::list_drafts(std::string_view user_id, int limit) {
  return videos_.list_drafts(user_id, limit);
}

// ---- SocialStore: the writes that change a clip's record ----

Result<User> CachedClipStore::update_profile(std::string_view user_id,
                                             const std::optional<std::string>& display_name,
                                             const std::optional<std::string>& bio) {
  auto updated = social_.update_profile(user_id, display_name, bio);
  forget_creator(user_id);  // their clips show the creator's name
  return updated;
}

Result<User> CachedClipStore::bump_avatar_version(std::string_view user_id) {
  auto bumped = social_.bump_avatar_version(user_id);
  forget_creator(user_id);  // and avatar
  return bumped;
}

Result<std::int64_t> CachedClipStore::like(std::string_view user_id, std::string_view video_id,
                                           std::int64_t now_ms) {
  auto likes = social_.like(user_id, video_id, now_ms);
  forget(video_id);
  likes_.forget(std::string(user_id));
  return likes;
}

Result<std::int64_t> CachedClipStore::unlike(std::string_view user_id, std::string_view video_id) {
  auto likes = social_.unlike(user_id, video_id);
  forget(video_id);
  likes_.forget(std::string(user_id));
  return likes;
}

Result<Comment> CachedClipStore::add_comment(const Comment& comment) {
  auto added = social_.add_comment(comment);
  forget(comment.video_id);
  return added;
}

Status CachedClipStore::delete_comment(std::string_view comment_id) {
  auto comment = social_.find_comment(comment_id);
  auto deleted = social_.delete_comment(comment_id);
  if (comment) {
    forget(comment->video_id);
  } else {
    clips_.clear();  // which clip it counted on is unknown; a rare path
  }
  return deleted;
}

// ---- SocialStore: reads and follows, passed through ----

Result<std::int64_t> CachedClipStore::follow(std::string_view follower_id,
                                             std::string_view followee_id, std::int64_t now_ms) {
  return social_.follow(follower_id, followee_id, now_ms);
}

Result<std::int64_t> CachedClipStore::unfollow(std::string_view follower_id,
                                               std::string_view followee_id) {
  return social_.unfollow(follower_id, followee_id);
}

Result<std::vector<FollowEntry>> CachedClipStore::list_followers(
    std::string_view user_id, const std::optional<PagePosition>& after, int limit) {
  return social_.list_followers(user_id, after, limit);
}

Result<std::vector<FollowEntry>> CachedClipStore::list_following(
    std::string_view user_id, const std::optional<PagePosition>& after, int limit) {
  return social_.list_following(user_id, after, limit);
}

Result<std::vector<std::string>> CachedClipStore::followed_among(
    std::string_view follower_id, const std::vector<std::string>& user_ids) {
  return social_.followed_among(follower_id, user_ids);
}

Result<std::vector<std::string>> CachedClipStore::liked_among(
    std::string_view user_id, const std::vector<std::string>& video_ids) {
  if (ttl_ms_ <= 0) return social_.liked_among(user_id, video_ids);
  auto likes = likes_of(user_id);
  if (!likes) return likes.error();
  if (*likes == nullptr) return social_.liked_among(user_id, video_ids);
  std::vector<std::string> liked;
  for (const std::string& id : video_ids) {
    if ((*likes)->contains(id)) liked.push_back(id);
  }
  return liked;
}

Result<std::shared_ptr<const std::unordered_set<std::string>>> CachedClipStore::likes_of(
    std::string_view user_id) {
  const std::string key(user_id);
  const std::int64_t now = clock_.now_ms();
  if (auto kept = likes_.find(key, now)) return std::move(*kept);
  const std::uint64_t generation = likes_.generation();  // before the read
  auto all = social_.liked_videos(user_id, max_likes_kept_ + 1);
  if (!all) return all.error();
  std::shared_ptr<const std::unordered_set<std::string>> likes;
  // A viewer who likes a great deal is remembered as such, and asked per page.
  if (static_cast<int>(all->size()) <= max_likes_kept_) {
    likes = std::make_shared<const std::unordered_set<std::string>>(
        std::make_move_iterator(all->begin()), std::make_move_iterator(all->end()));
  }
  likes_.store(key, likes, now, now + ttl_ms_, generation);
  return likes;
}

Result<std::vector<std::string>> CachedClipStore::liked_videos(std::string_view user_id,
                                                               int limit) {
  return social_.liked_videos(user_id, limit);
}

Result<Comment> CachedClipStore::find_comment(std::string_view comment_id) {
  return social_.find_comment(comment_id);
}

Result<std::vector<Comment>> CachedClipStore::list_comments(
    std::string_view video_id, const std::optional<PagePosition>& after, int limit) {
  return social_.list_comments(video_id, after, limit);
}

Result<std::vector<Video>> CachedClipStore::list_creator_videos(
    std::string_view creator_id, const std::optional<PagePosition>& after, int limit) {
  return social_.list_creator_videos(creator_id, after, limit);
}

Result<std::vector<Video>> CachedClipStore::list_remixes(std::string_view video_id,
                                                         const std::optional<PagePosition>& after,
                                                         int limit) {
  return social_.list_remixes(video_id, after, limit);
}

Result<std::vector<Video>> CachedClipStore::list_following_feed(
    std::string_view follower_id, const std::optional<PagePosition>& after, int limit) {
  return social_.list_following_feed(follower_id, after, limit);
}

}  // namespace dreamfeed
