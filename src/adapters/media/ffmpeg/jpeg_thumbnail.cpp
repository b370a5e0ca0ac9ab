// See jpeg_thumbnail.h. Uses FFmpeg's mjpeg encoder rather than another JPEG library
// because FFmpeg is already linked and the output is one intra frame.
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "adapters/media/ffmpeg/av_error.h"
#include "adapters/media/ffmpeg/av_handles.h"
#include "adapters/media/ffmpeg/frame_to_rgb.h"

namespace dreamfeed {
namespace {

using namespace ffmpeg;

// mjpeg quantiser scale: 2 is near-lossless, 31 is mush; 3 keeps stills crisp at
// roughly 1–2 bits per pixel.
constexpr int kJpegQuality = 3;

// Frames tagged with the BT.601 matrix, or untagged (which FFmpeg reads as BT.601).
bool is_bt601(AVColorSpace colorspace) {
  return colorspace == AVCOL_SPC_SMPTE170M || colorspace == AVCOL_SPC_BT470BG ||
         colorspace == AVCOL_SPC_UNSPECIFIED;
}

// Encodes a full-range yuvj420p frame as one baseline JPEG into `file`.
Status encode_jpeg(AVFrame& frame, const std::filesystem::path& file) {
  PacketPtr packet(av_packet_alloc());
  if (!packet) return make_error(ErrorCode::internal, "cannot allocate the thumbnail packet");
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
  if (!codec) return make_error(ErrorCode::internal, "FFmpeg was built without the mjpeg encoder");
  CodecContextPtr encoder(avcodec_alloc_context3(codec));
  if (!encoder) return make_error(ErrorCode::internal, "cannot allocate the mjpeg encoder");
  encoder->width = frame.width;
  encoder->height = frame.height;
  encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
  encoder->color_range = AVCOL_RANGE_JPEG;
  encoder->time_base = {1, 25};
  encoder->flags |= AV_CODEC_FLAG_QSCALE;
  encoder->global_quality = FF_QP2LAMBDA * kJpegQuality;
  frame.quality = encoder->global_quality;
  if (int rc = avcodec_open2(encoder.get(), codec, nullptr); rc < 0) {
    return av_error(ErrorCode::internal, "cannot open the mjpeg encoder", rc);
  }
  if (int rc = avcodec_send_frame(encoder.get(), &frame); rc < 0) {
    return av_error(ErrorCode::internal, "cannot encode the thumbnail", rc);
  }
  if (int rc = avcodec_receive_packet(encoder.get(), packet.get()); rc < 0) {
    return av_error(ErrorCode::internal, "cannot encode the thumbnail", rc);
  }

  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(packet->data), packet->size);
  out.close();
  if (!out) {
    return make_error(ErrorCode::internal, "cannot write thumbnail " + file.string());
  }
  return {};
}

// Runs `scaler` (to yuvj420p at width×height) over the source planes and writes the
// result as JPEG.
Status scale_and_encode(SwsContext* scaler, const std::uint8_t* const source[],
                        const int source_stride[], int source_height, int width, int height,
                        const std::filesystem::path& file) {
  FramePtr frame(av_frame_alloc());
  if (!frame) return make_error(ErrorCode::internal, "cannot allocate the thumbnail frame");
  frame->format = AV_PIX_FMT_YUVJ420P;
  frame->width = width;
  frame->height = height;
  frame->color_range = AVCOL_RANGE_JPEG;
  if (int rc = av_frame_get_buffer(frame.get(), 0); rc < 0) {
    return av_error(ErrorCode::internal, "cannot allocate the thumbnail frame", rc);
  }
  sws_scale(scaler, source, source_stride, 0, source_height, frame->data, frame->linesize);
  return encode_jpeg(*frame, file);
}

}  // namespace

ThumbnailSize thumbnail_size(int frame_width, int frame_height) {
  if (frame_width <= kThumbnailMaxWidth) return {frame_width, frame_height};
  const double scale = static_cast<double>(kThumbnailMaxWidth) / frame_width;
  const int height = std::max(1, static_cast<int>(std::lround(frame_height * scale)));
  return {kThumbnailMaxWidth, height};
}

Status write_jpeg_thumbnail(const RgbImage& image, const std::filesystem::path& file) {
  const ThumbnailSize size = thumbnail_size(image.width, image.height);
  return write_jpeg(image, size.width, size.height, file);
}

Status write_jpeg(const RgbImage& image, int width, int height, const std::filesystem::path& file) {
  SwsContextPtr scaler(sws_getContext(image.width, image.height, AV_PIX_FMT_RGB24, width, height,
                                      AV_PIX_FMT_YUVJ420P, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr,
                                      nullptr, nullptr));
  if (!scaler) return make_error(ErrorCode::internal, "cannot allocate the thumbnail scaler");
  const std::uint8_t* source[1] = {image.rgb.data()};
  const int source_stride[1] = {image.width * 3};
  return scale_and_encode(scaler.get(), source, source_stride, image.height, width, height, file);
}

Status write_jpeg_thumbnail(const AVFrame& frame, const std::filesystem::path& file) {
  if (frame.format != AV_PIX_FMT_YUV420P || !is_bt601(frame.colorspace) ||
      frame.color_range == AVCOL_RANGE_JPEG) {
    auto image = convert_frame_to_rgb(frame);
    if (!image) return image.error();
    return write_jpeg_thumbnail(*image, file);
  }
  const ThumbnailSize size = thumbnail_size(frame.width, frame.height);
  SwsContextPtr scaler(sws_getContext(frame.width, frame.height, AV_PIX_FMT_YUV420P, size.width,
                                      size.height, AV_PIX_FMT_YUVJ420P,
                                      SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  if (!scaler) return make_error(ErrorCode::internal, "cannot allocate the thumbnail scaler");
  // Both sides use the BT.601 matrix, so only the range changes: limited (16–235) in,
  // full (0–255) out.
  const int* bt601 = sws_getCoefficients(SWS_CS_ITU601);
  sws_setColorspaceDetails(scaler.get(), bt601, 0, bt601, 1, 0, 1 << 16, 1 << 16);
  return scale_and_encode(scaler.get(), frame.data, frame.linesize, frame.height, size.width,
                          size.height, file);
}

}  // namespace dreamfeed
