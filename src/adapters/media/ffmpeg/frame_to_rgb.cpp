// See frame_to_rgb.h.
#include "adapters/media/ffmpeg/frame_to_rgb.h"

#include <string>

#include "adapters/media/ffmpeg/av_handles.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace dreamfeed::ffmpeg {
namespace {

int sws_colorspace_of(AVColorSpace colorspace) {
  switch (colorspace) {
    case AVCOL_SPC_BT709:
      return SWS_CS_ITU709;
    case AVCOL_SPC_FCC:
      return SWS_CS_FCC;
    case AVCOL_SPC_SMPTE240M:
      return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
      return SWS_CS_BT2020;
    default:  // untagged SD video and JPEG are BT.601
      return SWS_CS_DEFAULT;
  }
}

bool is_full_range(const AVFrame& frame) {
  const auto format = static_cast<AVPixelFormat>(frame.format);
  return frame.color_range == AVCOL_RANGE_JPEG || format == AV_PIX_FMT_YUVJ420P ||
         format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUVJ444P;
}

}  // namespace

Result<RgbImage> convert_frame_to_rgb(const AVFrame& frame) {
  const auto format = static_cast<AVPixelFormat>(frame.format);
  const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(format);
  if (!descriptor || frame.width <= 0 || frame.height <= 0) {
    return make_error(ErrorCode::internal, "frame has no picture to convert");
  }
  SwsContextPtr converter(sws_getContext(
      frame.width, frame.height, format, frame.width, frame.height, AV_PIX_FMT_RGB24,
      SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr));
  if (!converter) {
    return make_error(ErrorCode::internal,
                      std::string("cannot convert pixel format ") + descriptor->name + " to RGB");
  }
  // swscale assumes BT.601 unless told; HD video is usually BT.709.
  if (!(descriptor->flags & AV_PIX_FMT_FLAG_RGB)) {
    const int* rgb_coefficients = sws_getCoefficients(SWS_CS_DEFAULT);
    sws_setColorspaceDetails(converter.get(),
                             sws_getCoefficients(sws_colorspace_of(frame.colorspace)),
                             is_full_range(frame), rgb_coefficients, 1, 0, 1 << 16, 1 << 16);
  }

  RgbImage image{frame.width, frame.height, {}};
  image.rgb.resize(static_cast<std::size_t>(frame.width) * frame.height * 3);
  std::uint8_t* destination[1] = {image.rgb.data()};
  const int destination_stride[1] = {frame.width * 3};
  sws_scale(converter.get(), frame.data, frame.linesize, 0, frame.height, destination,
            destination_stride);
  return image;
}

}  // namespace dreamfeed::ffmpeg
