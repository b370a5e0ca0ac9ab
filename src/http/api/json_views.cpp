// JSON shapes of the API's resources.
#include "http/api/json_views.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <ctime>

#include "http/error_reply.h"

namespace dreamfeed::http {
namespace json = boost::json;

std::string format_timestamp(std::int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + n, sizeof text - n, ".%03dZ", static_cast<int>(ms % 1000));
  return text;
}

json::value avatar_url(const std::string& user_id, int avatar_version,
                       const json::storage_ptr& storage) {
  if (avatar_version <= 0) return json::value(nullptr, storage);
  return json::value("/media/avatars/" + user_id + ".jpg?v=" + std::to_string(avatar_version),
                     storage);
}

json::object profile_json(const User& user, bool followed_by_me) {
  return {{"id", user.id},
          {"handle", user.handle},
          {"display_name", user.display_name},
          {"bio", user.bio},
          {"avatar_url", avatar_url(user.id, user.avatar_version)},
          {"created_at", format_timestamp(user.created_at_ms)},
          {"followers", user.followers},
          {"following", user.following},
          {"published_videos", user.published_videos},
          {"followed_by_me", followed_by_me}};
}

json::object user_json(const User& user) {
  json::object out = profile_json(user, false);
  out["is_admin"] = user.is_admin;
  return out;
}

json::object person_json(const User& user, const json::storage_ptr& storage) {
  return json::object({{"id", user.id},
                       {"handle", user.handle},
                       {"display_name", user.display_name},
                       {"avatar_url", avatar_url(user.id, user.avatar_version, storage)}},
                      storage);
}

json::object comment_json(const Comment& comment) {
  return {{"id", comment.id},
          {"video_id", comment.video_id},
          {"author", person_json(comment.author)},
          {"text", comment.text},
          {"created_at", format_timestamp(comment.created_at_ms)}};
}

json::object page_json(json::array items, const std::optional<std::string>& next_cursor,
                       const json::storage_ptr& storage) {
  return json::object({{"items", std::move(items)},
                       {"next_cursor", next_cursor ? json::value(*next_cursor, storage)
                                                   : json::value(nullptr, storage)}},
                      storage);
}

json::object video_json(const Video& video, bool with_scene, const json::storage_ptr& storage) {
  User creator;
  creator.id = video.creator_id;
  creator.handle = video.creator_handle;
  creator.display_name = video.creator_display_name;
  creator.avatar_version = video.creator_avatar_version;
  json::value remix_source(nullptr, storage);
  if (video.remix_of && video.remix_source_handle) {
    remix_source = json::object(
        {{"id", *video.remix_of}, {"creator_handle", *video.remix_source_handle}}, storage);
  }
  json::object out(
      {
          {"id", video.id},
          {"status", to_string(video.status)},
          {"prompt", video.prompt},
          {"seconds", video.seconds},
          {"width", video.width},
          {"height", video.height},
          {"seed", video.seed},
          {"creator", person_json(creator, storage)},
          {"remix_of",
           video.remix_of ? json::value(*video.remix_of, storage) : json::value(nullptr, storage)},
          {"remix_source", std::move(remix_source)},
          {"likes", video.likes},
          {"comments", video.comments},
          {"remixes", video.remixes},
          {"liked_by_me", video.liked_by_me},
          {"backend", video.backend},
          {"video_url", "/media/" + video.video_key},
          {"thumbnail_url", "/media/" + video.thumbnail_key},
          {"size_bytes", video.size_bytes},
          {"created_at", format_timestamp(video.created_at_ms)},
          {"published_at", video.published_at_ms
                               ? json::value(format_timestamp(*video.published_at_ms), storage)
                               : json::value(nullptr, storage)},
      },
      storage);
  if (with_scene) {
    boost::system::error_code ec;
    json::value scene =
        video.scene_json.empty() ? json::value(nullptr) : json::parse(video.scene_json, ec);
    out["scene"] = ec ? json::value(nullptr) : std::move(scene);
  }
  return out;
}

json::object job_json(const Job& job, int queue_position) {
  const GenerationRequest& r = job.request;
  return {
      {"id", job.id},
      {"status", to_string(job.status)},
      {"progress", job.progress},
      {"queue_position", queue_position},
      {"attempts", job.attempts},
      {"video_id", job.video_id ? json::value(*job.video_id) : json::value(nullptr)},
      {"error", job.error ? json::value(*job.error) : json::value(nullptr)},
      {"request",
       {{"prompt", r.prompt},
        {"seconds", r.seconds},
        {"aspect", to_string(r.aspect)},
        {"resolution", to_string(r.resolution)},
        {"seed", r.seed},
        {"remix_of", r.remix_of ? json::value(*r.remix_of) : json::value(nullptr)}}},
      {"created_at", format_timestamp(job.created_at_ms)},
      {"updated_at", format_timestamp(job.updated_at_ms)},
  };
}

BodyReply json_reply(const json::value& value, Status status) {
  BodyReply reply;
  reply.status = status;
  reply.body = json::serialize(value);
  return reply;
}

BodyReply reply_for(const Error& error) { return error_reply(error); }

}  // namespace dreamfeed::http
