// Keeps libx264's statistics and muxer notes out of the test output; real FFmpeg
// errors still show.
#include <gtest/gtest.h>

#include "adapters/media/ffmpeg/ffmpeg_logging.h"

namespace {

class QuietFfmpeg : public ::testing::Environment {
 public:
  void SetUp() override { dreamfeed::limit_ffmpeg_logging_to_errors(); }
};

[[maybe_unused]] const auto* const quiet_ffmpeg =
    ::testing::AddGlobalTestEnvironment(new QuietFfmpeg);

}  // namespace
