// A ClipSink for tests that keeps what a viewer would see and hear: a hash of every
// frame, the pixels of a few chosen frames, and all audio. It can also be told to
// fail, to check that a backend passes sink errors on.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "interfaces/clip_sink.h"

namespace dreamfeed::testing {

struct KeptFrame {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  // premultiplied ARGB, row after row, no padding

  std::uint32_t at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
};

class RecordingSink final : public ClipSink {
 public:
  // Frames whose pixels to keep; a negative index counts from `frame_total` back.
  explicit RecordingSink(std::vector<int> keep = {}, int frame_total = 0);

  Status write_frame(const FrameView& frame) override;
  Status write_audio(std::span<const float> interleaved_samples) override;

  // Makes the write of frame number `index` (0-based) fail with `error`.
  void fail_frame(int index, Error error) { fail_at_ = index, failure_ = std::move(error); }

  int frames_seen() const { return frames_seen_; }
  const std::vector<std::uint64_t>& frame_hashes() const { return hashes_; }
  const std::vector<float>& audio() const { return audio_; }
  const KeptFrame& kept(int index) const { return kept_.at(index); }
  bool all_frames_sized(int width, int height) const {
    return sizes_ok_ && last_width_ == width && last_height_ == height;
  }

 private:
  std::vector<int> keep_;
  int frames_seen_ = 0;
  std::vector<std::uint64_t> hashes_;
  std::map<int, KeptFrame> kept_;
  std::vector<float> audio_;
  std::optional<int> fail_at_;
  Error failure_;
  bool sizes_ok_ = true;
  int last_width_ = -1;
  int last_height_ = -1;
};

}  // namespace dreamfeed::testing
