// See jpeg_thumbnail.h. Uses FFmpeg's mjpeg encoder rather than another JPEG library
// because FFmpeg is already linked and the output is one intra frame.
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "adapters/media/ffmpeg/av_error.h"
#include "adapters/media/ffmpeg/av_handles.h"

namespace dreamfeed {
namespace {

// mjpeg quantiser scale: 2 is near-lossless, 31 is mush; 3 keeps stills crisp at
// roughly 1–2 bits per pixel.
constexpr int kJpegQuality = 3;

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
  using namespace ffmpeg;
  const ThumbnailSize size{width, height};

  SwsContextPtr scaler(sws_getContext(image.width, image.height, AV_PIX_FMT_RGB24, size.width,
                                      size.height, AV_PIX_FMT_YUVJ420P,
                                      SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
  FramePtr frame(av_frame_alloc());
  PacketPtr packet(av_packet_alloc());
  if (!scaler || !frame || !packet) {
    return make_error(ErrorCode::internal, "cannot allocate the thumbnail scaler");
  }
  frame->format = AV_PIX_FMT_YUVJ420P;
  frame->width = size.width;
  frame->height = size.height;
  frame->color_range = AVCOL_RANGE_JPEG;
  if (int rc = av_frame_get_buffer(frame.get(), 0); rc < 0) {
    return av_error(ErrorCode::internal, "cannot allocate the thumbnail frame", rc);
  }
  const std::uint8_t* source[1] = {image.rgb.data()};
  const int source_stride[1] = {image.width * 3};
  sws_scale(scaler.get(), source, source_stride, 0, image.height, frame->data, frame->linesize);

  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
  if (!codec) return make_error(ErrorCode::internal, "FFmpeg was built without the mjpeg encoder");
  CodecContextPtr encoder(avcodec_alloc_context3(codec));
  if (!encoder) return make_error(ErrorCode::internal, "cannot allocate the mjpeg encoder");
  encoder->width = size.width;
  encoder->height = size.height;
  encoder->pix_fmt = AV_PIX_FMT_YUVJ420P;
  encoder->color_range = AVCOL_RANGE_JPEG;
  encoder->time_base = {1, 25};
  encoder->flags |= AV_CODEC_FLAG_QSCALE;
  encoder->global_quality = FF_QP2LAMBDA * kJpegQuality;
  frame->quality = encoder->global_quality;
  if (int rc = avcodec_open2(encoder.get(), codec, nullptr); rc < 0) {
    return av_error(ErrorCode::internal, "cannot open the mjpeg encoder", rc);
  }
  if (int rc = avcodec_send_frame(encoder.get(), frame.get()); rc < 0) {
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

}  // namespace dreamfeed
