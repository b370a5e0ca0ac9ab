// Misuse of the clip encoder and failures around it come back as Error values, and
// never leave a file (whole or half-written) where the video should be.
#include <gtest/gtest.h>

#include <vector>

#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "adapters/media/ffmpeg/media_probe.h"
#include "support/temp_dir.h"
#include "synthetic_clip.h"

namespace dreamfeed::testing {
namespace {

ClipFormat small_format() {
  ClipFormat format;
  format.width = 320;
  format.height = 240;
  format.frame_count = 6;
  return format;
}

class EncoderErrorsTest : public ::testing::Test {
 protected:
  std::unique_ptr<ClipEncoder> open_encoder(const ClipFormat& format = small_format()) {
    auto encoder = factory.open(format, video, thumbnail);
    EXPECT_TRUE(encoder.ok()) << encoder.error().message;
    return encoder.ok() ? std::move(encoder).value() : nullptr;
  }

  TempDir dir;
  std::filesystem::path video = dir / "clip.mp4";
  std::filesystem::path thumbnail = dir / "clip.jpg";
  FfmpegClipEncoderFactory factory{EncoderSettings{"ultrafast", 23, 1}};
};

TEST_F(EncoderErrorsTest, OddWidthOrHeightIsRejectedAtOpen) {
  for (auto [width, height] : {std::pair{321, 240}, std::pair{320, 241}, std::pair{0, 240}}) {
    ClipFormat format = small_format();
    format.width = width;
    format.height = height;
    auto encoder = factory.open(format, video, thumbnail);
    ASSERT_FALSE(encoder.ok());
    EXPECT_EQ(encoder.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(encoder.error().field, width != 320 ? "width" : "height");
    EXPECT_NE(encoder.error().message.find("even"), std::string::npos);
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST_F(EncoderErrorsTest, UnknownX264PresetIsRejectedAtOpen) {
  FfmpegClipEncoderFactory bad_preset{EncoderSettings{"warp-speed", 23, 0}};
  auto encoder = bad_preset.open(small_format(), video, thumbnail);
  ASSERT_FALSE(encoder.ok());
  EXPECT_EQ(encoder.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(encoder.error().message.find("warp-speed"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST_F(EncoderErrorsTest, UnwritableVideoPathIsAnErrorAtOpen) {
  auto encoder = factory.open(small_format(), dir / "missing" / "clip.mp4", thumbnail);
  ASSERT_FALSE(encoder.ok());
  EXPECT_EQ(encoder.error().code, ErrorCode::internal);
  EXPECT_NE(encoder.error().message.find("clip.mp4"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST_F(EncoderErrorsTest, UnwritableThumbnailPathIsAnErrorAtOpen) {
  auto encoder = factory.open(small_format(), video, dir / "missing" / "clip.jpg");
  ASSERT_FALSE(encoder.ok());
  EXPECT_EQ(encoder.error().code, ErrorCode::internal);
  EXPECT_NE(encoder.error().message.find("clip.jpg"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST_F(EncoderErrorsTest, WrongFrameSizeIsRejectedAndTheClipCanStillBeFinished) {
  auto encoder = open_encoder();
  ASSERT_TRUE(encoder);
  SyntheticFrame wrong(640, 480);
  wrong.fill({10, 20, 30});
  auto status = encoder->write_frame(wrong.view());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(status.error().message.find("640x480"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(video));

  SyntheticFrame right(320, 240);
  right.fill({10, 20, 30});
  ASSERT_TRUE(encoder->write_frame(right.view()).ok());
  auto clip = encoder->finish();
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  auto info = probe_media(video);
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->decoded_video_frames, 1);
}

TEST_F(EncoderErrorsTest, AudioThatDoesNotSplitIntoChannelsIsRejected) {
  auto encoder = open_encoder();
  ASSERT_TRUE(encoder);
  const std::vector<float> three_samples(3, 0.0f);
  auto status = encoder->write_audio(three_samples);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::invalid_argument);
}

TEST_F(EncoderErrorsTest, WritingAfterFinishIsAnError) {
  auto encoder = open_encoder();
  ASSERT_TRUE(encoder);
  SyntheticFrame frame(320, 240);
  frame.draw_gradient(0);
  ASSERT_TRUE(encoder->write_frame(frame.view()).ok());
  ASSERT_TRUE(encoder->finish().ok());
  const auto size = std::filesystem::file_size(video);

  auto frame_status = encoder->write_frame(frame.view());
  ASSERT_FALSE(frame_status.ok());
  EXPECT_EQ(frame_status.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(frame_status.error().message.find("finished"), std::string::npos);
  const auto samples = sine_tone(0, 480, 2, 48000);
  EXPECT_FALSE(encoder->write_audio(samples).ok());
  EXPECT_FALSE(encoder->finish().ok());
  encoder.reset();
  EXPECT_EQ(std::filesystem::file_size(video), size);  // the finished clip stays
}

TEST_F(EncoderErrorsTest, FinishingWithoutFramesIsAnErrorAndLeavesNoFiles) {
  auto encoder = open_encoder();
  ASSERT_TRUE(encoder);
  const auto samples = sine_tone(0, 4800, 2, 48000);
  ASSERT_TRUE(encoder->write_audio(samples).ok());
  auto clip = encoder->finish();
  ASSERT_FALSE(clip.ok());
  EXPECT_EQ(clip.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(clip.error().message.find("no frames"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));  // no video, no thumbnail, no partial files
}

TEST_F(EncoderErrorsTest, NoFileAppearsAtVideoFileUntilFinish) {
  auto encoder = open_encoder();
  ASSERT_TRUE(encoder);
  SyntheticFrame frame(320, 240);
  for (int index = 0; index < 6; ++index) {
    frame.draw_gradient(index);
    ASSERT_TRUE(encoder->write_frame(frame.view()).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(video));
  EXPECT_FALSE(std::filesystem::exists(thumbnail));
  ASSERT_TRUE(encoder->finish().ok());
  EXPECT_TRUE(std::filesystem::exists(video));
  EXPECT_TRUE(std::filesystem::exists(thumbnail));
}

TEST_F(EncoderErrorsTest, AbandonedEncoderLeavesNoFiles) {
  {
    auto encoder = open_encoder();
    ASSERT_TRUE(encoder);
    SyntheticFrame frame(320, 240);
    frame.draw_gradient(0);
    ASSERT_TRUE(encoder->write_frame(frame.view()).ok());
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace dreamfeed::testing
