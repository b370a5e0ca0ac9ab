// See ffmpeg_image_transcoder.h. The centre crop is a copy of packed RGB rows, which
// is simpler than configuring a crop in swscale.
#include "adapters/media/ffmpeg/ffmpeg_image_transcoder.h"

#include <algorithm>
#include <cstring>

#include "adapters/media/ffmpeg/frame_decoder.h"
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"

namespace dreamfeed {
namespace {

RgbImage centre_square(const RgbImage& image) {
  const int side = std::min(image.width, image.height);
  const int left = (image.width - side) / 2;
  const int top = (image.height - side) / 2;
  RgbImage square;
  square.width = side;
  square.height = side;
  square.rgb.resize(static_cast<std::size_t>(side) * side * 3);
  for (int y = 0; y < side; ++y) {
    std::memcpy(square.rgb.data() + static_cast<std::size_t>(y) * side * 3,
                image.pixel(left, top + y), static_cast<std::size_t>(side) * 3);
  }
  return square;
}

}  // namespace

Status FfmpegImageTranscoder::square_jpeg(const std::filesystem::path& image_file, int side,
                                          const std::filesystem::path& jpeg_file) {
  auto image = decode_video_frame_rgb(image_file, 0);
  if (!image) {
    if (image.error().code == ErrorCode::internal) return image.error();
    return make_error(
        ErrorCode::invalid_argument,
        "the body is not an image that can be decoded (" + image.error().message + ")");
  }
  if (image->width < 1 || image->height < 1) {
    return make_error(ErrorCode::invalid_argument, "the image is empty");
  }
  return write_jpeg(centre_square(*image), side, side, jpeg_file);
}

}  // namespace dreamfeed
