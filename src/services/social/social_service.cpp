// SocialService: validation, visibility and paging for the social layer; the store keeps
// the edges and their counters consistent.
#include "services/social/social_service.h"

#include <algorithm>
#include <fstream>

#include "common/crypto.h"
#include "common/utf8.h"

namespace dreamfeed {
namespace {

// `text` trimmed, if it is valid UTF-8 of min_characters to max_characters code points.
Result<std::string> clean_text(std::string_view text, const std::string& field,
                               std::size_t min_characters, std::size_t max_characters) {
  if (!utf8_length(text)) {
    return make_error(ErrorCode::invalid_argument, field + " is not valid UTF-8", field);
  }
  std::string_view trimmed = trim_ascii_space(text);
  const std::size_t length = *utf8_length(trimmed);
  if (length < min_characters) {
    return make_error(ErrorCode::invalid_argument, field + " is empty", field);
  }
  if (length > max_characters) {
    return make_error(ErrorCode::invalid_argument,
                      field + " is " + std::to_string(length) + " characters long; the limit is " +
                          std::to_string(max_characters),
                      field);
  }
  return std::string(trimmed);
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Error no_such_user(std::string_view handle) {
  return make_error(ErrorCode::not_found, "no user has the handle " + std::string(handle));
}

}  // namespace

SocialService::SocialService(UserStore& users, SocialStore& social, StudioService& studio,
                             BlobStore& blobs, ImageTranscoder& images, const Clock& clock,
                             std::filesystem::path scratch_dir, ActivityListener& activity)
    : users_(users),
      social_(social),
      studio_(studio),
      blobs_(blobs),
      images_(images),
      clock_(clock),
      scratch_dir_(std::move(scratch_dir)),
      activity_(activity) {}

// ---- profiles ----

Result<ProfileView> SocialService::profile(const User* viewer, std::string_view handle) {
  auto found = users_.find_user_by_handle(handle);
  if (!found) {
    return found.error().code == ErrorCode::not_found ? no_such_user(handle) : found.error();
  }
  ProfileView view{std::move(found->user), false};
  if (viewer != nullptr && viewer->id != view.user.id) {
    auto followed = social_.followed_among(viewer->id, {view.user.id});
    if (!followed) return followed.error();
    view.followed_by_me = !followed->empty();
  }
  return view;
}

Result<FeedPage> SocialService::creator_videos(const User* viewer, std::string_view handle,
                                               std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  auto creator = profile(viewer, handle);
  if (!creator) return creator.error();
  return video_page(viewer, social_.list_creator_videos(creator->user.id, *after, limit + 1),
                    limit);
}

Result<ProfilePage> SocialService::followers(const User* viewer, std::string_view handle,
                                             std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  auto user = profile(viewer, handle);
  if (!user) return user.error();
  return profile_page(viewer, social_.list_followers(user->user.id, *after, limit + 1), limit);
}

Result<ProfilePage> SocialService::following(const User* viewer, std::string_view handle,
                                             std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  auto user = profile(viewer, handle);
  if (!user) return user.error();
  return profile_page(viewer, social_.list_following(user->user.id, *after, limit + 1), limit);
}

Result<ProfilePage> SocialService::profile_page(const User* viewer,
                                                Result<std::vector<FollowEntry>> rows, int limit) {
  if (!rows) return rows.error();
  ProfilePage page;
  page.next_cursor = trim_to_page(*rows, limit, [](const FollowEntry& entry) {
    return FeedPosition{entry.followed_at_ms, entry.user.id};
  });
  std::vector<std::string> followed;
  if (viewer != nullptr && !rows->empty()) {
    std::vector<std::string> ids;
    for (const FollowEntry& entry : *rows) ids.push_back(entry.user.id);
    auto found = social_.followed_among(viewer->id, ids);
    if (!found) return found.error();
    followed = std::move(*found);
  }
  for (FollowEntry& entry : *rows) {
    const bool is_followed = contains(followed, entry.user.id);
    page.items.push_back({std::move(entry.user), is_followed});
  }
  return page;
}

Result<FollowState> SocialService::follow(const User& caller, std::string_view handle) {
  auto followee = users_.find_user_by_handle(handle);
  if (!followee) {
    return followee.error().code == ErrorCode::not_found ? no_such_user(handle) : followee.error();
  }
  if (followee->user.id == caller.id) {
    return make_error(ErrorCode::invalid_argument, "you cannot follow yourself", "handle");
  }
  const std::int64_t now = clock_.now_ms();
  auto followers = social_.follow(caller.id, followee->user.id, now);
  if (!followers) return followers.error();
  activity_.engaged(caller.id, Engagement{.kind = Engagement::Kind::follow,
                                          .id = "follow:" + followee->user.id,
                                          .creator_id = followee->user.id,
                                          .at_ms = now});
  return FollowState{true, *followers};
}

Result<FollowState> SocialService::unfollow(const User& caller, std::string_view handle) {
  auto followee = users_.find_user_by_handle(handle);
  if (!followee) {
    return followee.error().code == ErrorCode::not_found ? no_such_user(handle) : followee.error();
  }
  auto followers = social_.unfollow(caller.id, followee->user.id);
  if (!followers) return followers.error();
  activity_.engaged(caller.id, Engagement{.kind = Engagement::Kind::unfollow,
                                          .id = "unfollow:" + followee->user.id,
                                          .creator_id = followee->user.id,
                                          .at_ms = clock_.now_ms()});
  return FollowState{false, *followers};
}

Result<User> SocialService::edit_profile(const User& caller, ProfileEdit edit) {
  if (edit.display_name) {
    auto name = clean_text(*edit.display_name, "display_name", 1, kMaxDisplayNameCharacters);
    if (!name) return name.error();
    edit.display_name = std::move(*name);
  }
  if (edit.bio) {
    auto bio = clean_text(*edit.bio, "bio", 0, kMaxBioCharacters);
    if (!bio) return bio.error();
    edit.bio = std::move(*bio);
  }
  return social_.update_profile(caller.id, edit.display_name, edit.bio);
}

Result<User> SocialService::set_avatar(const User& caller, std::string_view content_type,
                                       std::string_view image) {
  // Parameters such as "; charset=…" do not change what the bytes are.
  content_type = trim_ascii_space(content_type.substr(0, content_type.find(';')));
  if (content_type != "image/jpeg" && content_type != "image/png" && content_type != "image/webp") {
    return make_error(ErrorCode::unsupported_media_type,
                      "an avatar must be image/jpeg, image/png or image/webp");
  }
  if (image.empty()) {
    return make_error(ErrorCode::invalid_argument, "the request body holds no image");
  }
  if (image.size() > kMaxAvatarBytes) {
    return make_error(ErrorCode::payload_too_large, "an avatar may be at most 2 MB");
  }
  std::error_code ec;
  std::filesystem::create_directories(scratch_dir_, ec);
  const std::string stem = new_id("upload");
  const std::filesystem::path upload = scratch_dir_ / (stem + ".img");
  const std::filesystem::path jpeg = scratch_dir_ / (stem + ".jpg");
  struct Cleanup {
    std::filesystem::path a, b;
    ~Cleanup() {
      std::error_code ignored;  // scratch files; a leftover is harmless
      std::filesystem::remove(a, ignored);
      std::filesystem::remove(b, ignored);
    }
  } cleanup{upload, jpeg};
  {
    std::ofstream out(upload, std::ios::binary | std::ios::trunc);
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!out) return make_error(ErrorCode::internal, "cannot write the upload to scratch space");
  }
  if (auto ok = images_.square_jpeg(upload, kAvatarSide, jpeg); !ok) return ok.error();
  if (auto ok = blobs_.put_file("avatars/" + caller.id + ".jpg", jpeg, "image/jpeg"); !ok) {
    return ok.error();
  }
  return social_.bump_avatar_version(caller.id);
}

// ---- likes ----

Result<LikeState> SocialService::like(const User& caller, std::string_view video_id) {
  if (auto video = studio_.video(&caller, video_id); !video) return video.error();
  const std::int64_t now = clock_.now_ms();
  auto likes = social_.like(caller.id, video_id, now);
  if (!likes) return likes.error();
  // One id per (viewer, clip): liking again after an unlike does not count twice.
  activity_.engaged(caller.id, Engagement{.kind = Engagement::Kind::like,
                                          .id = "like:" + std::string(video_id),
                                          .video_id = std::string(video_id),
                                          .at_ms = now});
  return LikeState{true, *likes};
}

Result<LikeState> SocialService::unlike(const User& caller, std::string_view video_id) {
  if (auto video = studio_.video(&caller, video_id); !video) return video.error();
  auto likes = social_.unlike(caller.id, video_id);
  if (!likes) return likes.error();
  activity_.engaged(caller.id, Engagement{.kind = Engagement::Kind::unlike,
                                          .id = "unlike:" + std::string(video_id),
                                          .video_id = std::string(video_id),
                                          .at_ms = clock_.now_ms()});
  return LikeState{false, *likes};
}

Status SocialService::mark_liked(const User* viewer, std::vector<Video>& videos) {
  if (viewer == nullptr || videos.empty()) return {};
  std::vector<std::string> ids;
  for (const Video& video : videos) ids.push_back(video.id);
  auto liked = social_.liked_among(viewer->id, ids);
  if (!liked) return liked.error();
  for (Video& video : videos) video.liked_by_me = contains(*liked, video.id);
  return {};
}

// ---- comments ----

Result<CommentPage> SocialService::comments(const User* viewer, std::string_view video_id,
                                            std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  if (auto video = studio_.video(viewer, video_id); !video) return video.error();
  auto rows = social_.list_comments(video_id, *after, limit + 1);
  if (!rows) return rows.error();
  CommentPage page;
  page.items = std::move(*rows);
  page.next_cursor = trim_to_page(page.items, limit, [](const Comment& comment) {
    return FeedPosition{comment.created_at_ms, comment.id};
  });
  return page;
}

Result<Comment> SocialService::add_comment(const User& caller, std::string_view video_id,
                                           std::string_view text) {
  auto clean = clean_text(text, "text", 1, kMaxCommentCharacters);
  if (!clean) return clean.error();
  if (auto video = studio_.video(&caller, video_id); !video) return video.error();
  Comment comment;
  comment.id = new_id("cmt");
  comment.video_id = std::string(video_id);
  comment.author.id = caller.id;
  comment.text = std::move(*clean);
  comment.created_at_ms = clock_.now_ms();
  auto added = social_.add_comment(comment);
  if (added) {
    activity_.engaged(caller.id, Engagement{.kind = Engagement::Kind::comment,
                                            .id = "comment:" + added->id,
                                            .video_id = added->video_id,
                                            .at_ms = added->created_at_ms});
  }
  return added;
}

Status SocialService::delete_comment(const User& caller, std::string_view comment_id) {
  auto comment = social_.find_comment(comment_id);
  if (!comment) return comment.error();
  // A comment on a video the caller cannot see does not exist for them.
  auto video = studio_.video(&caller, comment->video_id);
  if (!video) return make_error(ErrorCode::not_found, "comment not found");
  if (comment->author.id != caller.id && video->creator_id != caller.id && !caller.is_admin) {
    return make_error(ErrorCode::forbidden,
                      "only the comment's author, the video's creator or an admin can delete it");
  }
  return social_.delete_comment(comment_id);
}

// ---- video lists ----

Result<FeedPage> SocialService::remixes(const User* viewer, std::string_view video_id,
                                        std::string_view cursor, int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  if (auto video = studio_.video(viewer, video_id); !video) return video.error();
  return video_page(viewer, social_.list_remixes(video_id, *after, limit + 1), limit);
}

Result<FeedPage> SocialService::following_feed(const User& caller, std::string_view cursor,
                                               int limit) {
  auto after = read_page_request(cursor, limit);
  if (!after) return after.error();
  return video_page(&caller, social_.list_following_feed(caller.id, *after, limit + 1), limit);
}

Result<FeedPage> SocialService::video_page(const User* viewer, Result<std::vector<Video>> rows,
                                           int limit) {
  if (!rows) return rows.error();
  FeedPage page;
  page.items = std::move(*rows);
  page.next_cursor = trim_to_page(page.items, limit, feed_position);
  if (auto ok = mark_liked(viewer, page.items); !ok) return ok.error();
  return page;
}

}  // namespace dreamfeed
