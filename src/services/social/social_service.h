// The social layer: profiles and their edits (name, bio, avatar), follows, likes,
// comments, and the lists built on them (a creator's videos, a video's remixes, the
// Following feed). Visibility follows the studio: a draft exists only for its creator.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "interfaces/activity_listener.h"
#include "interfaces/blob_store.h"
#include "interfaces/clock.h"
#include "interfaces/image_transcoder.h"
#include "interfaces/store.h"
#include "model/social.h"
#include "model/user.h"
#include "model/video.h"
#include "services/feed/feed_service.h"
#include "services/studio/studio_service.h"

namespace dreamfeed {

struct ProfileView {
  User user;
  bool followed_by_me = false;  // false for a logged-out viewer and for oneself
};

struct ProfilePage {
  std::vector<ProfileView> items;
  std::optional<std::string> next_cursor;
};

struct CommentPage {
  std::vector<Comment> items;
  std::optional<std::string> next_cursor;
};

struct FollowState {
  bool following = false;
  std::int64_t followers = 0;
};

struct LikeState {
  bool liked = false;
  std::int64_t likes = 0;
};

// A profile edit; absent fields stay as they are.
struct ProfileEdit {
  std::optional<std::string> display_name;
  std::optional<std::string> bio;
};

inline constexpr std::size_t kMaxDisplayNameCharacters = 50;
inline constexpr std::size_t kMaxBioCharacters = 160;
inline constexpr std::size_t kMaxCommentCharacters = 500;
inline constexpr std::size_t kMaxAvatarBytes = 2'000'000;  // 2 MB
inline constexpr int kAvatarSide = 256;

class SocialService {
 public:
  // `scratch_dir` holds uploads while they are transcoded; `activity` hears of follows,
  // likes and comments.
  SocialService(UserStore& users, SocialStore& social, StudioService& studio, BlobStore& blobs,
                ImageTranscoder& images, const Clock& clock, std::filesystem::path scratch_dir,
                ActivityListener& activity = no_activity_listener());

  // `viewer` is null for a logged-out visitor. An unknown handle is not_found.
  Result<ProfileView> profile(const User* viewer, std::string_view handle);
  Result<FeedPage> creator_videos(const User* viewer, std::string_view handle,
                                  std::string_view cursor, int limit);
  Result<ProfilePage> followers(const User* viewer, std::string_view handle,
                                std::string_view cursor, int limit);
  Result<ProfilePage> following(const User* viewer, std::string_view handle,
                                std::string_view cursor, int limit);

  // Idempotent. Following oneself is invalid_argument.
  Result<FollowState> follow(const User& caller, std::string_view handle);
  Result<FollowState> unfollow(const User& caller, std::string_view handle);

  // display_name: 1–50 characters; bio: at most 160; both valid UTF-8, trimmed.
  Result<User> edit_profile(const User& caller, ProfileEdit edit);
  // `content_type` must be image/jpeg, image/png or image/webp (else
  // unsupported_media_type); `image` at most kMaxAvatarBytes and decodable.
  Result<User> set_avatar(const User& caller, std::string_view content_type,
                          std::string_view image);

  // Idempotent. A video the caller cannot see is not_found.
  Result<LikeState> like(const User& caller, std::string_view video_id);
  Result<LikeState> unlike(const User& caller, std::string_view video_id);
  // Sets liked_by_me on each video with one store query (nothing for a null viewer).
  Status mark_liked(const User* viewer, std::vector<Video>& videos);

  Result<CommentPage> comments(const User* viewer, std::string_view video_id,
                               std::string_view cursor, int limit);
  // text: 1–500 characters after trimming, valid UTF-8.
  Result<Comment> add_comment(const User& caller, std::string_view video_id, std::string_view text);
  // By the comment's author, the video's creator or an admin (else forbidden); a
  // comment the caller cannot see is not_found.
  Status delete_comment(const User& caller, std::string_view comment_id);

  // Published remixes of a video the viewer can see.
  Result<FeedPage> remixes(const User* viewer, std::string_view video_id, std::string_view cursor,
                           int limit);
  // Published videos of the creators the caller follows.
  Result<FeedPage> following_feed(const User& caller, std::string_view cursor, int limit);

 private:
  Result<ProfilePage> profile_page(const User* viewer, Result<std::vector<FollowEntry>> rows,
                                   int limit);
  Result<FeedPage> video_page(const User* viewer, Result<std::vector<Video>> rows, int limit);

  UserStore& users_;
  SocialStore& social_;
  StudioService& studio_;
  BlobStore& blobs_;
  ImageTranscoder& images_;
  const Clock& clock_;
  std::filesystem::path scratch_dir_;
  ActivityListener& activity_;
};

}  // namespace dreamfeed
