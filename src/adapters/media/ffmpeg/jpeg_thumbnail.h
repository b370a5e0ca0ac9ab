// Writes the poster image shown before a clip plays: a baseline JPEG, at most
// kThumbnailMaxWidth wide so feeds do not download full-size stills.
#pragma once

#include <filesystem>

#include "adapters/media/ffmpeg/rgb_image.h"
#include "common/result.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace dreamfeed {

inline constexpr int kThumbnailMaxWidth = 720;

struct ThumbnailSize {
  int width = 0;
  int height = 0;
};

// The frame's own size, or kThumbnailMaxWidth wide with the same aspect ratio.
ThumbnailSize thumbnail_size(int frame_width, int frame_height);

// Scales `image` to thumbnail_size and writes it to `file` as JPEG (overwriting).
Status write_jpeg_thumbnail(const RgbImage& image, const std::filesystem::path& file);
// The same for a decoded or about-to-be-encoded video frame. A BT.601 yuv420p frame
// (what the clip encoder makes) goes straight to the JPEG's full-range yuvj420p in one
// scaling pass; other frames go through RGB.
Status write_jpeg_thumbnail(const AVFrame& frame, const std::filesystem::path& file);
// Scales `image` to exactly width×height and writes it to `file` as JPEG (overwriting).
Status write_jpeg(const RgbImage& image, int width, int height, const std::filesystem::path& file);

}  // namespace dreamfeed
