// ImageTranscoder on the FFmpeg libraries: FFmpeg's image decoders (mjpeg, png, webp)
// read the upload as a one-frame video, and the thumbnails' JPEG writer (libjpeg-turbo)
// makes the JPEG.
#pragma once

#include "interfaces/image_transcoder.h"

namespace dreamfeed {

class FfmpegImageTranscoder final : public ImageTranscoder {
 public:
  Status square_jpeg(const std::filesystem::path& image_file, int side,
                     const std::filesystem::path& jpeg_file) override;
};

}  // namespace dreamfeed
