// What a media file really contains, found by decoding every packet rather than by
// trusting its headers: tests assert on it and `dreamfeed verify` reports it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/result.h"

namespace dreamfeed {

struct MediaInfo {
  std::string container;        // libavformat's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
  double duration_seconds = 0;  // of the container; 0 when it has none (a still image)
  // Video (or image); codec empty when there is no video stream.
  std::string video_codec;   // "h264", "mjpeg", ...
  std::string pixel_format;  // "yuv420p", "yuvj420p", ...
  int width = 0;
  int height = 0;
  double frames_per_second = 0;  // the stream's average frame rate
  std::int64_t decoded_video_frames = 0;
  // Audio; codec empty when there is no audio stream.
  std::string audio_codec;  // "aac", ...
  int audio_sample_rate = 0;
  int audio_channels = 0;
  std::int64_t decoded_audio_samples = 0;  // per channel
  // MP4 only: the index comes before the media data, so playback can start early.
  bool moov_before_mdat = false;
};

// Opens `file`, decodes every video and audio packet of its main streams, and reports
// what it found. Missing file: not_found; unreadable or corrupt media: invalid_argument.
Result<MediaInfo> probe_media(const std::filesystem::path& file);

}  // namespace dreamfeed
