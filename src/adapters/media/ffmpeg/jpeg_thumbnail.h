// Writes the poster image shown before a clip plays: a baseline JPEG, at most
// kThumbnailMaxWidth wide so feeds do not download full-size stills, from drawn
// (BGRA), decoded (RGB) or video (any AVFrame) pictures.
#pragma once

#include <filesystem>

#include "adapters/media/ffmpeg/rgb_image.h"
#include "common/result.h"
#include "interfaces/clip_sink.h"

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

// Scales a drawn frame (cairo's ARGB32, as a ClipSink receives it) to thumbnail_size and
// writes it to `file` as JPEG (overwriting). The clip encoder's poster: the drawn
// pixels themselves, before the video's limited-range conversion.
Status write_jpeg_thumbnail(const FrameView& frame, const std::filesystem::path& file);
// The same for a decoded picture.
Status write_jpeg_thumbnail(const RgbImage& image, const std::filesystem::path& file);
// The same for a video frame in any pixel format (converted to RGB first).
Status write_jpeg_thumbnail(const AVFrame& frame, const std::filesystem::path& file);
// Scales `image` to exactly width×height and writes it to `file` as JPEG (overwriting).
Status write_jpeg(const RgbImage& image, int width, int height, const std::filesystem::path& file);

}  // namespace dreamfeed
