// What a viewer gets from FfmpegClipEncoder: clips of each shape that play for the
// right time with sound, start playing early (moov first), show the colours that
// were drawn, and come with a thumbnail.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <thread>

#include "adapters/media/ffmpeg/ffmpeg_clip_encoder.h"
#include "adapters/media/ffmpeg/frame_decoder.h"
#include "adapters/media/ffmpeg/jpeg_thumbnail.h"
#include "adapters/media/ffmpeg/media_probe.h"
#include "adapters/media/ffmpeg/mp4_boxes.h"
#include "support/temp_dir.h"
#include "synthetic_clip.h"

namespace dreamfeed::testing {
namespace {

ClipFormat clip_format(int width, int height, int frame_count) {
  ClipFormat format;
  format.width = width;
  format.height = height;
  format.frames_per_second = 24;
  format.frame_count = frame_count;
  format.audio_sample_rate = 48000;
  format.audio_channels = 2;
  return format;
}

void expect_near_colour(Rgb actual, Rgb expected, int tolerance) {
  EXPECT_NEAR(actual.r, expected.r, tolerance);
  EXPECT_NEAR(actual.g, expected.g, tolerance);
  EXPECT_NEAR(actual.b, expected.b, tolerance);
}

class ClipEncoderTest : public ::testing::Test {
 protected:
  TempDir dir;
  FfmpegClipEncoderFactory factory{EncoderSettings{"veryfast", 23, 0}};
};

TEST_F(ClipEncoderTest, PortraitClipPlaysFourSecondsWithSoundAndStartsEarly) {
  SyntheticClipOptions options;
  options.format = clip_format(720, 1280, 96);
  const auto started = std::chrono::steady_clock::now();
  auto clip = encode_synthetic_clip(factory, options, dir / "clip.mp4", dir / "clip.jpg");
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  std::cout << "[ timing ] 4 s 720x1280 clip (drawing + encoding, veryfast): "
            << std::chrono::duration<double, std::milli>(elapsed).count() << " ms\n";

  EXPECT_EQ(clip->video_file, dir / "clip.mp4");
  EXPECT_EQ(clip->thumbnail_file, dir / "clip.jpg");
  EXPECT_DOUBLE_EQ(clip->duration_seconds, 4.0);
  EXPECT_EQ(clip->size_bytes,
            static_cast<std::int64_t>(std::filesystem::file_size(dir / "clip.mp4")));

  auto info = probe_media(dir / "clip.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_NEAR(info->duration_seconds, 4.0, 0.05);
  EXPECT_EQ(info->video_codec, "h264");
  EXPECT_EQ(info->pixel_format, "yuv420p");
  EXPECT_EQ(info->width, 720);
  EXPECT_EQ(info->height, 1280);
  EXPECT_DOUBLE_EQ(info->frames_per_second, 24.0);
  EXPECT_EQ(info->decoded_video_frames, 96);
  EXPECT_EQ(info->audio_codec, "aac");
  EXPECT_EQ(info->audio_sample_rate, 48000);
  EXPECT_EQ(info->audio_channels, 2);
  EXPECT_NEAR(static_cast<double>(info->decoded_audio_samples), 4 * 48000, 1024);
  EXPECT_TRUE(info->moov_before_mdat);

  auto thumbnail = probe_media(dir / "clip.jpg");
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  EXPECT_EQ(thumbnail->video_codec, "mjpeg");
  EXPECT_EQ(thumbnail->width, 720);
  EXPECT_EQ(thumbnail->height, 1280);
  EXPECT_EQ(thumbnail->decoded_video_frames, 1);
  EXPECT_FALSE(thumbnail->moov_before_mdat);

  std::error_code ignored;
  EXPECT_FALSE(std::filesystem::exists(dir / "clip.mp4.partial", ignored));
  EXPECT_FALSE(std::filesystem::exists(dir / "clip.jpg.partial", ignored));
}

TEST_F(ClipEncoderTest, LandscapeClipHasItsShapeAndANarrowerThumbnail) {
  SyntheticClipOptions options;
  options.format = clip_format(1280, 720, 24);
  auto clip = encode_synthetic_clip(factory, options, dir / "wide.mp4", dir / "wide.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto info = probe_media(dir / "wide.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->width, 1280);
  EXPECT_EQ(info->height, 720);
  EXPECT_EQ(info->decoded_video_frames, 24);
  EXPECT_NEAR(info->duration_seconds, 1.0, 0.05);
  EXPECT_TRUE(info->moov_before_mdat);

  auto thumbnail = probe_media(dir / "wide.jpg");
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  EXPECT_EQ(thumbnail->video_codec, "mjpeg");
  EXPECT_EQ(thumbnail->width, 720);
  EXPECT_EQ(thumbnail->height, 405);
  EXPECT_EQ(thumbnail_size(1280, 720).height, 405);
}

TEST_F(ClipEncoderTest, SquareClipHasItsShape) {
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 24);
  auto clip = encode_synthetic_clip(factory, options, dir / "square.mp4", dir / "square.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto info = probe_media(dir / "square.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->width, 480);
  EXPECT_EQ(info->height, 480);
  EXPECT_EQ(info->decoded_video_frames, 24);
  EXPECT_EQ(info->audio_codec, "aac");
  EXPECT_TRUE(info->moov_before_mdat);

  auto boxes = read_top_level_box_types(dir / "square.mp4");
  ASSERT_TRUE(boxes.ok()) << boxes.error().message;
  ASSERT_GE(boxes->size(), 3u);
  EXPECT_EQ(boxes->front(), "ftyp");
  EXPECT_EQ(boxes->back(), "mdat");

  auto thumbnail = probe_media(dir / "square.jpg");
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  EXPECT_EQ(thumbnail->width, 480);
  EXPECT_EQ(thumbnail->height, 480);
}

TEST_F(ClipEncoderTest, DecodedFramesShowTheColoursThatWereDrawn) {
  const Rgb red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255}, grey{128, 128, 128};
  const Rgb colours[] = {red, green, blue, grey};
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 16);
  options.draw = [&](SyntheticFrame& frame, int index) { frame.fill(colours[index / 4]); };
  auto clip = encode_synthetic_clip(factory, options, dir / "solid.mp4", dir / "solid.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  for (int index : {1, 6, 10, 15}) {
    SCOPED_TRACE("frame " + std::to_string(index));
    auto image = decode_video_frame_rgb(dir / "solid.mp4", index);
    ASSERT_TRUE(image.ok()) << image.error().message;
    EXPECT_EQ(image->width, 480);
    EXPECT_EQ(image->height, 480);
    expect_near_colour(mean_colour(*image), colours[index / 4], 6);
    expect_near_colour(
        {image->pixel(240, 240)[0], image->pixel(240, 240)[1], image->pixel(240, 240)[2]},
        colours[index / 4], 8);
  }

  // Frame 16 / 3 = 5 is green; the thumbnail is a full-range BT.601 JPEG.
  auto thumbnail = decode_video_frame_rgb(dir / "solid.jpg", 0);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  expect_near_colour(mean_colour(*thumbnail), green, 8);
}

TEST_F(ClipEncoderTest, ThumbnailOfAGreyRampKeepsItsLevels) {
  // Rows two pixels tall, grey 0 at the top to 255 at the bottom: a poster's sky in
  // miniature. The poster is made from the drawn pixels, not the video's limited-range
  // (16–235) frame, so no level is merged into its neighbour and the sky shows no bands
  // (all 256 remain today; 227 did when the poster came from the video frame).
  SyntheticClipOptions options;
  options.format = clip_format(480, 512, 6);
  options.draw = [&](SyntheticFrame& frame, int) {
    for (int y = 0; y < 512; ++y) {
      const auto level = static_cast<std::uint8_t>(y / 2);
      frame.fill_row(y, {level, level, level});
    }
  };
  auto clip = encode_synthetic_clip(factory, options, dir / "ramp.mp4", dir / "ramp.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto thumbnail = decode_video_frame_rgb(dir / "ramp.jpg", 0);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  std::set<int> levels;
  double error = 0;
  for (int y = 0; y < 512; ++y) {
    const std::uint8_t* pixel = thumbnail->pixel(240, y);
    levels.insert(pixel[1]);
    error += std::abs(pixel[1] - y / 2);
  }
  EXPECT_GE(levels.size(), 250u);
  EXPECT_LT(error / 512, 0.5);
}

TEST_F(ClipEncoderTest, RowPaddingIsConvertedButNeverShows) {
  // 200 pixels wide in rows padded to 224 (padded_frame_stride), so the encoder converts
  // whole blocks and reads the padding: bright red there must not reach the picture.
  constexpr int kWidth = 200, kHeight = 64;
  const int stride = padded_frame_stride(kWidth);
  ASSERT_EQ(stride, 224 * 4);
  std::vector<std::uint32_t> pixels(static_cast<std::size_t>(stride / 4) * kHeight, 0xffff0000u);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x)
      pixels[static_cast<std::size_t>(y * stride / 4 + x)] = 0xff00c000u;
  }
  const FrameView frame{reinterpret_cast<const std::uint8_t*>(pixels.data()), kWidth, kHeight,
                        stride};
  auto encoder =
      factory.open(clip_format(kWidth, kHeight, 4), dir / "padded.mp4", dir / "padded.jpg");
  ASSERT_TRUE(encoder.ok()) << encoder.error().message;
  for (int i = 0; i < 4; ++i) ASSERT_TRUE((*encoder)->write_frame(frame).ok());
  ASSERT_TRUE((*encoder)->finish().ok());

  for (const auto& file : {dir / "padded.mp4", dir / "padded.jpg"}) {
    auto image = decode_video_frame_rgb(file, 0);
    ASSERT_TRUE(image.ok()) << image.error().message;
    ASSERT_EQ(image->width, kWidth);
    for (int y : {0, kHeight / 2, kHeight - 1}) {
      for (int x : {0, kWidth - 2, kWidth - 1}) {
        const std::uint8_t* pixel = image->pixel(x, y);
        expect_near_colour({pixel[0], pixel[1], pixel[2]}, {0, 192, 0}, 12);
      }
    }
  }
}

TEST(AutomaticEncoderThreads, OneAbove720pAndAtMostFourBelow) {
  // Each libx264 thread holds its own frames; above 720p a second one takes a 12 s clip
  // past 300 MB.
  EXPECT_EQ(automatic_encoder_threads(clip_format(1080, 1920, 288)), 1);
  EXPECT_EQ(automatic_encoder_threads(clip_format(1080, 1080, 288)), 1);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(automatic_encoder_threads(clip_format(720, 1280, 96)), std::min(cores, 4));
  EXPECT_EQ(automatic_encoder_threads(clip_format(1280, 720, 96)), std::min(cores, 4));
}

TEST_F(ClipEncoderTest, EachDecodedFrameIsTheFrameDrawnAtThatIndex) {
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 24);
  auto clip = encode_synthetic_clip(factory, options, dir / "moving.mp4", dir / "moving.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  SyntheticFrame reference(480, 480);
  for (int index : {0, 7, 23}) {
    SCOPED_TRACE("frame " + std::to_string(index));
    auto image = decode_video_frame_rgb(dir / "moving.mp4", index);
    ASSERT_TRUE(image.ok()) << image.error().message;
    // Compare smooth parts of the picture (red and green ramps) everywhere, and the
    // blue ramp, which moves 8 levels a frame, away from its wrap-around edge.
    double error_here = 0, error_next = 0;
    int compared = 0;
    for (int y = 8; y < 480; y += 16) {
      for (int x = 8; x < 480; x += 16) {
        const Rgb here = reference.expected_gradient_pixel(index, x, y);
        const Rgb next = reference.expected_gradient_pixel(index + 1, x, y);
        if (here.b < 24 || here.b > 230) continue;
        const std::uint8_t* got = image->pixel(x, y);
        EXPECT_NEAR(got[0], here.r, 12);
        EXPECT_NEAR(got[1], here.g, 12);
        error_here += std::abs(got[2] - here.b);
        error_next += std::abs(got[2] - next.b);
        ++compared;
      }
    }
    ASSERT_GT(compared, 0);
    EXPECT_LT(error_here / compared, 4.0);
    EXPECT_LT(error_here, error_next);
  }
}

TEST_F(ClipEncoderTest, AudioInOddSizedChunksKeepsItsLength) {
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 48);
  options.audio_chunk_frames = {1, 7, 1023, 1025, 333, 4099, 2};
  auto clip = encode_synthetic_clip(factory, options, dir / "chunks.mp4", dir / "chunks.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto info = probe_media(dir / "chunks.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_NEAR(static_cast<double>(info->decoded_audio_samples), 2 * 48000, 1024);
  EXPECT_NEAR(info->duration_seconds, 2.0, 0.05);
}

TEST_F(ClipEncoderTest, ClipWithoutAudioGetsASilentTrackAsLongAsTheVideo) {
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 24);
  options.audio_chunk_frames = {};
  auto clip = encode_synthetic_clip(factory, options, dir / "quiet.mp4", dir / "quiet.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto info = probe_media(dir / "quiet.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->audio_codec, "aac");
  EXPECT_NEAR(static_cast<double>(info->decoded_audio_samples), 48000, 1024);
}

TEST_F(ClipEncoderTest, FormatWithNoAudioChannelsMakesAVideoOnlyFile) {
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 24);
  options.format.audio_channels = 0;
  options.audio_chunk_frames = {};
  auto clip = encode_synthetic_clip(factory, options, dir / "mute.mp4", dir / "mute.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;

  auto info = probe_media(dir / "mute.mp4");
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->video_codec, "h264");
  EXPECT_EQ(info->audio_codec, "");
  EXPECT_EQ(info->decoded_audio_samples, 0);
}

TEST_F(ClipEncoderTest, ShortClipUsesItsLastFrameAsThumbnail) {
  const Rgb red{255, 0, 0}, blue{0, 0, 255};
  SyntheticClipOptions options;
  options.format = clip_format(480, 480, 96);  // a third of the way in would be frame 32
  options.frames_to_write = 5;
  options.draw = [&](SyntheticFrame& frame, int index) { frame.fill(index < 4 ? red : blue); };
  auto clip = encode_synthetic_clip(factory, options, dir / "short.mp4", dir / "short.jpg");
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  EXPECT_NEAR(clip->duration_seconds, 5.0 / 24, 1e-9);

  auto thumbnail = decode_video_frame_rgb(dir / "short.jpg", 0);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().message;
  expect_near_colour(mean_colour(*thumbnail), blue, 8);
}

}  // namespace
}  // namespace dreamfeed::testing
