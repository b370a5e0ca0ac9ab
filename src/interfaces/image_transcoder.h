// Turns an uploaded picture into the one shape the site shows: a square JPEG. Services
// (the avatar upload) see only this; adapters/media/ffmpeg implements it.
#pragma once

#include <filesystem>

#include "common/result.h"

namespace dreamfeed {

class ImageTranscoder {
 public:
  virtual ~ImageTranscoder() = default;
  // Decodes `image_file` (JPEG, PNG, WebP…), crops its centre square and writes it
  // scaled to side×side as JPEG to `jpeg_file`. invalid_argument when the file is not a
  // decodable image.
  virtual Status square_jpeg(const std::filesystem::path& image_file, int side,
                             const std::filesystem::path& jpeg_file) = 0;
};

}  // namespace dreamfeed
