// What a person asks the generator for: the prompt and the clip's shape. Shared by
// the studio service (which validates it), the job queue (which stores it) and every
// generation backend (which renders it).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dreamfeed {

enum class Aspect { portrait, landscape, square };
enum class Resolution { p480, p720, p1080 };

inline constexpr int kAllowedSeconds[] = {4, 8, 12};
inline constexpr int kFramesPerSecond = 24;
// Clips' soundtracks are AAC-LC at 128 kb/s stereo, where FFmpeg's encoder keeps 0–16
// kHz and drops the rest. 32 kHz sampling carries exactly that band: the same sound
// as 48 kHz after encoding, for two thirds of the synthesis and about a sixth less
// AAC work (bench/RESULTS.md, 2026-12-06 "32 kHz").
inline constexpr int kAudioSampleRate = 32000;
inline constexpr int kAudioChannels = 2;
// The audio sample frames that belong to the video frames before `frame`. A frame's
// share need not be whole (32000 / 24), so each frame takes those up to its end time.
constexpr std::int64_t audio_samples_before(int frame) {
  return std::int64_t{frame} * kAudioSampleRate / kFramesPerSecond;
}
inline constexpr std::size_t kMaxPromptCharacters = 2000;
// Seeds stay below 2^53 so JavaScript clients can hold them exactly.
inline constexpr std::uint64_t kMaxSeed = (1ULL << 53) - 1;

std::string_view to_string(Aspect aspect);
std::string_view to_string(Resolution resolution);
std::optional<Aspect> parse_aspect(std::string_view text);
std::optional<Resolution> parse_resolution(std::string_view text);
bool is_allowed_seconds(int seconds);

struct FrameSize {
  int width = 0;
  int height = 0;
};
// 720p portrait is 720×1280; 720p landscape 1280×720; 720p square 720×720.
FrameSize frame_size(Aspect aspect, Resolution resolution);

struct GenerationRequest {
  std::string prompt;
  int seconds = 4;
  Aspect aspect = Aspect::portrait;
  Resolution resolution = Resolution::p720;
  std::uint64_t seed = 0;
  std::optional<std::string> remix_of;  // id of the video this one remixes
  std::string creator_handle;           // drawn in the visible watermark

  FrameSize size() const { return frame_size(aspect, resolution); }
  int frame_count() const { return seconds * kFramesPerSecond; }
};

}  // namespace dreamfeed
