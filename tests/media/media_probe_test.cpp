// probe_media and decode_video_frame_rgb on files that are not clips: missing,
// not media at all, and frame indexes past the end.
#include <gtest/gtest.h>

#include <fstream>

#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "adapters/media/ffmpeg/frame_decoder.h"
#include "adapters/media/ffmpeg/media_probe.h"
#include "adapters/media/ffmpeg/mp4_boxes.h"
#include "support/temp_dir.h"
#include "synthetic_clip.h"

namespace dreamfeed::testing {
namespace {

TEST(MediaProbeTest, MissingFileIsNotFound) {
  TempDir dir;
  auto info = probe_media(dir / "nothing.mp4");
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().code, ErrorCode::not_found);
  auto image = decode_video_frame_rgb(dir / "nothing.mp4", 0);
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().code, ErrorCode::not_found);
}

TEST(MediaProbeTest, FileThatIsNotMediaIsInvalid) {
  TempDir dir;
  std::ofstream(dir / "notes.mp4") << "these are not the frames you are looking for\n";
  auto info = probe_media(dir / "notes.mp4");
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().code, ErrorCode::invalid_argument);
  EXPECT_FALSE(read_top_level_box_types(dir / "notes.mp4").ok());
}

TEST(MediaProbeTest, FrameIndexPastTheEndIsInvalid) {
  TempDir dir;
  FfmpegClipEncoderFactory factory{EncoderSettings{"ultrafast", 23, 1}};
  SyntheticClipOptions options;
  options.format.width = 160;
  options.format.height = 120;
  options.format.frame_count = 3;
  auto clip = encode_synthetic_clip(factory, options, dir / "tiny.mp4", dir / "tiny.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  EXPECT_TRUE(decode_video_frame_rgb(dir / "tiny.mp4", 2).ok());
  auto past_end = decode_video_frame_rgb(dir / "tiny.mp4", 3);
  ASSERT_FALSE(past_end.ok());
  EXPECT_EQ(past_end.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(past_end.error().message.find("only 3 frames"), std::string::npos);
  auto negative = decode_video_frame_rgb(dir / "tiny.mp4", -1);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace dreamfeed::testing
