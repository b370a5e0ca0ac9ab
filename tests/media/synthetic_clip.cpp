// See synthetic_clip.h.
#include "synthetic_clip.h"

#include <cmath>
#include <cstring>
#include <numbers>

namespace dreamfeed::testing {

SyntheticFrame::SyntheticFrame(int width, int height)
    : width_(width),
      height_(height),
      stride_(width * 4 + 64),
      pixels_(static_cast<std::size_t>(stride_) * height) {}

void SyntheticFrame::put(int x, int y, Rgb colour) {
  // Native-endian 0xAARRGGBB words, exactly what cairo's ARGB32 stores.
  const std::uint32_t word =
      0xff000000u | (std::uint32_t{colour.r} << 16) | (std::uint32_t{colour.g} << 8) | colour.b;
  std::memcpy(pixels_.data() + static_cast<std::size_t>(y) * stride_ + x * 4, &word, 4);
}

void SyntheticFrame::fill(Rgb colour) {
  for (int y = 0; y < height_; ++y) fill_row(y, colour);
}

void SyntheticFrame::fill_row(int y, Rgb colour) {
  for (int x = 0; x < width_; ++x) put(x, y, colour);
}

Rgb SyntheticFrame::expected_gradient_pixel(int index, int x, int y) const {
  return {static_cast<std::uint8_t>(255 * x / width_), static_cast<std::uint8_t>(255 * y / height_),
          static_cast<std::uint8_t>((x + y + 8 * index) % 256)};
}

void SyntheticFrame::draw_gradient(int index) {
  for (int y = 0; y < height_; ++y) {
    for (int x = 0; x < width_; ++x) put(x, y, expected_gradient_pixel(index, x, y));
  }
}

std::vector<float> sine_tone(std::int64_t first_sample, std::int64_t sample_frames, int channels,
                             int sample_rate) {
  std::vector<float> samples(static_cast<std::size_t>(sample_frames * channels));
  for (std::int64_t i = 0; i < sample_frames; ++i) {
    const double t = static_cast<double>(first_sample + i) / sample_rate;
    const auto value = static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * 440.0 * t));
    for (int c = 0; c < channels; ++c) samples[static_cast<std::size_t>(i * channels + c)] = value;
  }
  return samples;
}

Result<EncodedClip> encode_synthetic_clip(ClipEncoderFactory& factory,
                                          const SyntheticClipOptions& options,
                                          const std::filesystem::path& video_file,
                                          const std::filesystem::path& thumbnail_file) {
  const ClipFormat& format = options.format;
  auto encoder = factory.open(format, video_file, thumbnail_file);
  if (!encoder) return encoder.error();

  const int frames = options.frames_to_write < 0 ? format.frame_count : options.frames_to_write;
  const std::int64_t total_audio =
      static_cast<std::int64_t>(frames) * format.audio_sample_rate / format.frames_per_second;
  std::int64_t audio_written = 0;
  std::size_t chunk = 0;
  SyntheticFrame frame(format.width, format.height);
  for (int index = 0; index < frames; ++index) {
    if (options.draw) {
      options.draw(frame, index);
    } else {
      frame.draw_gradient(index);
    }
    if (auto status = (*encoder)->write_frame(frame.view()); !status) return status.error();

    // Keep the audio up to the end of this frame, as a generator would.
    const std::int64_t audio_due =
        static_cast<std::int64_t>(index + 1) * format.audio_sample_rate / format.frames_per_second;
    while (!options.audio_chunk_frames.empty() && audio_written < audio_due) {
      const std::int64_t size = std::min<std::int64_t>(
          options.audio_chunk_frames[chunk++ % options.audio_chunk_frames.size()],
          total_audio - audio_written);
      const auto samples =
          sine_tone(audio_written, size, format.audio_channels, format.audio_sample_rate);
      if (auto status = (*encoder)->write_audio(samples); !status) return status.error();
      audio_written += size;
    }
  }
  return (*encoder)->finish();
}

Rgb mean_colour(const RgbImage& image) {
  std::uint64_t sums[3] = {0, 0, 0};
  for (std::size_t i = 0; i < image.rgb.size(); ++i) sums[i % 3] += image.rgb[i];
  const std::uint64_t pixels = std::max<std::uint64_t>(1, image.rgb.size() / 3);
  return {static_cast<std::uint8_t>(sums[0] / pixels), static_cast<std::uint8_t>(sums[1] / pixels),
          static_cast<std::uint8_t>(sums[2] / pixels)};
}

}  // namespace dreamfeed::testing
