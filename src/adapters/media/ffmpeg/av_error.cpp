// See av_error.h.
#include "adapters/media/ffmpeg/av_error.h"

extern "C" {
#include <libavutil/error.h>
}

namespace dreamfeed::ffmpeg {

std::string av_error_text(int av_error_code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  if (av_strerror(av_error_code, text, sizeof text) < 0) {
    return "FFmpeg error " + std::to_string(av_error_code);
  }
  return text;
}

Error av_error(ErrorCode code, std::string_view what, int av_error_code) {
  return make_error(code, std::string(what) + ": " + av_error_text(av_error_code));
}

}  // namespace dreamfeed::ffmpeg
