// Where a generation backend sends what it renders: video frames and audio samples,
// in order. The media encoder implements it (adapters/media/ffmpeg); tests implement
// it to look at frames and samples directly.
#pragma once

#include <cstdint>
#include <span>

#include "common/result.h"
#include "model/generation_request.h"

namespace dreamfeed {

struct ClipFormat {
  int width = 0;   // even
  int height = 0;  // even
  int frames_per_second = 24;
  int frame_count = 0;
  int audio_sample_rate = kAudioSampleRate;
  int audio_channels = 2;
};

// One frame as cairo draws it: CAIRO_FORMAT_ARGB32, i.e. 32-bit native-endian
// premultiplied ARGB (bytes B,G,R,A on little-endian), `height` rows of `stride` bytes,
// all of them readable.
struct FrameView {
  const std::uint8_t* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;
};

// Rows whose stride covers the width rounded up to this many pixels let the encoder
// convert them with libyuv's widest kernels alone (it reads, and discards, the padding),
// where a ragged end costs each row a second, copying pass: about 15 % of converting a
// 720-wide frame. A producer that owns its frame buffer should pad it so, zero-filled.
inline constexpr int kFrameRowBlockPixels = 32;
constexpr int padded_frame_stride(int width) {
  return (width + kFrameRowBlockPixels - 1) / kFrameRowBlockPixels * kFrameRowBlockPixels * 4;
}

class ClipSink {
 public:
  virtual ~ClipSink() = default;
  virtual Status write_frame(const FrameView& frame) = 0;
  // Interleaved float samples in [-1, 1]; any number of sample frames per call.
  virtual Status write_audio(std::span<const float> interleaved_samples) = 0;
};

}  // namespace dreamfeed
