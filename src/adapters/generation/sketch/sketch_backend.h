// The built-in `sketch` generation backend: makes a real clip from text on any CPU
// with no model weights. It plans a scene from the prompt and seed (scene_plan), draws
// it (scene_renderer) and plays it (soundtrack); the same request always gives the
// same frames and samples.
#pragma once

#include <string_view>

#include "interfaces/generation_backend.h"

namespace dreamfeed {

class SketchBackend final : public GenerationBackend {
 public:
  SketchBackend() = default;
  std::string_view name() const override { return "sketch"; }
  // Writes frame_count() frames, each followed by one frame's worth (2000 sample
  // frames) of stereo audio. invalid_argument for an empty prompt ("prompt") or an
  // unusable size; cancelled when `progress` returns false; sink errors as they are.
  Result<GenerationOutput> generate(const GenerationRequest& request, ClipSink& sink,
                                    const ProgressReporter& progress) override;
};

}  // namespace dreamfeed
