// See ffmpeg_logging.h.
#include "adapters/media/ffmpeg/ffmpeg_logging.h"

extern "C" {
#include <libavutil/log.h>
}

namespace dreamfeed {

void limit_ffmpeg_logging_to_errors() { av_log_set_level(AV_LOG_ERROR); }

}  // namespace dreamfeed
