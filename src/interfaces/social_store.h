// What the social service needs from the record store: follows, likes, comments,
// profile edits and the per-creator, per-remix and following lists. Counters (followers,
// likes, comments…) live on the user and video rows and change in the same transaction
// as the edge that changes them. Every Store implementation must pass the SocialStore
// part of tests/store/store_contract_test.cpp.
//
// Lists are newest first with keyset pagination: `after` is the last item of the
// previous page (time, id) and the page starts strictly after it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "model/social.h"
#include "model/user.h"
#include "model/video.h"

namespace dreamfeed {

using PagePosition = FeedPosition;  // (time in ms, id) of the last item of a page

class SocialStore {
 public:
  virtual ~SocialStore() = default;

  // Profile edits. nullopt leaves a field as it is. not_found for an unknown user.
  virtual Result<User> update_profile(std::string_view user_id,
                                      const std::optional<std::string>& display_name,
                                      const std::optional<std::string>& bio) = 0;
  // Increments the user's avatar_version and returns the user.
  virtual Result<User> bump_avatar_version(std::string_view user_id) = 0;

  // Idempotent; both return the followee's follower count afterwards. not_found when
  // either user does not exist.
  virtual Result<std::int64_t> follow(std::string_view follower_id, std::string_view followee_id,
                                      std::int64_t now_ms) = 0;
  virtual Result<std::int64_t> unfollow(std::string_view follower_id,
                                        std::string_view followee_id) = 0;
  // The people who follow `user_id`, and the people it follows, most recent edge first.
  virtual Result<std::vector<FollowEntry>> list_followers(std::string_view user_id,
                                                          const std::optional<PagePosition>& after,
                                                          int limit) = 0;
  virtual Result<std::vector<FollowEntry>> list_following(std::string_view user_id,
                                                          const std::optional<PagePosition>& after,
                                                          int limit) = 0;
  // Which of `user_ids` `follower_id` follows (one query for a whole page).
  virtual Result<std::vector<std::string>> followed_among(
      std::string_view follower_id, const std::vector<std::string>& user_ids) = 0;

  // Idempotent; both return the video's like count afterwards. not_found for an
  // unknown video.
  virtual Result<std::int64_t> like(std::string_view user_id, std::string_view video_id,
                                    std::int64_t now_ms) = 0;
  virtual Result<std::int64_t> unlike(std::string_view user_id, std::string_view video_id) = 0;
  // Which of `video_ids` `user_id` likes (one query for a whole page).
  virtual Result<std::vector<std::string>> liked_among(
      std::string_view user_id, const std::vector<std::string>& video_ids) = 0;
  // Every video `user_id` likes, at most `limit`, in no particular order (for a caller
  // that keeps a viewer's likes at hand, services/feed/cached_clip_store).
  virtual Result<std::vector<std::string>> liked_videos(std::string_view user_id, int limit) = 0;

  // Stores the comment (author.id, video_id, text, time) and counts it on the video;
  // returns it with its author filled in. not_found for an unknown video.
  virtual Result<Comment> add_comment(const Comment& comment) = 0;
  virtual Result<Comment> find_comment(std::string_view comment_id) = 0;  // not_found
  virtual Status delete_comment(std::string_view comment_id) = 0;         // not_found
  virtual Result<std::vector<Comment>> list_comments(std::string_view video_id,
                                                     const std::optional<PagePosition>& after,
                                                     int limit) = 0;

  // Published videos, newest published first (the feed's order and cursor): of one
  // creator; remixing one video; of the creators `follower_id` follows.
  virtual Result<std::vector<Video>> list_creator_videos(std::string_view creator_id,
                                                         const std::optional<PagePosition>& after,
                                                         int limit) = 0;
  virtual Result<std::vector<Video>> list_remixes(std::string_view video_id,
                                                  const std::optional<PagePosition>& after,
                                                  int limit) = 0;
  virtual Result<std::vector<Video>> list_following_feed(std::string_view follower_id,
                                                         const std::optional<PagePosition>& after,
                                                         int limit) = 0;
};

}  // namespace dreamfeed
