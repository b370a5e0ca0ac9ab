// FFmpeg prints encoder statistics and muxer notes to stderr by default; a server or
// a test run wants only real errors there. Process-wide, so main (or a test) calls it.
#pragma once

namespace dreamfeed {

void limit_ffmpeg_logging_to_errors();

}  // namespace dreamfeed
