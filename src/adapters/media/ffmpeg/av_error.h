// Turns FFmpeg's negative error codes into this project's Error values, keeping
// av_strerror's text so that a log line says what FFmpeg actually objected to.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace dreamfeed::ffmpeg {

std::string av_error_text(int av_error_code);

// "<what>: <FFmpeg's text>", with the code chosen by the caller.
Error av_error(ErrorCode code, std::string_view what, int av_error_code);

}  // namespace dreamfeed::ffmpeg
