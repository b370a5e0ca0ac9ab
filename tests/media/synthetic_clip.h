// Synthetic input for the media tests: frames drawn into a byte buffer laid out as
// cairo's ARGB32, a sine tone, and a one-call way to encode a clip from them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "adapters/media/ffmpeg/rgb_image.h"
#include "common/result.h"
#include "interfaces/clip_encoder.h"

namespace dreamfeed::testing {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

// One reusable ARGB32 frame buffer, with a stride wider than the picture (as cairo's
// may be) so that the encoder has to honour it.
class SyntheticFrame {
 public:
  SyntheticFrame(int width, int height);

  void fill(Rgb colour);
  void fill_row(int y, Rgb colour);
  // A gradient that moves with `index`, so that every frame differs from the next.
  void draw_gradient(int index);
  Rgb expected_gradient_pixel(int index, int x, int y) const;

  FrameView view() const { return {pixels_.data(), width_, height_, stride_}; }

 private:
  void put(int x, int y, Rgb colour);
  int width_;
  int height_;
  int stride_;
  std::vector<std::uint8_t> pixels_;
};

// `sample_frames` of an interleaved 440 Hz sine, continuing from `first_sample`.
std::vector<float> sine_tone(std::int64_t first_sample, std::int64_t sample_frames, int channels,
                             int sample_rate);

struct SyntheticClipOptions {
  ClipFormat format;
  int frames_to_write = -1;  // -1: format.frame_count
  // Audio is written in chunks of these sizes (sample frames), cycling, until it
  // covers the video; empty writes no audio at all.
  std::vector<int> audio_chunk_frames = {1600};
  // Draws frame `index` into the buffer; the moving gradient when empty.
  std::function<void(SyntheticFrame&, int index)> draw;
};

// Opens an encoder, writes the frames and audio interleaved as a generator would,
// and finishes.
Result<EncodedClip> encode_synthetic_clip(ClipEncoderFactory& factory,
                                          const SyntheticClipOptions& options,
                                          const std::filesystem::path& video_file,
                                          const std::filesystem::path& thumbnail_file);

// Mean of each channel over the whole image.
Rgb mean_colour(const RgbImage& image);

}  // namespace dreamfeed::testing
