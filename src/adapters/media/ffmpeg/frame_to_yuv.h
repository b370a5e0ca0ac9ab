// Converts a drawn frame (cairo's ARGB32) into the yuv420p frame libx264 encodes, with
// libyuv's BT.601 limited-range conversion (the matrix the clip encoder tags).
#pragma once

#include "interfaces/clip_sink.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace dreamfeed::ffmpeg {

// `yuv` is an allocated yuv420p frame of the same size. Rows padded to whole blocks
// (padded_frame_stride) are converted whole; the padding's columns land in the yuv
// rows' own padding, which no reader of the frame looks at.
void convert_frame_to_yuv420p(const FrameView& frame, AVFrame& yuv);

}  // namespace dreamfeed::ffmpeg
