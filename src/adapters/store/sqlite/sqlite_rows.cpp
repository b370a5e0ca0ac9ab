// Reading rows back into users, videos and jobs; see sqlite_rows.h.
#include "adapters/store/sqlite/sqlite_rows.h"

namespace dreamfeed::sqlite {

User read_user_at(const Statement& row, int first) {
  User user;
  user.id = row.text(first);
  user.handle = row.text(first + 1);
  user.display_name = row.text(first + 2);
  user.is_admin = row.int64(first + 3) != 0;
  user.created_at_ms = row.int64(first + 4);
  user.bio = row.text(first + 6);
  user.avatar_version = row.int32(first + 7);
  user.followers = row.int64(first + 8);
  user.following = row.int64(first + 9);
  user.published_videos = row.int64(first + 10);
  return user;
}

UserRecord read_user_record(const Statement& row) {
  UserRecord record;
  record.user = read_user_at(row, 0);
  record.password_hash = row.text(5);
  return record;
}

Video read_video(const Statement& row) {
  Video video;
  video.id = row.text(0);
  video.creator_id = row.text(1);
  video.creator_handle = row.text(2);
  video.status = row.text(3) == to_string(VideoStatus::published) ? VideoStatus::published
                                                                  : VideoStatus::draft;
  video.prompt = row.text(4);
  video.seconds = row.int32(5);
  video.width = row.int32(6);
  video.height = row.int32(7);
  video.seed = row.uint64(8);
  video.remix_of = row.optional_text(9);
  video.backend = row.text(10);
  video.video_key = row.text(11);
  video.thumbnail_key = row.text(12);
  video.size_bytes = row.int64(13);
  video.scene_json = row.text(14);
  video.created_at_ms = row.int64(15);
  video.published_at_ms = row.optional_int64(16);
  video.creator_display_name = row.text(17);
  video.creator_avatar_version = row.int32(18);
  video.likes = row.int64(19);
  video.comments = row.int64(20);
  video.remixes = row.int64(21);
  video.remix_source_handle = row.optional_text(22);
  return video;
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

Result<std::vector<Video>> read_videos(Statement& query) {
  std::vector<Video> videos;
  while (true) {
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return videos;
    videos.push_back(read_video(query));
  }
}

Status insert_video_row(Connection& connection, const Video& video) {
  auto insert = connection.prepare(
      "INSERT INTO videos (id, creator_id, status, prompt, seconds, width, height, seed, "
      "remix_of, backend, video_key, thumbnail_key, size_bytes, scene_json, created_at_ms, "
      "published_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  insert->bind_all(video.id, video.creator_id, to_string(video.status), video.prompt, video.seconds,
                   video.width, video.height, video.seed, video.remix_of, video.backend,
                   video.video_key, video.thumbnail_key, video.size_bytes, video.scene_json,
                   video.created_at_ms, video.published_at_ms);
  if (auto s = insert->run(); !s) {
    Error error = s.error();
    error.message = "cannot store video " + video.id + ": " + error.message;
    if (error.code == ErrorCode::conflict) error.field = "id";
    return error;
  }
  if (video.status == VideoStatus::published) return count_publication(connection, video, 1);
  return {};
}

Status count_publication(Connection& connection, const Video& video, int delta) {
  auto creator =
      connection.prepare("UPDATE users SET published_count = published_count + ? WHERE id = ?");
  if (!creator) return creator.error();
  if (auto s = creator->bind_all(delta, video.creator_id).run(); !s) return s.error();
  if (!video.remix_of) return {};
  auto source =
      connection.prepare("UPDATE videos SET remixes_count = remixes_count + ? WHERE id = ?");
  if (!source) return source.error();
  return source->bind_all(delta, *video.remix_of).run();
}

Result<Job> read_job(const Statement& row) {
  Job job;
  job.id = row.text(0);
  job.user_id = row.text(1);
  auto status = parse_job_status(row.text(2));
  auto aspect = parse_aspect(row.text(6));
  auto resolution = parse_resolution(row.text(7));
  if (!status || !aspect || !resolution) {
    return make_error(ErrorCode::internal, "job " + job.id +
                                               " has an unknown status, aspect or "
                                               "resolution in the database");
  }
  job.status = *status;
  job.progress = row.int32(3);
  job.request.prompt = row.text(4);
  job.request.seconds = row.int32(5);
  job.request.aspect = *aspect;
  job.request.resolution = *resolution;
  job.request.seed = row.uint64(8);
  job.request.remix_of = row.optional_text(9);
  job.request.creator_handle = row.text(10);
  job.priority = row.int32(11);
  job.attempts = row.int32(12);
  job.max_attempts = row.int32(13);
  job.lease_token = row.text(14);
  job.lease_owner = row.text(15);
  job.lease_expires_at_ms = row.int64(16);
  job.video_id = row.optional_text(17);
  job.error = row.optional_text(18);
  job.created_at_ms = row.int64(19);
  job.updated_at_ms = row.int64(20);
  return job;
}

}  // namespace dreamfeed::sqlite
