// Decodes one video frame to RGB, so tests anywhere in the project can check what a
// viewer would actually see.
#pragma once

#include <cstdint>
#include <filesystem>

#include "adapters/media/ffmpeg/rgb_image.h"
#include "common/result.h"

namespace dreamfeed {

// The frame at `frame_index` (0-based, in display order) of the file's main video
// stream. An index past the last frame is invalid_argument; a missing file not_found.
Result<RgbImage> decode_video_frame_rgb(const std::filesystem::path& file,
                                        std::int64_t frame_index);

}  // namespace dreamfeed
