// RecordingSink: hashes every frame, keeps chosen ones, appends all audio.
#include "recording_sink.h"

#include <algorithm>
#include <cstring>

namespace dreamfeed::testing {

RecordingSink::RecordingSink(std::vector<int> keep, int frame_total) {
  for (int index : keep) keep_.push_back(index < 0 ? frame_total + index : index);
}

Status RecordingSink::write_frame(const FrameView& frame) {
  const int index = frames_seen_++;
  if (fail_at_ && *fail_at_ == index) return failure_;

  if (frame.pixels == nullptr || frame.stride < frame.width * 4 ||
      (last_width_ >= 0 && (frame.width != last_width_ || frame.height != last_height_))) {
    sizes_ok_ = false;
  }
  last_width_ = frame.width;
  last_height_ = frame.height;
  if (frame.pixels == nullptr) return {};

  std::uint64_t hash = 0xCBF29CE484222325ULL;
  const auto row_bytes = static_cast<std::size_t>(frame.width) * 4;
  for (int y = 0; y < frame.height; ++y) {
    // Eight bytes at a time (rows of ARGB32 are a multiple of 4 bytes; a trailing
    // half word is folded in on its own).
    const std::uint8_t* row = frame.pixels + static_cast<std::ptrdiff_t>(y) * frame.stride;
    std::size_t i = 0;
    for (; i + 8 <= row_bytes; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, row + i, 8);
      hash = (hash ^ word) * 0x100000001B3ULL;
    }
    for (; i < row_bytes; ++i) hash = (hash ^ row[i]) * 0x100000001B3ULL;
  }
  hashes_.push_back(hash);

  if (std::ranges::find(keep_, index) != keep_.end()) {
    KeptFrame kept{frame.width, frame.height, {}};
    kept.pixels.resize(static_cast<std::size_t>(frame.width) *
                       static_cast<std::size_t>(frame.height));
    for (int y = 0; y < frame.height; ++y) {
      std::memcpy(
          kept.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.width),
          frame.pixels + static_cast<std::ptrdiff_t>(y) * frame.stride, row_bytes);
    }
    kept_[index] = std::move(kept);
  }
  return {};
}

Status RecordingSink::write_audio(std::span<const float> interleaved_samples) {
  audio_.insert(audio_.end(), interleaved_samples.begin(), interleaved_samples.end());
  return {};
}

}  // namespace dreamfeed::testing
