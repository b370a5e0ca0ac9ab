// See jpeg_thumbnail.h. JPEG is written with libjpeg-turbo rather than FFmpeg's mjpeg
// encoder: it takes cairo's BGRA rows as they are, with its own exact RGB→YCbCr (a grey
// stays that grey), so a drawn poster needs no conversion pass of its own, and it
// encodes a 720p still in about a third of the time mjpeg with swscale's range
// conversion took (bench/RESULTS.md). Scaling, where a picture is wider than a
// thumbnail, is libyuv's box filter for BGRA and swscale's bicubic for RGB.
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <jpeglib.h>

#include "adapters/media/ffmpeg/av_handles.h"
#include "adapters/media/ffmpeg/frame_to_rgb.h"
#include "libyuv/scale_argb.h"

namespace dreamfeed {
namespace {

using namespace ffmpeg;

// libjpeg's 0–100 scale: 80 keeps drawn edges and text crisp; the showcase poster is
// 45 KB (mjpeg's was 38 KB, from the limited-range frame).
constexpr int kJpegQuality = 80;

// Rows of 8-bit pixels in one of libjpeg's input layouts.
struct JpegInput {
  const std::uint8_t* pixels = nullptr;
  int stride = 0;
  int width = 0;
  int height = 0;
  J_COLOR_SPACE layout = JCS_RGB;
  int components = 3;
};

// libjpeg reports errors through a callback that must not return; this one jumps back
// to compress() with the message.
struct JpegErrors {
  jpeg_error_mgr manager;
  std::jmp_buf on_error;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jump_on_error(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrors*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->on_error, 1);
}

void ignore_warning(j_common_ptr) {}

// Compresses `input` into a buffer libjpeg allocates (*out, freed with std::free).
// Only trivially destructible locals live here, so the error jump skips no destructor.
bool compress(const JpegInput& input, unsigned char** out, unsigned long* size,
              JpegErrors& errors) {
  jpeg_compress_struct info{};
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jump_on_error;
  errors.manager.output_message = ignore_warning;
  if (setjmp(errors.on_error)) {
    jpeg_destroy_compress(&info);
    return false;
  }
  jpeg_create_compress(&info);
  jpeg_mem_dest(&info, out, size);
  info.image_width = static_cast<JDIMENSION>(input.width);
  info.image_height = static_cast<JDIMENSION>(input.height);
  info.input_components = input.components;
  info.in_color_space = input.layout;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, kJpegQuality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    // libjpeg's row type is not const, but compression only reads the rows.
    JSAMPROW row = const_cast<std::uint8_t*>(input.pixels) +
                   static_cast<std::ptrdiff_t>(info.next_scanline) * input.stride;
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  return true;
}

Status write_jpeg_file(const JpegInput& input, const std::filesystem::path& file) {
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  JpegErrors errors{};
  const bool compressed = compress(input, &jpeg, &size, errors);
  if (!compressed) {
    std::free(jpeg);
    return make_error(ErrorCode::internal,
                      std::string("cannot encode the JPEG: ") + errors.message);
  }
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream.write(reinterpret_cast<const char*>(jpeg), static_cast<std::streamsize>(size));
  std::free(jpeg);
  stream.close();
  if (!stream) return make_error(ErrorCode::internal, "cannot write thumbnail " + file.string());
  return {};
}

}  // namespace

ThumbnailSize thumbnail_size(int frame_width, int frame_height) {
  if (frame_width <= kThumbnailMaxWidth) return {frame_width, frame_height};
  const double scale = static_cast<double>(kThumbnailMaxWidth) / frame_width;
  const int height = std::max(1, static_cast<int>(std::lround(frame_height * scale)));
  return {kThumbnailMaxWidth, height};
}

Status write_jpeg_thumbnail(const FrameView& frame, const std::filesystem::path& file) {
  const ThumbnailSize size = thumbnail_size(frame.width, frame.height);
  // Cairo's ARGB32 is B,G,R,A bytes on little-endian machines; JPEG has no alpha, and
  // premultiplied colour is already the colour over black, as the video shows it.
  JpegInput input{frame.pixels, frame.stride, frame.width, frame.height, JCS_EXT_BGRX, 4};
  std::vector<std::uint8_t> scaled;
  if (size.width != frame.width || size.height != frame.height) {
    scaled.resize(static_cast<std::size_t>(size.width) * size.height * 4);
    if (libyuv::ARGBScale(frame.pixels, frame.stride, frame.width, frame.height, scaled.data(),
                          size.width * 4, size.width, size.height, libyuv::kFilterBox) != 0) {
      return make_error(ErrorCode::internal, "cannot scale the thumbnail");
    }
    input = JpegInput{scaled.data(), size.width * 4, size.width, size.height, JCS_EXT_BGRX, 4};
  }
  return write_jpeg_file(input, file);
}

Status write_jpeg_thumbnail(const RgbImage& image, const std::filesystem::path& file) {
  const ThumbnailSize size = thumbnail_size(image.width, image.height);
  return write_jpeg(image, size.width, size.height, file);
}

Status write_jpeg(const RgbImage& image, int width, int height, const std::filesystem::path& file) {
  if (width == image.width && height == image.height) {
    return write_jpeg_file(JpegInput{image.rgb.data(), image.width * 3, width, height}, file);
  }
  SwsContextPtr scaler(sws_getContext(image.width, image.height, AV_PIX_FMT_RGB24, width, height,
                                      AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr,
                                      nullptr, nullptr));
  if (!scaler) return make_error(ErrorCode::internal, "cannot allocate the thumbnail scaler");
  std::vector<std::uint8_t> scaled(static_cast<std::size_t>(width) * height * 3);
  const std::uint8_t* source[1] = {image.rgb.data()};
  const int source_stride[1] = {image.width * 3};
  std::uint8_t* destination[1] = {scaled.data()};
  const int destination_stride[1] = {width * 3};
  sws_scale(scaler.get(), source, source_stride, 0, image.height, destination, destination_stride);
  return write_jpeg_file(JpegInput{scaled.data(), width * 3, width, height}, file);
}

Status write_jpeg_thumbnail(const AVFrame& frame, const std::filesystem::path& file) {
  auto image = convert_frame_to_rgb(frame);
  if (!image) return image.error();
  return write_jpeg_thumbnail(*image, file);
}

}  // namespace dreamfeed
