// The ClipEncoderFactory that the worker uses: H.264 (libx264) + AAC in an MP4 with
// the index first, plus a JPEG thumbnail, all through the FFmpeg libraries.
#pragma once

#include <filesystem>
#include <memory>

#include "interfaces/clip_encoder.h"

namespace dreamfeed {

// Each encoder it opens is for one thread at a time; the factory itself holds only
// settings, so one factory may serve many worker threads. Two encoders must not share
// a video_file: each writes "<video_file>.partial" (and "<thumbnail_file>.partial").
// format.frame_count only chooses the thumbnail (the frame at frame_count / 3, or the
// last one if fewer arrive); the clip has as many frames as were written. A format
// with audio that receives no audio gets a silent track as long as the video.
class FfmpegClipEncoderFactory final : public ClipEncoderFactory {
 public:
  explicit FfmpegClipEncoderFactory(EncoderSettings settings);

  // Checks the format, opens both encoders and the output file (under a temporary
  // name beside video_file; it is renamed into place only by a successful finish()).
  Result<std::unique_ptr<ClipEncoder>> open(const ClipFormat& format,
                                            const std::filesystem::path& video_file,
                                            const std::filesystem::path& thumbnail_file) override;

 private:
  EncoderSettings settings_;
};

// The libx264 threads a clip of `format` gets when EncoderSettings::threads is 0: one a
// core, at most 4, and 1 above 720p, where each thread's frames would take the clip past
// 300 MB (see ffmpeg_clip_encoder.cpp).
int automatic_encoder_threads(const ClipFormat& format);

}  // namespace dreamfeed
