// See frame_to_yuv.h.
#include "adapters/media/ffmpeg/frame_to_yuv.h"

#include <bit>

#include "libyuv/convert_from_argb.h"

namespace dreamfeed::ffmpeg {

// Cairo's ARGB32 is a native-endian 32-bit word: B,G,R,A bytes on the little-endian
// machines Dreamfeed runs on, which is libyuv's "ARGB". Alpha is ignored: premultiplied
// colour is already the colour over black, which is what an opaque video frame shows.
static_assert(std::endian::native == std::endian::little, "frames are converted as BGRA bytes");

void convert_frame_to_yuv420p(const FrameView& frame, AVFrame& yuv) {
  const int blocks_width = padded_frame_stride(frame.width) / 4;
  const bool whole_blocks = frame.stride >= blocks_width * 4 && yuv.linesize[0] >= blocks_width &&
                            yuv.linesize[1] >= blocks_width / 2 &&
                            yuv.linesize[2] >= blocks_width / 2;
  libyuv::ARGBToI420(frame.pixels, frame.stride, yuv.data[0], yuv.linesize[0], yuv.data[1],
                     yuv.linesize[1], yuv.data[2], yuv.linesize[2],
                     whole_blocks ? blocks_width : frame.width, frame.height);
}

}  // namespace dreamfeed::ffmpeg
