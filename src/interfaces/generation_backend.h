// A generation backend turns a GenerationRequest into a clip: it either streams
// frames and audio into a ClipSink (the built-in sketch engine, a GPU model) or hands
// back a finished video file (a hosted API such as Sora 2). See DESIGN.md: Generation.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "interfaces/clip_sink.h"
#include "model/generation_request.h"

namespace dreamfeed {

// Told how far the backend got (0–100). Returns false when the job was cancelled or
// its lease lost; the backend should then stop and return ErrorCode::cancelled.
using ProgressReporter = std::function<bool(int percent)>;

struct GenerationOutput {
  // Set when the backend produced a finished file instead of writing to the sink.
  std::optional<std::filesystem::path> finished_file;
  // What the backend understood of the prompt (JSON), shown to people; may be empty.
  std::string scene_json;
};

class GenerationBackend {
 public:
  virtual ~GenerationBackend() = default;
  virtual std::string_view name() const = 0;
  // Writes exactly request.frame_count() frames of request.size() and
  // request.seconds × kAudioSampleRate stereo audio into `sink`, or returns a finished file.
  virtual Result<GenerationOutput> generate(const GenerationRequest& request, ClipSink& sink,
                                            const ProgressReporter& progress) = 0;
};

}  // namespace dreamfeed
