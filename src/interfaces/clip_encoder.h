// Turns a stream of frames and audio into a playable MP4 (H.264 + AAC, moov first)
// plus a JPEG thumbnail. adapters/media/ffmpeg implements it with the FFmpeg libraries.
#pragma once

#include <filesystem>
#include <memory>

#include "common/result.h"
#include "interfaces/clip_sink.h"

namespace dreamfeed {

struct EncodedClip {
  std::filesystem::path video_file;
  std::filesystem::path thumbnail_file;
  double duration_seconds = 0;
  std::int64_t size_bytes = 0;
};

class ClipEncoder : public ClipSink {
 public:
  // Flushes the encoders, writes the MP4 with its index first, and the thumbnail.
  virtual Result<EncodedClip> finish() = 0;
};

struct EncoderSettings {
  std::string x264_preset = "veryfast";
  int crf = 23;
  int threads = 0;  // 0: as many as libx264 chooses
};

class ClipEncoderFactory {
 public:
  virtual ~ClipEncoderFactory() = default;
  virtual Result<std::unique_ptr<ClipEncoder>> open(
      const ClipFormat& format, const std::filesystem::path& video_file,
      const std::filesystem::path& thumbnail_file) = 0;
};

}  // namespace dreamfeed
