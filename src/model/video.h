// A generated clip: a private draft until its creator publishes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/generation_request.h"

namespace dreamfeed {

enum class VideoStatus { draft, published };
std::string_view to_string(VideoStatus status);

struct Video {
  std::string id;  // "vid_…", opaque
  std::string creator_id;
  // Filled by the store on read (joins), ignored on insert.
  std::string creator_handle;
  std::string creator_display_name;
  int creator_avatar_version = 0;
  std::optional<std::string> remix_source_handle;  // creator of remix_of, when it exists
  VideoStatus status = VideoStatus::draft;
  std::string prompt;
  int seconds = 0;
  int width = 0;
  int height = 0;
  std::uint64_t seed = 0;
  std::optional<std::string> remix_of;
  std::string backend;        // which generation backend made it ("sketch")
  std::string video_key;      // blob key of the MP4, e.g. "videos/vid_x.mp4"
  std::string thumbnail_key;  // blob key of the JPEG thumbnail
  std::int64_t size_bytes = 0;
  std::string scene_json;  // what the generator understood of the prompt (JSON), may be empty
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> published_at_ms;
  // Counters kept on the video's row, updated with the like, comment or publication of
  // a remix that changes them; read-only for callers of insert_video.
  std::int64_t likes = 0;
  std::int64_t comments = 0;
  std::int64_t remixes = 0;  // published remixes
  bool liked_by_me = false;  // per viewer: set by the service, never stored
};

// Where a page of the feed ends; the next page starts strictly after it.
struct FeedPosition {
  std::int64_t published_at_ms = 0;
  std::string video_id;
};

}  // namespace dreamfeed
