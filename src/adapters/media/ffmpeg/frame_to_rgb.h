// Converts a decoded (or about-to-be-encoded) AVFrame into packed RGB, honouring the
// frame's colour matrix and range so that what comes out matches what was drawn.
#pragma once

#include "adapters/media/ffmpeg/rgb_image.h"
#include "common/result.h"

extern "C" {
#include <libavutil/frame.h>
}

namespace dreamfeed::ffmpeg {

Result<RgbImage> convert_frame_to_rgb(const AVFrame& frame);

}  // namespace dreamfeed::ffmpeg
