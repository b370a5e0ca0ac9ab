// CachedClipStore: the video and social store seen through a short-lived cache of
// published clips' records, for the For You feed, which turns every page of ranked ids
// into records (video, creator, counters). It wraps a VideoStore and a SocialStore and
// passes every call through, except that find_published answers from the records it
// remembers and reads only the others, and list_published (the newest-first feed) reads
// only the page's places from the store and its records the same way. It also keeps
// each recent viewer's likes, so that liked_by_me on a page costs no query; a viewer's
// own like or unlike through it forgets them.
//
// Every write that changes what a published clip's record shows goes through this
// decorator and forgets the records it touches before returning: publishing (the clip,
// and its remix source's remix count), deleting (everything: its remixes lose their
// source and the source its count), likes, comments, and a creator's profile and avatar
// (all of that creator's clips). So in this process a change shows at once; a change
// made by another server process shows within `ttl`.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>

#include "common/expiring_cache.h"
#include "interfaces/clock.h"
#include "interfaces/store.h"

namespace dreamfeed {

struct ClipCacheConfig {
  std::chrono::milliseconds ttl{30'000};  // 0: no cache, every call goes through
  std::size_t max_clips = 50'000;         // a record is about 2 KB with its scene
  std::size_t max_viewers = 5'000;        // viewers whose likes are kept
  int max_likes_kept = 256;               // a viewer with more is asked of the store each page
};

class CachedClipStore final : public VideoStore, public SocialStore {
 public:
  CachedClipStore(VideoStore& videos, SocialStore& social, const Clock& clock,
                  ClipCacheConfig config = {});

  // VideoStore
  Status insert_video(const Video& video) override;
  Result<Video> find_video(std::string_view video_id) override;
  Result<Video> publish_video(std::string_view video_id, std::int64_t now_ms) override;
  Status delete_video(std::string_view video_id) override;
  Result<std::vector<Video>> list_published(const std::optional<FeedPosition>& after,
                                            int limit) override;
  Result<std::vector<Video>> list_drafts(std::string_view user_id, int limit) override;
  Result<std::vector<Video>> find_published(const std::vector<std::string>& video_ids) override;
  Result<std::vector<FeedPosition>> list_published_positions(
      const std::optional<FeedPosition>& after, int limit) override;

  // find_published's records as they are kept, shared instead of copied (a record holds
  // its scene graph, about 2 KB), in no particular order. A record is never changed:
  // a write replaces it, so a caller may key what it derives from one on its address
  // (see http/api/video_json_memo.h). With no cache (ttl 0) each call makes new ones.
  Result<std::vector<std::shared_ptr<const Video>>> find_published_records(
      const std::vector<std::string>& video_ids);

  // SocialStore
  Result<User> update_profile(std::string_view user_id,
                              const std::optional<std::string>& display_name,
                              const std::optional<std::string>& bio) override;
  Result<User> bump_avatar_version(std::string_view user_id) override;
  Result<std::int64_t> follow(std::string_view follower_id, std::string_view followee_id,
                              std::int64_t now_ms) override;
  Result<std::int64_t> unfollow(std::string_view follower_id,
                                std::string_view followee_id) override;
  Result<std::vector<FollowEntry>> list_followers(std::string_view user_id,
                                                  const std::optional<PagePosition>& after,
                                                  int limit) override;
  Result<std::vector<FollowEntry>> list_following(std::string_view user_id,
                                                  const std::optional<PagePosition>& after,
                                                  int limit) override;
  Result<std::vector<std::string>> followed_among(
      std::string_view follower_id, const std::vector<std::string>& user_ids) override;
  Result<std::int64_t> like(std::string_view user_id, std::string_view video_id,
                            std::int64_t now_ms) override;
  Result<std::int64_t> unlike(std::string_view user_id, std::string_view video_id) override;
  Result<std::vector<std::string>> liked_among(std::string_view user_id,
                                               const std::vector<std::string>& video_ids) override;
  Result<std::vector<std::string>> liked_videos(std::string_view user_id, int limit) override;
  Result<Comment> add_comment(const Comment& comment) override;
  Result<Comment> find_comment(std::string_view comment_id) override;
  Status delete_comment(std::string_view comment_id) override;
  Result<std::vector<Comment>> list_comments(std::string_view video_id,
                                             const std::optional<PagePosition>& after,
                                             int limit) override;
  Result<std::vector<Video>> list_creator_videos(std::string_view creator_id,
                                                 const std::optional<PagePosition>& after,
                                                 int limit) override;
  Result<std::vector<Video>> list_remixes(std::string_view video_id,
                                          const std::optional<PagePosition>& after,
                                          int limit) override;
  Result<std::vector<Video>> list_following_feed(std::string_view follower_id,
                                                 const std::optional<PagePosition>& after,
                                                 int limit) override;

 private:
  void forget(std::string_view video_id);
  void forget_creator(std::string_view creator_id);
  // The viewer's likes: from the cache, else read and kept. nullptr when the viewer has
  // more than max_likes_kept.
  Result<std::shared_ptr<const std::unordered_set<std::string>>> likes_of(std::string_view user_id);

  VideoStore& videos_;
  SocialStore& social_;
  const Clock& clock_;
  const std::int64_t ttl_ms_;
  const int max_likes_kept_;
  // Shared, so a hit copies a pointer under the cache's lock and the record outside it.
  ExpiringCache<std::shared_ptr<const Video>> clips_;
  ExpiringCache<std::shared_ptr<const std::unordered_set<std::string>>> likes_;  // by viewer
};

}  // namespace dreamfeed
